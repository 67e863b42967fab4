import { expect } from 'chai';
import { uuidv7 } from '@vigil/shared';
import type { BatchClaim, MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { META_BACKENDS } from '../../helpers/backends.js';

/** The ledger's claims, which make batch dedupe hold across server processes (contract over both metadata backends). */
for (const backend of META_BACKENDS) {
  describe(`batch claims: ${backend.name}`, () => {
    let store: MetaStore;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();
    before(async () => {
      ({ store, dispose } = await open());
    });
    after(async () => {
      await dispose?.();
    });

    const T = Date.parse('2026-11-23T12:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString();

    /** One process's claim on one batch at `at`. */
    async function claim(batchId: string, owner: string, at = T): Promise<BatchClaim> {
      const [result] = await store.claimBatches([{ batch_id: batchId, org_id: 'o', database_id: 'd', seq: 7 }], { owner, now: iso(at), until: iso(at + 60_000) });
      return result!;
    }

    async function complete(batchId: string, owner: string, rows: number, at: number): Promise<boolean> {
      const [result] = await store.completeBatches([{ batchId, rows }], owner, iso(at));
      return result!;
    }

    it('lets exactly one of many concurrent claims win, and reports the batch done after it completes', async () => {
      const id = uuidv7();
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => claim(id, owner)));
      expect(results.filter((r) => r.status === 'claimed')).to.have.length(1);
      expect(results.filter((r) => r.status === 'busy')).to.have.length(3);
      const winner = ['a', 'b', 'c', 'd'][results.findIndex((r) => r.status === 'claimed')]!;
      // Not a stored batch yet: a pending claim is not in the ledger's record.
      expect(await store.getIngestedBatch(id)).to.equal(undefined);
      expect(await complete(id, 'other', 3, T + 1000)).to.equal(false);
      expect(await complete(id, winner, 3, T + 1000)).to.equal(true);
      expect(await claim(id, 'e', T + 2000)).to.deep.equal({ status: 'done', rows: 3 });
      // Even long after: a stored batch is never claimed again.
      expect(await claim(id, 'e', T + 86_400_000)).to.deep.equal({ status: 'done', rows: 3 });
      expect(await store.getIngestedBatch(id)).to.deep.equal({ batch_id: id, org_id: 'o', database_id: 'd', seq: 7, rows: 3, ingested_at: iso(T + 1000) });
    });

    it('lets another process take over a claim whose lease lapsed, and only one of them', async () => {
      const id = uuidv7();
      expect(await claim(id, 'crashed')).to.deep.equal({ status: 'claimed' });
      expect(await claim(id, 'b', T + 59_000)).to.deep.equal({ status: 'busy' });
      const later = T + 61_000;
      const takeovers = await Promise.all(['b', 'c'].map((owner) => claim(id, owner, later)));
      expect(takeovers.map((r) => r.status).sort()).to.deep.equal(['busy', 'claimed']);
      // The taker is told: the crashed write may have stored part of the batch.
      expect(takeovers.find((r) => r.status === 'claimed')).to.deep.equal({ status: 'claimed', resumed: true });
      // The crashed owner, back late, can no longer complete it.
      expect(await complete(id, 'crashed', 1, later)).to.equal(false);
    });

    it('claims a mixed group in one call, answering per batch in order', async () => {
      const [stored, held, fresh] = [uuidv7(), uuidv7(), uuidv7()];
      await claim(stored, 'x');
      await complete(stored, 'x', 4, T);
      await claim(held, 'x');
      // More than one chunk of fresh ids, and the batches out of id order.
      const many = Array.from({ length: 1200 }, () => uuidv7());
      const group = [fresh, held, ...many, stored].map((batch_id) => ({ batch_id, org_id: 'o', database_id: 'd', seq: 1 }));
      const results = await store.claimBatches(group.reverse(), { owner: 'y', now: iso(T), until: iso(T + 60_000) });
      const byId = new Map(group.map((b, i) => [b.batch_id, results[i]]));
      expect(byId.get(stored)).to.deep.equal({ status: 'done', rows: 4 });
      expect(byId.get(held)).to.deep.equal({ status: 'busy' });
      expect(byId.get(fresh)).to.deep.equal({ status: 'claimed' });
      expect(many.every((id) => byId.get(id)?.status === 'claimed')).to.equal(true);
      const done = await store.completeBatches([...many, fresh].map((batchId) => ({ batchId, rows: 1 })), 'y', iso(T));
      expect(done.every(Boolean)).to.equal(true);
    });

    it('frees a released claim at once, as resumed: the failed write may have stored part of the batch', async () => {
      const id = uuidv7();
      expect(await claim(id, 'a')).to.deep.equal({ status: 'claimed' });
      await store.releaseBatches([id], 'b');
      expect(await claim(id, 'b')).to.deep.equal({ status: 'busy' });
      await store.releaseBatches([id], 'a');
      expect(await claim(id, 'b')).to.deep.equal({ status: 'claimed', resumed: true });
      expect(await complete(id, 'b', 2, T)).to.equal(true);
    });

    it('renews only the claims the owner still holds, so a renewed claim is not taken over', async () => {
      const [held, lost] = [uuidv7(), uuidv7()];
      await claim(held, 'a');
      await claim(lost, 'a');
      // `lost` lapsed and was taken over; `held` is renewed before anyone tries.
      expect(await claim(lost, 'b', T + 61_000)).to.deep.equal({ status: 'claimed', resumed: true });
      expect(await store.renewBatches([held, lost], { owner: 'a', now: iso(T + 50_000), until: iso(T + 110_000) })).to.deep.equal([true, false]);
      expect(await claim(held, 'b', T + 61_000)).to.deep.equal({ status: 'busy' });
      expect(await complete(held, 'a', 1, T + 62_000)).to.equal(true);
    });
  });
}
