import type { AlertNotice } from './alert-notice.js';
import { postJson, type DeliveryResult, type Notifier, type NotifyTarget } from './notifier.js';

/** Slack's Block Kit limits (api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = { headerChars: 150, sectionChars: 3000, fields: 10, fieldChars: 2000, contextChars: 2000 } as const;

/** The attachment's bar: severity while an alert is open, green once resolved, blue for a test. */
export const SLACK_COLOURS = { critical: '#E01E5A', warning: '#ECB22E', resolved: '#2EB67D', test: '#1D9BF0' } as const;

/** Shortens to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack's mrkdwn reads &, < and > as markup: escape them in text that comes from monitored databases. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function figure(value: number | null): string {
  if (value === null) return 'n/a';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function label(notice: AlertNotice): string {
  if (notice.kind === 'resolved') return 'RESOLVED';
  if (notice.kind === 'test') return 'TEST';
  return notice.kind === 'escalated' ? `ESCALATED ${notice.severity.toUpperCase()}` : notice.severity.toUpperCase();
}

function colour(notice: AlertNotice): string {
  if (notice.kind === 'resolved') return SLACK_COLOURS.resolved;
  if (notice.kind === 'test') return SLACK_COLOURS.test;
  return SLACK_COLOURS[notice.severity];
}

/** The message for one notice: `text` (notifications and clients without blocks) plus Block Kit in a coloured attachment, within Slack's limits. */
export function slackMessage(notice: AlertNotice): Record<string, unknown> {
  const heading = `${label(notice)}: ${notice.title}`;
  const database = notice.database ? `${notice.database.name} (${notice.database.engine})` : null;
  const fields = [
    database && `*Database*\n${esc(database)}`,
    notice.metric_key && `*Metric*\n\`${esc(notice.metric_key)}\``,
    notice.value !== null && `*Value*\n${figure(notice.value)}`,
    notice.threshold !== null && `*Threshold*\n${figure(notice.threshold)}`,
    notice.object && `*Object*\n${esc(notice.object)}`,
  ]
    .filter((f): f is string => typeof f === 'string')
    .slice(0, SLACK_LIMITS.fields)
    .map((text) => ({ type: 'mrkdwn', text: clip(text, SLACK_LIMITS.fieldChars) }));
  const blocks: Array<Record<string, unknown>> = [{ type: 'header', text: { type: 'plain_text', text: clip(heading, SLACK_LIMITS.headerChars), emoji: false } }];
  if (fields.length > 0) blocks.push({ type: 'section', fields });
  if (notice.fix) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Fix*\n${esc(notice.fix)}`, SLACK_LIMITS.sectionChars) } });
  const context = [notice.health_score !== null ? `Health score ${Math.round(notice.health_score)}/100` : 'Health score n/a', notice.alert_id ? `alert ${notice.alert_id}` : 'Vigil test notification', notice.at].join(' · ');
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(esc(context), SLACK_LIMITS.contextChars) }] });
  return {
    text: clip(database ? `${heading} on ${database}` : heading, SLACK_LIMITS.sectionChars),
    attachments: [{ color: colour(notice), blocks }],
  };
}

/** Slack incoming webhooks: success answers 200 `ok`; errors are plain text (`no_service`, `channel_not_found`, `invalid_payload`). */
export const slackNotifier: Notifier = {
  send(target: NotifyTarget, notice: AlertNotice, options: { readonly timeoutMs: number }): Promise<DeliveryResult> {
    return postJson(target.url, JSON.stringify(slackMessage(notice)), {}, options.timeoutMs, () => true);
  },
};
