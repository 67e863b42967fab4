import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { expect } from 'chai';

/**
 * `pnpm start` as a user or a service manager runs it: a real pnpm, a real server process, a real
 * SIGTERM. A graceful stop must exit 0 without pnpm's `ELIFECYCLE Command failed`, and must reach the
 * server (a shell between pnpm and node used to die of the signal and leave the server running).
 */

const REPO = resolve(import.meta.dirname, '../../..');

/**
 * pnpm's own CLI script, found on PATH (`pnpm exec mocha` puts it there), run by node directly: the
 * child we signal must be pnpm itself, not a wrapper such as `npm exec` that handles signals its own way.
 */
function pnpmCommand(): { command: string; args: string[] } | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'pnpm');
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    return /\.c?js$/.test(real) ? { command: process.execPath, args: [real] } : { command: real, args: [] };
  }
  return undefined;
}

interface Started {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startPnpm(dataDir: string): Promise<Started> {
  const pnpm = pnpmCommand();
  if (!pnpm) throw new Error('pnpm is not on PATH: run the tests through pnpm (npx --yes pnpm@9.15.9 test)');
  // Its own process group, so the group test can signal pnpm and the server together.
  const child = spawn(pnpm.command, [...pnpm.args, 'start'], {
    cwd: REPO,
    detached: true,
    env: { ...process.env, VIGIL_PORT: '0', VIGIL_HOST: '127.0.0.1', VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const deadline = Date.now() + 60_000;
  while (!output.includes('vigil server listening')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`pnpm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, exited };
}

describe('ops: pnpm start and SIGTERM', function () {
  this.timeout(120_000);
  let dataDir: string;
  let running: Started | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigil-pnpm-start-'));
  });
  afterEach(() => {
    // A failed test must not leave a server behind, even one whose pnpm already exited: end the group this test started.
    if (running?.child.pid !== undefined) {
      try {
        process.kill(-running.child.pid, 'SIGKILL');
      } catch {
        // the group is gone: nothing left running
      }
    }
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGTERM to pnpm: the server drains and everything exits 0, with no ELIFECYCLE', async () => {
    running = await startPnpm(dataDir);
    running.child.kill('SIGTERM');
    const { code, signal } = await running.exited;
    expect(running.output(), running.output()).to.include('shutdown complete');
    expect(running.output()).not.to.include('ELIFECYCLE');
    expect({ code, signal }).to.deep.equal({ code: 0, signal: null });
  });

  it('SIGTERM to the whole process group (Ctrl-C, systemd): one graceful stop, exit 0', async () => {
    running = await startPnpm(dataDir);
    process.kill(-running.child.pid!, 'SIGTERM');
    const { code } = await running.exited;
    const output = running.output();
    expect(output).to.include('shutdown complete');
    // pnpm forwards the signal the server also got directly: not a second request to hurry.
    expect(output).not.to.include('second signal');
    expect(output).not.to.include('ELIFECYCLE');
    expect(code).to.equal(0);
  });
});
