import { spawn, type ChildProcess } from 'node:child_process';
import type { TestServer } from './test-server.js';
import { freePort } from './free-port.js';
import { waitFor } from './wait-for.js';

/** A Vigil server in an OS process of its own (server/src/main.ts, as production runs it), reached over HTTP only. */
export interface ServerProcess extends Pick<TestServer, 'request' | 'baseUrl'> {
  readonly child: ChildProcess;
  close(): Promise<void>;
}

/**
 * Starts the server with `env` over the test process's environment; resolves once /healthz answers.
 * For the multi-process alert test: a second process over the same metadata and telemetry stores.
 */
export async function startServerProcess(env: Readonly<Record<string, string>>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, ...env, VIGIL_PORT: String(port), VIGIL_HOST: '127.0.0.1', VIGIL_LOG_LEVEL: process.env.VIGIL_TEST_LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor('the server process to listen', 60_000, async () => {
    if (child.exitCode !== null) throw new Error(`server process exited with ${child.exitCode}`);
    return (await fetch(`${baseUrl}/healthz`).catch(() => undefined))?.ok || undefined;
  });
  return {
    child,
    baseUrl,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) };
      const res = await fetch(baseUrl + path, { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
