import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { VigilError } from '@vigil/shared';
import type { MetaSchema } from './schema.js';
import { metaMigrations } from './migrations.js';
import type { Agent, AgentHeartbeat, ApiKey, BatchClaim, BatchToClaim, ClaimLease, Database, DatabasePatch, DatabaseSettings, IngestedBatch, MetaStore, Organization, RefreshToken, User } from './meta-store.js';

/** What a dialect folder supplies: its Kysely instance and how its driver reports a unique-key clash. */
export interface MetaDialect {
  readonly db: Kysely<MetaSchema>;
  isUniqueViolation(err: unknown): boolean;
}

/** Slices of at most 500: a statement binding 9 values per row stays below SQLite's 32766 parameters. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const INGESTED_BATCH_COLUMNS = ['batch_id', 'org_id', 'database_id', 'seq', 'rows', 'ingested_at'] as const;
const API_KEY_COLUMNS = ['id', 'org_id', 'name', 'scope', 'prefix', 'created_at', 'last_used_at', 'revoked_at'] as const;
const REFRESH_COLUMNS = ['id', 'user_id', 'family_id', 'expires_at', 'used_at', 'revoked_at'] as const;

type DatabaseRow = Selectable<MetaSchema['databases']>;

/**
 * The one lease rule, shared by batch claims and named leases (both tables have `owner` and
 * `lease_until`): `lease.owner` may take a row whose time lapsed, or that it already holds. Always
 * in a conditional UPDATE, so of several processes finding the same lapsed lease exactly one takes
 * it (PostgreSQL re-checks the condition on the row a concurrent update left; SQLite serializes writers).
 */
function takeable(lease: ClaimLease): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref('lease_until')} <= ${lease.now} or ${sql.ref('owner')} = ${lease.owner})`;
}
type AgentRow = Selectable<MetaSchema['agents']>;

/** A JSON list column; anything unreadable reads as empty rather than failing the whole request. */
function jsonList(text: string | null): string[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** A JSON object column of string values (tags); anything unreadable reads as empty. */
function jsonObject(text: string | null): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

// pg returns integer columns of an ALTER-added `integer` as numbers, but normalize anyway: SQLite may hand back bigints for large values.
function toDatabase(row: DatabaseRow): Database {
  return {
    ...row,
    poll_interval_seconds: row.poll_interval_seconds === null ? null : Number(row.poll_interval_seconds),
    port: row.port === null ? null : Number(row.port),
    collect_explain_plans: Number(row.collect_explain_plans) !== 0,
    collect_replication: Number(row.collect_replication) !== 0,
    disabled_collectors: jsonList(row.disabled_collectors),
    tags: jsonObject(row.tags),
  };
}

function toAgent(row: AgentRow): Agent {
  let heartbeat: AgentHeartbeat | null = null;
  try {
    heartbeat = row.last_heartbeat === null ? null : (JSON.parse(row.last_heartbeat) as AgentHeartbeat);
  } catch {
    heartbeat = null;
  }
  return { ...row, last_heartbeat: heartbeat };
}

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

/** The metadata store over any Kysely dialect; SQL differences stay in the dialect folders. */
export class KyselyMetaStore implements MetaStore {
  readonly #db: Kysely<MetaSchema>;
  readonly #isUniqueViolation: (err: unknown) => boolean;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db;
    this.#isUniqueViolation = dialect.isUniqueViolation;
  }

  async migrate(): Promise<void> {
    const { error, results } = await new Migrator({ db: this.#db, provider: metaMigrations }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`Metadata migration ${failed} failed`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }

  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.#db);
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

  async upsertAgent(input: { orgId: string; hostname: string; agentVersion: string; at: string }): Promise<Agent> {
    await this.#db
      .insertInto('agents')
      .values({ id: randomUUID(), org_id: input.orgId, hostname: input.hostname, agent_version: input.agentVersion, last_seen_at: input.at, created_at: input.at })
      .onConflict((oc) => oc.columns(['org_id', 'hostname']).doUpdateSet({ agent_version: input.agentVersion, last_seen_at: input.at }))
      .execute();
    return toAgent(await this.#db.selectFrom('agents').selectAll().where('org_id', '=', input.orgId).where('hostname', '=', input.hostname).executeTakeFirstOrThrow());
  }

  async getAgent(orgId: string, id: string): Promise<Agent | undefined> {
    const row = await this.#db.selectFrom('agents').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toAgent(row);
  }

  async recordAgentHeartbeat(agentId: string, at: string, heartbeat: AgentHeartbeat): Promise<void> {
    await this.#db
      .updateTable('agents')
      .set({ last_heartbeat_at: at, last_heartbeat: JSON.stringify(heartbeat), agent_version: heartbeat.agent_version, last_seen_at: at })
      .where('id', '=', agentId)
      .execute();
  }

  async upsertDatabase(input: { orgId: string; name: string; engine: Database['engine']; engineVersion: string | null; agentId: string; at: string }): Promise<Database> {
    await this.#db
      .insertInto('databases')
      .values({
        id: randomUUID(),
        org_id: input.orgId,
        name: input.name,
        engine: input.engine,
        engine_version: input.engineVersion,
        agent_id: input.agentId,
        last_seen_at: input.at,
        created_at: input.at,
        updated_at: input.at,
      })
      .onConflict((oc) =>
        oc.columns(['org_id', 'name']).doUpdateSet((eb) => ({
          engine: input.engine,
          // An agent that could not reach its database keeps the last version it did report.
          engine_version: input.engineVersion ?? eb.ref('databases.engine_version'),
          agent_id: input.agentId,
          last_seen_at: input.at,
          updated_at: input.at,
        })),
      )
      .execute();
    return toDatabase(await this.#db.selectFrom('databases').selectAll().where('org_id', '=', input.orgId).where('name', '=', input.name).executeTakeFirstOrThrow());
  }

  async listDatabases(orgId: string): Promise<Database[]> {
    return (await this.#db.selectFrom('databases').selectAll().where('org_id', '=', orgId).orderBy('name').orderBy('id').execute()).map(toDatabase);
  }

  async getDatabase(orgId: string, id: string): Promise<Database | undefined> {
    const row = await this.#db.selectFrom('databases').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toDatabase(row);
  }

  async updateDatabase(orgId: string, id: string, patch: DatabasePatch): Promise<Database | undefined> {
    const set: Partial<DatabaseRow> = { updated_at: new Date().toISOString() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.tags !== undefined) set.tags = JSON.stringify(patch.tags);
    if (patch.host !== undefined) set.host = patch.host;
    if (patch.port !== undefined) set.port = patch.port;
    if (patch.poll_interval_seconds !== undefined) set.poll_interval_seconds = patch.poll_interval_seconds;
    if (patch.collect_explain_plans !== undefined) set.collect_explain_plans = patch.collect_explain_plans ? 1 : 0;
    if (patch.collect_replication !== undefined) set.collect_replication = patch.collect_replication ? 1 : 0;
    if (patch.disabled_collectors !== undefined) set.disabled_collectors = JSON.stringify(patch.disabled_collectors);
    try {
      await this.#db.updateTable('databases').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
    } catch (err) {
      if (this.#isUniqueViolation(err)) throw new VigilError('DATABASE_NAME_TAKEN', `Another database of this organization is named "${patch.name ?? ''}"`);
      throw err;
    }
    return this.getDatabase(orgId, id);
  }

  async getDatabaseSettings(id: string): Promise<DatabaseSettings | undefined> {
    const row = await this.#db
      .selectFrom('databases')
      .select(['poll_interval_seconds', 'collect_explain_plans', 'collect_replication', 'disabled_collectors'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { poll_interval_seconds, collect_explain_plans, collect_replication, disabled_collectors } = toDatabase(row as DatabaseRow);
    return { poll_interval_seconds, collect_explain_plans, collect_replication, disabled_collectors };
  }

  async createDatabase(input: { orgId: string; name: string; engine: Database['engine']; engineVersion: string | null; host: string; port: number; tags: Readonly<Record<string, string>>; at: string }): Promise<Database> {
    const id = randomUUID();
    try {
      await this.#db
        .insertInto('databases')
        .values({
          id,
          org_id: input.orgId,
          name: input.name,
          engine: input.engine,
          engine_version: input.engineVersion,
          // No agent yet: the first agent whose Hello names this database takes it over.
          agent_id: null,
          last_seen_at: null,
          created_at: input.at,
          updated_at: input.at,
          host: input.host,
          port: input.port,
          tags: JSON.stringify(input.tags),
        })
        .execute();
    } catch (err) {
      if (this.#isUniqueViolation(err)) throw new VigilError('DATABASE_NAME_TAKEN', `Another database of this organization is named "${input.name}"`);
      throw err;
    }
    return toDatabase(await this.#db.selectFrom('databases').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }

  async deleteDatabase(orgId: string, id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('databases').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async touchDatabase(id: string, at: string): Promise<void> {
    await this.#db.updateTable('databases').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async getIngestedBatch(batchId: string): Promise<IngestedBatch | undefined> {
    const row = await this.#db
      .selectFrom('ingested_batches')
      .select(INGESTED_BATCH_COLUMNS)
      .where('batch_id', '=', batchId)
      .where('state', '=', 'done')
      .executeTakeFirst();
    return row && { ...row, seq: Number(row.seq) };
  }

  async recordIngestedBatch(batch: IngestedBatch): Promise<boolean> {
    const result = await this.#db
      .insertInto('ingested_batches')
      .values(batch)
      .onConflict((oc) => oc.column('batch_id').doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async claimBatches(batches: readonly BatchToClaim[], lease: ClaimLease): Promise<BatchClaim[]> {
    if (batches.length === 0) return [];
    // Ascending ids: concurrent claims lock rows in one order, so two processes never deadlock.
    const ids = [...new Set(batches.map((b) => b.batch_id))].sort();
    const byId = new Map(batches.map((b) => [b.batch_id, b]));
    const claimed = new Set<string>();
    // One transaction: one commit (one fsync on SQLite) for a whole flush's claims.
    await this.#db.transaction().execute(async (trx) => {
      for (const chunk of chunks(ids)) {
        const inserted = await trx
          .insertInto('ingested_batches')
          .values(
            chunk.map((id) => {
            const b = byId.get(id)!;
              return { batch_id: id, org_id: b.org_id, database_id: b.database_id, seq: b.seq, rows: 0, ingested_at: lease.now, state: 'pending' as const, owner: lease.owner, lease_until: lease.until };
            }),
          )
          .onConflict((oc) => oc.column('batch_id').doNothing())
          .returning('batch_id')
          .execute();
        for (const row of inserted) claimed.add(row.batch_id);
      }
      for (const clashed of chunks(ids.filter((id) => !claimed.has(id)))) {
        // Conditional, so of several processes finding the same lapsed lease only one takes it.
        const taken = await trx
          .updateTable('ingested_batches')
          .set({ owner: lease.owner, lease_until: lease.until, ingested_at: lease.now })
          .where('batch_id', 'in', clashed)
          .where('state', '=', 'pending')
          .where(takeable(lease))
          .returning('batch_id')
          .execute();
        for (const row of taken) claimed.add(row.batch_id);
      }
    });
    const states = new Map<string, { state: string; rows: number }>();
    for (const others of chunks(ids.filter((id) => !claimed.has(id)))) {
      const rows = await this.#db.selectFrom('ingested_batches').select(['batch_id', 'state', 'rows']).where('batch_id', 'in', others).execute();
      for (const row of rows) states.set(row.batch_id, { state: row.state, rows: Number(row.rows) });
    }
    return batches.map((b): BatchClaim => {
      if (claimed.has(b.batch_id)) return { status: 'claimed' };
      const found = states.get(b.batch_id);
      // No row: its owner released it a moment ago; the agent's re-send will claim it.
      return found?.state === 'done' ? { status: 'done', rows: found.rows } : { status: 'busy' };
    });
  }

  async completeBatches(batches: readonly { readonly batchId: string; readonly rows: number }[], owner: string, at: string): Promise<boolean[]> {
    if (batches.length === 0) return [];
    const order = [...batches].sort((x, y) => (x.batchId < y.batchId ? -1 : x.batchId > y.batchId ? 1 : 0));
    const completed = new Set<string>();
    await this.#db.transaction().execute(async (trx) => {
      for (const { batchId, rows } of order) {
        const result = await trx
          .updateTable('ingested_batches')
          .set({ state: 'done', rows, ingested_at: at, lease_until: null })
          .where('batch_id', '=', batchId)
          .where('owner', '=', owner)
          .where('state', '=', 'pending')
          .executeTakeFirst();
        if (result.numUpdatedRows > 0n) completed.add(batchId);
      }
    });
    return batches.map((b) => completed.has(b.batchId));
  }

  async releaseBatches(batchIds: readonly string[], owner: string): Promise<void> {
    for (const chunk of chunks(batchIds)) {
      await this.#db.deleteFrom('ingested_batches').where('batch_id', 'in', chunk).where('owner', '=', owner).where('state', '=', 'pending').execute();
    }
  }

  async tryAcquireLease(name: string, lease: ClaimLease): Promise<boolean> {
    // The batch claims' two steps: a free name is won by the insert (unique, so exactly one
    // process wins), a lapsed or already held lease by the conditional update.
    const inserted = await this.#db
      .insertInto('leases')
      .values({ name, owner: lease.owner, lease_until: lease.until })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
    const taken = await this.#db.updateTable('leases').set({ owner: lease.owner, lease_until: lease.until }).where('name', '=', name).where(takeable(lease)).executeTakeFirst();
    return taken.numUpdatedRows > 0n;
  }

  async renewLease(name: string, lease: ClaimLease): Promise<boolean> {
    // Only the owner matters, as for completeBatches: a lapsed lease nobody took over is still
    // this holder's, and no other process can have started the work meanwhile.
    const renewed = await this.#db.updateTable('leases').set({ lease_until: lease.until }).where('name', '=', name).where('owner', '=', lease.owner).executeTakeFirst();
    return renewed.numUpdatedRows > 0n;
  }

  async releaseLease(name: string, owner: string): Promise<boolean> {
    const released = await this.#db.deleteFrom('leases').where('name', '=', name).where('owner', '=', owner).executeTakeFirst();
    return released.numDeletedRows > 0n;
  }
}
