/**
 * pnpm bench:engines — issue 11's tick target: one process evaluates every rule and the health
 * score of 10,000 databases within one 15 s tick, p99 < 5 ms per database, and reports CPU.
 *
 * Seeds the embedded stores (SQLite metadata + chDB telemetry, in a temp dir) with N databases,
 * half PostgreSQL and half ClickHouse, each with its latest snapshots as an agent sends them
 * (PostgreSQL: 60 sessions, 30 locks, 8 databases with settings and checkpointer, 2 standbys and 3
 * slots, 8 × 25 tables with indexes and sequences; ClickHouse: the storage tests' full batch of
 * every kind), about one in five in trouble (a blocked query, an inactive slot). Then runs the
 * real tick twice over all of them: the alert job's `evaluateMany` per chunk (the chunk's leases in
 * one statement, each database's metric digest from the metadata store — services/metric-digests.ts —
 * aged to the tick and judged once for the rules and the score, each organization's rules and open
 * alerts once, alert writes on transitions) with the health evaluator's `recordMany` (score, doctor,
 * the chunk's scores in one insert). The first tick finds no digest (the seeding wrote telemetry
 * straight to the store, not through ingest), so it reads every database's MetricInput in a dozen batch
 * reads per chunk and stores the digests, as after an upgrade; it also opens the alerts. The second,
 * the steady tick, is timed: wall and CPU (chDB runs in this process, so its CPU counts), each
 * database's share of its chunk (p50/p99), the chunk times, a chunk's digests read alone against its
 * MetricInputs read alone; then 100 databases through the single, ingest-triggered path (which reads
 * the database's telemetry and stores its digest).
 *
 * Options: --databases N (10000) --chunk C (500)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { vigil } from '@vigil/proto';
import { loadServerConfig } from '../server/src/config.js';
import { AlertEvents } from '../server/src/engines/alerts/alert-events.js';
import { alertReads } from '../server/src/engines/alerts/alert-source.js';
import { AlertEvaluationJob } from '../server/src/jobs/alert-evaluation-job.js';
import { createLogger } from '../server/src/logger.js';
import { DatabaseEvaluator } from '../server/src/services/database-evaluator.js';
import { metricDigests } from '../server/src/services/metric-digests.js';
import type { Database } from '../server/src/storage/meta/meta-store.js';
import { openStores } from '../server/src/storage/open-stores.js';
import { RECORD_KINDS } from '../server/src/storage/telemetry/kinds/index.js';
import type { BatchIdentity } from '../server/src/storage/telemetry/record-kind.js';
import { metricInputs } from '../server/src/storage/telemetry/reads/metric-inputs.js';
import { telemetryReads } from '../server/src/storage/telemetry/reads/telemetry-reads.js';
import { clickHouseRecords } from '../test/server/storage/kinds/clickhouse-batches.js';
import { benchArgs } from './bench-args.js';

const { values: args } = parseArgs({
  args: benchArgs,
  options: { databases: { type: 'string', default: '10000' }, chunk: { type: 'string', default: '500' } },
});
const N = Number(args.databases);
const CHUNK = Math.max(1, Number(args.chunk));
const NOW = Date.now();
const MINUTE = 60_000;
const SEED_CHUNK = 250;

/** A PostgreSQL agent's latest batch; `troubled`: a blocked query behind an idle transaction, and an inactive slot. */
function postgresBatch(ts: number, troubled: boolean): vigil.v1.IBatch {
  const dbs = Array.from({ length: 8 }, (_, i) => `app${i}`);
  const sessions = Array.from({ length: 60 }, (_, j) => ({
    pid: 1000 + j,
    datname: dbs[j % 8],
    usename: 'app',
    applicationName: 'api',
    backendType: 'client backend',
    state: j % 3 === 0 ? 'active' : troubled && j === 7 ? 'idle in transaction' : 'idle',
    queryDurationMs: j % 3 === 0 ? 120 + j : 0,
    xactDurationMs: troubled && j === 7 ? 400_000 : 50,
    stateDurationMs: troubled && j === 7 ? 400_000 : 1000,
    blockingPids: troubled && j === 6 ? [1007] : [],
    query: `SELECT * FROM orders_${j} WHERE id = $1`,
  }));
  return {
    pgActivity: [{ tsMs: ts, sessions }],
    pgLocks: [{ tsMs: ts, locks: Array.from({ length: 30 }, (_, j) => ({ pid: 1000 + j, locktype: 'relation', mode: 'AccessShareLock', granted: !(troubled && j === 6), datname: 'app0', relation: `public.orders_${j}` })) }],
    pgServer: [
      {
        tsMs: ts,
        windowStartMs: ts - MINUTE,
        connections: 60,
        maxConnections: 100,
        databases: dbs.map((datname) => ({ datname, numbackends: 7, xidAge: 30_000_000, hasDeltas: true, blksHit: 990_000, blksRead: 2000, xactCommit: 5000 })),
        checkpointer: { checkpointsTimed: 1, checkpointsRequested: 0 },
        settings: [
          { name: 'max_connections', setting: '100' },
          { name: 'autovacuum_freeze_max_age', setting: '200000000' },
        ],
      },
    ],
    pgReplication: [
      {
        tsMs: ts,
        standbys: [0, 1].map((j) => ({ pid: 2000 + j, applicationName: `replica${j}`, clientAddr: `10.0.0.${j + 2}`, state: 'streaming', replayLagBytes: 4096, replayLagMs: 40 })),
        slots: [0, 1, 2].map((j) => ({ slotName: `slot${j}`, slotType: 'physical', active: !(troubled && j === 2), retainedBytes: 1 << 20 })),
      },
    ],
    pgDatabaseObjects: dbs.map((datname, d) => ({
      datname,
      tsMs: ts,
      windowStartMs: ts - MINUTE,
      tables: Array.from({ length: 25 }, (_, j) => ({ relid: 16_000 + j, schema: 'public', name: `orders_${j}`, nLiveTup: 100_000 + j, nDeadTup: 2000 + d, hasDeltas: true, lastAutovacuumMs: ts - 3600_000 })),
      indexes: Array.from({ length: 25 }, (_, j) => ({ indexrelid: 17_000 + j, relid: 16_000 + j, schema: 'public', table: `orders_${j}`, name: `orders_${j}_pkey`, valid: true, primary: true, definition: `CREATE UNIQUE INDEX orders_${j}_pkey ON public.orders_${j} (id)` })),
      sequences: Array.from({ length: 6 }, (_, j) => ({ schema: 'public', name: `orders_${j}_id_seq`, dataType: 'integer', lastValue: 100_000, maxValue: 2_147_483_647, usedFraction: 0.0001, ownedBy: `public.orders_${j}.id` })),
    })),
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-engines-bench-'));
  const config = loadServerConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_JWT_SECRET: 'engines-bench-secret-that-is-long-enough-0123456789' });
  const logger = createLogger('warn');
  const stores = await openStores(config, logger);
  try {
    const { org } = await stores.meta.createOrganizationWithUser({ orgName: 'bench', email: 'bench@example.com', name: 'Bench', passwordHash: 'x' });
    console.log(`seeding ${N.toLocaleString('en-US')} databases (half PostgreSQL, half ClickHouse) with their latest snapshots…`);
    const seed0 = performance.now();
    const at = new Date(NOW).toISOString();
    const dbs: Database[] = [];
    for (let start = 0; start < N; start += SEED_CHUNK) {
      const chunk: Database[] = [];
      for (let i = start; i < Math.min(N, start + SEED_CHUNK); i++) {
        const engine = i % 2 === 0 ? 'postgres' : 'clickhouse';
        chunk.push(await stores.meta.createDatabase({ orgId: org.id, name: `db${i}`, engine, engineVersion: engine === 'postgres' ? '16.4' : '24.8.4', host: `h${i}.internal`, port: 5432, tags: {}, at }));
      }
      // One insert per kind per chunk, as the ingest queue batches flushes.
      const rows = new Map<(typeof RECORD_KINDS)[number], unknown[]>();
      chunk.forEach((db, k) => {
        const i = start + k;
        const batch = db.engine === 'postgres' ? postgresBatch(NOW - 5000, i % 5 === 0) : clickHouseRecords(NOW - 5000);
        const identity: BatchIdentity = { org_id: org.id, database_id: db.id, batch_id: `seed-${i}`, window_start: NOW - 5000 - MINUTE, window_end: NOW - 5000 };
        for (const kind of RECORD_KINDS) {
          const kindRows = kind.fromBatch(batch, identity);
          if (kindRows.length > 0) rows.set(kind, [...(rows.get(kind) ?? []), ...kindRows]);
        }
      });
      for (const [kind, kindRows] of rows) await stores.telemetry.insertRecords(kind, kindRows);
      dbs.push(...chunk);
      if ((start / SEED_CHUNK) % 8 === 0) process.stdout.write(`  ${dbs.length.toLocaleString('en-US')}\r`);
    }
    console.log(`seeded in ${((performance.now() - seed0) / 1000).toFixed(0)} s`);

    const inputs = metricDigests({ inputs: metricInputs(telemetryReads(stores.telemetry), stores.meta), digests: stores.meta.alerts, agents: stores.meta, logger });
    const evaluator = new DatabaseEvaluator({ meta: stores.meta, telemetry: stores.telemetry, logger, inputs, alerts: alertReads(stores.meta.alerts) });
    const job = new AlertEvaluationJob({
      meta: stores.meta,
      inputs,
      events: new AlertEvents(),
      logger,
      intervalMs: 15_000,
      chunkSize: CHUNK,
      scores: { leaseName: DatabaseEvaluator.leaseName, recordMany: (chunk, now) => evaluator.recordMany(chunk, now) },
    });
    const chunks = Array.from({ length: Math.ceil(N / CHUNK) }, (_, k) => dbs.slice(k * CHUNK, (k + 1) * CHUNK));
    // One tick opens the alerts of the troubled databases (and warms the JIT and chDB's caches); the next is the steady tick, timed.
    const runTick = async (now: number): Promise<{ wallMs: number; cpuMs: number; perDb: number[]; chunkMs: number[] }> => {
      const perDb: number[] = [];
      const chunkMs: number[] = [];
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      for (const chunk of chunks) {
        const t0 = performance.now();
        const outcomes = await job.evaluateMany(chunk, now);
        const ms = performance.now() - t0;
        const skipped = [...outcomes.values()].filter((o) => !o.evaluated).length;
        if (skipped > 0) throw new Error(`${skipped} of ${chunk.length} databases not evaluated (chunk took ${ms.toFixed(0)} ms)`);
        chunkMs.push(ms);
        if (chunks.length > 4) process.stdout.write(`  ${chunkMs.length}/${chunks.length} chunks, ${(performance.now() - wall0) / 1000 | 0} s\r`);
        // A database's share of its chunk: the chunk's reads, evaluations and writes over its databases.
        for (let i = 0; i < chunk.length; i++) perDb.push(ms / chunk.length);
      }
      const cpu = process.cpuUsage(cpu0);
      return { wallMs: performance.now() - wall0, cpuMs: (cpu.user + cpu.system) / 1000, perDb, chunkMs };
    };
    const warm = await runTick(Date.now());
    const tick = await runTick(Date.now() + 16_000);
    const open = (await stores.meta.alerts.listOpenAlerts(org.id)).length;
    // The ingest-triggered path (one database through the same batch path with one id): alert job and evaluator, as on a stored batch.
    const single: number[] = [];
    for (const db of dbs.filter((_, i) => i % Math.max(1, Math.floor(N / 100)) === 0).slice(0, 100)) {
      const t0 = performance.now();
      await Promise.all([job.evaluate(db, Date.now()), evaluator.evaluate(db)]);
      single.push(performance.now() - t0);
    }
    // How much of a chunk is reading: its digests (what the tick reads) and, for comparison, its MetricInputs (what the stored-event path reads).
    const digests0 = performance.now();
    await inputs.derivedMany(chunks[0]!, Date.now());
    const digestMs = performance.now() - digests0;
    const bodies = [...(await stores.meta.alerts.metricDigests(chunks[0]!.map((d) => d.id))).values()].map((d) => d.body.length);
    const reads0 = performance.now();
    await inputs.forDatabases(chunks[0]!);
    const readMs = performance.now() - reads0;

    const q = (list: number[], p: number): number => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    };
    const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; stores: SQLite metadata + chDB telemetry (embedded)`);
    console.log(`tick over all ${N.toLocaleString('en-US')} databases in chunks of ${CHUNK} (rules + health score + doctor each, reads and writes included); ${open} alerts open`);
    console.log(`  first tick (no digest stored yet: reads every database's telemetry, stores its digest, opens the alerts): ${(warm.wallMs / 1000).toFixed(1)} s, CPU ${(warm.cpuMs / 1000).toFixed(1)} s`);
    console.log(`  steady tick: wall ${(tick.wallMs / 1000).toFixed(1)} s, CPU ${(tick.cpuMs / 1000).toFixed(1)} s (${((100 * tick.cpuMs) / tick.wallMs).toFixed(0)} % of one core)`);
    console.log(`  per database (its share of its chunk): p50 ${fmt(q(tick.perDb, 0.5))}  p99 ${fmt(q(tick.perDb, 0.99))}  max ${fmt(Math.max(...tick.perDb))}`);
    console.log(`  CPU per database: ${fmt(tick.cpuMs / N)} (the steady tick's CPU over its databases)`);
    console.log(`  per chunk of ${CHUNK}: p50 ${fmt(q(tick.chunkMs, 0.5))}  max ${fmt(Math.max(...tick.chunkMs))}; its digests read and aged alone: ${fmt(digestMs)} (${bodies.length} digests, ${Math.round(bodies.reduce((a, b) => a + b, 0) / Math.max(1, bodies.length))} bytes each on average); its MetricInputs read instead: ${fmt(readMs)}`);
    console.log(`  one database alone (ingest-triggered path: reads its telemetry, stores its digest; ${single.length} sampled): p50 ${fmt(q(single, 0.5))}  p99 ${fmt(q(single, 0.99))}`);
    console.log(`  target: within one 15 s tick and p99 < 5 ms — ${tick.wallMs < 15_000 && q(tick.perDb, 0.99) < 5 ? 'met' : 'NOT met'} (tick ${(tick.wallMs / 15_000).toFixed(2)} × the 15 s budget)`);
    await evaluator.close();
    await job.stop();
  } finally {
    await stores.meta.close();
    await stores.telemetry.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
