import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { signAccessToken } from '../../auth/access-tokens.js';
import { principalOf, requireAuth } from '../../auth/authenticate.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../auth/passwords.js';
import { newRefreshToken, sha256 } from '../../auth/secrets.js';
import type { Organization, User } from '../../storage/meta/meta-store.js';
import { parseInput } from '../validate.js';

const email = z.email({ error: 'must be a valid email address' }).max(254).transform((e) => e.toLowerCase());
const password = z.string({ error: 'is required' }).min(8, 'must be at least 8 characters').max(1024, 'must be at most 1024 characters');

const SignupBody = z.object({
  email,
  password,
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200),
  org_name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200),
});
const LoginBody = z.object({ email, password: z.string({ error: 'is required' }).min(1).max(1024) });
const RefreshBody = z.object({ refresh_token: z.string({ error: 'is required' }).min(1).max(200) });
const LogoutBody = z.object({ refresh_token: z.string().min(1).max(200).optional() });

function userView(user: User) {
  return { id: user.id, email: user.email, name: user.name, created_at: user.created_at };
}

function organizationView(org: Organization) {
  // Vigil has no email verification yet, so no account counts as verified.
  return { id: org.id, name: org.name, slug: org.slug, plan: org.plan, verified: false };
}

/** /api/v1/auth: signup, login, refresh (rotating), logout, me. */
export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const { meta, config } = ctx;

  async function issueTokens(user: User, familyId: string = randomUUID()) {
    const refresh = newRefreshToken();
    await meta.createRefreshToken({
      userId: user.id,
      familyId,
      hash: refresh.hash,
      expiresAt: new Date(Date.now() + config.refreshTokenTtlSeconds * 1000).toISOString(),
    });
    return {
      access_token: signAccessToken({ sub: user.id, org: user.org_id }, config.jwtSecret, config.accessTokenTtlSeconds),
      refresh_token: refresh.token,
      token_type: 'Bearer',
      expires_in: config.accessTokenTtlSeconds,
    };
  }

  router.post('/signup', async (req, res) => {
    const body = parseInput(SignupBody, req.body, 'body field');
    const { org, user } = await meta.createOrganizationWithUser({
      orgName: body.org_name,
      email: body.email,
      name: body.name,
      passwordHash: await hashPassword(body.password),
    });
    res.status(201).json({ ...(await issueTokens(user)), user: userView(user), organization: organizationView(org) });
  });

  router.post('/login', async (req, res) => {
    const body = parseInput(LoginBody, req.body, 'body field');
    const user = await meta.findUserByEmail(body.email);
    const valid = await verifyPassword(body.password, user?.password_hash ?? (await DUMMY_PASSWORD_HASH));
    if (!user || !valid) throw new VigilError('AUTH_INVALID_CREDENTIALS');
    res.json(await issueTokens(user));
  });

  router.post('/refresh', async (req, res) => {
    const body = parseInput(RefreshBody, req.body, 'body field');
    const now = new Date().toISOString();
    const token = await meta.findRefreshTokenByHash(sha256(body.refresh_token));
    if (!token || token.revoked_at || token.expires_at <= now) throw new VigilError('AUTH_INVALID_TOKEN');
    // A refresh token works once. Seeing it again means it leaked: end the whole family.
    if (!(await meta.markRefreshTokenUsed(token.id, now))) {
      await meta.revokeRefreshFamily(token.family_id, now);
      throw new VigilError('AUTH_INVALID_TOKEN');
    }
    const user = await meta.getUser(token.user_id);
    if (!user) throw new VigilError('AUTH_INVALID_TOKEN');
    res.json(await issueTokens(user, token.family_id));
  });

  router.post('/logout', async (req, res) => {
    const body = parseInput(LogoutBody, req.body, 'body field');
    if (body.refresh_token) {
      const token = await meta.findRefreshTokenByHash(sha256(body.refresh_token));
      if (token) await meta.revokeRefreshFamily(token.family_id, new Date().toISOString());
    }
    res.status(204).end();
  });

  router.get('/me', requireAuth({ meta, jwtSecret: config.jwtSecret }, 'read'), async (_req, res) => {
    const principal = principalOf(res);
    const org = await meta.getOrganization(principal.orgId);
    if (!org) throw new VigilError('AUTH_INVALID_TOKEN');
    if (principal.kind === 'user') {
      const user = await meta.getUser(principal.userId);
      if (!user) throw new VigilError('AUTH_INVALID_TOKEN');
      res.json({ user: userView(user), organization: organizationView(org) });
    } else {
      res.json({ api_key: { id: principal.keyId, scope: principal.scope }, organization: organizationView(org) });
    }
  });

  return router;
}
