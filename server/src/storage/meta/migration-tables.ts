import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * The start of a table whose rows belong to one database of an organization (alerts, scans,
 * recommendations): a text id, and org_id and database_id that delete the row with either. Migrations
 * that use it produce exactly the DDL they wrote out before it existed.
 */
export function databaseScopedTable(db: Kysely<unknown>, name: string): CreateTableBuilder<string, 'id' | 'org_id' | 'database_id'> {
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('database_id', 'text', (c) => c.notNull().references('databases.id').onDelete('cascade'));
}
