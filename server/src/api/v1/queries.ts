import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { explainPlans } from '../../storage/telemetry/kinds/explain-plans-kind.js';
import { slowStatements, statementDetail } from '../../storage/telemetry/statement-reads.js';
import { QUERY_SORTS } from '../../storage/telemetry/telemetry-store.js';
import { route, type RouteSpec } from '../route.js';
import { resolveRange, timeRange } from '../validate.js';
import { DatabasePath, databaseFor } from './database-scope.js';

const HOUR_MS = 3600_000;
/** Auto bucket sizes for timeseries: the smallest giving at most MAX_POINTS points. */
const BUCKETS_S = [60, 300, 900, 3600, 6 * 3600, 86400] as const;
const MAX_POINTS = 500;
const MAX_EXPLICIT_POINTS = 10_080;

function intParam(min: number, max: number) {
  return z.coerce
    .number({ error: 'must be an integer' })
    .int('must be an integer')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

const QueriesQuery = z.object({
  ...timeRange,
  limit: intParam(1, 100).default(25).describe('Max results'),
  sort_by: z.enum(QUERY_SORTS, { error: `must be one of ${QUERY_SORTS.join(', ')}` }).default('total_time'),
});
const HashPath = DatabasePath.extend({ hash: z.string().min(1).max(128).describe('query_hash from /queries') });
const DetailQuery = z.object({
  ...timeRange,
  bucket_seconds: intParam(60, 86400).optional().describe('Timeseries interval; default: the smallest of 1m, 5m, 15m, 1h, 6h, 1d giving at most 500 points'),
});
const ExplainQuery = z.object({ ...timeRange, limit: intParam(1, 50).default(10).describe('Max plans') });
const SlowQuery = z.object({
  hours: intParam(1, 168).default(24).describe('Look back this many hours'),
  limit: intParam(1, 200).default(50).describe('Max results'),
});

const QueryStatView = z.object({
  query_hash: z.string(),
  query_text: z.string().describe('Normalized: literal values replaced by placeholders'),
  total_calls: z.number(),
  total_time_ms: z.number(),
  mean_time_ms: z.number(),
  total_rows: z.number(),
  shared_blks_hit: z.number(),
  shared_blks_read: z.number(),
  cache_hit_ratio: z.number().nullable().describe('shared_blks_hit / (hit + read); null when no shared blocks were touched'),
});
const PointView = z.object({
  calls: z.number(),
  total_time_ms: z.number(),
  mean_time_ms: z.number(),
  rows: z.number(),
  shared_blks_hit: z.number(),
  shared_blks_read: z.number(),
  shared_blks_dirtied: z.number(),
  shared_blks_written: z.number(),
  temp_blks_read: z.number(),
  temp_blks_written: z.number(),
  blk_read_time_ms: z.number(),
  blk_write_time_ms: z.number(),
  total_plan_time_ms: z.number(),
});
const DetailView = z.object({
  database_id: z.string(),
  query_hash: z.string(),
  query_text: z.string(),
  first_seen_at: z.string().nullable(),
  last_seen_at: z.string().nullable(),
  since: z.string(),
  until: z.string(),
  bucket_seconds: z.number(),
  totals: PointView,
  timeseries: z.array(PointView.extend({ ts: z.string() })),
});
const PlanView = z.object({
  ts: z.string(),
  source: z.string().describe('on_demand (POST …/explain) or scheduled (collect_explain_plans)'),
  plan_json: z.unknown(),
  plan_hash: z.string(),
  total_cost: z.number().nullable(),
  actual_time_ms: z.number().nullable().describe('null: plans are generic (EXPLAIN without ANALYZE), never executed'),
  seq_scans: z.number(),
  index_scans: z.number(),
  rows_estimated: z.number().nullable(),
  rows_actual: z.number().nullable(),
});
const SlowView = z.object({
  query_hash: z.string(),
  query_text: z.string(),
  total_calls: z.number(),
  total_time_ms: z.number(),
  mean_time_ms: z.number(),
  max_mean_time_ms: z.number().describe("The worst collection interval's mean"),
  total_rows: z.number(),
});

const iso = (ms: number): string => new Date(ms).toISOString();

/** The bucket for a timeseries over `rangeMs`: the caller's (bounded in points) or the auto choice. */
function bucketFor(rangeMs: number, requested: number | undefined): number {
  if (requested !== undefined) {
    if (rangeMs / (requested * 1000) > MAX_EXPLICIT_POINTS) {
      throw new VigilError('VALIDATION_FAILED', `Invalid query param 'bucket_seconds': gives more than ${MAX_EXPLICIT_POINTS} points over this range; use a larger bucket or a shorter range`, {
        details: { query_param: 'bucket_seconds' },
      });
    }
    return requested;
  }
  return BUCKETS_S.find((b) => rangeMs / (b * 1000) <= MAX_POINTS) ?? 86400;
}

/** /databases/{id}/queries…: statement statistics, one statement's detail and plans, the slowest statements. */
export function queryRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/databases/{id}/queries',
      summary: 'Statement statistics over a time range',
      tag: 'queries',
      auth: 'read',
      params: DatabasePath,
      query: QueriesQuery,
      success: {
        status: 200,
        description: 'Statements, sorted descending',
        schema: z.object({ database_id: z.string(), since: z.string(), until: z.string(), sort_by: z.enum(QUERY_SORTS), queries: z.array(QueryStatView) }),
      },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const range = resolveRange(query);
        const queries = await ctx.telemetry.topQueries({ orgId: db.org_id, databaseId: db.id, ...range, limit: query.limit, sortBy: query.sort_by });
        return { body: { database_id: db.id, since: iso(range.since), until: iso(range.until), sort_by: query.sort_by, queries } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/queries/slow',
      summary: 'The slowest statements by mean time (ClusterSight)',
      tag: 'queries',
      auth: 'read',
      params: DatabasePath,
      query: SlowQuery,
      success: { status: 200, description: 'Statements, slowest mean first', schema: z.object({ database_id: z.string(), hours: z.number(), queries: z.array(SlowView) }) },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const until = Date.now();
        const queries = await slowStatements(ctx.telemetry.kindContext(), { orgId: db.org_id, databaseId: db.id, since: until - query.hours * HOUR_MS, until, limit: query.limit });
        return { body: { database_id: db.id, hours: query.hours, queries } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/queries/{hash}',
      summary: 'One statement: totals and a timeseries of calls, time, rows and block I/O',
      tag: 'queries',
      auth: 'read',
      params: HashPath,
      query: DetailQuery,
      success: { status: 200, description: 'The statement', schema: DetailView },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const range = resolveRange(query);
        const bucketSeconds = bucketFor(range.until - range.since, query.bucket_seconds);
        const detail = await statementDetail(ctx.telemetry.kindContext(), { orgId: db.org_id, databaseId: db.id, queryHash: params.hash, ...range, bucketSeconds });
        if (!detail) throw new VigilError('NOT_FOUND', 'No such query in this database');
        return {
          body: {
            database_id: db.id,
            query_hash: detail.query_hash,
            query_text: detail.query_text,
            first_seen_at: detail.first_seen === null ? null : iso(detail.first_seen),
            last_seen_at: detail.last_seen === null ? null : iso(detail.last_seen),
            since: iso(range.since),
            until: iso(range.until),
            bucket_seconds: bucketSeconds,
            totals: detail.totals,
            timeseries: detail.timeseries.map((p) => ({ ...p, ts: iso(p.ts) })),
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/queries/{hash}/explain',
      summary: 'EXPLAIN plans collected for one statement',
      tag: 'queries',
      auth: 'read',
      params: HashPath,
      query: ExplainQuery,
      success: { status: 200, description: 'Plans, newest first', schema: z.object({ database_id: z.string(), query_hash: z.string(), plans: z.array(PlanView) }) },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const range = resolveRange(query);
        const plans = await explainPlans(ctx.telemetry.kindContext(), { orgId: db.org_id, databaseId: db.id, queryHash: params.hash, ...range, limit: query.limit });
        return { body: { database_id: db.id, query_hash: params.hash, plans: plans.map((p) => ({ ...p, ts: iso(p.ts) })) } };
      },
    }),
  ];
}
