import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import WebSocket from 'ws';
import { usePostgres } from '../../harness/postgres.js';
import { connectRawAgent } from '../../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { waitFor } from '../../helpers/wait-for.js';

const TABLE = 'vigil_api_orders';
const SLOT = 'vigil_api_slot';

/** The next JSON message on a socket. */
function nextMessage(ws: WebSocket): Promise<any> {
  return new Promise((resolve, reject) => {
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
    ws.once('error', reject);
  });
}

/** The HTTP status a refused WebSocket upgrade answered with. */
function refusedStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      ws.close();
      reject(new Error(`upgrade to ${url.replace(/token=[^&]+/, 'token=…')} was accepted`));
    });
    ws.once('error', () => undefined);
  });
}

/**
 * Every PostgreSQL activity and internals endpoint against real data: the agent CLI (its own
 * process, every collector at 1 s) reads the harness PostgreSQL, where a session idles in a
 * transaction holding a row lock that another session waits for, a table has an index nobody
 * scans, and pg_receivewal streams from a physical replication slot.
 */
describe('API: PostgreSQL activity, locks, waits, tables, indexes, replication and internals (real agent)', function () {
  this.timeout(150_000);
  const postgres = usePostgres();
  let server: TestServer;
  let token: string;
  let readKey: string;
  let agentKey: string;
  let dbId: string;
  let agent: ChildProcess | undefined;
  let receiver: ChildProcess | undefined;
  let agentLog = '';
  let dir: string;
  let holder: pg.Client;
  let waiter: pg.Client;
  let holderPid: number;
  let waiterPid: number;
  let blocked: Promise<unknown>;
  const get = async (path: string, auth: { token?: string; apiKey?: string } = { token }) => server.request('GET', `/api/v1/databases/${dbId}${path}`, auth);
  const log = () => agentLog;

  before(async () => {
    const pgi = postgres();
    dir = mkdtempSync(join(tmpdir(), 'vigil-pg-api-'));
    server = await startTestServer();
    // On a connection of its own, closed before the agent starts: a backend reports its counters
    // (the scans CREATE INDEX makes) only when idle for a while or when it exits, and they must
    // land before the agent's first reading, not in its first deltas.
    const setup = new pg.Client({ connectionString: pgi.superuserUrl });
    await setup.connect();
    await setup.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await setup.query(`CREATE TABLE ${TABLE} (id int PRIMARY KEY, note text, tiny int)`);
    await setup.query(`INSERT INTO ${TABLE} SELECT g, md5(g::text), g % 3 FROM generate_series(1, 40000) g`);
    await setup.query(`CREATE INDEX ${TABLE}_note_idx ON ${TABLE} (note)`);
    await setup.query(`CREATE INDEX ${TABLE}_tiny_idx ON ${TABLE} (tiny) WHERE tiny = 7`);
    await setup.query(`ANALYZE ${TABLE}`);
    await setup.end();
    await waitFor('the setup scans to be counted', 15_000, async () => ((await pgi.query(`SELECT seq_scan FROM pg_stat_user_tables WHERE relname = '${TABLE}'`)).rows[0]?.seq_scan > 0 ? true : undefined), () => '');
    await pgi.query(`SELECT pg_create_physical_replication_slot('${SLOT}', true)`);
    const receivewal = `/usr/lib/postgresql/${Math.floor(pgi.version / 10000)}/bin/pg_receivewal`;
    if (existsSync(receivewal)) {
      receiver = spawn(receivewal, ['-D', dir, '-S', SLOT, '-h', pgi.host, '-p', String(pgi.port), '-U', 'postgres', '--no-loop', '-n'], { stdio: 'ignore' });
    }

    const signup = await server.signup('pg-api');
    token = signup.accessToken;
    agentKey = await server.createKey(token, 'agent');
    readKey = await server.createKey(token, 'read');
    const intervals = ['activity', 'locks', 'wait_events', 'tables', 'replication', 'server'].map((task) => `  ${task}: 1s`);
    const config = join(dir, 'agent.yaml');
    writeFileSync(config, [`server_url: ${server.wsUrl}`, `spool_dir: ${join(dir, 'spool')}`, 'intervals:', ...intervals, 'databases:', '  - name: api-pg', '    engine: postgres', `    url: ${pgi.monitorUrl}`].join('\n'));
    agent = spawn(process.execPath, ['--import', 'tsx', 'agent/src/cli.ts', 'run', '--config', config], { env: { ...process.env, VIGIL_API_KEY: agentKey }, stdio: ['ignore', 'pipe', 'pipe'] });
    agent.stdout!.on('data', (d: Buffer) => (agentLog += d.toString()));
    agent.stderr!.on('data', (d: Buffer) => (agentLog += d.toString()));
    dbId = await waitFor(
      'the agent to connect',
      30_000,
      async () => {
        const res = await server.request('GET', '/api/v1/databases', { token });
        return res.body.databases.find((d: { name: string; status: string }) => d.name === 'api-pg' && d.status === 'connected')?.id as string | undefined;
      },
      log,
    );

    // A session idle in a transaction holding a row lock, and one waiting for it.
    holder = new pg.Client({ connectionString: pgi.superuserUrl, application_name: 'vigil-holder' });
    waiter = new pg.Client({ connectionString: pgi.superuserUrl, application_name: 'vigil-waiter' });
    await holder.connect();
    await waiter.connect();
    holderPid = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    waiterPid = (await waiter.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await holder.query('BEGIN');
    await holder.query(`UPDATE ${TABLE} SET note = 'held' WHERE id = 1`);
    blocked = waiter.query(`UPDATE ${TABLE} SET note = 'waiting-secret' WHERE id = 1`).catch(() => undefined);
  });

  after(async () => {
    await holder?.query('ROLLBACK').catch(() => undefined);
    await blocked;
    await holder?.end();
    await waiter?.end();
    for (const child of [agent, receiver]) {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await postgres()
      .query(`SELECT pg_drop_replication_slot('${SLOT}')`)
      .catch(() => undefined);
    await postgres().query(`DROP TABLE IF EXISTS ${TABLE}`);
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('/active shows the idle-in-transaction holder and the blocked session with who blocks it', async () => {
    const body = await waitFor(
      'both sessions in /active',
      20_000,
      async () => {
        const res = await get('/active?limit=200');
        const pids = (res.body.queries ?? []).map((q: { pid: number }) => q.pid);
        return pids.includes(holderPid) && pids.includes(waiterPid) ? res.body : undefined;
      },
      log,
    );
    expect(body.engine).to.equal('postgres');
    const waiting = body.queries.find((q: { pid: number }) => q.pid === waiterPid);
    expect(waiting).to.include({ state: 'active', wait_event_type: 'Lock', wait_event: 'transactionid', application_name: 'vigil-waiter' });
    expect(waiting.blocking_pids).to.deep.equal([holderPid]);
    expect(waiting.query_text).to.equal(`UPDATE ${TABLE} SET note = ? WHERE id = ?`);
    const idle = body.queries.find((q: { pid: number }) => q.pid === holderPid);
    expect(idle.state).to.equal('idle in transaction');
    expect(idle.xact_start).to.be.a('string');
    expect(body.summary.waiting_on_locks).to.be.at.least(1);
    expect(body.summary.state_counts.find((c: { state: string }) => c.state === 'idle in transaction').count).to.be.at.least(1);
    const durations = body.queries.map((q: { duration_ms: number }) => q.duration_ms);
    expect(durations).to.deep.equal([...durations].sort((a, b) => b - a));
    expect((await get('/active?limit=1')).body.queries).to.have.length(1);
    expect((await get('/active', { apiKey: readKey })).status).to.equal(200);
  });

  it('/locks lists the waiting lock first, its holder, and their queries', async () => {
    const body = await waitFor(
      'the lock wait in /locks',
      20_000,
      async () => {
        const res = await get('/locks');
        return res.body.locks?.some((l: { pid: number; granted: boolean }) => l.pid === waiterPid && !l.granted) ? res.body : undefined;
      },
      log,
    );
    const first = body.locks[0];
    expect(first).to.include({ pid: waiterPid, granted: false, lock_type: 'transactionid', mode: 'ShareLock', blocked_by_pid: holderPid });
    expect(first.query_text).to.equal(`UPDATE ${TABLE} SET note = ? WHERE id = ?`);
    expect(first.duration_ms).to.be.a('number').and.greaterThan(0);
    const held = body.locks.find((l: { pid: number; granted: boolean; lock_type: string }) => l.pid === holderPid && l.granted && l.lock_type === 'transactionid');
    expect(held).to.include({ mode: 'ExclusiveLock' });
    expect(held.transactionid).to.equal(first.transactionid);
    expect(body.blocked_sessions).to.be.at.least(1);
    expect(body.counts.some((c: { granted: boolean }) => !c.granted)).to.equal(true);
    expect(JSON.stringify(body)).to.not.contain('waiting-secret');
  });

  it('/tables and /tables/{schema}/{name}: sizes, tuples and the seq scans made since the first reading', async () => {
    const find = async () => ((await get('/tables?sort_by=live_tuples&limit=500')).body.tables as Array<Record<string, any>>).find((t) => t.table_name === TABLE);
    await waitFor('the table in a reading with counters', 20_000, async () => ((await find())?.seq_scan === null ? undefined : (await find()) ?? undefined), log);
    // Without parallel workers, whose scans would count too.
    for (let i = 0; i < 5; i++) await postgres().query(`BEGIN; SET LOCAL max_parallel_workers_per_gather = 0; SELECT count(*) FROM ${TABLE}; COMMIT`);
    const table = await waitFor('5 seq scans', 20_000, async () => {
      const t = await find();
      return t && t.seq_scan >= 5 ? t : undefined;
    }, log);
    expect(table).to.include({ datname: 'postgres', schema_name: 'public', seq_scan: 5 });
    // An estimate: ANALYZE sets it, and counters a backend reports later still add to it.
    expect(table.n_live_tup).to.be.at.least(40000);
    expect(table.total_size_bytes).to.be.greaterThan(table.table_size_bytes);
    expect(table.index_size_bytes).to.be.greaterThan(1024 * 1024);
    const bySize = (await get('/tables?sort_by=size&limit=500')).body.tables as Array<{ total_size_bytes: number | null }>;
    const sizes = bySize.map((t) => t.total_size_bytes ?? 0);
    expect(sizes).to.deep.equal([...sizes].sort((a, b) => b - a));
    const detail = await get(`/tables/public/${TABLE}?bucket=60`);
    expect(detail.status).to.equal(200);
    expect(detail.body).to.include({ table_name: TABLE, bucket: 60 });
    expect(detail.body.timeseries.length).to.be.greaterThan(0);
    expect(detail.body.timeseries.reduce((sum: number, p: { seq_scan: number | null }) => sum + (p.seq_scan ?? 0), 0)).to.equal(5);
    expect((await get('/tables/public/no_such_table')).status).to.equal(404);
  });

  it('/indexes, /indexes/unused and /indexes/{schema}/{name}', async () => {
    const unused = await waitFor(
      'the unscanned index in /indexes/unused',
      20_000,
      async () => {
        const res = await get('/indexes/unused');
        return res.body.indexes?.some((i: { index_name: string }) => i.index_name === `${TABLE}_note_idx`) ? res.body.indexes : undefined;
      },
      log,
    );
    const names = unused.map((i: { index_name: string }) => i.index_name);
    expect(names).to.not.include(`${TABLE}_pkey`);
    expect(names).to.not.include(`${TABLE}_tiny_idx`);
    const all = (await get('/indexes?limit=500')).body.indexes as Array<Record<string, any>>;
    const pkey = all.find((i) => i.index_name === `${TABLE}_pkey`)!;
    expect(pkey).to.include({ is_primary: true, is_unique: true, table_name: TABLE, is_valid: true });
    const note = all.find((i) => i.index_name === `${TABLE}_note_idx`)!;
    expect(note.index_def).to.equal(`CREATE INDEX ${TABLE}_note_idx ON public.${TABLE} USING btree (note)`);
    expect(note.size_bytes).to.be.greaterThan(1024 * 1024);
    const detail = await get(`/indexes/public/${TABLE}_note_idx`);
    expect(detail.status).to.equal(200);
    expect(detail.body.idx_scan).to.equal(0);
    expect(detail.body.timeseries.length).to.be.greaterThan(0);
    expect((await get(`/indexes/public/${TABLE}_nope`)).status).to.equal(404);
  });

  it('/replication, /replication/history and /replication/slots/history', async function () {
    if (!receiver) this.skip();
    const body = await waitFor(
      'pg_receivewal streaming in /replication',
      20_000,
      async () => {
        const res = await get('/replication');
        return res.body.standbys?.some((s: { application_name: string }) => s.application_name === 'pg_receivewal') && res.body.slots?.some((s: { active: boolean }) => s.active) ? res.body : undefined;
      },
      log,
    );
    expect(body).to.include({ is_replica: false, upstream_host: null });
    expect(body.replication_lag_bytes).to.be.a('number');
    expect(body.slots.find((s: { slot_name: string }) => s.slot_name === SLOT)).to.include({ slot_type: 'physical', active: true, wal_status: 'reserved' });
    const history = (await get('/replication/history?bucket=60')).body;
    expect(history.history.length).to.be.greaterThan(0);
    expect(history.history.at(-1)).to.include({ is_replica: false });
    const slots = (await get('/replication/slots/history?bucket=60')).body;
    expect(slots.history.some((p: { slot_name: string; lag_bytes: number }) => p.slot_name === SLOT && p.lag_bytes >= 0)).to.equal(true);
    expect(slots.truncated).to.equal(false);
  });

  it('/bgwriter and /wal-stats report deltas; /io-stats says why it is empty before PostgreSQL 16', async () => {
    await postgres().query('CHECKPOINT');
    await postgres().query(`UPDATE ${TABLE} SET tiny = tiny + 1 WHERE id > 100`);
    const bgwriter = await waitFor(
      'a requested checkpoint in /bgwriter',
      20_000,
      async () => {
        const res = await get('/bgwriter');
        return res.body.timeseries?.some((p: { checkpoints_requested: number }) => p.checkpoints_requested > 0) ? res.body : undefined;
      },
      log,
    );
    expect(bgwriter.bucket).to.equal(60);
    const wal = await waitFor(
      'WAL in /wal-stats/timeseries',
      20_000,
      async () => {
        const res = await get('/wal-stats/timeseries');
        return res.body.timeseries?.some((p: { wal_bytes: number }) => p.wal_bytes > 1_000_000) ? res.body : undefined;
      },
      log,
    );
    expect(wal.reason).to.equal(null);
    const current = (await get('/wal-stats')).body;
    expect(current.reason).to.equal(null);
    expect(current.wal.wal_records).to.be.a('number');
    expect(Date.parse(current.ts)).to.be.greaterThan(Date.parse(current.window_start));
    const major = Math.floor(postgres().version / 10000);
    const io = (await get('/io-stats')).body;
    const ioSeries = (await get('/io-stats/timeseries')).body;
    if (major < 16) {
      expect(io).to.include({ reason: `pg_stat_io needs PostgreSQL 16 or later; this server runs ${io.reason.split('runs ')[1]}` });
      expect(io.reason).to.match(/^pg_stat_io needs PostgreSQL 16 or later; this server runs 1\d/);
      expect(io.io).to.deep.equal([]);
      expect(ioSeries.timeseries).to.deep.equal([]);
      expect(ioSeries.reason).to.match(/PostgreSQL 16/);
    } else {
      expect(ioSeries.timeseries.length).to.be.greaterThan(0);
    }
  });

  it('/database-stats: pg_stat_database of each database of the server, counters as deltas of the latest window', async () => {
    const stats = await waitFor(
      'a reading with deltas in /database-stats',
      20_000,
      async () => {
        const res = await get('/database-stats');
        return res.body.databases?.some((d: { has_deltas: boolean; xact_commit: number }) => d.has_deltas && d.xact_commit > 0) ? res.body : undefined;
      },
      log,
    );
    expect(stats.reason).to.equal(null);
    expect(Date.parse(stats.ts)).to.be.greaterThan(Date.parse(stats.window_start));
    const own = stats.databases.find((d: { datname: string }) => d.datname === 'postgres');
    expect(own).to.include.keys('deadlocks', 'temp_bytes', 'conflicts', 'sessions');
    // pg_stat_database_conflicts, by cause: 0 on a primary, but reported.
    expect(own).to.include({ confl_snapshot: 0, confl_lock: 0, confl_tablespace: 0, confl_bufferpin: 0, confl_deadlock: 0 });
    expect(own.size_bytes).to.be.greaterThan(0);
  });

  it('/active/ws streams snapshots to a stream token, an access token or a header, never an API key in the URL', async () => {
    const wsBase = `${server.wsUrl}/api/v1/databases/${dbId}/active/ws`;
    const issued = await server.request('POST', `/api/v1/databases/${dbId}/active/ws-token`, { apiKey: readKey });
    expect(issued.status).to.equal(201);
    const ws = new WebSocket(`${server.wsUrl}${issued.body.url.replace('interval=5', 'interval=1')}`);
    const first = await nextMessage(ws);
    expect(first).to.include({ type: 'snapshot', engine: 'postgres', database_id: dbId });
    expect(first.queries.some((q: { pid: number }) => q.pid === waiterPid)).to.equal(true);
    const second = await nextMessage(ws);
    expect(second.type).to.equal('snapshot');
    ws.close();

    const withAccessToken = new WebSocket(`${wsBase}?token=${token}&limit=1`);
    expect((await nextMessage(withAccessToken)).queries).to.have.length(1);
    withAccessToken.close();
    const withHeader = new WebSocket(wsBase, { headers: { 'x-api-key': readKey } });
    expect((await nextMessage(withHeader)).engine).to.equal('postgres');
    withHeader.close();

    expect(await refusedStatus(`${wsBase}?token=${readKey}`)).to.equal(401);
    expect(await refusedStatus(`${wsBase}?token=not-a-token`)).to.equal(401);
    expect(await refusedStatus(wsBase)).to.equal(401);
    expect(await refusedStatus(wsBase, { 'x-api-key': agentKey })).to.equal(403);
    expect(await refusedStatus(`${wsBase}?token=${token}&interval=0`)).to.equal(400);
    expect(await refusedStatus(`${server.wsUrl}/api/v1/databases/nope/active/ws?token=${token}`)).to.equal(404);
    const other = await server.signup('pg-api-other');
    expect(await refusedStatus(`${wsBase}?token=${other.accessToken}`)).to.equal(404);
    const otherDb = await server.request('POST', `/api/v1/databases/${dbId}/active/ws-token`, { token: other.accessToken });
    expect(otherDb.status).to.equal(404);
    expect((await get('/active/ws')).body.code).to.equal('UPGRADE_REQUIRED');
  });

  it('/waits: the lock wait sampled into its minute', async () => {
    // Periods are wall-clock minutes, sent when the next one starts: this waits up to about a minute.
    const body = await waitFor(
      'a closed minute with the lock wait',
      90_000,
      async () => {
        const res = await get('/waits?bucket=60');
        return res.body.waits?.some((w: { wait_event_type: string; wait_event: string }) => w.wait_event_type === 'Lock' && w.wait_event === 'transactionid') ? res.body : undefined;
      },
      log,
    );
    const lock = body.waits.find((w: { wait_event_type: string }) => w.wait_event_type === 'Lock');
    expect(lock.count).to.be.greaterThan(0);
    expect(lock.total_duration_ms).to.be.greaterThan(0);
    expect(lock.avg_sessions).to.be.within(0, 1.0001);
    expect(body).to.include({ bucket: 60, truncated: false });
  });

  it('answers 400 naming the param, 404 for unknown databases and ENGINE_MISMATCH for ClickHouse ones', async () => {
    const bad = async (path: string, param: string) => {
      const res = await get(path);
      expect(res.status, path).to.equal(400);
      expect(res.body.code, path).to.equal('VALIDATION_FAILED');
      expect(res.body.error, path).to.contain(`'${param}'`);
    };
    await bad('/waits?since=yesterday', 'since');
    await bad('/tables?until=2026-13-01', 'until');
    await bad('/waits?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z', 'since');
    await bad('/tables?sort_by=rows', 'sort_by');
    await bad('/indexes?sort_by=dead', 'sort_by');
    await bad('/active?limit=201', 'limit');
    await bad('/locks?limit=0', 'limit');
    await bad('/waits?bucket=10', 'bucket');
    await bad('/bgwriter?since=2026-01-01T00:00:00Z&until=2026-03-01T00:00:00Z&bucket=60', 'bucket');
    for (const path of ['/active', '/locks', '/waits', '/tables', '/indexes/unused', '/replication', '/io-stats']) {
      expect((await server.request('GET', `/api/v1/databases/nope${path}`, { token })).status, path).to.equal(404);
    }

    // A ClickHouse database and a PostgreSQL 13 one, announced by a hand-driven agent.
    const raw = await connectRawAgent(server.wsUrl, agentKey);
    raw.send({
      hello: {
        protocolMajor: 1,
        protocolMinor: 0,
        agentVersion: 'test',
        hostname: 'raw-host',
        databases: [
          { name: 'api-ch', engine: 2, serverVersion: '18.16.1' },
          { name: 'api-pg13', engine: 1, serverVersion: '13.4' },
        ],
      },
    });
    const [ch, pg13] = (await raw.next()).welcome!.databases!.map((d) => d.id!);
    raw.ws.close();
    for (const path of ['/locks', '/waits', '/tables', `/tables/public/${TABLE}`, '/indexes', '/indexes/unused', '/replication', '/replication/history', '/bgwriter', '/wal-stats', '/io-stats/timeseries']) {
      const res = await server.request('GET', `/api/v1/databases/${ch}${path}`, { token });
      expect(res.status, path).to.equal(400);
      expect(res.body.code, path).to.equal('ENGINE_MISMATCH');
    }
    const active = await server.request('GET', `/api/v1/databases/${ch}/active`, { token });
    expect(active.body).to.deep.equal({ database_id: ch, engine: 'clickhouse', ts: null, queries: [] });
    const wal = await server.request('GET', `/api/v1/databases/${pg13}/wal-stats`, { token });
    expect(wal.body).to.deep.equal({ database_id: pg13, reason: 'pg_stat_wal needs PostgreSQL 14 or later; this server runs 13.4', ts: null, window_start: null, wal: null });
    const empty = await server.request('GET', `/api/v1/databases/${pg13}/active`, { token });
    expect(empty.body).to.deep.equal({ database_id: pg13, engine: 'postgres', ts: null, summary: null, queries: [] });
  });
});
