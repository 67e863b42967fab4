import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { VigilError } from '@vigil/shared';
import type { AccountsRepository, ApiKey, Organization, RefreshToken, User } from './accounts-repository.js';
import type { MetaDialect } from './meta-dialect.js';
import type { MetaSchema } from './schema.js';

const API_KEY_COLUMNS = ['id', 'org_id', 'name', 'scope', 'prefix', 'created_at', 'last_used_at', 'revoked_at'] as const;
const REFRESH_COLUMNS = ['id', 'user_id', 'family_id', 'expires_at', 'used_at', 'revoked_at'] as const;

function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  // A random suffix keeps slugs unique without a read-then-write race between signups.
  return `${base || 'org'}-${randomUUID().slice(0, 8)}`;
}

/** Organizations, users, API keys and refresh tokens over any Kysely dialect. */
export class KyselyAccountsRepository implements AccountsRepository {
  readonly #db: Kysely<MetaSchema>;
  readonly #isUniqueViolation: (err: unknown) => boolean;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db;
    this.#isUniqueViolation = dialect.isUniqueViolation;
  }

  async createOrganizationWithUser(input: { orgName: string; email: string; name: string; passwordHash: string }): Promise<{ org: Organization; user: User }> {
    const now = new Date().toISOString();
    const org: Organization = { id: randomUUID(), name: input.orgName, slug: slugify(input.orgName), plan: 'free', created_at: now };
    const user: User = { id: randomUUID(), org_id: org.id, email: input.email, name: input.name, password_hash: input.passwordHash, created_at: now };
    try {
      await this.#db.transaction().execute(async (trx) => {
        await trx.insertInto('organizations').values(org).execute();
        await trx.insertInto('users').values(user).execute();
      });
    } catch (err) {
      if (this.#isUniqueViolation(err)) throw new VigilError('AUTH_EMAIL_TAKEN');
      throw err;
    }
    return { org, user };
  }


  async findUserByEmail(email: string): Promise<User | undefined> {
    return this.#db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }


  async getUser(id: string): Promise<User | undefined> {
    return this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }


  async getOrganization(id: string): Promise<Organization | undefined> {
    return this.#db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  }


  async createApiKey(input: { orgId: string; name: string; scope: ApiKey['scope']; prefix: string; hash: string }): Promise<ApiKey> {
    const key: ApiKey = {
      id: randomUUID(),
      org_id: input.orgId,
      name: input.name,
      scope: input.scope,
      prefix: input.prefix,
      created_at: new Date().toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.#db
      .insertInto('api_keys')
      .values({ ...key, key_hash: input.hash })
      .execute();
    return key;
  }


  async listApiKeys(orgId: string, includeRevoked: boolean): Promise<ApiKey[]> {
    let query = this.#db.selectFrom('api_keys').select(API_KEY_COLUMNS).where('org_id', '=', orgId);
    if (!includeRevoked) query = query.where('revoked_at', 'is', null);
    return query.orderBy('created_at', 'desc').orderBy('id').execute();
  }


  async revokeApiKey(orgId: string, id: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('api_keys')
      .set({ revoked_at: new Date().toISOString() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }


  async liveApiKeyIds(ids: readonly string[]): Promise<Set<string>> {
    const live = new Set<string>();
    // Chunked: SQLite binds at most 32766 parameters per statement.
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.#db
        .selectFrom('api_keys')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 1000))
        .where('revoked_at', 'is', null)
        .execute();
      for (const row of rows) live.add(row.id);
    }
    return live;
  }


  async findApiKeyByHash(hash: string): Promise<ApiKey | undefined> {
    return this.#db.selectFrom('api_keys').select(API_KEY_COLUMNS).where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
  }


  async touchApiKey(id: string, at: string): Promise<void> {
    await this.#db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  }


  async createRefreshToken(input: { userId: string; familyId: string; hash: string; expiresAt: string }): Promise<RefreshToken> {
    const token: RefreshToken = { id: randomUUID(), user_id: input.userId, family_id: input.familyId, expires_at: input.expiresAt, used_at: null, revoked_at: null };
    await this.#db
      .insertInto('refresh_tokens')
      .values({ ...token, token_hash: input.hash })
      .execute();
    return token;
  }


  async findRefreshTokenByHash(hash: string): Promise<RefreshToken | undefined> {
    return this.#db.selectFrom('refresh_tokens').select(REFRESH_COLUMNS).where('token_hash', '=', hash).executeTakeFirst();
  }


  async markRefreshTokenUsed(id: string, at: string): Promise<boolean> {
    const result = await this.#db.updateTable('refresh_tokens').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }


  async revokeRefreshFamily(familyId: string, at: string): Promise<void> {
    await this.#db.updateTable('refresh_tokens').set({ revoked_at: at }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
  }
}
