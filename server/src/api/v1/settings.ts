import { z } from 'zod';
import { isVigilError, VigilError, type ErrorCode } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { audit } from '../../auth/audit.js';
import { route, type RouteSpec } from '../route.js';

const SEVERITIES = ['warning', 'critical'] as const;
const READ_ONLY = ['retention_raw_days', 'retention_hourly_days', 'retention_daily_days'] as const;

const UrlField = (what: string) =>
  z
    .string({ error: 'must be a URL string, or null to remove it' })
    .max(2048, 'must be at most 2048 characters')
    .nullable()
    .optional()
    .describe(`${what}; https on a public address (unless the server allows private webhooks); null or "" removes it. Stored encrypted, shown masked`);

const SettingsBody = z.object({
  slack_webhook_url: UrlField('Slack incoming webhook URL'),
  webhook_url: UrlField('Generic webhook URL: gets each notification as JSON signed with X-Vigil-Signature'),
  notify_resolved: z.boolean({ error: 'must be true or false' }).optional().describe('Also send a message when an alert resolves'),
  notify_min_severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }).optional().describe('Alerts below this severity are recorded as suppressed, not sent'),
  // ClusterSight's PUT takes these; here they come from the server's configuration, so a change is refused by name.
  ...Object.fromEntries(READ_ONLY.map((k) => [k, z.unknown().optional().describe('Read-only: set by the server configuration (VIGIL_RETENTION_*)')])),
});

const SettingsView = z.object({
  slack_webhook_url: z.string().nullable().describe('Masked: the secret part of the path is hidden'),
  webhook_url: z.string().nullable().describe('Masked like slack_webhook_url'),
  webhook_secret_set: z.boolean().describe('Whether the webhook signing secret exists (it is shown only when created or rotated)'),
  notify_resolved: z.boolean(),
  notify_min_severity: z.enum(SEVERITIES),
  retention_raw_days: z.number().int().describe('Read-only, from VIGIL_RETENTION_RAW_DAYS'),
  retention_hourly_days: z.number().int().describe('Read-only, from VIGIL_RETENTION_HOURLY_DAYS'),
  retention_daily_days: z.number().int().describe('Read-only, from VIGIL_RETENTION_DAILY_DAYS'),
});
const UpdatedSettings = SettingsView.extend({
  webhook_secret: z.string().optional().describe('The webhook signing secret, present only in the response that created it: keep it now'),
});

/**
 * Codes beyond those every route implies, spread into the specs: the route `errors` list is being
 * added to RouteSpec alongside this change, and a spread property stays valid with or without it.
 */
const PUT_ERRORS = { errors: ['WEBHOOK_URL_REFUSED'] as ErrorCode[] };
const TEST_ERRORS = { errors: ['NOTIFY_NOT_CONFIGURED', 'NOTIFY_FAILED', 'WEBHOOK_URL_REFUSED', 'NOTIFY_TEST_THROTTLED'] as ErrorCode[] };

/** /settings: notification settings per organization (ClusterSight's shape), retention from the server config, and a test message. */
export function settingsRoutes(ctx: AppContext): RouteSpec[] {
  const retention = {
    retention_raw_days: ctx.config.retention.rawDays,
    retention_hourly_days: ctx.config.retention.hourlyDays,
    retention_daily_days: ctx.config.retention.dailyDays,
  };
  return [
    route({
      method: 'get',
      path: '/settings',
      summary: "The organization's notification settings (webhook URLs masked) and retention",
      tag: 'settings',
      auth: 'read',
      success: { status: 200, description: 'Settings', schema: SettingsView },
      async handler({ principal }) {
        return { body: { ...(await ctx.notifications.settings(principal.orgId)), ...retention } };
      },
    }),
    route({
      method: 'put',
      path: '/settings',
      summary: 'Change notification settings (fields left out are kept)',
      tag: 'settings',
      auth: 'admin',
      ...PUT_ERRORS,
      body: SettingsBody,
      success: { status: 200, description: 'Settings after the change; webhook_secret when this change created it', schema: UpdatedSettings },
      async handler({ principal, body, res }) {
        const readOnly = READ_ONLY.find((k) => (body as Record<string, unknown>)[k] !== undefined);
        if (readOnly) {
          throw new VigilError('VALIDATION_FAILED', `Invalid body field '${readOnly}': read-only, set by the server's VIGIL_${readOnly.toUpperCase()}`, { details: { body_field: readOnly } });
        }
        const { slack_webhook_url, webhook_url, notify_resolved, notify_min_severity } = body;
        const saved = await ctx.notifications.updateSettings(principal.orgId, { slack_webhook_url, webhook_url, notify_resolved, notify_min_severity });
        await audit(ctx, res, 'settings.changed', { type: 'settings', id: principal.orgId }, { details: { fields: Object.keys(body) } });
        return { body: { ...saved, ...retention } };
      },
    }),
    route({
      method: 'post',
      path: '/settings/test-notification',
      summary: 'Send a test message to the Slack webhook (or the webhook when Slack is not set); at most 5 a minute per organization',
      tag: 'settings',
      auth: 'admin',
      ...TEST_ERRORS,
      success: { status: 200, description: 'Delivered; a refusal is 502 NOTIFY_FAILED with the receiver\'s own error text', schema: z.object({ sent: z.literal(true) }) },
      async handler({ principal, res }) {
        try {
          await ctx.notifications.sendTest(principal.orgId);
        } catch (err) {
          if (isVigilError(err) && err.code === 'NOTIFY_TEST_THROTTLED') res.setHeader('Retry-After', String(err.details?.retry_after_s));
          throw err;
        }
        return { body: { sent: true as const } };
      },
    }),
    route({
      method: 'post',
      path: '/settings/webhook-secret',
      summary: 'Rotate the webhook signing secret (shown once, in this response)',
      tag: 'settings',
      auth: 'admin',
      success: { status: 200, description: 'The new secret; receivers must use it from now on', schema: z.object({ webhook_secret: z.string() }) },
      async handler({ principal, res }) {
        const secret = await ctx.notifications.rotateWebhookSecret(principal.orgId);
        await audit(ctx, res, 'settings.changed', { type: 'settings', id: principal.orgId }, { details: { fields: ['webhook_secret'] } });
        return { body: { webhook_secret: secret } };
      },
    }),
  ];
}
