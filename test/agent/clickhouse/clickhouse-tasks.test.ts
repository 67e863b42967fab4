import { expect } from 'chai';
import { vigil } from '@vigil/proto';
import { VigilError, collectorStatus } from '@vigil/shared';
import { ClickHouseSession } from '../../../agent/src/collectors/clickhouse/clickhouse-session.js';
import { CLICKHOUSE_TASKS } from '../../../agent/src/collectors/clickhouse/tasks.js';
import type { TaskStatus } from '../../../agent/src/runner/collector-task.js';
import { ENGINE_DRIVERS } from '../../../agent/src/runner/engine-drivers.js';
import { TASK_NAMES, TASK_TABLES } from '../../../agent/src/runner/task-tables.js';
import { useClickHouse } from '../../harness/clickhouse.ts';
import { useMonitorFixture } from './monitor-client.ts';

const signal = new AbortController().signal;

describe('agent/collectors/clickhouse/tasks', () => {
  const clickhouse = useClickHouse();
  const fixture = useMonitorFixture(clickhouse);

  it('is the clickhouse task table and driver, on its default intervals', async () => {
    expect(TASK_TABLES.clickhouse).to.equal(CLICKHOUSE_TASKS);
    expect(Object.fromEntries(CLICKHOUSE_TASKS.map((task) => [task.name, task.defaultIntervalMs / 1000]))).to.deep.equal({
      query_log: 60,
      parts: 300,
      merges: 30,
      mutations: 60,
      replicas: 30,
      disks: 300,
      errors: 60,
      server: 60,
      processes: 10,
      table_schemas: 3600,
      keeper: 30,
    });
    expect(CLICKHOUSE_TASKS.every((task) => task.engine === 'clickhouse')).to.equal(true);
    expect(TASK_NAMES).to.include.members(['query_log', 'parts', 'processes']);
    const session = ENGINE_DRIVERS.clickhouse!.openSession({ name: 'ch', engine: 'clickhouse', url: clickhouse().monitorUrl }, { statementTimeoutMs: 5000 });
    try {
      expect(session).to.be.instanceOf(ClickHouseSession);
      await session.client({ signal, statementTimeoutMs: 5000 });
      expect(session.serverVersion).to.equal(clickhouse().version);
    } finally {
      await session.close();
    }
  });

  it('runs every task as a read-only user, with records that encode as a Batch and only named statuses', async () => {
    await clickhouse().query(`CREATE TABLE ${fixture().database}.t (id UInt32) ENGINE = MergeTree ORDER BY id`);
    await clickhouse().query(`INSERT INTO ${fixture().database}.t VALUES (1)`);
    await clickhouse().query('SYSTEM FLUSH LOGS');
    const statuses: TaskStatus[] = [];
    for (const task of CLICKHOUSE_TASKS) {
      const result = await task.run({ client: fixture().client, previous: undefined, nowMs: Date.now(), signal });
      statuses.push(...result.statuses);
      const decoded = vigil.v1.Batch.decode(vigil.v1.Batch.encode({ batchId: 'b', database: 'ch', ...result.records }).finish());
      for (const [field, records] of Object.entries(result.records)) expect((decoded as unknown as Record<string, unknown[]>)[field], field).to.have.length(records!.length);
    }
    // What this release lacks is named, as informational and with no GRANT (18.16 has none to run); nothing else is reported.
    for (const status of statuses) {
      expect(status.code).to.match(clickhouse().version.startsWith('18.') ? /^system_(disks|errors|detached_parts|server_settings)_not_on_release$/ : /^system_\w+_(not_on_release|unavailable)$/);
      if (clickhouse().version.startsWith('18.')) {
        expect(collectorStatus(status.code)?.severity, status.code).to.equal('info');
        expect(status.fixSql, status.code).to.equal(undefined);
      }
    }
  });

  it('reports a query ClickHouse refuses the user as a status and keeps the task state', async () => {
    const denied = new VigilError('CLICKHOUSE_QUERY_FAILED', 'ClickHouse error 497 (ACCESS_DENIED): vigil: Not enough privileges', {
      details: { clickhouseCode: 497, clickhouseName: 'ACCESS_DENIED' },
    });
    const client = { query: () => Promise.reject(denied) };
    const previous = { collectedAtMs: 1, uptimeS: 1, counters: null };
    const server = CLICKHOUSE_TASKS.find((task) => task.name === 'server')!;
    const result = await server.run({ client, previous, nowMs: Date.now(), signal });
    expect(result.records).to.deep.equal({});
    expect(result.persisted).to.equal(previous);
    expect(result.statuses.map((s) => s.code)).to.deep.equal(['privilege_missing']);
    expect(result.statuses[0]!.message).to.include('Not enough privileges');
    expect(result.statuses[0]!.fixSql).to.include('GRANT SELECT ON system.*');
  });

  it('lets any other failure through to the runner', async () => {
    const broken = new VigilError('CLICKHOUSE_QUERY_FAILED', 'ClickHouse error 62: Syntax error', { details: { clickhouseCode: 62 } });
    const client = { query: () => Promise.reject(broken) };
    const err = await CLICKHOUSE_TASKS[0]!.run({ client, previous: undefined, nowMs: Date.now(), signal }).catch((e: unknown) => e);
    expect(err).to.equal(broken);
  });
});
