import type { IncomingHttpHeaders } from 'node:http';
import { VigilError } from '@vigil/shared';
import type { ApiKeyScope, MetaStore, Role } from '../storage/meta/meta-store.js';
import { verifyAccessToken, type AccessClaims } from './access-tokens.js';
import { sha256 } from './secrets.js';

/** Who is calling: a signed-in user (JWT) with their role in the token's organization, or an API key of some scope. */
export type Principal =
  | { readonly kind: 'user'; readonly orgId: string; readonly userId: string; readonly role: Role }
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
  return userPrincipal(verifyAccessToken(token, deps.jwtSecret), deps.meta);
}

/**
 * The user an access token's claims name, with their role; AUTH_INVALID_TOKEN once they left the
 * organization or changed their password since the token was issued.
 */
export async function userPrincipal(claims: AccessClaims, meta: MetaStore): Promise<Principal> {
  // One primary-key join read on every request, uncached, so a role change, a removal or a password
  // reset applies to tokens already issued at once, in every server process, not when they expire.
  const access = await meta.getAccess(claims.org, claims.sub);
  if (!access || access.token_version !== claims.tv) throw new VigilError('AUTH_INVALID_TOKEN');
  return { kind: 'user', orgId: claims.org, userId: claims.sub, role: access.role };
}

/** What a route needs of an API key: `read` for the read API, `admin` for managing keys and settings. */
export type Access = 'read' | 'admin';

const SCOPES_FOR: Record<Access, readonly ApiKeyScope[]> = {
  read: ['read', 'admin'],
  admin: ['admin'],
};

/** The role a user needs where a route does not say: the read API is every member's, the rest admins'. */
export const DEFAULT_ROLE_FOR: Record<Access, Role> = { read: 'member', admin: 'admin' };

const ROLE_RANK: Record<Role, number> = { member: 0, admin: 1, owner: 2 };

/** Whether `role` includes what `required` may do (owner ⊃ admin ⊃ member). */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required];
}

/**
 * Throws AUTH_FORBIDDEN_SCOPE unless an API key's scope allows `access`, or AUTH_FORBIDDEN_ROLE
 * unless a user's role in the organization is at least `role` (by default, what `access` implies).
 */
export function authorize(principal: Principal, access: Access, role: Role = DEFAULT_ROLE_FOR[access]): void {
  if (principal.kind === 'api_key' && !SCOPES_FOR[access].includes(principal.scope)) {
    throw new VigilError('AUTH_FORBIDDEN_SCOPE', `An API key with scope "${principal.scope}" cannot do this; it needs scope ${SCOPES_FOR[access].join(' or ')}`);
  }
  if (principal.kind === 'user' && !roleAtLeast(principal.role, role)) {
    throw new VigilError('AUTH_FORBIDDEN_ROLE', `Your role in this organization is ${principal.role}; this needs ${role}`);
  }
}
