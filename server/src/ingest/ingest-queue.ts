import { EventEmitter } from 'node:events';
import type { Logger } from '../logger.js';
import type { IngestConfig } from '../config.js';
import type { ServerMetrics } from '../ops/metrics.js';
import type { IngestedBatch, MetaStore } from '../storage/meta/meta-store.js';
import type { TelemetryStore } from '../storage/telemetry/telemetry-store.js';
import type { RecordKind } from '../storage/telemetry/record-kind.js';
import { batchRowCount, type ValidBatch } from './batch-validator.js';

export interface IngestOutcome {
  readonly duplicate: boolean;
  readonly rows: number;
}

interface Queued {
  readonly batch: ValidBatch;
  readonly bytes: number;
  readonly enqueuedAt: number;
  readonly resolve: (outcome: IngestOutcome) => void;
  readonly reject: (err: unknown) => void;
}

interface QueueEvents {
  /** The queue reached a limit: stop reading from agents. */
  saturated: [];
  /** The queue is back under half its limits: read again. */
  drained: [];
}

type Settlement = { readonly ok: true; readonly outcome: IngestOutcome } | { readonly ok: false; readonly err: unknown };

/**
 * The process's ingest queue. Batches from every connection wait here briefly and are written
 * together — one telemetry insert for many agents' small batches, which is what ClickHouse
 * wants — then recorded in the batch-id ledger; only then does a batch's promise resolve and
 * its Ack go out. One write runs at a time, so under load the next write naturally groups
 * everything that arrived meanwhile.
 *
 * The queue never refuses a batch it was handed: the limits are a signal (`saturated`) for the
 * gateway to stop reading sockets, so agents keep their batches in their spools instead. It
 * holds nothing needed for correctness across processes: dedupe is the ledger in the metadata
 * store; the in-process map only stops one process writing the same id twice at once.
 */
export class IngestQueue extends EventEmitter<QueueEvents> {
  readonly #meta: MetaStore;
  readonly #telemetry: TelemetryStore;
  readonly #limits: IngestConfig;
  readonly #metrics: ServerMetrics;
  readonly #log: Logger;
  #waiting: Queued[] = [];
  #waitingRows = 0;
  // Accepted and not yet settled (waiting or being written).
  #batches = 0;
  #bytes = 0;
  readonly #inFlight = new Map<string, Promise<IngestOutcome>>();
  #timer: NodeJS.Timeout | undefined;
  #writing = false;
  #saturated = false;
  // Set when shutting down: write what is queued without waiting for more.
  #urgent = false;
  #idleWaiters: Array<() => void> = [];

  constructor(deps: { meta: MetaStore; telemetry: TelemetryStore; limits: IngestConfig; metrics: ServerMetrics; logger: Logger }) {
    super();
    this.#meta = deps.meta;
    this.#telemetry = deps.telemetry;
    this.#limits = deps.limits;
    this.#metrics = deps.metrics;
    this.#log = deps.logger.child({ component: 'ingest-queue' });
  }

  /** Batches and frame bytes accepted and not yet settled. */
  get depth(): { batches: number; bytes: number } {
    return { batches: this.#batches, bytes: this.#bytes };
  }

  /** Whether the queue is at a limit (and has not yet drained to half of it). */
  get saturated(): boolean {
    return this.#saturated;
  }

  /**
   * Queues a validated batch whose frame was `bytes` long; resolves once its rows are durable
   * and its id is in the ledger (or it was already there: `duplicate`). Never refuses.
   */
  submit(batch: ValidBatch, bytes: number): Promise<IngestOutcome> {
    const pending = this.#inFlight.get(batch.batchId);
    if (pending) return pending.then((outcome) => ({ ...outcome, duplicate: true }));
    const promise = new Promise<IngestOutcome>((resolve, reject) => {
      this.#waiting.push({ batch, bytes, enqueuedAt: Date.now(), resolve, reject });
    });
    this.#inFlight.set(batch.batchId, promise);
    this.#batches += 1;
    this.#bytes += bytes;
    this.#waitingRows += batch.rows.length;
    if (!this.#saturated && (this.#batches >= this.#limits.queueMaxBatches || this.#bytes >= this.#limits.queueMaxBytes)) {
      this.#saturated = true;
      this.#metrics.backpressurePauses.inc();
      this.#log.warn({ batches: this.#batches, bytes: this.#bytes }, 'ingest queue full: pausing agent sockets');
      this.emit('saturated');
    }
    this.#schedule();
    return promise;
  }

  /** Writes everything queued now and resolves when the queue is empty (for shutdown). */
  flushAll(): Promise<void> {
    this.#urgent = true;
    this.#schedule();
    if (this.#batches === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Stops the flush timer (after flushAll, or when abandoning the queue on a forced shutdown). */
  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#writing || this.#waiting.length === 0) return;
    const oldest = this.#waiting[0]!;
    const delay = this.#urgent || this.#waitingRows >= this.#limits.flushRows ? 0 : oldest.enqueuedAt + this.#limits.flushDelayMs - Date.now();
    if (delay <= 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      void this.#flush();
    } else if (!this.#timer) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        void this.#flush();
      }, delay);
    }
  }

  /** The oldest waiting batches, up to flushRows rows (always at least one batch). */
  #take(): Queued[] {
    let rows = 0;
    let n = 0;
    while (n < this.#waiting.length) {
      const next = this.#waiting[n]!.batch.rows.length;
      if (n > 0 && rows + next > this.#limits.flushRows) break;
      rows += next;
      n += 1;
    }
    this.#waitingRows -= rows;
    return this.#waiting.splice(0, n);
  }

  async #flush(): Promise<void> {
    if (this.#writing || this.#waiting.length === 0) return;
    this.#writing = true;
    const group = this.#take();
    const stopTimer = this.#metrics.flushDuration.startTimer();
    let settlements: Settlement[];
    try {
      settlements = await this.#write(group);
    } catch (err) {
      this.#log.error({ err, batches: group.length }, 'ingest write failed');
      this.#metrics.ingestBatches.inc({ result: 'failed' }, group.length);
      settlements = group.map(() => ({ ok: false, err }));
    }
    stopTimer();
    // Settled in arrival order so each connection's acks follow its batch order.
    for (const [i, queued] of group.entries()) {
      const settlement = settlements[i]!;
      this.#inFlight.delete(queued.batch.batchId);
      this.#batches -= 1;
      this.#bytes -= queued.bytes;
      if (settlement.ok) queued.resolve(settlement.outcome);
      else queued.reject(settlement.err);
    }
    this.#writing = false;
    if (this.#saturated && this.#batches <= this.#limits.queueMaxBatches / 2 && this.#bytes <= this.#limits.queueMaxBytes / 2) {
      this.#saturated = false;
      this.#log.info({ batches: this.#batches, bytes: this.#bytes }, 'ingest queue drained: resuming agent sockets');
      this.emit('drained');
    }
    if (this.#batches === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    this.#schedule();
  }

  /** Ledger check, one grouped insert, ledger record: each batch's outcome in group order. */
  async #write(group: readonly Queued[]): Promise<Settlement[]> {
    const settlements = new Array<Settlement>(group.length);
    const known = await Promise.all(group.map((q) => this.#meta.getIngestedBatch(q.batch.batchId)));
    const fresh: number[] = [];
    for (const [i, ledger] of known.entries()) {
      if (ledger) {
        settlements[i] = { ok: true, outcome: { duplicate: true, rows: ledger.rows } };
        this.#metrics.ingestBatches.inc({ result: 'duplicate' });
      } else {
        fresh.push(i);
      }
    }
    if (fresh.length === 0) return settlements;

    let inserted: number[];
    try {
      await this.#insert(fresh.map((i) => group[i]!.batch));
      inserted = fresh;
    } catch (err) {
      this.#log.error({ err, batches: fresh.length }, 'telemetry insert failed');
      // Validation keeps bad data out, so a failed grouped insert is almost always the store
      // itself; retrying batch by batch still keeps one unforeseen bad batch from failing the rest.
      inserted = fresh.length > 1 ? await this.#insertOneByOne(group, fresh, settlements) : [];
      if (fresh.length === 1) this.#fail(settlements, fresh[0]!, err);
    }

    const recorded = await Promise.allSettled(inserted.map((i) => this.#record(group[i]!.batch)));
    for (const [k, result] of recorded.entries()) {
      const i = inserted[k]!;
      if (result.status === 'rejected') {
        // The rows are stored but the ledger does not know: the agent's re-send will be stored again.
        this.#log.error({ err: result.reason, batch_id: group[i]!.batch.batchId }, 'batch stored but not recorded in the ledger');
        this.#fail(settlements, i, result.reason);
        continue;
      }
      const rows = batchRowCount(group[i]!.batch);
      settlements[i] = { ok: true, outcome: { duplicate: false, rows } };
      this.#metrics.ingestBatches.inc({ result: 'stored' });
      this.#metrics.ingestRows.inc(rows);
    }
    return settlements;
  }

  /** One insert per table for the whole group: statements, then each record kind the group carries. */
  async #insert(batches: readonly ValidBatch[]): Promise<void> {
    await this.#telemetry.insertStatements(batches.flatMap((b) => b.rows));
    const byKind = new Map<RecordKind, unknown[]>();
    for (const { kind, rows } of batches.flatMap((b) => b.records)) {
      const list = byKind.get(kind) ?? [];
      list.push(...rows);
      byKind.set(kind, list);
    }
    for (const [kind, rows] of byKind) await this.#telemetry.insertRecords(kind, rows);
  }

  async #insertOneByOne(group: readonly Queued[], indexes: readonly number[], settlements: Settlement[]): Promise<number[]> {
    const inserted: number[] = [];
    for (const i of indexes) {
      try {
        await this.#insert([group[i]!.batch]);
        inserted.push(i);
      } catch (err) {
        this.#fail(settlements, i, err);
      }
    }
    return inserted;
  }

  async #record(batch: ValidBatch): Promise<void> {
    const entry: IngestedBatch = {
      batch_id: batch.batchId,
      org_id: batch.database.org_id,
      database_id: batch.database.id,
      seq: batch.seq,
      rows: batchRowCount(batch),
      ingested_at: new Date().toISOString(),
    };
    if (!(await this.#meta.recordIngestedBatch(entry))) {
      // Another server process stored the same batch at the same moment (an agent that
      // reconnected elsewhere while this write ran): its rows now exist twice.
      this.#log.warn({ batch_id: batch.batchId }, 'batch recorded concurrently by another process');
    }
  }

  #fail(settlements: Settlement[], i: number, err: unknown): void {
    settlements[i] = { ok: false, err };
    this.#metrics.ingestBatches.inc({ result: 'failed' });
  }
}
