import { expect } from 'chai';
import { isVigilError } from '@vigil/shared';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { META_BACKENDS, useBackend } from '../../helpers/backends.js';

/** The ask repository (migration 0011), a contract over both metadata backends. */
for (const backend of META_BACKENDS) {
  describe(`ask repository: ${backend.name}`, () => {
    const meta = useBackend(backend);
    let store: MetaStore;
    let orgId: string;
    let otherOrg: string;
    const T = '2026-03-01T12:00:00.000Z';
    const at = (s: number) => new Date(Date.parse(T) + s * 1000).toISOString();

    before(async () => {
      store = meta();
      orgId = (await store.createOrganizationWithUser({ orgName: 'A', email: `ask-a-${backend.name}@a.io`, name: 'a', passwordHash: 'h' })).org.id;
      otherOrg = (await store.createOrganizationWithUser({ orgName: 'B', email: `ask-b-${backend.name}@b.io`, name: 'b', passwordHash: 'h' })).org.id;
    });

    it('keeps providers per organization, names unique within one, and forgets a deleted default', async () => {
      const p = await store.ask.createProvider({ id: 'p1', org_id: orgId, name: 'local', kind: 'openai_compatible', base_url: 'http://127.0.0.1:1/v1', model: 'm', api_key_sealed: 'v1.x', timeout_s: 30 }, T);
      expect(p).to.include({ name: 'local', kind: 'openai_compatible', timeout_s: 30, created_at: T });
      const clash = await store.ask.createProvider({ ...p, id: 'p2' }, T).catch((err) => err);
      expect(isVigilError(clash) && clash.code).to.equal('VALIDATION_FAILED');
      await store.ask.createProvider({ ...p, id: 'p3', org_id: otherOrg }, T);
      expect((await store.ask.listProviders(orgId)).map((x) => x.id)).to.deep.equal(['p1']);
      expect(await store.ask.getProvider(otherOrg, 'p1')).to.equal(undefined);
      expect(await store.ask.updateProvider(otherOrg, 'p1', { model: 'stolen' }, at(1))).to.equal(undefined);
      expect(await store.ask.updateProvider(orgId, 'p1', { model: 'm2' }, at(1))).to.include({ model: 'm2', updated_at: at(1) });
      await store.ask.updateAskSettings(orgId, { default_provider_id: 'p1' }, at(2));
      expect(await store.ask.deleteProvider(otherOrg, 'p1')).to.equal(false);
      expect(await store.ask.deleteProvider(orgId, 'p1')).to.equal(true);
      expect((await store.ask.getAskSettings(orgId)).default_provider_id).to.equal(null);
    });

    it('has default settings until changed, and merges patches', async () => {
      expect(await store.ask.getAskSettings(otherOrg)).to.include({ execution_mode: 'auto_execute', cache_ttl_s: 3600, max_rows: 1000, semantic_model: '{}' });
      await store.ask.updateAskSettings(otherOrg, { execution_mode: 'review_first' }, T);
      const s = await store.ask.updateAskSettings(otherOrg, { max_rows: 50, semantic_model: '{"views":{}}' }, at(1));
      expect(s).to.include({ execution_mode: 'review_first', max_rows: 50, semantic_model: '{"views":{}}' });
    });

    it('appends messages in order and moves a pending one exactly once', async () => {
      const session = await store.ask.createSession({ id: 's1', org_id: orgId, title: 'slow queries', created_at: T, updated_at: T });
      const base = { session_id: session.id, org_id: orgId, query: null, status: null, database_id: null, provider_id: null, results: null, error: null, tokens: null };
      await store.ask.appendMessage({ ...base, id: 'm1', role: 'user', content: 'which queries are slow?', created_at: at(1) });
      await Promise.all([2, 3, 4].map((i) => store.ask.appendMessage({ ...base, id: `m${i}`, role: 'assistant', content: `answer ${i}`, status: 'pending_approval', query: 'SELECT 1', created_at: at(i) })));
      const messages = await store.ask.listMessages(orgId, 's1');
      expect(messages.map((m) => m.seq)).to.deep.equal([1, 2, 3, 4]);
      expect(messages[0]).to.include({ id: 'm1', role: 'user' });
      expect(await store.ask.listMessages(otherOrg, 's1')).to.deep.equal([]);
      expect((await store.ask.listSessions(orgId, 10))[0]).to.include({ id: 's1', updated_at: at(4) });
      const moved = await Promise.all([0, 1].map(() => store.ask.transitionMessage(orgId, 'm2', 'pending_approval', { status: 'executed' }, at(5))));
      expect(moved.filter(Boolean)).to.have.length(1);
      expect(await store.ask.transitionMessage(otherOrg, 'm3', 'pending_approval', { status: 'executed' }, at(5))).to.equal(undefined);
    });

    it('caches answers until they expire, counts hits and clears per organization', async () => {
      await store.ask.putCached(orgId, { key: 'k1', question: 'q', answer: '{}', created_at: T, expires_at: at(60) });
      await store.ask.putCached(otherOrg, { key: 'k1', question: 'q', answer: '{"other":1}', created_at: T, expires_at: at(60) });
      expect((await store.ask.getCached(orgId, 'k1', at(1)))?.answer).to.equal('{}');
      expect(await store.ask.getCached(orgId, 'k1', at(61))).to.equal(undefined);
      await store.ask.countCacheHit(orgId, true);
      await store.ask.countCacheHit(orgId, false);
      await store.ask.countCacheHit(orgId, true);
      expect(await store.ask.getAskSettings(orgId)).to.include({ cache_hits: 2, cache_misses: 1 });
      expect(await store.ask.cacheEntries(orgId, at(1))).to.equal(1);
      expect(await store.ask.clearCache(orgId)).to.equal(1);
      expect(await store.ask.getAskSettings(orgId)).to.include({ cache_hits: 0, cache_misses: 0 });
      expect(await store.ask.cacheEntries(otherOrg, at(1))).to.equal(1);
    });

    it('keeps examples per organization', async () => {
      await store.ask.createExample({ id: 'e1', org_id: orgId, question: 'q', sql: 'SELECT 1', created_at: T });
      expect(await store.ask.listExamples(otherOrg)).to.deep.equal([]);
      expect(await store.ask.deleteExample(otherOrg, 'e1')).to.equal(false);
      expect(await store.ask.deleteExample(orgId, 'e1')).to.equal(true);
    });
  });
}
