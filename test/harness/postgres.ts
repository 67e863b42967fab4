/**
 * A real PostgreSQL for integration tests: initdb + pg_ctl in a temp dir on a free loopback port,
 * with pg_stat_statements preloaded and the minimal monitoring role the agent documents.
 * No pg_ctlcluster or systemd, so it runs the same on a laptop, in a container and in CI.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { appendFile, chown, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { errorMessage, isExecutable, isRoot, startInTempDir, tail, trackForExit, untrack, type LocalServer } from './local-server.js';
import { sharedService } from './shared-service.js';
import { freePort } from '../helpers/free-port.js';

export interface PgInstance {
  readonly host: string;
  readonly port: number;
  /** server_version_num, e.g. 150014 */
  readonly version: number;
  readonly superuserUrl: string;
  readonly monitorUrl: string;
  readonly dataDir: string;
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';
const MIN_MAJOR = 12;
const HOST = '127.0.0.1';
const MONITOR_ROLE = 'vigil_monitor';
// Covers a first-run apt-get install on a fresh CI machine; a start on its own takes a few seconds.
const SETUP_TIMEOUT_MS = 300_000;

/** PostgreSQL is absent and cannot be installed here: a reason to skip locally, a failure in CI. */
export class PostgresUnavailableError extends Error {
  override readonly name = 'PostgresUnavailableError';
}

/** Starts a throwaway PostgreSQL (installing it with apt-get first when root and it is missing). */
export async function startPostgres(): Promise<PgInstance> {
  const binDir = await ensureServerBinaries();
  // initdb and postgres refuse to run as root, so as root everything runs as the `postgres` OS user.
  const owner = isRoot() ? await ensurePostgresUser() : undefined;
  return startInTempDir(
    'vigil-pg-',
    async (baseDir) => {
      const dataDir = path.join(baseDir, 'data');
      if (owner) await chown(baseDir, owner.uid, owner.gid);
      await runAs(owner, path.join(binDir, 'initdb'), ['-D', dataDir, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--no-locale'], baseDir);
      const port = await freePort();
      await appendFile(path.join(dataDir, 'postgresql.conf'), serverSettings(port, baseDir));
      await pgCtlStart(binDir, owner, baseDir, dataDir);
      return new LocalPostgres(binDir, owner, baseDir, dataDir, port);
    },
    (instance) => instance.init(),
  );
}

/**
 * Starts a streaming standby of `primary` (test/harness/postgres-replica.ts): pg_basebackup with
 * `-R` (primary_conninfo, standby.signal) over a new physical slot `slot`, on its own loopback port.
 * Its roles and extensions are the primary's, replicated.
 */
export async function startStandby(primary: PgInstance, slot: string): Promise<PgInstance> {
  const binDir = await ensureServerBinaries();
  const owner = isRoot() ? await ensurePostgresUser() : undefined;
  return startInTempDir(
    'vigil-pg-standby-',
    async (baseDir) => {
      const dataDir = path.join(baseDir, 'data');
      if (owner) await chown(baseDir, owner.uid, owner.gid);
      await runAs(owner, path.join(binDir, 'pg_basebackup'), ['-h', HOST, '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-C', '-S', slot, '--no-sync'], baseDir);
      const port = await freePort();
      // Later lines win: the primary's port and socket directory, copied with its data directory, are replaced.
      await appendFile(path.join(dataDir, 'postgresql.conf'), `\n# vigil test harness: standby\nport = ${port}\nunix_socket_directories = '${baseDir.replaceAll("'", "''")}'\nwal_receiver_status_interval = 1s\n`);
      await pgCtlStart(binDir, owner, baseDir, dataDir);
      return new LocalPostgres(binDir, owner, baseDir, dataDir, port, true);
    },
    (instance) => instance.init(),
  );
}

async function pgCtlStart(binDir: string, owner: OsUser | undefined, baseDir: string, dataDir: string): Promise<void> {
  const logFile = path.join(baseDir, 'postgres.log');
  const pgCtl = path.join(binDir, 'pg_ctl');
  await runAs(owner, pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start'], baseDir).catch(async (err: unknown) => {
    const log = await tail(logFile);
    // A start that timed out may still come up: stop it so no server runs on a deleted directory.
    await runAs(owner, pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop'], baseDir).catch(() => undefined);
    throw new Error(`pg_ctl start failed: ${errorMessage(err)}\n--- tail of ${logFile} ---\n${log}`);
  });
}

/** Mocha helper, called inside describe(): one PostgreSQL shared by the whole run, stopped after it. */
export const usePostgres: () => () => PgInstance = sharedService({
  label: 'PostgreSQL',
  helper: 'usePostgres',
  tag: 'pg harness',
  start: startPostgres,
  unavailable: PostgresUnavailableError,
  setupTimeoutMs: SETUP_TIMEOUT_MS,
});

interface OsUser {
  readonly uid: number;
  readonly gid: number;
}

class LocalPostgres implements PgInstance, LocalServer {
  readonly host = HOST;
  readonly superuserUrl: string;
  readonly monitorUrl: string;
  readonly #pgCtl: string;
  readonly #owner: OsUser | undefined;
  readonly #baseDir: string;
  #version = 0;
  #pool: pg.Pool | undefined;
  #stopped = false;

  constructor(
    binDir: string,
    owner: OsUser | undefined,
    baseDir: string,
    readonly dataDir: string,
    readonly port: number,
    readonly standby = false,
  ) {
    this.#pgCtl = path.join(binDir, 'pg_ctl');
    this.#owner = owner;
    this.#baseDir = baseDir;
    this.superuserUrl = `postgres://postgres@${HOST}:${port}/postgres`;
    this.monitorUrl = `postgres://${MONITOR_ROLE}:${MONITOR_ROLE}@${HOST}:${port}/postgres`;
    trackForExit(this);
  }

  get version(): number {
    return this.#version;
  }

  async init(): Promise<void> {
    const { rows } = await this.query("SELECT current_setting('server_version_num')::int AS version");
    this.#version = rows[0].version;
    if (this.standby) return;
    await this.query(`
      CREATE EXTENSION pg_stat_statements;
      CREATE ROLE ${MONITOR_ROLE} LOGIN PASSWORD '${MONITOR_ROLE}';
      GRANT pg_monitor TO ${MONITOR_ROLE};
    `);
  }

  query(sql: string, params?: unknown[]): Promise<pg.QueryResult> {
    this.#pool ??= new pg.Pool({ connectionString: this.superuserUrl, max: 4 });
    return this.#pool.query(sql, params);
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    untrack(this);
    try {
      await this.#pool?.end();
      await runAs(this.#owner, this.#pgCtl, ['-D', this.dataDir, '-m', 'immediate', 'stop'], this.#baseDir);
    } finally {
      await rm(this.#baseDir, { recursive: true, force: true });
    }
  }

  /** Synchronous because it runs from process 'exit' and signal handlers, where nothing async completes. */
  stopSync(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    const [command, args] = asOwner(this.#owner, this.#pgCtl, ['-D', this.dataDir, '-m', 'immediate', 'stop']);
    spawnSync(command, args, { cwd: this.#baseDir, stdio: 'ignore' });
    rmSync(this.#baseDir, { recursive: true, force: true });
  }

}

function serverSettings(port: number, socketDir: string): string {
  const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
  return `
# vigil test harness
listen_addresses = ${quote(HOST)}
port = ${port}
unix_socket_directories = ${quote(socketDir)}
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
max_connections = 100
# Durability is worthless for a throwaway server; these make initdb-to-ready and DDL-heavy tests faster.
fsync = off
synchronous_commit = off
full_page_writes = off
`;
}

/** The bin dir of the highest installed server major ≥ MIN_MAJOR; a client-only package has no initdb. */
async function findServerBinaries(): Promise<string | undefined> {
  const majors = (await readdir(PG_ROOT).catch(() => []))
    .map(Number)
    .filter((major) => Number.isInteger(major) && major >= MIN_MAJOR)
    .sort((a, b) => b - a);
  for (const major of majors) {
    const binDir = path.join(PG_ROOT, String(major), 'bin');
    if ((await isExecutable(path.join(binDir, 'initdb'))) && (await isExecutable(path.join(binDir, 'pg_ctl')))) return binDir;
  }
  return undefined;
}

async function ensureServerBinaries(): Promise<string> {
  const found = await findServerBinaries();
  if (found) return found;
  if (!isRoot()) {
    throw new PostgresUnavailableError(
      `no PostgreSQL ${MIN_MAJOR}+ server under ${PG_ROOT}/<major>/bin and not root, so it cannot be installed here: apt-get install postgresql postgresql-contrib`,
    );
  }
  process.stderr.write(`[pg harness] no PostgreSQL server under ${PG_ROOT}; installing postgresql and postgresql-contrib with apt-get\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['update'], { env, echo: true });
    await run('apt-get', ['install', '-y', 'postgresql', 'postgresql-contrib'], { env, echo: true });
  } catch (err) {
    throw new PostgresUnavailableError(`installing PostgreSQL with apt-get failed: ${errorMessage(err)}`);
  }
  const installed = await findServerBinaries();
  if (!installed) throw new PostgresUnavailableError(`apt-get installed postgresql, but there is no ${MIN_MAJOR}+ server under ${PG_ROOT}`);
  return installed;
}

/** The Debian package creates the `postgres` user; a server built some other way may not have. */
async function ensurePostgresUser(): Promise<OsUser> {
  const exists = spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0;
  if (!exists) await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  return {
    uid: Number(await run('id', ['-u', 'postgres'])),
    gid: Number(await run('id', ['-g', 'postgres'])),
  };
}

function asOwner(owner: OsUser | undefined, command: string, args: readonly string[]): [string, string[]] {
  return owner ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
}

// cwd is the temp dir because the postgres user may not be allowed into the caller's working directory.
function runAs(owner: OsUser | undefined, command: string, args: readonly string[], cwd: string): Promise<string> {
  const [cmd, cmdArgs] = asOwner(owner, command, args);
  return run(cmd, cmdArgs, { cwd });
}

interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Stream output to our stderr (long apt-get runs) instead of capturing it. */
  readonly echo?: boolean;
}

/** Runs a command to completion; resolves with its trimmed output, rejects with it on a non-zero exit. */
function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = options.echo ? 2 : 'pipe';
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', output, output] });
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    // 'close' waits for the pipes; pg_ctl -l sends the server's own output to the log file, so they do close.
    child.once('close', (code, signal) => {
      if (code === 0) resolve(text.trim());
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}${text ? `: ${text.trim()}` : ''}`));
    });
  });
}

/**
 * Creates database `name` shaped like an ordinary application's, the shape the agent's catalog
 * queries must survive: two schemas, serial, bigserial and identity columns (their sequences,
 * plus a free-standing one), a partitioned table with partitions, a view, a materialized view
 * with an index, a toast-heavy table, and foreign keys. Drops it first if a previous run left it.
 */
export async function createAppDatabase(instance: PgInstance, name: string): Promise<void> {
  await instance.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await instance.query(`CREATE DATABASE ${name}`);
  const url = new URL(instance.superuserUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`
      CREATE SCHEMA shop;
      CREATE SCHEMA audit;
      CREATE TABLE shop.customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE, profile jsonb);
      CREATE TABLE shop.orders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id int NOT NULL REFERENCES shop.customers (id),
        total numeric(12, 2) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
      CREATE TABLE shop.documents (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, body text NOT NULL);
      ALTER TABLE shop.documents ALTER COLUMN body SET STORAGE EXTERNAL;
      CREATE SEQUENCE shop.invoice_numbers AS integer;
      CREATE TABLE audit.events (id bigserial, at timestamptz NOT NULL, payload text) PARTITION BY RANGE (at);
      CREATE TABLE audit.events_2026_01 PARTITION OF audit.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
      CREATE TABLE audit.events_2026_02 PARTITION OF audit.events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
      CREATE INDEX events_at_idx ON audit.events (at);
      CREATE VIEW shop.recent_orders AS SELECT * FROM shop.orders WHERE created_at > now() - interval '1 day';
      INSERT INTO shop.customers (email, profile) SELECT 'c' || g || '@example.com', jsonb_build_object('n', g) FROM generate_series(1, 200) g;
      INSERT INTO shop.orders (customer_id, total) SELECT 1 + g % 200, g FROM generate_series(1, 1000) g;
      INSERT INTO shop.documents (body) SELECT string_agg(md5(g::text || '-' || i::text), '') FROM generate_series(1, 20) g, generate_series(1, 300) i GROUP BY g;
      INSERT INTO audit.events (at, payload) SELECT '2026-01-01'::timestamptz + g * interval '1 hour', 'e' || g FROM generate_series(1, 1000) g;
      SELECT nextval('shop.invoice_numbers') FROM generate_series(1, 5);
      CREATE MATERIALIZED VIEW shop.customer_totals AS SELECT customer_id, sum(total) AS total FROM shop.orders GROUP BY customer_id;
      CREATE UNIQUE INDEX customer_totals_customer_idx ON shop.customer_totals (customer_id);
      ANALYZE;
    `);
  } finally {
    await client.end();
  }
}
