import type { Response } from 'express';
import { VigilError } from '@vigil/shared';
import type { MetaStore } from '../storage/meta/meta-store.js';
import { sha256 } from './secrets.js';

/** How many failures a key gets for free, and how the wait grows after them. */
export interface ThrottlePolicy {
  /** Failures allowed before the first wait. */
  readonly free: number;
  /** The first wait; each further failure doubles it, up to maxSeconds. */
  readonly baseSeconds: number;
  readonly maxSeconds: number;
  /** A key with no failure for this long starts again from zero. */
  readonly windowSeconds: number;
}

/** What one throttled action counts against: the account (by email, known or not) and the client's address. */
export interface ThrottleKeys {
  readonly email?: string;
  readonly address: string;
}

/**
 * Exponential backoff per account and per address, kept in the metadata store so every server
 * process counts the same failures. The account key is a hash of the email as typed, so an email
 * without an account is throttled exactly like one with: a 429 says nothing about who exists.
 */
export class AuthThrottle {
  readonly #meta: MetaStore;
  readonly #action: string;
  readonly #account: ThrottlePolicy | undefined;
  readonly #address: ThrottlePolicy;

  constructor(meta: MetaStore, action: string, policies: { account?: ThrottlePolicy; address: ThrottlePolicy }) {
    this.#meta = meta;
    this.#action = action;
    this.#account = policies.account;
    this.#address = policies.address;
  }

  #keys(keys: ThrottleKeys): Array<{ key: string; policy: ThrottlePolicy }> {
    const list = [{ key: `${this.#action}:address:${keys.address}`, policy: this.#address }];
    if (this.#account && keys.email !== undefined) list.push({ key: `${this.#action}:account:${sha256(keys.email)}`, policy: this.#account });
    return list;
  }

  /** Throws AUTH_THROTTLED (429, with Retry-After set on `res`) while any of the keys is blocked. */
  async check(res: Response, keys: ThrottleKeys, now: number = Date.now()): Promise<void> {
    const rows = await this.#meta.getThrottles(this.#keys(keys).map((k) => k.key));
    const until = Math.max(0, ...rows.map((row) => (row.blocked_until ? Date.parse(row.blocked_until) : 0)));
    if (until <= now) return;
    const seconds = Math.ceil((until - now) / 1000);
    res.setHeader('Retry-After', String(seconds));
    throw new VigilError('AUTH_THROTTLED', `Too many attempts: try again in ${seconds} s`, { details: { retry_after_s: seconds } });
  }

  /** Counts one failure (or, for actions without a failure, one use) against every key. */
  async fail(keys: ThrottleKeys, now: number = Date.now()): Promise<void> {
    const wanted = this.#keys(keys);
    const rows = new Map((await this.#meta.getThrottles(wanted.map((k) => k.key))).map((row) => [row.key, row]));
    for (const { key, policy } of wanted) {
      const row = rows.get(key);
      const fresh = !row || now - Date.parse(row.last_failure_at) > policy.windowSeconds * 1000;
      const failures = fresh ? 1 : row.failures + 1;
      const over = failures - policy.free;
      const wait = over >= 0 ? Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** over) : 0;
      await this.#meta.putThrottle({ key, failures, last_failure_at: new Date(now).toISOString(), blocked_until: wait > 0 ? new Date(now + wait * 1000).toISOString() : null });
    }
  }

  /** A success clears the account's count; the address keeps its own, so one good login cannot launder an address's guesses. */
  async succeed(keys: ThrottleKeys): Promise<void> {
    const account = this.#keys(keys).find((k) => k.key.includes(':account:'));
    if (account) await this.#meta.clearThrottle(account.key);
  }
}

const MINUTE = 60;
const HOUR = 3600;

/** The throttles of the account routes: login, forgot-password, reset-password, signup and resend-verification. */
export function accountThrottles(meta: MetaStore): { login: AuthThrottle; forgot: AuthThrottle; reset: AuthThrottle; signup: AuthThrottle; signupMailed: AuthThrottle; resend: AuthThrottle } {
  return {
    // 5 wrong passwords per account, 20 per address (offices share one), then 30 s doubling to 15 min.
    login: new AuthThrottle(meta, 'login', {
      account: { free: 5, baseSeconds: 30, maxSeconds: 15 * MINUTE, windowSeconds: HOUR },
      address: { free: 20, baseSeconds: 30, maxSeconds: 15 * MINUTE, windowSeconds: HOUR },
    }),
    // Every request counts (there is no failure to see): 3 emails per account, 10 requests per address, then 1 min doubling to 1 h.
    forgot: new AuthThrottle(meta, 'forgot', {
      account: { free: 3, baseSeconds: MINUTE, maxSeconds: HOUR, windowSeconds: HOUR },
      address: { free: 10, baseSeconds: MINUTE, maxSeconds: HOUR, windowSeconds: HOUR },
    }),
    // A bad reset token names no account, so only the address counts.
    reset: new AuthThrottle(meta, 'reset', { address: { free: 10, baseSeconds: 30, maxSeconds: 15 * MINUTE, windowSeconds: HOUR } }),
    // Without mail, signup must say an email is taken (it signs the user in), so taken emails are what an address may probe: 10, then 1 min doubling to 1 h.
    signup: new AuthThrottle(meta, 'signup', { address: { free: 10, baseSeconds: MINUTE, maxSeconds: HOUR, windowSeconds: HOUR } }),
    // With mail every signup counts, new email or taken (so a 429 tells them apart no better than the 202 does):
    // 3 emails to one mailbox an hour, 20 signups per client address (an office signing up its teams), then 1 min doubling to 1 h.
    signupMailed: new AuthThrottle(meta, 'signup-mailed', {
      account: { free: 3, baseSeconds: MINUTE, maxSeconds: HOUR, windowSeconds: HOUR },
      address: { free: 20, baseSeconds: MINUTE, maxSeconds: HOUR, windowSeconds: HOUR },
    }),
    // Like forgot-password: every request counts, known email or not.
    resend: new AuthThrottle(meta, 'resend-verification', {
      account: { free: 3, baseSeconds: MINUTE, maxSeconds: HOUR, windowSeconds: HOUR },
      address: { free: 10, baseSeconds: MINUTE, maxSeconds: HOUR, windowSeconds: HOUR },
    }),
  };
}
