import { Router } from 'express';
import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { principalOf, requireAuth } from '../../auth/authenticate.js';
import { newApiKey } from '../../auth/secrets.js';
import { API_KEY_SCOPES, type ApiKey } from '../../storage/meta/meta-store.js';
import { parseInput } from '../validate.js';

const CreateBody = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200),
  scope: z.enum(API_KEY_SCOPES, { error: `must be one of ${API_KEY_SCOPES.join(', ')}` }).default('read'),
});
const ListQuery = z.object({
  include_revoked: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').transform((v) => v === 'true'),
});
const KeyPath = z.object({ id: z.string() });

function keyView(key: ApiKey) {
  const { org_id: _org, ...view } = key;
  return view;
}

/** /api/v1/api-keys: create (secret shown once), list (never secrets), revoke. */
export function apiKeyRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireAuth({ meta: ctx.meta, jwtSecret: ctx.config.jwtSecret }, 'admin'));

  router.get('/', async (req, res) => {
    const query = parseInput(ListQuery, req.query, 'query param');
    const keys = await ctx.meta.listApiKeys(principalOf(res).orgId, query.include_revoked);
    res.json({ api_keys: keys.map(keyView) });
  });

  router.post('/', async (req, res) => {
    const body = parseInput(CreateBody, req.body, 'body field');
    const secret = newApiKey();
    const key = await ctx.meta.createApiKey({ orgId: principalOf(res).orgId, name: body.name, scope: body.scope, prefix: secret.prefix, hash: secret.hash });
    res.status(201).json({ ...keyView(key), key: secret.key });
  });

  router.delete('/:id', async (req, res) => {
    const { id } = parseInput(KeyPath, req.params, 'path param');
    if (!(await ctx.meta.revokeApiKey(principalOf(res).orgId, id))) throw new VigilError('NOT_FOUND', 'No such API key');
    ctx.agents.disconnectKey(id);
    res.status(204).end();
  });

  return router;
}
