import { expect } from 'chai';
import { VigilError } from '@vigil/shared';
import { AuthThrottle } from '../../../server/src/auth/throttle.js';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { META_BACKENDS, useBackend } from '../../helpers/backends.js';

/** The response headers a throttle sets, without an HTTP server. */
type Res = Parameters<AuthThrottle['check']>[0];
function response(): Res & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return { headers, setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Res & { headers: Record<string, string> };
}

describe('auth throttle: exponential backoff per account and per address', () => {
  const store = useBackend<MetaStore>(META_BACKENDS[0]!);

  it('blocks after the free failures for base × 2^n seconds, capped, and a success clears only the account', async () => {
    const throttle = new AuthThrottle(store(), 'test', {
      account: { free: 2, baseSeconds: 10, maxSeconds: 40, windowSeconds: 3600 },
      address: { free: 100, baseSeconds: 10, maxSeconds: 40, windowSeconds: 3600 },
    });
    const keys = { email: 'a@example.com', address: '192.0.2.1' };
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const now = t0 + i * 1000;
      await throttle.fail(keys, now);
      const res = response();
      const err = await throttle.check(res, keys, now).then(() => undefined, (e: unknown) => e);
      waits.push(err instanceof VigilError ? Number(res.headers['Retry-After']) : 0);
      if (err instanceof VigilError) expect(err.code).to.equal('AUTH_THROTTLED');
    }
    expect(waits).to.deep.equal([0, 10, 20, 40, 40]);
    // Another email from the same address is not blocked by this account's failures.
    await throttle.check(response(), { email: 'b@example.com', address: '192.0.2.1' }, t0);
    await throttle.succeed(keys);
    await throttle.check(response(), keys, t0 + 5000);
    // A failure after the window starts the count again.
    await throttle.fail(keys, t0 + 2 * 3600_000);
    await throttle.check(response(), keys, t0 + 2 * 3600_000);
  });
});
