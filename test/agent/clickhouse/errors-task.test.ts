import { expect } from 'chai';
import { disksTask } from '../../../agent/src/collectors/clickhouse/disks-task.js';
import { errorsTask } from '../../../agent/src/collectors/clickhouse/errors-task.js';
import { diffClickHouseErrors } from '../../../agent/src/diff/clickhouse-errors-diff.js';
import type { ErrorCountRow, ErrorsBaseline } from '../../../agent/src/state/clickhouse-errors-state.js';
import { useClickHouse } from '../../harness/clickhouse.ts';
import { useMonitorFixture } from './monitor-client.ts';

function error(code: number, count: number, remote = false): ErrorCountRow {
  return { name: `E${code}`, code, remote, count, lastErrorTimeMs: 0, lastErrorMessage: '' };
}

describe('agent/collectors/clickhouse/errors-task', () => {
  const clickhouse = useClickHouse();
  const fixture = useMonitorFixture(clickhouse);
  let systemTables: Set<string>;

  before(async () => {
    systemTables = new Set((await clickhouse().queryRows<{ name: string }>("SELECT name FROM system.tables WHERE database = 'system'")).map((row) => row.name));
  });

  for (const [task, table] of [
    [errorsTask, 'errors'],
    [disksTask, 'disks'],
  ] as const) {
    it(`names the missing system.${table} as a status and keeps its state, on releases without it`, async function () {
      if (systemTables.has(table)) this.skip();
      const previous = { collectedAtMs: 1, uptimeS: 1, counts: {} };
      const result = await task.run({ client: fixture().client, previous: previous as never, nowMs: Date.now(), signal: new AbortController().signal });
      expect(result.records).to.deep.equal({});
      // The harness runs 18.16, before SQL access control: the release lacks the table, and no GRANT could help.
      expect(result.statuses.map((s) => s.code)).to.deep.equal([`system_${table}_not_on_release`]);
      expect(result.statuses[0]!.message).to.include(`system.${table} is not on ClickHouse ${clickhouse().version}`);
      expect(result.statuses[0]!.fixSql).to.equal(undefined);
      expect(result.persisted).to.equal(task === errorsTask ? previous : undefined);
    });
  }

  it('sends only the errors raised in the window, and nothing on the baseline', () => {
    const first = diffClickHouseErrors(undefined, [error(60, 3), error(62, 1)], { collectedAtMs: 1_000_000, uptimeS: 100 });
    expect(first.diffed).to.equal(undefined);
    const previous = JSON.parse(JSON.stringify(first.baseline)) as ErrorsBaseline;
    const second = diffClickHouseErrors(previous, [error(60, 5), error(62, 1), error(60, 2, true), error(241, 1)], { collectedAtMs: 1_060_000, uptimeS: 160 });
    expect(second.diffed).to.deep.equal({
      collectedAtMs: 1_060_000,
      windowStartMs: 1_000_000,
      errors: [error(60, 2), error(60, 2, true), error(241, 1)],
    });
  });

  it('drops the window across a server restart', () => {
    const previous: ErrorsBaseline = { collectedAtMs: 1_000_000, uptimeS: 100, counts: { '60': 3 } };
    const after = diffClickHouseErrors(previous, [error(60, 9)], { collectedAtMs: 1_060_000, uptimeS: 10 });
    expect(after.diffed).to.equal(undefined);
    expect(after.baseline.counts).to.deep.equal({ '60': 9 });
  });
});
