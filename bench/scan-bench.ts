/**
 * pnpm bench:scan — issue 12's scan target: a scan of a PostgreSQL database with 5,000
 * statements, 2,000 tables and 5,000 indexes finishes in < 10 s.
 *
 * Seeds the embedded stores (SQLite metadata + chDB telemetry, in a temp dir) with one database's
 * telemetry as the agent sends it: 2,000 tables (a fifth of them large and mostly read
 * sequentially) with 5,000 indexes (some unused, duplicate or invalid), over two readings so
 * counters have deltas, and 5,000 statements (a fifth slow and frequent, filtering on a column).
 * Then times the real scan path: the read layer's reads, the advisors (index definitions and
 * statement texts parsed with libpg-query), the reconciliation and the metadata writes. The first
 * scan creates every recommendation; later ones update them. Prints each scan's time and findings.
 *
 * Options: --tables N (2000) --indexes N (5000) --statements N (5000) --scans K (3)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { vigil } from '@vigil/proto';
import { loadServerConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { runScan } from '../server/src/services/scan-service.js';
import { openStores } from '../server/src/storage/open-stores.js';
import { objectsKind } from '../server/src/storage/telemetry/kinds/postgres/objects-tables.js';
import type { StatementRow } from '../server/src/storage/telemetry/telemetry-store.js';
import { telemetryReads } from '../server/src/storage/telemetry/reads/telemetry-reads.js';
import { benchArgs } from './bench-args.js';

const { values: args } = parseArgs({
  args: benchArgs,
  options: { tables: { type: 'string', default: '2000' }, indexes: { type: 'string', default: '5000' }, statements: { type: 'string', default: '5000' }, scans: { type: 'string', default: '3' } },
});
const TABLES = Number(args.tables);
const INDEXES = Number(args.indexes);
const STATEMENTS = Number(args.statements);
const SCANS = Number(args.scans);
const NOW = Date.now();
const MINUTE = 60_000;
const MB = 1024 * 1024;

/** One reading of every table and index; `deltas`: with counters over the minute before. */
function objects(ts: number, deltas: boolean): vigil.v1.IBatch {
  const tables = Array.from({ length: TABLES }, (_, t) => {
    const big = t % 5 === 0;
    return {
      relid: 10_000 + t,
      schema: 'public',
      name: `t${t}`,
      hasSizes: true,
      totalBytes: big ? 500 * MB : 2 * MB,
      tableBytes: big ? 400 * MB : MB,
      indexesBytes: MB,
      toastBytes: 0,
      nLiveTup: big ? 2_000_000 : 5_000,
      nDeadTup: t % 50 === 0 ? 900_000 : 100,
      hasDeltas: deltas,
      ...(deltas ? { seqScan: big ? 400 : 2, seqTupRead: big ? 800_000_000 : 10_000, idxScan: big ? 10 : 500 } : {}),
    };
  });
  const indexes = Array.from({ length: INDEXES }, (_, i) => {
    const t = i % TABLES;
    const k = Math.floor(i / TABLES);
    const columns = k === 0 ? 'id' : k === 1 ? 'c1, c2' : k === 2 ? 'c1' : `c${k}`;
    const unique = k === 0;
    return {
      indexrelid: 100_000 + i,
      relid: 10_000 + t,
      schema: 'public',
      table: `t${t}`,
      name: `t${t}_${k}_idx`,
      hasSize: true,
      sizeBytes: 2 * MB,
      valid: i % 997 !== 0,
      unique,
      primary: unique,
      backsConstraint: unique,
      definition: `CREATE ${unique ? 'UNIQUE ' : ''}INDEX t${t}_${k}_idx ON public.t${t} USING btree (${columns})`,
      idxScanTotal: i % 7 === 0 ? 0 : 100,
      hasDeltas: deltas,
      ...(deltas ? { idxScan: i % 7 === 0 ? 0 : 10 } : {}),
    };
  });
  return { pgDatabaseObjects: [{ datname: 'app', tsMs: ts, windowStartMs: deltas ? ts - MINUTE : 0, statsResetMs: NOW - 30 * 86_400_000, tables, indexes, sequences: [] }] };
}

function statement(i: number, orgId: string, databaseId: string): StatementRow {
  const slow = i % 5 === 0;
  return {
    org_id: orgId, database_id: databaseId, batch_id: 'seed-statements', ts: NOW - MINUTE, window_start: NOW - 2 * MINUTE,
    query_hash: `q${i}`, query_text: `SELECT * FROM public.t${i % TABLES} t JOIN public.t${(i + 1) % TABLES} u ON u.id = t.id WHERE t.c${3 + (i % 3)} = $1 AND u.c1 IN ($2, $3)`,
    datname: 'app', dbid: 1, userid: 10, username: 'app', toplevel: true, calls: slow ? 80 : 20, total_time_ms: slow ? 80 * 35 : 20 * 2, rows: 10,
    shared_blks_hit: 0, shared_blks_read: 0, shared_blks_dirtied: 0, shared_blks_written: 0, temp_blks_read: 0, temp_blks_written: 0, blk_read_time_ms: 0, blk_write_time_ms: 0, total_plan_time_ms: 0,
  } as StatementRow;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-scan-bench-'));
  const config = loadServerConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_JWT_SECRET: 'scan-bench-secret-that-is-long-enough-0123456789' });
  const stores = await openStores(config, createLogger('warn'));
  try {
    const { org } = await stores.meta.createOrganizationWithUser({ orgName: 'bench', email: 'bench@example.com', name: 'Bench', passwordHash: 'x' });
    const db = await stores.meta.createDatabase({ orgId: org.id, name: 'app', engine: 'postgres', engineVersion: '16.4', host: 'h', port: 5432, tags: {}, at: new Date(NOW).toISOString() });
    console.log(`seeding ${TABLES} tables, ${INDEXES} indexes (two readings) and ${STATEMENTS} statements…`);
    const seed0 = performance.now();
    for (const [n, [ts, deltas]] of ([[NOW - 2 * MINUTE, false], [NOW - MINUTE, true]] as const).entries()) {
      const rows = objectsKind.fromBatch(objects(ts, deltas), { org_id: org.id, database_id: db.id, batch_id: `seed-objects-${n}`, window_start: ts - MINUTE, window_end: ts });
      await stores.telemetry.insertRecords(objectsKind, rows);
    }
    await stores.telemetry.insertStatements(Array.from({ length: STATEMENTS }, (_, i) => statement(i, org.id, db.id)));
    console.log(`seeded in ${((performance.now() - seed0) / 1000).toFixed(1)} s`);
    const deps = { meta: stores.meta, reads: telemetryReads(stores.telemetry) };
    for (let k = 0; k < SCANS; k++) {
      const { scan } = await stores.meta.advisors.requestScan(org.id, db.id, 'manual', new Date().toISOString());
      await stores.meta.advisors.startScan(scan.id, new Date().toISOString());
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const summary = await runScan(deps, scan);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      await stores.meta.advisors.finishScan(scan.id, { status: 'done', summary }, new Date().toISOString());
      console.log(`scan ${k + 1}: ${(ms / 1000).toFixed(2)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s) — findings ${summary.findings}, new ${summary.new}, resolved ${summary.resolved}, applied ${summary.applied}`);
    }
    const byType = new Map<string, number>();
    for (const r of await stores.meta.advisors.databaseRecommendations(db.id)) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    console.log(`recommendations by type: ${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')}`);
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; target < 10 s per scan`);
  } finally {
    await stores.meta.close();
    await stores.telemetry.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
