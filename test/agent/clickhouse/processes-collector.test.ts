import { expect } from 'chai';
import { AGENT_QUERY_MARKER } from '@vigil/shared';
import { collectProcesses } from '../../../agent/src/collectors/clickhouse/processes-collector.js';
import { collectQueryLog } from '../../../agent/src/collectors/clickhouse/query-log-collector.js';
import { useClickHouse } from '../../harness/clickhouse.ts';
import { eventually, useMonitorFixture } from './monitor-client.ts';

describe('agent/collectors/clickhouse/processes-collector', () => {
  const clickhouse = useClickHouse();
  const fixture = useMonitorFixture(clickhouse);

  it('leaves out its own query', async () => {
    const reading = await collectProcesses(fixture().client);
    expect(reading.statuses).to.deep.equal([]);
    expect(reading.queries!.filter((q) => q.queryText.includes(AGENT_QUERY_MARKER) || q.queryText.includes('system.processes'))).to.deep.equal([]);
  });

  it('sees a running query with its fingerprint, the same the query log gives it, and no literal', async function () {
    this.timeout(30_000);
    const marker = `proc_probe_${Date.now()}`;
    // About 2.5 s: sleepEachRow pauses a quarter second per row.
    const sql = `SELECT count() AS ${marker} FROM numbers(10) WHERE sleepEachRow(0.25) = 0 AND 'hunter2' != ''`;
    const running = clickhouse().query(sql);
    try {
      const query = await eventually(async () => (await collectProcesses(fixture().client)).queries!.find((q) => q.queryText.includes(marker)), 'the running query');
      expect(query.queryText).to.equal(`SELECT count() AS ${marker} FROM numbers(?) WHERE sleepEachRow(?) = ? AND ? != ?`);
      expect(query).to.deep.include({ user: 'default', isInitialQuery: true });
      expect(query.queryId).to.match(/^[0-9a-f-]{36}$/);
      expect(query.elapsedS).to.be.greaterThan(0);
      expect(query.queryHash).to.match(/^\d+$/);
      expect(JSON.stringify(query)).not.to.include('hunter2');

      await running;
      // The finished query reaches the log on a flush; on a loaded machine one flush has been seen to come too soon (the full CI run).
      const since = Math.floor(Date.now() / 1000) - 120;
      const logged = await eventually(async () => {
        await clickhouse().query('SYSTEM FLUSH LOGS');
        const log = await collectQueryLog(fixture().client, { eventTimeS: since, boundaryQueryIds: [] });
        return log.groups.find((g) => g.queryText.includes(marker));
      }, 'the query in the query log');
      expect(logged.queryHash).to.equal(query.queryHash);
      expect(logged.hashSource).to.equal(query.hashSource);
    } finally {
      await running.catch(() => undefined);
    }
  });
});
