import { sql, type SqlFragment } from './clickhouse-sql.js';

/**
 * What telemetry DDL is written against: the connected server's features, how time columns
 * store Unix milliseconds, column roles and their types, and the shape of one versioned
 * migration. A module of its own so that the statement kind (which declares migrations 1–4)
 * and kind-table.ts can use these types while telemetry-schema.ts, which runs the migrations,
 * imports the kinds: no import cycle.
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
  /** Projections (a second sort order kept inside each part), from 23.3: see statementsByTime. */
  readonly projections: boolean;
}

// DateTime64 arrived in 20.1; LowCardinality and codecs are older but are switched on with it, so the
// columns have exactly two shapes (before 20.1, and from 20.1) and the contract suite runs both. The
// one projection (from 23.3) changes no column and no result: the suite has it on chDB only.
const MODERN_SINCE = { major: 20, minor: 1 } as const;
// Projections came in 21.6 as experimental; 23.3 (LTS) is where they are on by default under the
// setting name they have kept since (optimize_use_projections).
const PROJECTIONS_SINCE = { major: 23, minor: 3 } as const;
export const FSYNC_SETTINGS = ['fsync_after_insert', 'fsync_part_directory'] as const;

/** "18.16.1", "26.7.2.1" → major and minor; anything else is not a ClickHouse version. */
export function parseVersion(version: string): { major: number; minor: number } {
  const match = /^(\d+)\.(\d+)(\.|$)/.exec(version.trim());
  if (!match) throw new Error(`cannot read ClickHouse version ${JSON.stringify(version)}`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Features from version() and the server's MergeTree settings (which name the fsync ones exactly). */
export function detectFeatures(version: string, mergeTreeSettings: readonly string[]): ServerFeatures {
  const { major, minor } = parseVersion(version);
  const since = (from: { major: number; minor: number }): boolean => major > from.major || (major === from.major && minor >= from.minor);
  const modern = since(MODERN_SINCE);
  return {
    version,
    dateTime64: modern,
    lowCardinality: modern,
    codecs: modern,
    fsyncOnInsert: FSYNC_SETTINGS.every((name) => mergeTreeSettings.includes(name)),
    projections: since(PROJECTIONS_SINCE),
  };
}

/** Names of the features in use, for diagnostics and tests. */
export function featureNames(features: ServerFeatures): string[] {
  const names: string[] = [];
  if (features.dateTime64) names.push('DateTime64');
  if (features.lowCardinality) names.push('LowCardinality');
  if (features.codecs) names.push('codecs');
  if (features.fsyncOnInsert) names.push('fsync_after_insert');
  if (features.projections) names.push('projections');
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


/**
 * One versioned schema change. Never edit a shipped one: add the next version. Ranges: 1–99
 * statement stats, their texts and rollups (kinds/statements/), 100–199 PostgreSQL record kinds, 200–299 ClickHouse ones
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
  /**
   * A feature the migration needs. Where the server lacks it the migration is neither run nor
   * recorded, so the first start after the server is upgraded to have it applies it.
   */
  readonly requires?: OptionalFeature;
}

/** The server features a migration may require. */
export type OptionalFeature = 'projections';

/** Column roles; each maps to a type (and a codec where the server has them). */
export type ColumnKind = 'tag' | 'string' | 'time' | 'uint32' | 'int32' | 'int64' | 'flag' | 'counter' | 'gauge' | 'duration' | 'float';

/** A column role's type on this server (with its codec where the server has them). */
export function columnType(kind: ColumnKind, f: ServerFeatures, time: TimeEncoding): string {
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

/** The schema as found (and left) by migrateTelemetrySchema. */
export interface SchemaState {
  readonly features: ServerFeatures;
  readonly time: TimeEncoding;
  /** Applied migration versions, ascending. */
  readonly applied: readonly number[];
}
