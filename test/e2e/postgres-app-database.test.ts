import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import { createAppDatabase, usePostgres } from '../harness/postgres.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * What a new user does: point the agent, as a pg_monitor role, at the `postgres` database of a
 * server that holds an application database, list both under `databases:`, and read the
 * application's tables, indexes and sequences back from the API. A listed database the agent
 * cannot connect to shows in the tables collector's heartbeat statuses.
 */
describe('end to end: an application database watched through databases:', function () {
  this.timeout(120_000);
  const pg_ = usePostgres();
  const appdb = `vigil_e2e_app_${process.pid}`;
  const closedDb = `vigil_e2e_closed_${process.pid}`;
  let server: TestServer;
  let agent: ChildProcess | undefined;
  let agentLog = '';
  let dir: string;

  before(async () => {
    server = await startTestServer({ env: { VIGIL_HEARTBEAT_INTERVAL_S: '1' } });
    dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-app-'));
    await createAppDatabase(pg_(), appdb);
    await pg_().query(`DROP DATABASE IF EXISTS ${closedDb}`);
    await pg_().query(`CREATE DATABASE ${closedDb} CONNECTION LIMIT 0`);
    // What the agent's sequence_privilege_missing status tells a user to run: pg_monitor does not cover sequence values.
    const admin = new pg.Client({ connectionString: pg_().superuserUrl.replace(/\/postgres$/, `/${appdb}`) });
    await admin.connect();
    await admin.query('GRANT SELECT ON ALL SEQUENCES IN SCHEMA shop, audit TO vigil_monitor').finally(() => admin.end());
  });

  after(async () => {
    if (agent && agent.exitCode === null) {
      const exited = new Promise((r) => agent!.once('exit', r));
      agent.kill('SIGTERM');
      await exited;
    }
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    await pg_().query(`DROP DATABASE IF EXISTS ${appdb} WITH (FORCE)`);
    await pg_().query(`DROP DATABASE IF EXISTS ${closedDb} WITH (FORCE)`);
  });

  it('shows the tables, indexes and sequences of every listed database, and names the one it cannot reach', async () => {
    const { accessToken } = await server.signup('e2e-app');
    const key = await server.createKey(accessToken, 'agent');
    const config = join(dir, 'agent.yaml');
    writeFileSync(
      config,
      [
        `server_url: ${server.wsUrl}`,
        `spool_dir: ${join(dir, 'spool')}`,
        'databases:',
        '  - name: app-server',
        '    engine: postgres',
        `    url: ${pg_().monitorUrl}`,
        `    databases: [${appdb}, postgres, ${closedDb}]`,
        // Statements every second, so the check of /queries?database= below does not wait a minute.
        'intervals:',
        '  statements: 1s',
      ].join('\n'),
    );
    agent = spawn(process.execPath, ['--import', 'tsx', 'agent/src/cli.ts', 'run', '--config', config], {
      env: { ...process.env, VIGIL_API_KEY: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    agent.stdout!.on('data', (d: Buffer) => (agentLog += d.toString()));
    agent.stderr!.on('data', (d: Buffer) => (agentLog += d.toString()));
    const withLog = (err: Error): never => {
      throw new Error(`${err.message}\nagent output:\n${agentLog}`);
    };

    const db = await waitFor('the agent to connect', 30_000, async () => {
      const res = await server.request('GET', '/api/v1/databases', { token: accessToken });
      return res.body.databases.find((d: { name: string; status: string }) => d.name === 'app-server' && d.status === 'connected') as { id: string; host: string | null; port: number | null } | undefined;
    }).catch(withLog);
    // Where the database is comes from the agent's URL (host and port only).
    const monitorUrl = new URL(pg_().monitorUrl);
    expect({ host: db.host, port: db.port }).to.deep.equal({ host: monitorUrl.hostname, port: Number(monitorUrl.port) });

    type Table = { datname: string; schema_name: string; table_name: string };
    const inApp = (rows: Table[]): string[] => rows.filter((row) => row.datname === appdb).map((row) => `${row.schema_name}.${row.table_name}`);
    const tables = await waitFor('appdb tables in the API', 30_000, async () => {
      const res = await server.request('GET', `/api/v1/databases/${db.id}/tables?limit=500`, { token: accessToken });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      const names = inApp(res.body.tables);
      return names.length > 0 ? names : undefined;
    }).catch(withLog);
    expect(tables).to.include.members(['shop.customers', 'shop.orders', 'shop.documents', 'shop.customer_totals', 'audit.events_2026_01', 'audit.events_2026_02']);

    const indexes = await server.request('GET', `/api/v1/databases/${db.id}/indexes?limit=500`, { token: accessToken });
    expect(indexes.status, JSON.stringify(indexes.body)).to.equal(200);
    expect(indexes.body.indexes.filter((index: { datname: string }) => index.datname === appdb).map((index: { index_name: string }) => index.index_name)).to.include.members([
      'orders_customer_idx',
      'customers_email_key',
      'customer_totals_customer_idx',
      'events_2026_01_at_idx',
    ]);

    const sequences = await server.request('GET', `/api/v1/databases/${db.id}/sequences?limit=500`, { token: accessToken });
    expect(sequences.status, JSON.stringify(sequences.body)).to.equal(200);
    const appSequences = sequences.body.sequences.filter((s: { datname: string }) => s.datname === appdb);
    expect(appSequences.map((s: { schema_name: string; sequence_name: string }) => `${s.schema_name}.${s.sequence_name}`)).to.include.members([
      'shop.customers_id_seq',
      'shop.orders_id_seq',
      'audit.events_id_seq',
    ]);
    const customers = appSequences.find((s: { sequence_name: string }) => s.sequence_name === 'customers_id_seq');
    expect(customers.owned_by).to.equal('shop.customers.id');
    expect(customers.used_pct).to.be.within(0, 100);

    const statuses = await waitFor('the unreachable database in the heartbeat', 30_000, async () => {
      const res = await server.request('GET', `/api/v1/databases/${db.id}/health`, { token: accessToken });
      const tablesHealth = res.body.agent?.heartbeat?.collectors.find((c: { collector: string }) => c.collector === 'tables') as { statuses: string[] } | undefined;
      return tablesHealth && tablesHealth.statuses.length > 0 ? tablesHealth.statuses : undefined;
    }).catch(withLog);
    expect(statuses).to.deep.equal(['database_unreachable']);

    // pg_stat_statements is cluster-wide: the application's statements are told apart by database.
    const app = new pg.Client({ connectionString: pg_().superuserUrl.replace(/\/postgres$/, `/${appdb}`) });
    await app.connect();
    try {
      type Row = { query_hash: string; query_text: string };
      const mine = (rows: Row[]) => rows.filter((r) => r.query_text.includes('vigil_e2e_marker'));
      const appRows = await waitFor('an appdb statement in /queries?database=', 30_000, async () => {
        // Runs again each round: the first collection only sets the baseline counters.
        await app.query("SELECT count(*) AS vigil_e2e_marker FROM shop.customers WHERE email <> 'x'");
        const res = await server.request('GET', `/api/v1/databases/${db.id}/queries?database=${appdb}&q=vigil_e2e_marker`, { token: accessToken });
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        const rows = mine(res.body.queries);
        return rows.length > 0 ? rows : undefined;
      }).catch(withLog);
      expect(appRows[0]!.query_text).to.contain('shop.customers');
      const elsewhere = await server.request('GET', `/api/v1/databases/${db.id}/queries?database=postgres&q=vigil_e2e_marker`, { token: accessToken });
      expect(mine(elsewhere.body.queries)).to.deep.equal([]);
      const byDatabase = await server.request('GET', `/api/v1/databases/${db.id}/queries?group_by=database&q=vigil_e2e_marker`, { token: accessToken });
      expect(byDatabase.body.groups.map((g: { database: string }) => g.database)).to.deep.equal([appdb]);
    } finally {
      await app.end();
    }
    expect(agentLog).to.include(closedDb);
    expect(agentLog).to.not.contain(key);
  });
});
