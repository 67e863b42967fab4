import { sql } from './clickhouse-sql.js';
import type { KindContext } from './record-kind.js';

/**
 * Reads of PostgreSQL statement stats beyond the /queries ranking: one statement's totals and its
 * per-bucket timeseries, and the slowest statements by mean time. Raw per-minute rows are
 * ordered by (org, database, query_hash, ts), so one statement over 7 days is a narrow range scan.
 */

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
export interface StatementPoint {
  readonly calls: number;
  readonly total_time_ms: number;
  readonly mean_time_ms: number;
  readonly rows: number;
  readonly shared_blks_hit: number;
  readonly shared_blks_read: number;
  readonly shared_blks_dirtied: number;
  readonly shared_blks_written: number;
  readonly temp_blks_read: number;
  readonly temp_blks_written: number;
  readonly blk_read_time_ms: number;
  readonly blk_write_time_ms: number;
  readonly total_plan_time_ms: number;
}

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
    SELECT argMax(query_text, last_seen) AS query_text, count() AS n FROM statement_texts WHERE ${scope}`);
  const [seen] = await ctx.client.select<{ first_ms: number | string; last_ms: number | string; n: number | string }>(sql`
    SELECT min(${ctx.schema.time.toUnixMs(sql`ts`)}) AS first_ms, max(${ctx.schema.time.toUnixMs(sql`ts`)}) AS last_ms, count() AS n FROM statement_stats WHERE ${scope}`);
  if (Number(text?.n ?? 0) === 0 && Number(seen?.n ?? 0) === 0) return undefined;

  const inRange = sql`${scope} AND ts >= ${time.literal(req.since)} AND ts < ${time.literal(req.until)}`;
  const bucket = sql`intDiv(toUInt32(${time.toDateTime(sql`ts`)}), ${req.bucketSeconds}) * ${req.bucketSeconds}`;
  const [totals] = await ctx.client.select<Raw<StatementPoint>>(sql`SELECT ${SUMS} FROM statement_stats WHERE ${inRange}`);
  const series = await ctx.client.select<Raw<StatementPoint> & { bucket: number | string }>(sql`
    SELECT ${bucket} AS bucket, ${SUMS} FROM statement_stats WHERE ${inRange} GROUP BY bucket ORDER BY bucket`);
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
  readonly query_text: string;
  readonly total_calls: number;
  readonly total_time_ms: number;
  readonly mean_time_ms: number;
  readonly max_mean_time_ms: number;
  readonly total_rows: number;
}

/** The statements with the highest mean time over a range, ties by hash; `max_mean_time_ms` is the worst interval's mean. */
export async function slowStatements(ctx: KindContext, req: SlowStatementsRequest): Promise<SlowStatement[]> {
  const { time } = ctx.schema;
  const rows = await ctx.client.select<Raw<SlowStatement>>(sql`
    SELECT s.query_hash AS query_hash, t.query_text AS query_text, s.total_calls AS total_calls, s.time_sum AS total_time_ms,
      s.mean_time_ms AS mean_time_ms, s.max_mean_time_ms AS max_mean_time_ms, s.total_rows AS total_rows
    FROM (
      -- time_sum, not total_time_ms: ClickHouse would substitute that alias inside max() below.
      SELECT query_hash, sum(calls) AS total_calls, sum(total_time_ms) AS time_sum,
        if(total_calls = 0, 0, time_sum / total_calls) AS mean_time_ms,
        max(if(calls = 0, 0, total_time_ms / calls)) AS max_mean_time_ms, sum(rows) AS total_rows
      FROM statement_stats
      WHERE org_id = ${req.orgId} AND database_id = ${req.databaseId} AND ts >= ${time.literal(req.since)} AND ts < ${time.literal(req.until)}
      GROUP BY query_hash
      HAVING total_calls > 0
      ORDER BY mean_time_ms DESC, query_hash ASC
      LIMIT ${req.limit}
    ) AS s
    LEFT JOIN (
      SELECT query_hash, argMax(query_text, last_seen) AS query_text FROM statement_texts
      WHERE org_id = ${req.orgId} AND database_id = ${req.databaseId} GROUP BY query_hash
    ) AS t USING (query_hash)
    ORDER BY mean_time_ms DESC, query_hash ASC`);
  return rows.map((r) => ({
    query_hash: String(r.query_hash),
    query_text: String(r.query_text ?? ''),
    total_calls: Number(r.total_calls),
    total_time_ms: Number(r.total_time_ms),
    mean_time_ms: Number(r.mean_time_ms),
    max_mean_time_ms: Number(r.max_mean_time_ms),
    total_rows: Number(r.total_rows),
  }));
}

