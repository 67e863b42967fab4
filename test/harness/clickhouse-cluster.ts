/**
 * A two-replica ClickHouse cluster for the replication suites: one standalone ZooKeeper
 * (zookeeper.ts) and two harness ClickHouse servers (clickhouse.ts) on loopback ports, one shard
 * with replicas `r1` and `r2` in the cluster `vigil_cluster`, with the `{shard}` and `{replica}`
 * macros set so `ReplicatedMergeTree('/clickhouse/tables/{shard}/x', '{replica}')` and `ON CLUSTER`
 * DDL work. Started lazily by the first suite that calls useClickHouseCluster(), once per run.
 */
import { startClickHouse, type ChInstance } from './clickhouse.js';
import { sharedService } from './shared-service.js';
import { startZooKeeper, ZooKeeperUnavailableError, type ZkInstance } from './zookeeper.js';
import { freePort } from '../helpers/free-port.js';

export const CLUSTER_NAME = 'vigil_cluster';

export interface ChCluster {
  readonly zookeeper: ZkInstance;
  /** Replica `r1` and replica `r2` of shard `01`. */
  readonly replicas: readonly [ChInstance, ChInstance];
  readonly name: typeof CLUSTER_NAME;
  /**
   * A loopback port nothing listens on, listed as the servers' second ZooKeeper node: the
   * keeper-nodes panel must show it unreachable while the first one answers.
   */
  readonly deadKeeperPort: number;
  stop(): Promise<void>;
}

const SETUP_TIMEOUT_MS = 300_000;

/** Starts ZooKeeper, then both replicas (in parallel), each knowing the other's ports. */
export async function startClickHouseCluster(): Promise<ChCluster> {
  const zookeeper = await startZooKeeper();
  try {
    const deadKeeperPort = await freePort();
    const ports = [
      { http: await freePort(), tcp: await freePort(), interserver: await freePort() },
      { http: await freePort(), tcp: await freePort(), interserver: await freePort() },
    ];
    const started = await Promise.allSettled(ports.map((p, i) => startClickHouse({ ports: p, extraConfig: clusterConfig(zookeeper.port, deadKeeperPort, ports.map((q) => q.tcp), `r${i + 1}`) })));
    const replicas = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await Promise.all(replicas.map((r) => r.stop()));
      throw failed.reason;
    }
    const pair = [replicas[0]!, replicas[1]!] as const;
    try {
      await Promise.all(pair.map(ddlQueueReady));
    } catch (err) {
      await Promise.all(pair.map((r) => r.stop()));
      throw err;
    }
    return {
      zookeeper,
      replicas: pair,
      name: CLUSTER_NAME,
      deadKeeperPort,
      async stop() {
        await Promise.all(pair.map((r) => r.stop()));
        await zookeeper.stop();
      },
    };
  } catch (err) {
    await zookeeper.stop();
    throw err;
  }
}

/**
 * 18.16 can crash (a null ZooKeeper in its DDL worker) on an ON CLUSTER query that arrives before
 * the worker's first session: wait until the server sees the DDL queue the worker creates.
 */
async function ddlQueueReady(server: ChInstance): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await server.queryRows<{ n: number }>("SELECT count() AS n FROM system.zookeeper WHERE path = '/clickhouse/task_queue' AND name = 'ddl'").catch(() => [{ n: 0 }]);
    if (found[0]!.n > 0) return;
    if (Date.now() > deadline) throw new Error('the ClickHouse DDL queue did not appear in ZooKeeper within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function clusterConfig(zkPort: number, deadPort: number, tcpPorts: readonly number[], replica: string): string {
  return `  <zookeeper>
    <node index="1"><host>127.0.0.1</host><port>${zkPort}</port></node>
    <node index="2"><host>127.0.0.1</host><port>${deadPort}</port></node>
    <session_timeout_ms>10000</session_timeout_ms>
  </zookeeper>
  <remote_servers>
    <${CLUSTER_NAME}>
      <shard>
        <internal_replication>true</internal_replication>
${tcpPorts.map((port) => `        <replica><host>127.0.0.1</host><port>${port}</port></replica>`).join('\n')}
      </shard>
    </${CLUSTER_NAME}>
  </remote_servers>
  <macros>
    <shard>01</shard>
    <replica>${replica}</replica>
  </macros>`;
}

/** Mocha helper, called inside describe(): one cluster shared by the whole run, stopped after it. */
export const useClickHouseCluster: () => () => ChCluster = sharedService({
  label: 'ClickHouse cluster',
  helper: 'useClickHouseCluster',
  tag: 'ch cluster harness',
  start: startClickHouseCluster,
  unavailable: ZooKeeperUnavailableError,
  setupTimeoutMs: SETUP_TIMEOUT_MS,
});
