import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { usePostgres } from '../harness/postgres.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

/** `systemctl reload vigil-agent` is SIGHUP to a real `vigil-agent run`: what it keeps and what it refuses. */
describe('agent: config reload on SIGHUP', function () {
  this.timeout(90_000);
  const pg = usePostgres();
  let dir: string;
  let server: TestServer;
  let token: string;
  let key: string;
  let agent: ChildProcess | undefined;
  let log = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-reload-'));
    server = await startTestServer();
    ({ accessToken: token } = await server.signup('reload'));
    key = await server.createKey(token, 'agent');
  });
  after(async () => {
    if (agent && agent.exitCode === null) {
      agent.kill('SIGKILL');
      await new Promise((resolve) => agent!.once('exit', resolve));
    }
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function writeConfig(extra: readonly string[], databases: readonly string[]): void {
    writeFileSync(join(dir, 'agent.yaml'), [
      `server_url: ${server.wsUrl}`,
      'spool_dir: ./spool',
      'databases:',
      ...databases.flatMap((name) => [`  - name: ${name}`, '    engine: postgres', `    url: ${pg().monitorUrl}`]),
      ...extra,
      '',
    ].join('\n'));
  }
  async function databases(): Promise<string[]> {
    const res = await server.request('GET', '/api/v1/databases', { token });
    return res.body.databases.map((d: { name: string }) => d.name).sort();
  }
  const logged = (text: string) => async () => (log.includes(text) ? true : undefined);
  const stateFiles = () => readdirSync(join(dir, 'spool', 'state')).sort();

  it('starts, refuses a bad config naming the key and keeps running, then applies a good one keeping the spool and state', async () => {
    writeConfig([], ['reload-a']);
    agent = spawn(process.execPath, ['--import', 'tsx', 'agent/src/cli.ts', 'run', '--config', join(dir, 'agent.yaml')], { env: { ...process.env, VIGIL_API_KEY: key }, stdio: ['ignore', 'ignore', 'pipe'] });
    agent.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitFor('the agent to run', 60_000, logged('agent running'), () => log);
    await waitFor('reload-a to be registered', 20_000, async () => ((await databases()).includes('reload-a') ? true : undefined), () => log);
    const stateBefore = stateFiles();
    expect(stateBefore.length).to.be.above(0);

    // A typo in a collector name: refused, named, and the agent goes on with what it had.
    writeConfig(['intervals:', '  statments: 10s'], ['reload-a', 'reload-b']);
    agent.kill('SIGHUP');
    await waitFor('the refusal', 20_000, logged('config reload refused'), () => log);
    const refusal = log.split('\n').find((line) => line.includes('config reload refused'))!;
    expect(refusal).to.contain('intervals.statments: unknown key');
    expect(JSON.parse(refusal).level).to.equal(50);
    expect(agent.exitCode).to.equal(null);
    expect(await databases()).to.deep.equal(['reload-a']);

    // A good edit: a second database. Applied without a restart of the process.
    writeConfig([], ['reload-a', 'reload-b']);
    agent.kill('SIGHUP');
    await waitFor('the reload', 60_000, logged('"msg":"config reloaded"'), () => log);
    await waitFor('reload-b to be registered', 20_000, async () => ((await databases()).includes('reload-b') ? true : undefined), () => log);
    // The first database's collectors came back from their saved state, not from fresh baselines.
    expect(stateFiles()).to.include.members(stateBefore);
    expect(log).to.not.match(/quarantine|fresh baseline|evicted/);
    expect(log).to.not.contain(key);

    // An unchanged file is a no-op.
    agent.kill('SIGHUP');
    await waitFor('the no-op reload', 20_000, logged('nothing changed'), () => log);

    const exited = new Promise<number | null>((resolve) => agent!.once('exit', resolve));
    agent.kill('SIGTERM');
    expect(await exited).to.equal(0);
  });
});
