import { expect } from 'chai';
import { vigil } from '@vigil/proto';
import { serverTask } from '../../../agent/src/collectors/clickhouse/server-task.js';
import { diffClickHouseServer, sameServerRun } from '../../../agent/src/diff/clickhouse-server-diff.js';
import type { ServerBaseline, ServerCounters, ServerReading } from '../../../agent/src/state/clickhouse-server-state.js';
import { useClickHouse } from '../../harness/clickhouse.ts';
import { useMonitorFixture } from './monitor-client.ts';

const COUNTERS: ServerCounters = {
  queries: 100,
  selectQueries: 80,
  insertQueries: 20,
  failedQueries: 1,
  failedSelectQueries: 1,
  failedInsertQueries: 0,
  insertedRows: 5000,
  insertedBytes: 80_000,
  delayedInserts: 0,
  rejectedInserts: 0,
};

function reading(counters: ServerCounters | null): ServerReading {
  const gauges = {
    queriesRunning: 1,
    mergesRunning: 0,
    tcpConnections: 2,
    httpConnections: 1,
    interserverConnections: 0,
    memoryTrackingBytes: 1000,
    memoryResidentBytes: 2000,
    readonlyReplicas: 0,
    maxPartsInPartition: 3,
    memoryLimitBytes: 0,
  };
  return { statuses: [], gauges, counters };
}

describe('agent/collectors/clickhouse/server-task', () => {
  const clickhouse = useClickHouse();
  const fixture = useMonitorFixture(clickhouse);
  const run = (previous: ServerBaseline | undefined) => serverTask.run({ client: fixture().client, previous, nowMs: Date.now(), signal: new AbortController().signal });

  before(async () => {
    await clickhouse().query(`CREATE TABLE ${fixture().database}.hits (id UInt32) ENGINE = MergeTree ORDER BY id`);
  });

  it('sends gauges on the first reading and counter deltas from the second', async () => {
    const first = await run(undefined);
    // 18.16 tells no memory limit (no system.server_settings, no OSMemoryTotal): 0, and the status says why.
    expect(first.statuses.map((s) => s.code)).to.deep.equal(['system_server_settings_not_on_release']);
    expect(first.records.clickhouseServer![0]!.memoryLimitBytes).to.equal(0);
    const [baselineRecord] = first.records.clickhouseServer!;
    expect(baselineRecord).to.deep.include({ hasDeltas: false, windowStartMs: null });
    expect(baselineRecord!.uptimeS).to.be.a('number').and.at.least(0);
    expect(baselineRecord!.queriesRunning).to.be.at.least(1);
    expect(baselineRecord!.httpConnections).to.be.at.least(1);
    expect(baselineRecord!.queries).to.equal(undefined);

    for (let i = 0; i < 3; i++) await clickhouse().query(`INSERT INTO ${fixture().database}.hits SELECT number FROM numbers(100)`);
    await clickhouse().query('SELECT 1');

    const previous = JSON.parse(JSON.stringify(first.persisted)) as ServerBaseline;
    const second = await run(previous);
    const [record] = second.records.clickhouseServer!;
    expect(record).to.deep.include({ hasDeltas: true, windowStartMs: previous.collectedAtMs });
    expect(record!.insertQueries).to.be.at.least(3);
    expect(record!.insertedRows).to.be.at.least(300);
    expect(record!.selectQueries).to.be.at.least(1);
    // 18.16 has no FailedQuery events: a counter the release lacks reads as 0.
    expect(record!.failedQueries).to.be.a('number');
    expect(record!.queries).to.be.at.least(record!.insertQueries! + record!.selectQueries!);
    // The record is valid on the wire.
    const decoded = vigil.v1.Batch.decode(vigil.v1.Batch.encode({ batchId: 'b', clickhouseServer: [record!] }).finish());
    expect(Number(decoded.clickhouseServer[0]!.insertedRows)).to.equal(record!.insertedRows);
  });

  it('drops the window across a server restart, even when the counters climbed past their old values', () => {
    const before = { collectedAtMs: 1_000_000, uptimeS: 500, counters: COUNTERS };
    const grown = { ...COUNTERS, queries: 5000 };
    // 60 s later the server has been up 30 s: it restarted in between.
    const restarted = diffClickHouseServer(before, reading(grown), { collectedAtMs: 1_060_000, uptimeS: 30 });
    expect(restarted.diffed.deltas).to.equal(undefined);
    const same = diffClickHouseServer(before, reading(grown), { collectedAtMs: 1_060_000, uptimeS: 560 });
    expect(same.diffed.deltas?.queries).to.equal(4900);
  });

  it('has no deltas while system.events is unreadable, and none on the reading after', () => {
    const before = { collectedAtMs: 1_000_000, uptimeS: 500, counters: COUNTERS };
    const unreadable = diffClickHouseServer(before, reading(null), { collectedAtMs: 1_060_000, uptimeS: 560 });
    expect(unreadable.diffed.deltas).to.equal(undefined);
    const after = diffClickHouseServer(unreadable.baseline, reading(COUNTERS), { collectedAtMs: 1_120_000, uptimeS: 620 });
    expect(after.diffed.deltas).to.equal(undefined);
  });

  it('tells one server run from the next by the start time the uptime implies', () => {
    expect(sameServerRun({ collectedAtMs: 10_000, uptimeS: 5 }, { collectedAtMs: 70_400, uptimeS: 65 })).to.equal(true);
    expect(sameServerRun({ collectedAtMs: 10_000, uptimeS: 5 }, { collectedAtMs: 70_000, uptimeS: 20 })).to.equal(false);
  });
});
