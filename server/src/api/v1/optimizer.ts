import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { optimize } from '../../engines/optimizer/optimize.js';
import { route, type RouteSpec } from '../route.js';
import { DialectField, parseBodySql, SqlField } from './sql-input.js';

const workload = (what: string) => z.number({ error: 'must be a number' }).nonnegative('must not be negative').max(1e12).optional().describe(what);

const OptimizeBody = z.object({
  sql: SqlField,
  dialect: DialectField,
  avg_read_gb: workload('Data one run reads, in GB: scales cost.read_gb_per_day and the savings'),
  runs_per_day: workload('How often the query runs a day'),
  avg_duration_ms: workload('How long one run takes, in milliseconds'),
});

const Issue = z.object({
  rule: z.string().describe('Stable rule id: select_star, order_by_without_limit, leading_wildcard_like, function_on_filter_column, …'),
  severity: z.enum(['high', 'medium', 'low']),
  title: z.string(),
  message: z.string().describe('What is wrong in this query and what to do'),
  rewrite: z.string().nullable().describe('SQL to run or use instead, when one can be written from the query alone'),
  estimated_savings_pct: z.number().describe('Share of the read (and time) the fix typically saves'),
});

const OptimizeResult = z.object({
  dialect: z.enum(['clickhouse', 'postgresql']),
  query_type: z.string().describe('SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, …'),
  issues: z.array(Issue).describe('Ranked by severity, then estimated saving; empty for a clean query'),
  cost: z.object({
    read_gb_per_day: z.number().nullable().describe('avg_read_gb × runs_per_day; null without both'),
    compute_hours_per_day: z.number().nullable().describe('avg_duration_ms × runs_per_day, in hours; null without both'),
    estimated_savings_pct: z.number().describe('The issues together: 1 − Π(1 − each), at most 95'),
    estimated_read_gb_saved_per_day: z.number().nullable(),
    estimated_hours_saved_per_day: z.number().nullable(),
  }),
});

/** OptiHouse's public optimizer: one query in, ranked issues with rewrites out; no credentials, limited per address. */
export function optimizerRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/queries/optimize',
      summary: 'Analyse one query: ranked issues with rewrites and the cost they add (no auth, rate-limited)',
      tag: 'optimizer',
      auth: 'none',
      body: OptimizeBody,
      success: { status: 200, description: 'The issues found (none for a clean query) and the workload cost', schema: OptimizeResult },
      errors: ['RATE_LIMITED', 'SQL_TOO_LONG', 'SQL_PARSE_ERROR'],
      async handler({ req, res, body }) {
        ctx.publicLimiter.check(req, res);
        const stmt = await parseBodySql(ctx, body);
        return { body: optimize(stmt, { avgReadGb: body.avg_read_gb, runsPerDay: body.runs_per_day, avgDurationMs: body.avg_duration_ms }) };
      },
    }),
  ];
}
