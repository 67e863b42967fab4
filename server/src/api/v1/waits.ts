import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { averageSessions } from '../../engines/figures/postgres-figures.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath } from './database-scope.js';
import { bounded, iso, postgresDatabase, rangeView, SeriesQuery, seriesRange } from './route-support.js';

/** Rows per answer: buckets times distinct events; a wider range needs a larger bucket. */
const MAX_ROWS = 10_000;

const WaitView = z.object({
  ts: z.string().describe('Bucket start'),
  wait_event_type: z.string().describe('"CPU" stands for active with no wait event'),
  wait_event: z.string(),
  count: z.number().describe('Sessions seen in this wait, summed over every sample in the bucket (one sample every 5 s by default)'),
  total_duration_ms: z.number().describe('Estimated session time spent in this wait: average sessions in it times the time sampled'),
  avg_sessions: z.number().describe('total_duration_ms over the bucket length: the average number of sessions in this wait'),
});

/** /databases/{id}/waits: sampled wait events per bucket (PostgreSQL). */
export function waitRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    route({
      method: 'get',
      path: '/databases/{id}/waits',
      summary: 'Wait events per time bucket, sampled from pg_stat_activity (PostgreSQL)',
      tag: 'activity',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: SeriesQuery,
      success: {
        status: 200,
        description: 'By bucket, then the most time first',
        schema: z.object({
          database_id: z.string(),
          since: z.string(),
          until: z.string(),
          bucket: z.number().describe('Seconds'),
          truncated: z.boolean().describe(`More than ${MAX_ROWS} rows: use a larger bucket or a shorter range`),
          waits: z.array(WaitView),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = seriesRange(query);
        const { rows, truncated } = bounded(await reads.series('pg_wait_events', db, range, range.bucketMs, { limit: MAX_ROWS + 1 }), MAX_ROWS);
        return {
          body: {
            database_id: db.id,
            ...rangeView(range),
            bucket: range.bucketMs / 1000,
            truncated,
            waits: rows.map((w) => ({ ...w, ts: iso(w.ts), avg_sessions: averageSessions(w.total_duration_ms, range.bucketMs) })),
          },
        };
      },
    }),
  ];
}
