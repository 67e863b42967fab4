import { expect } from 'chai';
import { uuidv7, type AgentMessageInput } from '@vigil/shared';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { connectRawAgent, hello } from '../helpers/raw-agent.js';

function batch(database: string, statements: Array<{ hash: string; calls: number }>, batchId = uuidv7(), seq = 1): AgentMessageInput {
  const end = Date.now();
  return {
    batch: {
      batchId,
      seq,
      database,
      windowStartMs: end - 60_000,
      windowEndMs: end,
      statements: statements.map((s) => ({ queryHash: s.hash, queryText: `SELECT * FROM t${s.hash} WHERE id = $1`, calls: s.calls, totalTimeMs: s.calls * 2, rows: s.calls, sharedBlksHit: 9, sharedBlksRead: 1 })),
    },
  };
}

describe('server: agent gateway', () => {
  let t: TestServer;
  let token: string;
  let agentKey: string;
  before(async () => {
    t = await startTestServer();
    token = (await t.signup()).accessToken;
    agentKey = await t.createKey(token, 'agent');
  });
  after(async () => {
    await t.close();
  });

  it('refuses a bad API key with 401 and a read key with 403 at the upgrade', async () => {
    const bad = await connectRawAgent(t.wsUrl, 'vgl_' + 'q'.repeat(43)).catch((err: { status?: number }) => err);
    expect((bad as { status?: number }).status).to.equal(401);
    const readKey = await t.createKey(token, 'read');
    const read = await connectRawAgent(t.wsUrl, readKey).catch((err: { status?: number }) => err);
    expect((read as { status?: number }).status).to.equal(403);
  });

  it('registers databases from Hello and acknowledges batches exactly once', async () => {
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send(hello(['orders']));
    const welcome = await agent.next();
    expect(welcome.kind).to.equal('welcome');
    const dbId = welcome.welcome!.databases![0]!.id!;

    const dbs = await t.request('GET', '/api/v1/databases', { token });
    expect(dbs.body.databases).to.have.length(1);
    expect(dbs.body.databases[0]).to.include({ id: dbId, name: 'orders', engine: 'postgres', status: 'connected' });

    const first = batch('orders', [{ hash: '101', calls: 5 }]);
    agent.send(first);
    const ack = await agent.next();
    expect(ack.ack).to.include({ batchId: first.batch!.batchId, duplicate: false });
    // The same batch again (a replay after a lost ack) is acknowledged but not stored twice.
    agent.send(first);
    expect((await agent.next()).ack).to.include({ batchId: first.batch!.batchId, duplicate: true });
    agent.send(batch('orders', [{ hash: '101', calls: 2 }], uuidv7(), 2));
    expect((await agent.next()).kind).to.equal('ack');

    const queries = await t.request('GET', `/api/v1/databases/${dbId}/queries`, { token });
    expect(queries.status).to.equal(200);
    expect(queries.body.queries).to.have.length(1);
    expect(queries.body.queries[0]).to.include({ query_hash: '101', total_calls: 7, total_rows: 7, shared_blks_hit: 18, shared_blks_read: 2 });
    expect(queries.body.queries[0].cache_hit_ratio).to.be.closeTo(0.9, 1e-9);
    agent.ws.close();
  });

  it('answers a batch for an unannounced database or with bad fields with a non-fatal Error', async () => {
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send(hello(['orders']));
    await agent.next();
    const unknown = batch('elsewhere', [{ hash: '1', calls: 1 }]);
    agent.send(unknown);
    const err = await agent.next();
    expect(err.error).to.include({ code: 'INGEST_UNKNOWN_DATABASE', fatal: false, batchId: unknown.batch!.batchId });
    const negative = batch('orders', [{ hash: '1', calls: -3 }]);
    agent.send(negative);
    const bad = await agent.next();
    expect(bad.error).to.include({ code: 'INGEST_BAD_BATCH', fatal: false });
    expect(bad.error!.message).to.contain('statements[0].calls');
    agent.send({ batch: { ...negative.batch, batchId: 'not-a-uuid' } });
    expect((await agent.next()).error!.message).to.contain('batch_id');
    // Still usable afterwards.
    agent.send(batch('orders', [{ hash: '2', calls: 1 }]));
    expect((await agent.next()).kind).to.equal('ack');
    agent.ws.close();
  });

  it('closes on a garbage frame with an Error and keeps serving other agents', async () => {
    const healthy = await connectRawAgent(t.wsUrl, agentKey);
    healthy.send(hello(['orders']));
    await healthy.next();

    const garbage = await connectRawAgent(t.wsUrl, agentKey);
    garbage.sendRaw(Buffer.from([0, 0xde, 0xad, 0xbe, 0xef, 0xff, 0xff]));
    const err = await garbage.next();
    expect(err.error).to.include({ code: 'FRAME_MALFORMED', fatal: true });
    expect((await garbage.closed).code).to.equal(1007);

    const text = await connectRawAgent(t.wsUrl, agentKey);
    text.sendRaw('hello', false);
    expect((await text.next()).error!.code).to.equal('FRAME_MALFORMED');

    healthy.send(batch('orders', [{ hash: '3', calls: 1 }]));
    expect((await healthy.next()).kind).to.equal('ack');
    expect((await t.request('GET', '/healthz')).status).to.equal(200);
    healthy.ws.close();
  });

  it('requires Hello first and refuses another protocol major with a clear Error', async () => {
    const early = await connectRawAgent(t.wsUrl, agentKey);
    early.send(batch('orders', [{ hash: '1', calls: 1 }]));
    expect((await early.next()).error!.code).to.equal('PROTOCOL_HELLO_REQUIRED');
    await early.closed;

    const future = await connectRawAgent(t.wsUrl, agentKey);
    future.send(hello(['orders'], 2));
    const err = await future.next();
    expect(err.error).to.include({ code: 'PROTOCOL_UNSUPPORTED_VERSION', fatal: true });
    expect(err.error!.message).to.contain('2.x');
    expect((await future.closed).code).to.equal(1002);
  });

  it('closes a revoked key\'s live agent connection', async () => {
    const created = await t.request('POST', '/api/v1/api-keys', { token, body: { name: 'doomed', scope: 'agent' } });
    const agent = await connectRawAgent(t.wsUrl, created.body.key);
    agent.send(hello(['orders']));
    await agent.next();
    await t.request('DELETE', `/api/v1/api-keys/${created.body.id}`, { token });
    expect((await agent.closed).code).to.equal(4001);
  });
});

describe('server: /queries params', () => {
  let t: TestServer;
  let token: string;
  let dbId: string;
  before(async () => {
    t = await startTestServer();
    token = (await t.signup()).accessToken;
    const agent = await connectRawAgent(t.wsUrl, await t.createKey(token, 'agent'));
    agent.send(hello(['main']));
    dbId = (await agent.next()).welcome!.databases![0]!.id!;
    agent.send(batch('main', [{ hash: 'a', calls: 1 }, { hash: 'b', calls: 50 }, { hash: 'c', calls: 10 }]));
    await agent.next();
    agent.ws.close();
  });
  after(async () => {
    await t.close();
  });

  it('sorts, limits and defaults like Basira', async () => {
    const byCalls = await t.request('GET', `/api/v1/databases/${dbId}/queries?sort_by=calls&limit=2`, { token });
    expect(byCalls.body.queries.map((q: { query_hash: string }) => q.query_hash)).to.deep.equal(['b', 'c']);
    expect(byCalls.body.queries[0]).to.have.all.keys('query_hash', 'query_text', 'total_calls', 'total_time_ms', 'mean_time_ms', 'total_rows', 'shared_blks_hit', 'shared_blks_read', 'cache_hit_ratio');
    const all = await t.request('GET', `/api/v1/databases/${dbId}/queries`, { token });
    expect(all.body.sort_by).to.equal('total_time');
    expect(all.body.queries).to.have.length(3);
    const past = await t.request('GET', `/api/v1/databases/${dbId}/queries?since=2020-01-01T00:00:00Z&until=2020-01-02T00:00:00Z`, { token });
    expect(past.body.queries).to.deep.equal([]);
  });

  it('answers 400 naming the param for every bad value', async () => {
    const cases: Array<[string, string]> = [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['sort_by=name', 'sort_by'],
      ['since=yesterday', 'since'],
      ['until=2026-13-01T00:00:00Z', 'until'],
      ['since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z', 'since'],
      ["sort_by=calls'%3B%20DROP%20TABLE%20statement_stats%3B--", 'sort_by'],
    ];
    for (const [qs, param] of cases) {
      const res = await t.request('GET', `/api/v1/databases/${dbId}/queries?${qs}`, { token });
      expect(res.status, qs).to.equal(400);
      expect(res.body.code).to.equal('VALIDATION_FAILED');
      expect(res.body.error, qs).to.contain(`'${param}'`);
    }
  });

  it('answers 404 for unknown ids and for another organization\'s database', async () => {
    expect((await t.request('GET', '/api/v1/databases/00000000-0000-0000-0000-000000000000/queries', { token })).status).to.equal(404);
    expect((await t.request('GET', "/api/v1/databases/' OR '1'='1", { token })).status).to.equal(404);
    const other = await t.signup();
    expect((await t.request('GET', `/api/v1/databases/${dbId}`, { token: other.accessToken })).status).to.equal(404);
    expect((await t.request('GET', `/api/v1/databases/${dbId}/queries`, { token: other.accessToken })).status).to.equal(404);
  });
});
