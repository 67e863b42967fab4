import { rawSql, sql } from './clickhouse-sql.js';
import { columns, columnType, DATETIME64_MS, detectFeatures, FSYNC_SETTINGS, mergeTreeSettings, UINT64_MS, type SchemaState, type ServerFeatures, type TelemetryMigration, type TimeEncoding } from './telemetry-ddl.js';
import type { TelemetrySqlClient } from './telemetry-sql-client.js';

/**
 * The telemetry schema, written once for every ClickHouse we run on: Debian's 18.16 server (the
 * oldest we support) and chDB's current engine. Newer-server features are used only where the server
 * has them, and the DDL is versioned in `schema_migrations` (ClickHouse has no transactional DDL, so
 * every statement must be safe to run twice: a crash mid-migration simply runs it again).
 */

// Where they were declared before telemetry-ddl.ts; importers (and the schema test) keep this path.
export {
  columns,
  DATETIME64_MS,
  detectFeatures,
  featureNames,
  mergeTreeSettings,
  parseVersion,
  UINT64_MS,
  type ColumnKind,
  type SchemaState,
  type ServerFeatures,
  type TelemetryMigration,
  type TimeEncoding,
} from './telemetry-ddl.js';

function timeEncodingOfColumn(type: string): TimeEncoding {
  if (type.startsWith('DateTime64(3')) return DATETIME64_MS;
  if (type === 'UInt64') return UINT64_MS;
  throw new Error(`statement_stats.ts has type ${type}, which this server does not know how to read`);
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
