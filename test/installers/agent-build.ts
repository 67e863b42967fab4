import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

let built: Promise<string> | undefined;

/**
 * The agent binary, built once per test process (esbuild + SEA + postject take a while) and shared
 * by every installer suite; removed when the process exits. VIGIL_TEST_AGENT_BINARY names a binary
 * already built, to skip the build while iterating on these suites.
 */
export function agentBinary(): Promise<string> {
  built ??= (async () => {
    const given = process.env.VIGIL_TEST_AGENT_BINARY;
    if (given) return given;
    const dir = mkdtempSync(join(tmpdir(), 'vigil-binary-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const { stdout } = await run(process.execPath, ['installers/build-agent.mjs', '--out', dir]);
    return stdout.trim();
  })();
  return built;
}

/** Long enough for a first build on a busy 2-core machine. */
export const BUILD_TIMEOUT_MS = 180_000;
