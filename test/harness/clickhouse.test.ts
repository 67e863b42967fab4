import { expect } from 'chai';
import { useClickHouse } from './clickhouse.ts';

describe('harness/clickhouse', () => {
  const clickhouse = useClickHouse();

  it('answers queries as the default user', async () => {
    expect(await clickhouse().queryRows('SELECT 1 AS one, toUInt64(2) AS two')).to.deep.equal([{ one: 1, two: 2 }]);
  });

  it('reports its version', () => {
    expect(clickhouse().version).to.match(/^\d+\.\d+\.\d+/);
  });

  it('keeps its data in its own temp dir', async () => {
    await clickhouse().query('CREATE TABLE IF NOT EXISTS harness_probe (a UInt8) ENGINE = MergeTree ORDER BY a');
    const [row] = await clickhouse().queryRows<{ path: string }>("SELECT data_path AS path FROM system.tables WHERE name = 'harness_probe'").catch(
      // data_path arrived after 18.16; the metadata path is there in every release.
      () => clickhouse().queryRows<{ path: string }>("SELECT metadata_path AS path FROM system.tables WHERE name = 'harness_probe'"),
    );
    expect(row?.path.startsWith(clickhouse().baseDir)).to.equal(true);
    await clickhouse().query('DROP TABLE harness_probe');
  });

  it('rejects with the server error text', async () => {
    const err = await clickhouse().query('SELECT no_such_column').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(Error);
    expect((err as Error).message).to.match(/no_such_column/);
  });

  it('fills system.query_log, which the agent reads', async () => {
    await clickhouse().query("SELECT 'harness-query-log-probe'");
    await clickhouse().query('SYSTEM FLUSH LOGS');
    const rows = await clickhouse().queryRows<{ n: number }>("SELECT count() AS n FROM system.query_log WHERE query LIKE '%harness-query-log-probe%' AND type = 2");
    expect(rows[0]?.n).to.be.at.least(1);
  });

  it('has a read-only monitor user', async () => {
    const url = new URL(clickhouse().monitorUrl);
    const query = async (sql: string) =>
      fetch(`${url.origin}/?user=${url.username}&password=${url.password}`, { method: 'POST', body: sql }).then(async (res) => ({ status: res.status, body: await res.text() }));
    expect(await query('SELECT 1')).to.deep.equal({ status: 200, body: '1\n' });
    const refused = await query('CREATE TABLE monitor_probe (a UInt8) ENGINE = Memory');
    expect(refused.status).to.not.equal(200);
    expect(refused.body).to.match(/readonly/i);
  });
});
