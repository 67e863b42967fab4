import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { VigilError } from '@vigil/shared';
import type { Logger } from '../logger.js';
import type { IngestConfig } from '../config.js';
import type { ServerMetrics } from '../ops/metrics.js';
import { leaseFor, type MetaStore } from '../storage/meta/meta-store.js';
import type { TelemetryStore } from '../storage/telemetry/telemetry-store.js';
import { statementsKind, statementTextsKind } from '../storage/telemetry/kinds/statements/statements-tables.js';
import type { KindRows, RecordKind } from '../storage/telemetry/record-kind.js';
import { settleAll } from '../storage/telemetry/sql-telemetry-store.js';
import { tablesHoldingBatches, unwrittenRecords } from '../storage/telemetry/batch-writes.js';
import { fenced } from '../storage/telemetry/write-fence.js';
import { batchRowCount, type ValidBatch } from './batch-validator.js';
import { IngestEvents } from './ingest-events.js';

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

/**
 * How long a claim on a batch holds unless renewed. The writer renews its claims every third of it
 * while the write runs, and sends no insert once a claim may have lapsed (write-fence.ts), so only a
 * process that died or stalled past it loses its claims to another, and never writes after that.
 */
const CLAIM_LEASE_MS = 60_000;

/** A claimed batch on its way to the store; `resumed` when an earlier write of it may have stored part of it. */
interface ClaimedWrite {
  readonly batch: ValidBatch;
  readonly resumed: boolean;
}

/**
 * Flushes written at once: while one waits for ClickHouse, the next claims and encodes its batches,
 * so a flush's latency no longer bounds throughput. Two keep each insert large.
 */
const MAX_CONCURRENT_WRITES = 2;

type Settlement = { readonly ok: true; readonly outcome: IngestOutcome } | { readonly ok: false; readonly err: unknown };

/**
 * The process's ingest queue. Batches from every connection wait here briefly and are written
 * together — one telemetry insert for many agents' small batches, which is what ClickHouse
 * wants — then recorded in the batch-id ledger; only then does a batch's promise resolve and
 * its Ack go out. At most two writes run at once, so under load the next write naturally groups
 * everything that arrived meanwhile.
 *
 * The queue never refuses a batch it was handed: the limits are a signal (`saturated`) for the
 * gateway to stop reading sockets, so agents keep their batches in their spools instead. It
 * holds nothing needed for correctness across processes: dedupe is the ledger in the metadata
 * store, where a process claims a batch (unique on its id, with a lease) before writing it, so of
 * several processes handed the same batch exactly one stores it; the in-process map only stops
 * one process claiming the same id twice at once.
 */
export class IngestQueue extends EventEmitter<QueueEvents> {
  readonly #meta: MetaStore;
  readonly #telemetry: TelemetryStore;
  readonly #limits: IngestConfig;
  readonly #metrics: ServerMetrics;
  readonly #log: Logger;
  readonly #leaseMs: number;
  /** Where `stored` is announced once a flush's batches are durable and in the ledger. */
  readonly events: IngestEvents;
  /** Names this process run in the ledger's claims. */
  readonly #owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  #waiting: Queued[] = [];
  #waitingRows = 0;
  // Accepted and not yet settled (waiting or being written).
  #batches = 0;
  #bytes = 0;
  readonly #inFlight = new Map<string, Promise<IngestOutcome>>();
  #timer: NodeJS.Timeout | undefined;
  // Flushes in progress (at most MAX_CONCURRENT_WRITES), and the end of the last one's settlement.
  #writes = 0;
  // When the last flush took its group (the group-commit window, see #schedule).
  #lastFlushAt = 0;
  #settled: Promise<void> = Promise.resolve();
  #saturated = false;
  // Set when shutting down: write what is queued without waiting for more.
  #urgent = false;
  #idleWaiters: Array<() => void> = [];

  /** `claimLeaseMs`: the claims' lease (tests shorten it; default 60 s). */
  constructor(deps: { meta: MetaStore; telemetry: TelemetryStore; limits: IngestConfig; metrics: ServerMetrics; logger: Logger; events?: IngestEvents; claimLeaseMs?: number }) {
    super();
    this.events = deps.events ?? new IngestEvents(deps.logger);
    this.#meta = deps.meta;
    this.#telemetry = deps.telemetry;
    this.#limits = deps.limits;
    this.#metrics = deps.metrics;
    this.#log = deps.logger.child({ component: 'ingest-queue' });
    this.#leaseMs = deps.claimLeaseMs ?? CLAIM_LEASE_MS;
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
   * and its id is in the ledger (or it was already there: `duplicate`). Never refuses; rejects
   * with INGEST_BATCH_IN_PROGRESS when another process holds a live claim on the same batch.
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
    this.#waitingRows += batchRowCount(batch);
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

  /**
   * Group commit: a flush starts once flushRows rows wait, or once the oldest has waited flushDelayMs.
   * While another write is in flight the window also runs from when the last flush started: the
   * batches acked by a finishing write come straight back as their agents' next ones, and gathering
   * them keeps every insert large (ClickHouse's cost per row falls with the insert's size: its parts,
   * merges and the rollup views), instead of a free slot sending the few stragglers at once.
   */
  #schedule(): void {
    if (this.#writes >= MAX_CONCURRENT_WRITES || this.#waiting.length === 0) return;
    const oldest = this.#waiting[0]!;
    const opened = this.#writes > 0 ? Math.max(oldest.enqueuedAt, this.#lastFlushAt) : oldest.enqueuedAt;
    const delay = this.#urgent || this.#waitingRows >= this.#limits.flushRows ? 0 : opened + this.#limits.flushDelayMs - Date.now();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (delay <= 0) {
      void this.#flush();
    } else {
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
      const next = batchRowCount(this.#waiting[n]!.batch);
      if (n > 0 && rows + next > this.#limits.flushRows) break;
      rows += next;
      n += 1;
    }
    this.#waitingRows -= rows;
    return this.#waiting.splice(0, n);
  }

  async #flush(): Promise<void> {
    if (this.#writes >= MAX_CONCURRENT_WRITES || this.#waiting.length === 0) return;
    this.#writes += 1;
    this.#lastFlushAt = Date.now();
    const group = this.#take();
    // Settled after the flush before it: each connection's acks still follow its batch order.
    const turn = this.#settled;
    let settledHere!: () => void;
    this.#settled = new Promise((resolve) => (settledHere = resolve));
    this.#schedule();
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
    await turn;
    // Settled in arrival order so each connection's acks follow its batch order.
    for (const [i, queued] of group.entries()) {
      const settlement = settlements[i]!;
      this.#inFlight.delete(queued.batch.batchId);
      this.#batches -= 1;
      this.#bytes -= queued.bytes;
      if (settlement.ok) queued.resolve(settlement.outcome);
      else queued.reject(settlement.err);
    }
    this.#announce(group, settlements);
    settledHere();
    this.#writes -= 1;
    if (this.#saturated && this.#batches <= this.#limits.queueMaxBatches / 2 && this.#bytes <= this.#limits.queueMaxBytes / 2) {
      this.#saturated = false;
      this.#log.info({ batches: this.#batches, bytes: this.#bytes }, 'ingest queue drained: resuming agent sockets');
      this.emit('drained');
    }
    if (this.#batches === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    this.#schedule();
  }

  /** Claims, one grouped insert, completions: each batch's outcome in group order. */
  async #write(group: readonly Queued[]): Promise<Settlement[]> {
    const settlements = new Array<Settlement>(group.length);
    const now = Date.now();
    const claims = await this.#meta.claimBatches(
      group.map(({ batch }) => ({ batch_id: batch.batchId, org_id: batch.database.org_id, database_id: batch.database.id, seq: batch.seq })),
      leaseFor(this.#owner, this.#leaseMs, now),
    );
    const fresh: number[] = [];
    const resumed = new Set<number>();
    for (const [i, claim] of claims.entries()) {
      if (claim.status === 'claimed') {
        fresh.push(i);
        if (claim.resumed) resumed.add(i);
      } else if (claim.status === 'done') {
        settlements[i] = { ok: true, outcome: { duplicate: true, rows: claim.rows } };
        this.#metrics.ingestBatches.inc({ result: 'duplicate' });
      } else {
        // Another process is writing it (the agent re-sent it elsewhere): no ack from here; the
        // agent keeps it and re-sends later, by when the ledger says done and the answer is a duplicate ack.
        settlements[i] = { ok: false, err: new VigilError('INGEST_BATCH_IN_PROGRESS') };
        this.#metrics.ingestBatches.inc({ result: 'in_progress' });
      }
    }
    if (fresh.length === 0) return settlements;

    const claim = this.#holdClaims(fresh.map((i) => group[i]!.batch.batchId), now);
    let inserted: number[];
    try {
      try {
        await fenced(claim.check, () => this.#insert(fresh.map((i) => ({ batch: group[i]!.batch, resumed: resumed.has(i) }))));
        inserted = fresh;
      } catch (err) {
        this.#log.error({ err, batches: fresh.length }, 'telemetry insert failed');
        // Validation keeps bad data out, so a failed grouped insert is almost always the store
        // itself; retrying batch by batch still keeps one unforeseen bad batch from failing the rest.
        // Part of the group may be stored by now: each retry first looks for its batch's rows.
        inserted = fresh.length > 1 ? await fenced(claim.check, () => this.#insertOneByOne(group, fresh, settlements)) : [];
        if (fresh.length === 1) this.#fail(settlements, fresh[0]!, err);
      }
    } finally {
      claim.stop();
    }
    const failed = fresh.filter((i) => !inserted.includes(i));
    // Best effort: a claim left behind only delays the re-send until its lease lapses.
    await this.#meta.releaseBatches(failed.map((i) => group[i]!.batch.batchId), this.#owner).catch((err: unknown) => this.#log.warn({ err }, 'could not release failed batch claims'));
    if (inserted.length === 0) return settlements;

    let completed: boolean[];
    try {
      const rows = inserted.map((i) => ({ batchId: group[i]!.batch.batchId, rows: batchRowCount(group[i]!.batch) }));
      completed = await this.#meta.completeBatches(rows, this.#owner, new Date().toISOString());
    } catch (err) {
      // The rows are stored but the ledger does not know: the claims lapse, and the re-send's
      // resumed claim finds every table holding the batch and writes nothing again.
      this.#log.error({ err, batches: inserted.length }, 'batches stored but not recorded in the ledger');
      for (const i of inserted) this.#fail(settlements, i, err);
      return settlements;
    }
    for (const [k, i] of inserted.entries()) {
      if (!completed[k]) {
        // Only an insert sent before its claim lapsed and held up inside ClickHouse past the lease can get here.
        this.#log.error({ batch_id: group[i]!.batch.batchId, lease_ms: this.#leaseMs }, 'batch claim lapsed during the write and was taken over');
      }
      const rows = batchRowCount(group[i]!.batch);
      settlements[i] = { ok: true, outcome: { duplicate: false, rows } };
      this.#metrics.ingestBatches.inc({ result: 'stored' });
      this.#metrics.ingestRows.inc(rows);
    }
    return settlements;
  }

  /**
   * Keeps claims on `batchIds` (taken at `claimedAt`) alive while their write runs: renewed every
   * third of the lease. `check` (the write fence) throws once a claim may have lapsed: a renewal
   * found it taken, or none succeeded for three quarters of the lease (this process stalled, or the
   * metadata store is unreachable), leaving a quarter as margin for clock drift between processes.
   */
  #holdClaims(batchIds: readonly string[], claimedAt: number): { check: () => void; stop: () => void } {
    const safeFor = this.#leaseMs * 0.75;
    let validUntil = claimedAt + safeFor;
    let lost = false;
    let renewing = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      const at = Date.now();
      this.#meta
        .renewBatches(batchIds, leaseFor(this.#owner, this.#leaseMs, at))
        .then((renewed) => {
          if (renewed.every(Boolean)) validUntil = at + safeFor;
          else lost = true;
        })
        .catch((err: unknown) => this.#log.warn({ err }, 'could not renew batch claims'))
        .finally(() => (renewing = false));
    }, this.#leaseMs / 3);
    timer.unref();
    return {
      check: () => {
        if (lost || Date.now() > validUntil) throw new Error('batch claim may have lapsed: insert not sent');
      },
      stop: () => clearInterval(timer),
    };
  }

  /** One `stored` event per database for the batches this flush newly stored (not the duplicates, not the failed). */
  #announce(group: readonly Queued[], settlements: readonly Settlement[]): void {
    if (this.events.listenerCount('stored') === 0) return;
    const byDatabase = new Map<string, { orgId: string; kinds: Set<string>; batchIds: string[] }>();
    for (const [i, { batch }] of group.entries()) {
      const settlement = settlements[i]!;
      if (!settlement.ok || settlement.outcome.duplicate) continue;
      const entry = byDatabase.get(batch.database.id) ?? { orgId: batch.database.org_id, kinds: new Set<string>(), batchIds: [] };
      byDatabase.set(batch.database.id, entry);
      entry.batchIds.push(batch.batchId);
      for (const { kind } of batch.records) entry.kinds.add(kind.name);
    }
    for (const [databaseId, { orgId, kinds, batchIds }] of byDatabase) this.events.emitStored({ orgId, databaseId, recordKinds: [...kinds].sort(), batchIds });
  }

  /**
   * One insert per table for the whole group: each record kind the group carries (statements with
   * their rollups, which ClickHouse derives). A resumed batch leaves out the tables already holding it.
   */
  async #insert(writes: readonly ClaimedWrite[]): Promise<void> {
    const resumed = writes.filter((w) => w.resumed).map(({ batch }) => ({ batchId: batch.batchId, orgId: batch.database.org_id, databaseId: batch.database.id, records: batch.records }));
    const held = resumed.length > 0 ? await tablesHoldingBatches(this.#telemetry.kindContext(), resumed) : new Map<string, Set<string>>();
    for (const [batchId, tables] of held) if (tables.size > 0) this.#log.warn({ batch_id: batchId, tables: [...tables] }, 'resumed batch: its rows in these tables were stored by an earlier attempt');
    const byKind = new Map<RecordKind, unknown[]>();
    for (const { kind, rows } of writes.flatMap(({ batch }) => unwrittenRecords(batch.records, held.get(batch.batchId) ?? new Set()))) {
      const list = byKind.get(kind) ?? [];
      list.push(...rows);
      byKind.set(kind, list);
    }
    // Different tables, so written concurrently: a flush costs one insert's latency, not one per kind.
    await settleAll([...byKind].map(([kind, rows]) => this.#writeKind({ kind, rows })));
  }

  /**
   * One kind's rows through the store: statements and their texts through insertStatements and
   * insertStatementTexts, the store's own methods for them (which a wrapper around the store, such
   * as the ingest tests' gates, watches), every other kind through insertRecords.
   */
  #writeKind(records: KindRows): Promise<void> {
    if (isRowsOf(records, statementsKind)) return this.#telemetry.insertStatements(records.rows);
    if (isRowsOf(records, statementTextsKind)) return this.#telemetry.insertStatementTexts(records.rows);
    return this.#telemetry.insertRecords(records.kind, records.rows);
  }

  async #insertOneByOne(group: readonly Queued[], indexes: readonly number[], settlements: Settlement[]): Promise<number[]> {
    const inserted: number[] = [];
    for (const i of indexes) {
      try {
        await this.#insert([{ batch: group[i]!.batch, resumed: true }]);
        inserted.push(i);
      } catch (err) {
        this.#fail(settlements, i, err);
      }
    }
    return inserted;
  }

  #fail(settlements: Settlement[], i: number, err: unknown): void {
    settlements[i] = { ok: false, err };
    this.#metrics.ingestBatches.inc({ result: 'failed' });
  }
}

/** Whether `records` are `kind`'s: then its rows are that kind's row type, as its fromBatch made them. */
function isRowsOf<Row>(records: KindRows, kind: RecordKind<Row>): records is { readonly kind: RecordKind<Row>; readonly rows: readonly Row[] } {
  return records.kind === kind;
}
