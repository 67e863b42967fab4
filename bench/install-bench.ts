/**
 * pnpm bench:install — from `install.sh --deb` (dpkg -i, config, vigil-agent test) to the first
 * statements visible in the API, at default intervals. The target: ≤ 2 minutes.
 *
 * Root only, and it changes this machine the way a real install does (installs the vigil-agent
 * package, creates the vigil user): it refuses to run where either already exists, and purges both
 * at the end. Starts the harness PostgreSQL (a statement every second keeps pg_stat_statements
 * moving) and the real server in its own process, creates the monitoring role from
 * `vigil-agent grants` (the DBA's paste, before the clock starts), then times:
 *   install.sh --deb … --server-url … --api-key-file … --database …   (dpkg -i, config, test)
 *   the agent started as the vigil user, as systemd's unit would (no systemd runs here)
 *   until GET /databases/{id}/queries returns a statement.
 * The statements collector takes its baseline at start and reports deltas at the next whole
 * minute, so the figure is dominated by where in the minute the install happens (up to 60 s).
 *
 * Options: --deb FILE (default: pnpm build:deb into a temp dir, xz as released; its size is printed)
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgres } from '../test/harness/postgres.js';
import { buildAgentBinary, buildDeb } from '../installers/deb/build-deb.mjs';
import { benchAccount, startBenchServer } from './bench-server.js';
import { benchArgs } from './bench-args.js';

const { values: opts } = parseArgs({ args: benchArgs, options: { deb: { type: 'string' } } });
const ROLE = 'vigil';

function fail(message: string): never {
  process.stderr.write(`bench:install: ${message}\n`);
  process.exit(1);
}

if (process.getuid?.() !== 0) fail('run as root: it installs a package and creates a user, as a real install does');
if (spawnSync('dpkg-query', ['-W', 'vigil-agent'], { stdio: 'ignore' }).status === 0) fail('vigil-agent is installed here already: dpkg -P vigil-agent first');
if (spawnSync('getent', ['passwd', 'vigil'], { stdio: 'ignore' }).status === 0) fail('a vigil user exists here already');

const work = mkdtempSync(join(tmpdir(), 'vigil-install-bench-'));
let deb = opts.deb;
if (!deb) {
  process.stdout.write('building the agent and its .deb (xz, as released)...\n');
  deb = buildDeb({ binary: buildAgentBinary(join(work, 'agent')), out: work, compress: 'xz' });
}
const debBytes = statSync(deb).size;

const pg = await startPostgres();
const server = await startBenchServer({ VIGIL_DATA_DIR: join(work, 'server') });
const { token, agentKey } = await benchAccount(server.baseUrl);
const keyFile = join(work, 'agent.key');
writeFileSync(keyFile, agentKey, { mode: 0o600 });
const workload = setInterval(() => void pg.query('SELECT count(*) FROM pg_class WHERE relpages > $1', [Math.floor(Math.random() * 10)]).catch(() => undefined), 1000);
// The DBA's paste, before the clock: the same SQL the installed binary prints.
await pg.query(execFileSync(process.execPath, ['--import', 'tsx', 'agent/src/cli.ts', 'grants', '--engine', 'postgres', '--user', ROLE, '--version', String(Math.floor(pg.version / 10000))], { encoding: 'utf8' }));

let agent: ReturnType<typeof spawn> | undefined;
try {
  const t0 = performance.now();
  execFileSync('sh', ['installers/install.sh', '--deb', deb, '--server-url', server.wsUrl, '--api-key-file', keyFile, '--database', `main=postgres:postgres://${ROLE}@${pg.host}:${pg.port}/postgres`, '--init', 'none'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const installed = performance.now();
  const uid = Number(execFileSync('id', ['-u', 'vigil'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'vigil'], { encoding: 'utf8' }));
  agent = spawn('/usr/bin/vigil-agent', ['run', '--config', '/etc/vigil/agent.yaml'], { uid, gid, cwd: '/', env: {}, stdio: 'ignore' });
  const get = async (path: string) => (await fetch(server.baseUrl + path, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<any>;
  let registered = 0;
  let databaseId: string | undefined;
  for (;;) {
    if (performance.now() - t0 > 300_000) throw new Error('no statements after 5 minutes');
    if (!databaseId) {
      databaseId = (await get('/api/v1/databases')).databases?.find((d: { name: string }) => d.name === 'main')?.id;
      if (databaseId) registered = performance.now();
    } else if (((await get(`/api/v1/databases/${databaseId}/queries`)).queries ?? []).length > 0) {
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const done = performance.now();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  process.stdout.write(
    [
      `date: ${new Date().toISOString().slice(0, 10)}, machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores, PostgreSQL ${Math.floor(pg.version / 10000)}.${pg.version % 10000}`,
      `.deb: ${(debBytes / 1024 / 1024).toFixed(1)} MiB (${debBytes} bytes)`,
      `install.sh (dpkg -i, config, vigil-agent test): ${s(installed - t0)}`,
      `database registered in the API: ${s(registered - t0)}`,
      `first statements visible in the API: ${s(done - t0)} (target ≤ 120 s)`,
      '',
    ].join('\n'),
  );
} finally {
  clearInterval(workload);
  if (agent && agent.exitCode === null) {
    const exited = new Promise((r) => agent!.once('exit', r));
    agent.kill('SIGTERM');
    await exited;
  }
  spawnSync('dpkg', ['--purge', 'vigil-agent'], { stdio: 'ignore' });
  await pg.query(`DROP ROLE IF EXISTS ${ROLE}`).catch(() => undefined);
  await server.stop();
  await pg.stop();
  rmSync(work, { recursive: true, force: true });
}
