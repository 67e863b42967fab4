import { mkdir, readFile, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';
import {
  batchFrame,
  insertBySeq,
  oldestToEvict,
  type BatchQueue,
  type QueueStats,
  type QueuedBatch,
  type QueuedEntry,
  type StagedBatches,
} from './batch-queue.js';
import { TEMP_SUFFIX, syncDirectory, writeFileDurably } from './durable-file.js';
import { SpoolFileError, decodeSpoolFile, encodeSpoolFile, seqFromFileName, spoolFileName } from './spool-file.js';

/**
 * The durable BatchQueue: every batch is a file under `<spool_dir>/batches/`, written and
 * fsynced before it counts as queued and deleted only when the server acknowledges it, so
 * batches survive a server outage, an agent restart and `kill -9`, and are replayed in seq
 * order. Only an index (seq, id, size) is kept in memory; frames are read back one at a time
 * as the sender needs them, so a full spool costs disk, not RSS.
 *
 * Layout under the spool directory:
 *   batches/<seq>.batch      one batch each (see spool-file.ts)
 *   quarantine/              files that could not be read, moved aside for inspection
 *   spool-stats.json         the dropped-batches counter, so it survives restarts
 */

const BATCHES_DIR = 'batches';
const QUARANTINE_DIR = 'quarantine';
const STATS_FILE = 'spool-stats.json';

export interface DiskBatchQueueOptions {
  /** The spool directory (config spool_dir); created when missing. */
  readonly dir: string;
  /** Size cap over all batch files; the oldest are evicted beyond it. */
  readonly maxBytes: number;
  /**
   * Batches with this seq or higher were staged by a run whose collector state was never saved
   * (the agent died in between): that window will be collected again, so they are deleted at
   * open rather than sent twice. Undefined when no state was saved at all: everything is kept.
   */
  readonly committedBelowSeq: number | undefined;
  readonly logger: Logger;
}

/** What opening the spool found, for the runner to report. */
export interface SpoolOpenReport {
  /** Batches found and queued for replay. */
  readonly replayed: number;
  readonly bytes: number;
  /** Batches of an interrupted run, deleted (their window is collected again). */
  readonly discarded: number;
  /** Unreadable batch files moved to quarantine/, with the reason for each. */
  readonly quarantined: readonly { readonly file: string; readonly reason: string }[];
  /** Batches evicted because the spool was over its cap (spool_max_bytes lowered since they were written). */
  readonly evicted: number;
  /** Highest seq on disk, so the runner continues above it. */
  readonly maxSeq: number | undefined;
}

interface DiskEntry extends QueuedEntry {
  readonly file: string;
}

export class DiskBatchQueue implements BatchQueue {
  readonly #batchesDir: string;
  readonly #quarantineDir: string;
  readonly #statsDir: string;
  readonly #maxBytes: number;
  readonly #log: Logger;
  readonly #entries: DiskEntry[] = [];
  readonly #byId = new Map<string, DiskEntry>();
  readonly #staged = new Map<string, DiskEntry>();
  #bytes = 0;
  #dropped = 0;

  private constructor(options: DiskBatchQueueOptions) {
    this.#statsDir = options.dir;
    this.#batchesDir = path.join(options.dir, BATCHES_DIR);
    this.#quarantineDir = path.join(options.dir, QUARANTINE_DIR);
    this.#maxBytes = options.maxBytes;
    this.#log = options.logger.child({ component: 'spool' });
  }

  /** Opens (creating when needed) the spool and indexes what it holds; unreadable files are quarantined, never fatal. */
  static async open(options: DiskBatchQueueOptions): Promise<{ queue: DiskBatchQueue; report: SpoolOpenReport }> {
    const queue = new DiskBatchQueue(options);
    const report = await queue.#load(options.committedBelowSeq);
    return { queue, report };
  }

  async stage(batches: readonly QueuedBatch[]): Promise<StagedBatches> {
    const written: DiskEntry[] = [];
    try {
      for (const batch of batches) {
        const data = encodeSpoolFile({ seq: batch.seq, batchId: batch.batchId, frame: batchFrame(batch) });
        const entry: DiskEntry = { batchId: batch.batchId, seq: batch.seq, bytes: data.length, file: spoolFileName(batch.seq) };
        await writeFileDurably(this.#batchesDir, entry.file, data, { syncDir: false });
        written.push(entry);
      }
      // One directory fsync for the whole run's batches: after it, every rename above is durable.
      if (written.length > 0) await syncDirectory(this.#batchesDir);
    } catch (err) {
      await Promise.all(written.map((entry) => this.#unlink(entry.file)));
      throw err;
    }
    for (const entry of written) this.#staged.set(entry.batchId, entry);
    return { batchIds: written.map((entry) => entry.batchId) };
  }

  async publish(staged: StagedBatches): Promise<number> {
    for (const id of staged.batchIds) {
      const entry = this.#staged.get(id);
      if (!entry) continue;
      this.#staged.delete(id);
      this.#index(entry);
    }
    return this.#evictOverCap();
  }

  async discard(staged: StagedBatches): Promise<void> {
    await Promise.all(
      staged.batchIds.map(async (id) => {
        const entry = this.#staged.get(id);
        if (!entry) return;
        this.#staged.delete(id);
        await this.#unlink(entry.file);
      }),
    );
  }

  async push(batch: QueuedBatch): Promise<number> {
    return this.publish(await this.stage([batch]));
  }

  entries(): readonly QueuedEntry[] {
    return this.#entries.slice();
  }

  async frame(entry: QueuedEntry): Promise<Buffer | undefined> {
    const indexed = this.#byId.get(entry.batchId);
    if (!indexed) return undefined;
    let data: Buffer;
    try {
      data = await readFile(path.join(this.#batchesDir, indexed.file));
    } catch (err) {
      // Acknowledged or evicted while it was being read.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      return decodeSpoolFile(data).frame;
    } catch (err) {
      if (!(err instanceof SpoolFileError)) throw err;
      // Something outside the agent damaged the file after it was written: it can never be sent.
      if (!this.#unindex(indexed.batchId)) return undefined;
      await this.#quarantine(indexed.file);
      this.#dropped++;
      await this.#saveStats();
      this.#log.error({ file: indexed.file, seq: indexed.seq, reason: err.message }, 'a spooled batch became unreadable; moved it to quarantine');
      return undefined;
    }
  }

  async ack(batchId: string): Promise<boolean> {
    const entry = this.#byId.get(batchId);
    if (!entry || !this.#unindex(batchId)) return false;
    // No directory fsync: should the delete be lost in a crash, the batch is re-sent and the server dedupes it.
    await this.#unlink(entry.file);
    return true;
  }

  stats(): QueueStats {
    return { batches: this.#entries.length, bytes: this.#bytes, droppedBatches: this.#dropped };
  }

  async #load(committedBelowSeq: number | undefined): Promise<SpoolOpenReport> {
    await mkdir(this.#batchesDir, { recursive: true, mode: 0o700 });
    this.#dropped = await this.#loadStats();
    let discarded = 0;
    const quarantined: { file: string; reason: string }[] = [];
    for (const name of (await readdir(this.#batchesDir)).sort()) {
      if (name.endsWith(TEMP_SUFFIX)) {
        // A write interrupted before its rename: its run never committed.
        await this.#unlink(name);
        continue;
      }
      const seq = seqFromFileName(name);
      if (seq === undefined) continue;
      if (committedBelowSeq !== undefined && seq >= committedBelowSeq) {
        await this.#unlink(name);
        discarded++;
        continue;
      }
      let reason: string;
      try {
        const data = await readFile(path.join(this.#batchesDir, name));
        const file = decodeSpoolFile(data);
        if (file.seq === seq) {
          this.#index({ batchId: file.batchId, seq, bytes: data.length, file: name });
          continue;
        }
        reason = `holds seq ${file.seq}, not the seq its name says`;
      } catch (err) {
        reason = err instanceof SpoolFileError ? err.message : describeError(err);
      }
      await this.#quarantine(name);
      quarantined.push({ file: name, reason });
    }
    this.#dropped += quarantined.length;
    const replayed = this.#entries.length;
    const bytes = this.#bytes;
    const evicted = await this.#evictOverCap();
    if (quarantined.length > 0 && evicted === 0) await this.#saveStats();
    return { replayed, bytes, discarded, quarantined, evicted, maxSeq: this.#entries.at(-1)?.seq };
  }

  #index(entry: DiskEntry): void {
    insertBySeq(this.#entries, entry);
    this.#byId.set(entry.batchId, entry);
    this.#bytes += entry.bytes;
  }

  /** Removes a batch from the index; false when it was not there (already acked or evicted). */
  #unindex(batchId: string): boolean {
    const entry = this.#byId.get(batchId);
    if (!entry) return false;
    this.#byId.delete(batchId);
    this.#entries.splice(this.#entries.indexOf(entry), 1);
    this.#bytes -= entry.bytes;
    return true;
  }

  async #evictOverCap(): Promise<number> {
    const evicted = oldestToEvict(this.#entries, this.#bytes, this.#maxBytes);
    if (evicted.length === 0) return 0;
    for (const entry of evicted) this.#unindex(entry.batchId);
    this.#dropped += evicted.length;
    // The counter first: a crash in between must not hide a loss (at worst it counts a batch that still gets sent).
    await this.#saveStats();
    await Promise.all(evicted.map((entry) => this.#unlink(entry.file)));
    return evicted.length;
  }

  async #quarantine(name: string): Promise<void> {
    await mkdir(this.#quarantineDir, { recursive: true, mode: 0o700 });
    // A timestamp suffix: the same seq may be quarantined again after a state reset.
    await rename(path.join(this.#batchesDir, name), path.join(this.#quarantineDir, `${name}.${Date.now()}`)).catch(async (err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') await this.#unlink(name);
    });
  }

  async #unlink(name: string): Promise<void> {
    await unlink(path.join(this.#batchesDir, name)).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    });
  }

  async #loadStats(): Promise<number> {
    try {
      const stats = JSON.parse(await readFile(path.join(this.#statsDir, STATS_FILE), 'utf8')) as { droppedBatches?: unknown };
      return typeof stats.droppedBatches === 'number' && Number.isSafeInteger(stats.droppedBatches) && stats.droppedBatches >= 0 ? stats.droppedBatches : 0;
    } catch {
      // Missing (a new spool) or unreadable: counting restarts from zero, which only under-reports.
      return 0;
    }
  }

  async #saveStats(): Promise<void> {
    await writeFileDurably(this.#statsDir, STATS_FILE, JSON.stringify({ droppedBatches: this.#dropped }));
  }
}

/** Reads one spool file without opening the queue (for diagnostics and tests). */
export async function readSpoolFile(file: string): Promise<{ seq: number; batchId: string; frame: Buffer }> {
  return decodeSpoolFile(await readFile(file));
}
