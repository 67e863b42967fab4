import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { TaskStatus } from '../../runner/collector-task.js';
import type { FingerprintMethod, QueryGroup, QueryLogReading, QueryLogWatermark } from '../../state/clickhouse-query-log-state.js';
import type { ClickHouseQueryClient, ClickHouseRow } from './clickhouse-query-client.js';
import { num, sqlString, str } from './clickhouse-values.js';
import { agentQueryHash, MAX_TEXT_BYTES, normalizeQueryText } from './query-fingerprint.js';
import { readFunctions, readTableColumns, type TableColumns } from './system-catalog.js';

/**
 * Reads system.query_log incrementally: from the watermark up to the newest logged second (at
 * most MAX_SPAN_S at a time, so a long outage is caught up over several runs), grouped per
 * minute and fingerprint. Where the server can fingerprint (normalized_query_hash, or the
 * normalizedQueryHash function) it groups and computes percentiles itself; older releases group
 * by exact text on the server and the agent merges those groups by its own fingerprint. Either
 * way only literal-stripped text leaves the host.
 */

/** Where the window starts and the newest row in it: one query, so both use the same clock. */
const BOUNDS_SQL = (source: string, lower: string): string => `${AGENT_QUERY_MARKER}
SELECT toUInt32(${lower}) AS lower_time, toUInt32(max(event_time)) AS max_time, count() AS logged
  FROM ${source}
 WHERE event_date >= toDate(${lower}) AND event_time >= ${lower}`;

const ANY_ROW_SQL = (source: string): string => `${AGENT_QUERY_MARKER}
SELECT 1 AS one FROM ${source} LIMIT 1`;

const GROUPS_SQL = (source: string, d: Dialect, w: Window): string => `${AGENT_QUERY_MARKER}
SELECT toUInt32(toStartOfMinute(event_time)) AS minute,
       ${d.groupKey} AS group_key,
       any(${d.sample}) AS sample,
       count() AS calls,
       countIf(${d.failed}) AS errors,
       tupleElement(sumMapIf([toInt32(${d.errorCode})], [toUInt64(1)], ${d.failed}), 1) AS error_codes,
       tupleElement(sumMapIf([toInt32(${d.errorCode})], [toUInt64(1)], ${d.failed}), 2) AS error_counts,
       sum(query_duration_ms) AS total_duration_ms,
       ${d.durations} AS durations,
       sum(read_rows) AS read_rows,
       sum(read_bytes) AS read_bytes,
       sum(written_rows) AS written_rows,
       sum(written_bytes) AS written_bytes,
       sum(result_rows) AS result_rows,
       max(memory_usage) AS peak_memory,
       sum(memory_usage) AS total_memory,
       groupArrayIf(query_id, event_time = toDateTime(${w.upperS})) AS boundary_ids
  FROM ${source}
 WHERE event_date >= toDate(toDateTime(${w.lowerS})) AND event_date <= toDate(toDateTime(${w.upperS}))
   AND event_time >= toDateTime(${w.lowerS}) AND event_time <= toDateTime(${w.upperS})
   AND ${d.finished}${d.initialOnly}
   AND NOT startsWith(query, ${sqlString(AGENT_QUERY_MARKER)})${seenClause(w)}
 GROUP BY minute, group_key`;

/** Columns every release since 18.x has; without them the log cannot be read at all. */
const REQUIRED_COLUMNS = [
  'type', 'event_date', 'event_time', 'query_duration_ms', 'read_rows', 'read_bytes', 'written_rows', 'written_bytes',
  'result_rows', 'memory_usage', 'query', 'exception', 'query_id',
] as const;

const FUNCTIONS = ['normalizedQueryHash', 'normalizeQuery'] as const;

/** On first run (no watermark) the agent reads this far back, so a new install shows data at once. */
const INITIAL_LOOKBACK_S = 60;
/** Most log time one run reads: bounds the work after an outage; later runs catch up. */
const MAX_SPAN_S = 300;
/** Exact-text groups (old releases) carry at most this many durations each for the agent's percentiles. */
const MAX_DURATIONS_PER_TEXT = 1000;

export interface QueryLogSource {
  readonly database: string;
  readonly table: string;
}

export interface QueryLogOptions {
  /** The table to read; system.query_log unless a test points elsewhere (a fixture with a newer schema). */
  readonly source?: QueryLogSource;
}

interface Dialect {
  readonly method: FingerprintMethod;
  readonly groupKey: string;
  readonly sample: string;
  readonly durations: string;
  readonly failed: string;
  readonly finished: string;
  readonly errorCode: string;
  readonly initialOnly: string;
}

interface Window {
  readonly lowerS: number;
  readonly upperS: number;
  readonly previous: QueryLogWatermark | undefined;
}

function seenClause(w: Window): string {
  const ids = w.previous?.boundaryQueryIds ?? [];
  if (ids.length === 0) return '';
  return `\n   AND NOT (event_time = toDateTime(${w.previous!.eventTimeS}) AND query_id IN (${ids.map(sqlString).join(', ')}))`;
}

/** The SQL pieces for this server's query_log columns and functions (exported for unit tests of newer column sets). */
export function queryLogDialect(columns: TableColumns, functions: ReadonlySet<string>): Dialect {
  // type is a UInt8 before 19.x and an Enum8 after; numbers and names are each refused by the other.
  const isEnum = (columns.get('type') ?? '').startsWith('Enum');
  const finishedTypes = isEnum ? "'QueryFinish', 'ExceptionBeforeStart', 'ExceptionWhileProcessing'" : '2, 3, 4';
  const failed = isEnum ? "type != 'QueryFinish'" : 'type != 2';
  const errorCode = columns.has('exception_code') ? 'exception_code' : "toInt32OrZero(extract(exception, '^Code: (\\\\d+)'))";
  const initialOnly = columns.has('is_initial_query') ? '\n   AND is_initial_query' : '';
  const text = `substring(query, 1, ${MAX_TEXT_BYTES})`;
  const serverHash = columns.has('normalized_query_hash')
    ? { method: 'normalized_query_hash column' as const, expr: 'normalized_query_hash' }
    : functions.has('normalizedQueryHash')
      ? { method: 'normalizedQueryHash function' as const, expr: 'normalizedQueryHash(query)' }
      : undefined;
  const common = { failed, finished: `type IN (${finishedTypes})`, errorCode, initialOnly };
  if (serverHash) {
    return {
      ...common,
      method: serverHash.method,
      groupKey: `toString(${serverHash.expr})`,
      sample: functions.has('normalizeQuery') ? `normalizeQuery(${text})` : text,
      durations: 'quantiles(0.5, 0.95, 0.99)(query_duration_ms)',
    };
  }
  // Grouped by exact text here; the agent merges texts that differ only in literals.
  return { ...common, method: 'agent', groupKey: 'toString(cityHash64(query))', sample: text, durations: `groupArray(${MAX_DURATIONS_PER_TEXT})(query_duration_ms)` };
}

function queryLogMissing(source: QueryLogSource, exists: boolean, accessControl: boolean): TaskStatus {
  const where = `${source.database}.${source.table}`;
  return {
    code: 'query_log_empty',
    message:
      `${where} is ${exists ? 'empty' : 'missing (ClickHouse creates it when it first flushes a logged query)'}: enable log_queries, ` +
      'a user-level setting, for the users whose queries should be monitored: <log_queries>1</log_queries> in their profile in ' +
      'users.xml, or on releases with SQL access control ALTER SETTINGS PROFILE/ALTER USER … SETTINGS log_queries = 1 ' +
      '(SET log_queries = 1 covers one session only). The server config must also keep its <query_log> section.',
    // A release without SQL access control cannot run it: users.xml is the only way there.
    ...(accessControl && { fixSql: 'ALTER SETTINGS PROFILE default SETTINGS log_queries = 1;' }),
  };
}

function queryLogUnsupported(source: QueryLogSource, missing: readonly string[]): TaskStatus {
  return {
    code: 'query_log_unsupported',
    message: `${source.database}.${source.table} lacks the columns ${missing.join(', ')}; the query log cannot be read on this release`,
  };
}

/** Nearest-rank percentile of ascending values (0 for none). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1]!;
}

function errorCodes(row: ClickHouseRow): Record<number, number> {
  const codes = Array.isArray(row.error_codes) ? row.error_codes : [];
  const counts = Array.isArray(row.error_counts) ? row.error_counts : [];
  const out: Record<number, number> = {};
  codes.forEach((code, i) => (out[num(code)] = (out[num(code)] ?? 0) + num(counts[i])));
  return out;
}

interface Sums {
  calls: number;
  errors: number;
  errorsByCode: Record<number, number>;
  totalDurationMs: number;
  readRows: number;
  readBytes: number;
  writtenRows: number;
  writtenBytes: number;
  resultRows: number;
  peakMemoryBytes: number;
  totalMemoryBytes: number;
}

function sums(row: ClickHouseRow): Sums {
  return {
    calls: num(row.calls),
    errors: num(row.errors),
    errorsByCode: errorCodes(row),
    totalDurationMs: num(row.total_duration_ms),
    readRows: num(row.read_rows),
    readBytes: num(row.read_bytes),
    writtenRows: num(row.written_rows),
    writtenBytes: num(row.written_bytes),
    resultRows: num(row.result_rows),
    peakMemoryBytes: num(row.peak_memory),
    totalMemoryBytes: num(row.total_memory),
  };
}

function addInto(into: Sums, more: Sums): void {
  into.calls += more.calls;
  into.errors += more.errors;
  for (const [code, count] of Object.entries(more.errorsByCode)) into.errorsByCode[Number(code)] = (into.errorsByCode[Number(code)] ?? 0) + count;
  into.totalDurationMs += more.totalDurationMs;
  into.readRows += more.readRows;
  into.readBytes += more.readBytes;
  into.writtenRows += more.writtenRows;
  into.writtenBytes += more.writtenBytes;
  into.resultRows += more.resultRows;
  into.peakMemoryBytes = Math.max(into.peakMemoryBytes, more.peakMemoryBytes);
  into.totalMemoryBytes += more.totalMemoryBytes;
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.map(num) : [];
}

function serverGroups(rows: readonly ClickHouseRow[]): QueryGroup[] {
  return rows.map((row) => {
    const [p50 = 0, p95 = 0, p99 = 0] = numbers(row.durations);
    return {
      minuteStartMs: num(row.minute) * 1000,
      queryHash: str(row.group_key),
      hashSource: 'server',
      queryText: normalizeQueryText(str(row.sample)),
      ...sums(row),
      p50DurationMs: p50,
      p95DurationMs: p95,
      p99DurationMs: p99,
    };
  });
}

/** Exact-text groups merged by the agent's fingerprint, with percentiles over their durations. */
function agentGroups(rows: readonly ClickHouseRow[]): QueryGroup[] {
  const merged = new Map<string, { minuteStartMs: number; queryHash: string; queryText: string; sums: Sums; durations: number[] }>();
  for (const row of rows) {
    const queryText = normalizeQueryText(str(row.sample));
    const queryHash = agentQueryHash(queryText);
    const minuteStartMs = num(row.minute) * 1000;
    const key = `${minuteStartMs}/${queryHash}`;
    const group = merged.get(key);
    if (group) {
      addInto(group.sums, sums(row));
      group.durations.push(...numbers(row.durations));
    } else {
      merged.set(key, { minuteStartMs, queryHash, queryText, sums: sums(row), durations: numbers(row.durations) });
    }
  }
  return [...merged.values()].map(({ minuteStartMs, queryHash, queryText, sums: totals, durations }) => {
    const sorted = durations.sort((a, b) => a - b);
    return {
      minuteStartMs,
      queryHash,
      hashSource: 'agent',
      queryText,
      ...totals,
      p50DurationMs: percentile(sorted, 0.5),
      p95DurationMs: percentile(sorted, 0.95),
      p99DurationMs: percentile(sorted, 0.99),
    };
  });
}

/** The queries logged since `previous`, grouped per minute and fingerprint, and the next watermark. */
export async function collectQueryLog(
  client: ClickHouseQueryClient,
  previous: QueryLogWatermark | undefined,
  options: QueryLogOptions = {},
): Promise<QueryLogReading> {
  const source = options.source ?? { database: 'system', table: 'query_log' };
  const from = `${source.database}.${source.table}`;
  const catalog = await readTableColumns(client, source.database, [source.table]);
  const columns = catalog.get(source.table);
  if (!columns) return { statuses: [queryLogMissing(source, false, catalog.accessControl)], fingerprint: null, groups: [], watermark: previous };
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) return { statuses: [queryLogUnsupported(source, missing)], fingerprint: null, groups: [], watermark: previous };

  const lower = previous ? `toDateTime(${previous.eventTimeS})` : `(now() - ${INITIAL_LOOKBACK_S})`;
  const bounds = (await client.query(BOUNDS_SQL(from, lower)))[0] ?? {};
  const lowerS = num(bounds.lower_time);
  const watermarkIfNothing = previous ?? { eventTimeS: lowerS, boundaryQueryIds: [] };
  if (num(bounds.logged) === 0) {
    const empty = (await client.query(ANY_ROW_SQL(from))).length === 0;
    return { statuses: empty ? [queryLogMissing(source, true, catalog.accessControl)] : [], fingerprint: null, groups: [], watermark: watermarkIfNothing };
  }

  const dialect = queryLogDialect(columns, await readFunctions(client, FUNCTIONS));
  const window: Window = { lowerS, upperS: Math.min(num(bounds.max_time), lowerS + MAX_SPAN_S), previous };
  const rows = await client.query(GROUPS_SQL(from, dialect, window));
  const readAtUpper = rows.flatMap((row) => (Array.isArray(row.boundary_ids) ? row.boundary_ids.map(str) : []));
  // Still in the same second: what was read before at that second stays read.
  const carried = previous && previous.eventTimeS === window.upperS ? previous.boundaryQueryIds : [];
  return {
    statuses: [],
    fingerprint: dialect.method,
    groups: dialect.method === 'agent' ? agentGroups(rows) : serverGroups(rows),
    watermark: { eventTimeS: window.upperS, boundaryQueryIds: [...new Set([...carried, ...readAtUpper])] },
  };
}
