import { leaseFor, type LeaseStore } from './meta-store.js';

export interface LeaseOptions {
  /** This process run (unique per run, like the ingest queue's claim owner). */
  readonly owner: string;
  /** How long the lease outlives a process that dies holding it; renewed every third of it meanwhile. */
  readonly ttlMs: number;
}

export type LeaseOutcome<T> = { readonly held: true; readonly value: T } | { readonly held: false };

/**
 * Runs `work` while holding the lease `name`, or answers `held: false` at once when another
 * process holds it. The lease is renewed while the work runs; when a renewal finds it lost (or
 * cannot reach the store) `signal` aborts, and the work must stop making changes another holder
 * could repeat. Released when the work settles, so the next process need not wait for it to lapse.
 */
export async function withLease<T>(leases: LeaseStore, name: string, options: LeaseOptions, work: (signal: AbortSignal) => Promise<T>): Promise<LeaseOutcome<T>> {
  const { owner, ttlMs } = options;
  if (!(await leases.tryAcquireLease(name, leaseFor(owner, ttlMs)))) return { held: false };
  const lost = new AbortController();
  const renewals = setInterval(() => {
    leases.renewLease(name, leaseFor(owner, ttlMs)).then(
      (kept) => {
        if (!kept) lost.abort(new Error(`lease ${name} was lost`));
      },
      (err: unknown) => lost.abort(err),
    );
  }, Math.max(1, Math.floor(ttlMs / 3)));
  renewals.unref();
  try {
    return { held: true, value: await work(lost.signal) };
  } finally {
    clearInterval(renewals);
    // Best effort: a lease not released lapses after ttlMs anyway.
    if (!lost.signal.aborted) await leases.releaseLease(name, owner).catch(() => false);
  }
}
