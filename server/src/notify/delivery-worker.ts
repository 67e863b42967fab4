import { setTimeout as sleep } from 'node:timers/promises';
import { VigilError } from '@vigil/shared';
import type { NotifyConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { LeaseStore } from '../storage/meta/ledger-repository.js';
import type { AttemptOutcome, DeliveryState, NotificationsRepository, NotifyChannel, OutboxNotification } from '../storage/meta/notifications-repository.js';
import { withLease } from '../storage/meta/with-lease.js';
import type { AlertNotice } from './alert-notice.js';
import type { DeliveryResult, Notifier, NotifyTarget } from './notifier.js';
import { NOTIFIERS } from './notifiers.js';
import { URL_FIELDS, type NotificationService } from './notification-service.js';
import { checkWebhookUrl } from './url-guard.js';

/** A delivery attempt's report for the alert row (the alerts repository's recordDelivery takes this shape). */
export interface AlertDeliveryUpdate {
  readonly status: DeliveryState;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly at: string;
}

export interface DeliveryWorkerDeps {
  readonly repo: NotificationsRepository & LeaseStore;
  readonly service: Pick<NotificationService, 'target'>;
  readonly config: NotifyConfig;
  readonly logger: Logger;
  /** This process run: the lease owner. */
  readonly owner: string;
  /** Mirrors each attempt onto the alert row, when alerts are stored. */
  readonly onAlertDelivery?: (alertId: string, update: AlertDeliveryUpdate) => Promise<void>;
  readonly notifiers?: Readonly<Record<NotifyChannel, Notifier>>;
  /** [0, 1): the backoff's jitter (tests pin it). */
  readonly random?: () => number;
}

/** 429s allowed per notification before it is failed: Slack's waits are honoured, but not forever. */
const RATE_LIMITED_FACTOR = 10;

/**
 * Drains the outbox. Each webhook (organization + channel) is drained by one process at a time
 * under the lease `notify:<org>:<channel>`, oldest first, so two processes never post the same
 * notification and a webhook's messages keep their order; posts to one webhook are at least
 * `minIntervalMs` apart, measured from the last attempt any process recorded. A 429 holds the
 * webhook for its Retry-After, a 5xx or network error backs off exponentially with jitter up to
 * `maxAttempts`, any other 4xx fails at once with the receiver's words. Every outcome is written
 * to the row (and the alert), so nothing is dropped unrecorded; a restart resumes from the rows.
 */
export class DeliveryWorker {
  readonly #deps: DeliveryWorkerDeps;
  readonly #logger: Logger;
  readonly #notifiers: Readonly<Record<NotifyChannel, Notifier>>;
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #stopping = new AbortController();
  #timer: NodeJS.Timeout | undefined;

  constructor(deps: DeliveryWorkerDeps) {
    this.#deps = deps;
    this.#logger = deps.logger.child({ component: 'notify-delivery' });
    this.#notifiers = deps.notifiers ?? NOTIFIERS;
  }

  start(): void {
    this.#timer ??= setInterval(() => this.kick(), this.#deps.config.pollMs);
    this.#timer.unref();
    this.kick();
  }

  /** Looks for due notifications now (after an enqueue) instead of at the next poll. */
  kick(): void {
    if (this.#stopping.signal.aborted) return;
    this.tick().catch((err: unknown) => this.#logger.warn({ err }, 'notification outbox check failed; retrying at the next poll'));
  }

  /** Starts draining every webhook with a due notification that this process is not draining already. */
  async tick(): Promise<void> {
    const targets = await this.#deps.repo.dueNotificationTargets(new Date().toISOString());
    for (const { org_id, channel } of targets) {
      const name = `notify:${org_id}:${channel}`;
      if (this.#inFlight.has(name)) continue;
      const drain = withLease(this.#deps.repo, name, { owner: this.#deps.owner, ttlMs: Math.max(30_000, this.#deps.config.timeoutMs * 3) }, (lost) => this.#drain(org_id, channel, lost))
        .then(() => undefined)
        .catch((err: unknown) => this.#logger.warn({ err, org_id, channel }, 'notification delivery stopped; the next poll resumes it'))
        .finally(() => this.#inFlight.delete(name));
      this.#inFlight.set(name, drain);
    }
  }

  /** Stops polling and waits for the posts in flight to be recorded. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#stopping.abort();
    await Promise.allSettled([...this.#inFlight.values()]);
  }

  async #drain(orgId: string, channel: NotifyChannel, lost: AbortSignal): Promise<void> {
    const { repo, config } = this.#deps;
    const signal = AbortSignal.any([lost, this.#stopping.signal]);
    while (!signal.aborted) {
      const row = await repo.oldestPendingNotification(orgId, channel);
      if (!row || Date.parse(row.next_attempt_at) > Date.now()) return;
      const last = await repo.lastNotificationAttemptAt(orgId, channel);
      const wait = last === null ? 0 : Date.parse(last) + config.minIntervalMs - Date.now();
      if (wait > 0) {
        await sleep(wait, undefined, { signal }).catch(() => undefined);
        continue;
      }
      await this.#attempt(row);
    }
  }

  async #attempt(row: OutboxNotification): Promise<void> {
    const { repo, config } = this.#deps;
    const result = await this.#send(row);
    const now = Date.now();
    const at = new Date(now).toISOString();
    const attempts = row.attempts + 1;
    const rateLimited = row.rate_limited + (result.outcome === 'rate_limited' ? 1 : 0);
    const failures = attempts - rateLimited;
    let state: DeliveryState = 'pending';
    let next = now;
    let error: string | null = null;
    switch (result.outcome) {
      case 'sent':
        state = 'sent';
        break;
      case 'rate_limited':
        error = result.error;
        next = now + result.retryAfterMs;
        if (rateLimited >= config.maxAttempts * RATE_LIMITED_FACTOR) state = 'failed';
        break;
      case 'retry': {
        error = result.error;
        const backoff = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** (failures - 1));
        // Equal jitter: half fixed, half random, so processes and webhooks retrying together spread out.
        next = now + Math.round(backoff / 2 + (backoff / 2) * (this.#deps.random ?? Math.random)());
        if (failures >= config.maxAttempts) state = 'failed';
        break;
      }
      case 'rejected':
        error = result.error;
        state = 'failed';
        break;
    }
    const outcome: AttemptOutcome = { state, attempts, rate_limited: rateLimited, last_error: error, next_attempt_at: new Date(next).toISOString(), attempted_at: at, sent_at: state === 'sent' ? at : null };
    if (!(await repo.recordNotificationAttempt(row.id, outcome))) return;
    const log = { notification_id: row.id, alert_id: row.alert_id, org_id: row.org_id, channel: row.channel, attempts, state };
    if (state === 'failed') this.#logger.warn({ ...log, error }, 'notification failed: giving up');
    else if (state === 'pending') this.#logger.info({ ...log, error, next_attempt_at: outcome.next_attempt_at }, 'notification not delivered yet: will retry');
    else this.#logger.debug(log, 'notification sent');
    if (row.alert_id !== null && this.#deps.onAlertDelivery) {
      await this.#deps.onAlertDelivery(row.alert_id, { status: state, attempts, last_error: error, at }).catch((err: unknown) => this.#logger.warn({ err, alert_id: row.alert_id }, 'could not record the delivery on the alert'));
    }
  }

  /** Opens the target, re-checks its address (DNS may have changed since it was saved) and posts. */
  async #send(row: OutboxNotification): Promise<DeliveryResult> {
    let target: NotifyTarget | undefined;
    try {
      target = await this.#deps.service.target(row.org_id, row.channel);
    } catch {
      return { outcome: 'rejected', status: 0, error: 'the stored URL cannot be opened: VIGIL_JWT_SECRET differs from when it was saved; save the URL again' };
    }
    if (!target) return { outcome: 'rejected', status: 0, error: `${URL_FIELDS[row.channel]} is no longer set` };
    try {
      await checkWebhookUrl(URL_FIELDS[row.channel], target.url, { allowPrivate: this.#deps.config.allowPrivateWebhooks });
    } catch (err) {
      if (err instanceof VigilError) return { outcome: 'rejected', status: 0, error: err.message };
      throw err;
    }
    return this.#notifiers[row.channel].send(target, JSON.parse(row.payload) as AlertNotice, { timeoutMs: this.#deps.config.timeoutMs });
  }
}
