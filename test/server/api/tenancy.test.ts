import { expect } from 'chai';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { connectRawAgent, hello } from '../../helpers/raw-agent.js';
import { hashPassword } from '../../../server/src/auth/passwords.js';
import { unusedIndexFinding } from '../../helpers/advisor-fixtures.js';

type Operation = { method: string; path: string; auth: boolean; params: string[]; role?: 'owner' | 'admin' | 'member' };

/**
 * Walks every documented operation, so a route added later is covered without editing this file:
 * org A's credentials get 404 (never 403, never data) for org B's resources, and an agent key gets
 * 403 on every read endpoint.
 */
describe('server: tenancy across every route', () => {
  let t: TestServer;
  let a: { token: string; agentKey: string; readKey: string; member: string; admin: string };
  let b: {
    token: string;
    databaseId: string;
    apiKeyId: string;
    scanId: string;
    recommendationId: string;
    userId: string;
    invitationId: string;
    providerId: string;
    sessionId: string;
    messageId: string;
    exampleId: string;
  };
  let operations: Operation[];

  before(async () => {
    // No scan job at work: it would run org B's queued scan below and close its recommendation.
    t = await startTestServer({ env: { VIGIL_SCAN_INTERVAL_H: '0', VIGIL_SCAN_POLL_MS: '60000' } });
    const orgA = await t.signup('tenant-a');
    // A member and an admin of A, added as an accepted invitation would (the invitation flow itself: test/server/auth/).
    const withRole = async (role: 'member' | 'admin'): Promise<string> => {
      const email = `${role}-${Date.now()}@example.com`;
      await t.server.context.meta.createUserInOrganization({ orgId: orgA.orgId, email, name: role, passwordHash: await hashPassword('role password'), role, emailVerified: true });
      return (await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'role password' } })).body.access_token;
    };
    a = { token: orgA.accessToken, agentKey: await t.createKey(orgA.accessToken, 'agent'), readKey: await t.createKey(orgA.accessToken, 'read'), member: await withRole('member'), admin: await withRole('admin') };
    const orgB = await t.signup('tenant-b');
    const agent = await connectRawAgent(t.wsUrl, await t.createKey(orgB.accessToken, 'agent'));
    agent.send(hello(['b-db']));
    const databaseId = (await agent.next()).welcome!.databases![0]!.id!;
    agent.ws.close();
    const keys = await t.request('GET', '/api/v1/api-keys', { token: orgB.accessToken });
    // Org B's scan and one recommendation, so the scan and recommendation ids are real ones of another organization.
    const advisors = t.server.context.meta.advisors;
    const scan = (await advisors.requestScan(orgB.orgId, databaseId, 'manual', new Date().toISOString())).scan;
    const summary = { findings: 1, new: 1, resolved: 0, applied: 0 };
    expect(await advisors.startScan(scan.id, new Date().toISOString())).to.equal(true);
    await advisors.applyScanChanges(scan, 'postgres', { created: [unusedIndexFinding], seen: [], closed: [], summary }, new Date().toISOString());
    await advisors.finishScan(scan.id, { status: 'done', summary }, new Date().toISOString());
    const recommendationId = (await advisors.databaseRecommendations(databaseId))[0]!.id;
    const me = await t.request('GET', '/api/v1/auth/me', { token: orgB.accessToken });
    // A pending invitation of org B (without SMTP its answer carries the accept link; the id is what matters here).
    const invitation = await t.request('POST', '/api/v1/org/invitations', { token: orgB.accessToken, body: { email: `b-invitee-${Date.now()}@example.com` } });
    // Org B's ask provider, chat session with a message held for approval, and example (issue 17).
    const ask = t.server.context.meta.ask;
    const now = new Date().toISOString();
    const provider = await ask.createProvider({ id: `prov-${Date.now()}`, org_id: orgB.orgId, name: 'b-llm', kind: 'openai_compatible', base_url: null, model: 'm', api_key_sealed: null, timeout_s: 30 }, now);
    const session = await ask.createSession({ id: `sess-${Date.now()}`, org_id: orgB.orgId, title: 'b question', created_at: now, updated_at: now });
    const message = await ask.appendMessage({ id: `msg-${Date.now()}`, session_id: session.id, org_id: orgB.orgId, role: 'assistant', content: '', query: 'SELECT 1', status: 'pending_approval', database_id: null, provider_id: provider.id, results: null, error: null, tokens: null, created_at: now });
    const example = await ask.createExample({ id: `ex-${Date.now()}`, org_id: orgB.orgId, question: 'q', sql: 'SELECT 1', created_at: now });
    b = {
      token: orgB.accessToken,
      databaseId,
      apiKeyId: keys.body.api_keys[0].id,
      scanId: scan.id,
      recommendationId,
      userId: me.body.user.id,
      invitationId: invitation.body.id,
      providerId: provider.id,
      sessionId: session.id,
      messageId: message.id,
      exampleId: example.id,
    };

    const spec = (await t.request('GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[]; 'x-vigil-role'?: Operation['role'] }>> };
    operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method,
        path,
        auth: !(Array.isArray(op.security) && op.security.length === 0),
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        role: op['x-vigil-role'],
      })),
    );
  });
  after(async () => {
    await t.close();
  });

  /** Org B's id for a path parameter, by the resource the path names. */
  function orgBValue(path: string, param: string): string {
    if (path.startsWith('/api-keys/')) return b.apiKeyId;
    if (path.startsWith('/org/members/')) return b.userId;
    if (path.startsWith('/org/invitations/')) return b.invitationId;
    if (path.startsWith('/recommendations/')) return b.recommendationId;
    if (path.startsWith('/providers/')) return b.providerId;
    if (path.startsWith('/chat/sessions/')) return b.sessionId;
    if (path.startsWith('/ask/examples/')) return b.exampleId;
    if (param === 'message_id') return b.messageId;
    if (param === 'scan_id') return b.scanId;
    if (param === 'id') return b.databaseId;
    return 'x';
  }

  it("answers 404 to org A for every path naming org B's resources", async () => {
    const scoped = operations.filter((op) => op.auth && op.params.length > 0);
    expect(scoped.length).to.be.greaterThan(1);
    for (const op of scoped) {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(orgBValue(op.path, name)));
      const body = op.method === 'get' || op.method === 'delete' ? undefined : {};
      const res = await t.request(op.method.toUpperCase(), `/api/v1${path}`, { token: a.token, body });
      // A write may refuse the empty body before looking the resource up; that reveals nothing.
      const allowed = body === undefined ? [404] : [404, 400];
      expect(res.status, `${op.method.toUpperCase()} ${op.path}`).to.be.oneOf(allowed);
    }
    // And org B still sees its own database: nothing above changed it.
    expect((await t.request('GET', `/api/v1/databases/${b.databaseId}`, { token: b.token })).status).to.equal(200);
    // Nor its ask resources: the provider, the session and its pending message are as they were.
    expect((await t.request('GET', `/api/v1/providers/${b.providerId}`, { token: b.token })).status).to.equal(200);
    expect((await t.request('GET', `/api/v1/chat/sessions/${b.sessionId}`, { token: b.token })).body.messages[0]).to.include({ id: b.messageId, status: 'pending_approval' });
    expect((await t.request('GET', '/api/v1/ask/examples', { token: b.token })).body.examples.map((e: { id: string }) => e.id)).to.include(b.exampleId);
  });

  it("keeps org B's invitations out of org A's reach: not listed, not revocable (404), still pending", async () => {
    expect((await t.request('GET', '/api/v1/org/invitations', { token: a.token })).body.invitations).to.deep.equal([]);
    expect((await t.request('DELETE', `/api/v1/org/invitations/${b.invitationId}`, { token: a.admin })).status).to.equal(404);
    expect((await t.request('GET', '/api/v1/org/invitations', { token: b.token })).body.invitations.map((i: { id: string }) => i.id)).to.deep.equal([b.invitationId]);
  });

  it("refuses a valid status change of org B's recommendation with 404 and leaves it as it was", async () => {
    const res = await t.request('PATCH', `/api/v1/recommendations/${b.recommendationId}/status`, { token: a.token, body: { status: 'dismissed' } });
    expect(res.status).to.equal(404);
    expect((await t.request('GET', `/api/v1/recommendations/${b.recommendationId}`, { token: b.token })).body).to.deep.include({ status: 'open', attribution: null });
    expect((await t.request('GET', '/api/v1/recommendations', { token: a.token })).body.total).to.equal(0);
  });

  it('gives an agent key 403 on every authenticated endpoint, and a read key 403 on every admin one', async () => {
    for (const op of operations.filter((o) => o.auth)) {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(orgBValue(op.path, name)));
      const body = op.method === 'get' || op.method === 'delete' ? undefined : {};
      const res = await t.request(op.method.toUpperCase(), `/api/v1${path}`, { apiKey: a.agentKey, body });
      expect(res.status, `${op.method.toUpperCase()} ${op.path}`).to.equal(403);
      expect(res.body.code).to.equal('AUTH_FORBIDDEN_SCOPE');
    }
    const adminOnly = operations.filter((o) => o.path.startsWith('/api-keys'));
    for (const op of adminOnly) {
      const path = op.path.replace(/\{(\w+)\}/g, () => b.apiKeyId);
      const res = await t.request(op.method.toUpperCase(), `/api/v1${path}`, { apiKey: a.readKey, body: op.method === 'post' ? { name: 'x' } : undefined });
      expect(res.status, `${op.method.toUpperCase()} ${op.path}`).to.equal(403);
    }
  });

  it('declares a role on every authenticated route: a member gets 403 AUTH_FORBIDDEN_ROLE on exactly the admin ones, an admin on none below owner, an owner on none', async () => {
    const authenticated = operations.filter((o) => o.auth);
    for (const op of authenticated) expect(op.role, `${op.method.toUpperCase()} ${op.path}`).to.be.oneOf(['member', 'admin', 'owner']);
    expect(authenticated.filter((o) => o.role === 'admin').length).to.be.greaterThan(5);
    for (const op of authenticated) {
      // Paths name made-up resources: the role check comes first, so a member is refused before any lookup.
      const path = op.path.replace(/\{(\w+)\}/g, () => 'x');
      const body = op.method === 'get' || op.method === 'delete' ? undefined : {};
      const asMember = await t.request(op.method.toUpperCase(), `/api/v1${path}`, { token: a.member, body });
      const asAdmin = await t.request(op.method.toUpperCase(), `/api/v1${path}`, { token: a.admin, body });
      const asOwner = await t.request(op.method.toUpperCase(), `/api/v1${path}`, { token: a.token, body });
      const what = `${op.method.toUpperCase()} ${op.path}`;
      if (op.role === 'member') expect(asMember.body?.code, what).to.not.equal('AUTH_FORBIDDEN_ROLE');
      else expect([asMember.status, asMember.body.code], what).to.deep.equal([403, 'AUTH_FORBIDDEN_ROLE']);
      if (op.role !== 'owner') expect(asAdmin.body?.code, what).to.not.equal('AUTH_FORBIDDEN_ROLE');
      else expect([asAdmin.status, asAdmin.body.code], what).to.deep.equal([403, 'AUTH_FORBIDDEN_ROLE']);
      expect(asOwner.body?.code, what).to.not.equal('AUTH_FORBIDDEN_ROLE');
    }
  });
});
