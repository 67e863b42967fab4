import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The fence on telemetry writes made under a batch claim. The ingest queue runs a claim's inserts
 * inside `fenced(check, …)`; each client calls `checkWriteFence()` right before an insert leaves the
 * process, and `check` throws once the claim may have lapsed (its process stalled past the lease
 * without renewing it), so a write that lost its claim never reaches ClickHouse after the process
 * that took the claim over has looked for the batch's rows. Outside a fence the check does nothing.
 */
const fences = new AsyncLocalStorage<() => void>();

/** Runs `work` with `check` as the fence of every insert it makes. */
export function fenced<T>(check: () => void, work: () => Promise<T>): Promise<T> {
  return fences.run(check, work);
}

/** Throws when the write in progress lost (or may have lost) the claim it is made under. */
export function checkWriteFence(): void {
  fences.getStore()?.();
}
