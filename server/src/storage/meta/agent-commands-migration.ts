import type { Kysely, Migration } from 'kysely';

/**
 * 0009: commands relayed between server processes (`commands/postgres/postgres-command-bus.ts`):
 * the requester's row, claimed by the process holding the agent, which writes the reply into it.
 * Rows live for one command (the requester deletes its row). Created on SQLite too, where one
 * process needs no relay and the table stays empty, so both backends run one migration list.
 */
export const agentCommandsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('agent_commands')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('database_id', 'text', (c) => c.notNull())
      .addColumn('database_name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('args_json', 'text', (c) => c.notNull())
      .addColumn('timeout_ms', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('ok', 'integer')
      .addColumn('result_json', 'text')
      .addColumn('error_code', 'text')
      .addColumn('error', 'text')
      .addColumn('thrown', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
