import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ENGINES, VigilError, type EngineName } from '@vigil/shared';
import { TASK_NAMES } from '../runner/task-tables.js';
import { proxyForTarget, type ProxySettings } from '../transport/proxy-env.js';

/**
 * The agent's whole configuration: one YAML file plus VIGIL_SERVER_URL / VIGIL_API_KEY, parsed
 * once at start. Nothing else in the agent reads process.env. A bad value fails start-up with
 * CONFIG_INVALID naming the key path; values are never echoed, since most of them are secrets.
 */

export interface DatabaseConfig {
  /** Unique name the server registers this database under. */
  readonly name: string;
  readonly engine: EngineName;
  /** Connection URL; holds a password, so only ever log it through `redactUrl`. */
  readonly url: string;
  /**
   * PostgreSQL only: the databases of the server whose tables, indexes and sequences are
   * collected, `all` (every one that accepts connections) or a list. Absent: only the one in `url`.
   */
  readonly databases?: 'all' | readonly string[];
  /**
   * ClickHouse only: the Keeper/ZooKeeper nodes its server uses (`host:port`), which the keeper
   * task tries from this host; releases before 23.x do not name them.
   */
  readonly keeperNodes?: readonly { readonly host: string; readonly port: number }[];
}

/** Collection periods in milliseconds, by task name (statements, activity, ...): only those the file sets; tasks default their own. */
export type CollectionIntervals = Readonly<Record<string, number>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AgentConfig {
  /** ws:// or wss:// base URL without a trailing slash; the connect path is appended to it. */
  readonly serverUrl: string;
  readonly apiKey: string;
  /** Absolute path; relative paths in the file are resolved against the file's directory. */
  readonly spoolDir: string;
  readonly logLevel: LogLevel;
  readonly databases: readonly DatabaseConfig[];
  readonly intervals: CollectionIntervals;
  /** Cap on the disk spool; the oldest batches are evicted (and counted) beyond it. */
  readonly spoolMaxBytes: number;
  /** Server-side limit on each collector query (statement_timeout), in milliseconds. */
  readonly queryTimeoutMs: number;
  /** Extra CA certificates (PEM text) to trust for wss://, read from tls_ca_file. */
  readonly tlsCa?: string;
  /** The HTTP proxy for server_url, from HTTPS_PROXY / HTTP_PROXY unless NO_PROXY exempts it. */
  readonly proxy?: ProxySettings;
}

/** What the environment may override, and the config key each variable replaces. */
const ENV_OVERRIDES = { VIGIL_SERVER_URL: 'server_url', VIGIL_API_KEY: 'api_key' } as const;

const DURATION = /^(\d+)(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Milliseconds for a duration string such as `500ms`, `10s`, `5m` or `1h`; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

// Collecting faster than this costs the monitored server more than the extra resolution is worth.
const MIN_INTERVAL_MS = 1000;

const SIZE = /^(\d+)\s*(B|KB|KiB|MB|MiB|GB|GiB)?$/i;
const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 };

/** Bytes for a size such as `256MiB`, `1GB` or a plain number of bytes; undefined when malformed. */
export function parseByteSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const match = SIZE.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_BYTES[(match[2] ?? 'b').toLowerCase()]!;
}

// Below this the spool could not hold even a few intervals of a busy server.
const MIN_SPOOL_BYTES = 1024 * 1024;

const ByteSize = z
  .union([z.string(), z.number()])
  .refine((value) => parseByteSize(value) !== undefined, 'expected a size such as 256MiB, 1GiB or a number of bytes')
  .transform((value) => parseByteSize(value)!)
  .refine((bytes) => bytes >= MIN_SPOOL_BYTES, 'must be at least 1MiB');

/** `intervals:` keys are task names from the collector tables, so a typo fails start-up instead of being ignored. */
function intervalsFor(taskNames: readonly string[]) {
  return z.record(z.string(), Interval).superRefine((intervals, ctx) => {
    for (const name of Object.keys(intervals)) {
      if (!taskNames.includes(name)) ctx.addIssue({ code: 'custom', path: [name], message: `unknown key (collectors: ${[...taskNames].sort().join(', ')})` });
    }
  });
}

const Interval = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, 'expected a duration such as 500ms, 10s, 5m or 1h')
  .transform((text) => parseDuration(text)!)
  .refine((ms) => ms >= MIN_INTERVAL_MS, 'must be at least 1s');

function urlWithScheme(schemes: readonly string[]) {
  const expected = `must be a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}`;
  return z.string().superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: expected });
      return;
    }
    if (!schemes.includes(url.protocol)) ctx.addIssue({ code: 'custom', message: expected });
  });
}

const ServerUrl = urlWithScheme(['ws:', 'wss:']).superRefine((text, ctx) => {
  if (!URL.canParse(text)) return;
  const url = new URL(text);
  // The key travels only in the Authorization header; a URL ends up in proxy and server logs.
  if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not contain credentials; put the key in api_key' });
  if (url.search || url.hash) ctx.addIssue({ code: 'custom', message: 'must not contain a query string or fragment' });
});

const DATABASE_URL_SCHEMES: Record<EngineName, readonly string[]> = {
  postgres: ['postgres:', 'postgresql:'],
  clickhouse: ['http:', 'https:'],
};

/** `host:port` (IPv6 in brackets): a Keeper/ZooKeeper node. */
const KeeperNode = z.string().transform((text, ctx) => {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):(\d{1,5})$/.exec(text);
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535) {
    ctx.addIssue({ code: 'custom', message: 'expected host:port, e.g. keeper-1:2181' });
    return z.NEVER;
  }
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
});

const Database = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    engine: z.enum(ENGINES, { error: `expected one of ${ENGINES.join(', ')}` }),
    url: z.string().min(1, 'must not be empty'),
    databases: z
      .union([z.literal('all'), z.array(z.string().min(1, 'must not be empty')).min(1, 'must list at least one database')], {
        error: 'expected "all" or a list of database names',
      })
      .optional(),
    keeper_nodes: z.array(KeeperNode).min(1, 'must list at least one node').max(100, 'must list at most 100 nodes').optional(),
  })
  .superRefine((db, ctx) => {
    const result = urlWithScheme(DATABASE_URL_SCHEMES[db.engine]).safeParse(db.url);
    if (!result.success) ctx.addIssue({ code: 'custom', path: ['url'], message: `${result.error.issues[0]!.message} for engine ${db.engine}` });
    // One ClickHouse connection already sees every database; PostgreSQL's sees only its own.
    if (db.databases !== undefined && db.engine !== 'postgres') ctx.addIssue({ code: 'custom', path: ['databases'], message: 'only applies to engine postgres' });
    if (db.keeper_nodes !== undefined && db.engine !== 'clickhouse') ctx.addIssue({ code: 'custom', path: ['keeper_nodes'], message: 'only applies to engine clickhouse' });
    if (Array.isArray(db.databases)) {
      const seen = new Set<string>();
      db.databases.forEach((name, index) => {
        if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['databases', index], message: `duplicate database "${name}"` });
        seen.add(name);
      });
    }
  });

const configFile = (taskNames: readonly string[]) => z.strictObject({
  server_url: ServerUrl,
  api_key: z
    .string()
    .min(1, 'must not be empty')
    .refine((key) => !/\s/.test(key), 'must not contain whitespace'),
  spool_dir: z.string().min(1, 'must not be empty').default('./vigil-spool'),
  spool_max_bytes: ByteSize.prefault('256MiB'),
  query_timeout: Interval.prefault('5s'),
  tls_ca_file: z.string().min(1, 'must not be empty').optional(),
  log_level: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  databases: z
    .array(Database)
    .min(1, 'must list at least one database')
    .superRefine((databases, ctx) => {
      const seen = new Set<string>();
      databases.forEach((db, index) => {
        if (seen.has(db.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate database name "${db.name}"` });
        seen.add(db.name);
      });
    }),
  intervals: intervalsFor(taskNames).prefault({}),
});

/** `databases[0].engine` from ['databases', 0, 'engine']. */
function formatPath(keys: readonly PropertyKey[]): string {
  return keys.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function describeIssue(issue: z.core.$ZodIssue, envSources: ReadonlyMap<string, string>): string {
  if (issue.code === 'unrecognized_keys') {
    const where = formatPath(issue.path);
    return issue.keys.map((key) => `${where ? `${where}.` : ''}${key}: unknown key`).join('; ');
  }
  const where = formatPath(issue.path);
  const source = envSources.get(where);
  return `${where || 'config'}${source ? ` (from ${source})` : ''}: ${issue.message}`;
}

export interface ParseOptions {
  /** Environment to take overrides from; the only place the agent reads process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths (spool_dir, tls_ca_file) are resolved against. */
  readonly baseDir?: string;
  /** Names `intervals:` accepts; the collector tables' task names by default. */
  readonly taskNames?: readonly string[];
}

/** Validates a parsed config document plus env overrides; throws CONFIG_INVALID naming the bad key. */
export function parseAgentConfig(document: unknown, options: ParseOptions = {}): AgentConfig {
  const env = options.env ?? process.env;
  if (document === null || document === undefined) throw new VigilError('CONFIG_INVALID', 'config: the file is empty');
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new VigilError('CONFIG_INVALID', 'config: expected a mapping of keys (server_url, api_key, databases, ...)');
  }
  const merged: Record<string, unknown> = { ...document };
  const envSources = new Map<string, string>();
  for (const [variable, key] of Object.entries(ENV_OVERRIDES)) {
    const value = env[variable];
    if (value !== undefined && value !== '') {
      merged[key] = value;
      envSources.set(key, variable);
    }
  }
  const parsed = configFile(options.taskNames ?? TASK_NAMES).safeParse(merged, {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined),
  });
  if (!parsed.success) {
    // Every problem at once, so a user fixing the file does not discover them one start at a time.
    const message = parsed.error.issues.map((issue) => describeIssue(issue, envSources)).join('; ');
    throw new VigilError('CONFIG_INVALID', message);
  }
  const c = parsed.data;
  const baseDir = options.baseDir ?? process.cwd();
  const serverUrl = c.server_url.replace(/\/+$/, '');
  const proxy = proxyForTarget(new URL(serverUrl), env);
  const tlsCa = c.tls_ca_file === undefined ? undefined : readCaFile(path.resolve(baseDir, c.tls_ca_file));
  return deepFreeze({
    serverUrl,
    apiKey: c.api_key,
    spoolDir: path.resolve(baseDir, c.spool_dir),
    logLevel: c.log_level,
    databases: c.databases.map((db) => ({
      name: db.name,
      engine: db.engine,
      url: db.url,
      ...(db.databases !== undefined && { databases: db.databases }),
      ...(db.keeper_nodes !== undefined && { keeperNodes: db.keeper_nodes }),
    })),
    intervals: { ...c.intervals },
    spoolMaxBytes: c.spool_max_bytes,
    queryTimeoutMs: c.query_timeout,
    ...(tlsCa !== undefined && { tlsCa }),
    ...(proxy && { proxy }),
  });
}

/** Reads and validates the YAML config file at `file`; throws CONFIG_INVALID naming the bad key. */
export function loadAgentConfig(file: string, env: Readonly<Record<string, string | undefined>> = process.env): AgentConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    throw new VigilError('CONFIG_INVALID', `config file ${file}: ${reason}`);
  }
  const document = parseDocument(text);
  const syntaxError = document.errors[0];
  if (syntaxError) {
    // The parser's own message quotes the offending line, which may hold a password.
    const at = syntaxError.linePos?.[0];
    const where = at ? ` at line ${at.line}, column ${at.col}` : '';
    throw new VigilError('CONFIG_INVALID', `config file ${file}: invalid YAML${where} (${syntaxError.code})`);
  }
  return parseAgentConfig(document.toJS(), { env, baseDir: path.dirname(path.resolve(file)) });
}

/** The PEM text of tls_ca_file; CONFIG_INVALID when it cannot be read or holds no certificate. */
function readCaFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new VigilError('CONFIG_INVALID', `tls_ca_file: ${file}: ${reason}`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new VigilError('CONFIG_INVALID', `tls_ca_file: ${file}: holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return text;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
