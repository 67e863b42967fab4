import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/** Runs `pnpm vigil-server …`'s script (server/src/cli.ts) against the test server's data dir, with `stdin` piped in. */
function cli(t: TestServer, args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    env: { ...process.env, VIGIL_DATA_DIR: t.server.context.config.dataDir, VIGIL_LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The embedded default: no SMTP. The first account is verified at signup, the server says how to configure mail, and the CLI does the rest. */
describe('server: accounts without email (embedded default) and the vigil-server CLI', function () {
  this.timeout(60_000);
  let t: TestServer;
  const lines: string[] = [];

  before(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestServer({ env: { VIGIL_LOG_LEVEL: 'info' }, logStream });
  });
  after(async () => {
    await t?.close();
  });

  it('verifies the first account at signup, not the next, and logs how to configure mail without secrets', async () => {
    const first = await t.request('POST', '/api/v1/auth/signup', { body: { email: 'first@example.com', password: 'first password', name: 'First', org_name: 'First' } });
    expect(first.body.organization.verified).to.equal(true);
    expect(first.body.user.email_verified).to.equal(true);
    const second = await t.request('POST', '/api/v1/auth/signup', { body: { email: 'second@example.com', password: 'second password', name: 'Second', org_name: 'Second' } });
    expect(second.body.organization.verified).to.equal(false);
    const forgot = await t.request('POST', '/api/v1/auth/forgot-password', { body: { email: 'second@example.com' } });
    expect(forgot.status).to.equal(202);

    // A taken email is answered as such (throttled): without mail nothing else could tell its owner.
    const taken = await t.request('POST', '/api/v1/auth/signup', { body: { email: 'first@example.com', password: 'other password', name: 'X', org_name: 'X' } });
    expect([taken.status, taken.body.code]).to.deep.equal([409, 'AUTH_EMAIL_TAKEN']);

    const log = lines.join('\n');
    expect(log).to.contain('VIGIL_SMTP_URL');
    expect(log).to.contain('vigil-server user verify');
    expect(log).to.contain('email not sent');
    for (const secret of [first.body.access_token, first.body.refresh_token, second.body.refresh_token, 'first password', t.server.context.config.jwtSecret]) {
      expect(log).to.not.contain(secret);
    }
  });

  it('verifies a user and sets a password from the host shell, ending their sessions', async () => {
    const login = await t.request('POST', '/api/v1/auth/login', { body: { email: 'second@example.com', password: 'second password' } });
    expect(login.status).to.equal(200);
    const verify = await cli(t, ['user', 'verify', 'Second@example.com']);
    expect(verify.code, verify.stderr).to.equal(0);
    expect(verify.stdout).to.contain('second@example.com is verified');
    expect((await t.request('GET', '/api/v1/auth/me', { token: login.body.access_token })).body.organization.verified).to.equal(true);

    const set = await cli(t, ['user', 'set-password', 'second@example.com'], 'a password set by the operator\n');
    expect(set.code, set.stderr).to.equal(0);
    expect(set.stdout).to.not.contain('a password set by the operator');
    expect((await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: login.body.refresh_token } })).status).to.equal(401);
    expect((await t.request('GET', '/api/v1/auth/me', { token: login.body.access_token })).status).to.equal(401);
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email: 'second@example.com', password: 'a password set by the operator' } })).status).to.equal(200);
  });

  it('answers an invitation with its accept link, which nothing else can deliver, and the link works', async () => {
    const admin = await t.request('POST', '/api/v1/auth/login', { body: { email: 'first@example.com', password: 'first password' } });
    const invited = await t.request('POST', '/api/v1/org/invitations', { token: admin.body.access_token, body: { email: 'colleague@example.com', role: 'member' } });
    expect(invited.status).to.equal(201);
    expect(invited.body.email_sent).to.equal(false);
    const link = new URL(invited.body.accept_link);
    expect(link.pathname).to.equal('/invitations/accept');
    const token = new URLSearchParams(link.hash.slice(1)).get('token')!;
    const accepted = await t.request('POST', `/api/v1/org/invitations/${encodeURIComponent(token)}/accept`, { body: { name: 'Colleague', password: 'colleague password' } });
    expect(accepted.status).to.equal(200);
    const adminOrg = (await t.request('GET', '/api/v1/auth/me', { token: admin.body.access_token })).body.organization.id;
    expect(accepted.body.organization.id).to.equal(adminOrg);
    // The link is in no log line.
    expect(lines.join('\n')).to.not.contain(token);

  });
});
