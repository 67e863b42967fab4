import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import { usePostgres } from '../harness/postgres.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * 64-bit values end to end through a real agent: a bigint sequence's bounds (2^63 - 1 and its
 * negative) and a value above 2^53 arrive exactly in /sequences, and the numbers never wrap negative.
 */
describe('end to end: 64-bit values exact from PostgreSQL to the API', function () {
  this.timeout(90_000);
  const postgres = usePostgres();
  const appdb = `vigil_e2e_int64_${process.pid}`;
  let server: TestServer;
  let agent: ChildProcess | undefined;
  let agentLog = '';
  let dir: string;

  before(async () => {
    server = await startTestServer({ env: { VIGIL_HEARTBEAT_INTERVAL_S: '1' } });
    dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-int64-'));
    await postgres().query(`DROP DATABASE IF EXISTS ${appdb} WITH (FORCE)`);
    await postgres().query(`CREATE DATABASE ${appdb}`);
    const admin = new pg.Client({ connectionString: postgres().superuserUrl.replace(/\/postgres$/, `/${appdb}`) });
    await admin.connect();
    try {
      await admin.query(`
        CREATE SEQUENCE past_2_53 AS bigint;
        SELECT setval('past_2_53', 9007199254740993);
        CREATE SEQUENCE downwards AS bigint INCREMENT BY -1 MINVALUE -9223372036854775808 MAXVALUE -1 START WITH -9007199254740995;
        SELECT nextval('downwards');
        GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO vigil_monitor;
      `);
    } finally {
      await admin.end();
    }
  });

  after(async () => {
    if (agent && agent.exitCode === null) {
      const exited = new Promise((r) => agent!.once('exit', r));
      agent.kill('SIGTERM');
      await exited;
    }
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    await postgres().query(`DROP DATABASE IF EXISTS ${appdb} WITH (FORCE)`);
  });

  it('shows a bigint sequence past 2^53 and its bounds exactly', async () => {
    const { accessToken } = await server.signup('e2e-int64');
    const key = await server.createKey(accessToken, 'agent');
    const config = join(dir, 'agent.yaml');
    writeFileSync(
      config,
      [`server_url: ${server.wsUrl}`, `spool_dir: ${join(dir, 'spool')}`, 'databases:', '  - name: int64', '    engine: postgres', `    url: ${postgres().monitorUrl}`, `    databases: [${appdb}]`].join('\n'),
    );
    agent = spawn(process.execPath, ['--import', 'tsx', 'agent/src/cli.ts', 'run', '--config', config], { env: { ...process.env, VIGIL_API_KEY: key }, stdio: ['ignore', 'pipe', 'pipe'] });
    agent.stdout!.on('data', (d: Buffer) => (agentLog += d.toString()));
    agent.stderr!.on('data', (d: Buffer) => (agentLog += d.toString()));
    const withLog = (err: Error): never => {
      throw new Error(`${err.message}\nagent output:\n${agentLog}`);
    };
    const db = await waitFor('the agent to connect', 30_000, async () => {
      const res = await server.request('GET', '/api/v1/databases', { token: accessToken });
      return res.body.databases.find((d: { name: string; status: string }) => d.name === 'int64' && d.status === 'connected') as { id: string } | undefined;
    }).catch(withLog);
    type Sequence = { sequence_name: string; last_value: number; min_value: number; max_value: number; last_value_text: string; min_value_text: string; max_value_text: string; increment_by_text: string };
    const sequences = await waitFor('the sequences in the API', 30_000, async () => {
      const res = await server.request('GET', `/api/v1/databases/${db.id}/sequences?limit=500`, { token: accessToken });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      const found = new Map((res.body.sequences as Sequence[]).map((s) => [s.sequence_name, s]));
      return found.has('past_2_53') && found.has('downwards') ? found : undefined;
    }).catch(withLog);

    const up = sequences.get('past_2_53')!;
    expect(up).to.include({ last_value_text: '9007199254740993', min_value_text: '1', max_value_text: '9223372036854775807', increment_by_text: '1' });
    // The numbers are the nearest doubles, never wrapped.
    expect(up.max_value).to.be.greaterThan(9e18);
    expect(up.last_value).to.be.greaterThan(2 ** 53 - 1);
    const down = sequences.get('downwards')!;
    expect(down).to.include({ last_value_text: '-9007199254740995', min_value_text: '-9223372036854775808', max_value_text: '-1', increment_by_text: '-1' });
    expect(down.min_value).to.be.lessThan(-9e18);
  });
});
