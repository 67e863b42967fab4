import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { decodeAgentMessage, type AgentMessage } from '@vigil/shared';
import { decodeSpoolFile } from '../../agent/src/spool/spool-file.js';
import { stateFileName } from '../../agent/src/state/file-state-store.js';
import { useClickHouse } from '../harness/clickhouse.js';
import { usePostgres } from '../harness/postgres.js';
import { waitFor } from '../helpers/wait-for.js';
import { freePort } from '../helpers/free-port.js';

/**
 * No data lost and none doubled, for real: the agent CLI and the server each in their own process
 * (so either can die and come back on the same spool_dir or VIGIL_DATA_DIR), over a real
 * PostgreSQL and ClickHouse. Every window that matters is made deterministic by watching the
 * spool itself: batches are decoded from the agent's files, so a test knows they are on disk,
 * unacknowledged, before it kills anything.
 */

const STARTUP_TIMEOUT_MS = 60_000;
// Reconnect backoff doubles up to 60 s (with jitter); a short outage keeps the next attempt within ~16 s.
const REPLAY_TIMEOUT_MS = 60_000;

/** A child process with its output kept for failure messages; stop() and kill() wait for the exit. */
class Child {
  output = '';
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;

  constructor(args: readonly string[], env: NodeJS.ProcessEnv) {
    this.#child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#exited = new Promise((r) => this.#child.once('exit', () => r()));
    this.#child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.#child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.running) this.#child.kill(signal);
    await this.#exited;
  }

  /** Resolves when the process has exited by itself. */
  exited(): Promise<void> {
    return this.#exited;
  }
}

/** `pnpm start` on a fixed port and data dir, so it can stop and come back as the same server. */
class ServerProcess {
  readonly baseUrl: string;
  readonly wsUrl: string;
  #child: Child | undefined;

  constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.wsUrl = `ws://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const child = new Child(['server/src/main.ts'], { VIGIL_PORT: String(this.port), VIGIL_HOST: '127.0.0.1', VIGIL_DATA_DIR: this.dataDir, VIGIL_LOG_LEVEL: 'info' });
    this.#child = child;
    await waitFor('the server to listen', STARTUP_TIMEOUT_MS, async () => {
      if (!child.running) throw new Error(`the server exited while starting:\n${child.output}`);
      return child.output.includes('vigil server listening') ? true : undefined;
    });
  }

  /** SIGTERM: the server drains its ingest queue and closes agent sockets, as in a deploy. */
  async stop(): Promise<void> {
    await this.#child?.kill('SIGTERM');
    this.#child = undefined;
  }

  async request(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  }
}

interface AgentSetup {
  readonly config: string;
  readonly spoolDir: string;
  readonly key: string;
}

/** Writes an agent config watching one database, every collector at its default interval except those in `intervals`. */
function agentSetup(dir: string, name: string, serverUrl: string, key: string, database: { engine: string; url: string }, intervals: Record<string, string>): AgentSetup {
  const spoolDir = join(dir, `spool-${name}`);
  const config = join(dir, `${name}.yaml`);
  writeFileSync(
    config,
    [
      `server_url: ${serverUrl}`,
      `spool_dir: ${spoolDir}`,
      'intervals:',
      ...Object.entries(intervals).map(([task, every]) => `  ${task}: ${every}`),
      'databases:',
      `  - name: ${name}`,
      `    engine: ${database.engine}`,
      `    url: ${database.url}`,
    ].join('\n'),
  );
  return { config, spoolDir, key };
}

function startAgent(setup: AgentSetup): Child {
  return new Child(['agent/src/cli.ts', 'run', '--config', setup.config], { VIGIL_API_KEY: setup.key });
}

/** Every batch in the spool right now, decoded from the files the agent wrote (a file acked meanwhile is skipped). */
async function spooledBatches(spoolDir: string): Promise<AgentMessage['batch'][]> {
  const dir = join(spoolDir, 'batches');
  const names = await readdir(dir).catch(() => [] as string[]);
  const batches: AgentMessage['batch'][] = [];
  for (const name of names.filter((n) => n.endsWith('.batch')).sort()) {
    const data = await readFile(join(dir, name)).catch(() => undefined);
    if (data) batches.push(decodeAgentMessage(decodeSpoolFile(data).frame).batch);
  }
  return batches;
}

describe('end to end: the agent loses and doubles nothing across outages and kill -9', function () {
  this.timeout(240_000);
  const pg = usePostgres();
  let dir: string;
  let server: ServerProcess;
  let token: string;
  const agents: Child[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-outage-'));
    server = new ServerProcess(await freePort(), join(dir, 'server-data'));
    await server.start();
    const signup = await fetch(`${server.baseUrl}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `outage-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Outage', org_name: 'Outage' }),
    });
    token = ((await signup.json()) as { access_token: string }).access_token;
  });

  after(async () => {
    for (const agent of agents) await agent.kill('SIGTERM');
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function agentKey(): Promise<string> {
    const res = await server.request('POST', '/api/v1/api-keys', token, { name: 'agent', scope: 'agent' });
    expect(res.status).to.equal(201);
    return res.body.key as string;
  }

  function launch(setup: AgentSetup): Child {
    const agent = startAgent(setup);
    agents.push(agent);
    return agent;
  }

  const logsOf = (agent: Child) => () => `agent output:\n${agent.output}`;

  async function connectedDatabase(name: string, agent: Child): Promise<string> {
    return waitFor(
      `the agent to connect ${name}`,
      STARTUP_TIMEOUT_MS,
      async () => {
        const res = await server.request('GET', '/api/v1/databases', token);
        return (res.body.databases as { id: string; name: string; status: string }[]).find((d) => d.name === name && d.status === 'connected')?.id;
      },
      logsOf(agent),
    );
  }

  /** A table of this test's own, and the statement run against it: one pg_stat_statements entry. */
  async function statementTable(table: string): Promise<{ run(times: number): Promise<void>; queryid(): Promise<string> }> {
    await pg().query(`CREATE TABLE ${table} (id int PRIMARY KEY, note text)`);
    await pg().query(`INSERT INTO ${table} SELECT g, 'seed' FROM generate_series(1, 1000) g`);
    return {
      async run(times) {
        for (let i = 0; i < times; i++) await pg().query(`SELECT note FROM ${table} WHERE id = ${1 + Math.floor(Math.random() * 1000)}`);
      },
      async queryid() {
        const { rows } = await pg().query(`SELECT queryid::text AS queryid FROM pg_stat_statements WHERE query = $1`, [`SELECT note FROM ${table} WHERE id = $1`]);
        expect(rows, 'one pg_stat_statements entry').to.have.length(1);
        return rows[0].queryid as string;
      },
    };
  }

  /** The calls the API reports for one statement (by its queryid, so no other statement can crowd it out of a list). */
  async function storedCalls(databaseId: string, queryid: string): Promise<number> {
    const res = await server.request('GET', `/api/v1/databases/${databaseId}/queries/${queryid}`, token);
    if (res.status === 404) return 0;
    expect(res.status).to.equal(200);
    return res.body.totals.total_calls as number;
  }

  async function spooledCalls(spoolDir: string, queryid: string): Promise<number> {
    const batches = await spooledBatches(spoolDir);
    return batches.flatMap((b) => b?.statements ?? []).filter((s) => s.queryHash === queryid).reduce((sum, s) => sum + Number(s.calls), 0);
  }

  /** Waits for `expected` calls in the API, then a few more collection intervals, and checks nothing more arrived. */
  async function expectStoredExactly(databaseId: string, queryid: string, expected: number, agent: Child): Promise<void> {
    await waitFor(`${expected} calls in the API`, REPLAY_TIMEOUT_MS, async () => ((await storedCalls(databaseId, queryid)) >= expected ? true : undefined), logsOf(agent));
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await storedCalls(databaseId, queryid)).to.equal(expected);
  }

  /** A table and statement of the test's own, and an agent named `name` collecting statements every second, connected. */
  async function watchStatement(name: string) {
    const table = `${name.replaceAll('-', '_')}_${randomBytes(3).toString('hex')}`;
    const statement = await statementTable(table);
    const setup = agentSetup(dir, name, server.wsUrl, await agentKey(), { engine: 'postgres', url: pg().monitorUrl }, { statements: '1s' });
    const agent = launch(setup);
    return { statement, setup, agent, databaseId: await connectedDatabase(name, agent) };
  }

  /** Waits until exactly `calls` calls of `queryid` sit in the spool: written to disk and not acknowledged. */
  async function waitSpooled(setup: AgentSetup, queryid: string, calls: number, agent: Child): Promise<void> {
    await waitFor(`${calls} calls in the spool`, 30_000, async () => ((await spooledCalls(setup.spoolDir, queryid)) === calls ? true : undefined), logsOf(agent));
  }

  it('replays what it spooled during a server outage, in order, none doubled', async () => {
    const { statement, setup, agent, databaseId } = await watchStatement('outage-server');
    await statement.run(5);
    const queryid = await statement.queryid();
    await expectStoredExactly(databaseId, queryid, 5, agent);

    await server.stop();
    await statement.run(23);
    // On disk, unacknowledged, before the server comes back.
    await waitSpooled(setup, queryid, 23, agent);
    const spooled = (await spooledBatches(setup.spoolDir)).map((b) => Number(b!.seq));
    expect(spooled).to.deep.equal([...spooled].sort((a, b) => a - b));

    await server.start();
    await expectStoredExactly(databaseId, queryid, 28, agent);
    expect(await spooledCalls(setup.spoolDir, queryid)).to.equal(0);
    await agent.kill('SIGTERM');
  });

  it('after kill -9 with unacknowledged batches, a restarted agent sends them once and misses nothing', async () => {
    const { statement, setup, agent: first, databaseId } = await watchStatement('outage-kill');
    await statement.run(4);
    const queryid = await statement.queryid();
    await expectStoredExactly(databaseId, queryid, 4, first);

    // The server is down, so what the agent collects stays unacknowledged in its spool.
    await server.stop();
    await statement.run(17);
    await waitSpooled(setup, queryid, 17, first);
    await first.kill('SIGKILL');
    // While no agent runs: only the persisted counters can tell these from the ones already spooled.
    await statement.run(9);

    await server.start();
    const second = launch(setup);
    await expectStoredExactly(databaseId, queryid, 4 + 17 + 9, second);
    expect(second.output).to.include('replaying batches spooled before the restart');
    await second.kill('SIGTERM');
  });

  it('kill -9 at arbitrary moments while connected (mid-collect, mid-send, before the Ack) still counts each call once', async () => {
    const watched = await watchStatement('outage-chaos');
    const { statement, setup, databaseId } = watched;
    let agent = watched.agent;
    let expected = 0;
    // Different phases against the 1 s collection interval and the send/Ack round trip.
    for (const [calls, killAfterMs] of [
      [6, 1100],
      [8, 1450],
      [5, 1800],
      [7, 2300],
    ] as const) {
      await statement.run(calls);
      expected += calls;
      await new Promise((r) => setTimeout(r, killAfterMs));
      await agent.kill('SIGKILL');
      agent = launch(setup);
      await connectedDatabase('outage-chaos', agent);
    }
    await expectStoredExactly(databaseId, await statement.queryid(), expected, agent);
    await agent.kill('SIGTERM');
  });

  describe('ClickHouse query log', () => {
    const clickhouse = useClickHouse();

    /** Rows of the server's embedded chDB, read by a separate process once the server has stopped (chDB binds its data dir to one process). */
    async function readTelemetry(sql: string): Promise<Record<string, unknown>[]> {
      const store = pathToFileURL(resolve('server/src/storage/telemetry/chdb/chdb-telemetry-store.ts')).href;
      const sqlModule = pathToFileURL(resolve('server/src/storage/telemetry/clickhouse-sql.ts')).href;
      const script = `
        import { ChdbSqlClient } from ${JSON.stringify(store)};
        import { rawSql } from ${JSON.stringify(sqlModule)};
        const client = new ChdbSqlClient(process.argv[1]);
        process.stdout.write(JSON.stringify(await client.select(rawSql(process.argv[2]))));
        await client.close();`;
      const reader = new Child(['--input-type=module', '-e', script, join(server.dataDir, 'telemetry'), sql], {});
      await reader.exited();
      return JSON.parse(reader.output) as Record<string, unknown>[];
    }

    it('after kill -9 with query-log groups unacknowledged, resumes from the persisted watermark: each logged query counted once', async () => {
      const ch = clickhouse();
      const marker = `vigil_outage_${randomBytes(4).toString('hex')}`;
      const runQueries = async (n: number) => {
        for (let i = 0; i < n; i++) await ch.query(`SELECT ${i} AS ${marker}`);
        await ch.query('SYSTEM FLUSH LOGS');
      };
      const spooledMarkerCalls = async (spoolDir: string) =>
        (await spooledBatches(spoolDir))
          .flatMap((b) => b?.clickhouseQueries ?? [])
          .filter((q) => q.queryText?.includes(marker))
          .reduce((sum, q) => sum + Number(q.calls), 0);

      await ch.query('SELECT 1');
      await ch.query('SYSTEM FLUSH LOGS');
      const setup = agentSetup(dir, 'outage-ch', server.wsUrl, await agentKey(), { engine: 'clickhouse', url: ch.monitorUrl }, { query_log: '1s' });
      const stateFile = join(setup.spoolDir, 'state', stateFileName('outage-ch', 'query_log'));

      /** Waits until the agent has read past every query logged so far and the server has acked all marked ones. */
      async function delivered(agent: Child): Promise<void> {
        // A query in a later second than every marked one, for the watermark to be seen passing them.
        const fenceS = Math.ceil(Date.now() / 1000);
        await new Promise((r) => setTimeout(r, fenceS * 1000 - Date.now() + 10));
        await ch.query('SELECT 1 AS vigil_outage_fence');
        await ch.query('SYSTEM FLUSH LOGS');
        await waitFor(
          'the query-log watermark to pass the fence',
          REPLAY_TIMEOUT_MS,
          async () => {
            const state = JSON.parse(await readFile(stateFile, 'utf8').catch(() => '{}')) as { persisted?: { eventTimeS: number } };
            return (state.persisted?.eventTimeS ?? 0) >= fenceS ? true : undefined;
          },
          logsOf(agent),
        );
        // State is saved after its batches are spooled, so once no spooled batch holds a marked query, the server has acked them all.
        await waitFor('the spool to drain', REPLAY_TIMEOUT_MS, async () => ((await spooledMarkerCalls(setup.spoolDir)) === 0 ? true : undefined), logsOf(agent));
      }

      const first = launch(setup);
      await connectedDatabase('outage-ch', first);
      await runQueries(3);
      await delivered(first);

      await server.stop();
      await runQueries(6);
      await waitFor('6 marked queries in the spool', 30_000, async () => ((await spooledMarkerCalls(setup.spoolDir)) === 6 ? true : undefined), logsOf(first));
      await first.kill('SIGKILL');
      // Logged while no agent runs: only the persisted watermark can tell these from the ones already spooled.
      await runQueries(5);

      await server.start();
      const second = launch(setup);
      await delivered(second);
      await second.kill('SIGTERM');
      await server.stop();

      const [stored] = await readTelemetry(`
        SELECT sum(calls) AS calls, count() AS rows, uniqExact(batch_id, ts, query_hash) AS distinct_rows
          FROM clickhouse_query_stats
         WHERE query_hash IN (SELECT query_hash FROM clickhouse_query_texts WHERE position(query_text, '${marker}') > 0)`);
      expect(Number(stored!.calls)).to.equal(3 + 6 + 5);
      expect(Number(stored!.rows)).to.equal(Number(stored!.distinct_rows));
    });
  });
});
