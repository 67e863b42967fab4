import { z } from 'zod';
import { isVigilError, VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { accountLinks, newLinkToken, RESET_PASSWORD_TTL_MS, VERIFY_EMAIL_TTL_MS } from '../../auth/account-links.js';
import { audit } from '../../auth/audit.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../auth/passwords.js';
import { sha256 } from '../../auth/secrets.js';
import { issueTokens, pickOrganization } from '../../auth/sessions.js';
import { accountThrottles, type AuthThrottle } from '../../auth/throttle.js';
import { passwordResetEmail, signupAttemptEmail, verificationEmail } from '../../mail/account-emails.js';
import { deliverTokens, endCookieSession, sessionRefreshToken } from '../../auth/browser-session.js';
import { ROLES, type Organization, type User } from '../../storage/meta/meta-store.js';
import { route, type RouteSpec } from '../route.js';

export const email = z.email({ error: 'must be a valid email address' }).max(254).transform((e) => e.toLowerCase());
export const password = z.string({ error: 'is required' }).min(8, 'must be at least 8 characters').max(1024, 'must be at most 1024 characters');
export const personName = z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200);

const SignupBody = z.object({
  email,
  password,
  name: personName,
  org_name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200),
});
const LoginBody = z.object({
  email,
  password: z.string({ error: 'is required' }).min(1).max(1024),
  org_id: z.string().min(1).max(100).optional().describe('The organization to sign in to, for a user of several; default: the one signed up in'),
});
const VerifyQuery = z.object({ token: z.string({ error: 'is required' }).min(1).max(200).describe('The token from the verification email') });
const EmailBody = z.object({ email });
/** What signup answers on a server with mail, whether or not the email has an account. */
const EmailSent = z.object({ status: z.literal('verification_sent'), message: z.string() });
const ResetBody = z.object({ token: z.string({ error: 'is required' }).min(1).max(200).describe('The token from the reset email (1 hour, single use)'), password });
// Optional only for a browser session, whose refresh token is in its cookie (auth/browser-session.ts).
const RefreshBody = z.object({ refresh_token: z.string().min(1).max(200).optional() }).optional();
const LogoutBody = z.object({ refresh_token: z.string().min(1).max(200).optional() }).optional();

const Tokens = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional().describe('Absent for a browser session (X-Vigil-Session: cookie): it is set as an HttpOnly cookie instead'),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('Seconds until the access token expires'),
});
const UserView = z.object({ id: z.string(), email: z.string(), name: z.string(), created_at: z.string(), email_verified: z.boolean() });
export const OrganizationView = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  plan: z.string(),
  verified: z.boolean().describe('Unverified organizations may monitor one database'),
});
export const SignupResponse = Tokens.extend({ user: UserView, organization: OrganizationView });
const MeResponse = z.union([
  z.object({
    user: UserView,
    organization: OrganizationView,
    role: z.enum(ROLES).describe("The user's role in this organization"),
    organizations: z.array(OrganizationView.extend({ role: z.enum(ROLES) })).describe('Every organization the user belongs to (log in with org_id to switch)'),
  }),
  z.object({ api_key: z.object({ id: z.string(), scope: z.enum(['agent', 'read', 'admin']) }), organization: OrganizationView }),
]);

export function userView(user: User): z.infer<typeof UserView> {
  return { id: user.id, email: user.email, name: user.name, created_at: user.created_at, email_verified: user.email_verified_at !== null };
}

export function organizationView(org: Organization): z.infer<typeof OrganizationView> {
  return { id: org.id, name: org.name, slug: org.slug, plan: org.plan, verified: org.verified_at !== null };
}

/** /auth: signup, login, refresh (rotating), logout, me, email verification and password reset. */
export function authRoutes(ctx: AppContext): RouteSpec[] {
  const { meta, config, mailer, logger } = ctx;
  const links = accountLinks(config);
  const throttles = accountThrottles(meta);

  /** Emails a verification link; the caller logs a failure (the user can still sign in, with one database, and ask again). */
  async function sendVerification(user: User): Promise<void> {
    const link = newLinkToken();
    await meta.createAccountToken({ userId: user.id, purpose: 'verify_email', hash: link.hash, expiresAt: new Date(Date.now() + VERIFY_EMAIL_TTL_MS).toISOString() });
    await mailer.send(verificationEmail(user.email, user.name, links.verifyEmail(link.token)));
  }

  /** Tells the owner of a taken email that someone tried to sign up with it (signup's answer does not). */
  async function sendSignupAttempt(address: string): Promise<void> {
    const user = await meta.findUserByEmail(address);
    if (user) await mailer.send(signupAttemptEmail(user.email, user.name, links.signIn(), links.forgotPassword()));
  }

  /** Emails a new verification link if `address` has an account not yet verified; runs after the answer, like sendReset. */
  async function resendVerification(address: string): Promise<void> {
    const user = await meta.findUserByEmail(address);
    if (user && user.email_verified_at === null) await sendVerification(user);
  }

  /** Emails a reset link if `address` has an account; runs after the answer went out, so its work cannot show in the timing. */
  async function sendReset(address: string): Promise<void> {
    const user = await meta.findUserByEmail(address);
    if (!user) return;
    const link = newLinkToken();
    await meta.createAccountToken({ userId: user.id, purpose: 'reset_password', hash: link.hash, expiresAt: new Date(Date.now() + RESET_PASSWORD_TTL_MS).toISOString() });
    await mailer.send(passwordResetEmail(user.email, links.resetPassword(link.token)));
  }

  /**
   * A public route that takes an email and answers 202 at once, the same whether or not it has an
   * account: the throttle counts every request, and the lookup and email happen after the answer.
   */
  function emailLater(spec: { path: string; summary: string; description: string; throttle: AuthThrottle; work: (email: string) => Promise<void>; failure: string; message: string }): RouteSpec {
    return route({
      method: 'post',
      path: spec.path,
      summary: spec.summary,
      tag: 'auth',
      auth: 'none',
      errors: ['AUTH_THROTTLED'],
      body: EmailBody,
      success: { status: 202, description: spec.description, schema: z.object({ status: z.literal('accepted'), message: z.string() }) },
      async handler({ body, req, res }) {
        const keys = { email: body.email, address: req.ip ?? 'unknown' };
        await spec.throttle.check(res, keys);
        await spec.throttle.fail(keys);
        setImmediate(() => spec.work(body.email).catch((err: unknown) => logger.error({ err }, spec.failure)));
        return { body: { status: 'accepted', message: spec.message } };
      },
    });
  }

  return [
    route({
      method: 'post',
      path: '/auth/signup',
      summary: 'Create an organization and its first user',
      tag: 'auth',
      auth: 'none',
      errors: ['AUTH_EMAIL_TAKEN', 'AUTH_THROTTLED'],
      body: SignupBody,
      success: {
        status: 201,
        description: 'Signed up and signed in (a server without mail: VIGIL_SMTP_URL unset)',
        schema: SignupResponse,
        alternative: { status: 202, description: 'A server with mail: the same answer for a new and a taken email; the email says what to do next', schema: EmailSent },
      },
      async handler({ body, req, res }) {
        const input = { orgName: body.org_name, email: body.email, name: body.name };
        if (mailer.enabled) {
          // The same answer, work and throttle for a new and a taken email; only the email sent after the answer differs.
          const keys = { email: body.email, address: req.ip ?? 'unknown' };
          await throttles.signupMailed.check(res, keys);
          const passwordHash = await hashPassword(body.password);
          await throttles.signupMailed.fail(keys);
          const user = await meta.createOrganizationWithUser({ ...input, passwordHash }).then(
            (created) => created.user,
            (err: unknown) => {
              if (isVigilError(err) && err.code === 'AUTH_EMAIL_TAKEN') return undefined;
              throw err;
            },
          );
          setImmediate(() => (user ? sendVerification(user) : sendSignupAttempt(body.email)).catch((err: unknown) => logger.error({ err }, 'could not send the signup email')));
          return { status: 202, body: { status: 'verification_sent', message: 'Check your email: we sent you a link to continue.' } };
        }
        // Without mail there is no channel to tell a taken email's owner, so signup says so, throttled;
        // and nobody could verify the first account of a fresh server: its owner is its operator.
        const address = { address: req.ip ?? 'unknown' };
        await throttles.signup.check(res, address);
        const verified = !(await meta.hasUsers());
        const { org, user } = await meta.createOrganizationWithUser({ ...input, passwordHash: await hashPassword(body.password), verified }).catch(async (err: unknown) => {
          if (isVigilError(err) && err.code === 'AUTH_EMAIL_TAKEN') await throttles.signup.fail(address);
          throw err;
        });
        if (verified) logger.info({ org_id: org.id }, 'first account of this server verified at signup (no SMTP configured)');
        return { body: { ...deliverTokens(req, res, await issueTokens(ctx, user, org.id), config.refreshTokenTtlSeconds), user: userView(user), organization: organizationView(org) } };
      },
    }),
    route({
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with email and password',
      tag: 'auth',
      auth: 'none',
      errors: ['AUTH_INVALID_CREDENTIALS', 'AUTH_THROTTLED', 'AUTH_NOT_MEMBER'],
      body: LoginBody,
      success: { status: 200, description: 'Tokens for the organization signed in to', schema: Tokens },
      async handler({ body, req, res }) {
        const keys = { email: body.email, address: req.ip ?? 'unknown' };
        await throttles.login.check(res, keys);
        const user = await meta.findUserByEmail(body.email);
        // An unknown email costs the same scrypt as a wrong password, so timing does not tell them apart.
        const valid = await verifyPassword(body.password, user?.password_hash ?? (await DUMMY_PASSWORD_HASH));
        if (!user || !valid) {
          await throttles.login.fail(keys);
          throw new VigilError('AUTH_INVALID_CREDENTIALS');
        }
        await throttles.login.succeed(keys);
        const picked = await pickOrganization(meta, user, body.org_id);
        if (!picked) throw new VigilError('AUTH_NOT_MEMBER');
        return { body: deliverTokens(req, res, await issueTokens(ctx, user, picked.org.id), config.refreshTokenTtlSeconds) };
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
        const orgId = token.org_id ?? user?.org_id;
        // A member removed from the organization keeps no way back into it.
        if (!user || !orgId || !(await meta.getMembership(orgId, user.id))) throw new VigilError('AUTH_INVALID_TOKEN');
        return { body: deliverTokens(req, res, await issueTokens(ctx, user, orgId, token.family_id), config.refreshTokenTtlSeconds) };
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
        const organizations = (await meta.listMemberships(user.id)).map((m) => ({ ...organizationView(m.org), role: m.role }));
        return { body: { user: userView(user), organization: organizationView(org), role: principal.role, organizations } };
      },
    }),
    route({
      method: 'get',
      path: '/auth/verify-email',
      summary: 'Verify an email with the token from the verification email (single use, 24 hours); verifies the organizations the user owns',
      tag: 'auth',
      auth: 'none',
      errors: ['AUTH_INVALID_TOKEN'],
      query: VerifyQuery,
      success: { status: 200, description: 'Verified', schema: z.object({ verified: z.literal(true), email: z.string() }) },
      async handler({ query }) {
        const now = new Date().toISOString();
        const userId = await meta.consumeAccountToken('verify_email', sha256(query.token), now);
        const user = userId === undefined ? undefined : await meta.getUser(userId);
        if (!user) throw new VigilError('AUTH_INVALID_TOKEN', 'This verification link is unknown, used or expired: sign in and ask for a new one');
        await meta.markEmailVerified(user.id, now);
        return { body: { verified: true, email: user.email } };
      },
    }),
    emailLater({
      path: '/auth/resend-verification',
      summary: 'Email a new verification link if the email has an account not yet verified; the answer and its timing are the same either way',
      description: 'Accepted, whether or not the email has an unverified account',
      throttle: throttles.resend,
      work: resendVerification,
      failure: 'could not send a verification email',
      message: 'If this email has an account waiting for verification, a new link is on its way.',
    }),
    emailLater({
      path: '/auth/forgot-password',
      summary: 'Email a password-reset link (1 hour, single use) if the email has an account; the answer and its timing are the same either way',
      description: 'Accepted, whether or not the email has an account',
      throttle: throttles.forgot,
      work: sendReset,
      failure: 'could not send a password reset email',
      message: 'If an account has this email, a reset link is on its way.',
    }),
    route({
      method: 'post',
      path: '/auth/reset-password',
      summary: 'Set a new password with the token from the reset email; every session of the user ends',
      tag: 'auth',
      auth: 'none',
      errors: ['AUTH_INVALID_TOKEN', 'AUTH_THROTTLED'],
      body: ResetBody,
      success: { status: 204, description: 'Password changed; sign in again' },
      async handler({ body, req, res }) {
        const keys = { address: req.ip ?? 'unknown' };
        await throttles.reset.check(res, keys);
        const now = new Date().toISOString();
        const userId = await meta.consumeAccountToken('reset_password', sha256(body.token), now);
        if (userId === undefined) {
          await throttles.reset.fail(keys);
          throw new VigilError('AUTH_INVALID_TOKEN', 'This reset link is unknown, used or expired: ask for a new one');
        }
        await meta.setPassword(userId, await hashPassword(body.password), now);
        // The link reached the mailbox, which is what verification proves.
        await meta.markEmailVerified(userId, now);
        for (const { org, role } of await meta.listMemberships(userId)) {
          await audit(ctx, res, 'password.reset', { type: 'user', id: userId }, { orgId: org.id, actor: { kind: 'user', orgId: org.id, userId, role } });
        }
        return { status: 204 };
      },
    }),
  ];
}
