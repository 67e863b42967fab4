/**
 * Notification settings per organization and the notification outbox: what the delivery worker
 * drains. Webhook URLs and the signing secret are stored sealed (see notify/secret-box.ts); this
 * repository only keeps the sealed text and never opens it.
 */

export type NotifyChannel = 'slack' | 'webhook';
export type NotifySeverity = 'warning' | 'critical';
export type DeliveryState = 'pending' | 'sent' | 'failed' | 'suppressed';

export interface NotificationSettingsRow {
  readonly org_id: string;
  /** Sealed (AES-256-GCM) URLs and webhook signing secret; null when not set. */
  readonly slack_webhook_url_sealed: string | null;
  readonly webhook_url_sealed: string | null;
  readonly webhook_secret_sealed: string | null;
  readonly notify_resolved: boolean;
  readonly notify_min_severity: NotifySeverity;
  readonly updated_at: string | null;
}

export type NotificationSettingsPatch = Partial<Omit<NotificationSettingsRow, 'org_id' | 'updated_at'>>;

/** One message for one channel, from enqueue to its final state. */
export interface OutboxNotification {
  readonly id: string;
  readonly org_id: string;
  readonly alert_id: string | null;
  readonly channel: NotifyChannel;
  readonly kind: string;
  /** The AlertNotice as JSON: the message is built from it at delivery time. */
  readonly payload: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  /** Attempts answered 429: they wait Retry-After and do not use up the retry budget. */
  readonly rate_limited: number;
  readonly last_error: string | null;
  readonly next_attempt_at: string;
  readonly attempted_at: string | null;
  readonly sent_at: string | null;
  readonly created_at: string;
}

/** A new outbox row: 'pending', or 'suppressed' when settings say not to send it (kept, so nothing vanishes unrecorded). */
export type NotificationToEnqueue = Pick<OutboxNotification, 'id' | 'org_id' | 'alert_id' | 'channel' | 'kind' | 'payload' | 'last_error' | 'created_at'> & {
  readonly state: 'pending' | 'suppressed';
  /** Same key twice (two processes hearing one alert event) is enqueued once; null: always enqueued. */
  readonly dedupe_key: string | null;
};

/** What one delivery attempt changed on its row. */
export interface AttemptOutcome {
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly rate_limited: number;
  readonly last_error: string | null;
  readonly next_attempt_at: string;
  readonly attempted_at: string;
  readonly sent_at: string | null;
}

export interface NotificationsRepository {
  /** The organization's settings, defaults when never saved. */
  getNotificationSettings(orgId: string): Promise<NotificationSettingsRow>;
  /** Upserts the fields present in `patch`; returns the settings after. */
  updateNotificationSettings(orgId: string, patch: NotificationSettingsPatch, at: string): Promise<NotificationSettingsRow>;
  /** Adds outbox rows; those whose dedupe_key is already there are skipped. Returns the ids inserted. */
  enqueueNotifications(rows: readonly NotificationToEnqueue[]): Promise<string[]>;
  /** Webhooks (organization + channel) with a pending notification due by `now`. */
  dueNotificationTargets(now: string): Promise<Array<{ readonly org_id: string; readonly channel: NotifyChannel }>>;
  /** The oldest pending notification of one webhook, due or not: delivery keeps each webhook's order. */
  oldestPendingNotification(orgId: string, channel: NotifyChannel): Promise<OutboxNotification | undefined>;
  /** When any process last posted to this webhook: the rate limit holds across processes. */
  lastNotificationAttemptAt(orgId: string, channel: NotifyChannel): Promise<string | null>;
  /** Records an attempt on a pending row; false when it is no longer pending (nothing changed). */
  recordNotificationAttempt(id: string, outcome: AttemptOutcome): Promise<boolean>;
  /** The organization's notifications, newest first (optionally one alert's). */
  listNotifications(orgId: string, options?: { readonly alertId?: string; readonly limit?: number }): Promise<OutboxNotification[]>;
}
