import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startClickHouse } from '../test/harness/clickhouse.js';
import { startPostgres } from '../test/harness/postgres.js';
import { freePort } from '../test/helpers/free-port.js';

/** A Vigil server in its own process, as it runs in production, for benchmarks to load and measure. */
export interface BenchServer {
  readonly pid: number;
  readonly baseUrl: string;
  readonly wsUrl: string;
  /** Resident set size now, in MiB. */
  rssMiB(): number;
  /** CPU seconds (user + system) used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS = 100;

export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, VIGIL_PORT: String(port), VIGIL_HOST: '127.0.0.1', VIGIL_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid!;
  return {
    pid,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024,
    cpuSeconds: () => {
      // Fields after the parenthesised command name: utime is the 12th, stime the 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The server storage pair for `--store servers`: the test harness's PostgreSQL and ClickHouse, each with a fresh database. */
export async function startStoreServers(): Promise<{ env: Record<string, string>; versions: { postgres: number; clickhouse: string }; stop(): Promise<void> }> {
  const pg = await startPostgres();
  const ch = await startClickHouse().catch(async (err: unknown) => {
    await pg.stop();
    throw err;
  });
  await pg.query('CREATE DATABASE vigil_bench');
  await ch.query('CREATE DATABASE vigil_bench');
  const databaseUrl = new URL(pg.superuserUrl);
  databaseUrl.pathname = '/vigil_bench';
  return {
    env: { DATABASE_URL: databaseUrl.href, CLICKHOUSE_URL: `${ch.httpUrl}/vigil_bench` },
    versions: { postgres: pg.version, clickhouse: ch.version },
    stop: async () => {
      await Promise.allSettled([pg.stop(), ch.stop()]);
    },
  };
}

/** Signs up a fresh organization on `baseUrl` and returns an agent key and a user token. */
export async function benchAccount(baseUrl: string): Promise<{ token: string; agentKey: string }> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, string>>;
  };
  const signup = await post('/api/v1/auth/signup', { email: `bench-${Date.now()}@example.com`, password: 'benchmark password', name: 'Bench', org_name: 'Bench' });
  const key = await post('/api/v1/api-keys', { name: 'bench agents', scope: 'agent' }, signup.access_token);
  return { token: signup.access_token!, agentKey: key.key! };
}
