import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { databaseStatus } from '../../ingest/agent-registry.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';

/**
 * ClusterSight's GET /overview: every database of the organization with its health and alert
 * summary, read from what is stored (issue 15: the page within 1 s at 50 databases): the newest
 * stored score and the 24 h series of all databases in one query each, the open alert counts in
 * one. Only a database with no score stored in the last 24 h is scored on the request, all such
 * databases together.
 */

const DAY_MS = 24 * 3600_000;
/** 48 sparkline points a day. */
const SPARK_BUCKET_MS = 30 * 60_000;

const Item = z.object({
  id: z.string(),
  name: z.string(),
  engine: z.enum(['postgres', 'clickhouse']),
  host: z.string().nullable(),
  port: z.number().nullable(),
  health_score: z.number().nullable().describe('0–100, the newest stored score (see scored_at); null until a metric is available'),
  grade: z.string().nullable(),
  scored_at: z.string().nullable().describe('When health_score was calculated; null when there is none'),
  score_history_24h: z
    .array(z.object({ ts: z.string().describe('Start of the 30 min bucket'), score: z.number().describe('Mean of the stored scores in the bucket') }))
    .describe('Stored scores of the last 24 h in 30 min buckets (at most 48), oldest first; buckets without a score left out'),
  active_alert_count: z.number().describe('Alerts open on the database (active, acknowledged or snoozed)'),
  collector_status: z.enum(['online', 'offline']).describe("Whether the database's agent is connected"),
  last_collected_at: z.string().nullable().describe('When the agent last delivered anything for the database'),
});

export function orgOverviewRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    route({
      method: 'get',
      path: '/overview',
      summary: "Every database of the organization with health score, grade, 24 h score line, open alerts and collector status (ClusterSight)",
      tag: 'databases',
      auth: 'read',
      success: {
        status: 200,
        description:
          'Databases by name. Scores are the stored ones: the alert evaluation stores each database\'s score every VIGIL_ALERT_EVAL_INTERVAL_S (15 s by default) and when its telemetry arrives, so a connected database\'s score is at most about that old (scored_at says when); a database with no score stored in the last 24 h is scored on the request',
        schema: z.object({ databases: z.array(Item) }),
      },
      async handler({ principal }) {
        const now = Date.now();
        const dbs = await ctx.meta.listDatabases(principal.orgId);
        const day = { since: now - DAY_MS, until: now + 1 };
        const [latest, series, alertCounts] = await Promise.all([
          reads.overMany('health_score', dbs, day),
          reads.seriesMany('health_scores', dbs, day, SPARK_BUCKET_MS),
          ctx.meta.alerts.openAlertCounts(principal.orgId),
        ]);
        const unscored = dbs.filter((db) => !latest.has(db.id));
        const computed = unscored.length > 0 ? await ctx.evaluator.currentMany(unscored, now) : new Map();
        const round1 = (n: number) => Math.round(n * 10) / 10;
        return {
          body: {
            databases: dbs.map((db) => {
              const stored = latest.get(db.id);
              const health = computed.get(db.id)?.health;
              const score = stored?.score ?? health?.overall_score ?? null;
              return {
                id: db.id,
                name: db.name,
                engine: db.engine,
                host: db.host,
                port: db.port,
                health_score: score,
                grade: (stored ? stored.grade : health?.grade) || null,
                scored_at: stored ? new Date(stored.ts).toISOString() : score === null ? null : new Date(now).toISOString(),
                score_history_24h: (series.get(db.id) ?? []).map((p) => ({ ts: new Date(p.ts).toISOString(), score: round1(p.score) })),
                active_alert_count: alertCounts.get(db.id)?.total ?? 0,
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
