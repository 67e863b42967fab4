import { expect } from 'chai';
import pg from 'pg';
import { AGENT_QUERY_MARKER } from '@vigil/shared';
import { collectStatements } from '../../agent/src/collectors/postgres/statements-collector.js';
import { COUNTER } from '../../agent/src/state/postgres-statements-state.js';
import { usePostgres } from '../harness/postgres.ts';

describe('agent/collectors/postgres/statements-collector', () => {
  const postgres = usePostgres();
  const clients: pg.Client[] = [];
  const databases: string[] = [];
  const roles: string[] = [];

  /** A client of the monitoring role (or `role`), connected to `database`. */
  async function connect(database = 'postgres', role?: string): Promise<pg.Client> {
    const url = new URL(postgres().monitorUrl);
    url.pathname = `/${database}`;
    if (role) {
      url.username = role;
      url.password = role;
    }
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    clients.push(client);
    return client;
  }

  async function createDatabase(name: string, extensionVersion?: string): Promise<void> {
    await postgres().query(`CREATE DATABASE ${name}`);
    databases.push(name);
    if (extensionVersion) {
      const url = new URL(postgres().superuserUrl);
      url.pathname = `/${name}`;
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      try {
        await admin.query(`CREATE EXTENSION pg_stat_statements VERSION '${extensionVersion}'`);
      } finally {
        await admin.end();
      }
    }
  }

  after(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    for (const name of databases) await postgres().query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    for (const role of roles) await postgres().query(`DROP ROLE IF EXISTS ${role}`);
  });

  it('returns keyed rows with names and counters, and the reset time', async () => {
    await postgres().query('SELECT $1::int + 41 AS answer', [1]);
    await postgres().query('SELECT $1::int + 41 AS answer', [2]);
    const snapshot = await collectStatements(await connect());
    expect(snapshot.statuses).to.deep.equal([]);
    expect(snapshot.serverVersionNum).to.equal(postgres().version);
    expect(snapshot.extensionVersion).to.match(/^1\.\d+$/);
    expect(snapshot.statsResetMs).to.be.a('number');
    const answer = snapshot.rows!.find((row) => row.query.includes('AS answer'));
    expect(answer, 'the statement run above').to.not.equal(undefined);
    expect(answer).to.include({ datname: 'postgres', rolname: 'postgres', toplevel: true });
    expect(answer!.queryid).to.match(/^-?\d+$/);
    expect(answer!.counters[COUNTER.calls]).to.be.at.least(2);
    expect(answer!.counters[COUNTER.rows]).to.be.at.least(2);
    expect(answer!.counters[COUNTER.totalExecTimeMs]).to.be.a('number');
  });

  it("excludes the agent's own statements", async () => {
    const client = await connect();
    await client.query(`${AGENT_QUERY_MARKER} SELECT 'vigil own probe' AS probe`);
    await collectStatements(client);
    const { rows: recorded } = await postgres().query('SELECT count(*)::int AS n FROM pg_stat_statements WHERE starts_with(query, $1)', [AGENT_QUERY_MARKER]);
    // The filter has something to remove: pg_stat_statements keeps the leading comment.
    expect(recorded[0].n).to.be.at.least(2);
    const snapshot = await collectStatements(client);
    expect(snapshot.rows!.length).to.be.greaterThan(0);
    // By the marker, not by the word: another suite's statements on the shared server may mention vigil-agent in their text.
    expect(snapshot.rows!.filter((row) => row.query.includes(AGENT_QUERY_MARKER) || row.query.includes('vigil own probe'))).to.deep.equal([]);
  });

  it('reports the missing extension with the SQL that fixes it, instead of failing', async () => {
    await createDatabase('vigil_no_pgss');
    const snapshot = await collectStatements(await connect('vigil_no_pgss'));
    expect(snapshot.rows).to.equal(null);
    expect(snapshot.extensionVersion).to.equal(null);
    expect(snapshot.statuses).to.have.length(1);
    // Preloaded already (the harness does that), so creating it is the whole fix.
    expect(snapshot.statuses[0]).to.deep.include({ code: 'extension_missing', fixSql: ['CREATE EXTENSION pg_stat_statements;'], restartRequired: false });
  });

  // Each row is a column layout the collector must pick by version: total_time before 1.8, toplevel and stats_reset from 1.9.
  for (const version of ['1.4', '1.8', '1.9']) {
    it(`collects from an outdated extension ${version} and says how to update it`, async () => {
      const name = `vigil_pgss_${version.replace('.', '_')}`;
      await createDatabase(name, version);
      await postgres().query('SELECT $1::text AS outdated_probe', ['x']);
      const snapshot = await collectStatements(await connect(name));
      expect(snapshot.extensionVersion).to.equal(version);
      expect(snapshot.statuses.map((status) => [status.code, status.fixSql])).to.deep.equal([['extension_outdated', ['ALTER EXTENSION pg_stat_statements UPDATE;']]]);
      const probe = snapshot.rows!.find((row) => row.query.includes('outdated_probe'));
      expect(probe, 'a statement from another database').to.not.equal(undefined);
      expect(probe!.counters[COUNTER.calls]).to.be.at.least(1);
      expect(probe!.counters[COUNTER.totalExecTimeMs]).to.be.greaterThan(0);
      expect(snapshot.statsResetMs === null).to.equal(version !== '1.9');
    });
  }

  it("reports a role that cannot read other roles' statements, and still collects its own", async () => {
    await postgres().query(`CREATE ROLE vigil_unprivileged LOGIN PASSWORD 'vigil_unprivileged'`);
    roles.push('vigil_unprivileged');
    const client = await connect('postgres', 'vigil_unprivileged');
    await client.query('SELECT $1::int AS own_statement', [1]);
    const snapshot = await collectStatements(client);
    expect(snapshot.statuses.map((status) => [status.code, status.fixSql])).to.deep.equal([['privilege_missing', ['GRANT pg_monitor TO vigil_unprivileged;']]]);
    expect(snapshot.rows!.map((row) => row.rolname)).to.include('vigil_unprivileged');
    expect(snapshot.rows!.every((row) => row.rolname === 'vigil_unprivileged')).to.equal(true);
  });
});
