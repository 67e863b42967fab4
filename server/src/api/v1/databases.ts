import { z } from 'zod';
import { ENGINES, VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { QUERY_SORTS } from '../../storage/telemetry/telemetry-store.js';
import { route, type RouteSpec } from '../route.js';
import { resolveRange, timeRange } from '../validate.js';

const DatabasePath = z.object({ id: z.string() });
const QueriesQuery = z.object({
  ...timeRange,
  limit: z.coerce.number({ error: 'must be an integer' }).int('must be an integer').min(1, 'must be at least 1').max(100, 'must be at most 100').default(25).describe('Max results'),
  sort_by: z.enum(QUERY_SORTS, { error: `must be one of ${QUERY_SORTS.join(', ')}` }).default('total_time'),
});

const DatabaseView = z.object({
  id: z.string(),
  name: z.string(),
  engine: z.enum(ENGINES),
  engine_version: z.string().nullable(),
  status: z.enum(['connected', 'disconnected']),
  last_seen_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
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

/** /databases: the organization's databases and their statement statistics. */
export function databaseRoutes(ctx: AppContext): RouteSpec[] {
  function view(db: Database): z.infer<typeof DatabaseView> {
    const { org_id: _org, agent_id: _agent, ...rest } = db;
    return { ...rest, status: ctx.agents.isDatabaseConnected(db.id) ? 'connected' : 'disconnected' };
  }

  /** The database with this id in the caller's organization; anything else (including other orgs' ids) is a 404. */
  async function databaseFor(orgId: string, id: string): Promise<Database> {
    const db = await ctx.meta.getDatabase(orgId, id);
    if (!db) throw new VigilError('NOT_FOUND', 'No such database');
    return db;
  }

  return [
    route({
      method: 'get',
      path: '/databases',
      summary: "List the organization's databases",
      tag: 'databases',
      auth: 'read',
      success: { status: 200, description: 'Databases by name', schema: z.object({ databases: z.array(DatabaseView) }) },
      async handler({ principal }) {
        return { body: { databases: (await ctx.meta.listDatabases(principal.orgId)).map(view) } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}',
      summary: 'One database',
      tag: 'databases',
      auth: 'read',
      params: DatabasePath,
      success: { status: 200, description: 'The database', schema: DatabaseView },
      async handler({ principal, params }) {
        return { body: view(await databaseFor(principal.orgId, params.id)) };
      },
    }),
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
        const db = await databaseFor(principal.orgId, params.id);
        const range = resolveRange(query);
        const queries = await ctx.telemetry.topQueries({ orgId: db.org_id, databaseId: db.id, ...range, limit: query.limit, sortBy: query.sort_by });
        return { body: { database_id: db.id, since: new Date(range.since).toISOString(), until: new Date(range.until).toISOString(), sort_by: query.sort_by, queries } };
      },
    }),
  ];
}
