import { vigil } from '@vigil/proto';
import { DEFAULT_MAX_FRAME_BYTES } from '@vigil/shared';
import type { QueuedBatch } from '../spool/batch-queue.js';
import type { BatchRecords } from './collector-task.js';

// Small batches keep one Ack's worth of work (and a re-send after a drop) cheap on both sides.
const MAX_RECORDS_PER_BATCH = 1000;
const MAX_BATCH_BYTES = 1024 * 1024;
// Room for the envelope around a Batch in a frame.
const MAX_SINGLE_RECORD_BYTES = DEFAULT_MAX_FRAME_BYTES - 1024;

export interface BatchWindow {
  readonly database: string;
  readonly windowStartMs: number;
  readonly windowEndMs: number;
}

/** A batch before the commit gives it an id and a seq. */
export type BatchContent = Omit<QueuedBatch, 'batchId' | 'seq'>;

export interface BuiltBatches {
  readonly batches: readonly BatchContent[];
  /** Records that could not fit any frame on their own, left out (a collector bug, never expected). */
  readonly oversized: number;
}

type Item = readonly [field: string, record: unknown];

function batchOf(window: BatchWindow, items: readonly Item[]): BatchContent {
  const batch: Record<string, unknown> = { ...window };
  for (const [field, record] of items) ((batch[field] ??= []) as unknown[]).push(record);
  return batch as BatchContent;
}

function encodedBytes(batch: BatchContent): number {
  return vigil.v1.Batch.encode(batch).finish().length;
}

/**
 * An upper bound on the bytes `value` takes in protobuf, found without encoding it: a tag of at most 2
 * bytes (field numbers stay below 2048) before every value, a number at most a 10-byte varint,
 * a string at most 3 UTF-8 bytes per UTF-16 unit behind a 5-byte length, a message or list at
 * most its contents behind a 5-byte length. Field names are not encoded.
 */
function upperBoundBytes(value: unknown): number {
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 12;
    case 'boolean':
      return 3;
    case 'string':
      return 7 + 3 * value.length;
    case 'object': {
      if (value === null) return 0;
      let bytes = 7;
      if (Array.isArray(value)) for (const item of value) bytes += upperBoundBytes(item);
      else for (const key in value) bytes += upperBoundBytes((value as Record<string, unknown>)[key]);
      return bytes;
    }
    default:
      return 0;
  }
}

/**
 * One task's records for one window as batches: at most 1000 records and about 1 MiB each,
 * so every batch fits a frame with room to spare whatever the record kinds. Records of
 * several kinds may share a batch. No records, no batch.
 */
export function buildBatches(window: BatchWindow, records: BatchRecords): BuiltBatches {
  const items: Item[] = [];
  for (const [field, value] of Object.entries(records)) {
    if (value === undefined || value === null) continue;
    // Every record kind is a repeated Batch field (see vigil.proto); anything else is a task bug.
    if (!Array.isArray(value)) throw new TypeError(`task records field ${field} is not a list`);
    for (const record of value) items.push([field, record]);
  }
  const batches: BatchContent[] = [];
  let oversized = 0;
  // Halves a chunk until each part fits; a lone record too large for any frame is left out.
  const add = (chunk: readonly Item[]): void => {
    const batch = batchOf(window, chunk);
    // The queue encodes every batch for the wire; encoding it here too is needed only when the bound cannot rule out the limit.
    const bound = upperBoundBytes(batch);
    const bytes = bound <= MAX_BATCH_BYTES ? bound : encodedBytes(batch);
    if (bytes <= MAX_BATCH_BYTES || (chunk.length === 1 && bytes <= MAX_SINGLE_RECORD_BYTES)) {
      batches.push(batch);
    } else if (chunk.length === 1) {
      oversized++;
    } else {
      const half = Math.ceil(chunk.length / 2);
      add(chunk.slice(0, half));
      add(chunk.slice(half));
    }
  };
  for (let start = 0; start < items.length; start += MAX_RECORDS_PER_BATCH) add(items.slice(start, start + MAX_RECORDS_PER_BATCH));
  return { batches, oversized };
}
