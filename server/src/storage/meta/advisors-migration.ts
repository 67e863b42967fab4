import { sql, type Kysely } from 'kysely';
import { databaseScopedTable } from './migration-tables.js';

/**
 * Migration 0007_advisors (see migrations.ts): scans and the recommendations they keep. Never
 * edit it once shipped: add the next migration.
 */
export async function advisorsMigration(db: Kysely<unknown>): Promise<void> {
  await databaseScopedTable(db, 'advisor_scans')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    .execute();
  // At most one unfinished scan per database, whichever process queues it: a second request gets the first.
  await db.schema.createIndex('advisor_scans_unfinished_uq').on('advisor_scans').column('database_id').unique().where(sql.ref('finished_at'), 'is', null).execute();
  await db.schema.createIndex('advisor_scans_db_requested_idx').on('advisor_scans').columns(['database_id', 'requested_at']).execute();
  await db.schema.createIndex('advisor_scans_status_idx').on('advisor_scans').columns(['status', 'requested_at']).execute();
  await databaseScopedTable(db, 'recommendations')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('object_key', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('runbook', 'text', (c) => c.notNull())
    .addColumn('estimated_impact', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attribution', 'text')
    .addColumn('closed_reason', 'text')
    .addColumn('snoozed_until', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('first_scan_id', 'text', (c) => c.notNull())
    .addColumn('last_scan_id', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The same finding on the same object is one recommendation across scans.
    .addUniqueConstraint('recommendations_finding_uq', ['database_id', 'type', 'object_key'])
    .execute();
  await db.schema.createIndex('recommendations_org_status_idx').on('recommendations').columns(['org_id', 'status', 'severity']).execute();
}
