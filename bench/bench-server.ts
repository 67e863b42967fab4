import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
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
  /** Per thread group, seconds on a CPU and seconds runnable but waiting for one, so far (Linux schedstat). */
  schedule(): ThreadTimes;
  /** The server's /metrics, each sample as `name{labels}` → value. */
  metrics(): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

const CLOCK_TICKS = 100;

/** Seconds on a CPU and waiting on a run queue: the main thread (the event loop), and the others by name. */
export interface ThreadTimes {
  readonly main: { cpu: number; wait: number };
  readonly others: Record<string, { cpu: number; wait: number }>;
}

function threadTimes(pid: number): ThreadTimes {
  const others: Record<string, { cpu: number; wait: number }> = {};
  let main = { cpu: 0, wait: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const [cpuNs, waitNs] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      const times = { cpu: cpuNs! / 1e9, wait: waitNs! / 1e9 };
      if (Number(tid) === pid) {
        main = times;
        continue;
      }
      // chDB's threads carry ClickHouse's pool names; digits dropped so a pool is one group.
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim().replace(/[\d:]+$/, '');
      const group = (others[name] ??= { cpu: 0, wait: 0 });
      group.cpu += times.cpu;
      group.wait += times.wait;
    } catch {
      // the thread ended meanwhile
    }
  }
  return { main, others };
}

/** What changed between two ThreadTimes, per second of `seconds`, the busiest other groups first. */
export function threadTimesPerSecond(before: ThreadTimes, after: ThreadTimes, seconds: number, top = 6): Record<string, { cpu: number; wait: number }> {
  const rate = (a: { cpu: number; wait: number }, b: { cpu: number; wait: number } = { cpu: 0, wait: 0 }) => ({
    cpu: Number(((a.cpu - b.cpu) / seconds).toFixed(3)),
    wait: Number(((a.wait - b.wait) / seconds).toFixed(3)),
  });
  const others = Object.entries(after.others)
    .map(([name, times]) => [name, rate(times, before.others[name])] as const)
    .sort((x, y) => y[1].cpu - x[1].cpu);
  const rest = others.slice(top).reduce((sum, [, t]) => ({ cpu: sum.cpu + t.cpu, wait: sum.wait + t.wait }), { cpu: 0, wait: 0 });
  return {
    'main (event loop)': rate(after.main, before.main),
    ...Object.fromEntries(others.slice(0, top)),
    'other threads': { cpu: Number(rest.cpu.toFixed(3)), wait: Number(rest.wait.toFixed(3)) },
  };
}

/** A Prometheus histogram between two scrapes: count, mean and the upper bound of the bucket holding the p99, in ms. */
export function histogramDelta(before: Map<string, number>, after: Map<string, number>, name: string): { count: number; mean_ms: number; p99_at_most_ms: number } {
  const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
  const count = delta(`${name}_count`);
  const buckets = [...after.keys()]
    .filter((key) => key.startsWith(`${name}_bucket{`))
    .map((key) => ({ le: Number(/le="([^"]+)"/.exec(key)![1]), n: delta(key) }))
    .sort((x, y) => x.le - y.le);
  const p99 = buckets.find((b) => b.n >= 0.99 * count)?.le ?? Infinity;
  return { count, mean_ms: count > 0 ? Math.round((delta(`${name}_sum`) / count) * 1000) : NaN, p99_at_most_ms: p99 * 1000 };
}

export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort();
  // VIGIL_BENCH_CPU_PROF=<dir>: the server writes V8 CPU profiles there on exit, one per thread.
  const profile = process.env.VIGIL_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.VIGIL_BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/src/main.ts'], {
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
    schedule: () => threadTimes(pid),
    metrics: async () => {
      const text = await (await fetch(`${baseUrl}/metrics`)).text();
      const samples = new Map<string, number>();
      for (const line of text.split('\n')) {
        const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
        if (match) samples.set(match[1]!, Number(match[2]));
      }
      return samples;
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
