import type { Response } from 'express';
import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { audit } from '../../auth/audit.js';
import { roleAtLeast, type Principal } from '../../auth/authenticate.js';
import { ROLES, type Member, type MetaStore, type Role } from '../../storage/meta/meta-store.js';
import { route, type RouteSpec } from '../route.js';

export const RoleField = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }).describe('owner: everything, including owners; admin: members, keys, settings, rules; member: read and acknowledge alerts');
const MemberView = z.object({ id: z.string().describe("The user's id"), email: z.string(), name: z.string(), role: RoleField, joined_at: z.string() });
const MemberPath = z.object({ id: z.string() });
const PatchBody = z.object({ role: RoleField });

/** The role a caller acts with: a user's own; an admin key manages like an admin (never like an owner). */
export function actingRole(principal: Principal): Role {
  if (principal.kind === 'user') return principal.role;
  return principal.scope === 'admin' ? 'admin' : 'member';
}

/** Throws AUTH_FORBIDDEN_ROLE unless the caller's role is at least `needed`, saying what for. */
export function requireRole(principal: Principal, needed: Role, what: string): void {
  const role = actingRole(principal);
  if (!roleAtLeast(role, needed)) throw new VigilError('AUTH_FORBIDDEN_ROLE', `Your role in this organization is ${role}; ${what} needs ${needed}`);
}

async function memberFor(meta: MetaStore, orgId: string, userId: string): Promise<Member> {
  const member = (await meta.listMembers(orgId)).find((m) => m.id === userId);
  if (!member) throw new VigilError('NOT_FOUND', 'No such member of this organization');
  return member;
}

function lastOwner(result: string): void {
  if (result === 'last_owner') throw new VigilError('ORG_LAST_OWNER');
  if (result === 'not_found') throw new VigilError('NOT_FOUND', 'No such member of this organization');
}

/** /org/members: who belongs to the organization, their roles, and leaving or removing them. */
export function orgMemberRoutes(ctx: AppContext): RouteSpec[] {
  const { meta } = ctx;
  const record = (res: Response, action: 'member.removed' | 'member.role_changed', member: Member, details: Record<string, unknown>) =>
    audit(ctx, res, action, { type: 'user', id: member.id }, { details: { email: member.email, ...details } });

  return [
    route({
      method: 'get',
      path: '/org/members',
      summary: "The organization's members and their roles",
      tag: 'org',
      auth: 'read',
      success: { status: 200, description: 'Members, oldest first', schema: z.object({ members: z.array(MemberView) }) },
      async handler({ principal }) {
        return { body: { members: await meta.listMembers(principal.orgId) } };
      },
    }),
    route({
      method: 'patch',
      path: '/org/members/{id}',
      summary: "Change a member's role (making or unmaking an owner needs an owner; the last owner stays one)",
      tag: 'org',
      auth: 'admin',
      errors: ['ORG_LAST_OWNER'],
      params: MemberPath,
      body: PatchBody,
      success: { status: 200, description: 'The member', schema: MemberView },
      async handler({ principal, params, body, res }) {
        const member = await memberFor(meta, principal.orgId, params.id);
        if (member.role === 'owner' || body.role === 'owner') requireRole(principal, 'owner', "changing an owner's role or making one");
        if (member.role !== body.role) {
          lastOwner(await meta.changeMemberRole(principal.orgId, member.id, body.role));
          await record(res, 'member.role_changed', member, { from: member.role, to: body.role });
        }
        return { body: { ...member, role: body.role } };
      },
    }),
    route({
      method: 'delete',
      path: '/org/members/{id}',
      summary: 'Remove a member (any member may leave; removing another needs admin, an owner needs owner; the last owner cannot leave)',
      tag: 'org',
      auth: 'read',
      errors: ['ORG_LAST_OWNER'],
      params: MemberPath,
      success: { status: 204, description: 'Removed; their sessions in this organization end' },
      async handler({ principal, params, res }) {
        const member = await memberFor(meta, principal.orgId, params.id);
        const self = principal.kind === 'user' && principal.userId === member.id;
        if (!self) requireRole(principal, member.role === 'owner' ? 'owner' : 'admin', 'removing another member');
        lastOwner(await meta.removeMember(principal.orgId, member.id, new Date().toISOString()));
        await record(res, 'member.removed', member, { role: member.role, left: self });
        return { status: 204 };
      },
    }),
  ];
}
