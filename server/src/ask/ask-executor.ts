import { VigilError } from '@vigil/shared';
import { rawSql } from '../storage/telemetry/clickhouse-sql.js';
import type { TelemetrySqlClient } from '../storage/telemetry/telemetry-sql-client.js';

/** Where a guarded query runs, and how far it may go. */
export interface AskLimits {
  /** Rows returned; one more is read to tell the caller the answer was cut. */
  readonly maxRows: number;
  readonly timeoutSeconds: number;
  readonly maxMemoryBytes: number;
  /** Rows the query may read from the tables (max_rows_to_read). */
  readonly maxRowsToRead: number;
}

export const DEFAULT_ASK_LIMITS: AskLimits = { maxRows: 1000, timeoutSeconds: 10, maxMemoryBytes: 512 * 1024 * 1024, maxRowsToRead: 100_000_000 };

/** seed 001's results object, plus whether rows were cut at max_rows. */
export interface AskResults {
  readonly columns: string[];
  readonly rows: unknown[][];
  readonly row_count: number;
  readonly execution_time_ms: number;
  readonly truncated: boolean;
}

/** ClickHouse codes that mean a limit was hit, not a mistake in the SQL. */
const LIMIT_CODES = new Set([159, 241, 158, 160, 307, 396]);
const READONLY = 164;

function codeOf(err: unknown): number | undefined {
  const e = err as { clickhouseCode?: number; code?: string | number; message?: string };
  if (typeof e.clickhouseCode === 'number') return e.clickhouseCode;
  if (e.code !== undefined && /^\d+$/.test(String(e.code))) return Number(e.code);
  const m = /Code: (\d+)/.exec(e.message ?? '');
  return m ? Number(m[1]) : undefined;
}

/** ClickHouse's own words, without the echo of the (rewritten) query or the stack. */
function reasonOf(err: unknown): string {
  const message = (err as { message?: string }).message ?? String(err);
  return message
    .replace(/^Code: \d+\. DB::Exception: /, '')
    // 18.16 words it `Code: 47, e.displayText() = DB::Exception: …, e.what() = DB::Exception`.
    .replace(/^Code: \d+, e\.displayText\(\) = DB::Exception: /, '')
    .replace(/, e\.what\(\) = DB::Exception$/, '')
    .replace(/: While processing[\s\S]*$/, '')
    .replace(/ In scope [\s\S]*$/, '')
    .replace(/\. Stack trace[\s\S]*$/, '')
    .replace(/ \([A-Z_]+\)(\s*\(version[^)]*\))?\s*$/, '')
    .slice(0, 500);
}

/** An empty result's column names, from ClickHouse's own DESCRIBE of the query; none if the server cannot describe it. */
async function columnsOf(client: TelemetrySqlClient, executable: string, settings: readonly string[]): Promise<string[]> {
  try {
    // The limits ride inside: 18.16 takes no SETTINGS after DESCRIBE.
    const described = await client.select<{ name: string }>(rawSql(`DESCRIBE TABLE (SELECT * FROM (\n${executable}\n) SETTINGS ${settings.join(', ')})`));
    return described.map((c) => c.name);
  } catch {
    // The rows (none) are the answer; a header is a courtesy an older server may not give.
    return [];
  }
}

/**
 * Runs a guarded query (sql-guard.ts: only its `executable`) read-only under the limits: readonly = 1
 * last in the query's SETTINGS, so nothing inside may change a setting, write or create, on chDB and
 * on a ClickHouse server (18.16 included) alike. A limit hit is ASK_QUERY_LIMIT, any other failure
 * ASK_QUERY_FAILED with ClickHouse's reason.
 */
export async function runGuardedQuery(client: TelemetrySqlClient, executable: string, limits: AskLimits): Promise<AskResults> {
  const settings = [
    `max_execution_time = ${Math.max(1, Math.floor(limits.timeoutSeconds))}`,
    `max_memory_usage = ${Math.floor(limits.maxMemoryBytes)}`,
    `max_rows_to_read = ${Math.floor(limits.maxRowsToRead)}`,
    'readonly = 1',
  ];
  // The guard produced `executable` from ClickHouse's own parse and re-checked it; this wrapper only cuts rows and adds limits.
  const text = `SELECT * FROM (\n${executable}\n) LIMIT ${Math.floor(limits.maxRows) + 1}\nSETTINGS ${settings.join(', ')}`;
  const started = performance.now();
  let records: Record<string, unknown>[];
  try {
    records = await client.select<Record<string, unknown>>(rawSql(text));
  } catch (err) {
    const code = codeOf(err);
    if (code !== undefined && LIMIT_CODES.has(code)) throw new VigilError('ASK_QUERY_LIMIT', `The query hit a limit: ${reasonOf(err)}`, { details: { clickhouse_code: code }, cause: err });
    if (code === READONLY) throw new VigilError('ASK_SQL_REFUSED', 'The query tried to change something: ask queries are read-only', { details: { reason: 'readonly' }, cause: err });
    if (code !== undefined) throw new VigilError('ASK_QUERY_FAILED', `The query failed: ${reasonOf(err)}`, { details: { clickhouse_code: code }, cause: err });
    throw err;
  }
  const execution_time_ms = Math.round((performance.now() - started) * 10) / 10;
  const truncated = records.length > limits.maxRows;
  const kept = truncated ? records.slice(0, limits.maxRows) : records;
  const columns = kept[0] ? Object.keys(kept[0]) : await columnsOf(client, executable, settings);
  return { columns, rows: kept.map((r) => columns.map((c) => r[c])), row_count: kept.length, execution_time_ms, truncated };
}
