import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { SlackReceiver, ReceivedPost } from '../server/notify/slack-receiver.js';
import type { TestServer } from './test-server.js';

/** What these checks need of a server: its API (an in-process test server or a server process). */
type ApiServer = Pick<TestServer, 'request'>;
import { waitFor } from './wait-for.js';

/**
 * What the end-to-end alert suites share: a server that evaluates every second and drains its
 * outbox at once, Slack pointed at the real HTTP receiver, and the checks that an alert opened
 * (or resolved) on a real condition and reached the receiver exactly once.
 */

/** Server env for alert e2e suites: 1 s evaluation ticks and heartbeats, a fast outbox, http webhooks allowed. */
export const ALERT_E2E_ENV: Readonly<Record<string, string>> = {
  VIGIL_ALLOW_PRIVATE_WEBHOOKS: 'true',
  VIGIL_ALERT_EVAL_INTERVAL_S: '1',
  VIGIL_NOTIFY_POLL_MS: '100',
  VIGIL_NOTIFY_MIN_INTERVAL_MS: '100',
  VIGIL_HEARTBEAT_INTERVAL_S: '1',
  VIGIL_INGEST_FLUSH_MS: '20',
};

/** One database's alerts as one server's API shows them, with the receiver standing in for Slack. */
export interface AlertScope {
  readonly server: ApiServer;
  readonly receiver: SlackReceiver;
  readonly token: string;
  readonly databaseId: string;
  readonly log: () => string;
}

export const postsFor = (receiver: SlackReceiver, alertId: string): ReceivedPost[] => receiver.posts.filter((p) => p.raw.includes(alertId));
export const header = (p: ReceivedPost): string => p.body.attachments[0].blocks[0].text.text;

/** Alerts of the database on `metricKey`, newest first, as `server` (the scope's by default) shows them. */
export async function alertsOn(s: AlertScope, metricKey: string, server: ApiServer = s.server): Promise<any[]> {
  const res = await server.request('GET', `/api/v1/alerts/history?database_id=${s.databaseId}&limit=200`, { token: s.token });
  expect(res.status).to.equal(200);
  return res.body.alerts.filter((a: { metric_key: string }) => a.metric_key === metricKey);
}

export async function configureSlack(server: ApiServer, token: string, receiver: SlackReceiver): Promise<void> {
  const put = await server.request('PUT', '/api/v1/settings', { token, body: { slack_webhook_url: receiver.url(), notify_resolved: true, notify_min_severity: 'warning' } });
  expect(put.status).to.equal(200);
}

/** Lowers a built-in rule's threshold, as a user may (`PUT /alerts/rules/{id}`), so a test need not build the catalogue's level. */
export async function setBuiltInThreshold(server: TestServer, token: string, metricKey: string, level: 'warning' | 'critical', threshold: number): Promise<void> {
  const put = await server.request('PUT', `/api/v1/alerts/rules/builtin:${metricKey}:${level}`, { token, body: { threshold } });
  expect(put.status, JSON.stringify(put.body)).to.equal(200);
  expect(put.body).to.include({ threshold });
}

/** Waits for the agent's database `name` to show connected, and returns its id. */
export async function connectedDatabase(server: TestServer, token: string, name: string, log: () => string): Promise<string> {
  return waitFor(
    'the agent to connect',
    30_000,
    async () => {
      const dbs: { id: string; name: string; status: string }[] = (await server.request('GET', '/api/v1/databases', { token })).body.databases;
      return dbs.find((d) => d.name === name && d.status === 'connected')?.id;
    },
    log,
  );
}

/**
 * Waits for an open alert on `metricKey` (on `objectKey` when given) and for its delivery to show
 * sent; checks that it was delivered in one attempt as one post to the receiver's webhook path.
 * Returns the alert (as `GET /alerts/{id}` shows it) and that post.
 */
export async function openedAndPosted(s: AlertScope, metricKey: string, objectKey?: string): Promise<{ alert: any; post: ReceivedPost }> {
  const opened = await waitFor(
    `the ${metricKey} alert to open${objectKey ? ` on ${objectKey}` : ''}`,
    30_000,
    async () => (await alertsOn(s, metricKey)).find((a) => a.status !== 'resolved' && (objectKey === undefined || a.object_key === objectKey)),
    s.log,
  );
  const alert = await waitFor(
    `the ${metricKey} alert to show its delivery sent`,
    15_000,
    async () => {
      const res = await s.server.request('GET', `/api/v1/alerts/${opened.id}`, { token: s.token });
      return res.body.delivery_status === 'sent' ? res.body : undefined;
    },
    s.log,
  );
  expect(alert).to.include({ delivery_attempts: 1, delivery_last_error: null });
  const posts = postsFor(s.receiver, alert.id);
  expect(posts).to.have.length(1);
  expect(posts[0]!.raw).to.include(metricKey).and.include('Fix');
  expect(posts[0]!.path).to.equal(new URL(s.receiver.url()).pathname);
  return { alert, post: posts[0]! };
}

/**
 * After the condition clears: waits for the alert's RESOLVED post (green), then checks that no
 * other post follows and that the alert reads resolved because its condition cleared.
 */
export async function resolvedAndPosted(s: AlertScope, alertId: string): Promise<ReceivedPost> {
  const resolved = await waitFor('the resolved post', 30_000, async () => postsFor(s.receiver, alertId).find((p) => header(p).startsWith('RESOLVED')), s.log);
  expect(resolved.body.attachments[0].color).to.equal('#2EB67D');
  await sleep(1500);
  expect(postsFor(s.receiver, alertId)).to.have.length(2);
  const res = await s.server.request('GET', `/api/v1/alerts/${alertId}`, { token: s.token });
  expect(res.body).to.include({ status: 'resolved', resolve_reason: 'cleared' });
  return resolved;
}
