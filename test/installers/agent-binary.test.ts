import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { usePostgres } from '../harness/postgres.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { agentBinary, BUILD_TIMEOUT_MS } from './agent-build.js';

const run = promisify(execFile);

/** The agent as customers install it: one file, run with an empty environment (no Node on PATH). */
describe('installers: the self-contained agent binary', function () {
  this.timeout(BUILD_TIMEOUT_MS);
  const pg = usePostgres();
  let dir: string;
  let binary: string;
  let server: TestServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-binary-test-'));
    binary = await agentBinary();
    server = await startTestServer();
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints its version with no environment at all', async () => {
    const { stdout, stderr } = await run(binary, ['version'], { env: {} });
    expect(stdout).to.match(/^vigil-agent \d+\.\d+\.\d+ \(protocol \d+\.\d+\)/);
    // The build stamps the commit it was made from.
    expect(stdout).to.match(/^commit: +[0-9a-f]{7,}$/m);
    expect(stderr).to.equal('');
  });

  it('connects to a real PostgreSQL and server from the bundle (pg, ws, protobuf inside)', async () => {
    const { accessToken } = await server.signup('binary');
    const key = await server.createKey(accessToken, 'agent');
    const config = join(dir, 'agent.yaml');
    writeFileSync(config, [`server_url: ${server.wsUrl}`, 'databases:', '  - name: binary-pg', '    engine: postgres', `    url: ${pg().monitorUrl}`].join('\n'));
    const { stdout, stderr } = await run(binary, ['test', '--config', config, '--verbose'], { env: { VIGIL_API_KEY: key } });
    expect(stdout).to.contain('"hello"');
    expect(stderr).to.match(/^ok {3}server /m);
    expect(stdout + stderr).to.not.contain(key);
    // A test registers nothing on the server (its Hello is a probe).
    const dbs = await server.request('GET', '/api/v1/databases', { token: accessToken });
    expect(dbs.body.databases).to.deep.equal([]);
  });
});
