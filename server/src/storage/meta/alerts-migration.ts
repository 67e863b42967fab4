import { sql, type Kysely } from 'kysely';
import { databaseScopedTable } from './migration-tables.js';

/**
 * Migration 0005_alerts (see migrations.ts): built-in rule edits, custom rules and alerts. Never
 * edit it once shipped: add the next migration.
 */
export async function alertsMigration(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_rule_overrides')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('threshold', 'double precision')
    .addColumn('severity', 'text')
    .addColumn('cooldown_sec', 'integer')
    .addColumn('enabled', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_rule_overrides_pk', ['org_id', 'rule_id'])
    .execute();
  await db.schema
    .createTable('alert_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric_key', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('cooldown_sec', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('database_id', 'text', (c) => c.references('databases.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_rules_org_idx').on('alert_rules').column('org_id').execute();
  await databaseScopedTable(db, 'alerts')
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('metric_key', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('object_key', 'text', (c) => c.notNull())
    .addColumn('object_label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolve_reason', 'text')
    .addColumn('snoozed_until', 'text')
    .addColumn('escalated_at', 'text')
    // Filled by the notifier (server/src/notify): pending | sent | failed | suppressed.
    .addColumn('delivery_status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('delivery_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivery_last_error', 'text')
    .addColumn('delivered_at', 'text')
    .execute();
  // One open alert per (rule, database, object), whichever process inserts it: a partial unique index
  // over the unresolved rows (both SQLite and PostgreSQL have them), so a resolved alert frees the slot.
  await db.schema
    .createIndex('alerts_open_uq')
    .on('alerts')
    .columns(['database_id', 'rule_id', 'object_key'])
    .unique()
    .where(sql.ref('resolved_at'), 'is', null)
    .execute();
  await db.schema.createIndex('alerts_org_opened_idx').on('alerts').columns(['org_id', 'opened_at']).execute();
  await db.schema.createIndex('alerts_slot_idx').on('alerts').columns(['database_id', 'rule_id', 'object_key', 'opened_at']).execute();
}
