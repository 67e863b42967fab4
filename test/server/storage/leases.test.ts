import { expect } from 'chai';
import { leaseFor, type MetaStore } from '../../../server/src/storage/meta/meta-store.js';
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
