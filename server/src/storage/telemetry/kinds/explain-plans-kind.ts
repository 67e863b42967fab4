import { createHash } from 'node:crypto';
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
export interface ExplainPlan {
  readonly ts: number;
  readonly source: string;
  readonly plan_json: unknown;
  readonly plan_hash: string;
  readonly total_cost: number | null;
  readonly actual_time_ms: number | null;
  readonly seq_scans: number;
  readonly index_scans: number;
  readonly rows_estimated: number | null;
  readonly rows_actual: number | null;
}

const tables = recordKind({ name: 'explain_plans', version: 300, tables: [EXPLAIN_PLANS], retention: 'daily', fromBatch: () => [] });

export const explainPlansKind: RecordKind<ExplainPlanRow> = {
  ...tables,
  fromBatch: () => [],
  insert: (ctx, rows) => tables.insert(ctx, rows.map((row) => tableRow(EXPLAIN_PLANS, row))),
};

interface PlanNode {
  readonly 'Node Type'?: string;
  readonly 'Total Cost'?: number;
  readonly 'Plan Rows'?: number;
  readonly 'Actual Total Time'?: number;
  readonly 'Actual Rows'?: number;
  readonly Plans?: readonly PlanNode[];
}

const INDEX_NODES = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan']);

/** Basira's summary of a plan: root cost and rows, and how many sequential and index scans it holds. */
export function summarizePlan(format: string, plan: string): Omit<ExplainPlan, 'ts' | 'source'> {
  const planHash = createHash('sha256').update(plan).digest('hex').slice(0, 16);
  if (format !== 'json') {
    return { plan_json: { text: plan }, plan_hash: planHash, total_cost: null, actual_time_ms: null, seq_scans: 0, index_scans: 0, rows_estimated: null, rows_actual: null };
  }
  const parsed = JSON.parse(plan) as unknown;
  // PostgreSQL's FORMAT JSON is a one-element array of {Plan: …}.
  const root = (Array.isArray(parsed) ? (parsed[0] as { Plan?: PlanNode } | undefined)?.Plan : undefined) ?? {};
  let seqScans = 0;
  let indexScans = 0;
  const walk = (node: PlanNode): void => {
    if (node['Node Type'] === 'Seq Scan') seqScans++;
    if (node['Node Type'] && INDEX_NODES.has(node['Node Type'])) indexScans++;
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(root);
  return {
    plan_json: parsed,
    plan_hash: planHash,
    total_cost: root['Total Cost'] ?? null,
    actual_time_ms: root['Actual Total Time'] ?? null,
    seq_scans: seqScans,
    index_scans: indexScans,
    rows_estimated: root['Plan Rows'] ?? null,
    rows_actual: root['Actual Rows'] ?? null,
  };
}

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
