/**
 * pnpm bench:ingest — N simulated agents on loopback against one server process.
 *
 * Each simulated agent opens its own WebSocket with the agent's API key, says Hello for one
 * database, and sends a Batch of realistic statement rows (built and encoded by the agent's own
 * transform and codec) every interval, spread evenly over the interval. Prints batches/s, statement
 * rows/s, p50/p99 ack latency, and the server's RSS (idle and under load) and CPU.
 *
 * Options: --agents N (2000) --interval-s S (60) --duration-s D (150) --statements K (50)
 *          --saturate (each agent sends its next batch as soon as the last is acked: throughput mode)
 *          --store embedded|servers (embedded: SQLite + chDB in a temp dir, the default; servers: a
 *          PostgreSQL and a ClickHouse started by the test harness, as DATABASE_URL and CLICKHOUSE_URL)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAccount, histogramDelta, startBenchServer, startStoreServers, threadTimesPerSecond } from './bench-server.js';
import { connectSimulatedAgents } from './simulated-agents.js';
import { benchArgs } from './bench-args.js';

const { values: opts } = parseArgs({
  args: benchArgs,
  options: {
    agents: { type: 'string', default: '2000' },
    'interval-s': { type: 'string', default: '60' },
    'duration-s': { type: 'string', default: '150' },
    statements: { type: 'string', default: '50' },
    saturate: { type: 'boolean', default: false },
    store: { type: 'string', default: 'embedded' },
  },
});
if (opts.store !== 'embedded' && opts.store !== 'servers') throw new Error(`--store: must be embedded or servers, got ${opts.store}`);
const AGENTS = Number(opts.agents);
const INTERVAL_MS = Number(opts['interval-s']) * 1000;
const DURATION_MS = Number(opts['duration-s']) * 1000;
const STATEMENTS = Number(opts.statements);

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const stores = opts.store === 'servers' ? await startStoreServers() : undefined;
  const server = await startBenchServer({ VIGIL_DATA_DIR: dataDir, ...stores?.env });
  await new Promise((r) => setTimeout(r, 3000));
  const idleRss = server.rssMiB();
  const { agentKey } = await benchAccount(server.baseUrl);

  const agents = await connectSimulatedAgents({ wsUrl: server.wsUrl, agentKey, agents: AGENTS, intervalMs: INTERVAL_MS, statements: STATEMENTS, saturate: opts.saturate }).catch(async (err: unknown) => {
    // The server is a process of its own: never leave it running.
    await server.stop();
    throw err;
  });
  // The first interval warms up (connection bursts, JIT); measure after it.
  const warmup = opts.saturate ? 5_000 : Math.min(INTERVAL_MS, DURATION_MS / 3);
  if (opts.saturate) agents.startSaturating();
  await new Promise((r) => setTimeout(r, warmup));
  agents.measure();
  const metrics0 = await server.metrics();
  const schedule0 = server.schedule();
  const cpu0 = server.cpuSeconds();
  const t0 = Date.now();
  let peakRss = 0;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, server.rssMiB())), 1000);
  await new Promise((r) => setTimeout(r, DURATION_MS - warmup));
  clearInterval(rssTimer);
  const seconds = (Date.now() - t0) / 1000;
  const cpu = (server.cpuSeconds() - cpu0) / seconds;
  const threads = threadTimesPerSecond(schedule0, server.schedule(), seconds);
  const metrics1 = await server.metrics();
  agents.stop();
  const { acked, errors, latencies } = agents.results();
  await server.stop();
  const storeVersions = stores?.versions;
  await stores?.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const result = {
    date: new Date().toISOString().slice(0, 10),
    stores: storeVersions ? `servers (PostgreSQL ${storeVersions.postgres} + ClickHouse ${storeVersions.clickhouse})` : 'embedded (SQLite + chDB)',
    agents: AGENTS,
    interval_s: INTERVAL_MS / 1000,
    statements_per_batch: STATEMENTS,
    mode: opts.saturate ? 'saturate' : 'interval',
    connect_s: Number(agents.connectSeconds.toFixed(1)),
    measured_s: Number(seconds.toFixed(1)),
    batches_per_s: Number((acked / seconds).toFixed(1)),
    statement_rows_per_s: Math.round((acked * STATEMENTS) / seconds),
    ack_p50_ms: percentile(latencies, 50),
    ack_p99_ms: percentile(latencies, 99),
    errors,
    server_idle_rss_mib: Math.round(idleRss),
    server_peak_rss_mib: Math.round(peakRss),
    server_cpu_cores: Number(cpu.toFixed(2)),
    // Where an ack's time goes: the server's own part (frame received → Ack sent) and its write,
    // then, per server thread, CPU seconds used and seconds spent runnable but waiting for a CPU, per second.
    server_side_ack: histogramDelta(metrics0, metrics1, 'vigil_ingest_ack_latency_seconds'),
    server_flush: histogramDelta(metrics0, metrics1, 'vigil_ingest_flush_duration_seconds'),
    server_event_loop_lag_p99_ms: Math.round((metrics1.get('nodejs_eventloop_lag_p99_seconds') ?? NaN) * 1000),
    server_threads_s_per_s: threads,
    load_average: loadavg().map((l) => Number(l.toFixed(1))),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:ingest failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
