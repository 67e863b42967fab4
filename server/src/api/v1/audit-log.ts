import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import type { AuditEntry } from '../../storage/meta/meta-store.js';
import { route, type RouteSpec } from '../route.js';

const AuditQuery = z.object({
  actor: z.string().max(100).optional().describe('Only entries by this actor (a user id or an API key id)'),
  action: z.string().max(100).optional().describe('Only this action, e.g. member.role_changed'),
  hours: z.coerce.number({ error: 'must be a number' }).int('must be whole hours').min(1).max(24 * 36500).default(24 * 7).describe('How far back, in hours (default 168)'),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional().describe('next_cursor of the previous page'),
});

const EntryView = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ type: z.enum(['user', 'api_key', 'system']), id: z.string().nullable(), label: z.string().nullable().describe("A user's email at the time") }),
  action: z.string(),
  target: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
  details: z.record(z.string(), z.unknown()),
  request_id: z.string().nullable(),
  address: z.string().nullable(),
});

function entryView(entry: AuditEntry): z.infer<typeof EntryView> {
  return {
    id: entry.id,
    at: entry.at,
    actor: { type: entry.actor_type, id: entry.actor_id, label: entry.actor_label },
    action: entry.action,
    target: { type: entry.target_type, id: entry.target_id },
    details: { ...entry.details },
    request_id: entry.request_id,
    address: entry.address,
  };
}

/** A page position: the last entry's time and id, opaque to clients. */
function encodeCursor(entry: AuditEntry): string {
  return Buffer.from(JSON.stringify([entry.at, entry.id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // Reported below like any other malformed cursor.
  }
  throw new VigilError('VALIDATION_FAILED', "Invalid query param 'cursor': must be a next_cursor from this endpoint", { details: { query_param: 'cursor' } });
}

/** /org/audit-log: who did what in the organization, newest first, kept for the daily retention. */
export function auditLogRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/org/audit-log',
      summary: 'Who did what: keys, members, invitations, settings, alert rules, database deletions and password resets (newest first, paged)',
      tag: 'org',
      auth: 'admin',
      query: AuditQuery,
      success: {
        status: 200,
        description: 'A page of entries',
        schema: z.object({ entries: z.array(EntryView), next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last') }),
      },
      async handler({ principal, query }) {
        const entries = await ctx.meta.listAudit({
          orgId: principal.orgId,
          ...(query.actor === undefined ? {} : { actorId: query.actor }),
          ...(query.action === undefined ? {} : { action: query.action }),
          since: new Date(Date.now() - query.hours * 3600_000).toISOString(),
          ...(query.cursor === undefined ? {} : { before: decodeCursor(query.cursor) }),
          limit: query.limit + 1,
        });
        const page = entries.slice(0, query.limit);
        return { body: { entries: page.map(entryView), next_cursor: entries.length > query.limit ? encodeCursor(page[page.length - 1]!) : null } };
      },
    }),
  ];
}
