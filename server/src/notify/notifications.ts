import { randomUUID } from 'node:crypto';
import { VigilError } from '@vigil/shared';
import type { ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { leaseFor, type MetaStore } from '../storage/meta/meta-store.js';
import type { AlertNotice } from './alert-notice.js';
import { DeliveryWorker, type AlertDeliveryUpdate } from './delivery-worker.js';
import { NotificationService, type EnqueueResult } from './notification-service.js';
import { SecretBox } from './secret-box.js';

/**
 * Test messages an organization may send per window, across every server process: each takes one
 * of TEST_SLOTS leases in the metadata store and leaves it to lapse, so a script calling the route
 * in a loop cannot make the server hammer a webhook (or its Slack channel) on its behalf.
 */
export const TEST_NOTIFICATION_SLOTS = 5;
export const TEST_NOTIFICATION_WINDOW_MS = 60_000;

/** The notification service with its delivery worker running: what the app starts and the context holds. */
export class Notifications extends NotificationService {
  readonly worker: DeliveryWorker;
  readonly #meta: MetaStore;

  constructor(deps: { readonly config: ServerConfig; readonly meta: MetaStore; readonly logger: Logger; readonly onAlertDelivery?: (alertId: string, update: AlertDeliveryUpdate) => Promise<void> }) {
    super({ repo: deps.meta, config: deps.config.notify, box: new SecretBox(deps.config.jwtSecret), logger: deps.logger });
    this.#meta = deps.meta;
    this.worker = new DeliveryWorker({
      repo: deps.meta,
      service: this,
      config: deps.config.notify,
      logger: deps.logger,
      owner: `notify-${randomUUID()}`,
      ...(deps.onAlertDelivery ? { onAlertDelivery: deps.onAlertDelivery } : {}),
    });
  }

  /** Enqueues and wakes the worker, so a notice goes out without waiting for the next poll. */
  override async enqueue(notice: AlertNotice): Promise<EnqueueResult> {
    const result = await super.enqueue(notice);
    if (result.ids.length > 0) this.worker.kick();
    return result;
  }

  /**
   * Sends a test message once a slot is free; NOTIFY_TEST_THROTTLED (429) otherwise, with
   * `retry_after_s` the window: a slot lapses within it (the lease store does not say exactly when).
   */
  override async sendTest(orgId: string): Promise<void> {
    const owner = `test-notification-${randomUUID()}`;
    let taken = false;
    for (let slot = 0; slot < TEST_NOTIFICATION_SLOTS && !taken; slot++) {
      taken = await this.#meta.tryAcquireLease(`test-notification:${orgId}:${slot}`, leaseFor(owner, TEST_NOTIFICATION_WINDOW_MS));
    }
    if (!taken) {
      const seconds = TEST_NOTIFICATION_WINDOW_MS / 1000;
      throw new VigilError('NOTIFY_TEST_THROTTLED', `At most ${TEST_NOTIFICATION_SLOTS} test notifications a minute per organization: try again within ${seconds} s`, {
        details: { retry_after_s: seconds },
      });
    }
    return super.sendTest(orgId);
  }

  start(): void {
    this.worker.start();
  }

  close(): Promise<void> {
    return this.worker.stop();
  }
}
