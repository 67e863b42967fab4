import type { CollectorTask, TaskStatus } from '../../runner/collector-task.js';
import { diffStatements } from '../../diff/statements-diff.js';
import type { KnownStatements, StatementsBaseline, StatementsStatus } from '../../state/postgres-statements-state.js';
import { statementsToWire, statementTextsToWire } from '../../transform/statements-transform.js';
import type { PgQueryClient } from './pg-query-client.js';
import { collectStatements } from './statements-collector.js';

/** What the statements task keeps between runs. */
export interface StatementsPersisted {
  /** The totals the next run diffs against. */
  readonly baseline: StatementsBaseline;
  /** Keys whose text was read (and sent) already, and which of them are the agent's own. */
  readonly known: KnownStatements;
}

function toTaskStatus(status: StatementsStatus): TaskStatus {
  return { code: status.code, message: status.message, fixSql: status.fixSql.join('\n'), restartRequired: status.restartRequired };
}

/**
 * pg_stat_statements: counters as deltas each interval (none on the first run, which records the
 * baseline), texts once per new statement, both as Batch records. While the extension is
 * unavailable the previous state is kept, so nothing is counted twice when it comes back.
 */
export const statementsTask: CollectorTask<PgQueryClient, StatementsPersisted> = {
  name: 'statements',
  engine: 'postgres',
  defaultIntervalMs: 60_000,
  async run({ client, previous, nowMs }) {
    const snapshot = await collectStatements(client, previous?.known);
    const statuses = snapshot.statuses.map(toTaskStatus);
    if (snapshot.rows === null) return { records: {}, statuses, persisted: previous };
    const diff = diffStatements(previous?.baseline, { collectedAtMs: nowMs, statsResetMs: snapshot.statsResetMs, rows: snapshot.rows });
    return {
      records: {
        statements: statementsToWire(diff.deltas),
        // Sent on the baseline run too: a statement's first delta may come long after its text was read.
        statementTexts: statementTextsToWire(snapshot.rows),
      },
      statuses,
      persisted: { baseline: diff.baseline, known: snapshot.known },
    };
  },
};
