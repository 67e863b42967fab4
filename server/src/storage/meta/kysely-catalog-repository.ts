import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { VigilError } from '@vigil/shared';
import type { Agent, AgentHeartbeat, CatalogRepository, Database, DatabasePatch, DatabaseSettings } from './catalog-repository.js';
import type { MetaDialect } from './meta-dialect.js';
import type { MetaSchema } from './schema.js';

type DatabaseRow = Selectable<MetaSchema['databases']>;
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

/** Agents and databases over any Kysely dialect. */
export class KyselyCatalogRepository implements CatalogRepository {
  readonly #db: Kysely<MetaSchema>;
  readonly #isUniqueViolation: (err: unknown) => boolean;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db;
    this.#isUniqueViolation = dialect.isUniqueViolation;
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

  async getAgents(orgId: string, ids: readonly string[]): Promise<Agent[]> {
    const out: Agent[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.#db.selectFrom('agents').selectAll().where('org_id', '=', orgId).where('id', 'in', ids.slice(i, i + 1000)).execute();
      out.push(...rows.map(toAgent));
    }
    return out;
  }


  async recordAgentHeartbeat(agentId: string, at: string, heartbeat: AgentHeartbeat): Promise<void> {
    await this.#db
      .updateTable('agents')
      .set({ last_heartbeat_at: at, last_heartbeat: JSON.stringify(heartbeat), agent_version: heartbeat.agent_version, last_seen_at: at })
      .where('id', '=', agentId)
      .execute();
  }


  async upsertDatabase(input: { orgId: string; name: string; engine: Database['engine']; engineVersion: string | null; agentId: string; at: string; host?: string | null; port?: number | null }): Promise<Database> {
    await this.#db
      .insertInto('databases')
      .values({
        id: randomUUID(),
        org_id: input.orgId,
        name: input.name,
        engine: input.engine,
        engine_version: input.engineVersion,
        host: input.host ?? null,
        port: input.port ?? null,
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
          // The agent's address is the current one; an older agent that sends none keeps what is known.
          host: input.host ?? eb.ref('databases.host'),
          port: input.port ?? eb.ref('databases.port'),
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
}
