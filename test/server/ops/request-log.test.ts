import { Writable } from 'node:stream';
import { expect } from 'chai';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('ops: request logs', () => {
  let t: TestServer;
  const lines: string[] = [];

  before(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestServer({ env: { VIGIL_LOG_LEVEL: 'info' }, logStream });
  });
  after(async () => {
    await t.close();
  });

  it('logs one structured line per request with its request id, and never a query string, header or body', async () => {
    const secrets = ['qs-s3cret-value', 'bearer-s3cret-value', 'apikey-s3cret-value', 'password-s3cret-value', 'cookie-s3cret-value'];
    const res = await fetch(`${t.baseUrl}/api/v1/databases?token=${secrets[0]}`, {
      headers: { authorization: `Bearer ${secrets[1]}`, 'x-api-key': `vgl_${secrets[2]}xxxxxxxxxxxx`, cookie: `session=${secrets[4]}` },
    });
    expect(res.status).to.equal(401);
    const login = await t.request('POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: secrets[3] } });
    expect(login.status).to.equal(401);

    const requestId = res.headers.get('x-request-id');
    expect(requestId).to.match(/^[0-9a-f-]{36}$/);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const entry = entries.find((e) => e.msg === 'request' && e.req_id === requestId);
    expect(entry).to.include({ method: 'GET', path: '/api/v1/databases', status: 401 });
    for (const secret of secrets) expect(lines.join('\n')).to.not.contain(secret);
  });
});
