import type { EngineName } from '@vigil/shared';
import type { NotifySeverity } from '../storage/meta/notifications-repository.js';

/** Why a message is sent: an alert opened, resolved or was escalated by hand, or a settings test. */
export type NoticeKind = 'opened' | 'resolved' | 'escalated' | 'test';

/**
 * Everything a notifier needs to word one message, independent of how alerts are stored: the
 * alerts engine's events are adapted to this in one place (notification-service.ts).
 */
export interface AlertNotice {
  readonly kind: NoticeKind;
  /** Null for a test message. */
  readonly alert_id: string | null;
  readonly org_id: string;
  readonly database: { readonly id: string; readonly name: string; readonly engine: EngineName } | null;
  readonly metric_key: string | null;
  readonly severity: NotifySeverity;
  readonly title: string;
  readonly value: number | null;
  readonly threshold: number | null;
  /** The object behind the value (table, partition, slot, pid); null or '' for the database as a whole. */
  readonly object: string | null;
  /** What to do: the catalogue's how_to_fix or the SQL to run. */
  readonly fix: string | null;
  readonly health_score: number | null;
  /** When the event happened (ISO 8601). */
  readonly at: string;
}
