import type { IncomingHttpHeaders } from 'node:http';
import { VigilError } from '@vigil/shared';
import type { ApiKeyScope, MetaStore } from '../storage/meta/meta-store.js';
import { verifyAccessToken } from './access-tokens.js';
import { sha256 } from './secrets.js';

/** Who is calling: a signed-in user (JWT) or an API key of some scope. */
export type Principal =
  | { readonly kind: 'user'; readonly orgId: string; readonly userId: string }
  | { readonly kind: 'api_key'; readonly orgId: string; readonly keyId: string; readonly scope: ApiKeyScope };

export interface AuthDeps {
  readonly meta: MetaStore;
  readonly jwtSecret: string;
}

/** API keys are recognisable by prefix, so `Authorization: Bearer vgl_…` works as well as X-API-Key. */
const API_KEY_PATTERN = /^vgl_[A-Za-z0-9_-]{20,100}$/;

function bearer(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new VigilError('AUTH_MISSING_CREDENTIALS', 'Authorization header must be "Bearer <token>"');
  return match[1];
}

async function principalForKey(key: string, deps: AuthDeps): Promise<Principal> {
  if (!API_KEY_PATTERN.test(key)) throw new VigilError('AUTH_INVALID_KEY');
  const record = await deps.meta.findApiKeyByHash(sha256(key));
  if (!record) throw new VigilError('AUTH_INVALID_KEY');
  await deps.meta.touchApiKey(record.id, new Date().toISOString());
  return { kind: 'api_key', orgId: record.org_id, keyId: record.id, scope: record.scope };
}

/** Resolves the caller from X-API-Key or Authorization: Bearer (JWT or API key). */
export async function authenticate(headers: IncomingHttpHeaders, deps: AuthDeps): Promise<Principal> {
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.length > 0) return principalForKey(apiKey, deps);
  const token = bearer(headers);
  if (!token) throw new VigilError('AUTH_MISSING_CREDENTIALS');
  if (token.startsWith('vgl_')) return principalForKey(token, deps);
  const claims = verifyAccessToken(token, deps.jwtSecret);
  return { kind: 'user', orgId: claims.org, userId: claims.sub };
}

/** What a route needs: `read` for the read API, `admin` for managing keys and settings. */
export type Access = 'read' | 'admin';

const SCOPES_FOR: Record<Access, readonly ApiKeyScope[]> = {
  read: ['read', 'admin'],
  admin: ['admin'],
};

/** Throws AUTH_FORBIDDEN_SCOPE unless the principal may do `access` (users may do everything in their org). */
export function authorize(principal: Principal, access: Access): void {
  if (principal.kind === 'api_key' && !SCOPES_FOR[access].includes(principal.scope)) {
    throw new VigilError('AUTH_FORBIDDEN_SCOPE', `An API key with scope "${principal.scope}" cannot do this; it needs scope ${SCOPES_FOR[access].join(' or ')}`);
  }
}
