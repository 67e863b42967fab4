import type { vigil } from '@vigil/proto';
import { encodeAgentMessage } from '@vigil/shared';

/** A batch as produced by the runner: id and seq are always set. */
export type QueuedBatch = vigil.v1.Batch.$Properties & { readonly batchId: string; readonly seq: number };

/** One queued batch as the sender sees it: identity and size; the frame itself is read on demand. */
export interface QueuedEntry {
  readonly batchId: string;
  readonly seq: number;
  /** What the batch occupies in the queue (its frame, plus the file header on disk). */
  readonly bytes: number;
}

export interface QueueStats {
  /** Batches waiting for an Ack. */
  readonly batches: number;
  readonly bytes: number;
  /** Batches given up on since the queue was created (evicted over the size cap, or unreadable): data lost. */
  readonly droppedBatches: number;
}

/** Batches written but not yet offered for sending: the first half of a two-phase push. */
export interface StagedBatches {
  readonly batchIds: readonly string[];
}

/**
 * Where batches wait between production and the server's Ack. Pushing is two-phase so the
 * runner can make "these batches exist" and "the collector state moved past them" one atomic
 * step: stage (durable, invisible to the sender) → save collector state → publish. A batch is
 * never sent before the state that produced it is saved, so a crash can never leave a batch
 * delivered while its window is collected again.
 */
export interface BatchQueue {
  /** Keeps `batches` (durably, for a disk queue) without offering them for sending yet. */
  stage(batches: readonly QueuedBatch[]): Promise<StagedBatches>;
  /** Offers staged batches for sending; resolves with how many of the oldest batches were evicted to stay under the size cap. */
  publish(staged: StagedBatches): Promise<number>;
  /** Forgets staged batches that will never be published (the state save failed). */
  discard(staged: StagedBatches): Promise<void>;
  /** stage + publish, for producers with no state to save in between. */
  push(batch: QueuedBatch): Promise<number>;
  /** Every published, unacknowledged batch, in seq order (a snapshot). */
  entries(): readonly QueuedEntry[];
  /** The batch's wire frame (an AgentMessage), or undefined when it is gone (acked, evicted or unreadable). */
  frame(entry: QueuedEntry): Promise<Buffer | undefined>;
  /** Forgets a batch (acknowledged, or refused for good); false when it was not queued. */
  ack(batchId: string): Promise<boolean>;
  stats(): QueueStats;
}

/** The frame the sender puts on the wire for `batch`; computed once, when the batch is queued. */
export function batchFrame(batch: QueuedBatch): Buffer {
  return encodeAgentMessage({ batch });
}

/**
 * Which of `entries` (in seq order, with their sizes) to evict so the total fits `maxBytes`:
 * the oldest first, since after a long outage the newest data is the most useful, and never
 * the newest one, so an oversized batch still gets its chance to be sent.
 */
export function oldestToEvict<T extends { readonly bytes: number }>(entries: readonly T[], totalBytes: number, maxBytes: number): T[] {
  const evict: T[] = [];
  let bytes = totalBytes;
  for (let i = 0; i < entries.length - 1 && bytes > maxBytes; i++) {
    evict.push(entries[i]!);
    bytes -= entries[i]!.bytes;
  }
  return evict;
}

/** Inserts `entry` keeping `entries` sorted by seq; seqs are handed out in order, so this is almost always an append. */
export function insertBySeq<T extends { readonly seq: number }>(entries: T[], entry: T): void {
  let at = entries.length;
  while (at > 0 && entries[at - 1]!.seq > entry.seq) at--;
  entries.splice(at, 0, entry);
}

// Enough for hours of an outage at typical statement volumes, small enough to never threaten the host.
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

interface MemoryEntry extends QueuedEntry {
  readonly frame: Buffer;
}

/** In-process queue: survives reconnects but not restarts (`vigil-agent test`, tests). Bounded by encoded size. */
export class MemoryBatchQueue implements BatchQueue {
  readonly #maxBytes: number;
  readonly #entries: MemoryEntry[] = [];
  readonly #staged = new Map<string, MemoryEntry>();
  #bytes = 0;
  #dropped = 0;

  constructor(options: { maxBytes?: number } = {}) {
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  async stage(batches: readonly QueuedBatch[]): Promise<StagedBatches> {
    for (const batch of batches) {
      const frame = batchFrame(batch);
      this.#staged.set(batch.batchId, { batchId: batch.batchId, seq: batch.seq, bytes: frame.length, frame });
    }
    return { batchIds: batches.map((batch) => batch.batchId) };
  }

  async publish(staged: StagedBatches): Promise<number> {
    for (const id of staged.batchIds) {
      const entry = this.#staged.get(id);
      if (!entry) continue;
      this.#staged.delete(id);
      insertBySeq(this.#entries, entry);
      this.#bytes += entry.bytes;
    }
    const evicted = oldestToEvict(this.#entries, this.#bytes, this.#maxBytes);
    for (const entry of evicted) this.#remove(entry.batchId);
    this.#dropped += evicted.length;
    return evicted.length;
  }

  async discard(staged: StagedBatches): Promise<void> {
    for (const id of staged.batchIds) this.#staged.delete(id);
  }

  async push(batch: QueuedBatch): Promise<number> {
    return this.publish(await this.stage([batch]));
  }

  entries(): readonly QueuedEntry[] {
    return this.#entries.slice();
  }

  async frame(entry: QueuedEntry): Promise<Buffer | undefined> {
    return this.#entries.find((e) => e.batchId === entry.batchId)?.frame;
  }

  async ack(batchId: string): Promise<boolean> {
    return this.#remove(batchId);
  }

  stats(): QueueStats {
    return { batches: this.#entries.length, bytes: this.#bytes, droppedBatches: this.#dropped };
  }

  #remove(batchId: string): boolean {
    const index = this.#entries.findIndex((entry) => entry.batchId === batchId);
    if (index === -1) return false;
    this.#bytes -= this.#entries.splice(index, 1)[0]!.bytes;
    return true;
  }
}
