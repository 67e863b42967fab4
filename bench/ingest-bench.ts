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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { AGENT_CONNECT_PATH, PROTOCOL_MAJOR, PROTOCOL_MINOR, decodeServerMessage, encodeAgentMessage, uuidv7 } from '@vigil/shared';
import { statementsToWire } from '../agent/src/transform/statements-transform.js';
import type { StatementDelta } from '../agent/src/state/postgres-statements-state.js';
import { benchAccount, startBenchServer, startStoreServers } from './bench-server.js';

const { values: opts } = parseArgs({
  // pnpm 9 passes the `--` of `pnpm bench:ingest -- --store servers` through.
  args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--')),
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

const TEMPLATES = [
  'SELECT o.id, o.total, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at > $1 ORDER BY o.created_at DESC LIMIT $2',
  'UPDATE inventory SET quantity = quantity - $1, updated_at = now() WHERE sku = $2 AND warehouse_id = $3',
  'INSERT INTO events (id, kind, payload, created_at) VALUES ($1, $2, $3, $4)',
  'SELECT count(*) FROM sessions WHERE user_id = $1 AND expires_at > now()',
];

function deltas(agent: number): StatementDelta[] {
  return Array.from({ length: STATEMENTS }, (_, i) => {
    const calls = 1 + ((agent * 31 + i * 7) % 500);
    return {
      dbid: 16384,
      userid: 10 + (i % 3),
      queryid: String(-9_000_000_000_000 + agent * 1000 + i),
      toplevel: true,
      datname: 'app',
      rolname: 'app',
      query: `${TEMPLATES[i % TEMPLATES.length]} /* ${i} */`,
      counters: {
        calls,
        totalExecTimeMs: calls * 1.7,
        totalPlanTimeMs: calls * 0.1,
        rows: calls * 3,
        sharedBlksHit: calls * 40,
        sharedBlksRead: calls,
        sharedBlksDirtied: 0,
        sharedBlksWritten: 0,
        tempBlksRead: 0,
        tempBlksWritten: 0,
        blkReadTimeMs: 0,
        blkWriteTimeMs: 0,
      },
    } as StatementDelta;
  });
}

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

  const latencies: number[] = [];
  let acked = 0;
  let errors = 0;
  let measuring = false;
  const sockets: WebSocket[] = [];
  const senders: Array<() => void> = [];
  let stopping = false;
  const connectStart = Date.now();

  await Promise.all(
    Array.from({ length: AGENTS }, (_, agent) =>
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(server.wsUrl + AGENT_CONNECT_PATH, { headers: { authorization: `Bearer ${agentKey}` }, perMessageDeflate: false });
        sockets.push(ws);
        const statements = statementsToWire(deltas(agent));
        const sentAt = new Map<string, number>();
        let seq = 0;
        const sendBatch = (): void => {
          if (stopping || ws.readyState !== ws.OPEN) return;
          const batchId = uuidv7();
          const now = Date.now();
          sentAt.set(batchId, now);
          ws.send(encodeAgentMessage({ batch: { batchId, seq: ++seq, database: 'db', windowStartMs: now - INTERVAL_MS, windowEndMs: now, statements } }));
        };
        senders.push(sendBatch);
        ws.on('message', (data: Buffer) => {
          const message = decodeServerMessage(data);
          if (message.welcome) {
            resolve();
            if (opts.saturate) return;
            // Spread agents evenly over the interval, as wall-clock-aligned agents with skewed clocks would be.
            setTimeout(() => {
              sendBatch();
              setInterval(sendBatch, INTERVAL_MS).unref();
            }, (agent / AGENTS) * INTERVAL_MS).unref();
          } else if (message.ack) {
            const start = sentAt.get(message.ack.batchId!);
            sentAt.delete(message.ack.batchId!);
            if (measuring && start !== undefined) {
              latencies.push(Date.now() - start);
              acked++;
            }
            if (opts.saturate) sendBatch();
          } else if (message.error) {
            errors++;
          }
        });
        ws.once('error', reject);
        ws.once('open', () => ws.send(encodeAgentMessage({ hello: { protocolMajor: PROTOCOL_MAJOR, protocolMinor: PROTOCOL_MINOR, agentVersion: 'bench', hostname: `bench-${agent}`, databases: [{ name: 'db', engine: 1, serverVersion: '16.4' }] } })));
      }),
    ),
  );
  const connectSeconds = (Date.now() - connectStart) / 1000;
  // The first interval warms up (connection bursts, JIT); measure after it.
  const warmup = opts.saturate ? 5_000 : Math.min(INTERVAL_MS, DURATION_MS / 3);
  if (opts.saturate) for (const send of senders) send();
  await new Promise((r) => setTimeout(r, warmup));
  measuring = true;
  const cpu0 = server.cpuSeconds();
  const t0 = Date.now();
  let peakRss = 0;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, server.rssMiB())), 1000);
  await new Promise((r) => setTimeout(r, DURATION_MS - warmup));
  clearInterval(rssTimer);
  const seconds = (Date.now() - t0) / 1000;
  const cpu = (server.cpuSeconds() - cpu0) / seconds;
  stopping = true;
  for (const ws of sockets) ws.terminate();
  await server.stop();
  const storeVersions = stores?.versions;
  await stores?.stop();
  rmSync(dataDir, { recursive: true, force: true });

  latencies.sort((x, y) => x - y);
  const result = {
    date: new Date().toISOString().slice(0, 10),
    stores: storeVersions ? `servers (PostgreSQL ${storeVersions.postgres} + ClickHouse ${storeVersions.clickhouse})` : 'embedded (SQLite + chDB)',
    agents: AGENTS,
    interval_s: INTERVAL_MS / 1000,
    statements_per_batch: STATEMENTS,
    mode: opts.saturate ? 'saturate' : 'interval',
    connect_s: Number(connectSeconds.toFixed(1)),
    measured_s: Number(seconds.toFixed(1)),
    batches_per_s: Number((acked / seconds).toFixed(1)),
    statement_rows_per_s: Math.round((acked * STATEMENTS) / seconds),
    ack_p50_ms: percentile(latencies, 50),
    ack_p99_ms: percentile(latencies, 99),
    errors,
    server_idle_rss_mib: Math.round(idleRss),
    server_peak_rss_mib: Math.round(peakRss),
    server_cpu_cores: Number(cpu.toFixed(2)),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:ingest failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
