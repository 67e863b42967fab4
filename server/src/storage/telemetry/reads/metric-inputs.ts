import type { EngineName } from '@vigil/shared';
import type { ClickHouseInput, MetricInput, PostgresInput } from '../../../engines/catalogue/metric-input.js';
import { partsTableKey } from './read-shapes.js';
import type { DatabaseKey, LatestKind, Snapshot, TelemetryReads } from './telemetry-reads.js';

/**
 * The one place a MetricInput is filled (issue 11): the catalogue's typed input for a database,
 * from the read layer's snapshots plus metadata (agent last seen, server version, the heartbeat's
 * collector statuses). The health score, the doctor and the alert rules all evaluate what this
 * returns, so they read the same figures; none of them calls storage or an HTTP handler.
 */

/** A database as the assembler needs it: a metadata `Database` row is one. */
export interface InputDatabase extends DatabaseKey {
  readonly name: string;
  readonly engine: EngineName;
  readonly engine_version: string | null;
  readonly agent_id: string | null;
  /** When anything of the database last arrived (metadata), ISO 8601. */
  readonly last_seen_at: string | null;
}

/** The metadata behind the non-telemetry fields: the agent serving a database and its latest heartbeat. */
export interface InputAgentSource {
  getAgent(
    orgId: string,
    id: string,
  ): Promise<
    | {
        readonly last_seen_at: string | null;
        readonly last_heartbeat: { readonly collectors: readonly { readonly database: string; readonly statuses: readonly string[] }[] } | null;
      }
    | undefined
  >;
}

const HOUR_MS = 3600_000;
/** The window ClickHouse counter deltas are summed over (delayed/rejected inserts, failed queries a minute). */
export const CLICKHOUSE_COUNTER_WINDOW_MS = 5 * 60_000;
/** The window the calls-weighted p99 reads fingerprints over. */
const QUERY_STATS_WINDOW_MS = 15 * 60_000;
/** The tables with the most dead tuples read for the dead-tuple ratio (see PostgresInput.tables). */
const DEAD_TUPLE_TABLES = 200;
const INVALID_INDEXES = 200;
const SEQUENCES = 50;
const QUERY_FINGERPRINTS = 200;
/** Partitions named per table for the fullest tables (ch.max_parts_per_partition's objects). */
const PARTITION_TABLES = 10;
const PARTITIONS_PER_TABLE = 3;

const PG_KINDS = ['pg_activity', 'pg_locks', 'pg_database_stats', 'pg_settings', 'pg_replication'] as const satisfies readonly LatestKind[];
const CH_KINDS = [
  'clickhouse_server',
  'clickhouse_parts',
  'clickhouse_detached_parts',
  'clickhouse_merges',
  'clickhouse_mutations',
  'clickhouse_replicas',
  'clickhouse_replication_queue',
  'clickhouse_disks',
  'clickhouse_processes',
] as const satisfies readonly LatestKind[];

type PgSnapshot = Snapshot<(typeof PG_KINDS)[number]>;
type ChSnapshot = Snapshot<(typeof CH_KINDS)[number]>;

/** Builds MetricInputs over a read seam and the agents' metadata. */
export interface MetricInputs {
  /** The input of one database at `now`. */
  forDatabase(db: InputDatabase, now?: number): Promise<MetricInput>;
  /** Inputs of many databases (an evaluation tick): latest snapshots read per kind for all at once, by database id. */
  forDatabases(dbs: readonly InputDatabase[], now?: number): Promise<Map<string, MetricInput>>;
}

export function metricInputs(reads: TelemetryReads, agents: InputAgentSource): MetricInputs {
  async function agentFacts(dbs: readonly InputDatabase[]): Promise<Map<string, { lastSeenMs: number | null; statuses: string[] }>> {
    const agentIds = [...new Set(dbs.map((d) => d.agent_id).filter((id): id is string => id !== null))];
    const byAgent = new Map(await Promise.all(agentIds.map(async (id) => [id, await agents.getAgent(dbs.find((d) => d.agent_id === id)!.org_id, id)] as const)));
    const out = new Map<string, { lastSeenMs: number | null; statuses: string[] }>();
    for (const db of dbs) {
      const agent = db.agent_id ? byAgent.get(db.agent_id) : undefined;
      // The database's own last_seen_at is stamped by the same batches and pongs; the agent's covers a database that is quiet while its agent is not.
      const seen = [agent?.last_seen_at, db.last_seen_at].map((s) => (s ? Date.parse(s) : NaN)).filter(Number.isFinite);
      const statuses = (agent?.last_heartbeat?.collectors ?? []).filter((c) => c.database === db.name).flatMap((c) => c.statuses);
      out.set(db.id, { lastSeenMs: seen.length > 0 ? Math.max(...seen) : null, statuses: [...new Set(statuses)] });
    }
    return out;
  }

  async function postgres(db: InputDatabase, s: PgSnapshot, now: number): Promise<PostgresInput> {
    const hour = { since: now - HOUR_MS, until: now + 1 };
    const [tables, invalid, sequences, checkpoints] = await Promise.all([
      reads.over('pg_tables', db, hour, { sortBy: 'dead_tuples', limit: DEAD_TUPLE_TABLES }),
      reads.over('pg_indexes', db, hour, { sortBy: 'size', limit: INVALID_INDEXES, invalid: true }),
      reads.over('pg_sequences', db, hour, { limit: SEQUENCES }),
      reads.series('pg_checkpointer', db, hour, HOUR_MS),
    ]);
    // No object reading in the hour: the metrics reading tables are unavailable, not "no dead tuples".
    const hasObjects = tables.length > 0 || sequences.length > 0;
    return {
      activity: s.pg_activity ? { ...s.pg_activity, sessions_listed: s.pg_activity.sessions.length } : null,
      locks: s.pg_locks,
      database_stats: s.pg_database_stats,
      settings: s.pg_settings,
      tables: hasObjects ? tables : null,
      invalid_indexes: hasObjects ? invalid : null,
      sequences: hasObjects ? sequences : null,
      replication: s.pg_replication,
      checkpoints:
        checkpoints.length > 0
          ? {
              checkpoints_timed: checkpoints.reduce((sum, p) => sum + p.checkpoints_timed, 0),
              checkpoints_requested: checkpoints.reduce((sum, p) => sum + p.checkpoints_requested, 0),
            }
          : null,
    };
  }

  async function clickhouse(db: InputDatabase, s: ChSnapshot, now: number): Promise<ClickHouseInput> {
    const fullest = s.clickhouse_parts ? s.clickhouse_parts.tables.slice(0, PARTITION_TABLES) : [];
    const [totals, queryStats, partitions] = await Promise.all([
      reads.over('clickhouse_server_totals', db, { since: now - CLICKHOUSE_COUNTER_WINDOW_MS, until: now + 1 }),
      reads.over('clickhouse_queries', db, { since: now - QUERY_STATS_WINDOW_MS, until: now + 1 }, { limit: QUERY_FINGERPRINTS, sortBy: 'total_time' }),
      s.clickhouse_parts && fullest.length > 0
        ? reads.at('clickhouse_partitions', db, s.clickhouse_parts.ts, { tables: fullest, perTable: PARTITIONS_PER_TABLE })
        : Promise.resolve(new Map<string, never[]>()),
    ]);
    const parts = s.clickhouse_parts;
    return {
      server: s.clickhouse_server,
      server_totals: s.clickhouse_server ? { window_ms: CLICKHOUSE_COUNTER_WINDOW_MS, ...totals } : null,
      // 0: the release tells no limit, or the agent predates collecting it (ch.memory_usage_pct says which).
      memory_limit_bytes: s.clickhouse_server && s.clickhouse_server.memory_limit_bytes > 0 ? s.clickhouse_server.memory_limit_bytes : null,
      parts: parts ? { tables: parts.tables.map((t) => ({ ...t, partitions: partitions.get(partsTableKey(t.database, t.table)) })) } : null,
      detached: s.clickhouse_detached_parts,
      merges: s.clickhouse_merges,
      mutations: s.clickhouse_mutations,
      replicas: s.clickhouse_replicas,
      replication_queue: s.clickhouse_replication_queue,
      disks: s.clickhouse_disks,
      processes: s.clickhouse_processes,
      query_stats: s.clickhouse_server || queryStats.length > 0 ? queryStats : null,
    };
  }

  async function assemble(db: InputDatabase, snapshot: PgSnapshot | ChSnapshot, facts: { lastSeenMs: number | null; statuses: string[] }, now: number): Promise<MetricInput> {
    const base = { engine: db.engine, now_ms: now, server_version: db.engine_version, agent_last_seen_ms: facts.lastSeenMs, collector_statuses: facts.statuses };
    return db.engine === 'clickhouse' ? { ...base, ch: await clickhouse(db, snapshot as ChSnapshot, now) } : { ...base, pg: await postgres(db, snapshot as PgSnapshot, now) };
  }

  const kindsOf = (engine: EngineName): readonly LatestKind[] => (engine === 'clickhouse' ? CH_KINDS : PG_KINDS);

  async function readOne(db: InputDatabase, now: number): Promise<MetricInput> {
    const [snapshot, facts] = await Promise.all([reads.snapshot(db, kindsOf(db.engine)), agentFacts([db])]);
    return assemble(db, snapshot as PgSnapshot | ChSnapshot, facts.get(db.id)!, now);
  }

  // The health evaluator and the alert job both react to the same stored batch: a caller arriving
  // while a database's input is being read shares that read instead of running every query again.
  const reading = new Map<string, Promise<MetricInput>>();

  return {
    forDatabase(db, now = Date.now()) {
      const inFlight = reading.get(db.id);
      if (inFlight) return inFlight;
      const read = readOne(db, now).finally(() => reading.delete(db.id));
      reading.set(db.id, read);
      return read;
    },
    async forDatabases(dbs, now = Date.now()) {
      const out = new Map<string, MetricInput>();
      const facts = await agentFacts(dbs);
      for (const engine of ['postgres', 'clickhouse'] as const) {
        const group = dbs.filter((d) => d.engine === engine);
        if (group.length === 0) continue;
        const snapshots = await reads.snapshots(group, kindsOf(engine));
        const inputs = await Promise.all(group.map((db) => assemble(db, snapshots.get(db.id) as PgSnapshot | ChSnapshot, facts.get(db.id)!, now)));
        group.forEach((db, i) => out.set(db.id, inputs[i]!));
      }
      return out;
    },
  };
}
