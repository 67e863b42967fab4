import { expect } from 'chai';
import { collectReplicas } from '../../../agent/src/collectors/clickhouse/replicas-collector.js';
import { useClickHouse } from '../../harness/clickhouse.ts';
import { useMonitorFixture } from './monitor-client.ts';

// Replicated tables need ZooKeeper, which the harness does not run: these check that both
// queries are valid on the real server and that a server without replication reads as empty.
describe('agent/collectors/clickhouse/replicas-collector', () => {
  const clickhouse = useClickHouse();
  const fixture = useMonitorFixture(clickhouse);

  it('reads replicas and the replication queue as empty lists on a server without replicated tables', async () => {
    expect(await collectReplicas(fixture().client)).to.deep.equal({ statuses: [], replicas: [], queue: [] });
  });
});
