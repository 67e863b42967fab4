/**
 * pnpm bench:api — read-endpoint latency over a realistic week of statement statistics.
 *
 * Loads D days × S statements of per-interval statement stats for one database through the
 * telemetry store's own insert path (so the hourly and daily rollups are filled exactly as ingest
 * fills them), starts the server in its own process over the same storage, and times the main read
 * endpoints with C concurrent clients. Prints p50/p95/p99 per endpoint.
 *
 * Options: --store embedded|servers (embedded: SQLite + chDB in a temp dir; servers: PostgreSQL +
 *          ClickHouse started by the test harness) --days D (7) --statements S (5000)
 *          --every-min M (10: each statement has a row every M minutes on average, as agents send
 *          only statements that ran) --requests R (200 per endpoint) --concurrency C (4)
 *          --data-dir DIR: load into DIR and keep it; a DIR loaded before (its `loaded` file) is read
 *          again without loading (its 7 days end when it was loaded), for runs that compare code
 *          --agents N (0) --interval-s S (60): N simulated agents (bench:ingest's) send a batch of 50
 *          statements every S s into the same server while the endpoints are timed (after one interval
 *          of warm-up), and their ack p50/p99 over the timed reads is printed too: the two loads at once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { uuidv7 } from '@vigil/shared';
import { hashPassword } from '../server/src/auth/passwords.js';
import { loadServerConfig } from '../server/src/config.js';
import { openStores } from '../server/src/storage/open-stores.js';
import type { StatementRow } from '../server/src/storage/telemetry/telemetry-store.js';
import { benchAccount, histogramDelta, startBenchServer, startStoreServers, threadTimesPerSecond } from './bench-server.js';
import { connectSimulatedAgents, type SimulatedAgents } from './simulated-agents.js';
import { benchArgs } from './bench-args.js';

const { values: opts } = parseArgs({
  args: benchArgs,
  options: {
    store: { type: 'string', default: 'embedded' },
    days: { type: 'string', default: '7' },
    statements: { type: 'string', default: '5000' },
    'every-min': { type: 'string', default: '10' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    agents: { type: 'string', default: '0' },
    'interval-s': { type: 'string', default: '60' },
    'data-dir': { type: 'string' },
    // Internal: the child process that loads the data (chDB binds a data directory to one process).
    'load-only': { type: 'boolean', default: false },
  },
});
const DAYS = Number(opts.days);
const STATEMENTS = Number(opts.statements);
const EVERY_MIN = Number(opts['every-min']);
const EMAIL = 'bench-api@example.com';
const PASSWORD = 'benchmark password';
const MINUTE = 60_000;

/** Loads the data set; prints the database id on stdout as its last line. */
async function load(): Promise<void> {
  const config = loadServerConfig({ ...process.env, VIGIL_LOG_LEVEL: 'silent' });
  const { meta, telemetry } = await openStores(config);
  await meta.migrate();
  await telemetry.migrate();
  const { org } = await meta.createOrganizationWithUser({ orgName: 'Bench', email: EMAIL, name: 'Bench', passwordHash: await hashPassword(PASSWORD) });
  const agent = await meta.upsertAgent({ orgId: org.id, hostname: 'bench-host', agentVersion: 'bench', at: new Date().toISOString() });
  const db = await meta.upsertDatabase({ orgId: org.id, name: 'bench', engine: 'postgres', engineVersion: '15.0', agentId: agent.id, at: new Date().toISOString() });

  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  const start = end - DAYS * 24 * 60 * MINUTE;
  const started = performance.now();
  let total = 0;
  // One chunk per EVERY_MIN minutes of wall time: each statement once in it, at a minute of its own.
  let rows: StatementRow[] = [];
  const flush = async (): Promise<void> => {
    await telemetry.insertStatements(rows);
    total += rows.length;
    rows = [];
  };
  for (let chunk = start; chunk < end; chunk += EVERY_MIN * MINUTE) {
    const batchId = uuidv7();
    for (let i = 0; i < STATEMENTS; i++) {
      const ts = chunk + (i % EVERY_MIN) * MINUTE + MINUTE;
      if (ts > end) continue;
      // Skewed: a few statements dominate calls and time, as in real workloads.
      const calls = 1 + Math.floor(5000 / (1 + (i % 997)));
      rows.push({
        org_id: org.id,
        database_id: db.id,
        batch_id: batchId,
        ts,
        window_start: ts - MINUTE,
        query_hash: String(1_000_000_000 + i),
        query_text: `SELECT * FROM table_${i % 200} WHERE id = $1 AND kind = $2 /* statement ${i} */`,
        dbid: 16384,
        userid: 10,
        username: 'app',
        toplevel: true,
        calls,
        total_time_ms: calls * (0.2 + (i % 50) / 10),
        rows: calls * 2,
        shared_blks_hit: calls * 40,
        shared_blks_read: calls,
        shared_blks_dirtied: 0,
        shared_blks_written: 0,
        temp_blks_read: 0,
        temp_blks_written: 0,
        blk_read_time_ms: calls * 0.01,
        blk_write_time_ms: 0,
        total_plan_time_ms: calls * 0.05,
      });
    }
    // Large inserts, as the ingest queue groups many agents' batches into one.
    if (rows.length >= 100_000) await flush();
  }
  await flush();
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`loaded ${total.toLocaleString('en-US')} statement rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en-US')} rows/s)\n`);
  await telemetry.close();
  await meta.close();
  process.stdout.write(`${db.id}\n`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timeEndpoint(baseUrl: string, token: string, path: string): Promise<{ status: number; p50: number; p95: number; p99: number }> {
  const requests = Number(opts.requests);
  const times: number[] = [];
  let status = 0;
  const get = async () => {
    const t0 = performance.now();
    const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    status = res.status;
  };
  for (let i = 0; i < 5; i++) await get(); // warm-up, not counted
  times.length = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: Number(opts.concurrency) }, async () => {
      while (next++ < requests) await get();
    }),
  );
  times.sort((a, b) => a - b);
  return { status, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

async function main(): Promise<void> {
  if (opts['load-only']) return load();
  const env: Record<string, string> = {};
  let cleanup = async (): Promise<void> => undefined;
  if (opts.store === 'servers') {
    const servers = await startStoreServers();
    Object.assign(env, servers.env);
    cleanup = servers.stop;
  } else if (opts.store !== 'embedded') {
    throw new Error('--store: must be embedded or servers');
  }
  const keep = opts['data-dir'];
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'vigil-bench-api-'));
  env.VIGIL_DATA_DIR = dataDir;
  try {
    const loaded = join(dataDir, 'loaded');
    let dbId: string;
    let loadedAt = Date.now();
    if (keep !== undefined && existsSync(loaded)) {
      ({ dbId, loadedAt } = JSON.parse(readFileSync(loaded, 'utf8')) as { dbId: string; loadedAt: number });
      process.stderr.write(`reading ${dataDir}, loaded ${new Date(loadedAt).toISOString()}\n`);
    } else {
      if (keep !== undefined) mkdirSync(keep, { recursive: true });
      const loader = spawn(process.execPath, ['--import', 'tsx', 'bench/api-bench.ts', '--load-only', '--days', String(DAYS), '--statements', String(STATEMENTS), '--every-min', String(EVERY_MIN)], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      loader.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => loader.once('exit', resolve));
      if (code !== 0) throw new Error(`loading failed (exit ${code})`);
      dbId = out.trim().split('\n').pop()!;
      if (keep !== undefined) writeFileSync(loaded, JSON.stringify({ dbId, loadedAt }));
    }

    const server = await startBenchServer({ ...env, VIGIL_LOG_LEVEL: 'error' });
    let agents: SimulatedAgents | undefined;
    try {
      const agentCount = Number(opts.agents);
      if (agentCount > 0) {
        // Another organization's agents: the same server and chDB, not the database read below.
        const { agentKey } = await benchAccount(server.baseUrl);
        const intervalMs = Number(opts['interval-s']) * 1000;
        agents = await connectSimulatedAgents({ wsUrl: server.wsUrl, agentKey, agents: agentCount, intervalMs, statements: 50 });
        // One interval of warm-up: every agent has sent once, spread over it.
        await new Promise((r) => setTimeout(r, intervalMs));
        agents.measure();
      }
      const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
      const { access_token: token } = (await login.json()) as { access_token: string };
      // The week loaded: it ended when it was loaded (now, unless --data-dir was loaded before).
      const since = new Date(loadedAt - DAYS * 24 * 3600_000).toISOString();
      const endpoints = [
        `/api/v1/databases/${dbId}/queries?since=${since}`,
        `/api/v1/databases/${dbId}/queries?since=${since}&sort_by=calls&limit=100`,
        `/api/v1/databases/${dbId}/queries`,
        `/api/v1/databases/${dbId}/overview`,
        `/api/v1/databases/${dbId}/queries/1000000001?since=${since}`,
      ];
      console.log(`${new Date().toISOString().slice(0, 10)} store=${opts.store} days=${DAYS} statements=${STATEMENTS} every=${EVERY_MIN}min requests=${opts.requests} concurrency=${opts.concurrency} agents=${opts.agents} interval=${opts['interval-s']}s`);
      console.log('endpoint'.padEnd(70), 'status', 'p50 ms', 'p95 ms', 'p99 ms');
      const metrics0 = await server.metrics();
      const schedule0 = server.schedule();
      const t0 = performance.now();
      for (const path of endpoints) {
        const r = await timeEndpoint(server.baseUrl, token, path);
        console.log(path.replace(dbId, '{id}').replace(since, '7d').padEnd(70), String(r.status).padEnd(6), r.p50.toFixed(1).padStart(6), r.p95.toFixed(1).padStart(6), r.p99.toFixed(1).padStart(6));
      }
      const seconds = (performance.now() - t0) / 1000;
      const threads = threadTimesPerSecond(schedule0, server.schedule(), seconds);
      const metrics1 = await server.metrics();
      if (agents) {
        const { acked, errors, latencies } = agents.results();
        console.log(`agents during the reads: ${acked} batches acked, ${errors} errors, ack p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`);
        console.log(`server side (frame → Ack): ${JSON.stringify(histogramDelta(metrics0, metrics1, 'vigil_ingest_ack_latency_seconds'))}; flush ${JSON.stringify(histogramDelta(metrics0, metrics1, 'vigil_ingest_flush_duration_seconds'))}`);
      }
      // Per server thread: CPU seconds and seconds waiting for a CPU, per second of the timed reads.
      console.log(`server threads (s/s): ${JSON.stringify(threads)}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
      console.log(`server RSS ${server.rssMiB().toFixed(0)} MiB`);
    } finally {
      agents?.stop();
      await server.stop();
    }
  } finally {
    if (keep === undefined) rmSync(dataDir, { recursive: true, force: true });
    await cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
