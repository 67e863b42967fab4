import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { usePostgres } from '../harness/postgres.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

const STATEMENTS_INTERVAL = '1s';

/**
 * The whole path for real: PostgreSQL → the agent CLI (its own process) → protobuf over an
 * outbound WebSocket → the server → the REST API.
 */
describe('end to end: PostgreSQL statements through agent and server', function () {
  this.timeout(120_000);
  const pg = usePostgres();
  let server: TestServer;
  let agent: ChildProcess | undefined;
  let agentLog = '';
  let dir: string;

  before(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
  });

  after(async () => {
    if (agent && agent.exitCode === null) {
      const exited = new Promise((r) => agent!.once('exit', r));
      agent.kill('SIGTERM');
      await exited;
    }
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports exactly the calls made after the baseline, with literals stripped', async () => {
    await pg().query('CREATE TABLE endtoend_orders (id int PRIMARY KEY, note text)');
    await pg().query("INSERT INTO endtoend_orders SELECT g, 'seed' FROM generate_series(1, 100) g");

    const { accessToken } = await server.signup('e2e');
    const key = await server.createKey(accessToken, 'agent');
    const config = join(dir, 'agent.yaml');
    writeFileSync(
      config,
      [`server_url: ${server.wsUrl}`, `spool_dir: ${join(dir, 'spool')}`, 'intervals:', `  statements: ${STATEMENTS_INTERVAL}`, 'databases:', '  - name: e2e-pg', '    engine: postgres', `    url: ${pg().monitorUrl}`].join('\n'),
    );
    // The key travels by environment, as the README recommends for services.
    agent = spawn(process.execPath, ['--import', 'tsx', 'agent/src/cli.ts', 'run', '--config', config], {
      env: { ...process.env, VIGIL_API_KEY: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    agent.stdout!.on('data', (d: Buffer) => (agentLog += d.toString()));
    agent.stderr!.on('data', (d: Buffer) => (agentLog += d.toString()));

    // The agent takes its baseline before it connects, so a connected database has one.
    const db = await waitFor('the agent to connect', 30_000, async () => {
      const res = await server.request('GET', '/api/v1/databases', { token: accessToken });
      return res.body.databases.find((d: { name: string; status: string }) => d.name === 'e2e-pg' && d.status === 'connected') as { id: string; engine_version: string } | undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}\nagent output:\n${agentLog}`);
    });
    expect(db.engine_version).to.match(/^\d+/);

    for (let i = 1; i <= 37; i++) await pg().query(`SELECT note FROM endtoend_orders WHERE id = ${i}`);
    for (let i = 1; i <= 11; i++) await pg().query(`UPDATE endtoend_orders SET note = 'secret-${i * 7919}' WHERE id = ${i + 50}`);

    type Row = { query_text: string; total_calls: number };
    const find = (rows: Row[], prefix: string) => rows.find((q) => q.query_text.startsWith(prefix) && q.query_text.includes('endtoend_orders'));
    const readQueries = async (): Promise<Row[]> => (await server.request('GET', `/api/v1/databases/${db.id}/queries?sort_by=calls&limit=100`, { token: accessToken })).body.queries;

    await waitFor('both statements to reach the API', 30_000, async () => {
      const rows = await readQueries();
      return find(rows, 'SELECT')?.total_calls === 37 && find(rows, 'UPDATE')?.total_calls === 11 ? true : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}\nagent output:\n${agentLog}`);
    });
    // A few more intervals: unchanged counters must add nothing.
    await new Promise((r) => setTimeout(r, 3_000));
    const rows = await readQueries();
    const select = find(rows, 'SELECT')!;
    const update = find(rows, 'UPDATE')!;
    expect(select.total_calls).to.equal(37);
    expect(update.total_calls).to.equal(11);

    for (const text of [select.query_text, update.query_text]) {
      expect(text.replace(/\$\d+/g, '')).to.not.match(/\d/, `a digit survived in ${text}`);
      expect(text).to.not.contain('secret');
    }
    expect(select.query_text).to.equal('SELECT note FROM endtoend_orders WHERE id = $1');
    // The agent's own queries are marked and never reported.
    expect(rows.some((q) => q.query_text.includes('pg_stat_statements'))).to.equal(false);
    expect(agentLog).to.not.contain(key);
  });
});
