import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { databaseStatus } from '../../ingest/agent-registry.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { callsWeightedP99, longestElapsedMs, meanMergeProgressPct } from '../../engines/figures/clickhouse-figures.js';
import { activityFigures, cacheHitRatio, deadTupleRatio, lastAutovacuumMs } from '../../engines/figures/postgres-figures.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath, databaseFor } from './database-scope.js';

const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
const TOP_QUERIES = 5;
/** Enough sessions/processes to count what the agent sends (it caps activity at 500 sessions, processes at 100). */
const ACTIVE_SCAN = 500;
/** Tables summed for dead_tuple_ratio: the largest, which dominate it. */
const TABLE_SCAN = 1000;

const TopQuery = z.object({ query_hash: z.string(), query_text: z.string(), total_calls: z.number(), total_time_ms: z.number(), mean_time_ms: z.number() });
const Common = {
  database_id: z.string(),
  name: z.string(),
  status: z.enum(['connected', 'disconnected']),
  last_seen_at: z.string().nullable(),
  health_score: z.number().nullable().describe('0–100 (GET …/panels/health-score explains it); null until a metric is available'),
  grade: z.string().nullable().describe('A+ … F'),
  active_queries: z.number().nullable().describe('null before the first activity snapshot'),
  longest_query_ms: z.number().nullable(),
  top_queries: z.array(TopQuery).describe('Top 5 by total time over the last 24 hours'),
};
const PostgresOverview = z.object({
  engine: z.literal('postgres'),
  ...Common,
  blocked_queries: z.number().nullable().describe('Sessions waiting for a lock held by another'),
  cache_hit_ratio: z.number().nullable().describe('blks_hit / (hit + read) over the latest pg_stat_database window, all databases of the server'),
  dead_tuple_ratio: z.number().nullable().describe('n_dead_tup / (live + dead) over the largest tables'),
  last_autovacuum: z.string().nullable().describe('The most recent autovacuum of any table'),
});
const ClickHouseOverview = z.object({
  engine: z.literal('clickhouse'),
  ...Common,
  active_merges: z.number().nullable(),
  merge_progress_pct: z.number().nullable().describe('Mean progress of the running merges'),
  active_mutations: z.number().nullable(),
  stuck_mutations: z.number().nullable().describe('Failing, or running for over an hour'),
  query_p99_ms: z.number().nullable().describe("Calls-weighted 99th percentile of the fingerprints' p99 over the last hour"),
});

const iso = (ms: number): string => new Date(ms).toISOString();

/** /databases/{id}/overview: Basira's summary of one database, for either engine. */
export function overviewRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);

  async function postgres(db: Database, now: number) {
    const day = { since: now - DAY_MS, until: now + 1 };
    const [activity, stats, tables, top] = await Promise.all([
      reads.latest('pg_activity', db, { limit: ACTIVE_SCAN }),
      reads.latest('pg_database_stats', db),
      reads.over('pg_tables', db, day, { sortBy: 'size', limit: TABLE_SCAN }),
      ctx.telemetry.topQueries({ orgId: db.org_id, databaseId: db.id, ...day, limit: TOP_QUERIES, sortBy: 'total_time', endsNow: true }),
    ]);
    const sessions = activity ? activityFigures(activity.sessions) : null;
    const lastAutovacuum = lastAutovacuumMs(tables);
    return {
      engine: 'postgres' as const,
      active_queries: sessions ? sessions.active_queries : null,
      longest_query_ms: sessions ? sessions.longest_query_ms : null,
      top_queries: top.map(({ query_hash, query_text, total_calls, total_time_ms, mean_time_ms }) => ({ query_hash, query_text, total_calls, total_time_ms, mean_time_ms })),
      blocked_queries: sessions ? sessions.blocked_queries : null,
      cache_hit_ratio: stats ? cacheHitRatio(stats.databases) : null,
      dead_tuple_ratio: deadTupleRatio(tables),
      last_autovacuum: lastAutovacuum === null ? null : iso(lastAutovacuum),
    };
  }

  async function clickhouse(db: Database, now: number) {
    const [processes, merges, mutations, top, lastHour] = await Promise.all([
      reads.latest('clickhouse_processes', db, { limit: ACTIVE_SCAN }),
      reads.latest('clickhouse_merges', db, { limit: ACTIVE_SCAN }),
      reads.latest('clickhouse_mutations', db, { limit: 1 }),
      reads.over('clickhouse_queries', db, { since: now - DAY_MS, until: now + 1 }, { limit: TOP_QUERIES, sortBy: 'total_time' }),
      reads.over('clickhouse_queries', db, { since: now - HOUR_MS, until: now + 1 }, { limit: 100, sortBy: 'calls' }),
    ]);
    return {
      engine: 'clickhouse' as const,
      active_queries: processes ? processes.queries.length : null,
      longest_query_ms: processes ? longestElapsedMs(processes.queries) : null,
      top_queries: top.map(({ query_hash, query_text, total_calls, total_time_ms, mean_time_ms }) => ({ query_hash, query_text, total_calls, total_time_ms, mean_time_ms })),
      active_merges: merges ? merges.merges_total : null,
      merge_progress_pct: meanMergeProgressPct(merges?.merges ?? []),
      active_mutations: mutations ? mutations.mutations_total : null,
      stuck_mutations: mutations ? mutations.stuck_total : null,
      query_p99_ms: callsWeightedP99(lastHour),
    };
  }

  return [
    route({
      method: 'get',
      path: '/databases/{id}/overview',
      summary: 'Summary of one database: status, activity, top queries and engine-specific health figures (Basira)',
      tag: 'databases',
      auth: 'read',
      params: DatabasePath,
      success: { status: 200, description: 'The overview', schema: z.discriminatedUnion('engine', [PostgresOverview, ClickHouseOverview]) },
      async handler({ principal, params }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const now = Date.now();
        const [figures, { health }] = await Promise.all([db.engine === 'clickhouse' ? clickhouse(db, now) : postgres(db, now), ctx.evaluator.current(db, now)]);
        return {
          body: {
            database_id: db.id,
            name: db.name,
            status: databaseStatus(ctx, db),
            last_seen_at: db.last_seen_at,
            health_score: health.overall_score,
            grade: health.grade,
            ...figures,
          },
        };
      },
    }),
  ];
}
