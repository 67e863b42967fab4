import path from 'node:path';
import { uuidv7 } from '@vigil/shared';
import type { Logger } from '../logging/agent-logger.js';
import type { BatchQueue, QueuedBatch } from '../spool/batch-queue.js';
import type { SpoolOpenReport } from '../spool/disk-batch-queue.js';
import type { StateStore, TaskState } from '../state/persistent-state.js';
import { buildBatches } from './batch-builder.js';
import type { TaskResult } from './collector-task.js';

/** One finished run to commit: which task on which database, its previous state and what it produced. */
export interface RunToCommit {
  readonly database: string;
  readonly task: string;
  readonly log: Logger;
  /** The task's last committed state: where this run's window starts. */
  readonly previous: TaskState | undefined;
  readonly nowMs: number;
  readonly result: TaskResult<unknown>;
  /** Told the task's new state at the commit point (before its batches are published). */
  readonly committed: (state: TaskState) => void;
}

export interface BatchCommitterOptions {
  readonly queue: BatchQueue;
  readonly stateStore: StateStore;
  /** The saved seq counter (undefined with no state on disk). */
  readonly savedNextSeq: number | undefined;
  readonly spoolMaxBytes: number;
  readonly log: Logger;
  /** Told when batches became sendable. */
  readonly published: () => void;
}

/**
 * Turns finished runs into spooled batches, one commit at a time in the order runs finish (seqs are
 * handed out inside, so they follow commit order): stage the batches in the spool (durable, not yet
 * sendable) → save the task's state with the seq counter (the commit point) → publish the batches.
 * A crash before the state save leaves batches at or above the saved seq, which the spool deletes at
 * start while the task collects that window again from its older state; a crash after it leaves
 * committed batches that are replayed. Nothing is lost and nothing is counted twice.
 */
export class BatchCommitter {
  readonly #options: BatchCommitterOptions;
  #nextSeq: number;
  #commits: Promise<unknown> = Promise.resolve();

  constructor(options: BatchCommitterOptions) {
    this.#options = options;
    const lastSpooled = options.queue.entries().at(-1)?.seq;
    // With no history at all, start from the clock: still above anything an earlier agent without state sent.
    this.#nextSeq = options.savedNextSeq === undefined && lastSpooled === undefined ? Date.now() : Math.max(options.savedNextSeq ?? 0, (lastSpooled ?? 0) + 1);
  }

  /** Commits one run after those before it. */
  commit(run: RunToCommit): Promise<void> {
    const commit = this.#commits.then(() => this.#commitNow(run));
    this.#commits = commit.catch(() => undefined);
    return commit;
  }

  /** Resolves when every commit asked for so far is over. */
  idle(): Promise<unknown> {
    return this.#commits;
  }

  async #commitNow({ database, task, log, previous, nowMs, result, committed }: RunToCommit): Promise<void> {
    const { queue, stateStore } = this.#options;
    const built = buildBatches({ database, windowStartMs: previous?.lastRunMs ?? nowMs, windowEndMs: nowMs }, result.records);
    if (built.oversized > 0) log.error({ records: built.oversized }, 'left out records too large for any frame');
    const batches: QueuedBatch[] = built.batches.map((content) => ({ ...content, batchId: uuidv7(), seq: this.#nextSeq++ }));
    const state: TaskState = { database, task, lastRunMs: nowMs, persisted: result.persisted };
    if (batches.length === 0 && result.persisted === undefined && previous?.persisted === undefined) {
      // Nothing to send and nothing to remember: skip the disk write (a stateless task on an idle server).
      committed(state);
      return;
    }
    const staged = await queue.stage(batches);
    try {
      await stateStore.save(state, this.#nextSeq);
    } catch (err) {
      await queue.discard(staged).catch(() => undefined);
      throw err;
    }
    committed(state);
    const evicted = await queue.publish(staged);
    if (evicted > 0) {
      const stats = queue.stats();
      this.#options.log.warn(
        { evicted, droppedTotal: stats.droppedBatches, spoolBytes: stats.bytes, spoolMaxBytes: this.#options.spoolMaxBytes },
        'the spool is full; evicted the oldest unsent batches (raise spool_max_bytes to hold a longer outage)',
      );
    }
    if (batches.length > 0) this.#options.published();
    log.debug({ batches: batches.length }, 'collected');
  }
}

/** Logs what opening the spool found: replays, interrupted runs, unreadable files, evictions. */
export function logSpoolReport(log: Logger, report: SpoolOpenReport, spoolDir: string, spoolMaxBytes: number): void {
  const spool = path.join(spoolDir, 'batches');
  if (report.replayed > 0) log.info({ batches: report.replayed, bytes: report.bytes, spool }, 'replaying batches spooled before the restart');
  if (report.discarded > 0) {
    log.info({ batches: report.discarded }, 'deleted batches of a run interrupted before its state was saved; that window is collected again');
  }
  for (const { file, reason } of report.quarantined) log.error({ file, reason }, 'a spooled batch is unreadable; moved it to quarantine (counted as dropped)');
  if (report.evicted > 0) log.warn({ evicted: report.evicted, spoolMaxBytes }, 'the spool was over spool_max_bytes; evicted the oldest batches');
}
