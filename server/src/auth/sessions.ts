import { randomUUID } from 'node:crypto';
import type { ServerConfig } from '../config.js';
import type { MetaStore, Organization, Role, User } from '../storage/meta/meta-store.js';
import { signAccessToken } from './access-tokens.js';
import { newRefreshToken } from './secrets.js';

/** A signed-in session's tokens, as signup, login, refresh and invitation acceptance answer them. */
export interface SessionTokens {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
}

/** Issues an access token and a refresh token for `user` in organization `orgId`; `familyId` continues a rotated session. */
export async function issueTokens(deps: { meta: MetaStore; config: ServerConfig }, user: User, orgId: string, familyId: string = randomUUID()): Promise<SessionTokens> {
  const { meta, config } = deps;
  const refresh = newRefreshToken();
  await meta.createRefreshToken({
    userId: user.id,
    orgId,
    familyId,
    hash: refresh.hash,
    expiresAt: new Date(Date.now() + config.refreshTokenTtlSeconds * 1000).toISOString(),
  });
  return {
    access_token: signAccessToken({ sub: user.id, org: orgId, tv: user.token_version }, config.jwtSecret, config.accessTokenTtlSeconds),
    refresh_token: refresh.token,
    token_type: 'Bearer',
    expires_in: config.accessTokenTtlSeconds,
  };
}

/**
 * The organization a login lands in: `wanted` when given (undefined when the user is not a member
 * of it), else the user's default one, else their oldest membership.
 */
export async function pickOrganization(meta: MetaStore, user: User, wanted: string | undefined): Promise<{ org: Organization; role: Role } | undefined> {
  const memberships = await meta.listMemberships(user.id);
  if (wanted !== undefined) return memberships.find((m) => m.org.id === wanted);
  return memberships.find((m) => m.org.id === user.org_id) ?? memberships[0];
}
