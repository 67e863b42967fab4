import { sql } from '../clickhouse-sql.js';
import type { KindContext, RecordKind } from '../record-kind.js';
import { addedColumns, bucketStart, inRange, kindTable, num, recordKind, scope, tableRow, type DatabaseScope, type RowOfTable, type TimeRange } from './kind-table.js';
import { scopeMany } from './snapshots-many.js';

/**
 * Health scores the server computed (engines/health), one row per evaluation of a database. A time
 * series like the agents' telemetry, so it lives beside it: day partitions dropped by raw retention
 * and removed with the database, with no pruning job of its own (a metadata table would need one,
 * at one row per database per evaluation). Server-produced, so fromBatch is empty.
 */
const HEALTH_SCORES = kindTable({
  name: 'health_scores',
  columns: [
    ['org_id', 'tag'],
    ['database_id', 'tag'],
    // When the score was calculated, Unix ms.
    ['ts', 'time'],
    ['score', 'float'],
    // Before an open alert capped it.
    ['uncapped_score', 'float'],
    ['grade', 'tag'],
    // {component: score} of the components that had one, as JSON: a component's own history later needs no migration.
    ['components', 'string'],
    // {metric_key: value} of the metrics that had a value, as JSON: an alert's metric_history reads its metric's series here.
    ['metrics', 'string'],
  ],
  orderBy: ['org_id', 'database_id', 'ts'],
});

export type HealthScoreRow = RowOfTable<typeof HEALTH_SCORES>;

const tables = recordKind({
  name: 'health_scores',
  version: 301,
  tables: [HEALTH_SCORES],
  added: [addedColumns(302, 'health_scores_metrics', HEALTH_SCORES, ['metrics'])],
  fromBatch: () => [],
});

export const healthScoresKind: RecordKind<HealthScoreRow> = {
  ...tables,
  fromBatch: () => [],
  // Not from batches: never resumed.
  rowTable: () => undefined,
  insert: (ctx, rows) => tables.insert(ctx, rows.map((row) => tableRow(HEALTH_SCORES, row))),
};

/** One stored score. */
export interface HealthScorePoint {
  readonly ts: number;
  readonly score: number;
  readonly grade: string;
}

/** The newest score in [since, until); null when none was stored in it. */
export async function healthScoreIn(ctx: KindContext, at: DatabaseScope & TimeRange): Promise<HealthScorePoint | null> {
  return (await healthScoreInMany(ctx, [at], at)).get(at.databaseId) ?? null;
}

/** healthScoreIn for many databases over one range in one query, by database id (absent: none in the range). */
export async function healthScoreInMany(ctx: KindContext, dbs: readonly DatabaseScope[], range: TimeRange): Promise<Map<string, HealthScorePoint>> {
  if (dbs.length === 0) return new Map();
  const { time } = ctx.schema;
  const rows = await ctx.client.select<{ database_id: string; ts_ms: number | string; score: number | string; grade: string }>(sql`
    SELECT database_id, ${time.toUnixMs(sql`ts`)} AS ts_ms, score, grade FROM health_scores
    WHERE ${scopeMany(dbs)} AND ${inRange(ctx, range.since, range.until)}
    ORDER BY database_id ASC, ts DESC LIMIT 1 BY database_id`);
  return new Map(rows.map((row) => [row.database_id, { ts: num(row.ts_ms), score: num(row.score), grade: row.grade }]));
}

/** One bucket of stored scores: mean, lowest and the newest of its evaluations. */
export interface HealthScoreBucket {
  readonly ts: number;
  readonly score: number;
  readonly min_score: number;
  readonly last_score: number;
  readonly evaluations: number;
}

/** Scores per bucket over [since, until), oldest first: mean, lowest and the newest of each bucket; buckets without an evaluation left out. */
export async function healthScoreSeries(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number }): Promise<HealthScoreBucket[]> {
  return (await healthScoreSeriesMany(ctx, [at], at)).get(at.databaseId) ?? [];
}

/** healthScoreSeries for many databases over one range in one query, by database id (absent: no score in the range). */
export async function healthScoreSeriesMany(ctx: KindContext, dbs: readonly DatabaseScope[], at: TimeRange & { readonly bucketMs: number }): Promise<Map<string, HealthScoreBucket[]>> {
  if (dbs.length === 0) return new Map();
  const rows = await ctx.client.select<Record<string, number | string> & { database_id: string }>(sql`
    SELECT database_id, ${bucketStart(ctx, at.bucketMs)} AS bucket, avg(score) AS mean_score, min(score) AS min_score, argMax(score, ts) AS last_score, count() AS evaluations
    FROM health_scores
    WHERE ${scopeMany(dbs)} AND ${inRange(ctx, at.since, at.until)}
    GROUP BY database_id, bucket ORDER BY database_id ASC, bucket ASC`);
  const out = new Map<string, HealthScoreBucket[]>();
  for (const r of rows) {
    const points = out.get(r.database_id) ?? [];
    points.push({ ts: num(r.bucket), score: num(r.mean_score), min_score: num(r.min_score), last_score: num(r.last_score), evaluations: num(r.evaluations) });
    out.set(r.database_id, points);
  }
  return out;
}

/** Stored evaluations a metric's series reads at most (a day of 15 s evaluations and then some). */
const METRIC_SERIES_ROWS = 10_000;

/**
 * One metric's value at each stored evaluation in [since, until), the newest of each bucket, oldest
 * first; evaluations where the metric had no value (or that predate version 302) are left out.
 * Parsed here rather than in SQL: JSON functions differ between the telemetry backends.
 */
export async function metricValueSeries(
  ctx: KindContext,
  at: DatabaseScope & TimeRange & { readonly bucketMs: number; readonly metricKey: string },
): Promise<{ ts: number; value: number }[]> {
  const rows = await ctx.client.select<{ ts_ms: number | string; metrics: string }>(sql`
    SELECT ${ctx.schema.time.toUnixMs(sql`ts`)} AS ts_ms, metrics FROM health_scores
    WHERE ${scope(at)} AND ${inRange(ctx, at.since, at.until)} AND metrics != ''
    ORDER BY ts ASC LIMIT ${METRIC_SERIES_ROWS}`);
  const byBucket = new Map<number, { ts: number; value: number }>();
  for (const row of rows) {
    const value = (JSON.parse(row.metrics) as Record<string, number | undefined>)[at.metricKey];
    if (value === undefined) continue;
    const ts = num(row.ts_ms);
    byBucket.set(Math.floor(ts / at.bucketMs) * at.bucketMs, { ts, value });
  }
  return [...byBucket.values()];
}
