import { expect } from 'chai';
import { connectRawAgent, hello, statementBatch } from '../../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('server: /queries/{hash}, /queries/slow, /queries/{hash}/explain', () => {
  let t: TestServer;
  let token: string;
  let dbId: string;
  const now = Date.now();
  before(async () => {
    t = await startTestServer();
    token = (await t.signup()).accessToken;
    const agent = await connectRawAgent(t.wsUrl, await t.createKey(token, 'agent'));
    agent.send(hello(['main']));
    dbId = (await agent.next()).welcome!.databases![0]!.id!;
    // Two minutes of 'a' (3 then 7 calls, 2 ms each) and one of 'b' (1 call); batch windows end 2 and 1 minutes ago.
    agent.send(statementBatch('main', [{ hash: 'a', calls: 3 }, { hash: 'b', calls: 1 }], { seq: 1, windowEndMs: now - 120_000 }));
    await agent.next();
    agent.send(statementBatch('main', [{ hash: 'a', calls: 7 }], { seq: 2, windowEndMs: now - 60_000 }));
    await agent.next();
    agent.ws.close();
  });
  after(async () => {
    await t.close();
  });

  it('gives one statement its totals and a per-minute timeseries', async () => {
    const res = await t.request('GET', `/api/v1/databases/${dbId}/queries/a?bucket=60`, { token });
    expect(res.status).to.equal(200);
    expect(res.body.query_text).to.equal('SELECT * FROM ta WHERE id = $1');
    // Basira's names for sums over the range, as ClickHouse detail and both lists use them.
    expect(res.body.totals).to.include({ total_calls: 10, total_time_ms: 20, mean_time_ms: 2, total_rows: 10, shared_blks_hit: 18, shared_blks_read: 2 });
    expect(res.body.totals).not.to.have.any.keys('calls', 'rows');
    expect(Date.parse(res.body.first_seen_at)).to.be.below(Date.parse(res.body.last_seen_at));
    expect(res.body.timeseries.map((p: { calls: number }) => p.calls)).to.deep.equal([3, 7]);
    expect(Date.parse(res.body.timeseries[1].ts) - Date.parse(res.body.timeseries[0].ts)).to.equal(60_000);
    expect(res.body.bucket_seconds).to.equal(60);
    // The default range (24 h) picks 1-minute buckets (1440 points); 30 days pick 1 hour.
    expect((await t.request('GET', `/api/v1/databases/${dbId}/queries/a`, { token })).body.bucket_seconds).to.equal(60);
    const month = new Date(now - 30 * 86400_000).toISOString();
    expect((await t.request('GET', `/api/v1/databases/${dbId}/queries/a?since=${month}`, { token })).body.bucket_seconds).to.equal(3600);
  });

  it('pages /queries with offset and has_more, and filters by text with q', async () => {
    const list = (qs: string) => t.request('GET', `/api/v1/databases/${dbId}/queries?sort_by=calls&${qs}`, { token });
    const first = await list('limit=1');
    expect(first.status).to.equal(200);
    expect(first.body).to.include({ offset: 0, has_more: true });
    expect(first.body.queries.map((q: { query_hash: string }) => q.query_hash)).to.deep.equal(['a']);
    const second = await list('limit=1&offset=1');
    expect(second.body).to.include({ offset: 1, has_more: false });
    expect(second.body.queries.map((q: { query_hash: string }) => q.query_hash)).to.deep.equal(['b']);
    const found = await list('q=from%20TB');
    expect(found.body.queries.map((q: { query_hash: string }) => q.query_hash)).to.deep.equal(['b']);
    for (const bad of ['offset=-1', 'offset=x', 'q=']) {
      const r = await list(bad);
      expect(r.status, bad).to.equal(400);
      expect(r.body.error, bad).to.contain(`'${bad.split('=')[0]}'`);
    }
  });

  it('is a 404 for a statement never seen, and a 400 naming bucket when it gives too many points', async () => {
    const missing = await t.request('GET', `/api/v1/databases/${dbId}/queries/nope`, { token });
    expect(missing.status).to.equal(404);
    expect(missing.body.code).to.equal('NOT_FOUND');
    const since = new Date(now - 30 * 86400_000).toISOString();
    const tooMany = await t.request('GET', `/api/v1/databases/${dbId}/queries/a?bucket=60&since=${since}`, { token });
    expect(tooMany.status).to.equal(400);
    expect(tooMany.body.query_param).to.equal('bucket');
    const tiny = await t.request('GET', `/api/v1/databases/${dbId}/queries/a?bucket=5`, { token });
    expect(tiny.body.query_param).to.equal('bucket');
  });

  it('ranks the slowest statements by mean time with ClusterSight params', async () => {
    const res = await t.request('GET', `/api/v1/databases/${dbId}/queries/slow?hours=1&limit=1`, { token });
    expect(res.status).to.equal(200);
    expect(res.body.queries).to.have.length(1);
    expect(res.body.queries[0]).to.include({ query_hash: 'a', mean_time_ms: 2, total_calls: 10 });
    for (const bad of ['hours=0', 'hours=169', 'limit=201', 'limit=x']) {
      const r = await t.request('GET', `/api/v1/databases/${dbId}/queries/slow?${bad}`, { token });
      expect(r.status, bad).to.equal(400);
      expect(r.body.query_param, bad).to.equal(bad.split('=')[0]);
    }
  });

  it('lists collected plans (none yet) with a bounded limit', async () => {
    const res = await t.request('GET', `/api/v1/databases/${dbId}/queries/a/explain`, { token });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ database_id: dbId, query_hash: 'a', plans: [] });
    expect((await t.request('GET', `/api/v1/databases/${dbId}/queries/a/explain?limit=51`, { token })).status).to.equal(400);
  });
});
