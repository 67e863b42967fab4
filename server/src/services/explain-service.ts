import { VigilError, type ErrorCode } from '@vigil/shared';
import type { AppContext } from '../context.js';
import type { PlanSummary } from '../engines/figures/plan-summary.js';
import { COMMAND_ERRORS, explainStatement } from '../commands/command-broker.js';
import type { Database } from '../storage/meta/meta-store.js';
import { explainPlansKind, summarizePlan } from '../storage/telemetry/kinds/explain-plans-kind.js';

/** What an agent's explain command returns (agent/src/commands/{postgres,clickhouse}-explain.ts). */
interface AgentPlan {
  readonly query_text: string;
  readonly method: string;
  readonly plan_json?: unknown;
  readonly plan_text?: string;
}

/** A plan the agent made on request, as stored with the collected plans. */
export interface OnDemandPlan {
  readonly queryText: string;
  /** How the agent planned it (generic_plan, prepared_generic, explain_indexes). */
  readonly method: string;
  readonly ts: number;
  readonly source: 'on_demand';
  readonly summary: PlanSummary;
}

/** What explainNow fails with: no agent on any process, or the codes an agent's command result carries (agent/src/commands/command-dispatcher.ts). */
export const EXPLAIN_ERRORS: readonly ErrorCode[] = [...COMMAND_ERRORS, 'COMMAND_NOT_SUPPORTED', 'STATEMENT_NOT_FOUND'];

/**
 * POST …/explain as a use case: asks the agent serving `db` for a plan of the statement with this
 * hash now, refuses an answer without a plan (COMMAND_FAILED), and stores it with the collected
 * plans, which GET …/explain reads back. Errors of the command itself (AGENT_NOT_CONNECTED,
 * COMMAND_TIMEOUT, what the agent refused) pass through.
 */
export async function explainNow(ctx: AppContext, db: Database, queryHash: string): Promise<OnDemandPlan> {
  const result = (await explainStatement(ctx, db, queryHash)) as AgentPlan;
  // Stored plans are read back by GET …/explain: an answer without a plan must not be stored.
  if (typeof result?.plan_text !== 'string' && (result?.plan_json === undefined || result.plan_json === null)) {
    throw new VigilError('COMMAND_FAILED', 'The agent answered without a plan');
  }
  const format = typeof result.plan_text === 'string' ? 'text' : 'json';
  const plan = format === 'json' ? JSON.stringify(result.plan_json) : result.plan_text!;
  const ts = Date.now();
  await ctx.telemetry.insertRecords(explainPlansKind, [{ org_id: db.org_id, database_id: db.id, query_hash: queryHash, ts, source: 'on_demand', format, plan }]);
  return { queryText: result.query_text, method: result.method, ts, source: 'on_demand', summary: summarizePlan(format, plan) };
}
