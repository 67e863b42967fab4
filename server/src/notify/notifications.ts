import { randomUUID } from 'node:crypto';
import type { ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { MetaStore } from '../storage/meta/meta-store.js';
import type { AlertNotice } from './alert-notice.js';
import { DeliveryWorker, type AlertDeliveryUpdate } from './delivery-worker.js';
import { NotificationService, type EnqueueResult } from './notification-service.js';
import { SecretBox } from './secret-box.js';

/** The notification service with its delivery worker running: what the app starts and the context holds. */
export class Notifications extends NotificationService {
  readonly worker: DeliveryWorker;

  constructor(deps: { readonly config: ServerConfig; readonly meta: MetaStore; readonly logger: Logger; readonly onAlertDelivery?: (alertId: string, update: AlertDeliveryUpdate) => Promise<void> }) {
    super({ repo: deps.meta, config: deps.config.notify, box: new SecretBox(deps.config.jwtSecret), logger: deps.logger });
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

  start(): void {
    this.worker.start();
  }

  close(): Promise<void> {
    return this.worker.stop();
  }
}
