/**
 * pnpm bench:agent — the agent's footprint next to a busy PostgreSQL and ClickHouse.
 *
 * Starts the harness PostgreSQL (pg_stat_statements.max raised to 10,000) with 5,000 distinct
 * statements, each run once a minute so all 5,000 are active in every statements interval, and the
 * harness ClickHouse with a busy query log (10 queries/s over 60 shapes, some failing). Starts the real
 * server in its own process and puts a counting WebSocket relay between it and the agent. Then runs
 * the agent at its default intervals — the CLI through tsx, the single binary (dist/agent/vigil-agent),
 * or both, one after the other — and after a warm-up measures, over a steady-state window:
 * - RSS of the agent process (mean and max of samples every 5 s) and its CPU as % of one core;
 * - bytes agent → server per minute (TCP payload: WebSocket framing included, IP headers not);
 * - protobuf bytes vs the same batches as JSON (the largest statements batch, and all batches);
 * - freshness: probe statements run every ~97 s; time until the API's /queries shows their calls.
 *
 * Options: --agent tsx|binary|both (both when the binary exists, else tsx) --build (pnpm build:agent
 *          first) --warmup-minutes W (2) --minutes M (5) --statements S (5000) --cpu-prof DIR (the tsx
 *          agent writes a V8 CPU profile there when it stops, to see where its CPU goes) --binary FILE
 *          (dist/agent/vigil-agent; --build writes it there)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import pg from 'pg';
import WebSocket, { WebSocketServer } from 'ws';
import { FRAME_DEFLATE, agentMessageToJson, decodeAgentMessage } from '@vigil/shared';
import { startClickHouse, type ChInstance } from '../test/harness/clickhouse.js';
import { startPostgres, type PgInstance } from '../test/harness/postgres.js';
import { benchAccount, startBenchServer } from './bench-server.js';

const { values: opts } = parseArgs({
  options: {
    agent: { type: 'string' },
    build: { type: 'boolean', default: false },
    'warmup-minutes': { type: 'string', default: '2' },
    minutes: { type: 'string', default: '5' },
    statements: { type: 'string', default: '5000' },
    'cpu-prof': { type: 'string' },
    binary: { type: 'string', default: 'dist/agent/vigil-agent' },
  },
});
const BINARY = opts.binary;
const WARMUP_MS = Number(opts['warmup-minutes']) * 60_000;
const MEASURE_MS = Number(opts.minutes) * 60_000;
const STATEMENTS = Number(opts.statements);
const COLUMNS_PER_TABLE = 50;
const TABLES = Math.ceil(STATEMENTS / COLUMNS_PER_TABLE);
const CH_QUERIES_PER_S = 10;
const CH_SHAPES = 60;
const PROBE_CALLS = 200;
const PROBE_EVERY_MS = 97_000;
// A probe still not visible after this is recorded as this long (far past the target either way).
const PROBE_GIVE_UP_MS = 300_000;
const PROBE_TEXT = 'SELECT count(*) FROM bench_probe WHERE id = $1';
const RSS_SAMPLE_MS = 5_000;
const CLOCK_TICKS = 100;
const MINUTE = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** pg_stat_statements.max defaults to 5,000, which 5,000 bench statements plus everything else would overflow (and churn). */
async function raiseStatementsMax(instance: PgInstance): Promise<void> {
  await instance.query('ALTER SYSTEM SET pg_stat_statements.max = 10000');
  // The harness pool's idle connection must be gone (idle timeout 10 s) before a restart cuts it, or its error goes unhandled.
  await sleep(11_000);
  const pgCtl = `/usr/lib/postgresql/${Math.floor(instance.version / 10_000)}/bin/pg_ctl`;
  const baseDir = dirname(instance.dataDir);
  const args = ['-D', instance.dataDir, '-l', join(baseDir, 'postgres.log'), '-w', '-m', 'fast', 'restart'];
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : pgCtl, asRoot ? ['-u', 'postgres', '--', pgCtl, ...args] : args, { cwd: baseDir, stdio: 'ignore' });
}

/** TABLES tables of COLUMNS_PER_TABLE columns: `SELECT cNN FROM bench_tNNN WHERE id = ?` is STATEMENTS distinct statements. */
async function preparePostgres(instance: PgInstance): Promise<string[]> {
  const columns = Array.from({ length: COLUMNS_PER_TABLE }, (_, c) => `c${String(c).padStart(2, '0')}`);
  const statements: string[] = [];
  for (let t = 0; t < TABLES; t++) {
    const table = `bench_t${String(t).padStart(3, '0')}`;
    await instance.query(`CREATE TABLE ${table} (id int PRIMARY KEY, ${columns.map((c) => `${c} int`).join(', ')})`);
    await instance.query(`INSERT INTO ${table} (id) SELECT g FROM generate_series(1, 10) g`);
    for (const column of columns) if (statements.length < STATEMENTS) statements.push(`SELECT ${column} FROM ${table} WHERE id = `);
  }
  await instance.query('CREATE TABLE bench_probe (id int PRIMARY KEY)');
  await instance.query('INSERT INTO bench_probe VALUES (1)');
  return statements;
}

async function prepareClickHouse(ch: ChInstance): Promise<void> {
  await ch.query('CREATE DATABASE IF NOT EXISTS bench');
  await ch.query('CREATE TABLE bench.events (id UInt64, kind String, v Float64) ENGINE = MergeTree ORDER BY id');
  await ch.query("INSERT INTO bench.events SELECT number, concat('k', toString(number % 20)), number / 7 FROM system.numbers LIMIT 200000");
}

/** One ClickHouse query of shape `shape` with fresh literals; every 20th shape fails (an unknown column). */
function clickHouseQuery(shape: number): string {
  const x = Math.floor(Math.random() * 200_000);
  const k = Math.floor(Math.random() * 20);
  switch (shape % 4) {
    case 0:
      return `SELECT count() AS n${shape} FROM bench.events WHERE id > ${x} AND kind = 'k${k}'`;
    case 1:
      return `SELECT kind, avg(v) AS a${shape} FROM bench.events WHERE id BETWEEN ${x} AND ${x + 5000} GROUP BY kind`;
    case 2:
      return shape % 20 === 2 ? `SELECT missing_${shape} FROM bench.events WHERE id = ${x}` : `SELECT max(v) AS m${shape} FROM bench.events WHERE id IN (${x}, ${x + 1}, ${x + 2})`;
    default:
      return `SELECT id, v AS v${shape} FROM bench.events WHERE id = ${x} LIMIT 1`;
  }
}

/** Runs `tick` every `everyMs` until stop() (a tick that overruns delays the next, never overlaps it). */
function loop(everyMs: number, tick: () => Promise<void>): { stop(): Promise<void> } {
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const started = Date.now();
      await tick().catch(() => undefined);
      await sleep(Math.max(0, everyMs - (Date.now() - started)));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/** Every statement once a minute, in 100 slices, so all are active in each 60 s statements interval. */
function postgresLoad(pool: pg.Pool, statements: readonly string[]): { stop(): Promise<void> } {
  const slices = 100;
  let slice = 0;
  return loop(MINUTE / slices, async () => {
    const mine = statements.filter((_, i) => i % slices === slice);
    slice = (slice + 1) % slices;
    await Promise.all([0, 1, 2, 3].map(async (lane) => {
      for (let i = lane; i < mine.length; i += 4) await pool.query(`${mine[i]}${1 + (i % 10)}`);
    }));
  });
}

function clickHouseLoad(ch: ChInstance): { stop(): Promise<void> } {
  let n = 0;
  return loop(1000 / CH_QUERIES_PER_S, async () => {
    await ch.query(clickHouseQuery(n++ % CH_SHAPES));
  });
}

interface RelayCounters {
  /** TCP payload bytes agent → server and back. */
  up: number;
  down: number;
  messages: number;
  batches: number;
  /** Batch payloads as protobuf, as sent (deflated above 4 KiB), as JSON, and JSON deflated. */
  protobuf: number;
  framed: number;
  json: number;
  jsonDeflated: number;
  largestStatements: { records: number; protobuf: number; framed: number; json: number; jsonDeflated: number } | undefined;
}

function emptyCounters(): RelayCounters {
  return { up: 0, down: 0, messages: 0, batches: 0, protobuf: 0, framed: 0, json: 0, jsonDeflated: 0, largestStatements: undefined };
}

/**
 * A WebSocket relay between the agent and the server that counts what the agent puts on the wire
 * and sizes every batch as protobuf and as JSON. Frames pass through unchanged.
 */
async function startRelay(upstreamWsUrl: string): Promise<{ url: string; counters: () => RelayCounters; reset(): void; close(): Promise<void> }> {
  let counters = emptyCounters();
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false, maxPayload: 16 * 1024 * 1024 });
  wss.on('connection', (agent, req) => {
    const socket = req.socket;
    let read = socket.bytesRead;
    let written = socket.bytesWritten;
    // Socket byte counters are cumulative; only the growth since the last look is added, so reset() works mid-connection.
    const tally = () => {
      counters.up += socket.bytesRead - read;
      counters.down += socket.bytesWritten - written;
      read = socket.bytesRead;
      written = socket.bytesWritten;
    };
    const timer = setInterval(tally, 1000);
    const server = new WebSocket(upstreamWsUrl + req.url, { headers: { authorization: req.headers.authorization ?? '' }, perMessageDeflate: false });
    const pending: Buffer[] = [];
    server.on('open', () => pending.splice(0).forEach((frame) => server.send(frame)));
    agent.on('message', (frame: Buffer) => {
      measure(frame);
      if (server.readyState === WebSocket.OPEN) server.send(frame);
      else pending.push(frame);
    });
    server.on('message', (frame: Buffer) => agent.readyState === WebSocket.OPEN && agent.send(frame));
    const closeBoth = () => {
      tally();
      clearInterval(timer);
      agent.terminate();
      server.terminate();
    };
    for (const ws of [agent, server]) {
      ws.on('close', closeBoth);
      ws.on('error', closeBoth);
    }
  });

  function measure(frame: Buffer): void {
    counters.messages++;
    const message = decodeAgentMessage(frame);
    if (!message.batch) return;
    const protobuf = frame[0] === FRAME_DEFLATE ? inflateRawSync(frame.subarray(1)).length : frame.length - 1;
    const json = Buffer.from(JSON.stringify(agentMessageToJson(message)));
    const jsonDeflated = deflateRawSync(json).length;
    counters.batches++;
    counters.protobuf += protobuf;
    counters.framed += frame.length;
    counters.json += json.length;
    counters.jsonDeflated += jsonDeflated;
    const records = message.batch.statements?.length ?? 0;
    if (records > (counters.largestStatements?.records ?? 0)) counters.largestStatements = { records, protobuf, framed: frame.length, json: json.length, jsonDeflated };
  }

  await new Promise((r) => wss.once('listening', r));
  const { port } = wss.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    counters: () => ({ ...counters }),
    reset: () => (counters = emptyCounters()),
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** /proc figures for one process: resident set and CPU seconds (user + system). */
function procRssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

function procCpuSeconds(pid: number): number {
  // Fields after the parenthesised command name: utime is the 12th, stime the 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

interface Context {
  readonly pgInstance: PgInstance;
  readonly ch: ChInstance;
  readonly pool: pg.Pool;
  readonly relay: Awaited<ReturnType<typeof startRelay>>;
  readonly serverBaseUrl: string;
  readonly token: string;
  readonly agentKey: string;
  readonly dir: string;
}

interface Result {
  readonly variant: string;
  readonly rssMeanMiB: number;
  readonly rssMaxMiB: number;
  readonly cpuPercent: number;
  readonly upBytesPerMin: number;
  readonly downBytesPerMin: number;
  readonly counters: RelayCounters;
  readonly freshnessS: number[];
}

async function probeCalls(ctx: Context, databaseName: string): Promise<number> {
  const dbs = (await (await fetch(`${ctx.serverBaseUrl}/api/v1/databases`, { headers: { authorization: `Bearer ${ctx.token}` } })).json()) as { databases: { id: string; name: string }[] };
  const id = dbs.databases.find((d) => d.name === databaseName)?.id;
  if (!id) return 0;
  const res = await fetch(`${ctx.serverBaseUrl}/api/v1/databases/${id}/queries?sort_by=calls&limit=10`, { headers: { authorization: `Bearer ${ctx.token}` } });
  const body = (await res.json()) as { queries: { query_text: string; total_calls: number }[] };
  return body.queries.find((q) => q.query_text === PROBE_TEXT)?.total_calls ?? 0;
}

async function runAgent(ctx: Context, variant: 'tsx' | 'binary'): Promise<Result> {
  const name = `bench-pg-${variant}`;
  const config = join(ctx.dir, `${variant}.yaml`);
  writeFileSync(
    config,
    [
      `server_url: ${ctx.relay.url}`,
      `spool_dir: ${join(ctx.dir, `spool-${variant}`)}`,
      'log_level: warn',
      'databases:',
      `  - name: ${name}`,
      '    engine: postgres',
      `    url: ${ctx.pgInstance.monitorUrl}`,
      `  - name: bench-ch-${variant}`,
      '    engine: clickhouse',
      `    url: ${ctx.ch.monitorUrl}`,
    ].join('\n'),
  );
  const profile = opts['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', opts['cpu-prof']] : [];
  const [command, args] =
    variant === 'binary' ? [BINARY, ['run', '--config', config]] : [process.execPath, [...profile, '--import', 'tsx', 'agent/src/cli.ts', 'run', '--config', config]];
  const child: ChildProcess = spawn(command, args, { env: { ...process.env, VIGIL_API_KEY: ctx.agentKey }, stdio: ['ignore', 'inherit', 'inherit'] });
  const pid = child.pid!;
  try {
    process.stderr.write(`[bench] ${variant} agent (pid ${pid}): warming up for ${WARMUP_MS / MINUTE} min\n`);
    await sleep(WARMUP_MS);

    ctx.relay.reset();
    const rss: number[] = [];
    const cpuStart = procCpuSeconds(pid);
    const wallStart = performance.now();
    const sampler = loop(RSS_SAMPLE_MS, async () => void rss.push(procRssMiB(pid)));

    // Freshness probes: the calls the API shows before, PROBE_CALLS more run now, and how long until they show.
    const freshnessS: number[] = [];
    let expected = await probeCalls(ctx, name);
    const probes = (async () => {
      while (performance.now() - wallStart < MEASURE_MS - PROBE_EVERY_MS / 2) {
        await sleep(PROBE_EVERY_MS * (0.5 + Math.random() / 2));
        for (let i = 0; i < PROBE_CALLS; i++) await ctx.pool.query('SELECT count(*) FROM bench_probe WHERE id = 1');
        const ranAt = performance.now();
        expected += PROBE_CALLS;
        while ((await probeCalls(ctx, name)) < expected && performance.now() - ranAt < PROBE_GIVE_UP_MS) await sleep(500);
        freshnessS.push((performance.now() - ranAt) / 1000);
      }
    })();

    await sleep(MEASURE_MS);
    const wallS = (performance.now() - wallStart) / 1000;
    const cpuPercent = ((procCpuSeconds(pid) - cpuStart) / wallS) * 100;
    await sampler.stop();
    const counters = ctx.relay.counters();
    await probes;
    return {
      variant,
      rssMeanMiB: rss.reduce((a, b) => a + b, 0) / rss.length,
      rssMaxMiB: Math.max(...rss),
      cpuPercent,
      upBytesPerMin: (counters.up / wallS) * 60,
      downBytesPerMin: (counters.down / wallS) * 60,
      counters,
      freshnessS,
    };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

function report(result: Result): void {
  const c = result.counters;
  const largest = c.largestStatements;
  const lines = [
    `agent (${result.variant}), ${STATEMENTS} active statements, ClickHouse ${CH_QUERIES_PER_S} queries/s, default intervals, ${MEASURE_MS / MINUTE} min steady state:`,
    `  RSS                         mean ${result.rssMeanMiB.toFixed(1)} MiB, max ${result.rssMaxMiB.toFixed(1)} MiB   (target ≤ 80 MB)`,
    `  CPU                         ${result.cpuPercent.toFixed(2)} % of one core   (target ≤ 1 %)`,
    `  wire agent → server         ${kib(result.upBytesPerMin)}/min = ${(result.upBytesPerMin / 60 / 1024).toFixed(2)} KiB/s   (target ≤ 10 KB/s)`,
    `  wire server → agent         ${kib(result.downBytesPerMin)}/min`,
    `  batches                     ${c.batches} (${c.messages} messages): protobuf ${kib(c.protobuf)}, as sent ${kib(c.framed)}; as JSON ${kib(c.json)}, JSON deflated ${kib(c.jsonDeflated)}`,
    largest
      ? `  largest statements batch    ${largest.records} records: protobuf ${kib(largest.protobuf)}, as sent ${kib(largest.framed)}; as JSON ${kib(largest.json)} (${(largest.json / largest.protobuf).toFixed(1)}× protobuf), JSON deflated ${kib(largest.jsonDeflated)}`
      : '  largest statements batch    none in the window',
    `  freshness                   ${result.freshnessS.map((s) => `${s.toFixed(1)} s`).join(', ') || 'no probe'}; max ${Math.max(0, ...result.freshnessS).toFixed(1)} s   (target ≤ 75 s)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  if (opts.build) execFileSync('node', ['installers/build-agent.mjs', '--out', dirname(BINARY)], { stdio: 'inherit' });
  const variants: ('tsx' | 'binary')[] =
    opts.agent === 'both' ? ['tsx', 'binary'] : opts.agent === 'tsx' || opts.agent === 'binary' ? [opts.agent] : existsSync(BINARY) ? ['tsx', 'binary'] : ['tsx'];
  if (variants.includes('binary') && !existsSync(BINARY)) throw new Error(`${BINARY} is missing: run pnpm build:agent or pass --build`);

  const dir = mkdtempSync(join(tmpdir(), 'vigil-agent-bench-'));
  process.stderr.write('[bench] starting PostgreSQL and ClickHouse\n');
  const pgInstance = await startPostgres();
  const ch = await startClickHouse().catch(async (err: unknown) => {
    await pgInstance.stop();
    throw err;
  });
  const server = await startBenchServer({ VIGIL_DATA_DIR: join(dir, 'server') });
  const relay = await startRelay(server.wsUrl);
  const pool = new pg.Pool({ connectionString: pgInstance.superuserUrl, max: 5 });
  const loads: { stop(): Promise<void> }[] = [];
  try {
    await raiseStatementsMax(pgInstance);
    process.stderr.write(`[bench] PostgreSQL ${pgInstance.version}, ClickHouse ${ch.version}; creating ${TABLES} tables for ${STATEMENTS} statements\n`);
    const statements = await preparePostgres(pgInstance);
    await prepareClickHouse(ch);
    const { token, agentKey } = await benchAccount(server.baseUrl);
    loads.push(postgresLoad(pool, statements), clickHouseLoad(ch));
    const ctx: Context = { pgInstance, ch, pool, relay, serverBaseUrl: server.baseUrl, token, agentKey, dir };
    for (const variant of variants) report(await runAgent(ctx, variant));
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM pg_stat_statements');
    process.stdout.write(`pg_stat_statements entries at the end: ${rows[0].n}\n`);
  } finally {
    await Promise.all(loads.map((l) => l.stop()));
    await pool.end();
    await relay.close();
    await server.stop();
    await Promise.allSettled([pgInstance.stop(), ch.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
