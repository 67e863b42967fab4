import { expect } from 'chai';
import { SERVER_VERSION } from '../../../server/src/version.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('ops: GET / and GET /api/v1/health', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await t.close();
  });

  it('points a client at the docs and the API instead of a 404', async () => {
    const res = await fetch(`${t.baseUrl}/`, { headers: { accept: 'application/json' } });
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.include({ docs: '/docs', openapi: '/api/v1/openapi.json', version: SERVER_VERSION });
    // curl's default Accept.
    expect((await fetch(`${t.baseUrl}/`, { headers: { accept: '*/*' } })).status).to.equal(200);
  });

  it('answers a browser with the dashboard (a page, whether built or not) under a strict CSP', async () => {
    const res = await fetch(`${t.baseUrl}/`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, redirect: 'manual' });
    expect([200, 503]).to.include(res.status);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    expect(res.headers.get('content-security-policy')).to.include("script-src 'self'");
  });

  it("serves ClusterSight's /api/v1/health with the version, without auth", async () => {
    const res = await t.request('GET', '/api/v1/health');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'ok', version: SERVER_VERSION });
    const doc = (await t.request('GET', '/api/v1/openapi.json')).body as { paths: Record<string, { get?: { security?: unknown[] } }> };
    expect(doc.paths['/health']?.get?.security).to.deep.equal([]);
  });
});
