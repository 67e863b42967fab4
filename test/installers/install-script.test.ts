import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { usePostgres } from '../harness/postgres.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { agentBinary, BUILD_TIMEOUT_MS } from './agent-build.js';
import { buildDeb } from '../../installers/deb/build-deb.mjs';

const execFileAsync = promisify(execFile);
const SCRIPT = 'installers/install.sh';

/** install.sh under sh (dash on Debian, as `curl … | sh` runs it); never throws, so a failure's output can be asserted. */
async function install(args: readonly string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('sh', [SCRIPT, ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** Every path under `dir` with its mode, size and mtime: equal snapshots mean nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const s = statSync(path);
      out[path.slice(dir.length)] = `${(s.mode & 0o7777).toString(8)} ${s.size} ${s.mtimeMs}`;
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return out;
}

describe('installers: install.sh', function () {
  this.timeout(BUILD_TIMEOUT_MS);
  const pg = usePostgres();
  let dir: string;
  let binary: string;
  let server: TestServer;
  let key: string;
  let keyFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-install-'));
    binary = await agentBinary();
    server = await startTestServer();
    const { accessToken } = await server.signup('install');
    key = await server.createKey(accessToken, 'agent');
    keyFile = join(dir, 'agent.key');
    writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const configFlags = () => ['--server-url', server.wsUrl, '--api-key-file', keyFile, '--database', `main=postgres:${pg().monitorUrl}`];

  it('is shellcheck-clean', async function () {
    if (spawnSync('sh', ['-c', 'command -v shellcheck'], { stdio: 'ignore' }).status !== 0) {
      if (process.env.CI === 'true') throw new Error('shellcheck is missing (apt-get install shellcheck)');
      this.skip();
    }
    await execFileAsync('shellcheck', [SCRIPT]);
  });

  it('writes the same unit as installers/systemd/vigil-agent.service, but for /usr/local/bin', async () => {
    const root = join(dir, 'unit-root');
    const result = await install(['--root', root, '--binary', binary, ...configFlags(), '--skip-test']);
    expect(result.code, result.out).to.equal(0);
    const written = readFileSync(join(root, 'etc/systemd/system/vigil-agent.service'), 'utf8');
    expect(written.replace('ExecStart=/usr/local/bin/vigil-agent ', 'ExecStart=/usr/bin/vigil-agent ')).to.equal(readFileSync('installers/systemd/vigil-agent.service', 'utf8'));
  });

  it('installs from a URL into a root prefix, passes vigil-agent test, never prints the key, and changes nothing when run again', async () => {
    const root = join(dir, 'root');
    const first = await install(['--root', root, '--binary', `file://${binary}`, ...configFlags()]);
    expect(first.code, first.out).to.equal(0);
    expect(first.out).to.contain('running vigil-agent test');
    expect(first.out).to.not.contain(key);
    const config = join(root, 'etc/vigil/agent.yaml');
    expect((statSync(config).mode & 0o777).toString(8)).to.equal('640');
    expect(readFileSync(config, 'utf8')).to.contain(`api_key: '${key}'`).and.contain("spool_dir: /var/lib/vigil-agent");
    expect((statSync(join(root, 'usr/local/bin/vigil-agent')).mode & 0o777).toString(8)).to.equal('755');
    expect((statSync(join(root, 'var/lib/vigil-agent')).mode & 0o777).toString(8)).to.equal('750');

    const before = snapshot(root);
    const second = await install(['--root', root, '--binary', `file://${binary}`, ...configFlags()]);
    expect(second.code, second.out).to.equal(0);
    expect(second.out).to.not.match(/installed:|created:/);
    expect(snapshot(root)).to.deep.equal(before);
  });

  it('refuses a malformed --database or a binary that does not run, before writing anything', async () => {
    const root = join(dir, 'refused');
    const bad = await install(['--root', root, '--binary', binary, '--server-url', server.wsUrl, '--api-key-file', keyFile, '--database', 'main-postgres']);
    expect(bad.code).to.equal(1);
    expect(bad.out).to.contain('--database must be NAME=ENGINE:URL');
    expect(existsSync(join(root, 'etc/vigil/agent.yaml'))).to.equal(false);
    const notBinary = join(dir, 'not-a-binary');
    writeFileSync(notBinary, '<html>404</html>');
    const wrong = await install(['--root', join(dir, 'wrong'), '--binary', notBinary, ...configFlags()]);
    expect(wrong.code).to.equal(1);
    expect(wrong.out).to.contain('does not run on this');
    expect(existsSync(join(dir, 'wrong', 'usr'))).to.equal(false);
  });

  it('installs the binary from a .deb, and --uninstall keeps the config and spool until --purge', async () => {
    const root = join(dir, 'deb-root');
    const deb = buildDeb({ binary, out: join(dir, 'deb'), compress: 'none' });
    const installed = await install(['--root', root, '--deb', deb, ...configFlags()]);
    expect(installed.code, installed.out).to.equal(0);
    expect(existsSync(join(root, 'usr/bin/vigil-agent'))).to.equal(true);

    const removed = await install(['--root', root, '--uninstall']);
    expect(removed.code, removed.out).to.equal(0);
    expect(existsSync(join(root, 'etc/vigil/agent.yaml'))).to.equal(true);
    expect(existsSync(join(root, 'var/lib/vigil-agent'))).to.equal(true);
    const purged = await install(['--root', root, '--uninstall', '--purge']);
    expect(purged.code, purged.out).to.equal(0);
    expect(existsSync(join(root, 'etc/vigil'))).to.equal(false);
    expect(existsSync(join(root, 'var/lib/vigil-agent'))).to.equal(false);
  });
});
