import { EventEmitter } from 'node:events';
import type { Alert } from '../../storage/meta/alerts-repository.js';

/**
 * What alert evaluation tells the rest of the server (the notifier subscribes): an alert opened,
 * resolved, or was escalated by a user (notify now, ignoring the cooldown). Each is emitted once,
 * by the one process whose write changed the alert (the open's insert, the resolve's update), so a
 * subscriber in every process together sees each transition exactly once. `alert.delivery_status`
 * is `suppressed` when the alert opened within its rule's cooldown.
 */
export interface AlertEventMap {
  opened: [event: AlertEvent];
  resolved: [event: AlertEvent];
  escalated: [event: AlertEvent];
}

export interface AlertEvent {
  readonly alert: Alert;
}

export type AlertEventName = keyof AlertEventMap;

/** In-process, typed; the app context holds one (`ctx.alertEvents`). */
export class AlertEvents extends EventEmitter<AlertEventMap> {}
