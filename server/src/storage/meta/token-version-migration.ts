import type { Kysely, Migration } from 'kysely';

/**
 * 0010: a per-user token version, carried in every access token (`tv`) and compared on each request
 * (`auth/authenticate.ts`): a password reset or set-password bumps it, so access tokens issued
 * before stop working at once instead of living out their 15 minutes. Existing users start at 0,
 * which is also what a token without the claim counts as, so nobody is signed out by the upgrade.
 */
export const tokenVersionMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('users').addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
