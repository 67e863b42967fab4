import { expect } from 'chai';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** The dashboard's session: refresh token only in an HttpOnly cookie, cookie use guarded against CSRF. */
describe('web: browser session cookie', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await t.close();
  });

  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${t.baseUrl}/api/v1/auth/${path}`, {
      method: 'POST',
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const cookieOf = (res: Response) => /^vigil_refresh=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

  it('keeps the refresh token out of the body, in an HttpOnly Secure SameSite=Strict cookie, and rotates it', async () => {
    const signup = await post('signup', { 'x-vigil-session': 'cookie' }, { email: `cookie-${Date.now()}@example.com`, password: 'correct horse battery', name: 'C', org_name: 'cookie org' });
    expect(signup.status).to.equal(201);
    const body = await signup.json();
    expect(body).to.have.property('access_token');
    expect(body).to.not.have.property('refresh_token');
    const setCookie = signup.headers.get('set-cookie')!;
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/v1/auth']) expect(setCookie).to.include(attribute);
    // The marker the page reads to know a session exists carries no secret.
    expect(setCookie).to.include('vigil_session=1; Path=/;');
    const first = cookieOf(signup)!;

    const refreshed = await post('refresh', { 'x-vigil-session': 'cookie', cookie: `vigil_refresh=${first}`, 'sec-fetch-site': 'same-origin' });
    expect(refreshed.status).to.equal(200);
    expect(await refreshed.json()).to.not.have.property('refresh_token');
    const second = cookieOf(refreshed)!;
    expect(second).to.be.a('string').and.not.equal(first);

    const logout = await post('logout', { 'x-vigil-session': 'cookie', cookie: `vigil_refresh=${second}` });
    expect(logout.status).to.equal(204);
    expect(logout.headers.get('set-cookie')).to.include('Max-Age=0');
    const after = await post('refresh', { 'x-vigil-session': 'cookie', cookie: `vigil_refresh=${second}` });
    expect(after.status).to.equal(401);
  });

  it('refuses the cookie without the session header or from another site (CSRF), and API clients are unchanged', async () => {
    const login = await t.signup();
    const cookieLogin = await post('refresh', { 'x-vigil-session': 'cookie' }, { refresh_token: login.refreshToken });
    const cookie = `vigil_refresh=${cookieOf(cookieLogin)}`;
    const bare = await post('refresh', { cookie });
    expect(bare.status).to.equal(403);
    expect(((await bare.json()) as { code: string }).code).to.equal('AUTH_CSRF_REJECTED');
    const crossSite = await post('logout', { cookie, 'x-vigil-session': 'cookie', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).to.equal(403);
    expect(((await crossSite.json()) as { code: string }).code).to.equal('AUTH_CSRF_REJECTED');
    // The session survived both attempts.
    expect((await post('refresh', { cookie, 'x-vigil-session': 'cookie' })).status).to.equal(200);

    const other = await t.signup();
    const api = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: other.refreshToken } });
    expect(api.status).to.equal(200);
    expect(api.body.refresh_token).to.be.a('string');
    const missing = await t.request('POST', '/api/v1/auth/refresh', { body: {} });
    expect(missing.status).to.equal(400);
    expect(missing.body.code).to.equal('VALIDATION_FAILED');
  });
});
