import { VigilError } from '@vigil/shared';
import { identifier, joinSql, rawSql, sql, type SqlFragment } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { bucketStart, inRange, num, scope } from '../kind-table.js';
import { byDatabase, scopeMany } from '../snapshots-many.js';
import { builtInErrorName } from './error-codes.js';
import { errorNames } from './errors-kind.js';

/** The clickhouse_queries kind (declared in queries-tables.ts) and its reads: fingerprints over a range, their timeseries, failures by code. */

export { clickHouseQueriesKind } from './queries-tables.js';

/** Sort keys for topClickHouseQueries: Basira's four, then ClickHouse's own. */
export const CLICKHOUSE_QUERY_SORTS = ['total_time', 'calls', 'mean_time', 'rows', 'errors', 'read_bytes', 'memory'] as const;
export type ClickHouseQuerySort = (typeof CLICKHOUSE_QUERY_SORTS)[number];

const SORT_COLUMNS = {
  total_time: 'total_time_ms',
  calls: 'total_calls',
  mean_time: 'mean_time_ms',
  rows: 'total_rows',
  errors: 'total_errors',
  read_bytes: 'total_read_bytes',
  memory: 'peak_memory',
} as const satisfies Record<ClickHouseQuerySort, string>;

/** One fingerprint over a time range: Basira's /queries fields plus ClickHouse's. */
export interface ClickHouseQueryStat {
  readonly query_hash: string;
  readonly query_text: string;
  readonly total_calls: number;
  readonly total_time_ms: number;
  readonly mean_time_ms: number;
  /** Result rows (what the client received). */
  readonly total_rows: number;
  readonly errors: number;
  readonly p95_time_ms: number;
  readonly p99_time_ms: number;
  readonly read_rows: number;
  readonly read_bytes: number;
  /** The largest single query's peak memory. */
  readonly memory_bytes: number;
}

interface QueryRange {
  readonly orgId: string;
  readonly databaseId: string;
  /** Unix ms, inclusive. */
  readonly since: number;
  /** Unix ms, exclusive. */
  readonly until: number;
}

/** The aggregates over a group of stat rows (a fingerprint, or a time bucket of one). */
function aggregates(): SqlFragment {
  return sql`
    sum(calls) AS total_calls,
    sum(total_duration_ms) AS total_time_ms,
    if(total_calls = 0, 0, total_time_ms / total_calls) AS mean_time_ms,
    sum(result_rows) AS total_rows,
    sum(errors) AS total_errors,
    if(total_calls = 0, 0, quantileExactWeighted(0.95)(p95_duration_ms, calls)) AS p95_time_ms,
    if(total_calls = 0, 0, quantileExactWeighted(0.99)(p99_duration_ms, calls)) AS p99_time_ms,
    sum(read_rows) AS total_read_rows,
    sum(read_bytes) AS total_read_bytes,
    sum(written_rows) AS total_written_rows,
    max(peak_memory_bytes) AS peak_memory`;
}

interface AggregateRow {
  readonly total_calls: number | string;
  readonly total_time_ms: number;
  readonly mean_time_ms: number;
  readonly total_rows: number | string;
  readonly total_errors: number | string;
  readonly p95_time_ms: number;
  readonly p99_time_ms: number;
  readonly total_read_rows: number | string;
  readonly total_read_bytes: number | string;
  readonly total_written_rows: number | string;
  readonly peak_memory: number | string;
}

function queryStat(r: AggregateRow & { query_hash: string; query_text: string | null }): ClickHouseQueryStat {
  return {
    query_hash: r.query_hash,
    query_text: r.query_text ?? '',
    total_calls: num(r.total_calls),
    total_time_ms: num(r.total_time_ms),
    mean_time_ms: num(r.mean_time_ms),
    total_rows: num(r.total_rows),
    errors: num(r.total_errors),
    p95_time_ms: num(r.p95_time_ms),
    p99_time_ms: num(r.p99_time_ms),
    read_rows: num(r.total_read_rows),
    read_bytes: num(r.total_read_bytes),
    memory_bytes: num(r.peak_memory),
  };
}

/** The newest text of each fingerprint, to LEFT JOIN … USING (query_hash). */
function textsOf(req: QueryRange): SqlFragment {
  return sql`(
      SELECT query_hash, argMax(query_text, ts) AS query_text
      FROM clickhouse_query_texts
      WHERE ${scope(req)}
      GROUP BY query_hash
    ) AS t USING (query_hash)`;
}

const AGGREGATE_COLUMNS = joinSql(
  ['total_calls', 'total_time_ms', 'mean_time_ms', 'total_rows', 'total_errors', 'p95_time_ms', 'p99_time_ms', 'total_read_rows', 'total_read_bytes', 'total_written_rows', 'peak_memory'].map(
    (column) => rawSql(column),
  ),
);

async function aggregateByHash(ctx: KindContext, req: QueryRange, filter: SqlFragment, order: SqlFragment, limit: number, offset = 0): Promise<ClickHouseQueryStat[]> {
  const rows = await ctx.client.select<AggregateRow & { query_hash: string; query_text: string | null }>(sql`
    SELECT query_hash, ${AGGREGATE_COLUMNS}, query_text
    FROM (
      SELECT query_hash, ${aggregates()}
      FROM clickhouse_query_stats
      WHERE ${scope(req)} AND ${inRange(ctx, req.since, req.until)} AND ${filter}
      GROUP BY query_hash
      ORDER BY ${order} DESC, query_hash ASC
      LIMIT ${offset}, ${limit}
    ) AS s
    LEFT JOIN ${textsOf(req)}
    ORDER BY ${order} DESC, query_hash ASC`);
  return rows.map(queryStat);
}

/**
 * The top `limit` fingerprints of each of many databases over one range by `sortBy` (no text
 * filter, no paging: what an evaluation tick reads), in one query, by database id (absent: none ran).
 */
export async function topClickHouseQueriesMany(
  ctx: KindContext,
  dbs: readonly { orgId: string; databaseId: string }[],
  req: { since: number; until: number; limit: number; sortBy: ClickHouseQuerySort },
): Promise<Map<string, ClickHouseQueryStat[]>> {
  if (dbs.length === 0) return new Map();
  if (!Object.hasOwn(SORT_COLUMNS, req.sortBy)) throw new VigilError('VALIDATION_FAILED', `sort_by: must be one of ${CLICKHOUSE_QUERY_SORTS.join(', ')}`);
  const order = identifier(SORT_COLUMNS[req.sortBy], Object.values(SORT_COLUMNS));
  const where = scopeMany(dbs);
  const rows = await ctx.client.select<AggregateRow & { database_id: string; query_hash: string; query_text: string | null }>(sql`
    SELECT database_id, query_hash, ${AGGREGATE_COLUMNS}, query_text
    FROM (
      SELECT database_id, query_hash, ${aggregates()}
      FROM clickhouse_query_stats
      WHERE ${where} AND ${inRange(ctx, req.since, req.until)}
      GROUP BY database_id, query_hash
      ORDER BY ${order} DESC, query_hash ASC
      LIMIT ${req.limit} BY database_id
    ) AS s
    LEFT JOIN (
      SELECT database_id, query_hash, argMax(query_text, ts) AS query_text
      FROM clickhouse_query_texts
      WHERE ${where}
      GROUP BY database_id, query_hash
    ) AS t USING (database_id, query_hash)
    ORDER BY ${order} DESC, query_hash ASC`);
  return new Map([...byDatabase(rows)].map(([id, own]) => [id, own.map(queryStat)]));
}

/**
 * Fingerprints over [since, until), sorted descending by `sortBy` then by hash, `limit` of them after
 * skipping `offset`; with `textContains`, only those whose text contains it, ignoring case (lowerUTF8
 * and position: 18.16 has them, and the text is a literal, so % and _ mean themselves).
 */
export async function topClickHouseQueries(
  ctx: KindContext,
  req: QueryRange & { limit: number; offset?: number; textContains?: string; sortBy: ClickHouseQuerySort },
): Promise<ClickHouseQueryStat[]> {
  if (!Object.hasOwn(SORT_COLUMNS, req.sortBy)) throw new VigilError('VALIDATION_FAILED', `sort_by: must be one of ${CLICKHOUSE_QUERY_SORTS.join(', ')}`);
  if (!Number.isSafeInteger(req.limit) || req.limit < 1) throw new VigilError('VALIDATION_FAILED', 'limit: must be a positive integer');
  const offset = req.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new VigilError('VALIDATION_FAILED', 'offset: must be a non-negative integer');
  const order = identifier(SORT_COLUMNS[req.sortBy], Object.values(SORT_COLUMNS));
  const filter =
    req.textContains === undefined
      ? sql`1`
      : sql`query_hash IN (SELECT query_hash FROM clickhouse_query_texts WHERE ${scope(req)} AND position(lowerUTF8(query_text), lowerUTF8(${req.textContains})) > 0)`;
  return aggregateByHash(ctx, req, filter, order, req.limit, offset);
}

/** One fingerprint over [since, until), or null when it ran in none of it. */
export async function clickHouseQuerySummary(ctx: KindContext, req: QueryRange & { queryHash: string }): Promise<ClickHouseQueryStat | null> {
  const [stat] = await aggregateByHash(ctx, req, sql`query_hash = ${req.queryHash}`, sql`total_time_ms`, 1);
  return stat ?? null;
}

/** When a fingerprint ran first and last in everything stored (any range), Unix ms; null when never. */
export async function clickHouseQuerySeen(ctx: KindContext, req: { orgId: string; databaseId: string; queryHash: string }): Promise<{ first: number; last: number } | null> {
  const ms = ctx.schema.time.toUnixMs(sql`ts`);
  const [seen] = await ctx.client.select<{ first_ms: number | string; last_ms: number | string; n: number | string }>(sql`
    SELECT min(${ms}) AS first_ms, max(${ms}) AS last_ms, count() AS n FROM clickhouse_query_stats WHERE ${scope(req)} AND query_hash = ${req.queryHash}`);
  return seen && num(seen.n) > 0 ? { first: num(seen.first_ms), last: num(seen.last_ms) } : null;
}

/** One interval of a fingerprint's timeseries. */
export interface ClickHouseQueryPoint {
  /** Bucket start, Unix ms. */
  readonly ts: number;
  readonly calls: number;
  readonly errors: number;
  readonly total_time_ms: number;
  readonly mean_time_ms: number;
  readonly p95_time_ms: number;
  readonly p99_time_ms: number;
  readonly rows: number;
  readonly read_rows: number;
  readonly read_bytes: number;
  readonly written_rows: number;
  readonly memory_bytes: number;
}

/** Most buckets one timeseries read returns: a request for more is refused, never cut. */
export const MAX_TIMESERIES_POINTS = 10_000;

/** A fingerprint per `bucketSeconds` over [since, until), oldest first; buckets without queries are absent. */
export async function clickHouseQueryTimeseries(ctx: KindContext, req: QueryRange & { queryHash: string; bucketSeconds: number }): Promise<ClickHouseQueryPoint[]> {
  const bucketMs = req.bucketSeconds * 1000;
  if (!Number.isSafeInteger(bucketMs) || bucketMs < 1000) throw new VigilError('VALIDATION_FAILED', 'bucket: must be a whole number of seconds, at least 1');
  if ((req.until - req.since) / bucketMs > MAX_TIMESERIES_POINTS) {
    throw new VigilError('VALIDATION_FAILED', `bucket: the range holds more than ${MAX_TIMESERIES_POINTS} buckets; pick a larger bucket or a shorter range`);
  }
  const rows = await ctx.client.select<AggregateRow & { bucket: number | string }>(sql`
    SELECT ${bucketStart(ctx, bucketMs)} AS bucket, ${aggregates()}
    FROM clickhouse_query_stats
    WHERE ${scope(req)} AND query_hash = ${req.queryHash} AND ${inRange(ctx, req.since, req.until)}
    GROUP BY bucket
    ORDER BY bucket ASC`);
  return rows.map((r) => ({
    ts: num(r.bucket),
    calls: num(r.total_calls),
    errors: num(r.total_errors),
    total_time_ms: num(r.total_time_ms),
    mean_time_ms: num(r.mean_time_ms),
    p95_time_ms: num(r.p95_time_ms),
    p99_time_ms: num(r.p99_time_ms),
    rows: num(r.total_rows),
    read_rows: num(r.total_read_rows),
    read_bytes: num(r.total_read_bytes),
    written_rows: num(r.total_written_rows),
    memory_bytes: num(r.peak_memory),
  }));
}

/** Failed queries of one error code over a range (ClusterSight's /queries/failed). */
export interface FailedQueryGroup {
  readonly code: number;
  /** The server's name for the code from system.errors snapshots, else from the built-in table (null for a code neither knows). */
  readonly name: string | null;
  readonly count: number;
  /** Distinct fingerprints that failed with it. */
  readonly queries: number;
  /** Start of the last minute it occurred in, Unix ms. */
  readonly last_seen: number;
  /** The fingerprints failing with it most, at most `topQueries`. */
  readonly top_queries: readonly { readonly query_hash: string; readonly query_text: string; readonly count: number }[];
}

/** Failures over [since, until) grouped by error code, most frequent first, at most `limit` codes. */
export async function failedClickHouseQueries(ctx: KindContext, req: QueryRange & { limit: number; topQueries: number }): Promise<FailedQueryGroup[]> {
  const where = sql`${scope(req)} AND ${inRange(ctx, req.since, req.until)} AND errors > 0`;
  const groups = await ctx.client.select<{ code: number; failures: number | string; queries: number | string; last_seen: number | string }>(sql`
    SELECT code, sum(failures_of_code) AS failures, uniqExact(query_hash) AS queries, max(${ctx.schema.time.toUnixMs(sql`ts`)}) AS last_seen
    FROM clickhouse_query_stats
    ARRAY JOIN error_codes AS code, error_counts AS failures_of_code
    WHERE ${where}
    GROUP BY code
    ORDER BY failures DESC, code ASC
    LIMIT ${req.limit}`);
  if (groups.length === 0) return [];
  const codes = groups.map((g) => Number(g.code));
  const top = await ctx.client.select<{ code: number; query_hash: string; failures: number | string; query_text: string | null }>(sql`
    SELECT code, query_hash, failures, query_text
    FROM (
      SELECT code, query_hash, sum(failures_of_code) AS failures
      FROM clickhouse_query_stats
      ARRAY JOIN error_codes AS code, error_counts AS failures_of_code
      WHERE ${where} AND code IN (${joinSql(codes.map((c) => sql`${c}`))})
      GROUP BY code, query_hash
      ORDER BY code ASC, failures DESC, query_hash ASC
      LIMIT ${req.topQueries} BY code
    ) AS s
    LEFT JOIN ${textsOf(req)}
    ORDER BY code ASC, failures DESC, query_hash ASC`);
  const names = await errorNames(ctx, req, codes);
  return groups.map((g) => ({
    code: Number(g.code),
    name: names.get(Number(g.code)) ?? builtInErrorName(Number(g.code)) ?? null,
    count: num(g.failures),
    queries: num(g.queries),
    last_seen: num(g.last_seen),
    top_queries: top
      .filter((t) => Number(t.code) === Number(g.code))
      .map((t) => ({ query_hash: t.query_hash, query_text: t.query_text ?? '', count: num(t.failures) })),
  }));
}
