import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath, databaseFor } from './database-scope.js';
import { RangeView, SeriesWindow, rangeParam, seriesWindow, window } from './panels.js';

/**
 * ClusterSight's health-score panel per database, for either engine, and its history: the score is
 * computed by the evaluator (engines/health over the metric catalogue; formula in
 * docs/health-score.md) and stored per evaluation in the health_scores series.
 */

const Status = z.enum(['ok', 'warning', 'critical', 'unavailable']);

export const HealthMetricView = z.object({
  key: z.string(),
  unit: z.string(),
  value: z.number().nullable().describe('null when unavailable (see reason): never 0 for a missing source'),
  score: z.number().nullable(),
  status: Status,
  operator: z.string().describe('How a value breaches a level: >= / > (higher is worse), < / <= (lower is worse)'),
  warning: z.number().nullable(),
  critical: z.number().nullable(),
  reason: z.string().optional().describe('Why there is no value (unavailable metrics only)'),
});

export const HealthComponentView = z.object({
  score: z.number().nullable().describe('The worst score of its available metrics; null when none is available'),
  label: z.string(),
  status: Status,
  weight: z.number(),
  metrics: z.array(HealthMetricView),
});

const HealthScoreView = z.object({
  database_id: z.string(),
  engine: z.enum(['postgres', 'clickhouse']),
  overall_score: z.number().nullable().describe('0–100; null when no metric is available yet'),
  grade: z.string().nullable().describe('A+ … F'),
  trend: z.enum(['improving', 'stable', 'degrading']).describe('Against the score stored an hour earlier, with a 2-point dead band'),
  previous_score: z.number().nullable().describe('The stored score an hour earlier; null when none'),
  uncapped_score: z.number().nullable().describe('The weighted mean before an open alert capped it'),
  capped_at: z.number().nullable().describe('49 while a critical alert is open, 79 while a warning is; null when no cap applied'),
  components: z.record(z.string(), HealthComponentView),
  calculated_at: z.string(),
});

/** /databases/{id}/panels/health-score and …/history. */
export function healthScoreRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    route({
      method: 'get',
      path: '/databases/{id}/panels/health-score',
      summary: 'Health score, grade, trend and components with their metrics (ClusterSight panel, either engine)',
      tag: 'panels',
      auth: 'read',
      params: DatabasePath,
      success: { status: 200, description: 'The most recent evaluation (redone when older than 15 s)', schema: HealthScoreView },
      async handler({ principal, params }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const { health } = await ctx.evaluator.current(db);
        return { body: { database_id: db.id, engine: db.engine, ...health } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/panels/health-score/history',
      summary: 'Stored health scores over a range, per bucket (ClusterSight panel, either engine)',
      tag: 'panels',
      auth: 'read',
      params: DatabasePath,
      query: z.object({ range: rangeParam('24h') }),
      success: {
        status: 200,
        description: 'Per bucket the mean, lowest and newest score of the evaluations in it, oldest first; buckets without an evaluation are left out',
        schema: z.object({
          database_id: z.string(),
          range: RangeView,
          ...SeriesWindow,
          points: z.array(z.object({ ts: z.string(), score: z.number(), min_score: z.number(), last_score: z.number(), evaluations: z.number() })),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const w = window(query.range);
        const points = await reads.series('health_scores', db, w, w.bucketMs);
        const round1 = (n: number) => Math.round(n * 10) / 10;
        return {
          body: {
            database_id: db.id,
            range: query.range.given,
            ...seriesWindow(w),
            points: points.map((p) => ({ ts: new Date(p.ts).toISOString(), score: round1(p.score), min_score: round1(p.min_score), last_score: round1(p.last_score), evaluations: p.evaluations })),
          },
        };
      },
    }),
  ];
}
