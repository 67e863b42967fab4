import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { databaseStatus } from '../../ingest/agent-registry.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { latestClickHouseMerges } from '../../storage/telemetry/kinds/clickhouse/merges-kind.js';
import { latestClickHouseMutations } from '../../storage/telemetry/kinds/clickhouse/mutations-kind.js';
import { latestClickHouseProcesses } from '../../storage/telemetry/kinds/clickhouse/processes-kind.js';
import { topClickHouseQueries, type ClickHouseQueryStat } from '../../storage/telemetry/kinds/clickhouse/queries-kind.js';
import { latestActivity } from '../../storage/telemetry/kinds/postgres/activity-kind.js';
import { listTables } from '../../storage/telemetry/kinds/postgres/objects-kind.js';
import { latestDatabaseStats } from '../../storage/telemetry/kinds/postgres/server-kind.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath, databaseFor } from './database-scope.js';

const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
const TOP_QUERIES = 5;
/** Enough sessions/processes to count what the agent sends (it caps activity at 500 sessions, processes at 100). */
const ACTIVE_SCAN = 500;
/** Tables summed for dead_tuple_ratio: the largest, which dominate it. */
const TABLE_SCAN = 1000;
const HEALTH_SCORE_NOTE = 'The health engine is not built yet: health_score stays null until it is.';

const TopQuery = z.object({ query_hash: z.string(), query_text: z.string(), total_calls: z.number(), total_time_ms: z.number(), mean_time_ms: z.number() });
const Common = {
  database_id: z.string(),
  name: z.string(),
  status: z.enum(['connected', 'disconnected']),
  last_seen_at: z.string().nullable(),
  health_score: z.number().nullable().describe('0–100; null until the health engine exists'),
  health_score_note: z.string().optional(),
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

/** The calls-weighted `q` quantile of per-fingerprint values: a fingerprint with more calls weighs more. */
function weightedQuantile(rows: readonly ClickHouseQueryStat[], q: number): number | null {
  const sorted = rows.filter((r) => r.total_calls > 0).sort((a, b) => a.p99_time_ms - b.p99_time_ms);
  const total = sorted.reduce((sum, r) => sum + r.total_calls, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const r of sorted) {
    seen += r.total_calls;
    if (seen >= q * total) return r.p99_time_ms;
  }
  return sorted[sorted.length - 1]!.p99_time_ms;
}

/** /databases/{id}/overview: Basira's summary of one database, for either engine. */
export function overviewRoutes(ctx: AppContext): RouteSpec[] {
  async function postgres(db: Database, now: number) {
    const kinds = ctx.telemetry.kindContext();
    const at = { orgId: db.org_id, databaseId: db.id };
    const [activity, stats, tables, top] = await Promise.all([
      latestActivity(kinds, { ...at, limit: ACTIVE_SCAN }),
      latestDatabaseStats(kinds, at),
      listTables(kinds, { ...at, since: now - DAY_MS, until: now + 1, sortBy: 'size', limit: TABLE_SCAN }),
      ctx.telemetry.topQueries({ ...at, since: now - DAY_MS, until: now + 1, limit: TOP_QUERIES, sortBy: 'total_time' }),
    ]);
    const active = activity?.sessions.filter((s) => s.state === 'active') ?? [];
    const hits = stats?.databases.filter((d) => d.has_deltas).reduce((acc, d) => ({ hit: acc.hit + d.blks_hit, read: acc.read + d.blks_read }), { hit: 0, read: 0 });
    const tuples = tables.reduce((acc, t) => ({ live: acc.live + t.n_live_tup, dead: acc.dead + t.n_dead_tup }), { live: 0, dead: 0 });
    const lastAutovacuum = Math.max(0, ...tables.map((t) => t.last_autovacuum_ms));
    return {
      engine: 'postgres' as const,
      active_queries: activity ? active.length : null,
      longest_query_ms: activity ? Math.max(0, ...active.map((s) => s.query_duration_ms)) : null,
      top_queries: top.map(({ query_hash, query_text, total_calls, total_time_ms, mean_time_ms }) => ({ query_hash, query_text, total_calls, total_time_ms, mean_time_ms })),
      blocked_queries: activity ? activity.sessions.filter((s) => s.blocking_pids.length > 0).length : null,
      cache_hit_ratio: hits && hits.hit + hits.read > 0 ? hits.hit / (hits.hit + hits.read) : null,
      dead_tuple_ratio: tuples.live + tuples.dead > 0 ? tuples.dead / (tuples.live + tuples.dead) : null,
      last_autovacuum: lastAutovacuum > 0 ? iso(lastAutovacuum) : null,
    };
  }

  async function clickhouse(db: Database, now: number) {
    const kinds = ctx.telemetry.kindContext();
    const at = { orgId: db.org_id, databaseId: db.id };
    const [processes, merges, mutations, top, lastHour] = await Promise.all([
      latestClickHouseProcesses(kinds, { ...at, limit: ACTIVE_SCAN }),
      latestClickHouseMerges(kinds, { ...at, limit: ACTIVE_SCAN }),
      latestClickHouseMutations(kinds, { ...at, limit: 1 }),
      topClickHouseQueries(kinds, { ...at, since: now - DAY_MS, until: now + 1, limit: TOP_QUERIES, sortBy: 'total_time' }),
      topClickHouseQueries(kinds, { ...at, since: now - HOUR_MS, until: now + 1, limit: 100, sortBy: 'calls' }),
    ]);
    const progress = merges?.merges.map((m) => m.progress) ?? [];
    return {
      engine: 'clickhouse' as const,
      active_queries: processes ? processes.queries.length : null,
      longest_query_ms: processes ? Math.max(0, ...processes.queries.map((q) => q.elapsed_ms)) : null,
      top_queries: top.map(({ query_hash, query_text, total_calls, total_time_ms, mean_time_ms }) => ({ query_hash, query_text, total_calls, total_time_ms, mean_time_ms })),
      active_merges: merges ? merges.merges_total : null,
      merge_progress_pct: progress.length > 0 ? (100 * progress.reduce((a, b) => a + b, 0)) / progress.length : null,
      active_mutations: mutations ? mutations.mutations_total : null,
      stuck_mutations: mutations ? mutations.stuck_total : null,
      query_p99_ms: weightedQuantile(lastHour, 0.99),
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
        const figures = db.engine === 'clickhouse' ? await clickhouse(db, now) : await postgres(db, now);
        return {
          body: {
            database_id: db.id,
            name: db.name,
            status: databaseStatus(ctx, db),
            last_seen_at: db.last_seen_at,
            health_score: null,
            health_score_note: HEALTH_SCORE_NOTE,
            ...figures,
          },
        };
      },
    }),
  ];
}
