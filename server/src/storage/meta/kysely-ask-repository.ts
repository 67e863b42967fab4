import { sql, type Kysely } from 'kysely';
import { VigilError } from '@vigil/shared';
import type {
  AskRepository,
  AskSettingsPatch,
  AskSettingsRow,
  CacheEntry,
  ExampleRow,
  ExecutionMode,
  MessagePatch,
  MessageRow,
  MessageStatus,
  NewMessage,
  NewProvider,
  ProviderKind,
  ProviderPatch,
  ProviderRow,
  SessionRow,
} from './ask-repository.js';
import type { MetaDialect } from './meta-dialect.js';
import type { MetaSchema } from './schema.js';

/** 0011's tables, known to this repository only. */
type AskTables = {
  ask_providers: Omit<ProviderRow, 'kind'> & { kind: string };
  ask_settings: Omit<AskSettingsRow, 'execution_mode'> & { execution_mode: string; updated_at: string };
  ask_examples: ExampleRow;
  ask_sessions: SessionRow;
  ask_messages: Omit<MessageRow, 'role' | 'status'> & { role: string; status: string | null };
  ask_cache: CacheEntry & { org_id: string };
};

const DEFAULT_SETTINGS: Omit<AskSettingsRow, 'org_id'> = { execution_mode: 'auto_execute', default_provider_id: null, cache_ttl_s: 3600, max_rows: 1000, semantic_model: '{}', cache_hits: 0, cache_misses: 0 };

// pg returns integer columns of aggregates as strings: numbers at the boundary.
const provider = (row: AskTables['ask_providers']): ProviderRow => ({ ...row, kind: row.kind as ProviderKind, timeout_s: Number(row.timeout_s) });
const message = (row: AskTables['ask_messages']): MessageRow => ({ ...row, seq: Number(row.seq), role: row.role as MessageRow['role'], status: row.status as MessageStatus | null });

/** The ask repository over any Kysely dialect. */
export class KyselyAskRepository implements AskRepository {
  readonly #db: Kysely<MetaSchema & AskTables>;
  readonly #isUniqueViolation: (err: unknown) => boolean;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db.withTables<AskTables>();
    this.#isUniqueViolation = dialect.isUniqueViolation;
  }

  async listProviders(orgId: string): Promise<ProviderRow[]> {
    return (await this.#db.selectFrom('ask_providers').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute()).map(provider);
  }

  async getProvider(orgId: string, id: string): Promise<ProviderRow | undefined> {
    const row = await this.#db.selectFrom('ask_providers').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && provider(row);
  }

  async createProvider(p: NewProvider, at: string): Promise<ProviderRow> {
    try {
      await this.#db.insertInto('ask_providers').values({ ...p, created_at: at, updated_at: at }).execute();
    } catch (err) {
      if (this.#isUniqueViolation(err)) throw nameTaken();
      throw err;
    }
    return (await this.getProvider(p.org_id, p.id))!;
  }

  async updateProvider(orgId: string, id: string, patch: ProviderPatch, at: string): Promise<ProviderRow | undefined> {
    try {
      await this.#db.updateTable('ask_providers').set({ ...patch, updated_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
    } catch (err) {
      if (this.#isUniqueViolation(err)) throw nameTaken();
      throw err;
    }
    return this.getProvider(orgId, id);
  }

  async deleteProvider(orgId: string, id: string): Promise<boolean> {
    return this.#db.transaction().execute(async (tx) => {
      const result = await tx.deleteFrom('ask_providers').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
      await tx.updateTable('ask_settings').set({ default_provider_id: null }).where('org_id', '=', orgId).where('default_provider_id', '=', id).execute();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async getAskSettings(orgId: string): Promise<AskSettingsRow> {
    const row = await this.#db.selectFrom('ask_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
    if (!row) return { org_id: orgId, ...DEFAULT_SETTINGS };
    return {
      org_id: orgId,
      execution_mode: row.execution_mode as ExecutionMode,
      default_provider_id: row.default_provider_id,
      cache_ttl_s: Number(row.cache_ttl_s),
      max_rows: Number(row.max_rows),
      semantic_model: row.semantic_model,
      cache_hits: Number(row.cache_hits),
      cache_misses: Number(row.cache_misses),
    };
  }

  async updateAskSettings(orgId: string, patch: AskSettingsPatch, at: string): Promise<AskSettingsRow> {
    const values = { ...patch, updated_at: at };
    await this.#db
      .insertInto('ask_settings')
      .values({ org_id: orgId, ...DEFAULT_SETTINGS, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    return this.getAskSettings(orgId);
  }

  async listExamples(orgId: string): Promise<ExampleRow[]> {
    return this.#db.selectFrom('ask_examples').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
  }

  async createExample(example: ExampleRow): Promise<ExampleRow> {
    await this.#db.insertInto('ask_examples').values(example).execute();
    return example;
  }

  async deleteExample(orgId: string, id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('ask_examples').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async createSession(session: SessionRow): Promise<SessionRow> {
    await this.#db.insertInto('ask_sessions').values(session).execute();
    return session;
  }

  async getSession(orgId: string, id: string): Promise<SessionRow | undefined> {
    return this.#db.selectFrom('ask_sessions').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  }

  async listSessions(orgId: string, limit: number): Promise<SessionRow[]> {
    return this.#db.selectFrom('ask_sessions').selectAll().where('org_id', '=', orgId).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  async appendMessage(m: NewMessage): Promise<MessageRow> {
    // The next seq inside the insert; two appends racing on one session clash on (session_id, seq) and the loser retries.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#db.transaction().execute(async (tx) => {
          const last = await tx.selectFrom('ask_messages').select((eb) => eb.fn.max('seq').as('seq')).where('session_id', '=', m.session_id).executeTakeFirst();
          const seq = Number(last?.seq ?? 0) + 1;
          await tx.insertInto('ask_messages').values({ ...m, seq, updated_at: m.created_at }).execute();
          await tx.updateTable('ask_sessions').set({ updated_at: m.created_at }).where('id', '=', m.session_id).where('updated_at', '<', m.created_at).execute();
        });
        return (await this.getMessage(m.org_id, m.id))!;
      } catch (err) {
        if (attempt < 5 && this.#isUniqueViolation(err)) continue;
        throw err;
      }
    }
  }

  async updateMessage(orgId: string, id: string, patch: MessagePatch, at: string): Promise<MessageRow | undefined> {
    await this.#db.updateTable('ask_messages').set({ ...patch, updated_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
    return this.getMessage(orgId, id);
  }

  async transitionMessage(orgId: string, id: string, from: MessageStatus, patch: MessagePatch, at: string): Promise<MessageRow | undefined> {
    const result = await this.#db.updateTable('ask_messages').set({ ...patch, updated_at: at }).where('org_id', '=', orgId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? this.getMessage(orgId, id) : undefined;
  }

  async getMessage(orgId: string, id: string): Promise<MessageRow | undefined> {
    const row = await this.#db.selectFrom('ask_messages').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && message(row);
  }

  async listMessages(orgId: string, sessionId: string): Promise<MessageRow[]> {
    return (await this.#db.selectFrom('ask_messages').selectAll().where('org_id', '=', orgId).where('session_id', '=', sessionId).orderBy('seq').execute()).map(message);
  }

  async getCached(orgId: string, key: string, now: string): Promise<CacheEntry | undefined> {
    return this.#db.selectFrom('ask_cache').select(['key', 'question', 'answer', 'created_at', 'expires_at']).where('org_id', '=', orgId).where('key', '=', key).where('expires_at', '>', now).executeTakeFirst();
  }

  async putCached(orgId: string, entry: CacheEntry): Promise<void> {
    const { key: _key, ...rest } = entry;
    await this.#db
      .insertInto('ask_cache')
      .values({ org_id: orgId, ...entry })
      .onConflict((oc) => oc.columns(['org_id', 'key']).doUpdateSet(rest))
      .execute();
    // Expired answers go as new ones arrive: the table never outgrows what the TTL keeps.
    await this.#db.deleteFrom('ask_cache').where('org_id', '=', orgId).where('expires_at', '<=', entry.created_at).execute();
  }

  async countCacheHit(orgId: string, hit: boolean): Promise<void> {
    const column = hit ? 'cache_hits' : 'cache_misses';
    await this.#db
      .insertInto('ask_settings')
      .values({ org_id: orgId, ...DEFAULT_SETTINGS, [column]: 1, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ [column]: sql`ask_settings.${sql.ref(column)} + 1` }))
      .execute();
  }

  async cacheEntries(orgId: string, now: string): Promise<number> {
    const row = await this.#db.selectFrom('ask_cache').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).where('expires_at', '>', now).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async clearCache(orgId: string): Promise<number> {
    return this.#db.transaction().execute(async (tx) => {
      const result = await tx.deleteFrom('ask_cache').where('org_id', '=', orgId).executeTakeFirst();
      await tx.updateTable('ask_settings').set({ cache_hits: 0, cache_misses: 0 }).where('org_id', '=', orgId).execute();
      return Number(result.numDeletedRows);
    });
  }
}

function nameTaken(): VigilError {
  return new VigilError('VALIDATION_FAILED', "Invalid body field 'name': another provider of this organization has that name", { details: { body_field: 'name' } });
}
