/**
 * Per-connection rate limits as two token buckets (messages and bytes), each holding one
 * second's worth. A message is always let through, but one that overdraws a bucket makes the
 * caller wait until the debt is repaid: the connection is slowed to its rate, never dropped,
 * so an agent replaying a large spool after an outage still makes steady progress.
 */
class TokenBucket {
  readonly #rate: number;
  #tokens: number;
  #updatedAt: number;

  constructor(ratePerSecond: number, now: number) {
    this.#rate = ratePerSecond;
    this.#tokens = ratePerSecond;
    this.#updatedAt = now;
  }

  /** Takes `n` tokens; returns how many milliseconds until the bucket is out of debt. */
  take(n: number, now: number): number {
    this.#tokens = Math.min(this.#rate, this.#tokens + ((now - this.#updatedAt) / 1000) * this.#rate);
    this.#updatedAt = now;
    this.#tokens -= n;
    return this.#tokens >= 0 ? 0 : Math.ceil((-this.#tokens / this.#rate) * 1000);
  }
}

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
