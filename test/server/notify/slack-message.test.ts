import { createHmac } from 'node:crypto';
import { expect } from 'chai';
import { clip, SLACK_COLOURS, SLACK_LIMITS, slackMessage } from '../../../server/src/notify/slack-notifier.js';
import type { AlertNotice } from '../../../server/src/notify/alert-notice.js';
import { isRefusedAddress, checkWebhookUrl } from '../../../server/src/notify/url-guard.js';
import { SecretBox } from '../../../server/src/notify/secret-box.js';
import { maskUrl, suppressedBecause } from '../../../server/src/notify/notification-service.js';
import { retryAfterMs } from '../../../server/src/notify/notifier.js';
import { webhookSignature } from '../../../server/src/notify/webhook-notifier.js';

export function notice(over: Partial<AlertNotice> = {}): AlertNotice {
  return {
    kind: 'opened',
    alert_id: 'alert-1',
    org_id: 'org-1',
    database: { id: 'db-1', name: 'orders', engine: 'postgres' },
    metric_key: 'pg.blocked_queries',
    severity: 'critical',
    title: 'Blocked queries',
    value: 4,
    threshold: 1,
    object: 'pid 4242 blocked by pid 17: UPDATE accounts SET …',
    fix: 'SELECT pg_terminate_backend(17);',
    health_score: 42.4,
    at: '2026-11-23T12:00:00.000Z',
    ...over,
  };
}

type Block = { type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<{ text: string }> };

describe('notify: Slack message, URL guard, secrets', () => {
  it('wraps Block Kit in an attachment coloured by severity, resolution and test', () => {
    const colour = (n: AlertNotice) => ((slackMessage(n).attachments as Array<{ color: string }>)[0]!.color);
    expect(colour(notice())).to.equal(SLACK_COLOURS.critical);
    expect(colour(notice({ severity: 'warning' }))).to.equal(SLACK_COLOURS.warning);
    expect(colour(notice({ kind: 'resolved' }))).to.equal(SLACK_COLOURS.resolved);
    expect(colour(notice({ kind: 'test' }))).to.equal(SLACK_COLOURS.test);
    const message = slackMessage(notice());
    expect(message.text).to.equal('CRITICAL: Blocked queries on orders (postgres)');
    const blocks = (message.attachments as Array<{ blocks: Block[] }>)[0]!.blocks;
    expect(blocks.map((b) => b.type)).to.deep.equal(['header', 'section', 'section', 'context']);
    expect(blocks[1]!.fields!.map((f) => f.text.split('\n')[0])).to.deep.equal(['*Database*', '*Metric*', '*Value*', '*Threshold*', '*Object*']);
    expect(blocks[3]!.elements![0]!.text).to.contain('Health score 42/100');
  });

  it("keeps within Slack's limits however long the texts are", () => {
    const long = 'x'.repeat(10_000);
    const blocks = (slackMessage(notice({ title: long, object: long, fix: `<${long}>` })).attachments as Array<{ blocks: Block[] }>)[0]!.blocks;
    expect(blocks[0]!.text!.text.length).to.equal(SLACK_LIMITS.headerChars);
    expect(blocks[1]!.fields!.length).to.be.at.most(SLACK_LIMITS.fields);
    for (const field of blocks[1]!.fields!) expect(field.text.length).to.be.at.most(SLACK_LIMITS.fieldChars);
    expect(blocks[2]!.text!.text.length).to.equal(SLACK_LIMITS.sectionChars);
    expect(blocks[2]!.text!.text).to.contain('&lt;');
    expect(clip('abc', 2)).to.equal('a…');
  });

  it('refuses loopback, private, link-local and metadata addresses without resolving anything but DNS', async () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '172.16.0.1', '192.168.1.1', '::1', 'fd00:ec2::254', '::ffff:7f00:1', '0.0.0.0']) {
      expect(isRefusedAddress(address), address).to.equal(true);
    }
    expect(isRefusedAddress('8.8.8.8')).to.equal(false);
    const strict = { allowPrivate: false };
    for (const url of ['https://127.0.0.1/hook', 'https://10.0.0.5/hook', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/x']) {
      const err = await checkWebhookUrl('slack_webhook_url', url, strict).catch((e: unknown) => e);
      expect(err, url).to.include({ code: 'WEBHOOK_URL_REFUSED' });
      expect((err as Error).message).to.match(/^slack_webhook_url: /).and.not.contain('meta-data');
    }
    // A name with one private address among public ones: the client might pick it.
    const resolve = async () => ['93.184.216.34', '10.0.0.7'];
    expect(await checkWebhookUrl('webhook_url', 'https://hooks.example.com/x', { allowPrivate: false, resolve }).catch((e: unknown) => e)).to.deep.include({ code: 'WEBHOOK_URL_REFUSED', details: { body_field: 'webhook_url' } });
    expect((await checkWebhookUrl('webhook_url', 'https://hooks.example.com/x', { allowPrivate: false, resolve: async () => ['93.184.216.34'] })).hostname).to.equal('hooks.example.com');
    expect(await checkWebhookUrl('webhook_url', 'http://hooks.example.com/x', strict).catch((e: unknown) => e)).to.include({ code: 'WEBHOOK_URL_REFUSED' });
    // The flag allows plain http and private addresses (self-hosted, tests).
    expect((await checkWebhookUrl('webhook_url', 'http://127.0.0.1:9/x', { allowPrivate: true })).port).to.equal('9');
  });

  it('seals secrets with AES-256-GCM under the server secret, and masks URLs for reading', () => {
    const box = new SecretBox('a'.repeat(40));
    const sealed = box.seal('https://hooks.slack.com/services/T1/B2/secret');
    expect(sealed).to.not.contain('secret');
    expect(box.open(sealed)).to.equal('https://hooks.slack.com/services/T1/B2/secret');
    expect(() => new SecretBox('b'.repeat(40)).open(sealed)).to.throw();
    expect(maskUrl('https://hooks.slack.com/services/T1/B2/secret')).to.equal('https://hooks.slack.com/services/****');
    expect(maskUrl('https://example.com/?token=abc')).to.equal('https://example.com/****');
  });

  it('suppresses below notify_min_severity and resolutions when notify_resolved is off, never tests or escalations', () => {
    const settings = { notify_resolved: false, notify_min_severity: 'critical' as const };
    expect(suppressedBecause(notice({ severity: 'warning' }), settings)).to.contain('below notify_min_severity');
    expect(suppressedBecause(notice(), settings)).to.equal(null);
    expect(suppressedBecause(notice({ kind: 'resolved' }), settings)).to.equal('notify_resolved is off');
    expect(suppressedBecause(notice({ kind: 'escalated', severity: 'warning' }), settings)).to.equal(null);
  });

  it('reads Retry-After in seconds or as a date, and signs webhook bodies with HMAC-SHA256', () => {
    expect(retryAfterMs('2')).to.equal(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 5000)).to.equal(5000);
    expect(retryAfterMs(null)).to.equal(1000);
    expect(webhookSignature('{"a":1}', 'k')).to.equal(`sha256=${createHmac('sha256', 'k').update('{"a":1}').digest('hex')}`);
  });
});
