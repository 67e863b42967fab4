import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { databaseStatus } from '../../ingest/agent-registry.js';
import { route, type RouteSpec } from '../route.js';

/** ClusterSight's GET /overview: every database of the organization with its health and alert summary. */

const Item = z.object({
  id: z.string(),
  name: z.string(),
  engine: z.enum(['postgres', 'clickhouse']),
  host: z.string().nullable(),
  port: z.number().nullable(),
  health_score: z.number().nullable().describe('0–100; null until a metric is available'),
  grade: z.string().nullable(),
  active_alert_count: z.number().describe('Alerts open on the database (active, acknowledged or snoozed)'),
  collector_status: z.enum(['online', 'offline']).describe("Whether the database's agent is connected"),
  last_collected_at: z.string().nullable().describe('When the agent last delivered anything for the database'),
});

export function orgOverviewRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/overview',
      summary: "Every database of the organization with health score, grade, open alerts and collector status (ClusterSight)",
      tag: 'databases',
      auth: 'read',
      success: { status: 200, description: 'Databases by name', schema: z.object({ databases: z.array(Item) }) },
      async handler({ principal }) {
        const dbs = await ctx.meta.listDatabases(principal.orgId);
        const evaluations = await ctx.evaluator.currentMany(dbs);
        return {
          body: {
            databases: dbs.map((db) => {
              const e = evaluations.get(db.id);
              return {
                id: db.id,
                name: db.name,
                engine: db.engine,
                host: db.host,
                port: db.port,
                health_score: e?.health.overall_score ?? null,
                grade: e?.health.grade ?? null,
                active_alert_count: e?.open_alerts.length ?? 0,
                collector_status: databaseStatus(ctx, db) === 'connected' ? ('online' as const) : ('offline' as const),
                last_collected_at: db.last_seen_at,
              };
            }),
          },
        };
      },
    }),
  ];
}
