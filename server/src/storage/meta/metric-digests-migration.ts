import type { Kysely, Migration } from 'kysely';

/**
 * 0012: each database's metric digest (engines/catalogue/metric-digest.ts): its metrics as derived when
 * its telemetry last arrived, one row per database, written by whichever process evaluated that arrival
 * and read in bulk by the evaluation tick of any process. `derived_at` (Unix ms) keeps an older
 * evaluation from overwriting a newer one; the row goes with its database.
 */
export const metricDigestsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('metric_digests')
      .addColumn('database_id', 'text', (c) => c.primaryKey().references('databases.id').onDelete('cascade'))
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('derived_at', 'bigint', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
  },
};
