import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath, databaseFor } from './database-scope.js';

/**
 * Basira's doctor per database: the catalogue's checks at the organization's levels plus every open
 * alert (engines/doctor), from the same evaluation as the health score, so the two never disagree.
 */

const Issue = z.object({
  severity: z.enum(['warning', 'critical']),
  category: z.string(),
  title: z.string(),
  detail: z.string().describe('Names the objects in trouble: the blocked pid and its blocker, the partition, the slot'),
  recommendation: z.string(),
  how_to_investigate: z.string().describe('The SQL to run on the monitored server'),
  how_to_fix: z.string(),
  metric_key: z.string(),
  value: z.number(),
  threshold: z.number().describe('The level breached'),
  objects: z.array(z.object({ key: z.string(), label: z.string(), detail: z.string().optional() })).describe('The objects behind the value, worst first'),
  impact: z.number().describe('How far past its levels, 0–100: the order within a severity'),
});

const DoctorView = z.object({
  database_id: z.string(),
  engine: z.enum(['postgres', 'clickhouse']),
  status: z.enum(['healthy', 'degraded', 'unhealthy']),
  score: z.number().nullable().describe('The health score (GET …/panels/health-score)'),
  grade: z.string().nullable(),
  top_issues: z.array(Issue).describe('Critical first, then by impact'),
  metrics_summary: z.object({
    checks: z.number(),
    passed: z.number(),
    warning: z.number(),
    critical: z.number(),
    unavailable: z.number(),
    values: z.record(z.string(), z.number().nullable()).describe('Every metric of the engine by key; null when unavailable (see the health score for why)'),
  }),
  evaluated_at: z.string(),
});

/** /databases/{id}/doctor. */
export function doctorRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/databases/{id}/doctor',
      summary: 'What is wrong with the database and what to run about it (Basira), either engine',
      tag: 'databases',
      auth: 'read',
      params: DatabasePath,
      success: { status: 200, description: 'The doctor of the most recent evaluation (redone when older than 15 s)', schema: DoctorView },
      async handler({ principal, params }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const evaluation = await ctx.evaluator.current(db);
        const { status, score, grade, top_issues, metrics_summary } = evaluation.doctor;
        return {
          body: {
            database_id: db.id,
            engine: db.engine,
            status,
            score,
            grade,
            top_issues: top_issues.map((i) => ({ ...i, objects: i.objects.map((o) => (o.detail === undefined ? { key: o.key, label: o.label } : { key: o.key, label: o.label, detail: o.detail })) })),
            metrics_summary,
            evaluated_at: new Date(evaluation.evaluated_at).toISOString(),
          },
        };
      },
    }),
  ];
}
