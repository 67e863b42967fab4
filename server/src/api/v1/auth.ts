import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { signAccessToken } from '../../auth/access-tokens.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../auth/passwords.js';
import { newRefreshToken, sha256 } from '../../auth/secrets.js';
import { deliverTokens, endCookieSession, sessionRefreshToken } from '../../auth/browser-session.js';
import type { Organization, User } from '../../storage/meta/meta-store.js';
import { route, type RouteSpec } from '../route.js';

const email = z.email({ error: 'must be a valid email address' }).max(254).transform((e) => e.toLowerCase());
const password = z.string({ error: 'is required' }).min(8, 'must be at least 8 characters').max(1024, 'must be at most 1024 characters');

const SignupBody = z.object({
  email,
  password,
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200),
  org_name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200),
});
const LoginBody = z.object({ email, password: z.string({ error: 'is required' }).min(1).max(1024) });
// Optional only for a browser session, whose refresh token is in its cookie (auth/browser-session.ts).
const RefreshBody = z.object({ refresh_token: z.string().min(1).max(200).optional() }).optional();
const LogoutBody = z.object({ refresh_token: z.string().min(1).max(200).optional() }).optional();

const Tokens = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional().describe('Absent for a browser session (X-Vigil-Session: cookie): it is set as an HttpOnly cookie instead'),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('Seconds until the access token expires'),
});
const UserView = z.object({ id: z.string(), email: z.string(), name: z.string(), created_at: z.string() });
const OrganizationView = z.object({ id: z.string(), name: z.string(), slug: z.string(), plan: z.string(), verified: z.boolean() });
const SignupResponse = Tokens.extend({ user: UserView, organization: OrganizationView });
const MeResponse = z.union([
  z.object({ user: UserView, organization: OrganizationView }),
  z.object({ api_key: z.object({ id: z.string(), scope: z.enum(['agent', 'read', 'admin']) }), organization: OrganizationView }),
]);

function userView(user: User): z.infer<typeof UserView> {
  return { id: user.id, email: user.email, name: user.name, created_at: user.created_at };
}

function organizationView(org: Organization): z.infer<typeof OrganizationView> {
  // Vigil has no email verification yet, so no account counts as verified.
  return { id: org.id, name: org.name, slug: org.slug, plan: org.plan, verified: false };
}

/** /auth: signup, login, refresh (rotating), logout, me. */
export function authRoutes(ctx: AppContext): RouteSpec[] {
  const { meta, config } = ctx;

  async function issueTokens(user: User, familyId: string = randomUUID()): Promise<z.infer<typeof Tokens>> {
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

  return [
    route({
      method: 'post',
      path: '/auth/signup',
      summary: 'Create an organization and its first user',
      tag: 'auth',
      auth: 'none',
      errors: ['AUTH_EMAIL_TAKEN'],
      body: SignupBody,
      success: { status: 201, description: 'Signed up and signed in', schema: SignupResponse },
      async handler({ body, req, res }) {
        const { org, user } = await meta.createOrganizationWithUser({
          orgName: body.org_name,
          email: body.email,
          name: body.name,
          passwordHash: await hashPassword(body.password),
        });
        return { body: { ...deliverTokens(req, res, await issueTokens(user), config.refreshTokenTtlSeconds), user: userView(user), organization: organizationView(org) } };
      },
    }),
    route({
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with email and password',
      tag: 'auth',
      auth: 'none',
      errors: ['AUTH_INVALID_CREDENTIALS'],
      body: LoginBody,
      success: { status: 200, description: 'Tokens', schema: Tokens },
      async handler({ body, req, res }) {
        const user = await meta.findUserByEmail(body.email);
        const valid = await verifyPassword(body.password, user?.password_hash ?? (await DUMMY_PASSWORD_HASH));
        if (!user || !valid) throw new VigilError('AUTH_INVALID_CREDENTIALS');
        return { body: deliverTokens(req, res, await issueTokens(user), config.refreshTokenTtlSeconds) };
      },
    }),
    route({
      method: 'post',
      path: '/auth/refresh',
      summary: 'Trade a refresh token for new tokens (the old one stops working)',
      tag: 'auth',
      auth: 'none',
      errors: ['AUTH_INVALID_TOKEN', 'AUTH_CSRF_REJECTED'],
      body: RefreshBody,
      success: { status: 200, description: 'Tokens', schema: Tokens },
      async handler({ body, req, res }) {
        const presented = body?.refresh_token ?? sessionRefreshToken(req);
        if (!presented) throw new VigilError('VALIDATION_FAILED', "Invalid body field 'refresh_token': is required", { details: { body_field: 'refresh_token' } });
        const now = new Date().toISOString();
        const token = await meta.findRefreshTokenByHash(sha256(presented));
        if (!token || token.revoked_at || token.expires_at <= now) throw new VigilError('AUTH_INVALID_TOKEN');
        // A refresh token works once. Seeing it again means it leaked: end the whole family.
        if (!(await meta.markRefreshTokenUsed(token.id, now))) {
          await meta.revokeRefreshFamily(token.family_id, now);
          throw new VigilError('AUTH_INVALID_TOKEN');
        }
        const user = await meta.getUser(token.user_id);
        if (!user) throw new VigilError('AUTH_INVALID_TOKEN');
        return { body: deliverTokens(req, res, await issueTokens(user, token.family_id), config.refreshTokenTtlSeconds) };
      },
    }),
    route({
      method: 'post',
      path: '/auth/logout',
      summary: 'End a session: its refresh token and every token rotated from it stop working',
      tag: 'auth',
      auth: 'none',
      errors: ['AUTH_CSRF_REJECTED'],
      body: LogoutBody,
      success: { status: 204, description: 'Signed out' },
      async handler({ body, req, res }) {
        const presented = body?.refresh_token ?? sessionRefreshToken(req);
        endCookieSession(res);
        if (presented) {
          const token = await meta.findRefreshTokenByHash(sha256(presented));
          if (token) await meta.revokeRefreshFamily(token.family_id, new Date().toISOString());
        }
        return { status: 204 };
      },
    }),
    route({
      method: 'get',
      path: '/auth/me',
      summary: 'The signed-in user (JWT) or the calling API key, with the organization',
      tag: 'auth',
      auth: 'read',
      success: { status: 200, description: 'Who is calling', schema: MeResponse },
      async handler({ principal }) {
        const org = await meta.getOrganization(principal.orgId);
        if (!org) throw new VigilError('AUTH_INVALID_TOKEN');
        if (principal.kind === 'api_key') return { body: { api_key: { id: principal.keyId, scope: principal.scope }, organization: organizationView(org) } };
        const user = await meta.getUser(principal.userId);
        if (!user) throw new VigilError('AUTH_INVALID_TOKEN');
        return { body: { user: userView(user), organization: organizationView(org) } };
      },
    }),
  ];
}
