import type { StatementsBaseline } from './postgres-statements-state.js';

/**
 * Everything that must survive from one run to the next (and, once a later release writes it
 * to disk, across restarts). Plain JSON-compatible data only, replaced rather than mutated.
 */
export interface PersistentState {
  /** Next Batch.seq to hand out; seqs only ever grow. */
  readonly nextSeq: number;
  /** Statement totals to diff against, by database name. */
  readonly statements: Readonly<Record<string, StatementsBaseline>>;
}

/**
 * State for an agent with no history. Seq starts at the clock so that, until the state is
 * persisted, a restarted agent still continues above the seqs it sent before.
 */
export function initialPersistentState(nowMs: number): PersistentState {
  return { nextSeq: nowMs, statements: {} };
}
