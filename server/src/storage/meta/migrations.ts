import type { ColumnDefinitionBuilder, Kysely, Migration, MigrationProvider } from 'kysely';
import { notificationsMigration } from './notifications-migration.js';
import { alertsMigration } from './alerts-migration.js';
import { agentCommandsMigration } from './agent-commands-migration.js';
import { advisorsMigration } from './advisors-migration.js';
import { accountsMigration } from './accounts-migration.js';
import { askMigration } from './ask-migration.js';
import { tokenVersionMigration } from './token-version-migration.js';
import { metricDigestsMigration } from './metric-digests-migration.js';

/**
 * Versioned metadata migrations, written once with Kysely's schema builder so SQLite and
 * PostgreSQL get the same tables. Never edit a shipped migration: add the next one.
 * Timestamps are ISO 8601 UTC text, which sorts correctly in both dialects.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('organizations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_keys_org_idx').on('api_keys').column('org_id').execute();
      await db.schema
        .createTable('refresh_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('family_id', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('refresh_tokens_family_idx').on('refresh_tokens').column('family_id').execute();
      await db.schema
        .createTable('agents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('hostname', 'text', (c) => c.notNull())
        .addColumn('agent_version', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('agents_org_hostname_uq', ['org_id', 'hostname'])
        .execute();
      await db.schema
        .createTable('databases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('engine', 'text', (c) => c.notNull())
        .addColumn('engine_version', 'text')
        .addColumn('agent_id', 'text', (c) => c.references('agents.id').onDelete('set null'))
        .addColumn('last_seen_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('databases_org_name_uq', ['org_id', 'name'])
        .execute();
      await db.schema
        .createTable('ingested_batches')
        .addColumn('batch_id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('database_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002_database_settings_and_heartbeats': {
    async up(db: Kysely<unknown>): Promise<void> {
      // SQLite adds one column per ALTER TABLE. Booleans are integers: better-sqlite3 cannot bind true/false.
      const columns: Array<[string, 'text' | 'integer', (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder]> = [
        ['poll_interval_seconds', 'integer', (c) => c],
        ['collect_explain_plans', 'integer', (c) => c.notNull().defaultTo(1)],
        ['collect_replication', 'integer', (c) => c.notNull().defaultTo(1)],
        ['disabled_collectors', 'text', (c) => c.notNull().defaultTo('[]')],
        ['tags', 'text', (c) => c.notNull().defaultTo('{}')],
        ['host', 'text', (c) => c],
        ['port', 'integer', (c) => c],
      ];
      for (const [name, type, build] of columns) await db.schema.alterTable('databases').addColumn(name, type, build).execute();
      await db.schema.alterTable('agents').addColumn('last_heartbeat_at', 'text').execute();
      await db.schema.alterTable('agents').addColumn('last_heartbeat', 'text').execute();
    },
  },
  '0003_batch_claims': {
    async up(db: Kysely<unknown>): Promise<void> {
      // A ledger row is a claim while 'pending' (owner + lease), the batch's record once 'done';
      // rows written before claims existed were all stored, hence the default.
      await db.schema.alterTable('ingested_batches').addColumn('state', 'text', (c) => c.notNull().defaultTo('done')).execute();
      await db.schema.alterTable('ingested_batches').addColumn('owner', 'text').execute();
      await db.schema.alterTable('ingested_batches').addColumn('lease_until', 'text').execute();
    },
  },
  '0004_leases': {
    async up(db: Kysely<unknown>): Promise<void> {
      // Named leases for work one process at a time (alert evaluation, notification delivery):
      // the batch claims' owner + lease_until columns, keyed by a name instead of a batch id.
      await db.schema
        .createTable('leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('lease_until', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0005_alerts': { up: (db) => alertsMigration(db) },
  '0006_notifications': notificationsMigration,
  '0009_agent_commands': agentCommandsMigration,
  '0007_advisors': { up: (db) => advisorsMigration(db) },
  '0008_accounts': accountsMigration,
  '0011_ask': askMigration,
  '0010_token_version': tokenVersionMigration,
  '0012_metric_digests': metricDigestsMigration,
};

/** Kysely migration provider over the migrations compiled into the server. */
export const metaMigrations: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
