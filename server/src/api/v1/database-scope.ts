import { z } from 'zod';
import { VigilError, type EngineName } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { route, type RouteSpec } from '../route.js';

/** The `{id}` path param every /databases/{id}/… route shares. */
export const DatabasePath = z.object({ id: z.string().describe('Database id') });

/** The database with this id in the caller's organization; anything else (including another organization's id) is a 404. */
export async function databaseFor(ctx: AppContext, orgId: string, id: string): Promise<Database> {
  const db = await ctx.meta.getDatabase(orgId, id);
  if (!db) throw new VigilError('NOT_FOUND', 'No such database');
  return db;
}

const ENGINE_LABEL: Record<EngineName, string> = { postgres: 'PostgreSQL', clickhouse: 'ClickHouse' };

/** As databaseFor, and a 400 ENGINE_MISMATCH when the endpoint is for the other engine. */
export async function databaseOfEngine(ctx: AppContext, orgId: string, id: string, engine: EngineName): Promise<Database> {
  const db = await databaseFor(ctx, orgId, id);
  if (db.engine !== engine) {
    throw new VigilError('ENGINE_MISMATCH', `This endpoint is for ${ENGINE_LABEL[engine]} databases; database ${db.name} is ${ENGINE_LABEL[db.engine]}`);
  }
  return db;
}

/** A ClickHouse panel (ClusterSight's /databases/{id}/panels/…): a GET in the panels tag, read access, the database path, ENGINE_MISMATCH for a PostgreSQL id. */
export function panelRoute<Q extends z.ZodType = z.ZodType>(spec: Omit<RouteSpec<typeof DatabasePath, Q>, 'method' | 'tag' | 'auth' | 'errors' | 'params'>): RouteSpec {
  return route({ method: 'get', tag: 'panels', auth: 'read', errors: ['ENGINE_MISMATCH'], params: DatabasePath, ...spec });
}
