import type { AlertEvent, AlertEventName, AlertEvents } from '../engines/alerts/alert-events.js';
import { METRICS_BY_KEY } from '../engines/catalogue/index.js';
import type { Logger } from '../logger.js';
import type { Alert, AlertsRepository } from '../storage/meta/alerts-repository.js';
import type { Database } from '../storage/meta/catalog-repository.js';
import type { AlertNotice, NoticeKind } from './alert-notice.js';
import type { EnqueueResult } from './notification-service.js';

/** What the adapter reads and writes; the app context satisfies it. */
export interface AlertNotificationDeps {
  readonly alertEvents: AlertEvents;
  readonly notifications: { enqueue(notice: AlertNotice): Promise<EnqueueResult> };
  readonly meta: { getDatabase(orgId: string, id: string): Promise<Database | undefined>; readonly alerts: Pick<AlertsRepository, 'recordDelivery'> };
  /** The database's current health score for the message's context line; optional, never blocks a notice. */
  readonly evaluator?: { current(db: Database): Promise<{ readonly health: { readonly overall_score: number | null } }> };
  readonly logger: Logger;
}

/** Resolutions that are not news: another open alert of the same rule and object replaced this one. */
const SILENT_RESOLUTIONS = new Set(['superseded', 'duplicate']);

/**
 * The one place alerts meet notifications (issue 11): each alert event becomes an AlertNotice in
 * the outbox. An alert opened within its cooldown (delivery_status suppressed) is not sent, nor
 * is its resolution; whether a resolution is sent at all is the settings' notify_resolved, which
 * the outbox decides. When the settings suppress an opened alert, the reason is written on the
 * alert, so nothing is dropped unrecorded. Returns the unsubscribe function.
 */
export function notifyAlertEvents(deps: AlertNotificationDeps): () => void {
  const log = deps.logger.child({ component: 'alert-notifications' });
  const handlers = (['opened', 'resolved', 'escalated'] as const).map((kind) => {
    const handler = (event: AlertEvent): void => {
      void onEvent(deps, kind, event.alert).catch((err: unknown) => log.error({ err, alert_id: event.alert.id, kind }, 'could not queue the alert notification'));
    };
    deps.alertEvents.on(kind, handler);
    return [kind, handler] as const;
  });
  return () => {
    for (const [kind, handler] of handlers) deps.alertEvents.off(kind, handler);
  };
}

async function onEvent(deps: AlertNotificationDeps, kind: AlertEventName, alert: Alert): Promise<void> {
  if (kind !== 'escalated' && alert.delivery_status === 'suppressed') return;
  if (kind === 'resolved' && SILENT_RESOLUTIONS.has(alert.resolve_reason ?? '')) return;
  const db = await deps.meta.getDatabase(alert.org_id, alert.database_id);
  if (!db) return;
  const result = await deps.notifications.enqueue(alertNotice(kind, alert, db, await healthScore(deps, db)));
  // A resolution's suppression (notify_resolved off) says nothing about how the alert itself was delivered.
  if (result.state === 'suppressed' && kind !== 'resolved') {
    await deps.meta.alerts.recordDelivery(alert.id, { status: 'suppressed', attempts: 0, last_error: result.reason, at: new Date().toISOString() });
  }
}

async function healthScore(deps: AlertNotificationDeps, db: Database): Promise<number | null> {
  if (!deps.evaluator) return null;
  try {
    return (await deps.evaluator.current(db)).health.overall_score;
  } catch {
    return null;
  }
}

/** The notice for one alert event, worded from the catalogue entry of its metric. */
export function alertNotice(kind: NoticeKind, alert: Alert, db: Pick<Database, 'id' | 'name' | 'engine'>, healthScore: number | null): AlertNotice {
  const entry = METRICS_BY_KEY.get(alert.metric_key);
  // Built-in rules are named after the catalogue's title when they open; a custom rule keeps its user's name.
  const title = alert.rule_id.startsWith('builtin:') && entry ? entry.doctor.title : alert.rule_name;
  return {
    kind,
    alert_id: alert.id,
    org_id: alert.org_id,
    database: { id: db.id, name: db.name, engine: db.engine },
    metric_key: alert.metric_key,
    severity: alert.severity,
    title,
    value: alert.value,
    threshold: alert.threshold,
    object: alert.object_label || alert.object_key || null,
    fix: entry?.doctor.how_to_fix ?? null,
    health_score: healthScore,
    at: (kind === 'resolved' ? alert.resolved_at : kind === 'escalated' ? alert.escalated_at : alert.opened_at) ?? new Date().toISOString(),
  };
}
