import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ENGINES, VigilError, type EngineName } from '@vigil/shared';

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
}

export interface CollectionIntervals {
  /** pg_stat_statements collection period, in milliseconds. */
  readonly statements: number;
}

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

const Database = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    engine: z.enum(ENGINES, { error: `expected one of ${ENGINES.join(', ')}` }),
    url: z.string().min(1, 'must not be empty'),
  })
  .superRefine((db, ctx) => {
    const result = urlWithScheme(DATABASE_URL_SCHEMES[db.engine]).safeParse(db.url);
    if (!result.success) ctx.addIssue({ code: 'custom', path: ['url'], message: `${result.error.issues[0]!.message} for engine ${db.engine}` });
  });

const ConfigFile = z.strictObject({
  server_url: ServerUrl,
  api_key: z
    .string()
    .min(1, 'must not be empty')
    .refine((key) => !/\s/.test(key), 'must not contain whitespace'),
  spool_dir: z.string().min(1, 'must not be empty').default('./vigil-spool'),
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
  intervals: z.strictObject({ statements: Interval.prefault('60s') }).prefault({}),
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
  /** Directory relative paths (spool_dir) are resolved against. */
  readonly baseDir?: string;
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
  const parsed = ConfigFile.safeParse(merged, {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined),
  });
  if (!parsed.success) {
    // Every problem at once, so a user fixing the file does not discover them one start at a time.
    const message = parsed.error.issues.map((issue) => describeIssue(issue, envSources)).join('; ');
    throw new VigilError('CONFIG_INVALID', message);
  }
  const c = parsed.data;
  return deepFreeze({
    serverUrl: c.server_url.replace(/\/+$/, ''),
    apiKey: c.api_key,
    spoolDir: path.resolve(options.baseDir ?? process.cwd(), c.spool_dir),
    logLevel: c.log_level,
    databases: c.databases.map((db) => ({ name: db.name, engine: db.engine, url: db.url })),
    intervals: { statements: c.intervals.statements },
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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
