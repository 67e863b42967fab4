import type { Request, Response } from 'express';
import { VigilError } from '@vigil/shared';
import { TokenBucket } from '../ingest/rate-limiter.js';

/**
 * Per-client-address limit for the public (credential-free) routes: a token bucket per address
 * holding a minute's allowance and refilled evenly, so a client may burst up to the limit and then
 * gets one request per 60/limit seconds. Above it: 429 RATE_LIMITED with Retry-After. The address is
 * the socket's (Express `req.ip`): behind a proxy every client shares the proxy's address.
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
    this.#sweep(now);
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let bucket = this.#buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(this.#perMinute / 60, now, this.#perMinute);
      this.#buckets.set(address, bucket);
    }
    const waitMs = bucket.tryTake(1, now);
    if (waitMs === 0) return;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    throw new VigilError('RATE_LIMITED', `Too many requests from this address (${this.#perMinute} a minute): retry in ${seconds} s`, { details: { retry_after_s: seconds } });
  }

  /** Forgets, once a minute, the addresses whose buckets are full again: memory stays bounded by recent clients. */
  #sweep(now: number): void {
    if (now - this.#sweptAt < 60_000) return;
    this.#sweptAt = now;
    for (const [address, bucket] of this.#buckets) if (bucket.full(now)) this.#buckets.delete(address);
  }
}
