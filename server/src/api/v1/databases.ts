import { Router, type Response } from 'express';
import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { principalOf, requireAuth } from '../../auth/authenticate.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { QUERY_SORTS } from '../../storage/telemetry/telemetry-store.js';
import { parseInput, resolveRange, timeRange } from '../validate.js';

const QueriesQuery = z.object({
  ...timeRange,
  limit: z.coerce.number({ error: 'must be an integer' }).int('must be an integer').min(1, 'must be at least 1').max(100, 'must be at most 100').default(25),
  sort_by: z.enum(QUERY_SORTS, { error: `must be one of ${QUERY_SORTS.join(', ')}` }).default('total_time'),
});

/** /api/v1/databases: the organization's databases and their statement statistics. */
export function databaseRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireAuth({ meta: ctx.meta, jwtSecret: ctx.config.jwtSecret }, 'read'));

  function view(db: Database) {
    const { org_id: _org, agent_id: _agent, ...rest } = db;
    return { ...rest, status: ctx.agents.isDatabaseConnected(db.id) ? 'connected' : 'disconnected' };
  }

  /** The database with this id in the caller's organization; anything else (including other orgs' ids) is a 404. */
  async function databaseFor(res: Response, id: string | undefined): Promise<Database> {
    const db = id ? await ctx.meta.getDatabase(principalOf(res).orgId, id) : undefined;
    if (!db) throw new VigilError('NOT_FOUND', 'No such database');
    return db;
  }

  router.get('/', async (_req, res) => {
    const dbs = await ctx.meta.listDatabases(principalOf(res).orgId);
    res.json({ databases: dbs.map(view) });
  });

  router.get('/:id', async (req, res) => {
    res.json(view(await databaseFor(res, req.params.id)));
  });

  router.get('/:id/queries', async (req, res) => {
    const db = await databaseFor(res, req.params.id);
    const query = parseInput(QueriesQuery, req.query, 'query param');
    const range = resolveRange(query);
    const queries = await ctx.telemetry.topQueries({ orgId: db.org_id, databaseId: db.id, ...range, limit: query.limit, sortBy: query.sort_by });
    res.json({
      database_id: db.id,
      since: new Date(range.since).toISOString(),
      until: new Date(range.until).toISOString(),
      sort_by: query.sort_by,
      queries,
    });
  });

  return router;
}
