import { joinSql, sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { bucketStart, recordKind, fillBuckets, fromWire, identity, inRange, num, scope, tableRow, kindTable, IDENTITY_COLUMNS } from '../kind-table.js';
import { counter, cut, integer, items, label, orFalse, timestamp, MAX_MESSAGE } from '../wire-checks.js';

/** Errors the server raised (system.errors), counted per snapshot window (ClickHouseErrorsSnapshot). */

export const CLICKHOUSE_ERRORS = kindTable({
  name: 'clickhouse_errors',
  columns: [
    // ts: the end of the window the count covers.
    ...IDENTITY_COLUMNS,
    ['window_start_ms', 'int64'],
    ['name', 'tag', label],
    ['code', 'int32', integer],
    ['remote', 'flag', orFalse],
    ['count', 'counter', counter],
    ['last_error_time_ms', 'int64', integer],
    ['last_error_message', 'string', cut(MAX_MESSAGE)],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'code'],
});

export const clickHouseErrorsKind = recordKind({
  name: 'clickhouse_errors',
  version: 206,
  tables: [CLICKHOUSE_ERRORS],
  fromBatch: (batch, at) =>
    items(batch.clickhouseErrors, 'clickhouse_errors').flatMap((snapshot, i) => {
      const field = `clickhouse_errors[${i}]`;
      const window = { ...identity(at, timestamp(snapshot.tsMs, `${field}.ts_ms`, at)), window_start_ms: integer(snapshot.windowStartMs, `${field}.window_start_ms`) };
      return items(snapshot.errors, `${field}.errors`).map((e, j) => tableRow(CLICKHOUSE_ERRORS, { ...window, ...fromWire(CLICKHOUSE_ERRORS, e, `${field}.errors[${j}]`) }));
    }),
});

// ---------------------------------------------------------------- reads

/** The server's name of each code among `codes`, as its newest errors snapshot says. */
export async function errorNames(ctx: KindContext, req: { orgId: string; databaseId: string }, codes: readonly number[]): Promise<Map<number, string>> {
  if (codes.length === 0) return new Map();
  // Aliased apart from the column: ClickHouse would resolve `name` in WHERE to the aggregate.
  const rows = await ctx.client.select<{ code: number; error_name: string }>(sql`
    SELECT code, argMax(name, ts) AS error_name FROM clickhouse_errors
    WHERE ${scope(req)} AND name != '' AND code IN (${joinSql(codes.map((c) => sql`${c}`))})
    GROUP BY code`);
  return new Map(rows.map((r) => [Number(r.code), r.error_name]));
}

/** One error name over a range. */
export interface ClickHouseErrorTotal {
  readonly code: number;
  readonly name: string;
  /** Raised by a remote server during a distributed query. */
  readonly remote: boolean;
  readonly count: number;
  /** Unix ms; null when the release does not record it. */
  readonly last_error_time: number | null;
  readonly last_error_message: string;
}

export interface ClickHouseErrorsPanel {
  readonly total: number;
  /** Every bucket of the range, oldest first; 0 where no error was recorded. */
  readonly series: readonly { readonly ts: number; readonly count: number }[];
  /** Most frequent first (then by code), at most `limit`. */
  readonly errors: readonly ClickHouseErrorTotal[];
}

/** Error events over [since, until) per `bucketMs`, and per error (ClusterSight's errors panel). */
export async function clickHouseErrorsPanel(
  ctx: KindContext,
  req: { orgId: string; databaseId: string; since: number; until: number; bucketMs: number; limit: number },
): Promise<ClickHouseErrorsPanel> {
  const where = sql`${scope(req)} AND ${inRange(ctx, req.since, req.until)}`;
  const buckets = await ctx.client.select<{ bucket: number | string; errors: number | string }>(sql`
    SELECT ${bucketStart(ctx, req.bucketMs)} AS bucket, sum(count) AS errors
    FROM clickhouse_errors WHERE ${where}
    GROUP BY bucket ORDER BY bucket`);
  const totals = await ctx.client.select<{ code: number; name: string; remote: number; errors: number | string; last_time: number | string; last_message: string }>(sql`
    SELECT code, name, remote, sum(count) AS errors, max(last_error_time_ms) AS last_time, argMax(last_error_message, last_error_time_ms) AS last_message
    FROM clickhouse_errors WHERE ${where}
    GROUP BY code, name, remote
    ORDER BY errors DESC, code ASC, name ASC, remote ASC
    LIMIT ${req.limit}`);
  const counts = new Map(buckets.map((b) => [num(b.bucket), num(b.errors)]));
  return {
    total: [...counts.values()].reduce((a, b) => a + b, 0),
    series: fillBuckets(req.since, req.until, req.bucketMs, (ts) => ({ ts, count: counts.get(ts) ?? 0 })),
    errors: totals.map((t) => ({
      code: Number(t.code),
      name: t.name,
      remote: Number(t.remote) === 1,
      count: num(t.errors),
      last_error_time: num(t.last_time) > 0 ? num(t.last_time) : null,
      last_error_message: t.last_message,
    })),
  };
}
