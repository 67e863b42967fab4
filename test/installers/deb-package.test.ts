import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { usePostgres } from '../harness/postgres.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { agentBinary, BUILD_TIMEOUT_MS } from './agent-build.js';
import { agentVersion, buildDeb } from '../../installers/deb/build-deb.mjs';

const run = promisify(execFile);
const UNIT = 'installers/systemd/vigil-agent.service';
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;

/** dpkg -i on this machine installs a package and creates a user: only where that is the point (CI) or asked for. */
const DPKG_ALLOWED = isRoot && (process.env.CI === 'true' || process.env.VIGIL_TEST_DPKG === '1');

function buildPackage(binary: string, out: string, version?: string): string {
  // Uncompressed: the test checks the package, not xz, and saves half a minute per build.
  return buildDeb({ binary, out, compress: 'none', ...(version && { version }) });
}

function mode(path: string): string {
  return (statSync(path).mode & 0o7777).toString(8).padStart(4, '0');
}

function owner(path: string): string {
  const { uid, gid } = statSync(path);
  const name = (db: string, id: number) => spawnSync('getent', [db, String(id)], { encoding: 'utf8' }).stdout.split(':')[0] || String(id);
  return `${name('passwd', uid)}:${name('group', gid)}`;
}

describe('installers: the Debian package', function () {
  this.timeout(BUILD_TIMEOUT_MS);
  let dir: string;
  let binary: string;
  let deb: string;

  before(async function () {
    if (!has('dpkg-deb')) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'vigil-deb-test-'));
    binary = await agentBinary();
    deb = buildPackage(binary, join(dir, 'v1'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is named vigil-agent_<version>_<arch>.deb and holds the binary, the conffile and the unit with their modes', async () => {
    expect(deb).to.match(new RegExp(`/vigil-agent_${agentVersion().replaceAll('.', '\\.')}_amd64\\.deb$`));
    const { stdout: contents } = await run('dpkg-deb', ['--contents', deb]);
    const entries = new Map(contents.trim().split('\n').map((line) => {
      const fields = line.split(/\s+/);
      return [fields.at(-1)!.replace(/^\.\//, '/').replace(/\/$/, ''), `${fields[0]} ${fields[1]}`];
    }));
    expect(entries.get('/usr/bin/vigil-agent')).to.equal('-rwxr-xr-x root/root');
    expect(entries.get('/etc/vigil/agent.yaml')).to.equal('-rw-r----- root/root');
    expect(entries.get('/lib/systemd/system/vigil-agent.service')).to.equal('-rw-r--r-- root/root');
    expect(entries.get('')).to.equal('drwxr-xr-x root/root');
    expect((await run('dpkg-deb', ['--field', deb, 'Package', 'Version', 'Architecture'])).stdout).to.equal(`Package: vigil-agent\nVersion: ${agentVersion()}\nArchitecture: amd64\n`);
    const conffiles = (await run('dpkg-deb', ['--info', deb, 'conffiles'])).stdout;
    expect(conffiles.trim()).to.equal('/etc/vigil/agent.yaml');
  });

  it('has maintainer scripts that shellcheck passes', async function () {
    if (!has('shellcheck')) {
      if (process.env.CI === 'true') throw new Error('shellcheck is missing (apt-get install shellcheck)');
      this.skip();
    }
    await run('shellcheck', ['installers/deb/postinst', 'installers/deb/prerm', 'installers/deb/postrm']);
  });

  it('has a hardened unit that systemd-analyze verify accepts', async function () {
    const unit = readFileSync(UNIT, 'utf8');
    for (const line of ['User=vigil', 'Restart=always', 'NoNewPrivileges=yes', 'ProtectSystem=strict', 'ReadWritePaths=/var/lib/vigil-agent', 'ProtectHome=yes', 'PrivateTmp=yes', 'ExecReload=/bin/kill -HUP $MAINPID']) {
      expect(unit).to.match(new RegExp(`^${line.replace(/[$]/g, '\\$')}$`, 'm'));
    }
    expect(Number(/^RestartSec=(\d+)$/m.exec(unit)?.[1])).to.be.within(1, 30);
    // Well above the ~80–95 MiB the agent measures at (README, Benchmarks).
    expect(Number(/^MemoryMax=(\d+)M$/m.exec(unit)?.[1])).to.be.at.least(256);
    // V8 compiles code at run time: this would kill the agent at its first JIT.
    expect(unit).to.not.match(/^MemoryDenyWriteExecute=yes/m);
    if (!has('systemd-analyze')) this.skip();
    // verify checks that ExecStart exists: point it at the binary just built.
    const copy = join(dir, 'vigil-agent.service');
    writeFileSync(copy, unit.replace('ExecStart=/usr/bin/vigil-agent', `ExecStart=${binary}`));
    const verified = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
    // Without systemd as PID 1 it may still complain about targets it cannot load; never about this unit.
    const complaints = verified.stderr.split('\n').filter((line) => line.includes('vigil-agent.service') && !/sysinit\.target|Command \/bin\/kill/.test(line));
    expect(complaints, verified.stderr).to.deep.equal([]);
  });

  describe('dpkg -i, vigil-agent test as the vigil user, upgrade, remove, purge (mutates this machine: CI, or root with VIGIL_TEST_DPKG=1)', function () {
    const pg = usePostgres();
    const ROLE = 'vigil_deb';
    let server: TestServer;
    let key: string;

    before(async function () {
      if (!DPKG_ALLOWED) {
        process.stderr.write('    (skipped: dpkg -i changes this machine; it runs in CI, or as root with VIGIL_TEST_DPKG=1)\n');
        this.skip();
      }
      // Never clobber a real installation or user.
      if (spawnSync('dpkg-query', ['-W', 'vigil-agent'], { stdio: 'ignore' }).status === 0) throw new Error('vigil-agent is already installed here: dpkg -P vigil-agent first');
      if (spawnSync('getent', ['passwd', 'vigil'], { stdio: 'ignore' }).status === 0) throw new Error('a user named vigil already exists here');
      server = await startTestServer();
      const { accessToken } = await server.signup('deb');
      key = await server.createKey(accessToken, 'agent');
    });
    after(async () => {
      if (!DPKG_ALLOWED) return;
      spawnSync('dpkg', ['--purge', 'vigil-agent'], { stdio: 'ignore' });
      await pg().query(`DROP ROLE IF EXISTS ${ROLE}`).catch(() => undefined);
      await server?.close();
    });

    const dpkg = (...args: string[]) => run('dpkg', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

    it('installs every path with its owner and mode, creates the vigil system user and enables the unit', async () => {
      await dpkg('-i', deb);
      expect([owner('/usr/bin/vigil-agent'), mode('/usr/bin/vigil-agent')]).to.deep.equal(['root:root', '0755']);
      expect([owner('/etc/vigil/agent.yaml'), mode('/etc/vigil/agent.yaml')]).to.deep.equal(['root:vigil', '0640']);
      expect([owner('/var/lib/vigil-agent'), mode('/var/lib/vigil-agent')]).to.deep.equal(['vigil:vigil', '0750']);
      expect([owner('/lib/systemd/system/vigil-agent.service'), mode('/lib/systemd/system/vigil-agent.service')]).to.deep.equal(['root:root', '0644']);
      const [, , uid, , , home, shell] = spawnSync('getent', ['passwd', 'vigil'], { encoding: 'utf8' }).stdout.trim().split(':');
      expect(Number(uid)).to.be.below(1000);
      expect([home, shell]).to.deep.equal(['/var/lib/vigil-agent', '/usr/sbin/nologin']);
      if (has('deb-systemd-helper')) expect(lstatSync('/etc/systemd/system/multi-user.target.wants/vigil-agent.service').isSymbolicLink()).to.equal(true);
      expect((await run('/usr/bin/vigil-agent', ['version'], { env: {} })).stdout).to.contain(agentVersion());
    });

    it('runs vigil-agent test as the vigil user against PostgreSQL with the role vigil-agent grants printed', async () => {
      const { stdout: sql } = await run('/usr/bin/vigil-agent', ['grants', '--engine', 'postgres', '--user', ROLE, '--version', String(Math.floor(pg().version / 10000))]);
      await pg().query(sql);
      // Edited in place, as an admin would: the conffile keeps its owner and mode.
      writeFileSync('/etc/vigil/agent.yaml', [
        `server_url: ${server.wsUrl}`,
        `api_key: ${key}`,
        'spool_dir: /var/lib/vigil-agent',
        'databases:',
        '  - name: deb-pg',
        '    engine: postgres',
        `    url: postgres://${ROLE}@${pg().host}:${pg().port}/postgres`,
        '',
      ].join('\n'));
      const { stdout, stderr } = await run('runuser', ['-u', 'vigil', '--', '/usr/bin/vigil-agent', 'test', '--config', '/etc/vigil/agent.yaml'], { cwd: '/' });
      // run() rejects on a non-zero exit: the test passed.
      expect(stdout + stderr).to.not.contain(key);
    });

    it('upgrades to a newer version keeping the edited config and the spool', async () => {
      // A real spool and state: the agent runs as vigil until it has collected and spooled something.
      const { uid, gid } = statSync('/var/lib/vigil-agent');
      const agent = spawn('/usr/bin/vigil-agent', ['run', '--config', '/etc/vigil/agent.yaml'], { uid, gid, cwd: '/', stdio: ['ignore', 'ignore', 'pipe'], env: {} });
      let log = '';
      agent.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
      try {
        await waitFor('the agent to run', 60_000, async () => (log.includes('agent running') ? true : undefined), () => log);
      } finally {
        const exited = new Promise((resolve) => agent.once('exit', resolve));
        agent.kill('SIGTERM');
        await exited;
      }
      const snapshot = () => {
        const files: Record<string, string> = {};
        const walk = (d: string) => {
          for (const entry of readdirSync(d, { withFileTypes: true })) {
            const path = join(d, entry.name);
            if (entry.isDirectory()) walk(path);
            else files[path] = `${owner(path)} ${readFileSync(path).toString('base64')}`;
          }
        };
        walk('/var/lib/vigil-agent');
        return files;
      };
      const spoolBefore = snapshot();
      expect(Object.keys(spoolBefore).length, 'files the agent wrote').to.be.above(0);
      const configBefore = readFileSync('/etc/vigil/agent.yaml', 'utf8');

      const newer = `${agentVersion()}+upgrade1`;
      const upgraded = buildPackage(binary, join(dir, 'v2'), newer);
      await dpkg('-i', upgraded);
      expect((await run('dpkg-query', ['-W', '-f', '${Version}', 'vigil-agent'])).stdout).to.equal(newer);
      expect(readFileSync('/etc/vigil/agent.yaml', 'utf8')).to.equal(configBefore);
      expect([owner('/etc/vigil/agent.yaml'), mode('/etc/vigil/agent.yaml')]).to.deep.equal(['root:vigil', '0640']);
      expect(snapshot()).to.deep.equal(spoolBefore);
    });

    it('remove keeps the config, the spool and the user; purge deletes them', async () => {
      await dpkg('--remove', 'vigil-agent');
      expect(existsSync('/usr/bin/vigil-agent')).to.equal(false);
      expect(existsSync('/lib/systemd/system/vigil-agent.service')).to.equal(false);
      expect(existsSync('/etc/vigil/agent.yaml')).to.equal(true);
      expect(readdirSync('/var/lib/vigil-agent').length).to.be.above(0);
      expect(spawnSync('getent', ['passwd', 'vigil']).status).to.equal(0);

      await dpkg('--purge', 'vigil-agent');
      for (const path of ['/etc/vigil', '/var/lib/vigil-agent', '/etc/systemd/system/multi-user.target.wants/vigil-agent.service', '/etc/systemd/system/vigil-agent.service']) {
        expect(existsSync(path), path).to.equal(false);
      }
      expect(spawnSync('getent', ['passwd', 'vigil']).status).to.equal(2);
      expect(spawnSync('dpkg-query', ['-W', 'vigil-agent'], { stdio: 'ignore' }).status).to.not.equal(0);
    });
  });
});
