import { z } from 'zod';
import { ENGINES, VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { route, type RouteSpec } from '../route.js';

const DatabasePath = z.object({ id: z.string() });

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
  ];
}
