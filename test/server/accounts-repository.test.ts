import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KyselyMetaStore } from '../../server/src/storage/meta/kysely-meta-store.js';
import type { MetaStore } from '../../server/src/storage/meta/meta-store.js';
import { createSqliteMetaDialect } from '../../server/src/storage/meta/sqlite/sqlite-meta-dialect.js';
import { META_BACKENDS, useBackend } from '../helpers/backends.js';

describe('accounts: migration 0008 keeps existing accounts working', () => {
  it('makes each existing user the verified owner of their organization, and their refresh tokens still refresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-accounts-'));
    const dialect = createSqliteMetaDialect(join(dir, 'meta.sqlite'));
    try {
      const store = new KyselyMetaStore(dialect);
      await store.migrate('0006_notifications');
      // Rows as the server wrote them before 0008 (no column 0008 adds).
      const at = '2026-01-01T00:00:00.000Z';
      await dialect.db.insertInto('organizations').values({ id: 'o1', name: 'Old', slug: 'old-1', plan: 'free', created_at: at }).execute();
      await dialect.db.insertInto('users').values({ id: 'u1', org_id: 'o1', email: 'old@example.com', name: 'Old', password_hash: 'h', created_at: at }).execute();
      await dialect.db.insertInto('refresh_tokens').values({ id: 'r1', user_id: 'u1', family_id: 'f1', token_hash: 'rt-hash', expires_at: '2999-01-01T00:00:00.000Z', used_at: null, revoked_at: null }).execute();
      await store.migrate();
      expect(await store.getMembership('o1', 'u1')).to.deep.include({ role: 'owner' });
      expect((await store.getOrganization('o1'))!.verified_at).to.be.a('string');
      expect((await store.getUser('u1'))!.email_verified_at).to.be.a('string');
      // Tokens from before carry no organization: a refresh uses the user's default one.
      expect(await store.findRefreshTokenByHash('rt-hash')).to.deep.include({ org_id: null });
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const backend of META_BACKENDS) {
  describe(`accounts repository: ${backend.name}`, () => {
    const store = useBackend<MetaStore>(backend);

    it('keeps at least one owner, even against two owners demoting each other at once', async () => {
      const { org, user: first } = await store().createOrganizationWithUser({ orgName: 'Owners', email: `o1-${backend.name}@x.io`, name: 'o1', passwordHash: 'h' });
      const second = await store().createUserInOrganization({ orgId: org.id, email: `o2-${backend.name}@x.io`, name: 'o2', passwordHash: 'h', role: 'owner', emailVerified: false });
      const results = await Promise.all([store().changeMemberRole(org.id, first.id, 'admin'), store().changeMemberRole(org.id, second.id, 'admin')]);
      expect([...results].sort()).to.deep.equal(['last_owner', 'ok']);
      const owners = (await store().listMembers(org.id)).filter((m) => m.role === 'owner');
      expect(owners).to.have.length(1);
      expect(await store().removeMember(org.id, owners[0]!.id, new Date().toISOString())).to.equal('last_owner');
      expect(await store().changeMemberRole(org.id, 'nobody', 'admin')).to.equal('not_found');
    });

    it('uses an account token once, only before it expires and only for its purpose; verifying marks owned organizations', async () => {
      const { org, user } = await store().createOrganizationWithUser({ orgName: 'Tokens', email: `t-${backend.name}@x.io`, name: 't', passwordHash: 'h' });
      const now = new Date().toISOString();
      await store().createAccountToken({ userId: user.id, purpose: 'verify_email', hash: 'live', expiresAt: new Date(Date.now() + 60_000).toISOString() });
      await store().createAccountToken({ userId: user.id, purpose: 'verify_email', hash: 'expired', expiresAt: new Date(Date.now() - 60_000).toISOString() });
      expect(await store().consumeAccountToken('reset_password', 'live', now)).to.equal(undefined);
      expect(await store().consumeAccountToken('verify_email', 'expired', now)).to.equal(undefined);
      expect(await store().consumeAccountToken('verify_email', 'live', now)).to.equal(user.id);
      expect(await store().consumeAccountToken('verify_email', 'live', now)).to.equal(undefined);
      await store().markEmailVerified(user.id, now);
      expect((await store().getOrganization(org.id))!.verified_at).to.equal(now);
    });

    it('bumps the token version on a password change, which getAccess reports with the role', async () => {
      const { org, user } = await store().createOrganizationWithUser({ orgName: 'Versions', email: `v-${backend.name}@x.io`, name: 'v', passwordHash: 'h' });
      expect(user.token_version).to.equal(0);
      expect(await store().getAccess(org.id, user.id)).to.deep.equal({ role: 'owner', token_version: 0 });
      await store().setPassword(user.id, 'h2', new Date().toISOString());
      expect(await store().getAccess(org.id, user.id)).to.deep.equal({ role: 'owner', token_version: 1 });
      expect((await store().getUser(user.id))!.token_version).to.equal(1);
      expect(await store().getAccess('another-org', user.id)).to.equal(undefined);
    });

    it('lists pending invitations newest first and revokes one only in its organization, never an accepted one', async () => {
      const { org } = await store().createOrganizationWithUser({ orgName: 'Invites', email: `i-${backend.name}@x.io`, name: 'i', passwordHash: 'h' });
      const later = new Date(Date.now() + 3600_000).toISOString();
      const invite = (email: string, expiresAt = later) => store().createInvitation({ orgId: org.id, email, role: 'member', hash: `hash-${email}-${backend.name}`, invitedBy: null, expiresAt });
      const first = await invite('first@x.io');
      const accepted = await invite('accepted@x.io');
      await invite('expired@x.io', new Date(Date.now() - 1000).toISOString());
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await invite('second@x.io');
      await store().markInvitationAccepted(accepted.id, new Date().toISOString());
      const now = new Date().toISOString();
      expect((await store().listPendingInvitations(org.id, now)).map((i) => i.email)).to.deep.equal(['second@x.io', 'first@x.io']);
      expect(await store().revokeInvitation('another-org', first.id)).to.equal(undefined);
      expect(await store().revokeInvitation(org.id, accepted.id)).to.equal(undefined);
      expect(await store().revokeInvitation(org.id, first.id)).to.deep.include({ id: first.id, email: 'first@x.io', role: 'member' });
      expect(await store().findInvitationByHash(`hash-first@x.io-${backend.name}`)).to.equal(undefined);
      expect((await store().listPendingInvitations(org.id, now)).map((i) => i.id)).to.deep.equal([second.id]);
    });

    it('pages the audit log newest first and prunes it by age', async () => {
      const { org } = await store().createOrganizationWithUser({ orgName: 'Audit', email: `a-${backend.name}@x.io`, name: 'a', passwordHash: 'h' });
      const base = { org_id: org.id, actor_type: 'system' as const, actor_id: null, actor_label: null, target_type: null, target_id: null, details: { n: 1 }, request_id: null, address: null };
      for (const [at, action] of [['2020-01-01T00:00:00.000Z', 'old'], ['2026-01-01T00:00:00.000Z', 'a'], ['2026-01-02T00:00:00.000Z', 'b']] as const) await store().recordAudit({ ...base, at, action });
      const all = await store().listAudit({ orgId: org.id, since: '2000-01-01T00:00:00.000Z', limit: 10 });
      expect(all.map((e) => e.action)).to.deep.equal(['b', 'a', 'old']);
      expect(all[0]!.details).to.deep.equal({ n: 1 });
      const next = await store().listAudit({ orgId: org.id, since: '2000-01-01T00:00:00.000Z', before: { at: all[0]!.at, id: all[0]!.id }, limit: 1 });
      expect(next.map((e) => e.action)).to.deep.equal(['a']);
      expect(await store().pruneAccounts({ auditBefore: '2025-01-01T00:00:00.000Z', staleBefore: '2025-01-01T00:00:00.000Z' })).to.equal(1);
      expect((await store().listAudit({ orgId: org.id, since: '2000-01-01T00:00:00.000Z', limit: 10 })).map((e) => e.action)).to.deep.equal(['b', 'a']);
    });
  });
}
