import { expect } from 'chai';
import { leaseFor, type MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { withLease } from '../../../server/src/storage/meta/with-lease.js';
import { META_BACKENDS, useBackend } from '../../helpers/backends.js';

/** Named leases (one process at a time), a contract over both metadata backends. */
for (const backend of META_BACKENDS) {
  describe(`leases: ${backend.name}`, () => {
    const meta = useBackend(backend);
    let store: MetaStore;
    before(() => {
      store = meta();
    });

    const T = Date.parse('2026-11-23T12:00:00Z');
    const TTL = 30_000;
    let n = 0;
    /** A lease name no other test uses. */
    const fresh = () => `test:${backend.name}:${++n}`;

    it('has one holder at a time; the holder may re-acquire (extending it), others may not', async () => {
      const name = fresh();
      expect(await store.tryAcquireLease(name, leaseFor('a', TTL, T))).to.equal(true);
      expect(await store.tryAcquireLease(name, leaseFor('b', TTL, T + 1000))).to.equal(false);
      expect(await store.tryAcquireLease(name, leaseFor('a', TTL, T + 20_000))).to.equal(true);
      // Had a's first lease not been extended, b could take it here.
      expect(await store.tryAcquireLease(name, leaseFor('b', TTL, T + TTL + 1000))).to.equal(false);
      // Other names are independent.
      expect(await store.tryAcquireLease(fresh(), leaseFor('b', TTL, T))).to.equal(true);
    });

    it('lets another process take over a lapsed lease, after which the old holder can neither renew nor release it', async () => {
      const name = fresh();
      expect(await store.tryAcquireLease(name, leaseFor('crashed', TTL, T))).to.equal(true);
      expect(await store.tryAcquireLease(name, leaseFor('b', TTL, T + TTL - 1))).to.equal(false);
      expect(await store.tryAcquireLease(name, leaseFor('b', TTL, T + TTL))).to.equal(true);
      expect(await store.renewLease(name, leaseFor('crashed', TTL, T + TTL + 5))).to.equal(false);
      expect(await store.releaseLease(name, 'crashed')).to.equal(false);
      // Still b's: the failed renew and release changed nothing.
      expect(await store.tryAcquireLease(name, leaseFor('c', TTL, T + TTL + 10))).to.equal(false);
      expect(await store.renewLease(name, leaseFor('b', TTL, T + TTL + 10))).to.equal(true);
    });

    it('renews a held lease, so it does not lapse at its first deadline', async () => {
      const name = fresh();
      expect(await store.tryAcquireLease(name, leaseFor('a', TTL, T))).to.equal(true);
      expect(await store.renewLease(name, leaseFor('a', TTL, T + 20_000))).to.equal(true);
      expect(await store.tryAcquireLease(name, leaseFor('b', TTL, T + TTL + 1000))).to.equal(false);
      expect(await store.tryAcquireLease(name, leaseFor('b', TTL, T + 20_000 + TTL))).to.equal(true);
    });

    it('keeps a lapsed lease nobody took over renewable by its holder', async () => {
      const name = fresh();
      expect(await store.tryAcquireLease(name, leaseFor('a', TTL, T))).to.equal(true);
      expect(await store.renewLease(name, leaseFor('a', TTL, T + 2 * TTL))).to.equal(true);
      expect(await store.tryAcquireLease(name, leaseFor('b', TTL, T + 2 * TTL + 1))).to.equal(false);
    });

    it('frees a released lease at once, and never renews it', async () => {
      const name = fresh();
      expect(await store.renewLease(name, leaseFor('a', TTL, T))).to.equal(false);
      expect(await store.releaseLease(name, 'a')).to.equal(false);
      expect(await store.tryAcquireLease(name, leaseFor('a', TTL, T))).to.equal(true);
      expect(await store.releaseLease(name, 'b')).to.equal(false);
      expect(await store.releaseLease(name, 'a')).to.equal(true);
      expect(await store.renewLease(name, leaseFor('a', TTL, T + 1))).to.equal(false);
      expect(await store.tryAcquireLease(name, leaseFor('b', TTL, T + 2))).to.equal(true);
    });

    it('lets exactly one of concurrent acquirers win, for a free lease and for a lapsed one', async () => {
      const owners = ['p1', 'p2', 'p3', 'p4'];
      for (let round = 0; round < 10; round += 1) {
        const name = fresh();
        const free = await Promise.all(owners.map((owner) => store.tryAcquireLease(name, leaseFor(owner, TTL, T))));
        expect(free.filter(Boolean), `round ${round}, free lease`).to.have.length(1);
        const later = T + TTL + 1;
        // The holder is among the contenders again: it may extend, or lose to whoever comes first.
        const lapsed = await Promise.all(owners.map((owner) => store.tryAcquireLease(name, leaseFor(owner, TTL, later))));
        expect(lapsed.filter(Boolean), `round ${round}, lapsed lease`).to.have.length(1);
      }
    });
  });
}

describe('withLease', () => {
  const meta = useBackend(META_BACKENDS[0]!);

  it('runs the work while holding the lease, turns others away meanwhile, and releases it after', async () => {
    let release!: () => void;
    let started!: () => void;
    const working = new Promise<void>((resolve) => (started = resolve));
    const running = withLease(meta(), 'job', { owner: 'a', ttlMs: 60_000 }, () => {
      started();
      return new Promise<string>((resolve) => (release = () => resolve('done')));
    });
    await working;
    expect(await withLease(meta(), 'job', { owner: 'b', ttlMs: 60_000 }, async () => 'ran')).to.deep.equal({ held: false });
    release();
    expect(await running).to.deep.equal({ held: true, value: 'done' });
    expect(await withLease(meta(), 'job', { owner: 'b', ttlMs: 60_000 }, async () => 'ran')).to.deep.equal({ held: true, value: 'ran' });
  });

  it('keeps the lease past its ttl by renewing it, and aborts the work once it is lost', async () => {
    const outcome = await withLease(meta(), 'long-job', { owner: 'a', ttlMs: 1000 }, async (signal) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      // Still held after more than two ttls: nobody else could take it.
      expect(await meta().tryAcquireLease('long-job', leaseFor('b', 1000))).to.equal(false);
      expect(signal.aborted).to.equal(false);
      // As if another process had taken it over.
      await meta().releaseLease('long-job', 'a');
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      return 'stopped';
    });
    expect(outcome).to.deep.equal({ held: true, value: 'stopped' });
  });
});
