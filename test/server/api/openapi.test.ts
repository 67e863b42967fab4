import { expect } from 'chai';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

interface Layer {
  name: string;
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every (method, path) the Express app really serves, with mount prefixes resolved. */
function servedRoutes(stack: Layer[], prefix = ''): Array<{ method: string; path: string }> {
  const out: Array<{ method: string; path: string }> = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) out.push({ method, path: prefix + layer.route.path });
    } else if (layer.name === 'router' && layer.handle.stack) {
      out.push(...servedRoutes(layer.handle.stack, prefix + (layer.rawPath ?? '')));
    }
  }
  return out;
}

// Operational endpoints live outside the versioned API on purpose (probes and scrapers call them).
// `/` answers JSON clients with links (browsers get the dashboard, served by middleware, not a route).
const OUTSIDE_API = ['/', '/healthz', '/readyz', '/metrics', '/docs/'];

describe('server: OpenAPI document', () => {
  let t: TestServer;
  let spec: { openapi: string; paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>> };
  before(async () => {
    t = await startTestServer();
    const res = await t.request('GET', '/api/v1/openapi.json');
    expect(res.status).to.equal(200);
    spec = res.body;
  });
  after(async () => {
    await t.close();
  });

  it('documents every route the server serves, and nothing it does not', () => {
    const served = servedRoutes((t.server.app as unknown as { router: { stack: Layer[] } }).router.stack);
    const api = served.filter((r) => r.path.startsWith('/api/v1/'));
    expect(api.length).to.be.greaterThan(5);
    for (const r of api) {
      const path = r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}');
      expect(spec.paths[path]?.[r.method], `${r.method.toUpperCase()} ${path} is served but not in openapi.json`).to.not.equal(undefined);
    }
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    const servedKeys = new Set(api.map((r) => `${r.method} ${r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`));
    for (const op of documented) expect(servedKeys.has(op), `${op} is documented but not served`).to.equal(true);
    for (const r of served.filter((s) => !s.path.startsWith('/api/v1/'))) expect(OUTSIDE_API, `${r.path} is outside /api/v1 and undocumented`).to.include(r.path);
  });

  it('declares each path parameter and an error response for every operation', () => {
    expect(spec.openapi).to.equal('3.1.0');
    for (const [path, ops] of Object.entries(spec.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared, `${method} ${path}`).to.deep.equal(names);
        expect(op.responses, `${method} ${path}`).to.have.property('default');
      }
    }
  });

  it('documents query params with their limits (as Basira states them)', () => {
    const params = spec.paths['/databases/{id}/queries']!.get!.parameters as unknown as Array<{ name: string; schema: { maximum?: number; default?: unknown; enum?: string[] } }>;
    const limit = params.find((p) => p.name === 'limit')!;
    expect(limit.schema).to.include({ maximum: 100, default: 25 });
    expect(params.find((p) => p.name === 'sort_by')!.schema.enum).to.deep.equal(['total_time', 'calls', 'mean_time', 'rows', 'errors', 'read_bytes', 'memory']);
  });

  it('serves interactive docs without any external asset', async () => {
    const page = await fetch(`${t.baseUrl}/docs/`);
    expect(page.status).to.equal(200);
    const html = await page.text();
    expect(html).to.contain('/api/v1/openapi.json');
    expect(html).to.not.match(/https?:\/\//);
    const script = await fetch(`${t.baseUrl}/docs/assets/swagger-ui-bundle.js`);
    expect(script.status).to.equal(200);
  });
});
