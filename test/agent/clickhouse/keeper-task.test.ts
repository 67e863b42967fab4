import { expect } from 'chai';
import { collectKeeper } from '../../../agent/src/collectors/clickhouse/keeper-collector.js';
import { probeKeeperNodes } from '../../../agent/src/collectors/clickhouse/keeper-nodes-collector.js';
import { keeperTask } from '../../../agent/src/collectors/clickhouse/keeper-task.js';
import { useClickHouse } from '../../harness/clickhouse.js';
import { useClickHouseCluster } from '../../harness/clickhouse-cluster.js';
import { openMonitorFixture, type MonitorFixture } from './monitor-client.js';

/**
 * The keeper task on ClickHouse 18.16 with the harness ZooKeeper (the cluster's replica r1) and
 * without one (the shared harness server): what the release shows of its session, checked against
 * system.metrics and system.events read around it, and the nodes probed from this host.
 */
describe('agent/collectors/clickhouse/keeper-task', function () {
  this.timeout(60_000);
  const cluster = useClickHouseCluster();
  const single = useClickHouse();
  const fixtures: MonitorFixture[] = [];
  const open = async (ch: Parameters<typeof openMonitorFixture>[0]) => {
    const f = await openMonitorFixture(ch);
    fixtures.push(f);
    return f;
  };
  after(async () => {
    await Promise.all(fixtures.map((f) => f.close()));
  });

  it('with a ZooKeeper: the session serves, its counters are those of system.metrics and system.events', async () => {
    const [r1] = cluster().replicas;
    const { client } = await open(r1);
    const events = async () =>
      new Map(
        (await r1.queryRows<{ event: string; value: number }>("SELECT event, value FROM system.events WHERE event IN ('ZooKeeperInit', 'ZooKeeperTransactions', 'ZooKeeperHardwareExceptions')")).map((r) => [
          r.event,
          r.value,
        ]),
      );
    const before = await events();
    const session = await collectKeeper(client);
    const after = await events();
    expect(session).to.include({ configured: true, sessionOk: true, sessionError: '', sessions: 1, hasConnectionTable: false, connectedHost: '', sessionExpired: false });
    const [sessions] = await r1.queryRows<{ value: number }>("SELECT value FROM system.metrics WHERE metric = 'ZooKeeperSession'");
    expect(session.sessions).to.equal(sessions!.value);
    expect(session.session_inits).to.equal(before.get('ZooKeeperInit')).and.equal(after.get('ZooKeeperInit'));
    // The collector's own read of the root is a ZooKeeper request: between the two readings.
    expect(session.transactions).to.be.within(before.get('ZooKeeperTransactions')!, after.get('ZooKeeperTransactions')!);
    expect(session.hardware_exceptions).to.equal(before.get('ZooKeeperHardwareExceptions') ?? 0);
    expect(session.rootReadMs).to.be.greaterThan(0);
  });

  it('the nodes the config lists, tried from this host: the live ZooKeeper reachable, a closed port not', async () => {
    const c = cluster();
    const nodes = await probeKeeperNodes(
      [
        { host: '127.0.0.1', port: c.zookeeper.port },
        { host: '127.0.0.1', port: c.deadKeeperPort },
        { host: '127.0.0.1', port: c.zookeeper.port },
      ],
      null,
    );
    expect(nodes.map((n) => [n.port, n.reachable, n.error, n.connected])).to.deep.equal([
      [c.zookeeper.port, true, '', false],
      [c.deadKeeperPort, false, 'ECONNREFUSED', false],
    ]);
    expect(nodes[0]!.connectMs).to.be.greaterThan(0);
    expect(nodes[1]!.connectMs).to.equal(0);
  });

  it('the task sends one snapshot with the session and the configured nodes', async () => {
    const c = cluster();
    const { client } = await open(c.replicas[1]);
    const result = await keeperTask.run({
      client: { ...client, query: client.query.bind(client), keeperNodes: [{ host: '127.0.0.1', port: c.zookeeper.port }, { host: '127.0.0.1', port: c.deadKeeperPort }] },
      previous: undefined,
      nowMs: 1_700_000_000_000,
      signal: new AbortController().signal,
    });
    expect(result.statuses).to.deep.equal([]);
    const [snapshot] = result.records.clickhouseKeeper!;
    expect(snapshot).to.include({ tsMs: 1_700_000_000_000, configured: true, sessionOk: true, sessions: 1 });
    expect(snapshot!.nodes!.map((n) => [n.port, n.reachable])).to.deep.equal([
      [c.zookeeper.port, true],
      [c.deadKeeperPort, false],
    ]);
  });

  it('without a ZooKeeper and no nodes listed: not configured, nothing sent', async () => {
    const { client } = await open(single());
    const session = await collectKeeper(client);
    expect(session).to.include({ configured: false, sessionOk: false, sessions: 0, rootReadMs: 0 });
    const result = await keeperTask.run({ client, previous: undefined, nowMs: Date.now(), signal: new AbortController().signal });
    expect(result.records).to.deep.equal({});
  });
});
