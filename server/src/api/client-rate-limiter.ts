import type { Request, Response } from 'express';
import { VigilError } from '@vigil/shared';
import { TokenBucket } from '../ingest/rate-limiter.js';

/**
 * A limit per key (a client address, an organization): a token bucket per key holding a minute's
 * allowance and refilled evenly, so a client may burst up to the limit and then gets one request per
 * 60/limit seconds. Above it: a 429 with Retry-After. For the public (credential-free) routes the key
 * is the socket's address (Express `req.ip`): behind a proxy every client shares the proxy's address.
 */
export class ClientRateLimiter {
  readonly #perMinute: number;
  readonly #buckets = new Map<string, TokenBucket>();
  #sweptAt = 0;

  constructor(perMinute: number) {
    this.#perMinute = perMinute;
  }

  /** Counts one request of `req`'s address; throws RATE_LIMITED (Retry-After set on `res`) above the limit. */
  check(req: Request, res: Response, now: number = Date.now()): void {
    this.take(req.ip ?? req.socket.remoteAddress ?? 'unknown', res, (perMinute, seconds) => new VigilError('RATE_LIMITED', `Too many requests from this address (${perMinute} a minute): retry in ${seconds} s`, { details: { retry_after_s: seconds } }), now);
  }

  /** Counts one request of `key`; above the limit sets Retry-After on `res` and throws what `refusal` makes. */
  take(key: string, res: Response, refusal: (perMinute: number, retryAfterS: number) => VigilError, now: number = Date.now()): void {
    this.#sweep(now);
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.#perMinute / 60, now, this.#perMinute);
      this.#buckets.set(key, bucket);
    }
    const waitMs = bucket.tryTake(1, now);
    if (waitMs === 0) return;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    throw refusal(this.#perMinute, seconds);
  }

  /** Forgets, once a minute, the addresses whose buckets are full again: memory stays bounded by recent clients. */
  #sweep(now: number): void {
    if (now - this.#sweptAt < 60_000) return;
    this.#sweptAt = now;
    for (const [address, bucket] of this.#buckets) if (bucket.full(now)) this.#buckets.delete(address);
  }
}
