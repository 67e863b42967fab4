import { uuidv7, type StatementStat } from '@vigil/shared';
import type { QueuedBatch } from '../spool/batch-queue.js';

// Keeps a frame well under the 8 MiB limit even with long query texts.
const MAX_STATEMENTS_PER_BATCH = 1000;

export interface StatementWindow {
  readonly database: string;
  readonly windowStartMs: number;
  readonly windowEndMs: number;
  readonly statements: readonly StatementStat[];
}

/** One window's statements as batches (several when there are many), each with a fresh id and the next seq. */
export function buildStatementBatches(window: StatementWindow, nextSeq: () => number): QueuedBatch[] {
  const batches: QueuedBatch[] = [];
  for (let start = 0; start < window.statements.length; start += MAX_STATEMENTS_PER_BATCH) {
    batches.push({
      batchId: uuidv7(),
      seq: nextSeq(),
      database: window.database,
      windowStartMs: window.windowStartMs,
      windowEndMs: window.windowEndMs,
      statements: window.statements.slice(start, start + MAX_STATEMENTS_PER_BATCH),
    });
  }
  return batches;
}
