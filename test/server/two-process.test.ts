import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect } from 'chai';
import { uuidv7, type AgentMessageInput, type ServerMessage } from '@vigil/shared';
import { useClickHouse } from '../harness/clickhouse.js';
import { usePostgres } from '../harness/postgres.js';
import { connectRawAgent, hello, statementBatch, type RawAgent } from '../helpers/raw-agent.js';

/** One `pnpm start` process: the real entry point, configured only through its environment. */
interface ServerProcess {
  readonly port: number;
  stop(): Promise<void>;
}

async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-proc-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, VIGIL_PORT: '0', VIGIL_HOST: '127.0.0.1', VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.includes('vigil server listening')) resolve(JSON.parse(line).port as number);
    });
    void exited.then(() => reject(new Error(`server process exited before listening: ${stderr}`)));
  });
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The trivial load balancer: each new TCP connection goes to the next upstream port in turn. */
function roundRobin(ports: readonly number[]): Promise<{ port: number; close(): Promise<void> }> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(ports[next++ % ports.length]!, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/** The server's answer (ack or error) to each of `ids`, in whatever order they come. */
async function answers(agent: RawAgent, ids: readonly string[]): Promise<Map<string, ServerMessage>> {
  const found = new Map<string, ServerMessage>();
  while (found.size < ids.length) {
    const message = await agent.next();
    const id = message.ack?.batchId ?? message.error?.batchId;
    if (!id) throw new Error(`unexpected ${message.kind}: ${JSON.stringify(message)}`);
    found.set(id, message);
  }
  return found;
}

describe('two server processes over one PostgreSQL and one ClickHouse', function () {
  this.timeout(120_000);
  const postgres = usePostgres();
  const clickhouse = useClickHouse();
  const database = `vigil_two_${randomBytes(4).toString('hex')}`;
  let servers: ServerProcess[] = [];
  let balancer: { port: number; close(): Promise<void> } | undefined;
  let agentKey: string;
  let token: string;
  let a: number;
  let b: number;

  before(async () => {
    const pg = postgres();
    const ch = clickhouse();
    await pg.query(`CREATE DATABASE ${database}`);
    await ch.query(`CREATE DATABASE ${database}`);
    const databaseUrl = new URL(pg.superuserUrl);
    databaseUrl.pathname = `/${database}`;
    const env = {
      DATABASE_URL: databaseUrl.href,
      CLICKHOUSE_URL: `${ch.httpUrl}/${database}`,
      // Shared, so an access token from one process is good at the other (as behind any load balancer).
      VIGIL_JWT_SECRET: randomBytes(32).toString('hex'),
      VIGIL_INGEST_FLUSH_MS: '20',
      // Also the period of the revocation sweep.
      VIGIL_HEARTBEAT_INTERVAL_S: '1',
    };
    // Both start at once: migrations must be safe from two processes.
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    [a, b] = servers.map((s) => s.port) as [number, number];
    balancer = await roundRobin([a, b]);

    const base = `http://127.0.0.1:${a}/api/v1`;
    const signup = await fetch(`${base}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `two-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Two', org_name: 'Two' }),
    });
    token = ((await signup.json()) as { access_token: string }).access_token;
    const key = await fetch(`${base}/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: 'agent', scope: 'agent' }) });
    agentKey = ((await key.json()) as { key: string }).key;
  });

  after(async () => {
    await balancer?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await postgres().query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await clickhouse().query(`DROP DATABASE IF EXISTS ${database}`);
  });

  /** The next agent connection through the balancer (alternately A and B), past Hello. */
  async function connect(): Promise<{ agent: RawAgent; databaseId: string }> {
    const agent = await connectRawAgent(`ws://127.0.0.1:${balancer!.port}`, agentKey);
    agent.send(hello(['main']));
    const welcome = await agent.next();
    return { agent, databaseId: welcome.welcome!.databases![0]!.id! };
  }

  async function storedCalls(databaseId: string, port: number): Promise<Map<string, number>> {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/databases/${databaseId}/queries?limit=100`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { queries: Array<{ query_hash: string; total_calls: number }> };
    return new Map(body.queries.map((q) => [q.query_hash, q.total_calls]));
  }

  it('stores every batch once: re-sent to the other process after a reconnect, and sent to both at once', async () => {
    const batches: AgentMessageInput[] = Array.from({ length: 20 }, (_, i) =>
      statementBatch('main', [{ hash: `two-${i}`, calls: i + 1 }, { hash: 'shared', calls: 1 }], { batchId: uuidv7(), seq: i + 1 }),
    );
    const ids = batches.map((m) => m.batch!.batchId!);

    // To A; then the connection "drops" and the agent re-sends everything to B.
    const first = await connect();
    for (const m of batches.slice(0, 10)) first.agent.send(m);
    const fromA = await answers(first.agent, ids.slice(0, 10));
    expect([...fromA.values()].map((m) => m.ack?.duplicate)).to.deep.equal(Array(10).fill(false));
    first.agent.ws.close();
    const second = await connect();
    for (const m of batches.slice(0, 10)) second.agent.send(m);
    const fromB = await answers(second.agent, ids.slice(0, 10));
    expect([...fromB.values()].map((m) => m.ack?.duplicate)).to.deep.equal(Array(10).fill(true));
    second.agent.ws.close();

    // The other ten to both processes at the same moment (one agent reconnected while its old socket lived on).
    const [left, right] = await Promise.all([connect(), connect()]);
    for (const m of batches.slice(10)) {
      left.agent.send(m);
      right.agent.send(m);
    }
    const [l, r] = await Promise.all([answers(left.agent, ids.slice(10)), answers(right.agent, ids.slice(10))]);
    const retry: AgentMessageInput[] = [];
    for (const [i, id] of ids.slice(10).entries()) {
      const pair = [l.get(id)!, r.get(id)!];
      // Exactly one process stored it; the other saw it stored (a duplicate ack) or still being stored.
      expect(pair.filter((m) => m.ack?.duplicate === false), id).to.have.length(1);
      const other = pair.find((m) => m.ack?.duplicate !== false)!;
      if (other.kind === 'error') {
        expect(other.error).to.include({ code: 'INGEST_BATCH_IN_PROGRESS', fatal: false });
        retry.push(batches[10 + i]!);
      } else {
        expect(other.ack?.duplicate).to.equal(true);
      }
    }
    // What was refused as in progress is re-sent (as the agent does later) and is now a duplicate.
    for (const m of retry) right.agent.send(m);
    const again = await answers(right.agent, retry.map((m) => m.batch!.batchId!));
    expect([...again.values()].every((m) => m.ack?.duplicate === true)).to.equal(true);
    left.agent.ws.close();
    right.agent.ws.close();

    // Both processes read the same totals: each batch counted once.
    const want = new Map(batches.map((m, i) => [`two-${i}`, i + 1]));
    want.set('shared', 20);
    for (const port of [a, b]) expect(await storedCalls(first.databaseId, port)).to.deep.equal(want);
  });

  it('shows a database connected at either process while its agent is up, and disconnected once it is gone', async () => {
    const agent = await connectRawAgent(`ws://127.0.0.1:${a}`, agentKey);
    agent.send(hello(['status-db'], undefined, 'status-host'));
    const databaseId = (await agent.next()).welcome!.databases![0]!.id!;
    const status = async (port: number): Promise<string> =>
      ((await (await fetch(`http://127.0.0.1:${port}/api/v1/databases/${databaseId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string }).status;
    expect([await status(a), await status(b)]).to.deep.equal(['connected', 'connected']);
    agent.ws.close();
    await agent.closed;
    // A knows at once; B from the shared metadata once no heartbeat refreshes it (3 intervals of 1 s).
    expect(await status(a)).to.equal('disconnected');
    const deadline = Date.now() + 15_000;
    while ((await status(b)) !== 'disconnected') {
      if (Date.now() > deadline) expect.fail('B still shows the database connected 15 s after its agent left');
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  it('runs commands and settings changes received by either process on the agent connected to one of them', async () => {
    const agent = await connectRawAgent(`ws://127.0.0.1:${a}`, agentKey);
    agent.send(hello(['cmd-db'], undefined, 'cmd-host'));
    const databaseId = (await agent.next()).welcome!.databases![0]!.id!;
    const call = (port: number, method: string, path: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}/api/v1/databases/${databaseId}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    // The agent's side: answer the next command as a real agent would.
    const answer = async (kind: string, result: unknown): Promise<Record<string, unknown>> => {
      const message = await agent.next();
      expect(message.command?.kind).to.equal(kind);
      agent.send({ commandResult: { requestId: message.command!.requestId!, ok: true, resultJson: JSON.stringify(result) } });
      return JSON.parse(message.command!.argsJson!) as Record<string, unknown>;
    };
    const plan = { engine: 'postgres', database: 'cmd-db', query_hash: '42', query_text: 'SELECT 1', method: 'generic_plan', plan_json: [{ Plan: { 'Node Type': 'Result', 'Total Cost': 0.01 } }] };
    for (const port of [a, b]) {
      const [res, args] = await Promise.all([call(port, 'POST', '/queries/42/explain'), answer('explain', plan)]);
      expect(args).to.deep.equal({ query_hash: '42', database: 'cmd-db' });
      expect(res.status, `explain through ${port === a ? 'A' : 'B'}`).to.equal(202);
      expect(await res.json()).to.include({ database_id: databaseId, query_text: 'SELECT 1', method: 'generic_plan' });

      const [tested] = await Promise.all([call(port, 'POST', '/test'), answer('test_connection', { database: 'cmd-db', engine: 'postgres', reachable: true, server_version: '15.8', latency_ms: 3, error: null, replicas: [], replication_slots: [] })]);
      expect(tested.status).to.equal(200);
      expect(await tested.json()).to.deep.include({ database_id: databaseId, reachable: true, server_version: '15.8', replicas: [] });

      const patched = await call(port, 'PATCH', '', { poll_interval_seconds: port === a ? 7 : 9 });
      expect(patched.status).to.equal(200);
      const update = await agent.next();
      expect(update.settingsUpdate!.settings![0]).to.deep.include({ database: 'cmd-db', pollIntervalSeconds: port === a ? 7 : 9 });
    }
    // The agent's own refusal crosses the relay with its code.
    const refused = call(b, 'POST', '/queries/43/explain');
    const asked = await agent.next();
    agent.send({ commandResult: { requestId: asked.command!.requestId!, ok: false, errorCode: 'STATEMENT_NOT_FOUND', error: 'no statement 43' } });
    const missing = await refused;
    expect(missing.status).to.equal(404);
    expect(await missing.json()).to.include({ code: 'STATEMENT_NOT_FOUND' });

    agent.ws.close();
    await agent.closed;
    // Held by no process now: the other process answers 409 once nobody claims the command.
    const gone = await call(b, 'POST', '/test');
    expect(gone.status).to.equal(409);
    expect(await gone.json()).to.include({ code: 'AGENT_NOT_CONNECTED' });
  });

  it('closes a key\'s agent connections at the other process too when the key is revoked', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const created = (await (await fetch(`http://127.0.0.1:${a}/api/v1/api-keys`, { method: 'POST', headers, body: JSON.stringify({ name: 'doomed', scope: 'agent' }) })).json()) as { id: string; key: string };
    const atA = await connectRawAgent(`ws://127.0.0.1:${a}`, created.key);
    const atB = await connectRawAgent(`ws://127.0.0.1:${b}`, created.key);
    // B's socket has not even sent Hello: it is closed all the same.
    atA.send(hello(['main']));
    await atA.next();
    const revoked = await fetch(`http://127.0.0.1:${a}/api/v1/api-keys/${created.id}`, { method: 'DELETE', headers });
    expect(revoked.status).to.equal(204);
    expect((await atA.closed).code).to.equal(4001);
    expect((await atB.closed).code).to.equal(4001);
  });
});
