import type { CollectorTask, TaskStatus } from '../../runner/collector-task.js';
import { diffStatements } from '../../diff/statements-diff.js';
import { currentBaseline, type KnownStatements, type StatementsBaseline, type StatementsStatus } from '../../state/postgres-statements-state.js';
import { statementsToWire, statementTextsToWire } from '../../transform/statements-transform.js';
import type { PgQueryClient } from './pg-query-client.js';
import { collectStatements } from './statements-collector.js';

/**
 * What the statements task keeps between runs, written to disk every interval: the baseline,
 * and which keys' texts were read, stated as the exceptions so no key is written twice.
 */
export interface StatementsPersisted {
  /** The totals the next run diffs against. */
  readonly baseline: StatementsBaseline;
  /** Keys of the agent's own statements: known from their text, never counted. */
  readonly own: readonly string[];
  /** Baseline keys whose text was never read (the entry was evicted first): read again next run. Every other baseline key's text was. */
  readonly unread: readonly string[];
}

/** What agents before the compact layout persisted: texts read as a map over every key. */
interface LegacyStatementsPersisted {
  readonly baseline: StatementsBaseline;
  readonly known: Readonly<Record<string, 'own' | 'other'>>;
}

function knownFrom(previous: StatementsPersisted | LegacyStatementsPersisted, baseline: StatementsBaseline): KnownStatements {
  if ('known' in previous) return new Map(Object.entries(previous.known));
  const known = new Map<string, 'own' | 'other'>();
  for (const key of baseline.keys) known.set(key, 'other');
  for (const key of previous.unread) known.delete(key);
  for (const key of previous.own) known.set(key, 'own');
  return known;
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
    const baseline = previous === undefined ? undefined : currentBaseline(previous.baseline);
    const snapshot = await collectStatements(client, previous === undefined ? undefined : knownFrom(previous as StatementsPersisted | LegacyStatementsPersisted, baseline!));
    const statuses = snapshot.statuses.map(toTaskStatus);
    if (snapshot.rows === null) return { records: {}, statuses, persisted: previous };
    const diff = diffStatements(baseline, { collectedAtMs: nowMs, statsResetMs: snapshot.statsResetMs, rows: snapshot.rows });
    const own: string[] = [];
    for (const [key, kind] of snapshot.known) if (kind === 'own') own.push(key);
    return {
      records: {
        statements: statementsToWire(diff.deltas),
        // Sent on the baseline run too: a statement's first delta may come long after its text was read.
        statementTexts: statementTextsToWire(snapshot.rows),
      },
      statuses,
      persisted: { baseline: diff.baseline, own, unread: diff.baseline.keys.filter((key) => !snapshot.known.has(key)) },
    };
  },
};
