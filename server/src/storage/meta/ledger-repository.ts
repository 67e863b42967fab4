/**
 * The ingest ledger (which batches are stored, claimed by which process until when) and named
 * leases: the two places where server processes coordinate, under one lease rule.
 */

export interface IngestedBatch {
  readonly batch_id: string;
  readonly org_id: string;
  readonly database_id: string;
  readonly seq: number;
  readonly rows: number;
  readonly ingested_at: string;
}

/** A batch a server process is about to store: whoever claims it first writes it. */
export interface BatchToClaim {
  readonly batch_id: string;
  readonly org_id: string;
  readonly database_id: string;
  readonly seq: number;
}

/** Who claims, and for how long: ISO times by the claiming process's clock. */
export interface ClaimLease {
  /** The claiming process (unique per process run). */
  readonly owner: string;
  readonly now: string;
  /** When the claim lapses if it was not completed (its process died mid-write). */
  readonly until: string;
}

/** A lease for `ttlMs` from now (by this process's clock), held by `owner`. */
export function leaseFor(owner: string, ttlMs: number, now: number = Date.now()): ClaimLease {
  return { owner, now: new Date(now).toISOString(), until: new Date(now + ttlMs).toISOString() };
}

/**
 * Named leases: work that must run in one server process at a time (a database's alert
 * evaluation, a notification's delivery) holds the lease named after it. The same rule as the
 * batch claims: one holder at a time, and a lease whose time lapsed may be taken over, so a
 * process that died holding one delays the work by at most its lease.
 */
export interface LeaseStore {
  /** Takes the lease when nobody holds it, its holder's time lapsed, or `lease.owner` already holds it (then it extends it); true when `lease.owner` holds it now. */
  tryAcquireLease(name: string, lease: ClaimLease): Promise<boolean>;
  /** Extends a lease `lease.owner` still holds; false when it was lost (taken over after lapsing, or released), and then the work must stop. */
  renewLease(name: string, lease: ClaimLease): Promise<boolean>;
  /** Gives a held lease up so another process may take it at once; false when `owner` did not hold it. */
  releaseLease(name: string, owner: string): Promise<boolean>;
}

/**
 * What claimBatches found for a batch: `claimed` — write it, then completeBatches (`resumed` when an
 * earlier claim on it lapsed or was released: that write may have stored part of the batch, so the
 * writer first looks for its rows); `done` — already stored (`rows`); `busy` — another process holds
 * a live claim on it right now.
 */
export type BatchClaim = { readonly status: 'claimed'; readonly resumed?: true } | { readonly status: 'done'; readonly rows: number } | { readonly status: 'busy' };

export interface LedgerRepository extends LeaseStore {
  getIngestedBatch(batchId: string): Promise<IngestedBatch | undefined>;
  /** Records a stored batch; false when that batch id was already recorded. */
  recordIngestedBatch(batch: IngestedBatch): Promise<boolean>;
  /**
   * Claims batches before their rows are written (unique on batch id, so across processes exactly one
   * claim on a batch succeeds); a claim whose lease lapsed may be taken over. One answer per batch, in order.
   */
  claimBatches(batches: readonly BatchToClaim[], lease: ClaimLease): Promise<BatchClaim[]>;
  /** Marks owned claims stored; per batch, false when the claim was not this owner's any more (its lease lapsed and was taken). */
  completeBatches(batches: readonly { readonly batchId: string; readonly rows: number }[], owner: string, at: string): Promise<boolean[]>;
  /** Extends owned pending claims to `lease.until` while their write runs; per batch, false when the claim was lost. */
  renewBatches(batchIds: readonly string[], lease: ClaimLease): Promise<boolean[]>;
  /**
   * Gives up owned claims whose write failed, so a re-send can claim them at once. The claim stays
   * (lapsed), so that re-send's claim says `resumed`: the failed write may have stored part of the batch.
   */
  releaseBatches(batchIds: readonly string[], owner: string): Promise<void>;
}
