import { expect } from 'chai';
import { COLLECTOR_NAMES, ENGINES } from '@vigil/shared';
import { TASK_TABLES } from '../../../agent/src/runner/task-tables.js';
import { connectRawAgent } from '../../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

interface OpenApiOperation {
  readonly parameters?: ReadonlyArray<{ readonly name: string; readonly in: string }>;
  readonly requestBody?: { readonly required?: boolean; readonly content: Record<string, { readonly schema: { additionalProperties?: unknown } }> };
}
interface Operation {
  readonly method: string;
  readonly path: string;
  readonly query: readonly string[];
  readonly body: OpenApiOperation['requestBody'];
}

const UNKNOWN = 'vigil_unknown';

/**
 * Every route refuses what it does not know, generated from the OpenAPI document so a route added
 * later is covered without editing this file: an unknown query param or body field is a 400 naming
 * it, a body in another media type is a 415, and a required body left out is BODY_MISSING.
 */
describe('server: strict request validation on every route', () => {
  let t: TestServer;
  let token: string;
  let pgId: string;
  let chId: string;
  let operations: Operation[];

  before(async () => {
    t = await startTestServer();
    ({ accessToken: token } = await t.signup('strict'));
    const agent = await connectRawAgent(t.wsUrl, await t.createKey(token, 'agent'));
    agent.send({
      hello: {
        protocolMajor: 1,
        protocolMinor: 0,
        agentVersion: 'test',
        hostname: 'strict-host',
        databases: [
          { name: 'pg', engine: 1, serverVersion: '15.0' },
          { name: 'ch', engine: 2, serverVersion: '24.3' },
        ],
      },
    });
    const [pg, ch] = (await agent.next()).welcome!.databases!;
    pgId = pg!.id!;
    chId = ch!.id!;
    agent.ws.close();
    const spec = (await t.request('GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, OpenApiOperation>> };
    operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: op.requestBody,
      })),
    );
  });
  after(async () => {
    await t.close();
  });

  function url(op: Operation, dbId = pgId, query = ''): string {
    return `/api/v1${op.path.replace('{id}', dbId).replace(/\{\w+\}/g, 'x')}${query}`;
  }

  async function send(op: Operation, path: string, body?: { type: string; text: string }): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body) headers['content-type'] = body.type;
    const res = await fetch(t.baseUrl + path, { method: op.method, headers, ...(body ? { body: body.text } : {}) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  it('refuses an unknown query param on every route, naming it', async () => {
    expect(operations.length).to.be.greaterThan(20);
    for (const op of operations) {
      const res = await send(op, url(op, pgId, `?${UNKNOWN}=1`), op.body ? { type: 'application/json', text: '{}' } : undefined);
      expect(res.status, `${op.method} ${op.path}`).to.equal(400);
      expect(res.body, `${op.method} ${op.path}`).to.include({ code: 'VALIDATION_FAILED', query_param: UNKNOWN });
    }
  });

  it('refuses an unknown body field on every route with a body (and on every write without one), naming it', async () => {
    const writes = operations.filter((op) => op.method !== 'GET' && op.method !== 'DELETE');
    expect(writes.filter((op) => op.body).length).to.be.greaterThan(5);
    for (const op of writes) {
      const res = await send(op, url(op), { type: 'application/json', text: JSON.stringify({ [UNKNOWN]: 1 }) });
      expect(res.status, `${op.method} ${op.path}`).to.equal(400);
      expect(res.body, `${op.method} ${op.path}`).to.include({ code: 'VALIDATION_FAILED', body_field: UNKNOWN });
    }
  });

  it('documents every request body as additionalProperties: false', () => {
    for (const op of operations.filter((o) => o.body)) {
      const schema = op.body!.content['application/json']!.schema as { additionalProperties?: unknown; anyOf?: Array<{ additionalProperties?: unknown }> };
      const objects = schema.anyOf ? schema.anyOf.filter((s) => s.additionalProperties !== undefined) : [schema];
      expect(objects, `${op.method} ${op.path}`).to.not.be.empty;
      for (const object of objects) expect(object.additionalProperties, `${op.method} ${op.path}`).to.equal(false);
    }
  });

  it('answers 415 to a text/plain or form-encoded body on every route with a body, and BODY_MISSING when a required one is left out', async () => {
    for (const op of operations.filter((o) => o.body)) {
      for (const body of [
        { type: 'text/plain', text: 'name=x' },
        { type: 'application/x-www-form-urlencoded', text: 'name=x&scope=read' },
      ]) {
        const res = await send(op, url(op), body);
        expect(res.status, `${op.method} ${op.path} ${body.type}`).to.equal(415);
        expect(res.body.code).to.equal('UNSUPPORTED_MEDIA_TYPE');
      }
      const missing = await send(op, url(op));
      if (op.body!.required) {
        expect(missing.status, `${op.method} ${op.path} without a body`).to.equal(400);
        expect(missing.body.code).to.equal('BODY_MISSING');
      } else {
        // An optional body may be left out: never BODY_MISSING. (POST /auth/refresh without one and without
        // the browser session's cookie still names the refresh_token it lacks.)
        expect(missing.status, `${op.method} ${op.path} without a body`).to.not.equal(415);
        expect(missing.body?.code, `${op.method} ${op.path} without a body`).to.not.equal('BODY_MISSING');
      }
    }
  });

  it('says a body that is not a JSON object must be one', async () => {
    const patch = operations.find((op) => op.method === 'PATCH' && op.path === '/databases/{id}')!;
    for (const text of ['[]', '"name"', '42', 'null']) {
      const res = await send(patch, url(patch), { type: 'application/json', text });
      expect(res.status, text).to.equal(400);
      expect(res.body.code, text).to.equal('VALIDATION_FAILED');
    }
  });

  it('tells an empty PATCH /databases/{id} which fields it accepts, and names a misspelt one', async () => {
    const empty = await t.request('PATCH', `/api/v1/databases/${pgId}`, { token, body: {} });
    expect(empty.status).to.equal(400);
    expect(empty.body.code).to.equal('VALIDATION_FAILED');
    expect(empty.body.accepted).to.include.members(['name', 'tags', 'disabled_collectors']);
    const misspelt = await t.request('PATCH', `/api/v1/databases/${pgId}`, { token, body: { nmae: 'x' } });
    expect(misspelt.status).to.equal(400);
    expect(misspelt.body).to.include({ code: 'VALIDATION_FAILED', body_field: 'nmae' });
    const extra = await t.request('POST', '/api/v1/api-keys', { token, body: { name: 'k', expires: '2027-01-01' } });
    expect(extra.status).to.equal(400);
    expect(extra.body).to.include({ code: 'VALIDATION_FAILED', body_field: 'expires' });
    // A client's key is echoed (and logged) only short and printable.
    const long = await t.request('GET', `/api/v1/databases?a%0A${'k'.repeat(5000)}=1`, { token });
    expect(long.status).to.equal(400);
    expect(long.body.query_param).to.have.length.below(70).and.not.match(/[\n\r]/);
  });

  it("refuses a disabled_collectors entry that is not one of the database engine's collectors", async () => {
    const typo = await t.request('PATCH', `/api/v1/databases/${pgId}`, { token, body: { disabled_collectors: ['locks', 'statments'] } });
    expect(typo.status).to.equal(400);
    expect(typo.body).to.include({ code: 'VALIDATION_FAILED', body_field: 'disabled_collectors.1' });
    const otherEngine = await t.request('PATCH', `/api/v1/databases/${pgId}`, { token, body: { disabled_collectors: ['query_log'] } });
    expect(otherEngine.status).to.equal(400);
    expect(otherEngine.body).to.include({ code: 'VALIDATION_FAILED', body_field: 'disabled_collectors.0' });
    const ok = await t.request('PATCH', `/api/v1/databases/${pgId}`, { token, body: { disabled_collectors: ['statements', 'locks'] } });
    expect(ok.status).to.equal(200);
    expect(ok.body.disabled_collectors).to.deep.equal(['statements', 'locks']);
    const ch = await t.request('PATCH', `/api/v1/databases/${chId}`, { token, body: { disabled_collectors: ['query_log'] } });
    expect(ch.status).to.equal(200);
  });

  it("lists exactly the agent's collector task names per engine (the one list the API checks against)", () => {
    for (const engine of ENGINES) {
      expect([...COLLECTOR_NAMES[engine]].sort(), engine).to.deep.equal(TASK_TABLES[engine].map((task) => task.name).sort());
    }
  });

  it('accepts relative since/until (7d, 24h, 30m) on every route that takes them', async () => {
    const ranged = operations.filter((op) => op.method === 'GET' && op.query.includes('since'));
    expect(ranged.length).to.be.greaterThan(5);
    for (const op of ranged) {
      // A route is for one engine or both: one of the two databases must get past validation
      // (200, or 404 for a path naming a table that has no readings).
      const statuses: number[] = [];
      for (const dbId of [pgId, chId]) statuses.push((await send(op, url(op, dbId, '?since=7d&until=30m'))).status);
      expect(statuses.some((status) => status === 200 || status === 404), `${op.path}: ${statuses.join(', ')}`).to.equal(true);
    }
    const waits = await t.request('GET', `/api/v1/databases/${pgId}/waits?since=24h`, { token });
    expect(waits.status).to.equal(200);
    expect(Date.now() - Date.parse(waits.body.since)).to.be.within(24 * 3600_000 - 60_000, 24 * 3600_000 + 60_000);
    for (const bad of ['7', '7y', '-1d', '1.5h', 'd']) {
      const res = await t.request('GET', `/api/v1/databases/${pgId}/waits?since=${bad}`, { token });
      expect(res.status, bad).to.equal(400);
      expect(res.body, bad).to.include({ code: 'VALIDATION_FAILED', query_param: 'since' });
    }
  });
});
