import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { audit } from '../../auth/audit.js';
import { newApiKey } from '../../auth/secrets.js';
import { API_KEY_SCOPES, type ApiKey } from '../../storage/meta/meta-store.js';
import { route, type RouteSpec } from '../route.js';

const CreateBody = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200),
  scope: z.enum(API_KEY_SCOPES, { error: `must be one of ${API_KEY_SCOPES.join(', ')}` }).default('read').describe('agent: connect and push only; read: the read API; admin: everything'),
});
const ListQuery = z.object({
  include_revoked: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').describe('Include revoked keys'),
});
const KeyPath = z.object({ id: z.string() });

const KeyView = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  prefix: z.string().describe('The first characters of the key, to tell keys apart'),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
const CreatedKey = KeyView.extend({ key: z.string().describe('The full key: shown only in this response') });

function keyView(key: ApiKey): z.infer<typeof KeyView> {
  const { org_id: _org, ...view } = key;
  return view;
}

/** /api-keys: create (secret shown once), list (never secrets), revoke. */
export function apiKeyRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/api-keys',
      summary: "List the organization's API keys",
      tag: 'api-keys',
      auth: 'admin',
      query: ListQuery,
      success: { status: 200, description: 'Keys, newest first, without secrets', schema: z.object({ api_keys: z.array(KeyView) }) },
      async handler({ principal, query }) {
        const keys = await ctx.meta.listApiKeys(principal.orgId, query.include_revoked === 'true');
        return { body: { api_keys: keys.map(keyView) } };
      },
    }),
    route({
      method: 'post',
      path: '/api-keys',
      summary: 'Create an API key (the key is shown once)',
      tag: 'api-keys',
      auth: 'admin',
      body: CreateBody,
      success: { status: 201, description: 'The key', schema: CreatedKey },
      async handler({ principal, body, res }) {
        const secret = newApiKey();
        const key = await ctx.meta.createApiKey({ orgId: principal.orgId, name: body.name, scope: body.scope, prefix: secret.prefix, hash: secret.hash });
        await audit(ctx, res, 'api_key.created', { type: 'api_key', id: key.id }, { details: { name: key.name, scope: key.scope, prefix: key.prefix } });
        return { body: { ...keyView(key), key: secret.key } };
      },
    }),
    route({
      method: 'delete',
      path: '/api-keys/{id}',
      summary: "Revoke an API key (closes its agents' connections)",
      tag: 'api-keys',
      auth: 'admin',
      params: KeyPath,
      success: { status: 204, description: 'Revoked' },
      async handler({ principal, params, res }) {
        if (!(await ctx.meta.revokeApiKey(principal.orgId, params.id))) throw new VigilError('NOT_FOUND', 'No such API key');
        await audit(ctx, res, 'api_key.revoked', { type: 'api_key', id: params.id });
        ctx.agents.disconnectKey(params.id);
        return { status: 204 };
      },
    }),
  ];
}
