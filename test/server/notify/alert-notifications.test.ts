import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { NewAlert } from '../../../server/src/storage/meta/alerts-repository.js';
import { blockedQueriesAlert } from '../../helpers/alert-fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { waitFor } from '../../helpers/wait-for.js';
import { SlackReceiver } from './slack-receiver.js';

/**
 * The adapter from alert events to the outbox (notify/alert-notifications.ts), on a real server and
 * a real receiver: what is sent, what is not, and what the alert says about it. The e2e test
 * (test/e2e/alert-notifications.test.ts) drives the same path from a real database.
 */
describe('notify: alert events to notifications', () => {
  const receiver = new SlackReceiver();
  let t: TestServer;
  let token: string;
  let orgId: string;
  let databaseId: string;
  let n = 0;

  before(async () => {
    await receiver.start();
    t = await startTestServer({ env: { VIGIL_ALLOW_PRIVATE_WEBHOOKS: 'true', VIGIL_NOTIFY_POLL_MS: '50', VIGIL_NOTIFY_MIN_INTERVAL_MS: '0' } });
    ({ accessToken: token, orgId } = await t.signup('alert-notify'));
    const db = await t.request('POST', '/api/v1/databases', { token, body: { name: 'notify-pg', engine: 'postgres', host: 'db.example.com' } });
    expect(db.status).to.equal(201);
    databaseId = db.body.id;
  });
  after(async () => {
    await t.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.posts.length = 0;
  });

  const settings = async (body: unknown) => expect((await t.request('PUT', '/api/v1/settings', { token, body })).status).to.equal(200);
  /** Opens an alert in the store and emits it, as the evaluation job does. */
  async function open(fields: Partial<NewAlert> = {}) {
    n += 1;
    const alert = (await t.server.context.meta.alerts.openAlert(blockedQueriesAlert(orgId, databaseId, { object_key: `pid:${n}`, object_label: `pid ${n} blocked by pid 1`, ...fields })))!;
    t.server.context.alertEvents.emit('opened', { alert });
    return alert;
  }
  const view = async (id: string) => (await t.request('GET', `/api/v1/alerts/${id}`, { token })).body;

  it("words the message from the catalogue and shows the delivery on the alert; a resolution is not sent with notify_resolved off, and does not overwrite the alert's delivery", async () => {
    await settings({ slack_webhook_url: receiver.url(), notify_resolved: false, notify_min_severity: 'warning' });
    const alert = await open();
    const sent = await waitFor('the delivery on the alert', 5000, async () => ((await view(alert.id)).delivery_status === 'sent' ? view(alert.id) : undefined));
    expect(sent).to.include({ delivery_attempts: 1, delivery_last_error: null });
    expect(receiver.posts).to.have.length(1);
    const raw = receiver.posts[0]!.raw;
    expect(raw).to.include('notify-pg').and.include(`pid ${n} blocked by pid 1`).and.include('pg.blocked_queries').and.include('Fix');

    const resolved = (await t.server.context.meta.alerts.resolveAlert(alert.id, 'cleared', 0, new Date().toISOString()))!;
    t.server.context.alertEvents.emit('resolved', { alert: resolved });
    await sleep(400);
    expect(receiver.posts).to.have.length(1);
    expect((await view(alert.id)).delivery_status).to.equal('sent');
  });

  it('sends nothing for an alert opened within its cooldown, nor for its resolution', async () => {
    await settings({ notify_resolved: true });
    const alert = await open({ delivery_status: 'suppressed' });
    const resolved = (await t.server.context.meta.alerts.resolveAlert(alert.id, 'cleared', 0, new Date().toISOString()))!;
    t.server.context.alertEvents.emit('resolved', { alert: resolved });
    await sleep(400);
    expect(receiver.posts).to.have.length(0);
    expect(await t.server.context.meta.listNotifications(orgId, { alertId: alert.id })).to.have.length(0);
    expect((await view(alert.id)).delivery_status).to.equal('suppressed');
  });

  it('records on the alert why the settings kept it from being sent', async () => {
    await settings({ notify_min_severity: 'critical' });
    const alert = await open();
    const suppressed = await waitFor('the suppression on the alert', 5000, async () => ((await view(alert.id)).delivery_status === 'suppressed' ? view(alert.id) : undefined));
    expect(suppressed.delivery_last_error).to.match(/below notify_min_severity critical/);
    expect(receiver.posts).to.have.length(0);
    await settings({ notify_min_severity: 'warning' });
  });
});
