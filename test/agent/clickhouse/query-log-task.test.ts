import { expect } from 'chai';
import { collectQueryLog } from '../../../agent/src/collectors/clickhouse/query-log-collector.js';
import { queryLogTask } from '../../../agent/src/collectors/clickhouse/query-log-task.js';
import type { QueryLogWatermark } from '../../../agent/src/state/clickhouse-query-log-state.js';
import { useClickHouse } from '../../harness/clickhouse.ts';
import { openMonitorFixture, type MonitorFixture } from './monitor-client.ts';

describe('agent/collectors/clickhouse/query-log-task', () => {
  const clickhouse = useClickHouse();
  const fixtures: MonitorFixture[] = [];

  async function fixture(): Promise<MonitorFixture> {
    const fx = await openMonitorFixture(clickhouse());
    fixtures.push(fx);
    return fx;
  }

  /** One run as the runner does it; the watermark goes through JSON as it does on disk. */
  async function run(fx: MonitorFixture, previous: QueryLogWatermark | undefined) {
    const result = await queryLogTask.run({ client: fx.client, previous, nowMs: Date.now(), signal: new AbortController().signal });
    return { ...result, persisted: JSON.parse(JSON.stringify(result.persisted ?? null)) as QueryLogWatermark };
  }

  function callsOf(records: Awaited<ReturnType<typeof run>>['records'], marker: string): number {
    return (records.clickhouseQueries ?? []).filter((q) => q.queryText?.includes(marker)).reduce((sum, q) => sum + Number(q.calls), 0);
  }

  before(async () => {
    // A fresh server creates system.query_log on its first flush.
    await clickhouse().query('SELECT 1');
    await clickhouse().query('SYSTEM FLUSH LOGS');
  });

  after(async () => {
    for (const fx of fixtures) await fx.close();
  });

  it('names a missing query log as a status and reads nothing', async () => {
    const fx = await fixture();
    // A table that does not exist stands for a server that has not logged a query yet.
    const reading = await collectQueryLog(fx.client, undefined, { source: { database: fx.database, table: 'query_log' } });
    expect(reading.statuses.map((s) => s.code)).to.deep.equal(['query_log_empty']);
    expect(reading.statuses[0]!.message).to.include(`${fx.database}.query_log is missing`);
    expect(reading.statuses[0]!.message).to.include('enable log_queries');
    // ALTER SETTINGS PROFILE needs SQL access control (20.4): on older releases users.xml is the only fix.
    if (clickhouse().version.startsWith('18.')) expect(reading.statuses[0]!.fixSql).to.equal(undefined);
    expect(reading).to.deep.include({ groups: [], watermark: undefined });
  });

  it('reads each logged query once across runs and across a restart, and re-reads a window that was never committed', async function () {
    this.timeout(30_000);
    const fx = await fixture();
    const first = await run(fx, undefined);
    expect(first.statuses).to.deep.equal([]);
    expect(first.persisted.eventTimeS).to.be.a('number');

    const marker = `qlog_probe_${Date.now()}`;
    for (let i = 0; i < 5; i++) await clickhouse().query(`SELECT ${i} AS ${marker}, 'hunter2' AS s`);
    await clickhouse().query('SYSTEM FLUSH LOGS');

    const second = await run(fx, first.persisted);
    expect(callsOf(second.records, marker)).to.equal(5);
    const [stat] = second.records.clickhouseQueries!.filter((q) => q.queryText?.includes(marker));
    expect(stat!.queryText).to.equal(`SELECT ? AS ${marker}, ? AS s`);
    expect(stat!.meanDurationMs).to.equal(stat!.totalDurationMs! / 5);
    expect(JSON.stringify(second.records)).not.to.include('hunter2');

    // The run that read them was never committed (cancelled, or the agent died): the same watermark reads them again.
    expect(callsOf((await run(fx, first.persisted)).records, marker)).to.equal(5);

    // A restart: a new session resumes from the committed watermark and reads none of them again.
    const restarted = await fixture();
    expect(callsOf((await run(restarted, second.persisted)).records, marker)).to.equal(0);
  });
});
