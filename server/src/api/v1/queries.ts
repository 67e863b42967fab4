import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { EXPLAIN_ERRORS, explainNow } from '../../services/explain-service.js';
import { CLICKHOUSE_QUERY_SORTS } from '../../storage/telemetry/reads/read-shapes.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { QUERY_GROUPINGS, QUERY_SORTS, type QueryGroup, type QuerySort } from '../../storage/telemetry/telemetry-store.js';
import { route, type RouteSpec } from '../route.js';
import { resolveRange, timeRange } from '../validate.js';
import { bounded, intParam, iso, SeriesQuery, seriesRange, textOrNull } from './route-support.js';
import { DatabasePath, databaseFor } from './database-scope.js';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** Most rows a ranking can be paged through: beyond it a narrower range or a `q` finds things faster. */
const MAX_OFFSET = 100_000;

const QueriesQuery = z.object({
  ...timeRange,
  limit: intParam(1, 100).default(25).describe('Max results'),
  offset: intParam(0, MAX_OFFSET).default(0).describe('Rows of the ranking to skip: page with offset += limit while has_more is true'),
  q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().describe('Only statements whose normalized text contains this, ignoring case (placeholders such as $1 or ? stand for literals)'),
  database: z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters').optional().describe('PostgreSQL only: calls made in this database (pg_stat_statements is cluster-wide), exact name'),
  user: z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters').optional().describe('PostgreSQL only: calls made by this role, exact name'),
  group_by: z
    .enum(QUERY_GROUPINGS, { error: `must be one of ${QUERY_GROUPINGS.join(', ')}` })
    .optional()
    .describe('PostgreSQL only: instead of statements, return `groups`: the calls of all (filtered) statements summed per database or per role, ranked by sort_by'),
  sort_by: z
    .enum(CLICKHOUSE_QUERY_SORTS, { error: `must be one of ${CLICKHOUSE_QUERY_SORTS.join(', ')}` })
    .default('total_time')
    .describe(`${QUERY_SORTS.join(', ')}; ClickHouse databases also errors, read_bytes, memory`),
});
/** The query params that need the raw rows' database and role columns. */
const CALL_SCOPED = ['database', 'user', 'group_by'] as const;
const HashPath = DatabasePath.extend({ hash: z.string().min(1).max(128).describe('query_hash from /queries') });
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
const QueryGroupView = QueryStatView.omit({ query_hash: true, query_text: true }).extend({
  statements: z.number().describe('Distinct statements in the group'),
});
const ClickHouseQueryView = z.object({
  query_hash: z.string(),
  query_text: z.string().describe('Normalized: literal values replaced by placeholders'),
  total_calls: z.number(),
  total_time_ms: z.number(),
  mean_time_ms: z.number(),
  total_rows: z.number().describe('Result rows'),
  errors: z.number(),
  p95_time_ms: z.number(),
  p99_time_ms: z.number(),
  read_rows: z.number(),
  read_bytes: z.number(),
  memory_bytes: z.number().describe("The largest single query's peak memory"),
});
const ClickHousePointView = z.object({
  ts: z.string(),
  calls: z.number(),
  errors: z.number(),
  total_time_ms: z.number(),
  mean_time_ms: z.number(),
  p95_time_ms: z.number(),
  p99_time_ms: z.number(),
  rows: z.number(),
  read_rows: z.number(),
  read_bytes: z.number(),
  written_rows: z.number(),
  memory_bytes: z.number(),
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
/** When a statement ran first and last in everything stored, whatever the requested range. */
const Seen = {
  first_seen_at: z.string().nullable().describe('First interval it ran in, over all stored data'),
  last_seen_at: z.string().nullable().describe('Last interval it ran in, over all stored data'),
};
const DetailView = z.object({
  engine: z.literal('postgres'),
  database_id: z.string(),
  query_hash: z.string(),
  query_text: z.string(),
  ...Seen,
  since: z.string(),
  until: z.string(),
  bucket_seconds: z.number(),
  // Basira's list names (total_calls, total_rows) for sums over the range, on both engines; the timeseries keeps calls/rows per interval.
  totals: PointView.omit({ calls: true, rows: true }).extend({ total_calls: z.number(), total_rows: z.number() }),
  timeseries: z.array(PointView.extend({ ts: z.string() })),
});
const ClickHouseDetailView = z.object({
  engine: z.literal('clickhouse'),
  database_id: z.string(),
  query_hash: z.string(),
  query_text: z.string(),
  ...Seen,
  since: z.string(),
  until: z.string(),
  bucket_seconds: z.number(),
  totals: ClickHouseQueryView.omit({ query_hash: true, query_text: true }),
  timeseries: z.array(ClickHousePointView),
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

/** sort_by for a PostgreSQL database: the ClickHouse-only keys are a 400 naming it. */
function postgresSort(sortBy: string): QuerySort {
  if (!(QUERY_SORTS as readonly string[]).includes(sortBy)) {
    throw new VigilError('VALIDATION_FAILED', `Invalid query param 'sort_by': must be one of ${QUERY_SORTS.join(', ')} for a PostgreSQL database`, { details: { query_param: 'sort_by' } });
  }
  return sortBy as QuerySort;
}

/** /databases/{id}/queries…: statement statistics, one statement's detail and plans, the slowest statements. */
export function queryRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
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
        description:
          'Statements, sorted descending; with group_by, groups instead. database, user and group_by read raw rows (the rollups are per statement), so with them since may reach back at most the raw retention (VIGIL_RETENTION_RAW_DAYS, default 7 days); earlier is a 400 naming since. On ClickHouse they are a 400 for now.',
        schema: z.object({
          database_id: z.string(),
          engine: z.enum(['postgres', 'clickhouse']),
          since: z.string(),
          until: z.string(),
          sort_by: z.enum(CLICKHOUSE_QUERY_SORTS),
          offset: z.number(),
          has_more: z.boolean().describe('More statements (or groups) follow this page in the ranking'),
          group_by: z.enum(QUERY_GROUPINGS).optional().describe('Echoed when given: the rows are in `groups`, not `queries`'),
          queries: z
            .union([z.array(QueryStatView), z.array(ClickHouseQueryView)])
            .optional()
            .describe('Absent with group_by. PostgreSQL rows carry block I/O; ClickHouse rows errors, p95/p99, read rows/bytes and memory'),
          groups: z
            .union([z.array(QueryGroupView.extend({ database: z.string().nullable().describe('null: not reported (stored before agents sent it)') })), z.array(QueryGroupView.extend({ user: z.string() }))])
            .optional()
            .describe('With group_by=database or user: one row per database or role'),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const now = Date.now();
        const range = resolveRange(query, now);
        const scoped = CALL_SCOPED.filter((name) => query[name] !== undefined);
        if (scoped.length > 0) {
          if (db.engine !== 'postgres') {
            throw new VigilError('VALIDATION_FAILED', `Invalid query param '${scoped[0]}': database, user and group_by are PostgreSQL-only for now (the ClickHouse query log is collected per statement, without database or user)`, {
              details: { query_param: scoped[0] },
            });
          }
          // Database and role live in the raw rows only (the hourly and daily rollups are per statement).
          const rawDays = ctx.config.retention.rawDays;
          if (range.since < now - rawDays * DAY_MS) {
            throw new VigilError('VALIDATION_FAILED', `Invalid query param 'since': with ${scoped.join(', ')} it may reach back at most ${rawDays}d (raw retention, VIGIL_RETENTION_RAW_DAYS): per-database and per-role figures are kept only in raw rows`, {
              details: { query_param: 'since' },
            });
          }
        }
        // One row more than asked says whether another page exists, without counting them all.
        const request = {
          orgId: db.org_id,
          databaseId: db.id,
          ...range,
          limit: query.limit + 1,
          offset: query.offset,
          ...(query.q === undefined ? {} : { textContains: query.q }),
          ...(query.database === undefined ? {} : { datname: query.database }),
          ...(query.user === undefined ? {} : { username: query.user }),
        };
        const envelope = { database_id: db.id, engine: db.engine, since: iso(range.since), until: iso(range.until), sort_by: query.sort_by, offset: query.offset };
        if (query.group_by !== undefined) {
          const groupBy = query.group_by;
          const groups = bounded<QueryGroup>(await ctx.telemetry.queryGroups({ ...request, sortBy: postgresSort(query.sort_by), groupBy }), query.limit);
          const rows = groups.rows.map(({ key, ...sums }) => (groupBy === 'database' ? { database: textOrNull(key), ...sums } : { user: key, ...sums }));
          return { body: { ...envelope, has_more: groups.truncated, group_by: groupBy, groups: rows } };
        }
        let queries;
        if (db.engine === 'clickhouse') {
          const { orgId: _org, databaseId: _db, since, until, ...options } = request;
          queries = await reads.over('clickhouse_queries', db, { since, until }, { ...options, sortBy: query.sort_by });
        } else {
          queries = await ctx.telemetry.topQueries({ ...request, sortBy: postgresSort(query.sort_by), endsNow: range.until >= now });
        }
        const page = bounded<(typeof queries)[number]>(queries, query.limit);
        return { body: { ...envelope, has_more: page.truncated, queries: page.rows } };
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
      success: {
        status: 200,
        description: 'Statements, slowest mean first',
        schema: z.object({ database_id: z.string(), hours: z.number(), queries: z.union([z.array(SlowView), z.array(ClickHouseQueryView)]) }),
      },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const until = Date.now();
        const range = { since: until - query.hours * HOUR_MS, until };
        const queries =
          db.engine === 'clickhouse'
            ? await reads.over('clickhouse_queries', db, range, { limit: query.limit, sortBy: 'mean_time' })
            : await reads.over('pg_slow_statements', db, range, { limit: query.limit });
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
      query: SeriesQuery,
      success: { status: 200, description: 'The statement', schema: z.discriminatedUnion('engine', [DetailView, ClickHouseDetailView]) },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const { bucketMs, ...range } = seriesRange(query);
        const bucketSeconds = bucketMs / 1000;
        if (db.engine === 'clickhouse') {
          const statement = { queryHash: params.hash };
          const summary = await reads.over('clickhouse_query', db, range, statement);
          if (!summary) throw new VigilError('NOT_FOUND', 'No such query in this database over this range');
          const [points, seen] = await Promise.all([reads.series('clickhouse_query', db, range, bucketMs, statement), reads.over('clickhouse_query_seen', db, range, statement)]);
          const { query_hash: _hash, query_text: queryText, ...totals } = summary;
          return {
            body: {
              engine: 'clickhouse',
              database_id: db.id,
              query_hash: params.hash,
              query_text: queryText,
              first_seen_at: seen ? iso(seen.first) : null,
              last_seen_at: seen ? iso(seen.last) : null,
              since: iso(range.since),
              until: iso(range.until),
              bucket_seconds: bucketSeconds,
              totals,
              timeseries: points.map((p) => ({ ...p, ts: iso(p.ts) })),
            },
          };
        }
        const detail = await reads.series('pg_statement', db, range, bucketMs, { queryHash: params.hash });
        if (!detail) throw new VigilError('NOT_FOUND', 'No such query in this database');
        return {
          body: {
            engine: 'postgres',
            database_id: db.id,
            query_hash: detail.query_hash,
            query_text: detail.query_text,
            first_seen_at: detail.first_seen === null ? null : iso(detail.first_seen),
            last_seen_at: detail.last_seen === null ? null : iso(detail.last_seen),
            since: iso(range.since),
            until: iso(range.until),
            bucket_seconds: bucketSeconds,
            totals: (({ calls, rows, ...rest }) => ({ total_calls: calls, total_rows: rows, ...rest }))(detail.totals),
            timeseries: detail.timeseries.map((p) => ({ ...p, ts: iso(p.ts) })),
          },
        };
      },
    }),
    route({
      method: 'post',
      path: '/databases/{id}/queries/{hash}/explain',
      summary: "Ask the database's agent for a plan now (generic plan, never executed); stored with the collected plans",
      tag: 'queries',
      auth: 'read',
      errors: EXPLAIN_ERRORS,
      params: HashPath,
      success: {
        status: 202,
        description: 'The plan the agent made. 409 AGENT_NOT_CONNECTED when no agent serves the database from this server, 504 COMMAND_TIMEOUT when it did not answer in time',
        schema: PlanView.extend({ database_id: z.string(), query_hash: z.string(), query_text: z.string(), method: z.string() }),
      },
      async handler({ principal, params }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const made = await explainNow(ctx, db, params.hash);
        return {
          status: 202,
          body: { database_id: db.id, query_hash: params.hash, query_text: made.queryText, method: made.method, ts: iso(made.ts), source: made.source, ...made.summary },
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
        const plans = await reads.over('explain_plans', db, range, { queryHash: params.hash, limit: query.limit });
        return { body: { database_id: db.id, query_hash: params.hash, plans: plans.map((p) => ({ ...p, ts: iso(p.ts) })) } };
      },
    }),
  ];
}
