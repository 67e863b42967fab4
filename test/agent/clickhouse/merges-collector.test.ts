import { expect } from 'chai';
import { collectMerges } from '../../../agent/src/collectors/clickhouse/merges-collector.js';
import { useClickHouse } from '../../harness/clickhouse.ts';
import { eventually, useMonitorFixture } from './monitor-client.ts';

describe('agent/collectors/clickhouse/merges-collector', () => {
  const clickhouse = useClickHouse();
  const fixture = useMonitorFixture(clickhouse);

  it('reads no merges on an idle table', async () => {
    const reading = await collectMerges(fixture().client);
    expect(reading.statuses).to.deep.equal([]);
    expect(reading.merges!.filter((m) => m.database === fixture().database)).to.deep.equal([]);
  });

  it('sees a merge while it runs, with its progress and sizes', async function () {
    this.timeout(60_000);
    const table = `${fixture().database}.wide`;
    await clickhouse().query(`CREATE TABLE ${table} (k UInt64, s String) ENGINE = MergeTree ORDER BY k`);
    // Millions of rows in several parts, so merging them takes long enough to be seen.
    for (let i = 0; i < 3; i++) await clickhouse().query(`INSERT INTO ${table} SELECT number * 3 + ${i}, toString(cityHash64(number)) FROM numbers(3000000)`);
    const optimizing = clickhouse().query(`OPTIMIZE TABLE ${table} FINAL`);
    try {
      const merge = await eventually(async () => (await collectMerges(fixture().client)).merges!.find((m) => m.database === fixture().database), 'a running merge');
      expect(merge.table).to.equal('wide');
      expect(merge.numParts).to.be.at.least(2);
      expect(merge.elapsedS).to.be.greaterThan(0);
      expect(merge.progress).to.be.within(0, 1);
      expect(merge.totalSizeBytesCompressed).to.be.greaterThan(0);
      expect(merge.resultPartName).to.match(/^all_/);
    } finally {
      await optimizing;
    }
  });
});
