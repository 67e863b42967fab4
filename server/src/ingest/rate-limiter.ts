/**
 * A token bucket refilled at `ratePerSecond` up to `capacity` (one second's worth unless told).
 * Shared by the ingest limits below and the public API's per-address limit (api/client-rate-limiter.ts).
 */
export class TokenBucket {
  readonly #rate: number;
  readonly #capacity: number;
  #tokens: number;
  #updatedAt: number;

  constructor(ratePerSecond: number, now: number, capacity: number = ratePerSecond) {
    this.#rate = ratePerSecond;
    this.#capacity = capacity;
    this.#tokens = capacity;
    this.#updatedAt = now;
  }

  #refill(now: number): void {
    this.#tokens = Math.min(this.#capacity, this.#tokens + ((now - this.#updatedAt) / 1000) * this.#rate);
    this.#updatedAt = now;
  }

  /** Takes `n` tokens, going into debt if need be; returns how many milliseconds until the bucket is out of debt. */
  take(n: number, now: number): number {
    this.#refill(now);
    this.#tokens -= n;
    return this.#tokens >= 0 ? 0 : Math.ceil((-this.#tokens / this.#rate) * 1000);
  }

  /** Takes `n` tokens only if the bucket holds them; otherwise takes none and returns the milliseconds until it will. */
  tryTake(n: number, now: number): number {
    this.#refill(now);
    if (this.#tokens >= n) {
      this.#tokens -= n;
      return 0;
    }
    return Math.ceil(((n - this.#tokens) / this.#rate) * 1000);
  }

  /** Whether the bucket is full again at `now` (its owner can forget it). */
  full(now: number): boolean {
    this.#refill(now);
    return this.#tokens >= this.#capacity;
  }
}

/**
 * Per-connection rate limits as two token buckets (messages and bytes), each holding one
 * second's worth. A message is always let through, but one that overdraws a bucket makes the
 * caller wait until the debt is repaid: the connection is slowed to its rate, never dropped,
 * so an agent replaying a large spool after an outage still makes steady progress.
 */

export class ConnectionRateLimiter {
  readonly #messages: TokenBucket;
  readonly #bytes: TokenBucket;

  constructor(limits: { readonly rateMessagesPerSecond: number; readonly rateBytesPerSecond: number }, now: number = Date.now()) {
    this.#messages = new TokenBucket(limits.rateMessagesPerSecond, now);
    this.#bytes = new TokenBucket(limits.rateBytesPerSecond, now);
  }

  /** Accounts one message of `bytes`; returns the milliseconds to wait before handling it (0: none). */
  take(bytes: number, now: number = Date.now()): number {
    return Math.max(this.#messages.take(1, now), this.#bytes.take(bytes, now));
  }
}
