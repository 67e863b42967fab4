import { expect } from 'chai';
import { collectMutations } from '../../../agent/src/collectors/clickhouse/mutations-collector.js';
import { useClickHouse } from '../../harness/clickhouse.ts';
import { eventually, useMonitorFixture } from './monitor-client.ts';

describe('agent/collectors/clickhouse/mutations-collector', () => {
  const clickhouse = useClickHouse();
  const fixture = useMonitorFixture(clickhouse);

  before(async () => {
    await clickhouse().query(`CREATE TABLE ${fixture().database}.orders (id UInt32, customer String) ENGINE = MergeTree ORDER BY id`);
    await clickhouse().query(`INSERT INTO ${fixture().database}.orders VALUES (1, 'alice'), (2, 'bob')`);
    await clickhouse().query(`INSERT INTO ${fixture().database}.orders VALUES (3, 'carol')`);
  });

  it('leaves out mutations that are done', async () => {
    await clickhouse().query(`ALTER TABLE ${fixture().database}.orders DELETE WHERE id = 3`);
    await eventually(async () => ((await clickhouse().queryRows(`SELECT 1 FROM system.mutations WHERE database = '${fixture().database}' AND is_done = 1`)).length > 0 ? true : undefined), 'the mutation to finish');
    const reading = await collectMutations(fixture().client);
    expect(reading.statuses).to.deep.equal([]);
    expect(reading.mutations!.filter((m) => m.database === fixture().database)).to.deep.equal([]);
  });

  it('reports a stuck mutation with its parts to do and age, and its command without literals', async () => {
    // Fails on every part that holds id 2, so it never finishes (dropping the table removes it).
    await clickhouse().query(`ALTER TABLE ${fixture().database}.orders DELETE WHERE throwIf(id = 2) OR customer = 'secret-customer'`);
    const [mutation] = (await collectMutations(fixture().client)).mutations!.filter((m) => m.database === fixture().database);
    expect(mutation).to.deep.include({ table: 'orders', isKilled: false });
    expect(mutation!.mutationId).to.match(/^mutation_\d+\.txt$/);
    // As the server reformatted it: 18.16 parenthesizes the comparison.
    expect(mutation!.command).to.match(/^DELETE WHERE throwIf\(id = \?\) OR \(?customer = \?\)?$/);
    expect(mutation!.partsToDo).to.be.at.least(1);
    expect(mutation!.ageS).to.be.within(0, 60);
    expect(mutation!.createTimeMs).to.be.within(Date.now() - 120_000, Date.now() + 60_000);
    expect(JSON.stringify(mutation)).not.to.include('secret-customer');
  });
});
