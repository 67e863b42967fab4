import type { EngineName } from '@vigil/shared';
import type { AgedInput } from '../../../engines/catalogue/metric-digest.js';
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
  getAgent(orgId: string, id: string): Promise<InputAgent | undefined>;
  /** Many agents of an organization in one query (a tick's chunk); without it, one getAgent each. */
  getAgents?(orgId: string, ids: readonly string[]): Promise<readonly (InputAgent & { readonly id: string })[]>;
}

export interface InputAgent {
  readonly last_seen_at: string | null;
  readonly last_heartbeat: { readonly collectors: readonly { readonly database: string; readonly statuses: readonly string[] }[] } | null;
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

export interface AgentFacts {
  readonly lastSeenMs: number | null;
  readonly statuses: string[];
}

/** The metadata facts of `dbs` (the agent's last seen and its heartbeat's collector statuses), by database id. */
export async function agentFacts(agents: InputAgentSource, dbs: readonly InputDatabase[]): Promise<Map<string, AgentFacts>> {
  const idsOf = new Map<string, Set<string>>();
  for (const d of dbs) if (d.agent_id !== null) (idsOf.get(d.org_id) ?? idsOf.set(d.org_id, new Set()).get(d.org_id)!).add(d.agent_id);
  const byAgent = new Map<string, InputAgent | undefined>();
  await Promise.all(
    [...idsOf].map(async ([orgId, set]) => {
      const ids = [...set];
      if (agents.getAgents) for (const agent of await agents.getAgents(orgId, ids)) byAgent.set(agent.id, agent);
      else for (const [id, agent] of await Promise.all(ids.map(async (id) => [id, await agents.getAgent(orgId, id)] as const))) byAgent.set(id, agent);
    }),
  );
  const out = new Map<string, AgentFacts>();
  for (const db of dbs) {
    const agent = db.agent_id ? byAgent.get(db.agent_id) : undefined;
    // The database's own last_seen_at is stamped by the same batches and pongs; the agent's covers a database that is quiet while its agent is not.
    const seen = [agent?.last_seen_at, db.last_seen_at].map((s) => (s ? Date.parse(s) : NaN)).filter(Number.isFinite);
    const statuses = (agent?.last_heartbeat?.collectors ?? []).filter((c) => c.database === db.name).flatMap((c) => c.statuses);
    out.set(db.id, { lastSeenMs: seen.length > 0 ? Math.max(...seen) : null, statuses: [...new Set(statuses)] });
  }
  return out;
}

/**
 * The input as a read would return it after its windows' readings have left them with no new data
 * (the windows above: counter totals 5 min, query fingerprints 15 min, objects and checkpoints an
 * hour), cumulatively, each from the first millisecond its window no longer reaches back to now_ms.
 * What a digest needs to age a windowed metric without reading again (engines/catalogue/metric-digest.ts).
 */
export function agedInputs(input: MetricInput): AgedInput[] {
  const at = input.now_ms;
  if (input.ch) {
    const ch = input.ch;
    const totals: ClickHouseInput = { ...ch, server_totals: ch.server_totals && { ...ch.server_totals, readings: 0, queries: 0, failed_queries: 0, delayed_inserts: 0, rejected_inserts: 0 } };
    const fingerprints: ClickHouseInput = { ...totals, query_stats: ch.server ? [] : null };
    return [
      { from: at + CLICKHOUSE_COUNTER_WINDOW_MS + 1, input: { ...input, ch: totals } },
      { from: at + QUERY_STATS_WINDOW_MS + 1, input: { ...input, ch: fingerprints } },
    ];
  }
  if (input.pg) return [{ from: at + HOUR_MS + 1, input: { ...input, pg: { ...input.pg, tables: null, invalid_indexes: null, sequences: null, checkpoints: null } } }];
  return [];
}

export function metricInputs(reads: TelemetryReads, agents: InputAgentSource): MetricInputs {
  /** PostgreSQL inputs of `dbs`: their snapshots and object reads over the last hour, one query per kind for all of them. */
  async function postgres(dbs: readonly InputDatabase[], now: number): Promise<Map<string, PostgresInput>> {
    const hour = { since: now - HOUR_MS, until: now + 1 };
    const [snapshots, tablesOf, invalidOf, sequencesOf, checkpointsOf] = await Promise.all([
      reads.snapshots(dbs, PG_KINDS),
      reads.overMany('pg_tables', dbs, hour, { sortBy: 'dead_tuples', limit: DEAD_TUPLE_TABLES }),
      reads.overMany('pg_indexes', dbs, hour, { sortBy: 'size', limit: INVALID_INDEXES, invalid: true }),
      reads.overMany('pg_sequences', dbs, hour, { limit: SEQUENCES }),
      reads.seriesMany('pg_checkpointer', dbs, hour, HOUR_MS),
    ]);
    const out = new Map<string, PostgresInput>();
    for (const db of dbs) {
      const s = snapshots.get(db.id)! as PgSnapshot;
      const tables = tablesOf.get(db.id) ?? [];
      const sequences = sequencesOf.get(db.id) ?? [];
      const checkpoints = checkpointsOf.get(db.id) ?? [];
      // No object reading in the hour: the metrics reading tables are unavailable, not "no dead tuples".
      const hasObjects = tables.length > 0 || sequences.length > 0;
      out.set(db.id, {
        activity: s.pg_activity ? { ...s.pg_activity, sessions_listed: s.pg_activity.sessions.length } : null,
        locks: s.pg_locks,
        database_stats: s.pg_database_stats,
        settings: s.pg_settings,
        tables: hasObjects ? tables : null,
        invalid_indexes: hasObjects ? (invalidOf.get(db.id) ?? []) : null,
        sequences: hasObjects ? sequences : null,
        replication: s.pg_replication,
        checkpoints:
          checkpoints.length > 0
            ? {
                checkpoints_timed: checkpoints.reduce((sum, p) => sum + p.checkpoints_timed, 0),
                checkpoints_requested: checkpoints.reduce((sum, p) => sum + p.checkpoints_requested, 0),
              }
            : null,
      });
    }
    return out;
  }

  /** ClickHouse inputs of `dbs`: their snapshots, counter totals, query fingerprints and fullest partitions, one query per kind for all of them. */
  async function clickhouse(dbs: readonly InputDatabase[], now: number): Promise<Map<string, ClickHouseInput>> {
    const [snapshots, totalsOf, queryStatsOf] = await Promise.all([
      reads.snapshots(dbs, CH_KINDS),
      reads.overMany('clickhouse_server_totals', dbs, { since: now - CLICKHOUSE_COUNTER_WINDOW_MS, until: now + 1 }),
      reads.overMany('clickhouse_queries', dbs, { since: now - QUERY_STATS_WINDOW_MS, until: now + 1 }, { limit: QUERY_FINGERPRINTS, sortBy: 'total_time' }),
    ]);
    const fullest = dbs.flatMap((db) => {
      const parts = (snapshots.get(db.id)! as ChSnapshot).clickhouse_parts;
      const tables = parts ? parts.tables.slice(0, PARTITION_TABLES) : [];
      return parts && tables.length > 0 ? [{ ...db, ts: parts.ts, tables }] : [];
    });
    const partitionsOf = fullest.length > 0 ? await reads.atMany('clickhouse_partitions', fullest, { perTable: PARTITIONS_PER_TABLE }) : new Map<string, never>();
    const out = new Map<string, ClickHouseInput>();
    for (const db of dbs) {
      const s = snapshots.get(db.id)! as ChSnapshot;
      const queryStats = queryStatsOf.get(db.id) ?? [];
      const partitions = partitionsOf.get(db.id);
      const parts = s.clickhouse_parts;
      out.set(db.id, {
        server: s.clickhouse_server,
        server_totals: s.clickhouse_server ? { window_ms: CLICKHOUSE_COUNTER_WINDOW_MS, ...totalsOf.get(db.id)! } : null,
        // 0: the release tells no limit, or the agent predates collecting it (ch.memory_usage_pct says which).
        memory_limit_bytes: s.clickhouse_server && s.clickhouse_server.memory_limit_bytes > 0 ? s.clickhouse_server.memory_limit_bytes : null,
        parts: parts ? { tables: parts.tables.map((t) => ({ ...t, partitions: partitions?.get(partsTableKey(t.database, t.table)) })) } : null,
        detached: s.clickhouse_detached_parts,
        merges: s.clickhouse_merges,
        mutations: s.clickhouse_mutations,
        replicas: s.clickhouse_replicas,
        replication_queue: s.clickhouse_replication_queue,
        disks: s.clickhouse_disks,
        processes: s.clickhouse_processes,
        query_stats: s.clickhouse_server || queryStats.length > 0 ? queryStats : null,
      });
    }
    return out;
  }

  /** Inputs of `dbs`: a dozen queries for all of them (one per kind and engine), whatever their number. */
  async function readMany(dbs: readonly InputDatabase[], now: number): Promise<Map<string, MetricInput>> {
    const pg = dbs.filter((d) => d.engine !== 'clickhouse');
    const ch = dbs.filter((d) => d.engine === 'clickhouse');
    const [facts, pgInputs, chInputs] = await Promise.all([
      agentFacts(agents, dbs),
      pg.length > 0 ? postgres(pg, now) : new Map<string, PostgresInput>(),
      ch.length > 0 ? clickhouse(ch, now) : new Map<string, ClickHouseInput>(),
    ]);
    const out = new Map<string, MetricInput>();
    for (const db of dbs) {
      const f = facts.get(db.id)!;
      const base = { engine: db.engine, now_ms: now, server_version: db.engine_version, agent_last_seen_ms: f.lastSeenMs, collector_statuses: f.statuses };
      out.set(db.id, db.engine === 'clickhouse' ? { ...base, ch: chInputs.get(db.id)! } : { ...base, pg: pgInputs.get(db.id)! });
    }
    return out;
  }

  async function readOne(db: InputDatabase, now: number): Promise<MetricInput> {
    return (await readMany([db], now)).get(db.id)!;
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
    forDatabases(dbs, now = Date.now()) {
      return dbs.length > 0 ? readMany(dbs, now) : Promise.resolve(new Map());
    },
  };
}
