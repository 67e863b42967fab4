import { VigilError } from '@vigil/shared';
import { identifier, joinSql, rawSql, sql, type SqlFragment } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { QUERY_SORTS, type QueryGroup, type QueryGroupsRequest, type QueryStat, type TopQueriesRequest } from '../../telemetry-store.js';
import { tableName } from '../kind-table.js';
import { RANKED_COLUMNS, STATEMENT_STATS, STATEMENT_TEXTS, STATEMENT_TIERS, type StatementSums, type StatementTier } from './statements-tables.js';

// The kind's declaration, re-exported so the reads and the kind are one import.
export * from './statements-tables.js';

/**
 * Reads of PostgreSQL statement stats: the /queries ranking (topQueries) and its sums per database
 * or role (queryGroups), one statement's totals and timeseries, and the slowest statements.
 */

const RAW_TIER = STATEMENT_TIERS[STATEMENT_TIERS.length - 1]!;
// The columns statement_stats' by_time projection holds, so raw reads of a ranking can be answered from it.
const RANKED = rawSql(RANKED_COLUMNS.join(', '));

/** The part of a range one table answers. */
interface Segment {
  readonly tier: StatementTier;
  readonly since: number;
  readonly until: number;
}

/**
 * Splits [since, until) over the tiers from `tiers[0]` down: whole buckets from the coarsest, the
 * partial buckets at each end from the next finer tier, recursively, down to raw rows. With
 * `endsNow` the newest bucket is read whole: nothing in it is newer than now, so it holds the same
 * rows as its part before `until`, and today's daily row replaces the hours and minutes since midnight.
 */
function segments(since: number, until: number, tiers: readonly StatementTier[], endsNow: boolean): Segment[] {
  const [tier, ...finer] = tiers;
  if (!tier || since >= until) return [];
  if (finer.length === 0) return [{ tier, since, until }];
  const start = Math.ceil(since / tier.bucketMs) * tier.bucketMs;
  const end = (endsNow ? Math.ceil : Math.floor)(until / tier.bucketMs) * tier.bucketMs;
  if (start >= end) return segments(since, until, finer, endsNow);
  return [...segments(since, start, finer, false), { tier, since: start, until: end }, ...(endsNow ? [] : segments(end, until, finer, false))];
}

/** Each API sort key and the aggregate column it orders by: the only identifiers a request can pick. */
const SORT_COLUMNS = {
  total_time: 'total_time_ms',
  calls: 'total_calls',
  mean_time: 'mean_time_ms',
  rows: 'total_rows',
} as const satisfies Record<(typeof QUERY_SORTS)[number], string>;

/**
 * Statements whose newest text contains `text`, ignoring case. lowerUTF8 and position, not ILIKE or
 * positionCaseInsensitiveUTF8, because 18.16 has them; `text` is a literal, so % and _ mean themselves.
 */
function statementsWithText(orgId: string, databaseId: string, text: string): SqlFragment {
  return sql`SELECT query_hash FROM ${tableName(STATEMENT_TEXTS)}
    WHERE org_id = ${orgId} AND database_id = ${databaseId} AND position(lowerUTF8(query_text), lowerUTF8(${text})) > 0`;
}

/** The raw rows' conditions for the database and role filters (only statement_stats has these columns). */
function callFilter(request: TopQueriesRequest): SqlFragment {
  const byDatabase = request.datname === undefined ? sql`` : sql` AND datname = ${request.datname}`;
  const byRole = request.username === undefined ? sql`` : sql` AND username = ${request.username}`;
  return sql`${byDatabase}${byRole}`;
}

/** Sort column, offset and limit of a ranking, checked: a bad one is a caller's bug or a bad request. */
function ranking(request: TopQueriesRequest): { order: SqlFragment; offset: number } {
  if (!Object.hasOwn(SORT_COLUMNS, request.sortBy)) {
    throw new VigilError('VALIDATION_FAILED', `sort_by: must be one of ${QUERY_SORTS.join(', ')}`);
  }
  if (!Number.isSafeInteger(request.limit) || request.limit < 1) throw new VigilError('VALIDATION_FAILED', 'limit: must be a positive integer');
  const offset = request.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new VigilError('VALIDATION_FAILED', 'offset: must be a non-negative integer');
  return { order: identifier(SORT_COLUMNS[request.sortBy], Object.values(SORT_COLUMNS)), offset };
}

/** Columns a group can be keyed by: the only identifiers group_by picks. */
const GROUP_COLUMNS = { database: 'datname', user: 'username' } as const;

/** topQueries' row as ClickHouse returns it: UInt64 sums may arrive as JSON strings. */
interface QueryStatRow {
  readonly query_hash: string;
  readonly query_text: string;
  readonly total_calls: number | string;
  readonly total_time_ms: number;
  readonly mean_time_ms: number;
  readonly total_rows: number | string;
  readonly shared_blks_hit: number | string;
  readonly shared_blks_read: number | string;
  readonly cache_hit_ratio: number | null;
}

/**
 * Statements aggregated over [since, until), ranked: whole days from the daily rollup, the partial days at
 * each end from the hourly, the partial hours from raw rows, so a 7-day range reads about a day of hourly
 * rows instead of 168 hours of them (the rollups hold the raw rows' exact sums, and config keeps the daily
 * table at least as long as the hourly). A range ending now reads today's daily row whole instead of
 * its hours and minutes (`endsNow`). A database or role filter reads raw rows over the whole range.
 */
export async function topQueries(ctx: KindContext, request: TopQueriesRequest): Promise<QueryStat[]> {
  const { time } = ctx.schema;
  const { order, offset } = ranking(request);
  // Database and role are columns of the raw rows only: a filtered ranking reads them over the whole range.
  const filtered = request.datname !== undefined || request.username !== undefined;
  const tiers: readonly StatementTier[] = filtered ? [RAW_TIER] : STATEMENT_TIERS;
  const parts = segments(request.since, request.until, tiers, request.endsNow === true).map(
    (segment): SqlFragment => sql`
        SELECT ${RANKED} FROM ${tableName(segment.tier.table)}
        WHERE org_id = ${request.orgId} AND database_id = ${request.databaseId}
          AND ts >= ${time.literal(segment.since)} AND ts < ${time.literal(segment.until)}${filtered ? callFilter(request) : sql``}`,
  );
  if (parts.length === 0) return [];
  const rows = await ctx.client.select<QueryStatRow>(sql`
    SELECT
      s.query_hash AS query_hash,
      t.query_text AS query_text,
      s.total_calls AS total_calls,
      s.total_time_ms AS total_time_ms,
      s.mean_time_ms AS mean_time_ms,
      s.total_rows AS total_rows,
      s.shared_blks_hit AS shared_blks_hit,
      s.shared_blks_read AS shared_blks_read,
      if(s.shared_blks_hit + s.shared_blks_read = 0, NULL, s.shared_blks_hit / (s.shared_blks_hit + s.shared_blks_read)) AS cache_hit_ratio
    FROM (
      SELECT
        query_hash,
        sum(calls) AS total_calls,
        sum(total_time_ms) AS total_time_ms,
        if(total_calls = 0, 0, total_time_ms / total_calls) AS mean_time_ms,
        sum(rows) AS total_rows,
        sum(shared_blks_hit) AS shared_blks_hit,
        sum(shared_blks_read) AS shared_blks_read
      FROM (${joinSql(parts, ' UNION ALL ')})
      ${request.textContains === undefined ? sql`` : sql`WHERE query_hash IN (${statementsWithText(request.orgId, request.databaseId, request.textContains)})`}
      GROUP BY query_hash
      ORDER BY ${order} DESC, query_hash ASC
      LIMIT ${offset}, ${request.limit}
    ) AS s
    LEFT JOIN (
      SELECT query_hash, argMaxIf(query_text, last_seen, query_text != '') AS query_text
      FROM ${tableName(STATEMENT_TEXTS)}
      WHERE org_id = ${request.orgId} AND database_id = ${request.databaseId}
      GROUP BY query_hash
    ) AS t USING (query_hash)
    ORDER BY ${order} DESC, query_hash ASC`);
  return rows.map((r) => ({
    query_hash: r.query_hash,
    query_text: r.query_text,
    total_calls: Number(r.total_calls),
    total_time_ms: r.total_time_ms,
    mean_time_ms: r.mean_time_ms,
    total_rows: Number(r.total_rows),
    shared_blks_hit: Number(r.shared_blks_hit),
    shared_blks_read: Number(r.shared_blks_read),
    cache_hit_ratio: r.cache_hit_ratio,
  }));
}

/** topQueries' sums per database or role instead of per statement, ranked the same way; always from raw rows. */
export async function queryGroups(ctx: KindContext, request: QueryGroupsRequest): Promise<QueryGroup[]> {
  const { time } = ctx.schema;
  const { order, offset } = ranking(request);
  if (!Object.hasOwn(GROUP_COLUMNS, request.groupBy)) throw new VigilError('VALIDATION_FAILED', `group_by: must be one of ${Object.keys(GROUP_COLUMNS).join(', ')}`);
  const key = identifier(GROUP_COLUMNS[request.groupBy], Object.values(GROUP_COLUMNS));
  if (request.since >= request.until) return [];
  // Sums named apart from the columns they sum (time_sum, not total_time_ms): ClickHouse would read the
  // alias inside sum() otherwise. The outer query gives them the API's names.
  const rows = await ctx.client.select<Omit<QueryStatRow, 'query_hash' | 'query_text'> & { group_key: string; statements: number | string }>(sql`
    SELECT group_key, statements, total_calls, time_sum AS total_time_ms, mean_time_ms, total_rows,
      hit_sum AS shared_blks_hit, read_sum AS shared_blks_read, if(hit_sum + read_sum = 0, NULL, hit_sum / (hit_sum + read_sum)) AS cache_hit_ratio
    FROM (
      SELECT
        ${key} AS group_key,
        uniqExact(query_hash) AS statements,
        sum(calls) AS total_calls,
        sum(total_time_ms) AS time_sum,
        if(total_calls = 0, 0, time_sum / total_calls) AS mean_time_ms,
        sum(rows) AS total_rows,
        sum(shared_blks_hit) AS hit_sum,
        sum(shared_blks_read) AS read_sum
      FROM ${tableName(STATEMENT_STATS)}
      WHERE org_id = ${request.orgId} AND database_id = ${request.databaseId}
        AND ts >= ${time.literal(request.since)} AND ts < ${time.literal(request.until)}${callFilter(request)}
        ${request.textContains === undefined ? sql`` : sql`AND query_hash IN (${statementsWithText(request.orgId, request.databaseId, request.textContains)})`}
      GROUP BY group_key
    )
    ORDER BY ${order} DESC, group_key ASC
    LIMIT ${offset}, ${request.limit}`);
  return rows.map((r) => ({
    key: String(r.group_key),
    statements: Number(r.statements),
    total_calls: Number(r.total_calls),
    total_time_ms: Number(r.total_time_ms),
    mean_time_ms: Number(r.mean_time_ms),
    total_rows: Number(r.total_rows),
    shared_blks_hit: Number(r.shared_blks_hit),
    shared_blks_read: Number(r.shared_blks_read),
    cache_hit_ratio: r.cache_hit_ratio === null ? null : Number(r.cache_hit_ratio),
  }));
}

// One statement's totals and its per-bucket timeseries, and the slowest statements by mean time.
// Raw per-minute rows are ordered by (org, database, query_hash, ts), so one statement over 7 days
// is a narrow range scan.

export interface StatementRequest {
  readonly orgId: string;
  readonly databaseId: string;
  readonly queryHash: string;
  /** Unix ms, [since, until). */
  readonly since: number;
  readonly until: number;
  readonly bucketSeconds: number;
}

/** Counters of one statement summed over one bucket (or the whole range for totals). */
export type StatementPoint = StatementSums & { readonly mean_time_ms: number };

export interface StatementDetail {
  readonly query_hash: string;
  readonly query_text: string;
  readonly first_seen: number | null;
  readonly last_seen: number | null;
  readonly totals: StatementPoint;
  /** Buckets with any activity, oldest first; `ts` is the bucket start (Unix ms). */
  readonly timeseries: readonly (StatementPoint & { readonly ts: number })[];
}

const SUMS = sql`
  sum(calls) AS calls,
  sum(total_time_ms) AS total_time_ms,
  if(calls = 0, 0, total_time_ms / calls) AS mean_time_ms,
  sum(rows) AS rows,
  sum(shared_blks_hit) AS shared_blks_hit,
  sum(shared_blks_read) AS shared_blks_read,
  sum(shared_blks_dirtied) AS shared_blks_dirtied,
  sum(shared_blks_written) AS shared_blks_written,
  sum(temp_blks_read) AS temp_blks_read,
  sum(temp_blks_written) AS temp_blks_written,
  sum(blk_read_time_ms) AS blk_read_time_ms,
  sum(blk_write_time_ms) AS blk_write_time_ms,
  sum(total_plan_time_ms) AS total_plan_time_ms`;

type Raw<T> = { readonly [K in keyof T]: T[K] | string };

function point(r: Raw<StatementPoint>): StatementPoint {
  return {
    calls: Number(r.calls),
    total_time_ms: Number(r.total_time_ms),
    mean_time_ms: Number(r.mean_time_ms),
    rows: Number(r.rows),
    shared_blks_hit: Number(r.shared_blks_hit),
    shared_blks_read: Number(r.shared_blks_read),
    shared_blks_dirtied: Number(r.shared_blks_dirtied),
    shared_blks_written: Number(r.shared_blks_written),
    temp_blks_read: Number(r.temp_blks_read),
    temp_blks_written: Number(r.temp_blks_written),
    blk_read_time_ms: Number(r.blk_read_time_ms),
    blk_write_time_ms: Number(r.blk_write_time_ms),
    total_plan_time_ms: Number(r.total_plan_time_ms),
  };
}

/** One statement over a range: its text, totals and timeseries; undefined when it was never seen in this database. */
export async function statementDetail(ctx: KindContext, req: StatementRequest): Promise<StatementDetail | undefined> {
  const { time } = ctx.schema;
  const scope = sql`org_id = ${req.orgId} AND database_id = ${req.databaseId} AND query_hash = ${req.queryHash}`;
  const [text] = await ctx.client.select<{ query_text: string; n: number | string }>(sql`
    SELECT argMax(query_text, last_seen) AS query_text, count() AS n FROM ${tableName(STATEMENT_TEXTS)} WHERE ${scope}`);
  const [seen] = await ctx.client.select<{ first_ms: number | string; last_ms: number | string; n: number | string }>(sql`
    SELECT min(${ctx.schema.time.toUnixMs(sql`ts`)}) AS first_ms, max(${ctx.schema.time.toUnixMs(sql`ts`)}) AS last_ms, count() AS n FROM ${tableName(STATEMENT_STATS)} WHERE ${scope}`);
  if (Number(text?.n ?? 0) === 0 && Number(seen?.n ?? 0) === 0) return undefined;

  const inRange = sql`${scope} AND ts >= ${time.literal(req.since)} AND ts < ${time.literal(req.until)}`;
  const bucket = sql`intDiv(toUInt32(${time.toDateTime(sql`ts`)}), ${req.bucketSeconds}) * ${req.bucketSeconds}`;
  const [totals] = await ctx.client.select<Raw<StatementPoint>>(sql`SELECT ${SUMS} FROM ${tableName(STATEMENT_STATS)} WHERE ${inRange}`);
  const series = await ctx.client.select<Raw<StatementPoint> & { bucket: number | string }>(sql`
    SELECT ${bucket} AS bucket, ${SUMS} FROM ${tableName(STATEMENT_STATS)} WHERE ${inRange} GROUP BY bucket ORDER BY bucket`);
  const seenAny = Number(seen?.n ?? 0) > 0;
  return {
    query_hash: req.queryHash,
    query_text: text?.query_text ?? '',
    first_seen: seenAny ? Number(seen!.first_ms) : null,
    last_seen: seenAny ? Number(seen!.last_ms) : null,
    totals: point(totals!),
    timeseries: series.map((r) => ({ ts: Number(r.bucket) * 1000, ...point(r) })),
  };
}

export interface SlowStatementsRequest {
  readonly orgId: string;
  readonly databaseId: string;
  readonly since: number;
  readonly until: number;
  readonly limit: number;
}

export interface SlowStatement {
  readonly query_hash: string;
  /** The database the statement ran in ('' from agents older than statement_stats' datname). */
  readonly datname: string;
  readonly query_text: string;
  readonly total_calls: number;
  readonly total_time_ms: number;
  readonly mean_time_ms: number;
  readonly max_mean_time_ms: number;
  readonly total_rows: number;
}

/**
 * The statements with the highest mean time over a range, per statement and database it ran in (one
 * text can run in several, over different tables), ties by hash; `max_mean_time_ms` is the worst interval's mean.
 */
export async function slowStatements(ctx: KindContext, req: SlowStatementsRequest): Promise<SlowStatement[]> {
  const { time } = ctx.schema;
  const rows = await ctx.client.select<Raw<SlowStatement>>(sql`
    SELECT s.query_hash AS query_hash, s.datname AS datname, t.query_text AS query_text, s.total_calls AS total_calls, s.time_sum AS total_time_ms,
      s.mean_time_ms AS mean_time_ms, s.max_mean_time_ms AS max_mean_time_ms, s.total_rows AS total_rows
    FROM (
      -- time_sum, not total_time_ms: ClickHouse would substitute that alias inside max() below.
      SELECT query_hash, datname, sum(calls) AS total_calls, sum(total_time_ms) AS time_sum,
        if(total_calls = 0, 0, time_sum / total_calls) AS mean_time_ms,
        max(if(calls = 0, 0, total_time_ms / calls)) AS max_mean_time_ms, sum(rows) AS total_rows
      FROM ${tableName(STATEMENT_STATS)}
      WHERE org_id = ${req.orgId} AND database_id = ${req.databaseId} AND ts >= ${time.literal(req.since)} AND ts < ${time.literal(req.until)}
      GROUP BY query_hash, datname
      HAVING total_calls > 0
      ORDER BY mean_time_ms DESC, query_hash ASC, datname ASC
      LIMIT ${req.limit}
    ) AS s
    LEFT JOIN (
      SELECT query_hash, argMax(query_text, last_seen) AS query_text FROM ${tableName(STATEMENT_TEXTS)}
      WHERE org_id = ${req.orgId} AND database_id = ${req.databaseId} GROUP BY query_hash
    ) AS t USING (query_hash)
    ORDER BY mean_time_ms DESC, query_hash ASC, datname ASC`);
  return rows.map((r) => ({
    query_hash: String(r.query_hash),
    datname: String(r.datname ?? ''),
    query_text: String(r.query_text ?? ''),
    total_calls: Number(r.total_calls),
    total_time_ms: Number(r.total_time_ms),
    mean_time_ms: Number(r.mean_time_ms),
    max_mean_time_ms: Number(r.max_mean_time_ms),
    total_rows: Number(r.total_rows),
  }));
}

