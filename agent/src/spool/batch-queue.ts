import { vigil } from '@vigil/proto';

/** A batch as produced by the runner: id and seq are always set. */
export type QueuedBatch = vigil.v1.Batch.$Properties & { readonly batchId: string; readonly seq: number };

/**
 * Where batches wait between production and the server's Ack. Asynchronous because the
 * durable implementation (a disk spool) must write before a batch counts as queued.
 */
export interface BatchQueue {
  /** Keeps `batch` until acked; resolves with how many of the oldest batches were dropped to make room. */
  push(batch: QueuedBatch): Promise<number>;
  /** Every unacknowledged batch, in seq order. */
  peekAll(): Promise<readonly QueuedBatch[]>;
  /** Forgets a batch (acknowledged, or refused for good); false when it was not queued. */
  ack(batchId: string): Promise<boolean>;
}

// Enough for hours of an outage at typical statement volumes, small enough to never threaten the host.
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** In-process queue: survives reconnects but not restarts. Bounded by encoded size, dropping the oldest. */
export class MemoryBatchQueue implements BatchQueue {
  readonly #maxBytes: number;
  readonly #entries: { batch: QueuedBatch; bytes: number }[] = [];
  #bytes = 0;

  constructor(options: { maxBytes?: number } = {}) {
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  async push(batch: QueuedBatch): Promise<number> {
    const bytes = vigil.v1.Batch.encode(batch).finish().length;
    // Seqs are handed out in order, so this is almost always an append.
    let at = this.#entries.length;
    while (at > 0 && this.#entries[at - 1]!.batch.seq > batch.seq) at--;
    this.#entries.splice(at, 0, { batch, bytes });
    this.#bytes += bytes;
    let dropped = 0;
    // Oldest first: after a long outage the newest data is the most useful.
    while (this.#bytes > this.#maxBytes && this.#entries.length > 1) {
      this.#bytes -= this.#entries.shift()!.bytes;
      dropped++;
    }
    return dropped;
  }

  async peekAll(): Promise<readonly QueuedBatch[]> {
    return this.#entries.map((entry) => entry.batch);
  }

  async ack(batchId: string): Promise<boolean> {
    const index = this.#entries.findIndex((entry) => entry.batch.batchId === batchId);
    if (index === -1) return false;
    this.#bytes -= this.#entries.splice(index, 1)[0]!.bytes;
    return true;
  }
}
