import type { Dialect, Statement } from '../sql-parse/query-model.js';
import { OPTIMIZER_RULES, type RuleId, type Severity } from './optimizer-rules.js';

/** The workload of the query as the caller describes it: each optional, each scales the estimates. */
export interface Workload {
  readonly avgReadGb?: number | undefined;
  readonly runsPerDay?: number | undefined;
  readonly avgDurationMs?: number | undefined;
}

export interface OptimizerIssue {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly title: string;
  readonly message: string;
  readonly rewrite: string | null;
  readonly estimated_savings_pct: number;
}

export interface OptimizerCost {
  /** avg_read_gb × runs_per_day. */
  readonly read_gb_per_day: number | null;
  /** avg_duration_ms × runs_per_day, in hours. */
  readonly compute_hours_per_day: number | null;
  /** The issues' savings combined (each applies to what the others leave): 1 − Π(1 − sᵢ). */
  readonly estimated_savings_pct: number;
  readonly estimated_read_gb_saved_per_day: number | null;
  readonly estimated_hours_saved_per_day: number | null;
}

export interface OptimizerResult {
  readonly dialect: Dialect;
  readonly query_type: string;
  readonly issues: OptimizerIssue[];
  readonly cost: OptimizerCost;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs every rule of the statement's dialect; issues ranked by severity, then saving, then rule id. */
export function optimize(stmt: Statement, workload: Workload = {}): OptimizerResult {
  const issues: OptimizerIssue[] = OPTIMIZER_RULES.flatMap((rule) => {
    const severity = rule.severity[stmt.dialect];
    const savings = rule.savingsPct[stmt.dialect];
    if (!severity || savings === undefined) return [];
    return rule.check(stmt).slice(0, 1).map((found) => ({
      rule: rule.id,
      severity: found.severity ?? severity,
      title: rule.title,
      message: found.message,
      rewrite: found.rewrite ?? null,
      estimated_savings_pct: found.savingsPct ?? savings,
    }));
  });
  issues.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.estimated_savings_pct - a.estimated_savings_pct || a.rule.localeCompare(b.rule));
  // Capped: no rewrite makes a query that still runs free.
  const combined = Math.min(0.95, 1 - issues.reduce((left, issue) => left * (1 - issue.estimated_savings_pct / 100), 1));
  const { avgReadGb, runsPerDay, avgDurationMs } = workload;
  const readPerDay = avgReadGb !== undefined && runsPerDay !== undefined ? avgReadGb * runsPerDay : null;
  const hoursPerDay = avgDurationMs !== undefined && runsPerDay !== undefined ? (avgDurationMs * runsPerDay) / 3_600_000 : null;
  return {
    dialect: stmt.dialect,
    query_type: stmt.queryType,
    issues,
    cost: {
      read_gb_per_day: readPerDay === null ? null : round(readPerDay),
      compute_hours_per_day: hoursPerDay === null ? null : round(hoursPerDay),
      estimated_savings_pct: Math.round(combined * 100),
      estimated_read_gb_saved_per_day: readPerDay === null ? null : round(readPerDay * combined),
      estimated_hours_saved_per_day: hoursPerDay === null ? null : round(hoursPerDay * combined),
    },
  };
}
