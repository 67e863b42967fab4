import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { collectReplicas } from '../../../agent/src/collectors/clickhouse/replicas-collector.js';
import { CLUSTER_NAME, useClickHouseCluster } from '../../harness/clickhouse-cluster.js';
import { eventually, openMonitorFixture, type MonitorFixture } from './monitor-client.js';

/**
 * The replicas collector on a real two-replica cluster (harness ZooKeeper, replicas r1 and r2 of
 * one shard). r1 stops sending parts, so r2's fetch of a part inserted on r1 fails and is retried:
 * its delay and tries only grow, and each figure the collector reads lies between
 * system.replicas / system.replication_queue read just before and just after it.
 */
describe('agent/collectors/clickhouse/replicas-collector on a replicated cluster', function () {
  this.timeout(60_000);
  const cluster = useClickHouseCluster();
  const database = `vigil_repl_${randomBytes(4).toString('hex')}`;
  const fixtures: MonitorFixture[] = [];

  before(async () => {
    const [r1] = cluster().replicas;
    await r1.query(`CREATE DATABASE ${database} ON CLUSTER ${CLUSTER_NAME}`);
    await r1.query(
      `CREATE TABLE ${database}.events ON CLUSTER ${CLUSTER_NAME} (d Date, x UInt64) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/${database}/events', '{replica}', d, x, 8192)`,
    );
    for (const r of cluster().replicas) fixtures.push(await openMonitorFixture(r));
  });
  after(async () => {
    const [r1] = cluster().replicas;
    await r1.query('SYSTEM START REPLICATED SENDS').catch(() => undefined);
    await Promise.all(fixtures.map((f) => f.close()));
    await r1.query(`DROP DATABASE IF EXISTS ${database} ON CLUSTER ${CLUSTER_NAME}`).catch(() => undefined);
  });

  const ours = <T extends { database: string }>(rows: readonly T[] | null): T[] => (rows ?? []).filter((r) => r.database === database);

  it('a replicated table in sync on both replicas: one leader, nothing queued, no delay, not read-only', async () => {
    const [r1, r2] = cluster().replicas;
    await r1.query(`INSERT INTO ${database}.events VALUES ('2026-01-01', 1)`);
    await eventually(async () => ((await r2.queryRows<{ c: number }>(`SELECT count() AS c FROM ${database}.events`))[0]!.c === 1 ? true : undefined), 'r2 to fetch the part');
    const readings = await Promise.all(fixtures.map((f) => collectReplicas(f.client)));
    for (const reading of readings) {
      expect(reading.statuses).to.deep.equal([]);
      expect(ours(reading.replicas)).to.have.length(1);
      expect(ours(reading.replicas)[0]).to.include({ table: 'events', isReadonly: false, isSessionExpired: false, absoluteDelayS: 0, queueSize: 0 });
      expect(ours(reading.queue)).to.deep.equal([]);
    }
    expect(readings.map((r) => ours(r.replicas)[0]!.isLeader).filter(Boolean)).to.have.length.at.least(1);
  });

  it('a part r2 cannot fetch: its delay, queue and retries as system.replicas and system.replication_queue show them', async () => {
    const [r1, r2] = cluster().replicas;
    await r1.query('SYSTEM STOP REPLICATED SENDS');
    await r1.query(`INSERT INTO ${database}.events VALUES ('2026-01-02', 2)`);
    const view = async () => {
      const [replica] = await r2.queryRows<{ absolute_delay: number; queue_size: number; inserts_in_queue: number }>(
        `SELECT absolute_delay, queue_size, inserts_in_queue FROM system.replicas WHERE database = '${database}'`,
      );
      const [queue] = await r2.queryRows<{ n: number; tries: number; failed: number }>(
        `SELECT count() AS n, max(num_tries) AS tries, countIf(last_exception != '') AS failed FROM system.replication_queue WHERE database = '${database}'`,
      );
      return { ...replica!, ...queue! };
    };
    // Two failed fetches and a second of delay, so the figures are not all zero.
    await eventually(async () => {
      const v = await view();
      return v.tries >= 2 && v.absolute_delay >= 1 ? v : undefined;
    }, 'r2 to retry the fetch', 20_000);
    const before = await view();
    // 18.16 reads absolute_delay as 0 for the moment a queue update runs: such a reading is taken again.
    const reading = await eventually(async () => {
      const r = await collectReplicas(fixtures[1]!.client);
      return ours(r.replicas)[0]!.absoluteDelayS >= before.absolute_delay ? r : undefined;
    }, 'a reading outside a queue update');
    const after = await view();

    const [replica] = ours(reading.replicas);
    expect(replica).to.include({ isReadonly: false, queueSize: 1, insertsInQueue: 1 });
    expect(replica!.absoluteDelayS).to.be.within(before.absolute_delay, after.absolute_delay);
    expect(replica!.queueOldestTimeMs).to.be.greaterThan(0);
    const [group] = ours(reading.queue);
    expect(group).to.include({ table: 'events', type: 'GET_PART', entries: 1, entriesWithException: 1 });
    expect(group!.maxNumTries).to.be.within(before.tries, after.tries);
    expect(group!.lastException).to.match(/^Code: \d+/);
    expect(group!.lastExceptionTimeMs).to.be.greaterThan(0);
    // Sends back on for the other suites on this cluster; r2's retry is postponed by then, so it is not waited for.
    await r1.query('SYSTEM START REPLICATED SENDS');
  });
});
