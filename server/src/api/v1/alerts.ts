import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { RULE_OPERATORS } from '../../engines/alerts/alert-rules.js';
import { DEFAULT_COOLDOWN_SEC, loadRules, type RuleView } from '../../engines/alerts/alert-rule-set.js';
import { CATALOGUE, METRICS_BY_KEY } from '../../engines/catalogue/index.js';
import type { Alert } from '../../storage/meta/alerts-repository.js';
import { DELIVERY_STATUSES } from '../../storage/meta/alerts-repository.js';
import { audit } from '../../auth/audit.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { intParam, limitParam } from './route-support.js';

/** ClusterSight's /alerts API: rules (built-in from the catalogue, custom per organization), history, summary, and acting on an alert. */

const SEVERITIES = ['warning', 'critical'] as const;
const VIEW_STATUSES = ['active', 'acknowledged', 'resolved', 'snoozed'] as const;
const BUILT_IN_FIELDS = ['threshold', 'severity', 'cooldown_sec', 'enabled'] as const;

/** metric_history: how much before the alert and after its resolution it shows, its longest span, and its resolution. */
const HISTORY_MARGIN_MS = 30 * 60_000;
const HISTORY_MAX_SPAN_MS = 24 * 3600_000;
const HISTORY_MIN_BUCKET_MS = 15_000;
const HISTORY_MAX_POINTS = 120;

const IdPath = z.object({ id: z.string() });
const threshold = z.number({ error: 'must be a number' }).finite('must be a finite number');
const cooldown = z.number({ error: 'must be an integer' }).int('must be an integer').min(0, 'must be at least 0').max(7 * 86400, 'must be at most 604800 (a week)');

const RuleBody = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200),
  metric_key: z.string({ error: 'is required' }).describe('A key from GET /alerts/rules/metrics'),
  operator: z.enum(RULE_OPERATORS, { error: `must be one of ${RULE_OPERATORS.join(' ')}` }),
  threshold,
  severity: z.enum(SEVERITIES, { error: 'must be warning or critical' }),
  cooldown_sec: cooldown.default(DEFAULT_COOLDOWN_SEC).describe('After an alert of this rule opens, another for the same object within this time is recorded but not notified'),
  enabled: z.boolean({ error: 'must be true or false' }).default(true),
  database_id: z.string().nullable().optional().describe('One database; omitted or null: every database of the organization whose engine has the metric'),
});
// No defaults: a field left out keeps its value.
const RulePatch = RuleBody.extend({ cooldown_sec: cooldown.optional(), enabled: z.boolean({ error: 'must be true or false' }).optional() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: 'name at least one field to change' });

const RuleViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  rule_type: z.enum(['built_in', 'custom']),
  metric_key: z.string(),
  operator: z.enum(RULE_OPERATORS),
  threshold: z.number(),
  severity: z.enum(SEVERITIES),
  cooldown_sec: z.number(),
  enabled: z.boolean(),
  database_id: z.string().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

const AlertViewSchema = z.object({
  id: z.string(),
  rule_id: z.string(),
  rule_name: z.string(),
  database_id: z.string(),
  metric_key: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(VIEW_STATUSES),
  value: z.number(),
  threshold: z.number(),
  operator: z.enum(RULE_OPERATORS),
  object_key: z.string(),
  object_label: z.string(),
  created_at: z.string().describe('When it opened'),
  updated_at: z.string().describe('When its value was last evaluated'),
  acknowledged_at: z.string().nullable(),
  resolved_at: z.string().nullable(),
  resolve_reason: z.string().nullable(),
  snoozed_until: z.string().nullable(),
  escalated_at: z.string().nullable(),
  delivery_status: z.enum(DELIVERY_STATUSES).describe('Notification: pending, sent, failed, or suppressed (opened within the rule cooldown)'),
  delivery_attempts: z.number(),
  delivery_last_error: z.string().nullable(),
  delivered_at: z.string().nullable(),
});

const HistoryQuery = z.object({
  severity: z.enum(SEVERITIES, { error: 'must be warning or critical' }).optional(),
  status: z.enum(VIEW_STATUSES, { error: `must be one of ${VIEW_STATUSES.join(', ')}` }).optional(),
  hours: intParam(1, 168).default(24).describe('Lookback window in hours (alerts opened since)'),
  limit: limitParam(50, 200),
  offset: intParam(0, 1_000_000).default(0),
  database_id: z.string().optional(),
});

function statusAt(a: Alert, now: number): (typeof VIEW_STATUSES)[number] {
  if (a.status !== 'resolved' && a.snoozed_until !== null && Date.parse(a.snoozed_until) > now) return 'snoozed';
  return a.status;
}

/** An alert as the API shows it: `status` is `snoozed` while a snooze runs; `created_at` is when it opened. */
export function alertView(a: Alert, now: number = Date.now()): z.infer<typeof AlertViewSchema> {
  return {
    id: a.id,
    rule_id: a.rule_id,
    rule_name: a.rule_name,
    database_id: a.database_id,
    metric_key: a.metric_key,
    title: METRICS_BY_KEY.get(a.metric_key)?.doctor.title ?? a.rule_name,
    severity: a.severity,
    status: statusAt(a, now),
    value: a.value,
    threshold: a.threshold,
    operator: a.operator,
    object_key: a.object_key,
    object_label: a.object_label,
    created_at: a.opened_at,
    updated_at: a.updated_at,
    acknowledged_at: a.acknowledged_at,
    resolved_at: a.resolved_at,
    resolve_reason: a.resolve_reason,
    snoozed_until: a.snoozed_until,
    escalated_at: a.escalated_at,
    delivery_status: a.delivery_status,
    delivery_attempts: a.delivery_attempts,
    delivery_last_error: a.delivery_last_error,
    delivered_at: a.delivered_at,
  };
}

function ruleView(r: RuleView): z.infer<typeof RuleViewSchema> {
  return {
    id: r.id,
    name: r.name,
    rule_type: r.rule_type,
    metric_key: r.metric_key,
    operator: r.operator,
    threshold: r.threshold,
    severity: r.severity,
    cooldown_sec: r.cooldown_sec,
    enabled: r.enabled,
    database_id: r.database_id ?? null,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

function badField(field: string, message: string): VigilError {
  return new VigilError('VALIDATION_FAILED', `Invalid body field '${field}': ${message}`, { details: { body_field: field } });
}

export function alertRoutes(ctx: AppContext): RouteSpec[] {
  const alerts = ctx.meta.alerts;
  const reads = telemetryReads(ctx.telemetry);

  async function alertFor(orgId: string, id: string): Promise<Alert> {
    const a = await alerts.getAlert(orgId, id);
    if (!a) throw new VigilError('NOT_FOUND', 'No such alert');
    return a;
  }

  /** The alert's metric around it, from the health evaluations' stored metric values. */
  async function metricHistory(a: Alert): Promise<{ ts: string; value: number }[]> {
    const until = Math.min(Date.now(), a.resolved_at ? Date.parse(a.resolved_at) + HISTORY_MARGIN_MS : Infinity) + 1;
    const since = Math.max(Date.parse(a.opened_at) - HISTORY_MARGIN_MS, until - HISTORY_MAX_SPAN_MS);
    const bucketMs = Math.max(HISTORY_MIN_BUCKET_MS, Math.ceil((until - since) / HISTORY_MAX_POINTS));
    const points = await reads.series('metric_values', { org_id: a.org_id, id: a.database_id }, { since, until }, bucketMs, { metricKey: a.metric_key });
    return points.map((p) => ({ ts: new Date(p.ts).toISOString(), value: p.value }));
  }

  async function ruleFor(orgId: string, id: string): Promise<RuleView> {
    const rule = (await loadRules(alerts, orgId)).find((r) => r.id === id);
    if (!rule) throw new VigilError('NOT_FOUND', 'No such alert rule');
    return rule;
  }

  /** A custom rule's metric must be in the catalogue and, for one database, apply to its engine. */
  async function checkCustom(orgId: string, metricKey: string, databaseId: string | null | undefined): Promise<void> {
    const entry = METRICS_BY_KEY.get(metricKey);
    if (!entry) throw badField('metric_key', `unknown metric; GET /api/v1/alerts/rules/metrics lists the ${CATALOGUE.length} keys`);
    if (databaseId == null) return;
    const db = await ctx.meta.getDatabase(orgId, databaseId);
    if (!db) throw new VigilError('NOT_FOUND', 'No such database');
    if (!entry.engines.includes(db.engine)) throw badField('metric_key', `${metricKey} does not apply to ${db.engine} databases such as ${db.name}`);
  }

  return [
    route({
      method: 'get',
      path: '/alerts/rules/metrics',
      summary: 'Metric keys alert rules may watch (the metric catalogue)',
      tag: 'alerts',
      auth: 'read',
      success: {
        status: 200,
        description: 'Every metric with its unit, engines and default levels',
        schema: z.object({
          metrics: z.array(
            z.object({
              key: z.string(),
              engines: z.array(z.string()),
              unit: z.string(),
              description: z.string(),
              operator: z.string(),
              warning: z.number().nullable(),
              critical: z.number().nullable(),
              category: z.string(),
              source: z.string(),
            }),
          ),
        }),
      },
      async handler() {
        return {
          body: {
            metrics: CATALOGUE.map((e) => ({
              key: e.key,
              engines: [...e.engines],
              unit: e.unit,
              description: e.description,
              operator: e.thresholds.operator,
              warning: e.thresholds.warning,
              critical: e.thresholds.critical,
              category: e.category,
              source: e.source,
            })),
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/alerts/rules',
      summary: 'List alert rules (built-in and custom)',
      tag: 'alerts',
      auth: 'read',
      success: { status: 200, description: 'Built-in rules as the organization edited them, then its custom rules', schema: z.object({ rules: z.array(RuleViewSchema) }) },
      async handler({ principal }) {
        return { body: { rules: (await loadRules(alerts, principal.orgId)).map(ruleView) } };
      },
    }),
    route({
      method: 'post',
      path: '/alerts/rules',
      summary: 'Create a custom alert rule',
      tag: 'alerts',
      auth: 'admin',
      errors: ['NOT_FOUND'],
      body: RuleBody,
      success: { status: 201, description: 'The rule', schema: RuleViewSchema },
      async handler({ principal, body, res }) {
        await checkCustom(principal.orgId, body.metric_key, body.database_id);
        const rule = await alerts.createCustomRule({ ...body, org_id: principal.orgId, database_id: body.database_id ?? null }, new Date().toISOString());
        await audit(ctx, res, 'alert_rule.created', { type: 'alert_rule', id: rule.id }, { details: { fields: Object.keys(body) } });
        return { body: ruleView((await ruleFor(principal.orgId, rule.id))) };
      },
    }),
    route({
      method: 'put',
      path: '/alerts/rules/{id}',
      summary: 'Update an alert rule (built-in: threshold, severity, cooldown_sec, enabled; custom: any field)',
      tag: 'alerts',
      auth: 'admin',
      params: IdPath,
      body: RulePatch,
      success: { status: 200, description: 'The rule as it is now', schema: RuleViewSchema },
      async handler({ principal, params, body, res }) {
        const rule = await ruleFor(principal.orgId, params.id);
        const at = new Date().toISOString();
        if (rule.rule_type === 'built_in') {
          const other = Object.keys(body).find((k) => !(BUILT_IN_FIELDS as readonly string[]).includes(k));
          if (other) throw badField(other, `built-in rules take only ${BUILT_IN_FIELDS.join(', ')}`);
          await alerts.putRuleOverride(principal.orgId, rule.id, { threshold: body.threshold, severity: body.severity, cooldown_sec: body.cooldown_sec, enabled: body.enabled }, at);
        } else {
          if (body.metric_key !== undefined || body.database_id !== undefined) {
            await checkCustom(principal.orgId, body.metric_key ?? rule.metric_key, body.database_id === undefined ? rule.database_id : body.database_id);
          }
          await alerts.updateCustomRule(principal.orgId, rule.id, body, at);
        }
        await audit(ctx, res, 'alert_rule.changed', { type: 'alert_rule', id: rule.id }, { details: { fields: Object.keys(body) } });
        return { body: ruleView(await ruleFor(principal.orgId, rule.id)) };
      },
    }),
    route({
      method: 'delete',
      path: '/alerts/rules/{id}',
      summary: 'Delete a custom alert rule (built-in rules: 409 ALERT_RULE_BUILT_IN)',
      tag: 'alerts',
      auth: 'admin',
      errors: ['ALERT_RULE_BUILT_IN'],
      params: IdPath,
      success: { status: 200, description: 'Deleted', schema: z.object({ id: z.string(), deleted: z.literal(true) }) },
      async handler({ principal, params, res }) {
        const rule = await ruleFor(principal.orgId, params.id);
        if (rule.rule_type === 'built_in') throw new VigilError('ALERT_RULE_BUILT_IN', `${rule.id} is a built-in rule: disable it with PUT /api/v1/alerts/rules/{id} {"enabled": false}`);
        await alerts.deleteCustomRule(principal.orgId, rule.id);
        await audit(ctx, res, 'alert_rule.deleted', { type: 'alert_rule', id: rule.id });
        return { body: { id: rule.id, deleted: true as const } };
      },
    }),
    route({
      method: 'get',
      path: '/alerts/history',
      summary: 'Alert history with filters, newest first',
      tag: 'alerts',
      auth: 'read',
      query: HistoryQuery,
      success: { status: 200, description: 'Alerts opened in the window', schema: z.object({ alerts: z.array(AlertViewSchema), total: z.number(), limit: z.number(), offset: z.number() }) },
      async handler({ principal, query }) {
        const now = Date.now();
        const { alerts: rows, total } = await alerts.listAlerts(principal.orgId, {
          since: new Date(now - query.hours * 3600_000).toISOString(),
          now: new Date(now).toISOString(),
          severity: query.severity,
          status: query.status,
          databaseId: query.database_id,
          limit: query.limit,
          offset: query.offset,
        });
        return { body: { alerts: rows.map((a) => alertView(a, now)), total, limit: query.limit, offset: query.offset } };
      },
    }),
    route({
      method: 'get',
      path: '/alerts/summary',
      summary: 'Unresolved alert counts',
      tag: 'alerts',
      auth: 'read',
      success: { status: 200, description: 'Unresolved alerts (acknowledged and snoozed ones included)', schema: z.object({ count: z.number(), critical: z.number(), warning: z.number() }) },
      async handler({ principal }) {
        let count = 0;
        let critical = 0;
        let warning = 0;
        for (const c of (await alerts.openAlertCounts(principal.orgId)).values()) {
          count += c.total;
          critical += c.critical;
          warning += c.warning;
        }
        return { body: { count, critical, warning } };
      },
    }),
    route({
      method: 'get',
      path: '/alerts/{id}',
      summary: 'One alert, with its metric history and the fix to run',
      tag: 'alerts',
      auth: 'read',
      params: IdPath,
      success: {
        status: 200,
        description: 'The alert',
        schema: AlertViewSchema.extend({
          metric_history: z
            .array(z.object({ ts: z.string(), value: z.number() }))
            .describe(
              "The metric's value as each health evaluation of the database derived it (the database-wide value, which for a per-object alert is its worst object), from 30 min before the alert opened to 30 min after it resolved (or now), at most the last 24 h of it, one point per bucket of at least 15 s (120 at most)",
            ),
          fix_command: z.string().nullable().describe("The catalogue's how_to_fix for the metric"),
          how_to_investigate: z.string().nullable(),
          recommendation: z.string().nullable(),
        }),
      },
      async handler({ principal, params }) {
        const a = await alertFor(principal.orgId, params.id);
        const entry = METRICS_BY_KEY.get(a.metric_key);
        return {
          body: {
            ...alertView(a),
            metric_history: await metricHistory(a),
            fix_command: entry?.doctor.how_to_fix ?? null,
            how_to_investigate: entry?.doctor.how_to_investigate ?? null,
            recommendation: entry?.doctor.recommendation ?? null,
          },
        };
      },
    }),
    route({
      method: 'post',
      path: '/alerts/{id}/acknowledge',
      summary: 'Acknowledge an alert (active → acknowledged)',
      tag: 'alerts',
      auth: 'admin',
      role: 'member',
      params: IdPath,
      success: { status: 200, description: 'The alert; one already acknowledged or resolved is returned unchanged', schema: AlertViewSchema },
      async handler({ principal, params }) {
        const a = await alerts.acknowledgeAlert(principal.orgId, params.id, new Date().toISOString());
        if (!a) throw new VigilError('NOT_FOUND', 'No such alert');
        return { body: alertView(a) };
      },
    }),
    route({
      method: 'post',
      path: '/alerts/{id}/snooze',
      summary: 'Snooze an alert for a while',
      tag: 'alerts',
      auth: 'admin',
      params: IdPath,
      body: z.object({ duration_minutes: intParam(1, 7 * 24 * 60).describe('Minutes, 1 to 10080 (a week)') }),
      success: { status: 200, description: 'Until when', schema: z.object({ snoozed_until: z.string(), rule_id: z.string() }) },
      async handler({ principal, params, body }) {
        await alertFor(principal.orgId, params.id);
        const until = new Date(Date.now() + body.duration_minutes * 60_000).toISOString();
        const a = await alerts.snoozeAlert(principal.orgId, params.id, until);
        if (!a) throw new VigilError('NOT_FOUND', 'No such alert');
        return { body: { snoozed_until: until, rule_id: a.rule_id } };
      },
    }),
    route({
      method: 'post',
      path: '/alerts/{id}/escalate',
      summary: 'Notify about an alert now, regardless of the cooldown',
      tag: 'alerts',
      auth: 'admin',
      params: IdPath,
      success: { status: 200, description: 'The alert, its delivery pending', schema: AlertViewSchema },
      async handler({ principal, params }) {
        const a = await alerts.escalateAlert(principal.orgId, params.id, new Date().toISOString());
        if (!a) throw new VigilError('NOT_FOUND', 'No such alert');
        ctx.alertEvents.emit('escalated', { alert: a });
        return { body: alertView(a) };
      },
    }),
  ];
}
