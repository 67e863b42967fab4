import { rawSql, sql, type SqlFragment } from './clickhouse-sql.js';
import type { TelemetrySqlClient } from './telemetry-sql-client.js';

/**
 * The telemetry schema, written once for every ClickHouse we run on: Debian's 18.16 server (the
 * oldest we support) and chDB's current engine. Newer-server features are used only where the server
 * has them, and the DDL is versioned in `schema_migrations` (ClickHouse has no transactional DDL, so
 * every statement must be safe to run twice: a crash mid-migration simply runs it again).
 */

/** What the connected server can do, beyond what 18.16 can. */
export interface ServerFeatures {
  readonly version: string;
  /** DateTime64(3): millisecond timestamps as a time type (else UInt64 Unix ms). */
  readonly dateTime64: boolean;
  /** LowCardinality(String) for repetitive short strings (ids, user names). */
  readonly lowCardinality: boolean;
  /** Per-column compression codecs. */
  readonly codecs: boolean;
  /** MergeTree fsync_after_insert / fsync_part_directory: an INSERT that returned is on disk. */
  readonly fsyncOnInsert: boolean;
}

// DateTime64 arrived in 20.1; LowCardinality and codecs are older but are switched on with it, so the
// schema has exactly two shapes (before 20.1, and from 20.1) and the contract suite runs both.
const MODERN_SINCE = { major: 20, minor: 1 } as const;
const FSYNC_SETTINGS = ['fsync_after_insert', 'fsync_part_directory'] as const;

/** "18.16.1", "26.7.2.1" → major and minor; anything else is not a ClickHouse version. */
export function parseVersion(version: string): { major: number; minor: number } {
  const match = /^(\d+)\.(\d+)(\.|$)/.exec(version.trim());
  if (!match) throw new Error(`cannot read ClickHouse version ${JSON.stringify(version)}`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Features from version() and the server's MergeTree settings (which name the fsync ones exactly). */
export function detectFeatures(version: string, mergeTreeSettings: readonly string[]): ServerFeatures {
  const { major, minor } = parseVersion(version);
  const modern = major > MODERN_SINCE.major || (major === MODERN_SINCE.major && minor >= MODERN_SINCE.minor);
  return {
    version,
    dateTime64: modern,
    lowCardinality: modern,
    codecs: modern,
    fsyncOnInsert: FSYNC_SETTINGS.every((name) => mergeTreeSettings.includes(name)),
  };
}

/** Names of the features in use, for diagnostics and tests. */
export function featureNames(features: ServerFeatures): string[] {
  const names: string[] = [];
  if (features.dateTime64) names.push('DateTime64');
  if (features.lowCardinality) names.push('LowCardinality');
  if (features.codecs) names.push('codecs');
  if (features.fsyncOnInsert) names.push('fsync_after_insert');
  return names;
}

/**
 * How the time columns store Unix milliseconds. Chosen from the existing `statement_stats.ts` column
 * when there is one (a server upgraded from 18.16 keeps its UInt64 columns), else from the features.
 */
export interface TimeEncoding {
  readonly columnType: string;
  /** The value a JSONEachRow insert carries for `ms`. */
  value(ms: number): string | number;
  /** A SQL expression comparable with a time column. */
  literal(ms: number): SqlFragment;
  /** A DateTime (seconds, UTC) of a time column, for partition keys and bucketing. */
  toDateTime(column: SqlFragment): SqlFragment;
  /** Unix milliseconds (UInt64) of a time column, for reads that hand times back as numbers. */
  toUnixMs(column: SqlFragment): SqlFragment;
}

function checkedMs(ms: number): number {
  if (!Number.isSafeInteger(ms)) throw new TypeError(`timestamp ${ms} is not an integer number of milliseconds`);
  return ms;
}

export const DATETIME64_MS: TimeEncoding = {
  columnType: "DateTime64(3, 'UTC')",
  value: (ms) => new Date(checkedMs(ms)).toISOString().replace('T', ' ').replace('Z', ''),
  literal: (ms) => sql`fromUnixTimestamp64Milli(toInt64(${checkedMs(ms)}), 'UTC')`,
  toDateTime: (column) => sql`toDateTime(${column}, 'UTC')`,
  toUnixMs: (column) => sql`toUInt64(toUnixTimestamp64Milli(${column}))`,
};

export const UINT64_MS: TimeEncoding = {
  columnType: 'UInt64',
  value: (ms) => checkedMs(ms),
  literal: (ms) => sql`${checkedMs(ms)}`,
  toDateTime: (column) => sql`toDateTime(intDiv(${column}, 1000), 'UTC')`,
  toUnixMs: (column) => column,
};

function timeEncodingOfColumn(type: string): TimeEncoding {
  if (type.startsWith('DateTime64(3')) return DATETIME64_MS;
  if (type === 'UInt64') return UINT64_MS;
  throw new Error(`statement_stats.ts has type ${type}, which this server does not know how to read`);
}

/**
 * One versioned schema change. Never edit a shipped one: add the next version. Ranges: 1–99
 * statement stats and rollups (here), 100–199 PostgreSQL record kinds, 200–299 ClickHouse ones
 * (each kind module under kinds/ declares its own).
 */
export interface TelemetryMigration {
  readonly version: number;
  readonly name: string;
  statements(features: ServerFeatures, time: TimeEncoding): readonly SqlFragment[];
  /**
   * Columns added to existing tables, before `statements` run. Each is added only where
   * system.columns lacks it: 18.16 has no ADD COLUMN IF NOT EXISTS, and a migration must be safe to run twice.
   */
  readonly addColumns?: readonly { readonly table: string; readonly name: string; readonly kind: ColumnKind }[];
}

/** Column roles; each maps to a type (and a codec where the server has them). */
export type ColumnKind = 'tag' | 'string' | 'time' | 'uint32' | 'int32' | 'int64' | 'flag' | 'counter' | 'gauge' | 'duration' | 'float';

function columnType(kind: ColumnKind, f: ServerFeatures, time: TimeEncoding): string {
  const codec = (spec: string) => (f.codecs ? ` CODEC(${spec})` : '');
  switch (kind) {
    case 'tag':
      return f.lowCardinality ? 'LowCardinality(String)' : 'String';
    case 'string':
      return 'String';
    case 'time':
      return `${time.columnType}${codec('DoubleDelta, ZSTD(1)')}`;
    case 'uint32':
      return 'UInt32';
    case 'int32':
      return 'Int32';
    case 'int64':
      return `Int64${codec('T64, ZSTD(1)')}`;
    case 'flag':
      return 'UInt8';
    case 'counter':
      return `UInt64${codec('T64, ZSTD(1)')}`;
    case 'gauge':
      return `UInt64${codec('ZSTD(1)')}`;
    case 'duration':
    case 'float':
      return `Float64${codec('ZSTD(1)')}`;
  }
}

/** Column definitions for CREATE TABLE, typed for this server. */
export function columns(list: readonly (readonly [string, ColumnKind])[], f: ServerFeatures, time: TimeEncoding): string {
  return list.map(([name, kind]) => `    ${name} ${columnType(kind, f, time)}`).join(',\n');
}

/** Durability where the server offers it: the ingestor acks a batch once the insert returns. */
export function mergeTreeSettings(f: ServerFeatures): string {
  return f.fsyncOnInsert ? `\n  SETTINGS ${FSYNC_SETTINGS.map((name) => `${name} = 1`).join(', ')}` : '';
}

const STATEMENT_STATS_COLUMNS = [
  ['org_id', 'tag'],
  ['database_id', 'tag'],
  ['batch_id', 'string'],
  ['ts', 'time'],
  ['window_start', 'time'],
  ['query_hash', 'string'],
  ['dbid', 'uint32'],
  ['userid', 'uint32'],
  ['username', 'tag'],
  ['toplevel', 'flag'],
  ['calls', 'counter'],
  ['total_time_ms', 'duration'],
  ['rows', 'counter'],
  ['shared_blks_hit', 'counter'],
  ['shared_blks_read', 'counter'],
  ['shared_blks_dirtied', 'counter'],
  ['shared_blks_written', 'counter'],
  ['temp_blks_read', 'counter'],
  ['temp_blks_written', 'counter'],
  ['blk_read_time_ms', 'duration'],
  ['blk_write_time_ms', 'duration'],
  ['total_plan_time_ms', 'duration'],
] as const;

const STATEMENT_TEXTS_COLUMNS = [
  ['org_id', 'tag'],
  ['database_id', 'tag'],
  ['query_hash', 'string'],
  ['query_text', 'string'],
  ['last_seen', 'time'],
] as const;

/** The per-statement counters the rollups keep (summed per bucket); the raw table has them all. */
export const STATEMENT_SUM_COLUMNS = [
  'calls',
  'total_time_ms',
  'rows',
  'shared_blks_hit',
  'shared_blks_read',
  'shared_blks_dirtied',
  'shared_blks_written',
  'temp_blks_read',
  'temp_blks_written',
  'blk_read_time_ms',
  'blk_write_time_ms',
  'total_plan_time_ms',
] as const satisfies readonly (typeof STATEMENT_STATS_COLUMNS)[number][0][];

const STATEMENT_ROLLUP_COLUMNS = [
  ['org_id', 'tag'],
  ['database_id', 'tag'],
  ['query_hash', 'string'],
  // The bucket's start (an hour or a UTC day); raw rows fall in the bucket of their window end.
  ['ts', 'time'],
  ...STATEMENT_STATS_COLUMNS.filter(([name]) => (STATEMENT_SUM_COLUMNS as readonly string[]).includes(name)),
] as const;

/**
 * A rollup of statement_stats: one row per statement and bucket, written by the store in the same
 * call as the raw rows (a replayed batch is deduped before it reaches the store, so summing at insert
 * time counts each batch once). SummingMergeTree folds rows of one bucket together on merge; reads
 * still sum(), so unmerged parts give the same answer. Partitioned by day like every telemetry table,
 * so retention drops whole partitions.
 */
function statementRollup(table: string): TelemetryMigration['statements'] {
  return (f, time) => [
    rawSql(`CREATE TABLE IF NOT EXISTS ${table} (
${columns(STATEMENT_ROLLUP_COLUMNS, f, time)}
  ) ENGINE = SummingMergeTree
  PARTITION BY toYYYYMMDD(${time.toDateTime(rawSql('ts')).text})
  ORDER BY (org_id, database_id, query_hash, ts)${mergeTreeSettings(f)}`),
  ];
}

export const TELEMETRY_MIGRATIONS: readonly TelemetryMigration[] = [
  {
    version: 1,
    name: 'statement_stats',
    statements: (f, time) => [
      // Partitioned by day so retention can drop whole partitions.
      rawSql(`CREATE TABLE IF NOT EXISTS statement_stats (
${columns(STATEMENT_STATS_COLUMNS, f, time)}
  ) ENGINE = MergeTree
  PARTITION BY toYYYYMMDD(${time.toDateTime(rawSql('ts')).text})
  ORDER BY (org_id, database_id, query_hash, ts)${mergeTreeSettings(f)}`),
      // Text is kept once per statement rather than on every per-minute row.
      rawSql(`CREATE TABLE IF NOT EXISTS statement_texts (
${columns(STATEMENT_TEXTS_COLUMNS, f, time)}
  ) ENGINE = ReplacingMergeTree(last_seen)
  ORDER BY (org_id, database_id, query_hash)${mergeTreeSettings(f)}`),
    ],
  },
  { version: 2, name: 'statement_stats_hourly', statements: statementRollup('statement_stats_hourly') },
  { version: 3, name: 'statement_stats_daily', statements: statementRollup('statement_stats_daily') },
  {
    version: 4,
    name: 'statement_stats_datname',
    // The PostgreSQL database a statement ran in (pg_stat_statements is cluster-wide), for /queries?database=.
    // Raw rows only: the rollups stay keyed by statement, so filtered reads are bounded by raw retention.
    // Rows stored before it read as '' (not reported).
    addColumns: [{ table: 'statement_stats', name: 'datname', kind: 'tag' }],
    statements: () => [],
  },
];

/** The schema as found (and left) by migrateTelemetrySchema. */
export interface SchemaState {
  readonly features: ServerFeatures;
  readonly time: TimeEncoding;
  /** Applied migration versions, ascending. */
  readonly applied: readonly number[];
}

/** Detects the server's features, applies pending migrations in order, and reports the result. Safe on every start and from several processes at once. */
export async function migrateTelemetrySchema(client: TelemetrySqlClient, migrations: readonly TelemetryMigration[] = TELEMETRY_MIGRATIONS): Promise<SchemaState> {
  const features = await readFeatures(client);
  await client.command(
    rawSql(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version UInt32,
    name String,
    applied_at DateTime
  ) ENGINE = MergeTree
  ORDER BY version${mergeTreeSettings(features)}`),
  );
  const applied = await appliedVersions(client);
  const known = new Set(migrations.map((m) => m.version));
  const unknown = applied.filter((v) => !known.has(v));
  if (unknown.length > 0) {
    // A newer server already changed the schema in ways this one cannot know about.
    throw new Error(`telemetry schema has migration ${unknown.join(', ')}, which this server does not know: run a server at least as new as the one that applied it`);
  }
  const time = (await existingTimeEncoding(client)) ?? (features.dateTime64 ? DATETIME64_MS : UINT64_MS);
  const pending = [...migrations].filter((m) => !applied.includes(m.version)).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    for (const column of migration.addColumns ?? []) await addColumnIfMissing(client, column, columnType(column.kind, features, time));
    for (const statement of migration.statements(features, time)) await client.command(statement);
    // Two processes migrating at once may both record a version; reads group by version.
    await client.command(sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${migration.version}, ${migration.name}, now())`);
  }
  return { features, time: (await existingTimeEncoding(client)) ?? time, applied: await appliedVersions(client) };
}

async function hasColumn(client: TelemetrySqlClient, table: string, name: string): Promise<boolean> {
  const [found] = await client.select<{ n: number | string }>(sql`SELECT count() AS n FROM system.columns WHERE database = currentDatabase() AND table = ${table} AND name = ${name}`);
  return Number(found?.n ?? 0) > 0;
}

/** ALTER TABLE … ADD COLUMN where the table lacks it (names are trusted: they come from the migrations). */
async function addColumnIfMissing(client: TelemetrySqlClient, column: { table: string; name: string }, type: string): Promise<void> {
  if (await hasColumn(client, column.table, column.name)) return;
  try {
    await client.command(rawSql(`ALTER TABLE ${column.table} ADD COLUMN ${column.name} ${type}`));
  } catch (err) {
    // Another process migrating at the same moment added it first: what we wanted.
    if (!(await hasColumn(client, column.table, column.name))) throw err;
  }
}

async function readFeatures(client: TelemetrySqlClient): Promise<ServerFeatures> {
  const [row] = await client.select<{ version: string }>(sql`SELECT version() AS version`);
  if (!row) throw new Error('SELECT version() returned no row');
  const settings = await client.select<{ name: string }>(sql`SELECT name FROM system.merge_tree_settings WHERE name IN (${FSYNC_SETTINGS[0]}, ${FSYNC_SETTINGS[1]})`);
  return detectFeatures(row.version, settings.map((s) => s.name));
}

async function appliedVersions(client: TelemetrySqlClient): Promise<number[]> {
  const rows = await client.select<{ version: number | string }>(sql`SELECT DISTINCT version FROM schema_migrations ORDER BY version`);
  return rows.map((r) => Number(r.version));
}

async function existingTimeEncoding(client: TelemetrySqlClient): Promise<TimeEncoding | undefined> {
  const [row] = await client.select<{ type: string }>(
    sql`SELECT type FROM system.columns WHERE database = currentDatabase() AND table = 'statement_stats' AND name = 'ts'`,
  );
  return row && timeEncodingOfColumn(row.type);
}
