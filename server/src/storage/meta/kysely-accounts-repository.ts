import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { VigilError } from '@vigil/shared';
import type {
  AccountTokenPurpose,
  AccountsRepository,
  ApiKey,
  AuditEntry,
  AuditQuery,
  Invitation,
  Member,
  MemberChange,
  Membership,
  Organization,
  RefreshToken,
  Role,
  Throttle,
  User,
} from './accounts-repository.js';
import type { MetaDialect } from './meta-dialect.js';
import type { MetaSchema } from './schema.js';

const API_KEY_COLUMNS = ['id', 'org_id', 'name', 'scope', 'prefix', 'created_at', 'last_used_at', 'revoked_at'] as const;
const REFRESH_COLUMNS = ['id', 'user_id', 'family_id', 'expires_at', 'used_at', 'revoked_at', 'org_id'] as const;
const INVITATION_COLUMNS = ['id', 'org_id', 'email', 'role', 'invited_by', 'expires_at', 'accepted_at', 'created_at'] as const;

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

function auditOf(row: Selectable<MetaSchema['audit_log']>): AuditEntry {
  return { ...row, actor_type: row.actor_type as AuditEntry['actor_type'], details: JSON.parse(row.details) as Record<string, unknown> };
}

/** Organizations, users and memberships, API keys, tokens, invitations, throttles and the audit log over any Kysely dialect. */
export class KyselyAccountsRepository implements AccountsRepository {
  readonly #db: Kysely<MetaSchema>;
  readonly #isUniqueViolation: (err: unknown) => boolean;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db;
    this.#isUniqueViolation = dialect.isUniqueViolation;
  }

  async createOrganizationWithUser(input: { orgName: string; email: string; name: string; passwordHash: string; verified?: boolean }): Promise<{ org: Organization; user: User }> {
    const now = new Date().toISOString();
    const verifiedAt = input.verified ? now : null;
    const org: Organization = { id: randomUUID(), name: input.orgName, slug: slugify(input.orgName), plan: 'free', created_at: now, verified_at: verifiedAt };
    const user: User = { id: randomUUID(), org_id: org.id, email: input.email, name: input.name, password_hash: input.passwordHash, created_at: now, email_verified_at: verifiedAt, token_version: 0 };
    await this.#uniqueEmail(async (trx) => {
      await trx.insertInto('organizations').values(org).execute();
      await trx.insertInto('users').values(user).execute();
      await trx.insertInto('memberships').values({ org_id: org.id, user_id: user.id, role: 'owner', created_at: now }).execute();
    });
    return { org, user };
  }

  async createUserInOrganization(input: { orgId: string; email: string; name: string; passwordHash: string; role: Role; emailVerified: boolean }): Promise<User> {
    const now = new Date().toISOString();
    const user: User = { id: randomUUID(), org_id: input.orgId, email: input.email, name: input.name, password_hash: input.passwordHash, created_at: now, email_verified_at: input.emailVerified ? now : null, token_version: 0 };
    await this.#uniqueEmail(async (trx) => {
      await trx.insertInto('users').values(user).execute();
      await trx.insertInto('memberships').values({ org_id: input.orgId, user_id: user.id, role: input.role, created_at: now }).execute();
    });
    return user;
  }

  /** Runs `work` in a transaction, turning a clash on users.email into AUTH_EMAIL_TAKEN. */
  async #uniqueEmail(work: (trx: Transaction<MetaSchema>) => Promise<void>): Promise<void> {
    try {
      await this.#db.transaction().execute(work);
    } catch (err) {
      if (this.#isUniqueViolation(err)) throw new VigilError('AUTH_EMAIL_TAKEN');
      throw err;
    }
  }

  async hasUsers(): Promise<boolean> {
    return (await this.#db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
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


  async createRefreshToken(input: { userId: string; orgId?: string; familyId: string; hash: string; expiresAt: string }): Promise<RefreshToken> {
    const token: RefreshToken = { id: randomUUID(), user_id: input.userId, family_id: input.familyId, expires_at: input.expiresAt, used_at: null, revoked_at: null, org_id: input.orgId ?? null };
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

  async markEmailVerified(userId: string, at: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ email_verified_at: at }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
      const owned = trx.selectFrom('memberships').select('org_id').where('user_id', '=', userId).where('role', '=', 'owner');
      await trx.updateTable('organizations').set({ verified_at: at }).where('id', 'in', owned).where('verified_at', 'is', null).execute();
    });
  }

  async setPassword(userId: string, passwordHash: string, at: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set((eb) => ({ password_hash: passwordHash, token_version: eb('token_version', '+', 1) }))
        .where('id', '=', userId)
        .execute();
      await trx.updateTable('refresh_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    });
  }

  async getMembership(orgId: string, userId: string): Promise<Membership | undefined> {
    const row = await this.#db.selectFrom('memberships').selectAll().where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
    return row && { ...row, role: row.role as Role };
  }

  async getAccess(orgId: string, userId: string): Promise<{ role: Role; token_version: number } | undefined> {
    const row = await this.#db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.role', 'users.token_version'])
      .where('memberships.org_id', '=', orgId)
      .where('memberships.user_id', '=', userId)
      .executeTakeFirst();
    return row && { role: row.role as Role, token_version: Number(row.token_version) };
  }

  async listMemberships(userId: string): Promise<Array<{ org: Organization; role: Role; joined_at: string }>> {
    const rows = await this.#db
      .selectFrom('memberships')
      .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
      .selectAll('organizations')
      .select(['memberships.role', 'memberships.created_at as joined_at'])
      .where('memberships.user_id', '=', userId)
      .orderBy('memberships.created_at')
      .orderBy('organizations.id')
      .execute();
    return rows.map(({ role, joined_at, ...org }) => ({ org, role: role as Role, joined_at }));
  }

  async listMembers(orgId: string): Promise<Member[]> {
    const rows = await this.#db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.created_at as joined_at'])
      .where('memberships.org_id', '=', orgId)
      .orderBy('memberships.created_at')
      .orderBy('users.id')
      .execute();
    return rows.map((row) => ({ ...row, role: row.role as Role }));
  }

  async addMembership(orgId: string, userId: string, role: Role, at: string): Promise<boolean> {
    const result = await this.#db
      .insertInto('memberships')
      .values({ org_id: orgId, user_id: userId, role, created_at: at })
      .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async changeMemberRole(orgId: string, userId: string, role: Role): Promise<MemberChange> {
    return this.#ownersLocked(orgId, userId, role === 'owner', async (trx) => {
      await trx.updateTable('memberships').set({ role }).where('org_id', '=', orgId).where('user_id', '=', userId).execute();
    });
  }

  async removeMember(orgId: string, userId: string, at: string): Promise<MemberChange> {
    return this.#ownersLocked(orgId, userId, false, async (trx) => {
      await trx.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
      // Their sessions in this organization end; tokens from before 0008 carry no organization and are theirs in their default one.
      await trx
        .updateTable('refresh_tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('org_id', '=', orgId), eb.and([eb('org_id', 'is', null), eb.exists(eb.selectFrom('users').select('id').where('id', '=', userId).where('org_id', '=', orgId))])]))
        .execute();
    });
  }

  /**
   * Changes one membership unless that leaves the organization without an owner. The organization's
   * row is written first, so two changes to one organization run one after the other (PostgreSQL
   * locks the row; SQLite has one writer), and two owners demoting each other cannot both succeed.
   */
  async #ownersLocked(orgId: string, userId: string, staysOwner: boolean, change: (trx: Transaction<MetaSchema>) => Promise<void>): Promise<MemberChange> {
    return this.#db.transaction().execute(async (trx) => {
      await trx.updateTable('organizations').set((eb) => ({ plan: eb.ref('plan') })).where('id', '=', orgId).execute();
      const member = await trx.selectFrom('memberships').select('role').where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
      if (!member) return 'not_found';
      if (member.role === 'owner' && !staysOwner) {
        const owners = await trx.selectFrom('memberships').select((eb) => eb.fn.countAll<string | number>().as('n')).where('org_id', '=', orgId).where('role', '=', 'owner').executeTakeFirstOrThrow();
        if (Number(owners.n) <= 1) return 'last_owner';
      }
      await change(trx);
      return 'ok';
    });
  }

  async createAccountToken(input: { userId: string; purpose: AccountTokenPurpose; hash: string; expiresAt: string }): Promise<void> {
    await this.#db
      .insertInto('account_tokens')
      .values({ id: randomUUID(), user_id: input.userId, purpose: input.purpose, token_hash: input.hash, expires_at: input.expiresAt, used_at: null, created_at: new Date().toISOString() })
      .execute();
  }

  async consumeAccountToken(purpose: AccountTokenPurpose, hash: string, at: string): Promise<string | undefined> {
    const row = await this.#db
      .updateTable('account_tokens')
      .set({ used_at: at })
      .where('token_hash', '=', hash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning('user_id')
      .executeTakeFirst();
    return row?.user_id;
  }

  async createInvitation(input: { orgId: string; email: string; role: Role; hash: string; invitedBy: string | null; expiresAt: string }): Promise<Invitation> {
    const invitation: Invitation = {
      id: randomUUID(),
      org_id: input.orgId,
      email: input.email,
      role: input.role,
      invited_by: input.invitedBy,
      expires_at: input.expiresAt,
      accepted_at: null,
      created_at: new Date().toISOString(),
    };
    await this.#db
      .insertInto('invitations')
      .values({ ...invitation, token_hash: input.hash })
      .execute();
    return invitation;
  }

  async findInvitationByHash(hash: string): Promise<Invitation | undefined> {
    const row = await this.#db.selectFrom('invitations').select(INVITATION_COLUMNS).where('token_hash', '=', hash).executeTakeFirst();
    return row && { ...row, role: row.role as Role };
  }

  async markInvitationAccepted(id: string, at: string): Promise<boolean> {
    const result = await this.#db.updateTable('invitations').set({ accepted_at: at }).where('id', '=', id).where('accepted_at', 'is', null).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async listPendingInvitations(orgId: string, now: string): Promise<Invitation[]> {
    const rows = await this.#db
      .selectFrom('invitations')
      .select(INVITATION_COLUMNS)
      .where('org_id', '=', orgId)
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((row) => ({ ...row, role: row.role as Role }));
  }

  async revokeInvitation(orgId: string, id: string): Promise<Invitation | undefined> {
    const row = await this.#db.deleteFrom('invitations').where('org_id', '=', orgId).where('id', '=', id).where('accepted_at', 'is', null).returning(INVITATION_COLUMNS).executeTakeFirst();
    return row && { ...row, role: row.role as Role };
  }

  async getThrottles(keys: readonly string[]): Promise<Throttle[]> {
    if (keys.length === 0) return [];
    return this.#db.selectFrom('auth_throttles').selectAll().where('key', 'in', keys).execute();
  }

  async putThrottle(throttle: Throttle): Promise<void> {
    const { key, ...rest } = throttle;
    await this.#db
      .insertInto('auth_throttles')
      .values(throttle)
      .onConflict((oc) => oc.column('key').doUpdateSet(rest))
      .execute();
  }

  async clearThrottle(key: string): Promise<void> {
    await this.#db.deleteFrom('auth_throttles').where('key', '=', key).execute();
  }

  async recordAudit(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.#db
      .insertInto('audit_log')
      .values({ ...entry, id: randomUUID(), details: JSON.stringify(entry.details) })
      .execute();
  }

  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    let select = this.#db.selectFrom('audit_log').selectAll().where('org_id', '=', query.orgId).where('at', '>=', query.since);
    if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
    if (query.action !== undefined) select = select.where('action', '=', query.action);
    const before = query.before;
    if (before) select = select.where((eb) => eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]));
    const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(auditOf);
  }

  async pruneAccounts(input: { auditBefore: string; staleBefore: string }): Promise<number> {
    const result = await this.#db.deleteFrom('audit_log').where('at', '<', input.auditBefore).executeTakeFirst();
    await this.#db.deleteFrom('auth_throttles').where('last_failure_at', '<', input.staleBefore).execute();
    await this.#db.deleteFrom('account_tokens').where('expires_at', '<', input.staleBefore).execute();
    await this.#db.deleteFrom('invitations').where('expires_at', '<', input.staleBefore).execute();
    return Number(result.numDeletedRows);
  }
}
