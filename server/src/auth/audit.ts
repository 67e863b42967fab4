import type { Response } from 'express';
import type { AppContext } from '../context.js';
import type { Logger } from '../logger.js';
import type { AuditEntry, MetaStore } from '../storage/meta/meta-store.js';
import type { Principal } from './authenticate.js';

/** What the audit log records; README ("Accounts") lists them. */
export type AuditAction =
  | 'api_key.created'
  | 'api_key.revoked'
  | 'member.invited'
  | 'invitation.revoked'
  | 'member.joined'
  | 'member.removed'
  | 'member.role_changed'
  | 'settings.changed'
  | 'alert_rule.created'
  | 'alert_rule.changed'
  | 'alert_rule.deleted'
  | 'database.deleted'
  | 'scan.requested'
  | 'recommendation.status_changed'
  | 'password.reset';

export interface AuditTarget {
  readonly type: string;
  readonly id: string;
}

/** The actor of a request: a user (with their email, kept even after they leave) or an API key. */
async function actorOf(meta: MetaStore, principal: Principal | undefined): Promise<Pick<AuditEntry, 'actor_type' | 'actor_id' | 'actor_label'>> {
  if (!principal) return { actor_type: 'system', actor_id: null, actor_label: null };
  if (principal.kind === 'api_key') return { actor_type: 'api_key', actor_id: principal.keyId, actor_label: null };
  return { actor_type: 'user', actor_id: principal.userId, actor_label: (await meta.getUser(principal.userId))?.email ?? null };
}

export interface AuditOptions {
  /** What changed (field names, a role, a key's name), never a secret. */
  readonly details?: Record<string, unknown>;
  /** For public routes, which have no caller's organization (a password reset) and act as `actor`. */
  readonly orgId?: string;
  readonly actor?: Principal;
}

/**
 * Records `action` on `target` by the request's caller in the audit log, with the request id and
 * client address. A failed write is logged, not answered: the change itself is already made.
 */
export async function audit(ctx: Pick<AppContext, 'meta' | 'logger'>, res: Response, action: AuditAction, target: AuditTarget, options: AuditOptions = {}): Promise<void> {
  const principal = options.actor ?? (res.locals.principal as Principal | undefined);
  const org = options.orgId ?? principal?.orgId;
  if (!org) return;
  try {
    await ctx.meta.recordAudit({
      org_id: org,
      at: new Date().toISOString(),
      ...(await actorOf(ctx.meta, principal)),
      action,
      target_type: target.type,
      target_id: target.id,
      details: options.details ?? {},
      request_id: (res.locals.requestId as string | undefined) ?? null,
      address: res.req.ip ?? null,
    });
  } catch (err) {
    ctx.logger.error({ err, action, req_id: res.locals.requestId }, 'could not write the audit log entry');
  }
}

const HOUR_MS = 3600_000;

/**
 * Prunes the audit log to the daily retention (VIGIL_RETENTION_DAILY_DAYS), and dead throttles,
 * tokens and invitations, once now and then hourly; returns how to stop it. Every process may run
 * it: deleting what another already deleted is a no-op.
 */
export function startAccountsPruning(meta: MetaStore, retentionDays: number, logger: Logger): () => Promise<void> {
  let running: Promise<void> | undefined;
  const pass = (): void => {
    const now = Date.now();
    running = meta
      .pruneAccounts({ auditBefore: new Date(now - retentionDays * 24 * HOUR_MS).toISOString(), staleBefore: new Date(now - 24 * HOUR_MS).toISOString() })
      .then(
        (dropped) => {
          if (dropped > 0) logger.info({ dropped }, 'audit log pruned to the daily retention');
        },
        (err: unknown) => logger.error({ err }, 'audit log pruning failed; the next pass retries'),
      );
  };
  const timer = setInterval(pass, HOUR_MS);
  timer.unref();
  pass();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
