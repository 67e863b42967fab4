import { expect } from 'chai';
import { collectParts } from '../../../agent/src/collectors/clickhouse/parts-collector.js';
import { useClickHouse } from '../../harness/clickhouse.ts';
import { useMonitorFixture } from './monitor-client.ts';

describe('agent/collectors/clickhouse/parts-collector', () => {
  const clickhouse = useClickHouse();
  const fixture = useMonitorFixture(clickhouse);

  before(async () => {
    await clickhouse().query(`CREATE TABLE ${fixture().database}.events (d Date, id UInt32, note String) ENGINE = MergeTree() PARTITION BY toYYYYMM(d) ORDER BY id`);
    // Three inserts into January and one into February: one part each, none merged yet.
    for (let i = 1; i <= 3; i++) await clickhouse().query(`INSERT INTO ${fixture().database}.events VALUES ('2024-01-0${i}', ${i}, 'jan'), ('2024-01-1${i}', ${i + 10}, 'jan')`);
    await clickhouse().query(`INSERT INTO ${fixture().database}.events VALUES ('2024-02-01', 100, 'feb')`);
  });

  it('sums active parts per table and partition, the fullest partition first', async () => {
    const reading = await collectParts(fixture().client);
    const table = reading.tables!.find((t) => t.database === fixture().database && t.table === 'events')!;
    expect(table).to.deep.include({ partitions: 2, activeParts: 4, maxPartsInPartition: 3, rows: 7 });
    expect(table.bytesOnDisk).to.be.greaterThan(0);
    expect(table.dataCompressedBytes).to.be.greaterThan(0);
    expect(table.dataUncompressedBytes).to.be.greaterThan(0);
    expect(table.partitionStats.map((p) => [p.partitionId, p.partition, p.activeParts, p.rows])).to.deep.equal([
      ['202401', '202401', 3, 6],
      ['202402', '202402', 1, 1],
    ]);
    const sum = (pick: (p: (typeof table.partitionStats)[number]) => number) => table.partitionStats.reduce((n, p) => n + pick(p), 0);
    expect(sum((p) => p.bytesOnDisk)).to.equal(table.bytesOnDisk);
  });

  it('counts only active parts: merged-away parts are gone from the totals', async () => {
    await clickhouse().query(`OPTIMIZE TABLE ${fixture().database}.events PARTITION 202401 FINAL`);
    const reading = await collectParts(fixture().client);
    const table = reading.tables!.find((t) => t.database === fixture().database && t.table === 'events')!;
    expect(table).to.deep.include({ partitions: 2, activeParts: 2, maxPartsInPartition: 1, rows: 7 });
  });

  it('names the missing system.detached_parts on releases without it, and still reports the parts', async function () {
    const hasDetached = (await clickhouse().queryRows("SELECT name FROM system.tables WHERE database = 'system' AND name = 'detached_parts'")).length > 0;
    if (hasDetached) this.skip();
    const reading = await collectParts(fixture().client);
    expect(reading.detached).to.equal(null);
    expect(reading.statuses.map((s) => s.code)).to.deep.equal(['system_detached_parts_not_on_release']);
    expect(reading.tables).to.not.equal(null);
  });
});
