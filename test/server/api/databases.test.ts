import { expect } from 'chai';
import { connectRawAgent, hello, statementBatch } from '../../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('server: /databases register, update, delete, health', () => {
  let t: TestServer;
  let token: string;
  before(async () => {
    t = await startTestServer();
    token = (await t.signup()).accessToken;
  });
  after(async () => {
    await t.close();
  });

  it('pre-registers by name with engine port defaults, refusing duplicates and bad fields by name', async () => {
    const created = await t.request('POST', '/api/v1/databases', { token, body: { name: 'billing', engine: 'clickhouse', host: 'ch.internal', tags: { team: 'data' } } });
    expect(created.status).to.equal(201);
    expect(created.body).to.deep.include({ name: 'billing', engine: 'clickhouse', host: 'ch.internal', port: 8123, tags: { team: 'data' }, status: 'disconnected', last_seen_at: null });
    const pg = await t.request('POST', '/api/v1/databases', { token, body: { name: 'orders-pg', engine: 'postgres', host: 'pg.internal' } });
    expect(pg.body.port).to.equal(5432);
    const again = await t.request('POST', '/api/v1/databases', { token, body: { name: 'billing', engine: 'postgres', host: 'x' } });
    expect([again.status, again.body.code]).to.deep.equal([409, 'DATABASE_NAME_TAKEN']);
    for (const [body, field] of [
      [{ engine: 'postgres', host: 'h' }, 'name'],
      [{ name: 'n', engine: 'mysql', host: 'h' }, 'engine'],
      [{ name: 'n', engine: 'postgres' }, 'host'],
      [{ name: 'n', engine: 'postgres', host: 'h', port: 70000 }, 'port'],
      [{ name: 'n', engine: 'postgres', host: 'h', tags: ['prod'] }, 'tags'],
      [{ name: 'n', engine: 'postgres', host: 'h', owner: 'me' }, ''],
    ] as const) {
      const res = await t.request('POST', '/api/v1/databases', { token, body });
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body.code).to.equal('VALIDATION_FAILED');
      if (field) expect(res.body.body_field, JSON.stringify(body)).to.equal(field);
    }
    const readKey = await t.createKey(token, 'read');
    expect((await t.request('POST', '/api/v1/databases', { apiKey: readKey, body: { name: 'r', engine: 'postgres', host: 'h' } })).status).to.equal(403);
  });

  it('patches settings, pushes them to the connected agent, and shows the agent in /health', async () => {
    const agent = await connectRawAgent(t.wsUrl, await t.createKey(token, 'agent'));
    agent.send(hello(['orders']));
    const welcome = (await agent.next()).welcome!;
    const id = welcome.databases![0]!.id!;

    const health = await t.request('GET', `/api/v1/databases/${id}/health`, { token });
    expect(health.status).to.equal(200);
    expect(health.body).to.deep.include({ id, status: 'connected', agent_version: 'test' });

    const patched = await t.request('PATCH', `/api/v1/databases/${id}`, { token, body: { poll_interval_seconds: 5, disabled_collectors: ['locks'], tags: { env: 'prod' } } });
    expect(patched.status).to.equal(200);
    expect(patched.body).to.deep.include({ poll_interval_seconds: 5, disabled_collectors: ['locks'], tags: { env: 'prod' }, collect_explain_plans: true });
    const pushed = await agent.next();
    expect(pushed.settingsUpdate?.settings?.[0]).to.deep.include({ database: 'orders', pollIntervalSeconds: 5, disabledCollectors: ['locks'] });

    for (const [body, field] of [
      [{}, ''],
      [{ poll_interval_seconds: 0 }, 'poll_interval_seconds'],
      [{ disabled_collectors: ['DROP TABLE'] }, 'disabled_collectors.0'],
      [{ collect_explain_plans: 'yes' }, 'collect_explain_plans'],
    ] as const) {
      const res = await t.request('PATCH', `/api/v1/databases/${id}`, { token, body });
      expect(res.status, JSON.stringify(body)).to.equal(400);
      if (field) expect(res.body.body_field, JSON.stringify(body)).to.equal(field);
    }
    agent.ws.close();
    await agent.closed;
  });

  it('asks for a plan only through a connected agent: 409 when none is', async () => {
    const created = await t.request('POST', '/api/v1/databases', { token, body: { name: 'offline', engine: 'postgres', host: 'h' } });
    const res = await t.request('POST', `/api/v1/databases/${created.body.id}/queries/123/explain`, { token });
    expect([res.status, res.body.code]).to.deep.equal([409, 'AGENT_NOT_CONNECTED']);
  });

  it('deletes a database and its telemetry: 204, then 404 everywhere', async () => {
    const agent = await connectRawAgent(t.wsUrl, await t.createKey(token, 'agent'));
    agent.send(hello(['doomed']));
    const id = (await agent.next()).welcome!.databases![0]!.id!;
    agent.send(statementBatch('doomed', [{ hash: 'q1', calls: 3 }]));
    await agent.next();
    expect((await t.request('GET', `/api/v1/databases/${id}/queries`, { token })).body.queries).to.have.length(1);

    const deleted = await t.request('DELETE', `/api/v1/databases/${id}`, { token });
    expect(deleted.status).to.equal(204);
    // The agent still sending for it is told to reconnect and announce what it still watches.
    expect((await agent.closed).code).to.equal(4003);
    for (const path of [`/api/v1/databases/${id}`, `/api/v1/databases/${id}/queries`, `/api/v1/databases/${id}/health`]) {
      expect((await t.request('GET', path, { token })).status, path).to.equal(404);
    }
    expect((await t.request('DELETE', `/api/v1/databases/${id}`, { token })).status).to.equal(404);
  });
});
