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

  it('sends a browser to /docs', async () => {
    const res = await fetch(`${t.baseUrl}/`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, redirect: 'manual' });
    expect(res.status).to.equal(302);
    expect(res.headers.get('location')).to.equal('/docs');
  });

  it("serves ClusterSight's /api/v1/health with the version, without auth", async () => {
    const res = await t.request('GET', '/api/v1/health');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'ok', version: SERVER_VERSION });
    const doc = (await t.request('GET', '/api/v1/openapi.json')).body as { paths: Record<string, { get?: { security?: unknown[] } }> };
    expect(doc.paths['/health']?.get?.security).to.deep.equal([]);
  });
});
