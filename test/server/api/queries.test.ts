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

  it('filters by PostgreSQL database and role, and breaks calls down per database or role (group_by)', async () => {
    const agent = await connectRawAgent(t.wsUrl, await t.createKey(token, 'agent'));
    // pg_stat_statements is cluster-wide: one monitored server reports statements of several databases.
    agent.send(hello(['cluster'], undefined, 'cluster-host'));
    const clusterId = (await agent.next()).welcome!.databases![0]!.id!;
    agent.send(
      statementBatch('cluster', [
        { hash: 'x', calls: 10, datname: 'appdb', username: 'app' },
        { hash: 'x', calls: 1, datname: 'postgres', username: 'admin' },
        { hash: 'y', calls: 4, datname: 'appdb', username: 'admin' },
      ], { windowEndMs: now - 60_000 }),
    );
    await agent.next();
    agent.ws.close();
    const get = (qs: string) => t.request('GET', `/api/v1/databases/${clusterId}/queries?sort_by=calls&${qs}`, { token });
    const rows = (body: { queries: Array<{ query_hash: string; total_calls: number }> }) => body.queries.map((q) => [q.query_hash, q.total_calls]);
    expect(rows((await get('database=appdb')).body)).to.deep.equal([['x', 10], ['y', 4]]);
    expect(rows((await get('user=admin')).body)).to.deep.equal([['y', 4], ['x', 1]]);
    expect(rows((await get('database=appdb&user=admin&q=TY')).body)).to.deep.equal([['y', 4]]);
    const byDatabase = await get('group_by=database');
    expect(byDatabase.status).to.equal(200);
    expect(byDatabase.body).to.include({ group_by: 'database', has_more: false });
    expect(byDatabase.body).not.to.have.property('queries');
    expect(byDatabase.body.groups.map((g: { database: string; statements: number; total_calls: number }) => [g.database, g.statements, g.total_calls])).to.deep.equal([
      ['appdb', 2, 14],
      ['postgres', 1, 1],
    ]);
    const byUser = await get('group_by=user&database=appdb&limit=1');
    expect(byUser.body).to.include({ has_more: true });
    expect(byUser.body.groups).to.deep.equal([{ user: 'app', statements: 1, total_calls: 10, total_time_ms: 20, mean_time_ms: 2, total_rows: 10, shared_blks_hit: 9, shared_blks_read: 1, cache_hit_ratio: 0.9 }]);
    // Rows stored without a database name (older agents) group under null.
    expect((await t.request('GET', `/api/v1/databases/${dbId}/queries?group_by=database`, { token })).body.groups.map((g: { database: unknown }) => g.database)).to.deep.equal([null]);

    // Per-database and per-role figures live in raw rows only: a range reaching past raw retention (7 days) is a 400 naming since.
    const old = await get(`group_by=user&since=${new Date(now - 8 * 86400_000).toISOString()}`);
    expect([old.status, old.body.code, old.body.query_param]).to.deep.equal([400, 'VALIDATION_FAILED', 'since']);
    expect(old.body.error).to.contain('VIGIL_RETENTION_RAW_DAYS');
    expect((await get('database=appdb&since=6d')).status).to.equal(200);
    for (const [qs, param] of [['group_by=schema', 'group_by'], ['database=', 'database'], ['user=', 'user'], ['group_by=user&sort_by=errors', 'sort_by']]) {
      const r = await get(qs!);
      expect([r.status, r.body.query_param], qs).to.deep.equal([400, param]);
    }

    // The ClickHouse query log is collected per statement only: the filters say so instead of answering everything.
    const ch = await t.request('POST', '/api/v1/databases', { token, body: { name: 'events-ch', engine: 'clickhouse', host: 'ch.internal' } });
    for (const param of ['database=default', 'user=default', 'group_by=user']) {
      const r = await t.request('GET', `/api/v1/databases/${ch.body.id}/queries?${param}`, { token });
      expect([r.status, r.body.query_param], param).to.deep.equal([400, param.split('=')[0]]);
      expect(r.body.error).to.contain('PostgreSQL-only');
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
