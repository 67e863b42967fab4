/**
 * What survives from one run to the next and across restarts: per database and task, what the
 * task returned as `persisted` (watermarks, previous counters) and when it last ran; globally,
 * the next Batch.seq. Plain JSON-compatible data only, replaced rather than mutated.
 *
 * Saving a task's state is the commit point of its run: the runner stages the run's batches in
 * the spool, then saves the state together with the seq counter, then publishes the batches.
 * Commits are serialized and seqs are handed out inside them, so "seq < the highest saved
 * nextSeq" exactly means "the run that produced this batch was committed"; a batch at or above
 * it was staged by a run that died before saving, whose window will be collected again.
 */

/** One task's saved state for one database. */
export interface TaskState {
  readonly database: string;
  readonly task: string;
  /** When the run that saved this collected (Unix ms): where the next batch window starts. */
  readonly lastRunMs: number;
  /** What the task returned as `persisted`; handed back as `previous` on its next run. */
  readonly persisted: unknown;
}

export interface SavedState {
  /** The highest next seq any commit recorded; undefined when nothing was ever saved. */
  readonly nextSeq: number | undefined;
  readonly tasks: readonly TaskState[];
  /** State files that could not be read and were moved aside (their tasks start from a baseline). */
  readonly quarantined: readonly { readonly file: string; readonly reason: string }[];
}

/** Where task state is kept: on disk for `run`, in memory for tests and `vigil-agent test`. */
export interface StateStore {
  load(): Promise<SavedState>;
  /** Records `state` and the next seq to hand out in one atomic, durable write. */
  save(state: TaskState, nextSeq: number): Promise<void>;
}

/** Key for a (database, task) pair in maps. */
export function taskStateKey(database: string, task: string): string {
  return `${database}\u0000${task}`;
}

/** Keeps state for the life of the process only. */
export class MemoryStateStore implements StateStore {
  readonly #tasks = new Map<string, TaskState>();
  #nextSeq: number | undefined;

  async load(): Promise<SavedState> {
    return { nextSeq: this.#nextSeq, tasks: [...this.#tasks.values()], quarantined: [] };
  }

  async save(state: TaskState, nextSeq: number): Promise<void> {
    // A copy through JSON, as on disk: a task must not see its own objects come back as `previous`.
    const persisted: unknown = state.persisted === undefined ? undefined : JSON.parse(JSON.stringify(state.persisted));
    this.#tasks.set(taskStateKey(state.database, state.task), { database: state.database, task: state.task, lastRunMs: state.lastRunMs, persisted });
    this.#nextSeq = Math.max(this.#nextSeq ?? 0, nextSeq);
  }
}
