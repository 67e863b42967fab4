import { expect } from 'chai';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('server: auth and API keys', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await t.close();
  });

  it('serves /healthz without auth', async () => {
    const res = await t.request('GET', '/healthz');
    expect(res.status).to.equal(200);
    expect(res.body.status).to.equal('ok');
  });

  it('signs up, logs in and reads /auth/me', async () => {
    const signup = await t.request('POST', '/api/v1/auth/signup', { body: { email: 'Ada@Example.com', password: 'longenough', name: 'Ada', org_name: 'Analytical' } });
    expect(signup.status).to.equal(201);
    expect(signup.body).to.include.keys('access_token', 'refresh_token', 'expires_in');
    expect(signup.body.expires_in).to.equal(900);

    const login = await t.request('POST', '/api/v1/auth/login', { body: { email: 'ada@example.com', password: 'longenough' } });
    expect(login.status).to.equal(200);
    const me = await t.request('GET', '/api/v1/auth/me', { token: login.body.access_token });
    expect(me.status).to.equal(200);
    expect(me.body.user.email).to.equal('ada@example.com');
    expect(me.body.organization.name).to.equal('Analytical');
    expect(me.body.user).to.not.have.property('password_hash');

    const dup = await t.request('POST', '/api/v1/auth/signup', { body: { email: 'ada@example.com', password: 'longenough', name: 'Ada', org_name: 'Other' } });
    expect(dup.status).to.equal(409);
    expect(dup.body.code).to.equal('AUTH_EMAIL_TAKEN');
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await t.request('POST', '/api/v1/auth/login', { body: { email: 'ada@example.com', password: 'wrong-password' } });
    const unknown = await t.request('POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: 'wrong-password' } });
    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    expect(wrong.body).to.deep.equal(unknown.body);
    expect(wrong.body.code).to.equal('AUTH_INVALID_CREDENTIALS');
  });

  it('rotates refresh tokens and revokes the family on reuse', async () => {
    const { refreshToken } = await t.signup();
    const first = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: refreshToken } });
    expect(first.status).to.equal(200);
    const reuse = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: refreshToken } });
    expect(reuse.status).to.equal(401);
    // The reuse ended the family: the token issued by the first refresh is dead too.
    const second = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: first.body.refresh_token } });
    expect(second.status).to.equal(401);
    expect(second.body.code).to.equal('AUTH_INVALID_TOKEN');
  });

  it('names the bad field on invalid bodies and never answers 500', async () => {
    const cases: Array<[unknown, string]> = [
      [{ email: 'not-an-email', password: 'longenough', name: 'x', org_name: 'y' }, 'email'],
      [{ email: 'a@b.co', password: 'short', name: 'x', org_name: 'y' }, 'password'],
      [{ email: 'a@b.co', password: 'longenough', name: 'x' }, 'org_name'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', '/api/v1/auth/signup', { body });
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('VALIDATION_FAILED');
      expect(res.body.error).to.contain(`'${field}'`);
    }
    const malformed = await t.request('POST', '/api/v1/auth/signup', { rawBody: '{"email":' });
    expect(malformed.status).to.equal(400);
    expect(malformed.body.code).to.equal('BODY_MALFORMED');
    const array = await t.request('POST', '/api/v1/auth/signup', { body: [1, 2] });
    expect(array.status).to.equal(400);
  });

  it('shows a key once, lists without secrets, and revokes', async () => {
    const { accessToken } = await t.signup();
    const created = await t.request('POST', '/api/v1/api-keys', { token: accessToken, body: { name: 'ci', scope: 'read' } });
    expect(created.status).to.equal(201);
    expect(created.body.key).to.match(/^vgl_/);
    const list = await t.request('GET', '/api/v1/api-keys', { token: accessToken });
    expect(list.status).to.equal(200);
    expect(JSON.stringify(list.body)).to.not.contain(created.body.key);
    expect(list.body.api_keys.map((k: { id: string }) => k.id)).to.include(created.body.id);

    expect((await t.request('GET', '/api/v1/databases', { apiKey: created.body.key })).status).to.equal(200);
    expect((await t.request('DELETE', `/api/v1/api-keys/${created.body.id}`, { token: accessToken })).status).to.equal(204);
    const after = await t.request('GET', '/api/v1/databases', { apiKey: created.body.key });
    expect(after.status).to.equal(401);
    expect(after.body.code).to.equal('AUTH_INVALID_KEY');
    expect((await t.request('GET', '/api/v1/api-keys?include_revoked=true', { token: accessToken })).body.api_keys[0].revoked_at).to.be.a('string');
    expect((await t.request('DELETE', `/api/v1/api-keys/${created.body.id}`, { token: accessToken })).status).to.equal(404);
  });

  it('rejects a bad scope naming the field', async () => {
    const { accessToken } = await t.signup();
    const res = await t.request('POST', '/api/v1/api-keys', { token: accessToken, body: { name: 'x', scope: 'root' } });
    expect(res.status).to.equal(400);
    expect(res.body.error).to.contain("'scope'");
  });

  it('lets an agent key do nothing on the read API and a read key not manage keys', async () => {
    const { accessToken } = await t.signup();
    const agentKey = await t.createKey(accessToken, 'agent');
    const readKey = await t.createKey(accessToken, 'read');
    for (const path of ['/api/v1/databases', '/api/v1/auth/me', '/api/v1/api-keys']) {
      const res = await t.request('GET', path, { apiKey: agentKey });
      expect(res.status, path).to.equal(403);
      expect(res.body.code).to.equal('AUTH_FORBIDDEN_SCOPE');
    }
    expect((await t.request('GET', '/api/v1/api-keys', { apiKey: readKey })).status).to.equal(403);
    expect((await t.request('POST', '/api/v1/api-keys', { apiKey: readKey, body: { name: 'x', scope: 'admin' } })).status).to.equal(403);
  });

  it('answers 401 with a code for missing, malformed and forged credentials', async () => {
    expect((await t.request('GET', '/api/v1/databases')).body.code).to.equal('AUTH_MISSING_CREDENTIALS');
    expect((await t.request('GET', '/api/v1/databases', { token: 'not.a.jwt' })).body.code).to.equal('AUTH_INVALID_TOKEN');
    expect((await t.request('GET', '/api/v1/databases', { apiKey: 'vgl_' + 'x'.repeat(43) })).body.code).to.equal('AUTH_INVALID_KEY');
    expect((await t.request('GET', '/api/v1/databases', { apiKey: "' OR 1=1 --" })).status).to.equal(401);
  });
});
