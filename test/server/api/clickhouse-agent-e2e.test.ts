import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { useClickHouse } from '../../harness/clickhouse.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { waitFor } from '../../helpers/wait-for.js';

/**
 * The ClickHouse path for real: the harness ClickHouse → the agent CLI (its own process) and its
 * ClickHouse collectors → the server's ClickHouse record kinds → /parts and the query statistics.
 */
describe('end to end: ClickHouse parts and queries through agent and server', function () {
  this.timeout(120_000);
  const ch = useClickHouse();
  let server: TestServer;
  let agent: ChildProcess | undefined;
  let agentLog = '';
  let dir: string;
  const database = `e2e_${randomBytes(4).toString('hex')}`;

  before(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-ch-'));
  });

  after(async () => {
    if (agent && agent.exitCode === null) {
      const exited = new Promise((r) => agent!.once('exit', r));
      agent.kill('SIGTERM');
      await exited;
    }
    await server?.close();
    await ch()
      .query(`DROP DATABASE IF EXISTS ${database}`)
      .catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a table with its parts on /parts and a fingerprint with every call', async () => {
    await ch().query(`CREATE DATABASE ${database}`);
    await ch().query(`CREATE TABLE ${database}.events (day Date, id UInt64) ENGINE = MergeTree PARTITION BY toYYYYMM(day) ORDER BY id`);
    // Three inserts, three parts in one partition (until a merge, which needs more than a few seconds here).
    for (let i = 0; i < 3; i++) await ch().query(`INSERT INTO ${database}.events VALUES ('2026-11-01', ${i})`);

    const { accessToken } = await server.signup('e2e-ch');
    const key = await server.createKey(accessToken, 'agent');
    const config = join(dir, 'agent.yaml');
    writeFileSync(
      config,
      [
        `server_url: ${server.wsUrl}`,
        `spool_dir: ${join(dir, 'spool')}`,
        'intervals:',
        '  query_log: 1s',
        '  parts: 1s',
        'databases:',
        '  - name: e2e-ch',
        '    engine: clickhouse',
        `    url: ${ch().monitorUrl}`,
      ].join('\n'),
    );
    agent = spawn(process.execPath, ['--import', 'tsx', 'agent/src/cli.ts', 'run', '--config', config], { env: { ...process.env, VIGIL_API_KEY: key }, stdio: ['ignore', 'pipe', 'pipe'] });
    agent.stdout!.on('data', (d: Buffer) => (agentLog += d.toString()));
    agent.stderr!.on('data', (d: Buffer) => (agentLog += d.toString()));
    const withLog = (err: Error) => {
      throw new Error(`${err.message}\nagent output:\n${agentLog}`);
    };

    const db = await waitFor('the agent to connect', 30_000, async () => {
      const res = await server.request('GET', '/api/v1/databases', { token: accessToken });
      return res.body.databases.find((d: { name: string; status: string }) => d.name === 'e2e-ch' && d.status === 'connected') as { id: string; engine: string } | undefined;
    }).catch(withLog);
    expect(db.engine).to.equal('clickhouse');

    for (let i = 0; i < 7; i++) await ch().query(`SELECT count() FROM ${database}.events WHERE id = ${1000 + i}`);

    const events = await waitFor('the table on /parts', 30_000, async () => {
      const res = await server.request('GET', `/api/v1/databases/${db.id}/parts?limit=500`, { token: accessToken });
      expect(res.status).to.equal(200);
      return (res.body.tables as Array<{ database: string; table: string; active_parts: number; rows: number; partition_stats: Array<{ partition: string }> }>).find(
        (t) => t.database === database && t.table === 'events' && t.rows === 3,
      );
    }).catch(withLog);
    expect(events.active_parts).to.be.within(1, 3);
    expect(events.partition_stats.map((p) => p.partition)).to.deep.equal(['202611']);

    const until = new Date(Date.now() + 60_000).toISOString();
    const fingerprint = async () => {
      const res = await server.request('GET', `/api/v1/databases/${db.id}/queries?sort_by=calls&limit=100&until=${until}`, { token: accessToken });
      expect(res.status).to.equal(200);
      return (res.body.queries as Array<{ query_text: string; total_calls: number; errors: number; p95_time_ms: number; p99_time_ms: number }>).find(
        (q) => q.query_text.startsWith('SELECT') && q.query_text.includes(`${database}.events`),
      );
    };
    await waitFor('all 7 calls in the query statistics', 30_000, async () => ((await fingerprint())?.total_calls === 7 ? true : undefined)).catch(withLog);
    // More collections: nothing is counted twice.
    await new Promise((r) => setTimeout(r, 3_000));
    const stat = (await fingerprint())!;
    expect(stat).to.include({ total_calls: 7, errors: 0 });
    expect(stat.query_text).to.not.contain('1000');
    expect(stat.p99_time_ms).to.be.at.least(stat.p95_time_ms);
    expect(agentLog).to.not.contain(key);
  });
});
