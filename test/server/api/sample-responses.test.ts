import { expect } from 'chai';
import { connectRawAgent, statementBatch } from '../../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { clickHouseFixture, type ClickHouseFixture } from './clickhouse-agent.js';

type Responses = Record<string, unknown>;
type Spec = { paths: Record<string, Record<string, { responses: Responses }>> };

/**
 * Reads every documented GET route on a PostgreSQL and a ClickHouse database holding data. The
 * test server validates each success body against the route's response schema (a mismatch is a
 * 500), so this walks the whole read surface through its schemas; a route added later is covered
 * without editing this file. Each answer must be documented for its route, and never a 5xx.
 */
describe('server: a sample response of every route matches its schema', () => {
  let t: TestServer;
  let fx: ClickHouseFixture;
  let spec: Spec;

  before(async function () {
    this.timeout(60_000);
    t = await startTestServer();
    fx = await clickHouseFixture(t);
    // The fixture's PostgreSQL database gets statements, so /queries and its detail have rows.
    const agentKey = await t.createKey(fx.token, 'agent');
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send({ hello: { protocolMajor: 1, protocolMinor: 0, agentVersion: 'test', hostname: 'pg-host', databases: [{ name: 'orders', engine: 1, serverVersion: '15.0' }] } });
    await agent.next();
    agent.send(statementBatch('orders', [{ hash: '42', calls: 3 }]));
    await agent.next();
    agent.ws.close();
    spec = (await t.request('GET', '/api/v1/openapi.json')).body as Spec;
  });
  after(async () => {
    await t.close();
  });

  function fill(path: string, dbId: string): string {
    return path
      .replace('{id}', dbId)
      .replace('{hash}', '42')
      .replace('{schema}', 'public')
      .replace('{name}', 'orders')
      .replace(/\{\w+\}/g, 'x');
  }

  it('answers each GET route for both engines with a documented status and a valid body', async function () {
    this.timeout(120_000);
    const failures: string[] = [];
    let succeeded = 0;
    for (const [path, operations] of Object.entries(spec.paths)) {
      const get = operations.get;
      if (!get || path === '/openapi.json' || path.endsWith('/ws')) continue;
      for (const dbId of path.includes('{id}') && path.startsWith('/databases/') ? [fx.pgId, fx.chId] : ['']) {
        const url = `/api/v1${fill(path, dbId)}`;
        const res = await t.request('GET', url, { token: fx.token });
        const documented = Object.keys(get.responses);
        if (res.status >= 500 || !documented.includes(String(res.status))) failures.push(`${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        if (res.status < 300) succeeded++;
      }
    }
    expect(failures).to.deep.equal([]);
    // Most routes answer 2xx here; the rest are the other engine's (400) or need an object that does not exist (404).
    expect(succeeded).to.be.greaterThan(30);
  });
});
