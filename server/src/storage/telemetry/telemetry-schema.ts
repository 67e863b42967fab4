import { rawSql, sql } from './clickhouse-sql.js';
import { columns, columnType, DATETIME64_MS, detectFeatures, FSYNC_SETTINGS, mergeTreeSettings, UINT64_MS, type SchemaState, type ServerFeatures, type TelemetryMigration, type TimeEncoding } from './telemetry-ddl.js';
import type { TelemetrySqlClient } from './telemetry-sql-client.js';
import { statementsKind } from './kinds/statements/statements-tables.js';

/**
 * The telemetry schema, written once for every ClickHouse we run on: Debian's 18.16 server (the
 * oldest we support) and chDB's current engine. Newer-server features are used only where the server
 * has them, and the DDL is versioned in `schema_migrations` (ClickHouse has no transactional DDL, so
 * every statement must be safe to run twice: a crash mid-migration simply runs it again).
 */

function timeEncodingOfColumn(type: string): TimeEncoding {
  if (type.startsWith('DateTime64(3')) return DATETIME64_MS;
  if (type === 'UInt64') return UINT64_MS;
  throw new Error(`statement_stats.ts has type ${type}, which this server does not know how to read`);
}

/** Statement stats, their texts, rollups and time-ordered projection (versions 1–6): what migrateTelemetrySchema applies when given no list. */
export const TELEMETRY_MIGRATIONS: readonly TelemetryMigration[] = statementsKind.migrations;

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
  const pending = [...migrations].filter((m) => !applied.includes(m.version) && (m.requires === undefined || features[m.requires])).sort((a, b) => a.version - b.version);
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
