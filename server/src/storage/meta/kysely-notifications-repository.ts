import type { Generated, Kysely } from 'kysely';
import type { MetaDialect } from './meta-dialect.js';
import type {
  AttemptOutcome,
  DeliveryState,
  NotificationSettingsPatch,
  NotificationSettingsRow,
  NotificationsRepository,
  NotificationToEnqueue,
  NotifyChannel,
  NotifySeverity,
  OutboxNotification,
} from './notifications-repository.js';
import type { MetaSchema } from './schema.js';

/** 0006's tables, added to the shared schema type here so only this repository knows them. */
type NotificationTables = {
  notification_settings: {
    org_id: string;
    slack_webhook_url_sealed: string | null;
    webhook_url_sealed: string | null;
    webhook_secret_sealed: string | null;
    notify_resolved: Generated<number>;
    notify_min_severity: Generated<NotifySeverity>;
    updated_at: string;
  };
  notifications: {
    id: string;
    org_id: string;
    alert_id: string | null;
    channel: NotifyChannel;
    kind: string;
    payload: string;
    state: DeliveryState;
    attempts: Generated<number>;
    rate_limited: Generated<number>;
    last_error: string | null;
    dedupe_key: string | null;
    next_attempt_at: string;
    attempted_at: string | null;
    sent_at: string | null;
    created_at: string;
  };
};

const OUTBOX_COLUMNS = [
  'id',
  'org_id',
  'alert_id',
  'channel',
  'kind',
  'payload',
  'state',
  'attempts',
  'rate_limited',
  'last_error',
  'next_attempt_at',
  'attempted_at',
  'sent_at',
  'created_at',
] as const;

function outboxRow(row: Omit<OutboxNotification, 'attempts' | 'rate_limited'> & { attempts: number | string; rate_limited: number | string }): OutboxNotification {
  return { ...row, attempts: Number(row.attempts), rate_limited: Number(row.rate_limited) };
}

/** Notification settings and the outbox over any Kysely dialect. */
export class KyselyNotificationsRepository implements NotificationsRepository {
  readonly #db: Kysely<MetaSchema & NotificationTables>;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db.withTables<NotificationTables>();
  }

  async getNotificationSettings(orgId: string): Promise<NotificationSettingsRow> {
    const row = await this.#db.selectFrom('notification_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
    if (!row) {
      return { org_id: orgId, slack_webhook_url_sealed: null, webhook_url_sealed: null, webhook_secret_sealed: null, notify_resolved: true, notify_min_severity: 'warning', updated_at: null };
    }
    return { ...row, notify_resolved: Number(row.notify_resolved) === 1 };
  }

  async updateNotificationSettings(orgId: string, patch: NotificationSettingsPatch, at: string): Promise<NotificationSettingsRow> {
    const { notify_resolved, ...rest } = patch;
    const values = { ...rest, ...(notify_resolved === undefined ? {} : { notify_resolved: notify_resolved ? 1 : 0 }), updated_at: at };
    await this.#db
      .insertInto('notification_settings')
      .values({ org_id: orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    return this.getNotificationSettings(orgId);
  }

  async enqueueNotifications(rows: readonly NotificationToEnqueue[]): Promise<string[]> {
    const inserted: string[] = [];
    // One row at a time: a clash on dedupe_key skips that row only.
    for (const row of rows) {
      const result = await this.#db
        .insertInto('notifications')
        .values({ ...row, next_attempt_at: row.created_at })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      if ((result.numInsertedOrUpdatedRows ?? 0n) > 0n) inserted.push(row.id);
    }
    return inserted;
  }

  async dueNotificationTargets(now: string): Promise<Array<{ org_id: string; channel: NotifyChannel }>> {
    return this.#db.selectFrom('notifications').select(['org_id', 'channel']).distinct().where('state', '=', 'pending').where('next_attempt_at', '<=', now).execute();
  }

  async oldestPendingNotification(orgId: string, channel: NotifyChannel): Promise<OutboxNotification | undefined> {
    const row = await this.#db
      .selectFrom('notifications')
      .select(OUTBOX_COLUMNS)
      .where('state', '=', 'pending')
      .where('org_id', '=', orgId)
      .where('channel', '=', channel)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row && outboxRow(row);
  }

  async lastNotificationAttemptAt(orgId: string, channel: NotifyChannel): Promise<string | null> {
    const row = await this.#db
      .selectFrom('notifications')
      .select((eb) => eb.fn.max('attempted_at').as('last'))
      .where('org_id', '=', orgId)
      .where('channel', '=', channel)
      .executeTakeFirst();
    return row?.last ?? null;
  }

  async recordNotificationAttempt(id: string, outcome: AttemptOutcome): Promise<boolean> {
    const result = await this.#db.updateTable('notifications').set(outcome).where('id', '=', id).where('state', '=', 'pending').executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async listNotifications(orgId: string, options: { readonly alertId?: string; readonly limit?: number } = {}): Promise<OutboxNotification[]> {
    let query = this.#db.selectFrom('notifications').select(OUTBOX_COLUMNS).where('org_id', '=', orgId);
    if (options.alertId !== undefined) query = query.where('alert_id', '=', options.alertId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 100).execute();
    return rows.map(outboxRow);
  }
}
