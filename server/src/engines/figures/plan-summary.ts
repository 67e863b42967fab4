import { createHash } from 'node:crypto';

/** Basira's per-plan summary fields. */
export interface PlanSummary {
  readonly plan_json: unknown;
  readonly plan_hash: string;
  readonly total_cost: number | null;
  readonly actual_time_ms: number | null;
  readonly seq_scans: number;
  readonly index_scans: number;
  readonly rows_estimated: number | null;
  readonly rows_actual: number | null;
}

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
export function summarizePlan(format: string, plan: string): PlanSummary {
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
