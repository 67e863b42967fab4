import { expect } from 'chai';
import { VigilError } from '@vigil/shared';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { META_BACKENDS } from '../../helpers/backends.js';

for (const backend of META_BACKENDS) {
  describe(`meta store contract: ${backend.name}`, () => {
    let store: MetaStore;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();
    before(async () => {
      ({ store, dispose } = await open());
    });
    after(async () => {
      await dispose?.();
    });

    it('migrates idempotently', async () => {
      await store.migrate();
    });

    it('creates an organization with its user and refuses a taken email', async () => {
      const { org, user } = await store.createOrganizationWithUser({ orgName: 'Acme Corp', email: 'a@acme.io', name: 'A', passwordHash: 'h' });
      expect(org.slug).to.match(/^acme-corp-/);
      expect(await store.findUserByEmail('a@acme.io')).to.deep.include({ id: user.id, org_id: org.id });
      const err = await store.createOrganizationWithUser({ orgName: 'Other', email: 'a@acme.io', name: 'B', passwordHash: 'h' }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(VigilError);
      expect((err as VigilError).code).to.equal('AUTH_EMAIL_TAKEN');
    });

    it('scopes keys and databases to their organization', async () => {
      const a = await store.createOrganizationWithUser({ orgName: 'A', email: 'x@a.io', name: 'x', passwordHash: 'h' });
      const b = await store.createOrganizationWithUser({ orgName: 'B', email: 'y@b.io', name: 'y', passwordHash: 'h' });
      const key = await store.createApiKey({ orgId: a.org.id, name: 'k', scope: 'agent', prefix: 'vgl_abc', hash: 'hash-1' });
      expect(await store.revokeApiKey(b.org.id, key.id)).to.equal(false);
      expect(await store.findApiKeyByHash('hash-1')).to.deep.include({ id: key.id, scope: 'agent' });
      expect(await store.revokeApiKey(a.org.id, key.id)).to.equal(true);
      expect(await store.findApiKeyByHash('hash-1')).to.equal(undefined);
      expect(await store.listApiKeys(a.org.id, false)).to.deep.equal([]);
      expect(await store.listApiKeys(a.org.id, true)).to.have.length(1);

      const at = new Date().toISOString();
      const agent = await store.upsertAgent({ orgId: a.org.id, hostname: 'h1', agentVersion: '1', at });
      const again = await store.upsertAgent({ orgId: a.org.id, hostname: 'h1', agentVersion: '2', at });
      expect(again.id).to.equal(agent.id);
      expect(again.agent_version).to.equal('2');
      const db = await store.upsertDatabase({ orgId: a.org.id, name: 'main', engine: 'postgres', engineVersion: '15.4', agentId: agent.id, at, host: 'db1.internal', port: 5432 });
      expect(db).to.include({ host: 'db1.internal', port: 5432 });
      // An agent too old to send its address leaves the known one.
      const same = await store.upsertDatabase({ orgId: a.org.id, name: 'main', engine: 'postgres', engineVersion: null, agentId: agent.id, at });
      expect(same.id).to.equal(db.id);
      expect(same.engine_version).to.equal('15.4');
      expect(same).to.include({ host: 'db1.internal', port: 5432 });
      expect(await store.getDatabase(b.org.id, db.id)).to.equal(undefined);
      expect(await store.listDatabases(b.org.id)).to.deep.equal([]);
      expect((await store.listDatabases(a.org.id)).map((d) => d.name)).to.deep.equal(['main']);
    });

    it('updates database settings, scoped to the organization, and keeps agents\' latest heartbeat', async () => {
      const a = await store.createOrganizationWithUser({ orgName: 'S', email: 's@s.io', name: 's', passwordHash: 'h' });
      const b = await store.createOrganizationWithUser({ orgName: 'T', email: 't@t.io', name: 't', passwordHash: 'h' });
      const at = new Date().toISOString();
      const agent = await store.upsertAgent({ orgId: a.org.id, hostname: 'settings-host', agentVersion: '1.0.0', at });
      expect(agent).to.include({ last_heartbeat: null, last_heartbeat_at: null });
      const db = await store.upsertDatabase({ orgId: a.org.id, name: 'orders', engine: 'postgres', engineVersion: '16.2', agentId: agent.id, at });
      await store.upsertDatabase({ orgId: a.org.id, name: 'events', engine: 'clickhouse', engineVersion: null, agentId: agent.id, at });
      expect(db).to.deep.include({ poll_interval_seconds: null, collect_explain_plans: true, collect_replication: true, disabled_collectors: [], tags: {}, host: null, port: null });

      expect(await store.updateDatabase(b.org.id, db.id, { poll_interval_seconds: 5 })).to.equal(undefined);
      const updated = await store.updateDatabase(a.org.id, db.id, { poll_interval_seconds: 5, collect_explain_plans: false, disabled_collectors: ['locks', 'tables'], tags: { env: 'prod' }, host: 'db1', port: 5433 });
      expect(updated).to.deep.include({ name: 'orders', poll_interval_seconds: 5, collect_explain_plans: false, collect_replication: true, disabled_collectors: ['locks', 'tables'], tags: { env: 'prod' }, host: 'db1', port: 5433 });
      expect(await store.getDatabaseSettings(db.id)).to.deep.equal({ poll_interval_seconds: 5, collect_explain_plans: false, collect_replication: true, disabled_collectors: ['locks', 'tables'] });
      expect((await store.updateDatabase(a.org.id, db.id, { poll_interval_seconds: null }))?.poll_interval_seconds).to.equal(null);
      expect(await store.getDatabaseSettings('no-such-id')).to.equal(undefined);
      const clash = await store.updateDatabase(a.org.id, db.id, { name: 'events' }).catch((e: unknown) => e);
      expect(clash).to.be.instanceOf(VigilError);
      expect((clash as VigilError).code).to.equal('DATABASE_NAME_TAKEN');

      const heartbeat = { agent_version: '1.1.0', uptime_s: 12, rss_bytes: 5e7, cpu_percent: 0.4, spool_batches: 2, spool_bytes: 900, evicted_batches: 0, collectors: [{ database: 'orders', collector: 'statements', last_success_at: at, last_error_at: null, last_error: null, statuses: [], disabled: false, interval_s: 60 }] };
      await store.recordAgentHeartbeat(agent.id, at, heartbeat);
      expect(await store.getAgent(b.org.id, agent.id)).to.equal(undefined);
      expect(await store.getAgent(a.org.id, agent.id)).to.deep.include({ last_heartbeat_at: at, last_heartbeat: heartbeat, agent_version: '1.1.0' });
    });

    it('pre-registers a database by name, which a later Hello of that name takes over, and deletes it', async () => {
      const { org } = await store.createOrganizationWithUser({ orgName: 'P', email: 'p@p.io', name: 'p', passwordHash: 'h' });
      const other = await store.createOrganizationWithUser({ orgName: 'Q', email: 'q@q.io', name: 'q', passwordHash: 'h' });
      const at = new Date().toISOString();
      const created = await store.createDatabase({ orgId: org.id, name: 'billing', engine: 'postgres', engineVersion: null, host: 'db.internal', port: 5432, tags: { team: 'payments' }, at });
      expect(created).to.deep.include({ name: 'billing', agent_id: null, last_seen_at: null, host: 'db.internal', port: 5432, tags: { team: 'payments' } });
      const clash = await store.createDatabase({ orgId: org.id, name: 'billing', engine: 'postgres', engineVersion: null, host: 'x', port: 1, tags: {}, at }).catch((e: unknown) => e);
      expect((clash as VigilError).code).to.equal('DATABASE_NAME_TAKEN');
      const agent = await store.upsertAgent({ orgId: org.id, hostname: 'h1', agentVersion: '1', at });
      const announced = await store.upsertDatabase({ orgId: org.id, name: 'billing', engine: 'postgres', engineVersion: '15.4', agentId: agent.id, at });
      expect(announced).to.deep.include({ id: created.id, agent_id: agent.id, engine_version: '15.4', tags: { team: 'payments' } });
      expect(await store.deleteDatabase(other.org.id, created.id)).to.equal(false);
      expect(await store.deleteDatabase(org.id, created.id)).to.equal(true);
      expect(await store.getDatabase(org.id, created.id)).to.equal(undefined);
    });

    it('records each batch id once', async () => {
      const batch = { batch_id: '01890000-0000-7000-8000-000000000001', org_id: 'o', database_id: 'd', seq: 2 ** 40, rows: 3, ingested_at: new Date().toISOString() };
      expect(await store.recordIngestedBatch(batch)).to.equal(true);
      expect(await store.recordIngestedBatch(batch)).to.equal(false);
      expect(await store.getIngestedBatch(batch.batch_id)).to.deep.equal(batch);
    });

    it('uses each refresh token once', async () => {
      const { user } = await store.createOrganizationWithUser({ orgName: 'R', email: 'r@r.io', name: 'r', passwordHash: 'h' });
      const token = await store.createRefreshToken({ userId: user.id, familyId: 'fam', hash: 'rt-1', expiresAt: new Date(Date.now() + 60_000).toISOString() });
      const now = new Date().toISOString();
      expect(await store.markRefreshTokenUsed(token.id, now)).to.equal(true);
      expect(await store.markRefreshTokenUsed(token.id, now)).to.equal(false);
      await store.revokeRefreshFamily('fam', now);
      expect((await store.findRefreshTokenByHash('rt-1'))?.revoked_at).to.equal(now);
    });
  });
}
