import { expect } from 'chai';
import { connectRawAgent, hello } from '../../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { FUZZ_SEED, HealthyAgent, INJECTIONS, Prng } from './fuzz-kit.js';

interface OpenApiOperation {
  readonly parameters?: ReadonlyArray<{ readonly name: string; readonly in: string }>;
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: { readonly properties?: Record<string, unknown> } }> };
}

interface Operation {
  readonly method: string;
  /** OpenAPI path, below /api/v1, with {param} placeholders. */
  readonly path: string;
  readonly query: readonly string[];
  readonly bodyFields: readonly string[];
  readonly hasBody: boolean;
}

/** One request of the fuzz and what made it. */
interface FuzzRequest {
  readonly how: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const CONCURRENCY = 8;

/** The JSON in `text`, or the text itself when it is not JSON (so the assertion shows it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Random JSON of any shape, for body fields. */
function randomValue(rng: Prng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 6 : 8)) {
    case 0:
      return rng.pick(INJECTIONS);
    case 1:
      return rng.text(40);
    case 2:
      return rng.pick([0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MIN_VALUE]);
    case 3:
      return rng.pick([true, false, null]);
    case 4:
      return 'x'.repeat(rng.pick([0, 1, 255, 256, 100_000]));
    case 5:
      return rng.pick(['agent', 'read', 'admin', 'postgres', 'clickhouse', '2026-11-23T00:00:00Z']);
    case 6:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: rng.int(4) }, () => [rng.pick(['__proto__', 'constructor', 'name', rng.text(8)]), randomValue(rng, depth + 1)]));
  }
}

describe('fuzz: HTTP API', function () {
  this.timeout(120_000);
  let t: TestServer;
  let token: string;
  let agentKey: string;
  let databaseId: string;
  let operations: Operation[];

  before(async () => {
    t = await startTestServer();
    ({ accessToken: token } = await t.signup('fuzz'));
    agentKey = await t.createKey(token, 'agent');
    // A real database of this organization (its agent gone), so paths naming it reach deeper validation.
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send(hello(['target'], undefined, 'target-host'));
    databaseId = (await agent.next()).welcome!.databases![0]!.id!;
    agent.ws.close();
    const spec = (await t.request('GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, OpenApiOperation>> };
    operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          bodyFields: Object.keys(schema?.properties ?? {}),
          hasBody: op.requestBody !== undefined,
        };
      }),
    );
  });
  after(async () => {
    HealthyAgent.haltAll();
    await t.close();
  });

  /** The requests for one operation: every injection in every path segment, query param and body field, then random ones. */
  function requestsFor(op: Operation, rng: Prng): FuzzRequest[] {
    const segments = op.path.split('/').filter(Boolean);
    const valid = segments.map((s) => (s === '{id}' ? databaseId : s.startsWith('{') ? 'public' : s));
    const auth = { authorization: `Bearer ${token}` };
    const make = (how: string, path: readonly string[], query: Record<string, string> = {}, body?: string, headers: Record<string, string> = auth): FuzzRequest => {
      const qs = new URLSearchParams(query).toString();
      const withBody = body ?? (op.hasBody ? '{}' : undefined);
      return {
        how,
        method: op.method,
        url: `/api/v1/${path.map(encodeURIComponent).join('/')}${qs ? `?${qs}` : ''}`,
        headers: withBody === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(withBody === undefined ? {} : { body: withBody }),
      };
    };
    const requests: FuzzRequest[] = [];
    for (const injection of INJECTIONS) {
      segments.forEach((_, i) => requests.push(make(`segment ${i}`, valid.map((s, j) => (j === i ? injection : s)))));
      for (const name of op.query) requests.push(make(`query ${name}`, valid, { [name]: injection }));
      for (const name of op.bodyFields) requests.push(make(`body ${name}`, valid, {}, JSON.stringify({ [name]: injection })));
      // fetch itself refuses header values with control characters or outer spaces.
      if (/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(injection)) requests.push(make('api key header', valid, {}, undefined, { 'x-api-key': injection }));
    }
    for (let n = 0; n < 60; n++) {
      const query = Object.fromEntries(op.query.filter(() => rng.int(2) === 0).map((name) => [name, String(randomValue(rng))]));
      const kind = rng.int(4);
      const body =
        kind === 0
          ? JSON.stringify(Object.fromEntries(op.bodyFields.map((name) => [name, randomValue(rng)])))
          : kind === 1
            ? rng.text(200)
            : kind === 2
              ? JSON.stringify(randomValue(rng))
              : `{"${rng.pick(op.bodyFields.length > 0 ? op.bodyFields : ['x'])}": ${rng.pick(['', '{', '"', 'NaN', '1e999999', '[[[[[', '"\\ud800"'])}`;
      requests.push(make(`random ${kind}`, valid, query, op.method === 'GET' || op.method === 'DELETE' ? undefined : body));
    }
    return requests;
  }

  it(`answers every hostile request to every documented route with a clear 4xx, never a 500 (seed ${FUZZ_SEED})`, async () => {
    const healthy = await HealthyAgent.start(t, agentKey);
    const keysBefore = (await t.request('GET', '/api/v1/api-keys?include_revoked=true', { token })).body;
    const rng = new Prng(FUZZ_SEED);
    const requests = operations.flatMap((op) => requestsFor(op, rng));
    const statuses = new Map<number, number>();
    let next = 0;
    async function worker(): Promise<void> {
      while (next < requests.length) {
        const request = requests[next++]!;
        const res = await fetch(t.baseUrl + request.url, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
        const text = await res.text();
        const context = `${request.method} ${request.url.slice(0, 200)} (${request.how}) body ${request.body?.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, context).to.be.below(500);
        // 431 comes from Node's HTTP parser (a request line or headers over 16 KiB), before the app: no body.
        if (res.status >= 400 && res.status !== 431) expect(parseJson(text), context).to.have.property('code').that.is.a('string');
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
    expect(requests.length).to.be.above(2000);
    expect(statuses.get(400) ?? 0, JSON.stringify([...statuses])).to.be.above(100);

    // Nothing broke underneath: the keys there before are all still there and live (a fuzzed but valid
    // POST may have added one), and the healthy agent's rows are all stored.
    const keysAfter = (await t.request('GET', '/api/v1/api-keys?include_revoked=true', { token })).body.api_keys as Array<{ id: string }>;
    expect(keysAfter).to.deep.include.members(keysBefore.api_keys);
    await healthy.stop();
    expect((await t.request('GET', '/healthz')).status).to.equal(200);
  });
});
