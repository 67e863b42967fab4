import { expect } from 'chai';
import pg from 'pg';
import { usePostgres } from './postgres.ts';

describe('harness/postgres', () => {
  const postgres = usePostgres();

  it('answers queries as the superuser', async () => {
    const { rows } = await postgres().query('SELECT 1 AS one');
    expect(rows).to.deep.equal([{ one: 1 }]);
  });

  it('runs a supported server version', () => {
    expect(postgres().version).to.be.at.least(120000);
  });

  it('lets the monitor role read pg_stat_statements with only pg_monitor', async () => {
    const client = new pg.Client({ connectionString: postgres().monitorUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT current_user AS who, count(*)::int AS statements FROM pg_stat_statements');
      expect(rows[0]?.who).to.equal('vigil_monitor');
      expect(rows[0]?.statements).to.be.a('number');
    } finally {
      await client.end();
    }
  });
});
