import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 0008: accounts a team can share. Memberships replace users.org_id as the source of who belongs
 * where (the column stays, as the organization a login picks by default: SQLite cannot drop a
 * column a foreign key uses); one-time tokens for email verification and password resets;
 * invitations; login throttling that every server process sees; the audit log.
 *
 * Accounts made before verification existed keep working unchanged: their users become owners of
 * their organization, and organizations and users are marked verified as of this migration.
 */
export const accountsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const now = new Date().toISOString();
    await db.schema.alterTable('organizations').addColumn('verified_at', 'text').execute();
    await db.schema.alterTable('users').addColumn('email_verified_at', 'text').execute();
    // Which organization a refresh token's session is in; tokens issued before 0008 have none and fall back to the user's default.
    await db.schema.alterTable('refresh_tokens').addColumn('org_id', 'text').execute();
    await db.schema.createIndex('refresh_tokens_user_idx').on('refresh_tokens').column('user_id').execute();
    await db.schema
      .createTable('memberships')
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['org_id', 'user_id'])
      .execute();
    await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();
    await sql`INSERT INTO memberships (org_id, user_id, role, created_at) SELECT org_id, id, 'owner', created_at FROM users`.execute(db);
    await sql`UPDATE organizations SET verified_at = ${now}`.execute(db);
    await sql`UPDATE users SET email_verified_at = ${now}`.execute(db);

    await db.schema
      .createTable('account_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('invited_by', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('invitations_org_idx').on('invitations').column('org_id').execute();
    await db.schema
      .createTable('auth_throttles')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_failure_at', 'text', (c) => c.notNull())
      .addColumn('blocked_until', 'text')
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('request_id', 'text')
      .addColumn('address', 'text')
      .execute();
    await db.schema.createIndex('audit_log_org_at_idx').on('audit_log').columns(['org_id', 'at']).execute();
  },
};
