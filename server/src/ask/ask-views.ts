import { literal, rawSql } from '../storage/telemetry/clickhouse-sql.js';
import { askTables, type AskTable } from '../storage/telemetry/reads/ask-tables.js';
import type { TimeEncoding } from '../storage/telemetry/telemetry-ddl.js';

/**
 * What can be asked: read-only views over the organization's own telemetry, one per declared
 * telemetry table (named like it), plus two over metadata (`databases`, `alerts`). A view is never a
 * ClickHouse object: the guard (sql-guard.ts) replaces each reference with a subquery that selects
 * the table's rows of the caller's organization (and database, when the question is focused), with
 * time columns as DateTime (UTC) on every backend (18.16 stores them as Unix ms).
 */

/** A view column: name, ClickHouse type as the view returns it, and the declared role. */
export interface ViewColumn {
  readonly name: string;
  readonly type: string;
  readonly role: string;
}

export interface AskView {
  readonly name: string;
  readonly description: string;
  /** The record kind whose table it reads, or `metadata`. */
  readonly source: string;
  readonly engine: 'postgresql' | 'clickhouse' | 'any';
  readonly columns: readonly ViewColumn[];
}

/** Who a view is bound to: the caller's organization, and one of its databases when the question is focused. */
export interface ViewBinding {
  readonly orgId: string;
  readonly databaseId?: string | undefined;
}

const DESCRIPTIONS: Record<string, string> = {
  statement_stats: 'PostgreSQL statement counters (pg_stat_statements deltas) per collection window; ts is the window end. Sum calls/total_time_ms over a range; join statement_texts on (database_id, query_hash) for the text',
  statement_stats_hourly: 'statement_stats summed per statement and hour (ts is the hour); kept longer than the raw rows',
  statement_stats_daily: 'statement_stats summed per statement and UTC day (ts is the day)',
  statement_texts: 'The normalized text of each PostgreSQL statement, once per (database_id, query_hash)',
  pg_activity_snapshots: 'One row per PostgreSQL activity snapshot (pg_stat_activity) with its totals',
  pg_activity_sessions: 'Sessions of each PostgreSQL activity snapshot (state, wait event, query start, query text); a snapshot is all rows with one (ts, batch_id)',
  pg_lock_snapshots: 'One row per PostgreSQL lock snapshot with its totals',
  pg_locks: 'Blocked and blocking PostgreSQL sessions per lock snapshot',
  pg_wait_events: 'PostgreSQL wait events sampled per window (counts by wait_event_type and wait_event)',
  pg_object_snapshots: 'One row per snapshot of PostgreSQL tables and indexes',
  pg_table_stats: 'PostgreSQL table statistics per snapshot (pg_stat_user_tables counters as deltas, sizes, dead tuples, vacuum times)',
  pg_index_stats: 'PostgreSQL index statistics per snapshot (scans, size, definition, validity)',
  pg_sequence_usage: 'PostgreSQL sequences and how much of their range is used',
  pg_replication_snapshots: 'One row per PostgreSQL replication snapshot',
  pg_replication_standbys: 'PostgreSQL standbys (pg_stat_replication) per snapshot: state and lag',
  pg_replication_slots: 'PostgreSQL replication slots per snapshot: active, retained WAL',
  pg_server_snapshots: 'PostgreSQL server-wide readings per window (connections, WAL, checkpoints, bgwriter)',
  pg_database_stats: 'PostgreSQL per-database counters (pg_stat_database deltas) per window',
  pg_io_stats: 'PostgreSQL pg_stat_io counters per window',
  pg_settings: 'PostgreSQL settings as the agent last read them',
  clickhouse_query_stats: 'ClickHouse queries (system.query_log) aggregated per normalized query and minute: count, durations, rows and bytes read, memory, errors',
  clickhouse_query_texts: 'The text of each normalized ClickHouse query, once per (database_id, normalized_query_hash)',
  clickhouse_parts: 'ClickHouse active parts per table and snapshot (count, rows, bytes)',
  clickhouse_partitions: 'ClickHouse partitions per table and snapshot (parts per partition)',
  clickhouse_detached_parts: 'ClickHouse detached parts per snapshot',
  clickhouse_merges: 'ClickHouse merges running at each snapshot (system.merges): progress, elapsed',
  clickhouse_mutations: 'ClickHouse mutations per snapshot (system.mutations): parts to do, failures',
  clickhouse_replicas: 'ClickHouse replicated tables per snapshot (system.replicas): delay, queue, readonly',
  clickhouse_replication_queue: 'ClickHouse replication queue entries per snapshot (num_tries, last exception)',
  clickhouse_disks: 'ClickHouse disks per snapshot (free and total space)',
  clickhouse_errors: 'ClickHouse error counters (system.errors) per window',
  clickhouse_server: 'ClickHouse server-wide readings per window (uptime, memory, connections, inserts)',
  clickhouse_processes: 'ClickHouse queries running at each snapshot (system.processes)',
  clickhouse_table_schemas: 'ClickHouse table definitions (keys, TTL, columns as JSON) read hourly',
  explain_plans: 'EXPLAIN plans Vigil collected, per statement',
  health_scores: 'Vigil health score per database evaluation (score 0-100, grade, components and metrics as JSON)',
};

const TIME_TYPE = 'DateTime';

const ROLE_TYPES: Record<string, string> = {
  tag: 'String',
  string: 'String',
  time: TIME_TYPE,
  uint32: 'UInt32',
  int32: 'Int32',
  int64: 'Int64',
  flag: 'UInt8',
  counter: 'UInt64',
  gauge: 'UInt64',
  duration: 'Float64',
  float: 'Float64',
  int32_array: 'Array(Int32)',
  uint8_array: 'Array(UInt8)',
  uint32_array: 'Array(UInt32)',
  uint64_array: 'Array(UInt64)',
  string_array: 'Array(String)',
};

/** Hidden from every view: the organization (always the caller's) is what the binding filters on. */
const HIDDEN = new Set(['org_id']);

function engineOf(table: AskTable): AskView['engine'] {
  if (table.name.startsWith('clickhouse_')) return 'clickhouse';
  if (table.name.startsWith('pg_') || table.name.startsWith('statement_')) return 'postgresql';
  return 'any';
}

/** The metadata views: their rows come from the metadata store, written into the query as literals. */
export const DATABASES_VIEW: AskView = {
  name: 'databases',
  description: "The organization's monitored databases: join any view's database_id to name them",
  source: 'metadata',
  engine: 'any',
  columns: [
    { name: 'database_id', type: 'String', role: 'tag' },
    { name: 'name', type: 'String', role: 'string' },
    { name: 'engine', type: 'String', role: 'tag' },
    { name: 'engine_version', type: 'String', role: 'string' },
  ],
};

export const ALERTS_VIEW: AskView = {
  name: 'alerts',
  description: "The organization's alerts (newest 1,000 over the last 30 days): rule, metric, severity, value, status, times",
  source: 'metadata',
  engine: 'any',
  columns: [
    { name: 'alert_id', type: 'String', role: 'string' },
    { name: 'database_id', type: 'String', role: 'tag' },
    { name: 'rule_name', type: 'String', role: 'string' },
    { name: 'metric_key', type: 'String', role: 'tag' },
    { name: 'severity', type: 'String', role: 'tag' },
    { name: 'status', type: 'String', role: 'tag' },
    { name: 'value', type: 'Float64', role: 'float' },
    { name: 'threshold', type: 'Float64', role: 'float' },
    { name: 'object_label', type: 'String', role: 'string' },
    { name: 'opened_at', type: TIME_TYPE, role: 'time' },
    { name: 'resolved_at', type: 'Nullable(DateTime)', role: 'time' },
  ],
};

let cached: { views: AskView[]; tables: Map<string, AskTable> } | undefined;

function catalogue(): { views: AskView[]; tables: Map<string, AskTable> } {
  if (cached) return cached;
  const tables = new Map(askTables().map((t) => [t.name, t]));
  const views = [...tables.values()].map(
    (table): AskView => ({
      name: table.name,
      description: DESCRIPTIONS[table.name] ?? `Rows of the ${table.kind} record kind`,
      source: table.kind,
      engine: engineOf(table),
      columns: table.columns.filter(([name]) => !HIDDEN.has(name)).map(([name, role]) => ({ name, role, type: ROLE_TYPES[role] ?? 'String' })),
    }),
  );
  cached = { views: [...views, DATABASES_VIEW, ALERTS_VIEW], tables };
  return cached;
}

/** Every view, telemetry first. */
export function askViews(): readonly AskView[] {
  return catalogue().views;
}

/** The view of that name, if there is one. */
export function askView(name: string): AskView | undefined {
  return catalogue().views.find((v) => v.name === name);
}

/** True when `name` is a telemetry table a view reads (the guard's check of a rewritten query). */
export function isViewTable(name: string): boolean {
  return catalogue().tables.has(name);
}

/** The WHERE binding a telemetry view's inner select carries; the guard checks for exactly this shape. */
export function bindingCondition(binding: ViewBinding): string {
  const org = `org_id = ${literal(binding.orgId)}`;
  return binding.databaseId === undefined ? org : `${org} AND database_id = ${literal(binding.databaseId)}`;
}

/**
 * The subquery standing for telemetry view `name`: the table's rows of the bound organization
 * (inner select, the only place a table is read), its time columns as DateTime by the outer one.
 * Time columns are renamed inside so no alias shadows the column it converts (18.16 calls that cyclic).
 */
export function telemetryViewSql(name: string, binding: ViewBinding, time: TimeEncoding): string {
  const table = catalogue().tables.get(name);
  if (!table) throw new Error(`${name} is not a telemetry view`);
  const visible = table.columns.filter(([column]) => !HIDDEN.has(column));
  const inner = visible.map(([column, role]) => (role === 'time' ? `${column} AS __${column}` : column)).join(', ');
  const outer = visible.map(([column, role]) => (role === 'time' ? `${time.toDateTime(rawSql(`__${column}`)).text} AS ${column}` : column)).join(', ');
  return `SELECT ${outer} FROM (SELECT ${inner} FROM ${table.name} WHERE ${bindingCondition(binding)})`;
}

/** A metadata view's rows, in its columns' order; null is written as NULL (only for Nullable columns). */
export type LiteralRow = readonly (string | number | null)[];

/** The subquery standing for a metadata view: its rows as literals (an empty view selects nothing). */
export function literalViewSql(view: AskView, rows: readonly LiteralRow[]): string {
  const cell = (value: string | number | null, column: ViewColumn): string => {
    if (value === null) return `CAST(NULL AS ${column.type})`;
    if (column.role === 'time') return `toDateTime(${literal(String(value))}, 'UTC')`;
    return column.type === 'Float64' ? `toFloat64(${literal(Number(value))})` : literal(value);
  };
  if (rows.length === 0) {
    const empty = view.columns.map((c) => `${c.type === 'Float64' ? 'toFloat64(0)' : c.role === 'time' ? "toDateTime(0, 'UTC')" : "''"} AS ${c.name}`);
    return `SELECT ${empty.join(', ')} WHERE 0`;
  }
  // One row per array element; tupleElement (not .1) reads on every release, 18.16 included.
  const tuples = rows.map((row) => `tuple(${view.columns.map((c, i) => cell(row[i] ?? null, c)).join(', ')})`);
  const projection = view.columns.map((c, i) => `tupleElement(__row, ${i + 1}) AS ${c.name}`).join(', ');
  return `SELECT ${projection} FROM (SELECT arrayJoin([${tuples.join(', ')}]) AS __row)`;
}
