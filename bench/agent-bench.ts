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
 *          (dist/agent/vigil-agent; --build writes it there) --peer postgres_exporter (Debian's
 *          prometheus-postgres-exporter runs beside each agent against the same PostgreSQL, its
 *          pg_stat_statements metrics on, scraped over HTTP every statements interval; both processes'
 *          RSS, its anonymous and file-backed parts (/proc/<pid>/smaps_rollup), and CPU, with their ratio)
 *          --node-flags="F…" (with '=', as the value starts with a dash; node and V8 flags for the agent
 *          only, e.g. --node-flags="--no-memory-reducer --trace-gc":
 *          on the tsx agent's command line; the binary gets them as NODE_OPTIONS, which accepts only
 *          Node's allow-list and makes it reject its code cache)
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import pg from 'pg';
import WebSocket, { WebSocketServer } from 'ws';
import { FRAME_DEFLATE, agentMessageToJson, decodeAgentMessage } from '@vigil/shared';
import { startClickHouse, type ChInstance } from '../test/harness/clickhouse.js';
import { startPostgres, type PgInstance } from '../test/harness/postgres.js';
import { freePort } from '../test/helpers/free-port.js';
import { benchAccount, startBenchServer } from './bench-server.js';
import { benchArgs } from './bench-args.js';

const { values: opts } = parseArgs({
  args: benchArgs,
  options: {
    agent: { type: 'string' },
    build: { type: 'boolean', default: false },
    'warmup-minutes': { type: 'string', default: '2' },
    minutes: { type: 'string', default: '5' },
    statements: { type: 'string', default: '5000' },
    'cpu-prof': { type: 'string' },
    binary: { type: 'string', default: 'dist/agent/vigil-agent' },
    peer: { type: 'string' },
    'node-flags': { type: 'string', default: '' },
  },
});
const PEERS = ['postgres_exporter'] as const;
type Peer = (typeof PEERS)[number];
const EXPORTER_BINARY = '/usr/bin/prometheus-postgres-exporter';
const EXPORTER_PACKAGE = 'prometheus-postgres-exporter';
/** The agent's statements interval: the exporter is scraped as often as the agent reads pg_stat_statements. */
const SCRAPE_EVERY_MS = 60_000;
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

/** Resident pages of one process split as /proc/<pid>/smaps_rollup counts them: anonymous (heap, stacks) and the rest (file-backed: the executable and libraries). */
interface RssParts {
  readonly anonMiB: number;
  readonly fileMiB: number;
}

function procRssParts(pid: number): RssParts {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return { anonMiB: kb('Anonymous') / 1024, fileMiB: (kb('Rss') - kb('Anonymous')) / 1024 };
}

/** User and system CPU seconds of one process, all threads. */
function procCpuSplit(pid: number): { user: number; system: number } {
  // Fields after the parenthesised command name: utime is the 12th, stime the 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(fields[11]) / CLOCK_TICKS, system: Number(fields[12]) / CLOCK_TICKS };
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

/** A process's footprint over the window: RSS samples every 5 s (with their anonymous and file-backed parts) and CPU time. */
interface Footprint {
  readonly rssMeanMiB: number;
  readonly rssMaxMiB: number;
  readonly anonMeanMiB: number;
  readonly fileMeanMiB: number;
  readonly cpuSeconds: number;
  readonly cpuSystemSeconds: number;
  readonly cpuPercent: number;
}

/** Starts sampling `pid` now; stop() gives its footprint since. */
function watchProcess(pid: number): { stop(): Promise<Footprint> } {
  const rss: number[] = [];
  const parts: RssParts[] = [];
  const cpuStart = procCpuSplit(pid);
  const wallStart = performance.now();
  const sampler = loop(RSS_SAMPLE_MS, async () => {
    rss.push(procRssMiB(pid));
    parts.push(procRssParts(pid));
  });
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    async stop() {
      const cpuEnd = procCpuSplit(pid);
      const cpuSystemSeconds = cpuEnd.system - cpuStart.system;
      const cpuSeconds = cpuEnd.user - cpuStart.user + cpuSystemSeconds;
      const wallS = (performance.now() - wallStart) / 1000;
      await sampler.stop();
      return {
        rssMeanMiB: mean(rss),
        rssMaxMiB: Math.max(...rss),
        anonMeanMiB: mean(parts.map((p) => p.anonMiB)),
        fileMeanMiB: mean(parts.map((p) => p.fileMiB)),
        cpuSeconds,
        cpuSystemSeconds,
        cpuPercent: (cpuSeconds / wallS) * 100,
      };
    },
  };
}

interface PeerResult {
  readonly name: Peer;
  readonly version: string;
  readonly how: string;
  readonly footprint: Footprint;
  readonly scrapes: number;
  readonly failedScrapes: number;
  /** Series per scrape from its pg_stat_statements query, and the scrape's size (the last one). */
  readonly statementSeries: number;
  readonly scrapeBytes: number;
}

interface Result {
  readonly variant: string;
  readonly footprint: Footprint;
  readonly upBytesPerMin: number;
  readonly downBytesPerMin: number;
  readonly counters: RelayCounters;
  readonly freshnessS: number[];
  readonly peer: PeerResult | undefined;
}

async function probeCalls(ctx: Context, databaseName: string): Promise<number> {
  const dbs = (await (await fetch(`${ctx.serverBaseUrl}/api/v1/databases`, { headers: { authorization: `Bearer ${ctx.token}` } })).json()) as { databases: { id: string; name: string }[] };
  const id = dbs.databases.find((d) => d.name === databaseName)?.id;
  if (!id) return 0;
  const res = await fetch(`${ctx.serverBaseUrl}/api/v1/databases/${id}/queries?sort_by=calls&limit=10`, { headers: { authorization: `Bearer ${ctx.token}` } });
  const body = (await res.json()) as { queries: { query_text: string; total_calls: number }[] };
  return body.queries.find((q) => q.query_text === PROBE_TEXT)?.total_calls ?? 0;
}


/**
 * pg_stat_statements as postgres_exporter exports it. Debian's 0.11 has no stat_statements
 * collector (its --help lists none; upstream added it later), so the exporter's documented way is
 * used: a custom query file, here the one in its packaged examples/queries.yaml with the
 * PostgreSQL 13+ column names, over every entry as the agent reads them.
 */
const EXPORTER_QUERIES = `pg_stat_statements:
  query: "SELECT r.rolname, d.datname, s.queryid, s.calls, s.total_exec_time / 1000 AS total_time_seconds, s.min_exec_time / 1000 AS min_time_seconds, s.max_exec_time / 1000 AS max_time_seconds, s.mean_exec_time / 1000 AS mean_time_seconds, s.stddev_exec_time / 1000 AS stddev_time_seconds, s.rows, s.shared_blks_hit, s.shared_blks_read, s.shared_blks_dirtied, s.shared_blks_written, s.local_blks_hit, s.local_blks_read, s.local_blks_dirtied, s.local_blks_written, s.temp_blks_read, s.temp_blks_written, s.blk_read_time / 1000 AS blk_read_time_seconds, s.blk_write_time / 1000 AS blk_write_time_seconds FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d ON d.oid = s.dbid"
  master: true
  metrics:
    - rolname: { usage: "LABEL", description: "Name of user" }
    - datname: { usage: "LABEL", description: "Name of database" }
    - queryid: { usage: "LABEL", description: "Query ID" }
${[
  ['calls', 'COUNTER'], ['total_time_seconds', 'COUNTER'], ['min_time_seconds', 'GAUGE'], ['max_time_seconds', 'GAUGE'], ['mean_time_seconds', 'GAUGE'],
  ['stddev_time_seconds', 'GAUGE'], ['rows', 'COUNTER'], ['shared_blks_hit', 'COUNTER'], ['shared_blks_read', 'COUNTER'], ['shared_blks_dirtied', 'COUNTER'],
  ['shared_blks_written', 'COUNTER'], ['local_blks_hit', 'COUNTER'], ['local_blks_read', 'COUNTER'], ['local_blks_dirtied', 'COUNTER'], ['local_blks_written', 'COUNTER'],
  ['temp_blks_read', 'COUNTER'], ['temp_blks_written', 'COUNTER'], ['blk_read_time_seconds', 'COUNTER'], ['blk_write_time_seconds', 'COUNTER'],
].map(([name, usage]) => `    - ${name}: { usage: "${usage}", description: "pg_stat_statements ${name}" }`).join('\n')}
`;

/** Exits (non-zero) before anything starts when the peer asked for is not installed. */
function checkPeer(peer: string | undefined): Peer | undefined {
  if (peer === undefined) return undefined;
  if (!(PEERS as readonly string[]).includes(peer)) throw new Error(`--peer takes ${PEERS.join(', ')}, not ${peer}`);
  if (!existsSync(EXPORTER_BINARY)) {
    process.stderr.write(`[bench] --peer postgres_exporter needs ${EXPORTER_BINARY}: install Debian's package with  apt-get install -y ${EXPORTER_PACKAGE}\n`);
    process.exit(2);
  }
  return 'postgres_exporter';
}

/** Starts postgres_exporter against the bench's PostgreSQL and scrapes it every SCRAPE_EVERY_MS until stop(). */
async function startExporter(ctx: Context, label: string): Promise<{ pid: number; version: string; how: string; scrapes(): { ok: number; failed: number; series: number; bytes: number }; stop(): Promise<void> }> {
  const help = execFileSync(EXPORTER_BINARY, ['--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // It prints its version on stderr.
  const printed = spawnSync(EXPORTER_BINARY, ['--version'], { encoding: 'utf8' });
  const version = /version (\S+)/.exec(`${printed.stdout}${printed.stderr}`)?.[1] ?? 'unknown';
  const port = await freePort();
  const args = [`--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'];
  let how: string;
  if (help.includes('--collector.stat_statements')) {
    args.push('--collector.stat_statements');
    how = '--collector.stat_statements';
  } else {
    const queries = join(ctx.dir, `exporter-queries-${label}.yaml`);
    writeFileSync(queries, EXPORTER_QUERIES);
    args.push(`--extend.query-path=${queries}`);
    how = '--extend.query-path (pg_stat_statements query; this release has no --collector.stat_statements)';
  }
  const dsn = new URL(ctx.pgInstance.monitorUrl);
  dsn.searchParams.set('sslmode', 'disable');
  const child = spawn(EXPORTER_BINARY, args, { env: { PATH: process.env.PATH ?? '', DATA_SOURCE_NAME: dsn.toString() }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}/metrics`;
  const tally = { ok: 0, failed: 0, series: 0, bytes: 0 };
  const scrape = async () => {
    try {
      const res = await fetch(url);
      const body = await res.text();
      if (!res.ok || !/^pg_up 1$/m.test(body)) throw new Error(`HTTP ${res.status}`);
      tally.ok++;
      tally.bytes = body.length;
      tally.series = body.split('\n').filter((line) => line.startsWith('pg_stat_statements_calls{')).length;
    } catch {
      tally.failed++;
    }
  };
  // Listening takes a moment; the first scrape waits for it.
  for (let i = 0; i < 50; i++) {
    if (await fetch(url).then(() => true, () => false)) break;
    await sleep(100);
  }
  tally.failed = 0;
  const scraper = loop(SCRAPE_EVERY_MS, scrape);
  return {
    pid: child.pid!,
    version,
    how,
    scrapes: () => ({ ...tally }),
    async stop() {
      await scraper.stop();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function runAgent(ctx: Context, variant: 'tsx' | 'binary', peer: Peer | undefined): Promise<Result> {
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
  const nodeFlags = opts['node-flags'].split(/\s+/).filter(Boolean);
  const [command, args] =
    variant === 'binary' ? [BINARY, ['run', '--config', config]] : [process.execPath, [...profile, ...nodeFlags, '--import', 'tsx', 'agent/src/cli.ts', 'run', '--config', config]];
  // A single executable takes no node flags on its command line: only NODE_OPTIONS reaches it.
  const nodeOptions = variant === 'binary' && nodeFlags.length > 0 ? { NODE_OPTIONS: nodeFlags.join(' ') } : {};
  const child: ChildProcess = spawn(command, args, { env: { ...process.env, VIGIL_API_KEY: ctx.agentKey, ...nodeOptions }, stdio: ['ignore', 'inherit', 'inherit'] });
  const pid = child.pid!;
  const exporter = peer ? await startExporter(ctx, variant) : undefined;
  try {
    process.stderr.write(`[bench] ${variant} agent (pid ${pid})${exporter ? ` and postgres_exporter ${exporter.version} (pid ${exporter.pid})` : ''}: warming up for ${WARMUP_MS / MINUTE} min\n`);
    await sleep(WARMUP_MS);

    ctx.relay.reset();
    const agentWatch = watchProcess(pid);
    const exporterWatch = exporter ? watchProcess(exporter.pid) : undefined;
    const scrapesBefore = exporter?.scrapes();
    const wallStart = performance.now();

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
    const footprint = await agentWatch.stop();
    const exporterFootprint = await exporterWatch?.stop();
    const counters = ctx.relay.counters();
    await probes;
    const scrapes = exporter?.scrapes();
    return {
      variant,
      footprint,
      upBytesPerMin: (counters.up / wallS) * 60,
      downBytesPerMin: (counters.down / wallS) * 60,
      counters,
      freshnessS,
      peer:
        exporter && exporterFootprint && scrapes && scrapesBefore
          ? {
              name: 'postgres_exporter',
              version: exporter.version,
              how: exporter.how,
              footprint: exporterFootprint,
              scrapes: scrapes.ok - scrapesBefore.ok,
              failedScrapes: scrapes.failed - scrapesBefore.failed,
              statementSeries: scrapes.series,
              scrapeBytes: scrapes.bytes,
            }
          : undefined,
    };
  } finally {
    const stopped = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.all([stopped, exporter?.stop()]);
  }
}

function report(result: Result): void {
  const c = result.counters;
  const f = result.footprint;
  const largest = c.largestStatements;
  const lines = [
    `agent (${result.variant}), ${STATEMENTS} active statements, ClickHouse ${CH_QUERIES_PER_S} queries/s, default intervals, ${MEASURE_MS / MINUTE} min steady state (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}):`,
    `  RSS                         mean ${f.rssMeanMiB.toFixed(1)} MiB (${((f.rssMeanMiB * 1048576) / 1e6).toFixed(1)} MB), max ${f.rssMaxMiB.toFixed(1)} MiB   (target ≤ 60 MB)`,
    `    anonymous / file-backed   mean ${f.anonMeanMiB.toFixed(1)} / ${f.fileMeanMiB.toFixed(1)} MiB (smaps_rollup)`,
    `  CPU                         ${f.cpuPercent.toFixed(2)} % of one core (${f.cpuSeconds.toFixed(2)} s process time, ${f.cpuSystemSeconds.toFixed(2)} s of it system)   (target ≤ 0.3 %)`,
    `  wire agent → server         ${kib(result.upBytesPerMin)}/min = ${(result.upBytesPerMin / 60 / 1024).toFixed(2)} KiB/s   (target ≤ 10 KB/s)`,
    `  wire server → agent         ${kib(result.downBytesPerMin)}/min`,
    `  batches                     ${c.batches} (${c.messages} messages): protobuf ${kib(c.protobuf)}, as sent ${kib(c.framed)}; as JSON ${kib(c.json)}, JSON deflated ${kib(c.jsonDeflated)}`,
    largest
      ? `  largest statements batch    ${largest.records} records: protobuf ${kib(largest.protobuf)}, as sent ${kib(largest.framed)}; as JSON ${kib(largest.json)} (${(largest.json / largest.protobuf).toFixed(1)}× protobuf), JSON deflated ${kib(largest.jsonDeflated)}`
      : '  largest statements batch    none in the window',
    `  freshness                   ${result.freshnessS.map((s) => `${s.toFixed(1)} s`).join(', ') || 'no probe'}; max ${Math.max(0, ...result.freshnessS).toFixed(1)} s   (target ≤ 75 s)`,
  ];
  const p = result.peer;
  if (p) {
    const e = p.footprint;
    lines.push(
      `  peer: postgres_exporter ${p.version} (${p.how}), same PostgreSQL, scraped every ${SCRAPE_EVERY_MS / 1000} s: ${p.scrapes} scrapes (${p.failedScrapes} failed), ${p.statementSeries} statements per scrape, ${kib(p.scrapeBytes)} each`,
      `    RSS                       mean ${e.rssMeanMiB.toFixed(1)} MiB, max ${e.rssMaxMiB.toFixed(1)} MiB; anonymous / file-backed ${e.anonMeanMiB.toFixed(1)} / ${e.fileMeanMiB.toFixed(1)} MiB`,
      `    CPU                       ${e.cpuPercent.toFixed(2)} % of one core (${e.cpuSeconds.toFixed(2)} s process time, ${e.cpuSystemSeconds.toFixed(2)} s of it system)`,
      `    agent ÷ exporter          RSS ${(f.rssMeanMiB / e.rssMeanMiB).toFixed(2)}×, CPU ${e.cpuSeconds > 0 ? (f.cpuSeconds / e.cpuSeconds).toFixed(2) : '∞'}× (the agent also watches ClickHouse and sends to the server)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  const peer = checkPeer(opts.peer);
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
    for (const variant of variants) report(await runAgent(ctx, variant, peer));
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
