import type { Kysely, Migration } from 'kysely';

/**
 * 0006: notification settings per organization and the outbox. Booleans are integers (better-sqlite3
 * cannot bind true/false); times ISO text like every other table.
 */
export const notificationsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('notification_settings')
      .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
      .addColumn('slack_webhook_url_sealed', 'text')
      .addColumn('webhook_url_sealed', 'text')
      .addColumn('webhook_secret_sealed', 'text')
      .addColumn('notify_resolved', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('notify_min_severity', 'text', (c) => c.notNull().defaultTo('warning'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('alert_id', 'text')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rate_limited', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('attempted_at', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notifications_pending_idx').on('notifications').columns(['state', 'org_id', 'channel', 'created_at']).execute();
    await db.schema.createIndex('notifications_alert_idx').on('notifications').columns(['alert_id']).execute();
  },
};
