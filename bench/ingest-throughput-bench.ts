/**
 * pnpm bench:ingest-throughput — statement rows per second one Vigil server process stores into one
 * ClickHouse server (issue 14: ≥ 100k rows/s on 2 cores, aim 250k).
 *
 * Starts the test harness's PostgreSQL 15 and ClickHouse 18.16 (as DATABASE_URL and CLICKHOUSE_URL),
 * the server in its own process (server/src/main.ts, as `pnpm start`), and in this process N
 * saturating agents on loopback: each sends its next Batch of K statement rows as soon as the last is
 * acked. The client's own cost is kept small and out of the server's: every agent's statements are
 * encoded once (the agent's own transform and protobuf), and each send only encodes the batch header
 * (id, seq, window) and splices it in front of them; frames go uncompressed. The figure is the rows
 * acked per second after a warm-up (an Ack means durable in ClickHouse and recorded in the ledger),
 * checked against the rows ClickHouse holds at the end.
 *
 * Options: --agents N (100) --statements K (1000) --duration-s D (40) --warmup-s W (8)
 *          VIGIL_BENCH_CPU_PROF=<dir> writes the server's V8 CPU profile there.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { vigil } from '@vigil/proto';
import { AGENT_CONNECT_PATH, FRAME_PLAIN, PROTOCOL_MAJOR, PROTOCOL_MINOR, decodeServerMessage, encodeAgentMessage, uuidv7 } from '@vigil/shared';
import { statementsToWire } from '../agent/src/transform/statements-transform.js';
import { startClickHouse } from '../test/harness/clickhouse.js';
import { startPostgres } from '../test/harness/postgres.js';
import { benchAccount, startBenchServer } from './bench-server.js';
import { benchStatementDeltas } from './simulated-agents.js';
import { benchArgs } from './bench-args.js';

const { values: opts } = parseArgs({
  args: benchArgs,
  options: {
    agents: { type: 'string', default: '100' },
    statements: { type: 'string', default: '1000' },
    'in-flight': { type: 'string', default: '4' },
    texts: { type: 'string', default: 'first' },
    'duration-s': { type: 'string', default: '40' },
    'warmup-s': { type: 'string', default: '8' },
  },
});
const AGENTS = Number(opts.agents);
const STATEMENTS = Number(opts.statements);
const IN_FLIGHT = Number(opts['in-flight']);
if (opts.texts !== 'first' && opts.texts !== 'every') throw new Error('--texts: first or every');
const TEXTS_EVERY_BATCH = opts.texts === 'every';
const DURATION_MS = Number(opts['duration-s']) * 1000;
const WARMUP_MS = Number(opts['warmup-s']) * 1000;
const TARGET = 100_000;

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}

/**
 * A Batch frame from pre-encoded statements: protobuf lets a message be the concatenation of two
 * encodings (scalars from the header, the repeated statements from the body), and the envelope is
 * AgentMessage field 2 (`batch`), length-delimited.
 */
function batchFrame(statements: Uint8Array, header: vigil.v1.IBatch): Buffer {
  const head = vigil.v1.Batch.encode(header).finish();
  const length = head.length + statements.length;
  return Buffer.concat([Buffer.of(FRAME_PLAIN, (2 << 3) | 2, ...varint(length)), head, statements]);
}

/**
 * CPU seconds (user + system) of every process whose command line mentions `marker` (the harness
 * servers' temp dirs), and of the children of those (PostgreSQL's backends name no directory).
 */
function cpuSecondsOf(marker: string): number {
  const stats = new Map<string, { ppid: string; ticks: number; marked: boolean }>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      stats.set(pid, { ppid: fields[1]!, ticks: Number(fields[11]) + Number(fields[12]), marked: readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker) });
    } catch {
      // the process ended meanwhile
    }
  }
  let ticks = 0;
  for (const { ppid, ticks: own, marked } of stats.values()) if (marked || stats.get(ppid)?.marked) ticks += own;
  return ticks / 100;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const pg = await startPostgres();
  const ch = await startClickHouse();
  await pg.query('CREATE DATABASE vigil_bench');
  await ch.query('CREATE DATABASE vigil_bench');
  const databaseUrl = new URL(pg.superuserUrl);
  databaseUrl.pathname = '/vigil_bench';
  const server = await startBenchServer({ VIGIL_DATA_DIR: dataDir, DATABASE_URL: databaseUrl.href, CLICKHOUSE_URL: `${ch.httpUrl}/vigil_bench` });
  const { agentKey } = await benchAccount(server.baseUrl);

  let acked = 0;
  let measuring = false;
  let errors = 0;
  let stopping = false;
  const sockets: WebSocket[] = [];
  const senders: Array<() => void> = [];
  await Promise.all(
    Array.from({ length: AGENTS }, (_, agent) =>
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(server.wsUrl + AGENT_CONNECT_PATH, { headers: { authorization: `Bearer ${agentKey}` }, perMessageDeflate: false });
        sockets.push(ws);
        const wire = statementsToWire(benchStatementDeltas(agent, STATEMENTS));
        const withTexts = vigil.v1.Batch.encode({ statements: wire }).finish();
        const withoutTexts = TEXTS_EVERY_BATCH ? withTexts : vigil.v1.Batch.encode({ statements: wire.map((s) => ({ ...s, queryText: '' })) }).finish();
        let seq = 0;
        const send = (): void => {
          if (stopping || ws.readyState !== ws.OPEN) return;
          const now = Date.now();
          seq += 1;
          ws.send(batchFrame(seq === 1 ? withTexts : withoutTexts, { batchId: uuidv7(), seq, database: 'db', windowStartMs: now - 60_000, windowEndMs: now }));
        };
        senders.push(() => {
          for (let i = 0; i < IN_FLIGHT; i += 1) send();
        });
        ws.on('message', (data: Buffer) => {
          const message = decodeServerMessage(data);
          if (message.welcome) resolve();
          else if (message.ack) {
            if (measuring && !message.ack.duplicate) acked += 1;
            send();
          } else if (message.error) {
            errors += 1;
            setTimeout(send, 100);
          }
        });
        ws.once('error', reject);
        ws.once('open', () =>
          ws.send(encodeAgentMessage({ hello: { protocolMajor: PROTOCOL_MAJOR, protocolMinor: PROTOCOL_MINOR, agentVersion: 'bench', hostname: `bench-${agent}`, databases: [{ name: 'db', engine: 1, serverVersion: '16.4' }] } })),
        );
      }),
    ),
  );
  for (const send of senders) send();
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  measuring = true;
  const cpu0 = server.cpuSeconds();
  const chCpu0 = cpuSecondsOf(ch.baseDir);
  const pgCpu0 = cpuSecondsOf(pg.dataDir);
  const client0 = process.cpuUsage();
  const t0 = Date.now();
  const load0 = loadavg()[0]!;
  await new Promise((r) => setTimeout(r, DURATION_MS));
  measuring = false;
  const seconds = (Date.now() - t0) / 1000;
  const cpu = (server.cpuSeconds() - cpu0) / seconds;
  const chCpu = (cpuSecondsOf(ch.baseDir) - chCpu0) / seconds;
  const pgCpu = (cpuSecondsOf(pg.dataDir) - pgCpu0) / seconds;
  const clientUsage = process.cpuUsage(client0);
  const clientCpu = (clientUsage.user + clientUsage.system) / 1e6 / seconds;
  stopping = true;
  await new Promise((r) => setTimeout(r, 2000));
  const stored = Number((await ch.queryRows<{ n: number }>('SELECT count() AS n FROM vigil_bench.statement_stats'))[0]?.n ?? 0);
  for (const ws of sockets) ws.terminate();
  await server.stop();
  await Promise.allSettled([pg.stop(), ch.stop()]);
  rmSync(dataDir, { recursive: true, force: true });

  const rowsPerSecond = Math.round((acked * STATEMENTS) / seconds);
  process.stdout.write(
    `${JSON.stringify(
      {
        date: new Date().toISOString().slice(0, 10),
        stores: `PostgreSQL ${pg.version} + ClickHouse ${ch.version}`,
        agents: AGENTS,
        statements_per_batch: STATEMENTS,
        batches_in_flight_per_agent: IN_FLIGHT,
        texts: TEXTS_EVERY_BATCH ? 'every batch' : 'first batch',
        measured_s: Number(seconds.toFixed(1)),
        statement_rows_per_s: rowsPerSecond,
        ratio_to_target: Number((rowsPerSecond / TARGET).toFixed(2)),
        batches_per_s: Number((acked / seconds).toFixed(1)),
        statement_rows_stored: stored,
        errors,
        server_cpu_cores: Number(cpu.toFixed(2)),
        clickhouse_cpu_cores: Number(chCpu.toFixed(2)),
        postgres_cpu_cores: Number(pgCpu.toFixed(2)),
        bench_client_cpu_cores: Number(clientCpu.toFixed(2)),
        // CPU each side spends per 100k rows: what 2 cores left to these alone would carry.
        server_cpu_s_per_100k_rows: Number(((cpu * 100_000) / Math.max(1, rowsPerSecond)).toFixed(2)),
        clickhouse_cpu_s_per_100k_rows: Number(((chCpu * 100_000) / Math.max(1, rowsPerSecond)).toFixed(2)),
        postgres_cpu_s_per_100k_rows: Number(((pgCpu * 100_000) / Math.max(1, rowsPerSecond)).toFixed(2)),
        load_average_1m: Number(((load0 + loadavg()[0]!) / 2).toFixed(1)),
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:ingest-throughput failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
