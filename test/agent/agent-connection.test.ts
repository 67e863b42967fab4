import { Writable } from 'node:stream';
import { expect } from 'chai';
import { vigil } from '@vigil/proto';
import { AGENT_CONNECT_PATH, PROTOCOL_MAJOR } from '@vigil/shared';
import { createAgentLogger } from '../../agent/src/logging/agent-logger.js';
import { AgentConnection, checkServer, parseRetryAfter, reconnectDelayMs, type AgentConnectionOptions, type ConnectionTiming, type Disconnect } from '../../agent/src/transport/agent-connection.js';
import { MemoryBatchQueue, type QueuedBatch } from '../../agent/src/spool/batch-queue.js';
import { MinimalServer, until } from './minimal-agent-server.ts';

const API_KEY = 'vk_test_secret_key_123';

function batch(seq: number): QueuedBatch {
  return { batchId: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`, seq, database: 'main', windowStartMs: 0, windowEndMs: 60_000, statements: [{ queryHash: '1', calls: seq }] };
}

/** The agent's logger, with its lines landing in `lines`. */
function capturingLogger(lines: string[]) {
  return createAgentLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
}

const silent = createAgentLogger('silent');

describe('agent/transport/agent-connection', () => {
  let server: MinimalServer;
  let url: string;
  let connection: AgentConnection | undefined;
  let logLines: string[];
  let queue: MemoryBatchQueue;

  const hello = (): vigil.v1.Hello.$Properties => ({ protocolMajor: PROTOCOL_MAJOR, protocolMinor: 0, agentVersion: '0.0.0-test', hostname: 'test-host', databases: [{ name: 'main', engine: vigil.v1.Engine.POSTGRES, serverVersion: '15.8' }] });

  function open(timing: Record<string, number> = {}, extra: Pick<AgentConnectionOptions, 'commands' | 'heartbeat'> = {}): AgentConnection {
    connection = new AgentConnection({
      serverUrl: url,
      apiKey: API_KEY,
      hello,
      queue,
      logger: capturingLogger(logLines),
      timing: { initialBackoffMs: 20, maxBackoffMs: 50, ...timing },
      ...extra,
    });
    connection.start();
    return connection;
  }

  beforeEach(async () => {
    server = new MinimalServer();
    url = await server.start();
    logLines = [];
    queue = new MemoryBatchQueue();
  });

  afterEach(async () => {
    await connection?.close();
    connection = undefined;
    await server.stop();
  });

  it('sends the API key only in the Authorization header, and Hello first', async () => {
    open();
    const first = await until(() => server.connections[0]?.[0], 'a message');
    expect(server.upgrades[0]).to.deep.equal({ url: AGENT_CONNECT_PATH, authorization: `Bearer ${API_KEY}` });
    expect(server.upgrades[0]!.url).not.to.include(API_KEY);
    expect(first!.kind).to.equal('hello');
    expect(first!.hello).to.deep.include({ protocolMajor: PROTOCOL_MAJOR, agentVersion: '0.0.0-test', hostname: 'test-host' });
    expect(first!.hello!.databases![0]).to.deep.include({ name: 'main', serverVersion: '15.8' });
  });

  it('appends the connect path to a base URL with a path of its own', async () => {
    url = `${url}/vigil/`;
    open();
    await until(() => server.upgrades[0], 'the upgrade');
    expect(server.upgrades[0]!.url).to.equal(`/vigil${AGENT_CONNECT_PATH}`);
  });

  it('sends batches only after Welcome, in seq order', async () => {
    await queue.push(batch(2));
    await queue.push(batch(1));
    open();
    await until(() => server.batchIds(0).length === 2, 'two batches');
    expect(server.connections[0]!.map((m) => m.kind)).to.deep.equal(['hello', 'batch', 'batch']);
    expect(server.batchIds(0)).to.deep.equal([batch(1).batchId, batch(2).batchId]);
    await until(() => queue.entries().length === 0, 'the acks');
  });

  it('re-sends unacknowledged batches in seq order after a reconnect, and never an acknowledged one', async () => {
    server.ack = (b) => b.seq === 2;
    const conn = open();
    for (const seq of [1, 2, 3]) await queue.push(batch(seq));
    conn.flush();
    await until(() => server.batchIds(0).length === 3, 'three batches');
    await until(() => queue.entries().length === 2, 'the ack of batch 2');

    server.ack = () => true;
    server.sockets[0]!.terminate();
    await until(() => server.batchIds(1).length === 2, 'the re-sent batches');
    expect(server.batchIds(1)).to.deep.equal([batch(1).batchId, batch(3).batchId]);
    expect(server.connections[1]![0]!.kind).to.equal('hello');
    await until(() => queue.entries().length === 0, 'the acks');

    // Everything acknowledged: a further reconnect sends nothing again.
    server.sockets[1]!.terminate();
    await until(() => server.connections[2]?.length, 'the third connection');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.batchIds(2)).to.deep.equal([]);
  });

  it('gives a plain reason for a 401 at upgrade and backs off long', async () => {
    server.rejectStatus = 401;
    const conn = open({ authRejectedBackoffMs: 60_000 });
    const disconnect = await new Promise<Disconnect>((resolve) => conn.once('disconnected', resolve));
    expect(disconnect.reason).to.include('server rejected the API key');
    expect(disconnect.retryInMs).to.be.at.least(30_000);
    const logged = logLines.join('');
    expect(logged).to.include('server rejected the API key');
    expect(logged).not.to.include(API_KEY);
  });

  it('drops a batch the server refuses for good, and keeps one it failed to store', async () => {
    server.ack = () => false;
    const conn = open({ batchRetryDelayMs: 50 });
    await queue.push(batch(1));
    await queue.push(batch(2));
    conn.flush();
    await until(() => server.batchIds(0).length === 2, 'two batches');
    const ws = server.sockets[0]!;
    server.send(ws, { error: { code: 'INGEST_UNKNOWN_DATABASE', message: 'no such database', batchId: batch(1).batchId } });
    server.send(ws, { error: { code: 'INTERNAL', message: 'storage unavailable', batchId: batch(2).batchId } });
    await until(() => queue.entries().length === 1, 'the refused batch to be dropped');
    expect(queue.entries()[0]!.batchId).to.equal(batch(2).batchId);
    // The one that failed transiently goes out again on the same connection.
    await until(() => server.batchIds(0).length === 3, 'the retry');
    expect(server.batchIds(0)[2]).to.equal(batch(2).batchId);
  });

  it('hands commands to its handler and answers on the same socket, sends heartbeats, and reconnects after a fatal error', async () => {
    server.heartbeatIntervalS = 1;
    const conn = open({}, {
      commands: async (command) => ({ requestId: command.requestId, ok: true, resultJson: JSON.stringify({ kind: command.kind }) }),
      heartbeat: () => ({ agentVersion: '0.0.0-test', rssBytes: 1234, collectors: [{ database: 'main', collector: 'statements', lastSuccessMs: 5 }] }),
    });
    await until(() => conn.ready, 'Welcome');
    const ws = server.sockets[0]!;
    server.send(ws, { command: { requestId: 'r-1', kind: 'status', argsJson: '{}' } });
    const result = await until(() => server.connections[0]!.find((m) => m.kind === 'commandResult'), 'the command result');
    expect(result.commandResult).to.deep.include({ requestId: 'r-1', ok: true, resultJson: '{"kind":"status"}' });
    const heartbeat = await until(() => server.connections[0]!.find((m) => m.kind === 'heartbeat'), 'a heartbeat', 3000);
    expect(heartbeat.heartbeat).to.deep.include({ pendingBatches: 0, agentVersion: '0.0.0-test', rssBytes: 1234 });
    expect(heartbeat.heartbeat!.collectors![0]).to.deep.include({ database: 'main', collector: 'statements', lastSuccessMs: 5 });

    const disconnected = new Promise<Disconnect>((resolve) => conn.once('disconnected', resolve));
    server.send(ws, { error: { code: 'PROTOCOL_UNEXPECTED_MESSAGE', message: 'nope', fatal: true } });
    ws.close(1008, 'fatal');
    expect((await disconnected).reason).to.include('PROTOCOL_UNEXPECTED_MESSAGE');
    await until(() => server.connections[1]?.length, 'the reconnect');
  });

  it('refuses every command when it has no handler, and passes settings updates on', async () => {
    const conn = open();
    await until(() => conn.ready, 'Welcome');
    const ws = server.sockets[0]!;
    const settings = new Promise<readonly vigil.v1.DatabaseSettings.$Properties[]>((resolve) => conn.once('settings', resolve));
    server.send(ws, { settingsUpdate: { settings: [{ database: 'main', pollIntervalSeconds: 5, disabledCollectors: ['locks'] }] } });
    expect((await settings)[0]).to.deep.include({ database: 'main', pollIntervalSeconds: 5, disabledCollectors: ['locks'] });
    server.send(ws, { command: { requestId: 'r-2', kind: 'explain', argsJson: '{}' } });
    const result = await until(() => server.connections[0]!.find((m) => m.kind === 'commandResult'), 'the command result');
    expect(result.commandResult).to.deep.include({ requestId: 'r-2', ok: false, errorCode: 'COMMAND_UNKNOWN' });
  });

  it('waits longer after any other 4xx at upgrade, and no less than a Retry-After', async () => {
    server.rejectStatus = 404;
    let conn = open({ clientErrorBackoffMs: 40_000 });
    let disconnect = await new Promise<Disconnect>((resolve) => conn.once('disconnected', resolve));
    expect(disconnect.reason).to.include('HTTP 404').and.include('check server_url');
    expect(disconnect.retryInMs).to.be.at.least(20_000);
    await conn.close();

    server.rejectStatus = 429;
    server.rejectHeaders = { 'retry-after': '120' };
    conn = open({ clientErrorBackoffMs: 1000 });
    disconnect = await new Promise<Disconnect>((resolve) => conn.once('disconnected', resolve));
    expect(disconnect.reason).to.include('rate limiting');
    expect(disconnect.retryInMs).to.be.at.least(120_000);
  });

  it('reports pending and dropped batches in its heartbeat', async () => {
    const text = 'x'.repeat(2000);
    queue = new MemoryBatchQueue({ maxBytes: 3000 });
    server.ack = () => false;
    server.heartbeatIntervalS = 1;
    for (const seq of [1, 2, 3]) await queue.push({ ...batch(seq), statements: [{ queryHash: String(seq), queryText: text }] });
    open();
    const heartbeat = await until(() => server.connections[0]?.find((m) => m.kind === 'heartbeat'), 'a heartbeat', 3000);
    expect(heartbeat.heartbeat).to.deep.include({ pendingBatches: 1, droppedBatches: 2 });
  });

  it('checks a server once for `vigil-agent test`', async () => {
    const ok = await checkServer({ serverUrl: url, apiKey: API_KEY, hello, logger: silent });
    expect(ok).to.deep.include({ ok: true });
    server.rejectStatus = 403;
    expect(await checkServer({ serverUrl: url, apiKey: API_KEY, hello, logger: silent })).to.deep.equal({
      ok: false,
      reason: 'server rejected the API key (HTTP 403)',
    });
    await server.stop();
    const refused = await checkServer({ serverUrl: url, apiKey: API_KEY, hello, logger: silent });
    expect(refused.ok).to.equal(false);
    expect(refused).to.have.property('reason').that.includes('connection refused');
    // stop() again in afterEach is harmless once the listener is gone.
    server = new MinimalServer();
    await server.start();
  });
});

describe('agent/transport/agent-connection reconnect delays', () => {
  const timing: ConnectionTiming = {
    initialBackoffMs: 1000,
    maxBackoffMs: 60_000,
    authRejectedBackoffMs: 300_000,
    clientErrorBackoffMs: 60_000,
    unsupportedVersionBackoffMs: 3_600_000,
    handshakeTimeoutMs: 15_000,
    welcomeTimeoutMs: 15_000,
    heartbeatIntervalMs: 30_000,
    maxBufferedBytes: 1 << 20,
    batchRetryDelayMs: 30_000,
  };
  const normal = { reason: 'refused', backoff: 'normal' } as const;

  it('doubles per failed attempt up to the cap, with equal jitter between half and all of it', () => {
    const low = () => 0;
    const high = () => 1;
    expect([0, 1, 2, 3, 10].map((attempts) => reconnectDelayMs(normal, attempts, timing, high))).to.deep.equal([1000, 2000, 4000, 8000, 60_000]);
    expect([0, 1, 2, 3, 10].map((attempts) => reconnectDelayMs(normal, attempts, timing, low))).to.deep.equal([500, 1000, 2000, 4000, 30_000]);
    // Real jitter spreads a fleet: many draws, many different delays.
    const draws = new Set(Array.from({ length: 50 }, () => reconnectDelayMs(normal, 5, timing)));
    expect(draws.size).to.be.greaterThan(10);
  });

  it('stays away longer after a refusal a quick retry cannot fix', () => {
    expect(reconnectDelayMs({ reason: '', backoff: 'auth' }, 0, timing, () => 0)).to.equal(150_000);
    expect(reconnectDelayMs({ reason: '', backoff: 'client' }, 0, timing, () => 0)).to.equal(30_000);
    expect(reconnectDelayMs({ reason: '', backoff: 'unsupported' }, 0, timing, () => 0)).to.equal(1_800_000);
    expect(reconnectDelayMs({ reason: '', backoff: 'normal', retryAfterMs: 45_000 }, 0, timing, () => 1)).to.equal(45_000);
    // A Retry-After past an hour is treated as an hour.
    expect(reconnectDelayMs({ reason: '', backoff: 'normal', retryAfterMs: 10 * 3_600_000 }, 0, timing, () => 1)).to.equal(3_600_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).to.equal(30_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:02:00 GMT', now)).to.equal(120_000);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(undefined, now)).to.equal(undefined);
  });
});
