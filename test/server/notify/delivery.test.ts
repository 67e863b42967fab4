import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { waitFor } from '../../helpers/wait-for.js';
import { notice } from './slack-message.test.js';
import { SlackReceiver } from './slack-receiver.js';

const FAST = {
  VIGIL_ALLOW_PRIVATE_WEBHOOKS: 'true',
  VIGIL_JWT_SECRET: 'notify-test-secret-that-is-long-enough-0123456789',
  VIGIL_NOTIFY_MIN_INTERVAL_MS: '200',
  VIGIL_NOTIFY_RETRY_BASE_MS: '50',
  VIGIL_NOTIFY_RETRY_MAX_MS: '200',
  VIGIL_NOTIFY_MAX_ATTEMPTS: '3',
  VIGIL_NOTIFY_POLL_MS: '50',
};

/** Settings, the test notification and the outbox against a real HTTP receiver standing in for Slack. */
describe('notify: settings API and outbox delivery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-notify-'));
  const receiver = new SlackReceiver();
  let t: TestServer;
  let token: string;
  let orgId: string;

  before(async () => {
    await receiver.start();
    t = await startTestServer({ env: { ...FAST, VIGIL_DATA_DIR: dataDir } });
    ({ accessToken: token, orgId } = await t.signup('notify'));
  });
  after(async () => {
    await t.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    receiver.posts.length = 0;
  });

  const settings = (body: unknown) => t.request('PUT', '/api/v1/settings', { token, body });
  const rows = async (alertId: string) => t.server.context.meta.listNotifications(orgId, { alertId });
  const settled = (alertId: string, timeoutMs = 5000) =>
    waitFor(`${alertId} settled`, timeoutMs, async () => {
      const found = await rows(alertId);
      return found.length > 0 && found.every((r) => r.state !== 'pending') ? found : undefined;
    });

  it('masks the Slack URL on every read, shows the webhook secret once, and keeps retention read-only', async () => {
    const initial = await t.request('GET', '/api/v1/settings', { token });
    expect(initial.body).to.deep.include({ slack_webhook_url: null, webhook_url: null, notify_resolved: true, notify_min_severity: 'warning', retention_raw_days: 7 });
    const put = await settings({ slack_webhook_url: receiver.url(), webhook_url: receiver.url('/hooks/vigil?token=hidden') });
    expect(put.status).to.equal(200);
    expect(put.body.webhook_secret).to.match(/^whsec_/);
    for (const res of [put, await t.request('GET', '/api/v1/settings', { token })]) {
      expect(JSON.stringify(res.body)).to.not.contain('s3cr3t').and.not.contain('hidden');
      expect(res.body.slack_webhook_url).to.equal(`${new URL(receiver.url()).origin}/services/****`);
    }
    expect((await t.request('GET', '/api/v1/settings', { token })).body).to.not.have.property('webhook_secret');
    const readKey = await t.createKey(token, 'read');
    expect((await t.request('GET', '/api/v1/settings', { apiKey: readKey })).status).to.equal(200);
    expect((await t.request('PUT', '/api/v1/settings', { apiKey: readKey, body: { notify_resolved: false } })).status).to.equal(403);
    const retention = await settings({ retention_raw_days: 3 });
    expect(retention.status).to.equal(400);
    expect(retention.body.body_field).to.equal('retention_raw_days');

    // The generic webhook: JSON body signed with the organization's secret.
    const secret = put.body.webhook_secret as string;
    await t.server.context.notifications.enqueue(notice({ org_id: orgId, alert_id: 'signed' }));
    await settled('signed');
    const hook = receiver.posts.find((p) => p.path.startsWith('/hooks/'))!;
    expect(hook.body).to.include({ event: 'alert.opened', alert_id: 'signed' });
    expect(hook.headers['x-vigil-signature']).to.equal(`sha256=${createHmac('sha256', secret).update(hook.raw).digest('hex')}`);
    expect(receiver.posts.filter((p) => p.path.startsWith('/services/'))).to.have.length(1);
    expect((await settings({ webhook_url: null })).body.webhook_url).to.equal(null);
  });

  it("answers the test notification with {sent: true}, or 502 NOTIFY_FAILED carrying Slack's words", async () => {
    expect(await t.request('POST', '/api/v1/settings/test-notification', { token })).to.deep.include({ status: 200, body: { sent: true } });
    expect(receiver.posts[0]!.body.attachments[0].color).to.equal('#1D9BF0');
    receiver.answer({ status: 404, body: 'channel_not_found' });
    const failed = await t.request('POST', '/api/v1/settings/test-notification', { token });
    expect(failed.status).to.equal(502);
    expect(failed.body).to.include({ code: 'NOTIFY_FAILED', channel: 'slack', receiver_status: 404, receiver_error: 'channel_not_found' });
    expect(failed.body.error).to.contain('channel_not_found').and.not.contain('s3cr3t');

    // Five a minute per organization: the sixth is a 429 with Retry-After, and sends nothing.
    for (let i = 0; i < 3; i++) expect((await t.request('POST', '/api/v1/settings/test-notification', { token })).status).to.equal(200);
    const throttled = await fetch(`${t.baseUrl}/api/v1/settings/test-notification`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(throttled.status).to.equal(429);
    expect(throttled.headers.get('retry-after')).to.equal('60');
    expect(await throttled.json()).to.include({ code: 'NOTIFY_TEST_THROTTLED', retry_after_s: 60 });
    expect(receiver.posts).to.have.length(5);
    const other = await t.signup('notify-other');
    expect((await t.request('POST', '/api/v1/settings/test-notification', { token: other.accessToken })).body.code).to.equal('NOTIFY_NOT_CONFIGURED');
  });

  it('waits out a 429 for its Retry-After, retries a 500 with backoff, and records attempts', async () => {
    receiver.answer({ status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } }, { status: 500, body: 'internal_error' });
    await t.server.context.notifications.enqueue(notice({ org_id: orgId, alert_id: 'flaky' }));
    const [row] = await settled('flaky');
    expect(row).to.include({ state: 'sent', attempts: 3, rate_limited: 1, last_error: null });
    expect(receiver.posts).to.have.length(3);
    expect(receiver.posts[1]!.at - receiver.posts[0]!.at).to.be.at.least(950);
    expect(receiver.posts[2]!.body.attachments[0].color).to.equal('#E01E5A');
  });

  it("fails a 4xx at once with Slack's text, and a 5xx after the bounded attempts", async () => {
    receiver.answer({ status: 404, body: 'no_service' });
    await t.server.context.notifications.enqueue(notice({ org_id: orgId, alert_id: 'gone' }));
    expect((await settled('gone'))[0]).to.include({ state: 'failed', attempts: 1, last_error: 'no_service' });
    receiver.answer(...Array.from({ length: 3 }, () => ({ status: 503, body: 'upstream down' })));
    await t.server.context.notifications.enqueue(notice({ org_id: orgId, alert_id: 'down' }));
    expect((await settled('down'))[0]).to.include({ state: 'failed', attempts: 3, last_error: 'upstream down' });
  });

  it('posts at most once per interval per webhook, enqueues one alert event once, and records suppressed ones', async () => {
    for (const id of ['r1', 'r2', 'r3']) await t.server.context.notifications.enqueue(notice({ org_id: orgId, alert_id: id }));
    await t.server.context.notifications.enqueue(notice({ org_id: orgId, alert_id: 'r1' }));
    for (const id of ['r1', 'r2', 'r3']) expect((await settled(id))[0]!.state).to.equal('sent');
    expect(receiver.posts).to.have.length(3);
    for (let i = 1; i < 3; i++) expect(receiver.posts[i]!.at - receiver.posts[i - 1]!.at).to.be.at.least(190);

    await settings({ notify_min_severity: 'critical', notify_resolved: false });
    const low = await t.server.context.notifications.enqueue(notice({ org_id: orgId, alert_id: 'low', severity: 'warning' }));
    expect(low.state).to.equal('suppressed');
    await t.server.context.notifications.enqueue(notice({ org_id: orgId, alert_id: 'r1', kind: 'resolved' }));
    expect((await rows('low'))[0]).to.include({ state: 'suppressed' });
    expect((await rows('r1')).map((r) => `${r.kind}:${r.state}`)).to.deep.equal(['resolved:suppressed', 'opened:sent']);
    await settings({ notify_min_severity: 'warning', notify_resolved: true });
    expect(receiver.posts).to.have.length(3);
  });

  it('delivers a pending notification after a server restart', async () => {
    receiver.answer({ status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } });
    await t.server.context.notifications.enqueue(notice({ org_id: orgId, alert_id: 'restart' }));
    await waitFor('the 429', 3000, async () => (receiver.posts.length > 0 ? true : undefined));
    await t.close();
    expect((await t.server.context.meta.listNotifications(orgId, { alertId: 'restart' }).catch(() => [])).length).to.be.at.most(1);
    t = await startTestServer({ env: { ...FAST, VIGIL_DATA_DIR: dataDir } });
    const [row] = await settled('restart');
    expect(row).to.include({ state: 'sent', attempts: 2 });
    expect(receiver.posts).to.have.length(2);
  });
});

describe('notify: webhook URLs without VIGIL_ALLOW_PRIVATE_WEBHOOKS', () => {
  let t: TestServer;
  let token: string;
  before(async () => {
    t = await startTestServer();
    ({ accessToken: token } = await t.signup('ssrf'));
  });
  after(async () => {
    await t.close();
  });

  it('refuses http and loopback, private, link-local and metadata addresses with a 400 naming the field', async () => {
    for (const [field, url] of [
      ['slack_webhook_url', 'https://127.0.0.1/services/T/B/x'],
      ['slack_webhook_url', 'https://10.0.0.8/services/T/B/x'],
      ['webhook_url', 'https://169.254.169.254/latest/meta-data/'],
      ['slack_webhook_url', 'http://hooks.slack.com/services/T/B/x'],
    ] as const) {
      const res = await t.request('PUT', '/api/v1/settings', { token, body: { [field]: url } });
      expect(res.status, url).to.equal(400);
      expect(res.body.code).to.equal('WEBHOOK_URL_REFUSED');
      expect(res.body.body_field).to.equal(field);
      expect(res.body.error).to.match(new RegExp(`^${field}: `)).and.not.contain('/services/T/B/x');
    }
    expect((await t.request('POST', '/api/v1/settings/test-notification', { token })).body.code).to.equal('NOTIFY_NOT_CONFIGURED');
  });
});
