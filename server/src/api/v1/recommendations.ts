import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { audit } from '../../auth/audit.js';
import { ADVICE_SEVERITIES, RECOMMENDATION_TYPES } from '../../engines/advisors/advisor.js';
import { ATTRIBUTIONS, type Recommendation } from '../../storage/meta/advisors-repository.js';
import { route, type RouteSpec } from '../route.js';
import { intParam, limitParam } from './route-support.js';

/** OptiHouse's recommendations: findings kept across scans, each with evidence, runbook and status; and how many were applied, by whom. */

const STATUSES = ['open', 'applied', 'dismissed', 'snoozed', 'resolved'] as const;
const SETTABLE = ['open', 'applied', 'dismissed', 'snoozed'] as const;

const ObjectSchema = z.object({
  kind: z.enum(['index', 'table', 'column', 'sequence', 'setting', 'statement']),
  database: z.string().describe('PostgreSQL database (datname) or ClickHouse database; empty for server settings and query fingerprints'),
  schema: z.string().nullable(),
  table: z.string().nullable(),
  name: z.string(),
});

const RecommendationSchema = z.object({
  id: z.string(),
  database_id: z.string(),
  engine: z.string(),
  type: z.enum(RECOMMENDATION_TYPES),
  severity: z.enum(ADVICE_SEVERITIES),
  status: z.enum(STATUSES).describe('resolved: the condition went away without the advised change (not credited)'),
  attribution: z.enum(ATTRIBUTIONS).nullable().describe('Who applied it: manual (PATCH), auto_evidence (a later scan saw the change in the telemetry)'),
  title: z.string(),
  message: z.string(),
  object: ObjectSchema,
  evidence: z.object({
    window: z.object({ since: z.string(), until: z.string() }).describe('When the figures were measured'),
    figures: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
    notes: z.array(z.string()),
  }),
  runbook: z.object({ steps: z.array(z.string()), sql: z.string().describe('The exact SQL to run') }),
  estimated_impact: z.object({ summary: z.string(), bytes_reclaimed: z.number().nullable(), time_saved_ms_per_day: z.number().nullable() }),
  closed_reason: z.string().nullable().describe('What the scan saw when it closed it, or who marked it applied'),
  snoozed_until: z.string().nullable(),
  first_seen_at: z.string(),
  last_seen_at: z.string(),
  status_changed_at: z.string(),
});

function view(r: Recommendation): z.infer<typeof RecommendationSchema> {
  return {
    id: r.id,
    database_id: r.database_id,
    engine: r.engine,
    type: r.type,
    severity: r.severity,
    status: r.status,
    attribution: r.attribution,
    title: r.title,
    message: r.message,
    object: r.object,
    evidence: { figures: { ...r.evidence.figures }, notes: [...r.evidence.notes], window: { since: new Date(r.evidence.window.since).toISOString(), until: new Date(r.evidence.window.until).toISOString() } },
    runbook: { steps: [...r.runbook.steps], sql: r.runbook.sql },
    estimated_impact: r.estimated_impact,
    closed_reason: r.closed_reason,
    snoozed_until: r.snoozed_until,
    first_seen_at: r.first_seen_at,
    last_seen_at: r.last_seen_at,
    status_changed_at: r.status_changed_at,
  };
}

const ListQuery = z.object({
  status: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` }).optional(),
  type: z.enum(RECOMMENDATION_TYPES, { error: `must be one of ${RECOMMENDATION_TYPES.join(', ')}` }).optional(),
  severity: z.enum(ADVICE_SEVERITIES, { error: 'must be high, medium or low' }).optional(),
  database_id: z.string().optional(),
  limit: limitParam(50, 200),
  offset: intParam(0, 1_000_000).default(0),
});

const StatusBody = z.object({
  status: z.enum(SETTABLE, { error: `must be one of ${SETTABLE.join(', ')}` }),
  snoozed_until: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional().describe('Required with status snoozed, in the future'),
});

function badField(field: string, message: string): VigilError {
  return new VigilError('VALIDATION_FAILED', `Invalid body field '${field}': ${message}`, { details: { body_field: field } });
}

export function recommendationRoutes(ctx: AppContext): RouteSpec[] {
  const advisors = ctx.meta.advisors;
  return [
    route({
      method: 'get',
      path: '/recommendations',
      summary: 'Recommendations of the organization, most severe first, filterable by status, type, severity and database',
      tag: 'recommendations',
      auth: 'read',
      query: ListQuery,
      success: { status: 200, description: 'A page of recommendations and how many match', schema: z.object({ recommendations: z.array(RecommendationSchema), total: z.number(), limit: z.number(), offset: z.number() }) },
      async handler({ principal, query }) {
        const { items, total } = await advisors.listRecommendations(principal.orgId, { status: query.status, type: query.type, severity: query.severity, databaseId: query.database_id, limit: query.limit, offset: query.offset });
        return { body: { recommendations: items.map(view), total, limit: query.limit, offset: query.offset } };
      },
    }),
    // Before /recommendations/{id}, which would take auto-apply-stats for an id.
    route({
      method: 'get',
      path: '/recommendations/auto-apply-stats',
      summary: 'Applied recommendations per attribution: manual, auto_rule, auto_evidence, webhook',
      tag: 'recommendations',
      auth: 'read',
      success: {
        status: 200,
        description: 'Counts per attribution and their total',
        schema: z.object({ manual: z.number(), auto_rule: z.number(), auto_evidence: z.number(), webhook: z.number(), total: z.number() }),
      },
      async handler({ principal }) {
        const counts = await advisors.attributionCounts(principal.orgId);
        return { body: { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) } };
      },
    }),
    route({
      method: 'get',
      path: '/recommendations/{id}',
      summary: 'One recommendation with its evidence, runbook and estimated impact',
      tag: 'recommendations',
      auth: 'read',
      params: z.object({ id: z.string() }),
      success: { status: 200, description: 'The recommendation', schema: RecommendationSchema },
      async handler({ principal, params }) {
        const r = await advisors.getRecommendation(principal.orgId, params.id);
        if (!r) throw new VigilError('NOT_FOUND', 'No such recommendation');
        return { body: view(r) };
      },
    }),
    route({
      method: 'patch',
      path: '/recommendations/{id}/status',
      summary: 'Mark a recommendation applied (attribution manual), dismissed, snoozed until a time, or open again',
      tag: 'recommendations',
      auth: 'admin',
      params: z.object({ id: z.string() }),
      body: StatusBody,
      success: { status: 200, description: 'The recommendation as it is now', schema: RecommendationSchema },
      async handler({ principal, params, body, res }) {
        const now = Date.now();
        if (body.status === 'snoozed') {
          if (body.snoozed_until === undefined) throw badField('snoozed_until', 'is required with status snoozed');
          if (Date.parse(body.snoozed_until) <= now) throw badField('snoozed_until', 'must be in the future');
        } else if (body.snoozed_until !== undefined) {
          throw badField('snoozed_until', 'is only taken with status snoozed');
        }
        const snoozedUntil = body.snoozed_until === undefined ? null : new Date(body.snoozed_until).toISOString();
        const r = await advisors.setRecommendationStatus(principal.orgId, params.id, { status: body.status, snoozedUntil, at: new Date(now).toISOString() });
        if (!r) throw new VigilError('NOT_FOUND', 'No such recommendation');
        await audit(ctx, res, 'recommendation.status_changed', { type: 'recommendation', id: r.id }, { details: { database_id: r.database_id, type: r.type, status: body.status, snoozed_until: snoozedUntil } });
        return { body: view(r) };
      },
    }),
  ];
}
