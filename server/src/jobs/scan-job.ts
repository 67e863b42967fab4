import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import { runScan, type ScanDeps } from '../services/scan-service.js';
import type { Scan } from '../storage/meta/advisors-repository.js';
import type { LeaseStore } from '../storage/meta/meta-store.js';
import { withLease } from '../storage/meta/with-lease.js';

export interface ScanJobOptions extends ScanDeps {
  readonly meta: ScanDeps['meta'] & LeaseStore;
  readonly logger: Logger;
  /** VIGIL_SCAN_INTERVAL_H in ms: a database is scanned again this long after its last scan was requested; 0 turns the schedule off. */
  readonly intervalMs: number;
  /** How often queued scans are looked for (POST …/scan queues one in the metadata store, which any process may run). */
  readonly pollMs?: number;
  /** This process run: the lease owner. */
  readonly owner?: string;
}

/** Lease name for one database's scans: one scan per database at a time across processes. */
export function scanLeaseName(databaseId: string): string {
  return `scan:${databaseId}`;
}

const LEASE_TTL_MS = 60_000;
const SCHEDULE_EVERY_MS = 60_000;
const ABANDONED_AFTER_MS = 15 * 60_000;
const QUEUE_BATCH = 20;

/**
 * Runs scans: those queued through the API and, every VIGIL_SCAN_INTERVAL_H, one per database.
 * Queued scans live in the metadata store, so any process may run one; each runs under the lease
 * scan:<database id> and is started by a conditional update (queued → running), so of several
 * processes exactly one runs it.
 */
export class ScanJob {
  readonly #o: ScanJobOptions;
  readonly #owner: string;
  readonly #log: Logger;
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<void> | undefined;
  #lastScheduleMs = 0;
  #stopped = false;

  constructor(options: ScanJobOptions) {
    this.#o = options;
    this.#owner = options.owner ?? `scans-${randomUUID()}`;
    this.#log = options.logger.child({ component: 'scan-job' });
  }

  start(): void {
    this.#timer = setInterval(() => void this.tick(), this.#o.pollMs ?? 2000);
    this.#timer.unref();
  }

  /** Stops polling and waits for the scan under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#ticking;
  }

  /** Queues the scheduled scans that are due, then runs queued scans one after another; at most one pass at a time. */
  tick(now: number = Date.now()): Promise<void> {
    this.#ticking ??= (async () => {
      try {
        if (now - this.#lastScheduleMs >= SCHEDULE_EVERY_MS) {
          this.#lastScheduleMs = now;
          await this.#schedule(now);
        }
        for (const scan of await this.#o.meta.advisors.queuedScans(QUEUE_BATCH)) {
          if (this.#stopped) break;
          await this.run(scan);
        }
      } catch (err) {
        this.#log.error({ err }, 'scan tick failed');
      } finally {
        this.#ticking = undefined;
      }
    })();
    return this.#ticking;
  }

  async #schedule(now: number): Promise<void> {
    const { advisors } = this.#o.meta;
    const at = new Date(now).toISOString();
    const abandoned = await advisors.failAbandonedScans(new Date(now - ABANDONED_AFTER_MS).toISOString(), at);
    if (abandoned > 0) this.#log.warn({ abandoned }, 'scans left running by a stopped process marked failed');
    if (this.#o.intervalMs <= 0) return;
    for (const db of await advisors.databasesDueForScan(new Date(now - this.#o.intervalMs).toISOString(), 1000)) {
      await advisors.requestScan(db.org_id, db.id, 'schedule', at);
    }
  }

  /** Runs one queued scan under its database's lease; false when another process has it. */
  async run(scan: Scan): Promise<boolean> {
    const { advisors } = this.#o.meta;
    const outcome = await withLease(this.#o.meta, scanLeaseName(scan.database_id), { owner: this.#owner, ttlMs: LEASE_TTL_MS }, async () => {
      if (!(await advisors.startScan(scan.id, new Date().toISOString()))) return false;
      const started = Date.now();
      try {
        const summary = await runScan(this.#o, scan);
        await advisors.finishScan(scan.id, { status: 'done', summary }, new Date().toISOString());
        this.#log.info({ database_id: scan.database_id, scan_id: scan.id, ms: Date.now() - started, ...summary }, 'scan done');
      } catch (err) {
        this.#log.error({ err, database_id: scan.database_id, scan_id: scan.id }, 'scan failed');
        await advisors.finishScan(scan.id, { status: 'failed', error: 'the scan could not read the database\'s telemetry; see the server log' }, new Date().toISOString());
      }
      return true;
    });
    return outcome.held && outcome.value;
  }
}
