import { summarizePlan, type PlanSummary } from '../../../engines/figures/plan-summary.js';
import { sql } from '../clickhouse-sql.js';
import type { KindContext, RecordKind } from '../record-kind.js';
import { kindTable, recordKind, type RowOfTable, tableRow } from './kind-table.js';

/**
 * EXPLAIN plans the server obtained from agents over the command channel (on demand, or on a
 * schedule when a database has collect_explain_plans). They never arrive in batches, so
 * fromBatch is empty; storing them as telemetry keeps retention and database deletion uniform.
 */
const EXPLAIN_PLANS = kindTable({
  name: 'explain_plans',
  columns: [
    ['org_id', 'tag'],
    ['database_id', 'tag'],
    ['query_hash', 'string'],
    // When the plan was produced, Unix ms.
    ['ts', 'time'],
    ['source', 'tag'],
    ['format', 'tag'],
    ['plan', 'string'],
  ],
  orderBy: ['org_id', 'database_id', 'query_hash', 'ts'],
});

export type ExplainPlanRow = RowOfTable<typeof EXPLAIN_PLANS> & {
  /** What asked for it. */
  readonly source: 'on_demand' | 'scheduled';
  /** json (PostgreSQL EXPLAIN FORMAT JSON) or text (ClickHouse EXPLAIN). */
  readonly format: 'json' | 'text';
};

/** A stored plan with Basira's per-plan summary fields. */
export interface ExplainPlan extends PlanSummary {
  readonly ts: number;
  readonly source: string;
}

/** The summary is a derived figure (engines/figures/); re-exported for the callers that imported it from here. */
export { summarizePlan };

const tables = recordKind({ name: 'explain_plans', version: 300, tables: [EXPLAIN_PLANS], retention: 'daily', fromBatch: () => [] });

export const explainPlansKind: RecordKind<ExplainPlanRow> = {
  ...tables,
  fromBatch: () => [],
  // Not from batches: never resumed.
  rowTable: () => undefined,
  insert: (ctx, rows) => tables.insert(ctx, rows.map((row) => tableRow(EXPLAIN_PLANS, row))),
};

/** Stored plans of one statement in [since, until), newest first. */
export async function explainPlans(
  ctx: KindContext,
  req: { orgId: string; databaseId: string; queryHash: string; since: number; until: number; limit: number },
): Promise<ExplainPlan[]> {
  const { time } = ctx.schema;
  const rows = await ctx.client.select<{ ts_ms: number | string; source: string; format: string; plan: string }>(sql`
    SELECT ${time.toUnixMs(sql`ts`)} AS ts_ms, source, format, plan FROM explain_plans
    WHERE org_id = ${req.orgId} AND database_id = ${req.databaseId} AND query_hash = ${req.queryHash}
      AND ts >= ${time.literal(req.since)} AND ts < ${time.literal(req.until)}
    ORDER BY ts DESC
    LIMIT ${req.limit}`);
  return rows.map((r) => ({ ts: Number(r.ts_ms), source: r.source, ...summarizePlan(r.format, r.plan) }));
}
