import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { DatabaseConfig } from '../config/agent-config.js';
import { describeError } from '../logging/describe-error.js';
import type { ClickHouseQueryClient } from '../collectors/clickhouse/clickhouse-query-client.js';
import { withClickHouse } from './clickhouse-connection.js';
import { DatabaseArgs, configuredDatabase, parseArgs, type CommandContext } from './command-context.js';
import { connectPostgres } from './postgres-connection.js';

const PG_CHECK_SQL = `${AGENT_QUERY_MARKER}
SELECT current_setting('server_version') AS server_version,
       EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS pg_stat_statements,
       pg_is_in_recovery() AS in_recovery`;

// Lags are measured from what this server has: its WAL end on a primary, what it received on a (cascading) standby.
const PG_LSN = `CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) ELSE pg_current_wal_lsn() END`;

const PG_REPLICAS_SQL = `${AGENT_QUERY_MARKER}
SELECT application_name, host(client_addr) AS client_addr, state, sync_state,
       pg_wal_lsn_diff(${PG_LSN}, replay_lsn)::float8 AS replay_lag_bytes,
       (extract(epoch FROM replay_lag) * 1000)::float8 AS replay_lag_ms
  FROM pg_stat_replication
 ORDER BY application_name, pid`;

const PG_SLOTS_SQL = `${AGENT_QUERY_MARKER}
SELECT slot_name, slot_type, database, active, pg_wal_lsn_diff(${PG_LSN}, restart_lsn)::float8 AS retained_bytes
  FROM pg_replication_slots
 ORDER BY slot_name`;

const CH_CLUSTERS_SQL = `${AGENT_QUERY_MARKER}
SELECT cluster, shard_num, replica_num, host_name, port, is_local
  FROM system.clusters
 ORDER BY cluster, shard_num, replica_num`;

// system.zookeeper_connection (23.x on) names the Keeper/ZooKeeper node each server session is on.
const CH_SYSTEM_TABLES_SQL = `${AGENT_QUERY_MARKER}
SELECT name FROM system.tables WHERE database = 'system' AND name IN ('zookeeper', 'zookeeper_connection')`;
const CH_KEEPER_CONNECTION_SQL = `${AGENT_QUERY_MARKER}
SELECT name, host, port, index FROM system.zookeeper_connection`;
// Reading the root proves the session works; system.zookeeper needs a path and fails when none is configured.
const CH_KEEPER_ROOT_SQL = `${AGENT_QUERY_MARKER}
SELECT name FROM system.zookeeper WHERE path = '/' ORDER BY name`;

/** A standby streaming from this PostgreSQL server (pg_stat_replication). */
export interface PgReplica {
  readonly application_name: string;
  readonly client_addr: string | null;
  readonly state: string | null;
  readonly sync_state: string | null;
  readonly replay_lag_bytes: number | null;
  readonly replay_lag_ms: number | null;
}

/** A replication slot on this PostgreSQL server (pg_replication_slots). */
export interface PgSlot {
  readonly slot_name: string;
  readonly slot_type: string;
  readonly database: string | null;
  readonly active: boolean;
  /** WAL the slot holds back from removal. */
  readonly retained_bytes: number | null;
}

/** One replica of a cluster this ClickHouse server knows (system.clusters). */
export interface ChClusterReplica {
  readonly cluster: string;
  readonly shard_num: number;
  readonly replica_num: number;
  readonly host_name: string;
  readonly port: number;
  readonly is_local: boolean;
}

/** The Keeper/ZooKeeper this ClickHouse server uses, as far as its release tells. */
export interface ChKeeper {
  /** Whether the server has a Keeper/ZooKeeper configured. */
  readonly configured: boolean;
  /** The nodes its sessions are connected to (system.zookeeper_connection, 23.x on; empty before). */
  readonly nodes: ReadonlyArray<{ readonly name: string; readonly host: string; readonly port: number; readonly index: number }>;
  /** Children of the root znode, read through system.zookeeper: the session works. Null when that read failed or is not possible. */
  readonly root_children: readonly string[] | null;
  /** Why reading it failed, in the server's words. */
  readonly error: string | null;
}

export interface ConnectionTest {
  readonly database: string;
  readonly engine: DatabaseConfig['engine'];
  readonly reachable: boolean;
  readonly server_version: string | null;
  /** Connect plus one query, in milliseconds. */
  readonly latency_ms: number;
  /** Why it is unreachable, in plain language (never a password). */
  readonly error: string | null;
  /** PostgreSQL only: whether the extension the statements collector reads is installed. */
  readonly pg_stat_statements?: boolean;
  /** PostgreSQL only: a standby (in recovery) or a primary. */
  readonly in_recovery?: boolean;
  /** PostgreSQL only: standbys streaming from it and its replication slots. */
  readonly replicas?: readonly PgReplica[];
  readonly replication_slots?: readonly PgSlot[];
  /** ClickHouse only: the clusters it knows (remote_servers) and its Keeper/ZooKeeper. */
  readonly clusters?: readonly ChClusterReplica[];
  readonly keeper?: ChKeeper;
}

/**
 * `test_connection`: connects to one database afresh, as the collectors would, and reports what
 * happened. An unreachable database is an answer, not a failed command.
 */
export async function testConnectionCommand(args: unknown, ctx: CommandContext): Promise<ConnectionTest> {
  const database = configuredDatabase(ctx, parseArgs(DatabaseArgs, args).database);
  const started = performance.now();
  const base = { database: database.name, engine: database.engine };
  try {
    const found = database.engine === 'postgres' ? await testPostgres(database, ctx.timeoutMs) : await withClickHouse(database, ctx.timeoutMs, ctx.signal, (client, version) => clickHouseTopology(client, version, ctx.signal));
    return { ...base, reachable: true, latency_ms: Math.round(performance.now() - started), error: null, ...found };
  } catch (err) {
    // describeError names host and port at most; the dispatcher redacts configured secrets from the whole result too.
    return { ...base, reachable: false, server_version: null, latency_ms: Math.round(performance.now() - started), error: describeError(err) };
  }
}

async function testPostgres(database: DatabaseConfig, timeoutMs: number): Promise<Pick<ConnectionTest, 'server_version' | 'pg_stat_statements' | 'in_recovery' | 'replicas' | 'replication_slots'>> {
  const client = await connectPostgres(database.url, timeoutMs);
  try {
    const row = (await client.query(PG_CHECK_SQL)).rows[0] as { server_version: string; pg_stat_statements: boolean; in_recovery: boolean };
    const replicas = (await client.query(PG_REPLICAS_SQL)).rows as PgReplica[];
    const slots = (await client.query(PG_SLOTS_SQL)).rows as PgSlot[];
    return { server_version: row.server_version, pg_stat_statements: row.pg_stat_statements, in_recovery: row.in_recovery, replicas, replication_slots: slots };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function clickHouseTopology(client: ClickHouseQueryClient, version: string, signal: AbortSignal): Promise<Pick<ConnectionTest, 'server_version' | 'clusters' | 'keeper'>> {
  const clusters = (await client.query(CH_CLUSTERS_SQL, { signal })).map((r) => ({
    cluster: String(r.cluster),
    shard_num: Number(r.shard_num),
    replica_num: Number(r.replica_num),
    host_name: String(r.host_name),
    port: Number(r.port),
    is_local: Number(r.is_local) === 1,
  }));
  const tables = new Set((await client.query(CH_SYSTEM_TABLES_SQL, { signal })).map((r) => String(r.name)));
  const nodes = tables.has('zookeeper_connection')
    ? (await client.query(CH_KEEPER_CONNECTION_SQL, { signal })).map((r) => ({ name: String(r.name), host: String(r.host), port: Number(r.port), index: Number(r.index) }))
    : [];
  let keeper: ChKeeper;
  if (!tables.has('zookeeper')) {
    // Releases before 20.x attach system.zookeeper only when a ZooKeeper is configured.
    keeper = { configured: nodes.length > 0, nodes, root_children: null, error: null };
  } else {
    try {
      const root = (await client.query(CH_KEEPER_ROOT_SQL, { signal })).map((r) => String(r.name));
      keeper = { configured: true, nodes, root_children: root, error: null };
    } catch (err) {
      const error = describeError(err);
      // "No ZooKeeper"/"There is no zookeeper configuration": nothing to reach, not a failure.
      keeper = /no zookeeper|zookeeper is not configured|no keeper/i.test(error) && nodes.length === 0 ? { configured: false, nodes, root_children: null, error: null } : { configured: true, nodes, root_children: null, error };
    }
  }
  return { server_version: version, clusters, keeper };
}
