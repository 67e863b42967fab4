import type { Kysely, Migration } from 'kysely';

/**
 * 0011: asking the telemetry in words (issue 17). Per organization: LLM providers (the API key
 * sealed like webhook URLs), the ask settings (execution mode, default provider, cache TTL, row
 * limit, semantic model as JSON, cache counters), examples, chat sessions and their messages in
 * order, and the answer cache keyed by a hash of the normalized question. Times are ISO text.
 */
export const askMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ask_providers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('base_url', 'text')
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('api_key_sealed', 'text')
      .addColumn('timeout_s', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('ask_providers_org_name_uq', ['org_id', 'name'])
      .execute();
    await db.schema
      .createTable('ask_settings')
      .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
      .addColumn('execution_mode', 'text', (c) => c.notNull().defaultTo('auto_execute'))
      .addColumn('default_provider_id', 'text')
      .addColumn('cache_ttl_s', 'integer', (c) => c.notNull().defaultTo(3600))
      .addColumn('max_rows', 'integer', (c) => c.notNull().defaultTo(1000))
      .addColumn('semantic_model', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('cache_hits', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cache_misses', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ask_examples')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('sql', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ask_examples_org_idx').on('ask_examples').column('org_id').execute();
    await db.schema
      .createTable('ask_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ask_sessions_org_idx').on('ask_sessions').columns(['org_id', 'updated_at']).execute();
    await db.schema
      .createTable('ask_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('ask_sessions.id').onDelete('cascade'))
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('query', 'text')
      .addColumn('status', 'text')
      .addColumn('database_id', 'text')
      .addColumn('provider_id', 'text')
      .addColumn('results', 'text')
      .addColumn('error', 'text')
      .addColumn('tokens', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('ask_messages_session_seq_uq', ['session_id', 'seq'])
      .execute();
    await db.schema
      .createTable('ask_cache')
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ask_cache_pk', ['org_id', 'key'])
      .execute();
  },
};
