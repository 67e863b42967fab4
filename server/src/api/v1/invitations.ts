import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { accountLinks, INVITATION_TTL_MS, newLinkToken } from '../../auth/account-links.js';
import { audit } from '../../auth/audit.js';
import { authenticate } from '../../auth/authenticate.js';
import { hashPassword } from '../../auth/passwords.js';
import { sha256 } from '../../auth/secrets.js';
import { issueTokens } from '../../auth/sessions.js';
import { deliverTokens } from '../../auth/browser-session.js';
import { invitationEmail } from '../../mail/account-emails.js';
import type { Invitation, User } from '../../storage/meta/meta-store.js';
import { route, type RouteSpec } from '../route.js';
import { email, organizationView, password, personName, SignupResponse, userView } from './auth.js';
import { RoleField, requireRole } from './org-members.js';

const InviteBody = z.object({ email, role: RoleField.default('member') });
const InvitationView = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleField,
  expires_at: z.string(),
  email_sent: z.boolean().describe('false when the server has no SMTP configured (VIGIL_SMTP_URL) or the email failed: nobody was told'),
  accept_link: z
    .string()
    .optional()
    .describe('Only when the email was not sent: the single-use link to hand to the invitee yourself (nothing else can deliver it). Never shown again'),
});
const PendingView = z.object({ id: z.string(), email: z.string(), role: RoleField, invited_by: z.string().nullable().describe("The inviter's user id"), created_at: z.string(), expires_at: z.string() });
const InvitationPath = z.object({ id: z.string().max(100).describe('The invitation id (from POST or GET /org/invitations)') });
const TokenPath = z.object({ token: z.string().max(200).describe('The token from the invitation email') });
const AcceptBody = z
  .object({ name: personName.optional(), password: password.optional() })
  .optional()
  .describe('A new user sends their name and password; an existing user sends their access token (Authorization: Bearer) and no body');

/** /org/invitations: invite by email (single-use link, 7 days), list and revoke pending ones, and accept as a new or an existing user. */
export function invitationRoutes(ctx: AppContext): RouteSpec[] {
  const { meta, config, mailer, logger } = ctx;
  const links = accountLinks(config);

  /** The invitation a token names while it can still be accepted; NOT_FOUND for anything else (unknown, used, expired). */
  async function liveInvitation(token: string): Promise<Invitation> {
    const invitation = await meta.findInvitationByHash(sha256(token));
    if (!invitation || invitation.accepted_at !== null || invitation.expires_at <= new Date().toISOString()) {
      throw new VigilError('NOT_FOUND', 'This invitation is unknown, already accepted or expired: ask for a new one');
    }
    return invitation;
  }

  return [
    route({
      method: 'post',
      path: '/org/invitations',
      summary: 'Invite someone by email to join the organization with a role (inviting an owner needs an owner)',
      tag: 'org',
      auth: 'admin',
      body: InviteBody,
      success: { status: 201, description: 'The invitation (its link goes only to the email)', schema: InvitationView },
      async handler({ principal, body, res }) {
        if (body.role === 'owner') requireRole(principal, 'owner', 'inviting an owner');
        const org = await meta.getOrganization(principal.orgId);
        if (!org) throw new VigilError('AUTH_INVALID_TOKEN');
        const inviter = principal.kind === 'user' ? await meta.getUser(principal.userId) : undefined;
        const link = newLinkToken();
        const invitation = await meta.createInvitation({
          orgId: org.id,
          email: body.email,
          role: body.role,
          hash: link.hash,
          invitedBy: inviter?.id ?? null,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS).toISOString(),
        });
        const acceptLink = links.invitation(link.token);
        let sent = false;
        try {
          sent = await mailer.send(invitationEmail(body.email, { orgName: org.name, inviter: inviter?.name ?? 'An admin', role: body.role }, acceptLink));
        } catch (err) {
          logger.error({ err, invitation_id: invitation.id }, 'could not send the invitation email');
        }
        await audit(ctx, res, 'member.invited', { type: 'invitation', id: invitation.id }, { details: { email: body.email, role: body.role, email_sent: sent } });
        // Unsent, the admin is the only way the link reaches the invitee: they may invite anyone into this organization anyway.
        const view = { id: invitation.id, email: invitation.email, role: invitation.role, expires_at: invitation.expires_at, email_sent: sent };
        return { status: 201, body: sent ? view : { ...view, accept_link: acceptLink } };
      },
    }),
    route({
      method: 'get',
      path: '/org/invitations',
      summary: 'Pending invitations (neither accepted nor expired), newest first',
      tag: 'org',
      auth: 'admin',
      success: { status: 200, description: 'Pending invitations', schema: z.object({ invitations: z.array(PendingView) }) },
      async handler({ principal }) {
        const pending = await meta.listPendingInvitations(principal.orgId, new Date().toISOString());
        return { body: { invitations: pending.map((i) => ({ id: i.id, email: i.email, role: i.role, invited_by: i.invited_by, created_at: i.created_at, expires_at: i.expires_at })) } };
      },
    }),
    route({
      method: 'delete',
      path: '/org/invitations/{id}',
      summary: 'Revoke a pending invitation: its link stops working (revoking an owner invitation needs an owner)',
      tag: 'org',
      auth: 'admin',
      params: InvitationPath,
      success: { status: 204, description: 'Revoked' },
      async handler({ principal, params, res }) {
        const pending = (await meta.listPendingInvitations(principal.orgId, new Date().toISOString())).find((i) => i.id === params.id);
        if (!pending) throw new VigilError('NOT_FOUND', 'No such pending invitation in this organization');
        if (pending.role === 'owner') requireRole(principal, 'owner', 'revoking an owner invitation');
        const revoked = await meta.revokeInvitation(principal.orgId, params.id);
        if (!revoked) throw new VigilError('NOT_FOUND', 'This invitation was just accepted or revoked');
        await audit(ctx, res, 'invitation.revoked', { type: 'invitation', id: revoked.id }, { details: { email: revoked.email, role: revoked.role } });
        return { status: 204 };
      },
    }),
    route({
      method: 'post',
      path: '/org/invitations/{token}/accept',
      summary: 'Accept an invitation: a new user with {name, password} (signed in as at signup), or a signed-in user of the invited email with no body',
      tag: 'org',
      auth: 'none',
      errors: ['AUTH_EMAIL_TAKEN', 'INVITATION_EMAIL_MISMATCH', 'AUTH_MISSING_CREDENTIALS', 'AUTH_INVALID_TOKEN', 'AUTH_INVALID_KEY', 'AUTH_FORBIDDEN_SCOPE', 'NOT_FOUND', 'PATH_MALFORMED'],
      params: TokenPath,
      body: AcceptBody,
      success: { status: 200, description: 'Joined: tokens for the organization', schema: SignupResponse },
      async handler({ params, body, req, res }) {
        const invitation = await liveInvitation(params.token);
        const now = new Date().toISOString();
        let user: User;
        if (body?.name === undefined && body?.password === undefined) {
          const caller = await authenticate(req.headers, { meta, jwtSecret: config.jwtSecret });
          if (caller.kind !== 'user') throw new VigilError('AUTH_FORBIDDEN_SCOPE', 'An invitation is accepted by a user (access token) or a new user (name and password), never an API key');
          const existing = await meta.getUser(caller.userId);
          if (!existing) throw new VigilError('AUTH_INVALID_TOKEN');
          if (existing.email !== invitation.email) throw new VigilError('INVITATION_EMAIL_MISMATCH');
          if (!(await meta.markInvitationAccepted(invitation.id, now))) throw new VigilError('NOT_FOUND', 'This invitation was just accepted');
          await meta.addMembership(invitation.org_id, existing.id, invitation.role, now);
          // The link reached the mailbox, which is what verification proves.
          await meta.markEmailVerified(existing.id, now);
          user = existing;
        } else {
          const missing = body.name === undefined ? 'name' : body.password === undefined ? 'password' : undefined;
          if (missing) throw new VigilError('VALIDATION_FAILED', `Invalid body field '${missing}': is required for a new user (an existing one sends no body)`, { details: { body_field: missing } });
          if (await meta.findUserByEmail(invitation.email)) throw new VigilError('AUTH_EMAIL_TAKEN', 'This email has an account: sign in and accept the invitation with your access token and no body');
          if (!(await meta.markInvitationAccepted(invitation.id, now))) throw new VigilError('NOT_FOUND', 'This invitation was just accepted');
          user = await meta.createUserInOrganization({ orgId: invitation.org_id, email: invitation.email, name: body.name!, passwordHash: await hashPassword(body.password!), role: invitation.role, emailVerified: true });
        }
        const org = await meta.getOrganization(invitation.org_id);
        if (!org) throw new VigilError('NOT_FOUND', 'The organization of this invitation no longer exists');
        const member = { kind: 'user', orgId: org.id, userId: user.id, role: invitation.role } as const;
        await audit(ctx, res, 'member.joined', { type: 'user', id: user.id }, { orgId: org.id, actor: member, details: { email: user.email, role: invitation.role, invitation_id: invitation.id } });
        return { body: { ...deliverTokens(req, res, await issueTokens(ctx, user, org.id), config.refreshTokenTtlSeconds), user: userView(user), organization: organizationView(org) } };
      },
    }),
  ];
}
