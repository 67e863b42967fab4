import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { useClickHouse } from '../../harness/clickhouse.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { FakeLlm, readSse } from '../../helpers/fake-llm.js';
import { statementRow as statement } from '../../helpers/ask-fixtures.js';

const SECRET_KEY = 'sk-test-ask-secret-0123456789';

const sqlAnswer = (sql: string, words = 'Sums the calls per database.') => '```sql\n' + sql + '\n```\n' + words;

/**
 * Asking in words end to end: a real server (embedded stores), a local OpenAI-compatible server
 * answering with scripted SQL (hostile SQL included), SSE read by fetch as it streams; the guard,
 * execution, sessions, modes, the cache and tenancy are all the real ones.
 */
for (const telemetry of ['chdb', 'clickhouse'] as const) describe(`ask: chat over SSE, providers, modes, cache and tenancy (telemetry on ${telemetry})`, function () {
  this.timeout(90_000);
  // The ClickHouse variant stores telemetry on the harness server (18.16 on this machine), in a database of its own.
  const clickhouse = telemetry === 'clickhouse' ? useClickHouse() : undefined;
  let chDatabase: string | undefined;
  let t: TestServer;
  const llm = new FakeLlm();
  let a: { token: string; orgId: string; db: string; member: string };
  let b: { token: string; orgId: string; db: string };
  let providerId: string;

  const chat = async (token: string, body: unknown) => {
    const res = await fetch(`${t.baseUrl}/api/v1/chat`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.headers.get('content-type')?.startsWith('text/event-stream')) return { status: res.status, json: (await res.json()) as any, events: [] as { event: string; data: any }[], done: undefined as any };
    const events = await readSse(res);
    return { status: res.status, json: undefined as any, events, done: events.find((e) => e.event === 'done')?.data };
  };

  before(async () => {
    await llm.start();
    let env: Record<string, string> = { VIGIL_ALLOW_PRIVATE_WEBHOOKS: 'true' };
    if (clickhouse) {
      const ch = clickhouse();
      chDatabase = `vigil_ask_${randomBytes(6).toString('hex')}`;
      await ch.query(`CREATE DATABASE ${chDatabase}`);
      env = { ...env, CLICKHOUSE_URL: `${ch.httpUrl}/${chDatabase}` };
    }
    t = await startTestServer({ env });
    const orgA = await t.signup('ask-a');
    const orgB = await t.signup('ask-b');
    const meta = t.server.context.meta;
    const at = new Date().toISOString();
    const dbA = await meta.createDatabase({ orgId: orgA.orgId, name: 'orders', engine: 'postgres', engineVersion: '16', host: 'h', port: 5432, tags: {}, at });
    const dbB = await meta.createDatabase({ orgId: orgB.orgId, name: 'secret-db', engine: 'postgres', engineVersion: '16', host: 'h', port: 5432, tags: {}, at });
    await t.server.context.telemetry.insertStatements([statement(orgA.orgId, dbA.id, 'qa1', 10), statement(orgA.orgId, dbA.id, 'qa2', 5), statement(orgB.orgId, dbB.id, 'qb', 999_999)]);
    const { hashPassword } = await import('../../../server/src/auth/passwords.js');
    const email = `ask-member-${Date.now()}@example.com`;
    await meta.createUserInOrganization({ orgId: orgA.orgId, email, name: 'm', passwordHash: await hashPassword('member password'), role: 'member', emailVerified: true });
    const member = (await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'member password' } })).body.access_token;
    a = { token: orgA.accessToken, orgId: orgA.orgId, db: dbA.id, member };
    b = { token: orgB.accessToken, orgId: orgB.orgId, db: dbB.id };
  });
  after(async () => {
    await t?.close();
    await llm.close();
    if (clickhouse && chDatabase) await clickhouse().query(`DROP DATABASE ${chDatabase}`);
  });

  it('keeps a provider with its key sealed: never returned, never readable from the row', async () => {
    const res = await t.request('POST', '/api/v1/providers', { token: a.token, body: { name: 'local', kind: 'openai_compatible', base_url: llm.baseUrl, model: 'fake-sql-1', api_key: SECRET_KEY } });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ kind: 'openai_compatible', has_api_key: true, is_default: true, model: 'fake-sql-1' });
    providerId = res.body.id;
    const listed = await t.request('GET', '/api/v1/providers', { token: a.member });
    expect(JSON.stringify(listed.body)).not.to.include(SECRET_KEY);
    const row = await t.server.context.meta.ask.getProvider(a.orgId, providerId);
    expect(row!.api_key_sealed).to.match(/^v1\./).and.not.include(SECRET_KEY);
    expect((await t.request('GET', '/api/v1/providers', { token: b.token })).body.providers).to.deep.equal([]);
    const log = await t.request('GET', '/api/v1/org/audit-log', { token: a.token });
    expect(log.body.entries.find((e: { target: { type: string } }) => e.target.type === 'ask_provider')).to.deep.include({ action: 'settings.changed', target: { type: 'ask_provider', id: providerId } });
    expect(JSON.stringify(log.body)).not.to.include(SECRET_KEY);
    expect((await t.request('POST', '/api/v1/providers', { token: a.member, body: { name: 'x', kind: 'anthropic', model: 'm' } })).body.code).to.equal('AUTH_FORBIDDEN_ROLE');
  });

  it('answers a question over SSE: progress, sql, rows, explanation, done with tokens; only its own rows', async () => {
    llm.answer(sqlAnswer('SELECT database_id, sum(calls) AS calls FROM statement_stats GROUP BY database_id'));
    const r = await chat(a.member, { message: 'How many calls per database?' });
    expect(r.status).to.equal(200);
    const names = r.events.map((e) => e.event);
    expect(names[0]).to.equal('progress');
    expect(names).to.include.members(['delta', 'sql', 'rows', 'explanation', 'done']);
    expect(names.indexOf('sql')).to.be.lessThan(names.indexOf('rows'));
    expect(names[names.length - 1]).to.equal('done');
    expect(r.done).to.include({ status: 'executed', cache_hit: false, error: null, query_dialect: 'ClickHouse', explanation: 'Sums the calls per database.' });
    expect(r.done.query).to.match(/FROM statement_stats/);
    expect(r.done.results.rows.map((row: unknown[]) => [row[0], Number(row[1])])).to.deep.equal([[a.db, 15]]);
    expect(r.done.tokens.total).to.be.greaterThan(0);
    // The model got the key, the views and the starter examples; the key went nowhere else.
    const sent = llm.requests.at(-1)!;
    expect(sent.authorization).to.equal(`Bearer ${SECRET_KEY}`);
    expect(sent.body.messages[0]!.content).to.include('statement_stats').and.include('pg_table_stats');
    expect(sent.body.messages.some((m) => m.content.includes('Which tables grew most this week?'))).to.equal(true);
  });

  it('answers the same question from the cache, and counts it', async () => {
    const before = llm.requests.length;
    const r = await chat(a.token, { message: '  how many calls per DATABASE ' });
    expect(r.done).to.include({ status: 'cached', cache_hit: true });
    expect(r.done.results.rows.map((row: unknown[]) => Number(row[1]))).to.deep.equal([15]);
    expect(llm.requests.length).to.equal(before);
    const stats = await t.request('GET', '/api/v1/cache/stats', { token: a.token });
    expect(stats.body).to.include({ entries: 1, hits: 1, misses: 1 });
    expect((await t.request('GET', '/api/v1/cache/stats', { token: b.token })).body).to.include({ entries: 0, hits: 0 });
    expect((await t.request('DELETE', '/api/v1/cache', { token: a.token })).body).to.deep.equal({ removed: 1 });
  });

  it("refuses hostile SQL from the model: never rows, never another organization's data", async () => {
    const hostile = [
      'SELECT name, password FROM system.users',
      `SELECT * FROM statement_stats WHERE org_id = '${b.orgId}'`,
      "SELECT * FROM file('/etc/passwd', 'LineAsString')",
      'DROP TABLE statement_stats',
      `SELECT calls FROM statement_stats UNION ALL SELECT calls FROM default.statement_stats WHERE database_id = '${b.db}'`,
      'SELECT sum(calls) FROM statement_stats SETTINGS max_execution_time = 100000',
      "SELECT 1 INTO OUTFILE '/tmp/vigil-ask-e2e'",
    ];
    for (const sql of hostile) {
      llm.answer(sqlAnswer(sql, 'Here you go.'));
      const r = await chat(a.token, { message: `hostile ${sql}` });
      expect(r.done.status, sql).to.equal('error');
      expect(r.done.results, sql).to.equal(null);
      expect(r.done.error.code, sql).to.be.oneOf(['ASK_SQL_REFUSED', 'ASK_QUERY_FAILED', 'SQL_PARSE_ERROR']);
      expect(JSON.stringify(r.events), sql).not.to.include('999999').and.not.include(b.db);
    }
    const rows = await t.request('POST', '/api/v1/execute', { token: a.token, body: { sql: `SELECT sum(calls) AS c FROM statement_stats WHERE database_id = '${b.db}'` } });
    expect(rows.status).to.equal(200);
    expect(Number(rows.body.results.rows[0][0])).to.equal(0);
    const refused = await t.request('POST', '/api/v1/execute', { token: a.token, body: { sql: 'SELECT * FROM system.tables' } });
    expect([refused.status, refused.body.code, refused.body.reason]).to.deep.equal([400, 'ASK_SQL_REFUSED', 'not_a_view']);
  });

  it('keeps sessions with their messages in order, invisible to another organization', async () => {
    llm.answer(sqlAnswer('SELECT count() AS statements FROM statement_stats'));
    const first = await chat(a.token, { message: 'How many statement rows?', database_id: a.db });
    const sessionId = first.done.session_id;
    llm.answer(sqlAnswer('SELECT query_hash FROM statement_stats ORDER BY calls DESC LIMIT 1', 'The busiest statement.'));
    const second = await chat(a.token, { message: 'And the busiest one?', session_id: sessionId, database_id: a.db });
    expect(second.done.session_id).to.equal(sessionId);
    expect(second.done.results.rows).to.deep.equal([['qa1']]);
    // The follow-up carried the conversation so far.
    expect(llm.requests.at(-1)!.body.messages.map((m) => m.content)).to.include('How many statement rows?');
    const session = await t.request('GET', `/api/v1/chat/sessions/${sessionId}`, { token: a.member });
    expect(session.body.messages.map((m: { seq: number; role: string }) => [m.seq, m.role])).to.deep.equal([
      [1, 'user'],
      [2, 'assistant'],
      [3, 'user'],
      [4, 'assistant'],
    ]);
    expect(session.body.messages[3]).to.include({ status: 'executed', database_id: a.db });
    expect((await t.request('GET', '/api/v1/chat/sessions', { token: a.token })).body.sessions[0].id).to.equal(sessionId);
    expect((await t.request('GET', `/api/v1/chat/sessions/${sessionId}`, { token: b.token })).status).to.equal(404);
    expect((await t.request('GET', '/api/v1/chat/sessions', { token: b.token })).body.sessions).to.deep.equal([]);
    const intoA = await chat(b.token, { message: 'continue', session_id: sessionId });
    expect([intoA.status, intoA.json.code]).to.deep.equal([404, 'NOT_FOUND']);
    const withA = await chat(b.token, { message: 'use theirs', provider: providerId });
    expect([withA.status, withA.json.code]).to.deep.equal([404, 'NOT_FOUND']);
    const noProvider = await chat(b.token, { message: 'anything' });
    expect([noProvider.status, noProvider.json.code]).to.deep.equal([400, 'ASK_NO_PROVIDER']);
    const focusB = await chat(a.token, { message: 'their database', database_id: b.db });
    expect(focusB.status).to.equal(404);
  });

  it('holds SQL for approval under review_first, runs it once for an admin; generate_only never runs it', async () => {
    expect((await t.request('PUT', '/api/v1/ask/execution-mode', { token: a.member, body: { mode: 'review_first' } })).status).to.equal(403);
    expect((await t.request('PUT', '/api/v1/ask/execution-mode', { token: a.token, body: { mode: 'review_first' } })).body).to.deep.equal({ execution_mode: 'review_first' });
    llm.answer(sqlAnswer('SELECT sum(calls) AS calls FROM statement_stats'));
    const held = await chat(a.member, { message: 'Total calls?' });
    expect(held.done).to.include({ status: 'pending_approval', results: null });
    expect(held.events.map((e) => e.event)).not.to.include('rows');
    // A member may neither approve nor run SQL directly while review_first holds.
    expect((await t.request('POST', `/api/v1/chat/execute/${held.done.message_id}`, { token: a.member })).status).to.equal(403);
    expect((await t.request('POST', '/api/v1/execute', { token: a.member, body: { sql: 'SELECT 1' } })).body.code).to.equal('AUTH_FORBIDDEN_ROLE');
    expect((await t.request('POST', `/api/v1/chat/execute/${held.done.message_id}`, { token: b.token })).status).to.equal(404);
    const approved = await t.request('POST', `/api/v1/chat/execute/${held.done.message_id}`, { token: a.token });
    expect(approved.status).to.equal(200);
    expect(approved.body).to.include({ status: 'executed', message_id: held.done.message_id });
    expect(Number(approved.body.results.rows[0][0])).to.equal(15);
    const again = await t.request('POST', `/api/v1/chat/execute/${held.done.message_id}`, { token: a.token });
    expect([again.status, again.body.code]).to.deep.equal([409, 'ASK_NOT_PENDING']);

    await t.request('PUT', '/api/v1/ask/execution-mode', { token: a.token, body: { mode: 'generate_only' } });
    llm.answer(sqlAnswer('SELECT count() FROM statement_stats'));
    const only = await chat(a.token, { message: 'Count them' });
    expect(only.done).to.include({ status: 'query_only', results: null });
    expect(only.done.query).to.match(/count\(\)/);
    await t.request('PUT', '/api/v1/ask/execution-mode', { token: a.token, body: { mode: 'auto_execute' } });
  });

  it('reports a provider failure as the answer\'s error, with the provider\'s words and no key', async () => {
    llm.failNext = { status: 401, message: `Incorrect API key provided: ${SECRET_KEY}` };
    const r = await chat(a.token, { message: 'anything at all' });
    expect(r.done.status).to.equal('error');
    expect(r.done.error.code).to.equal('ASK_PROVIDER_FAILED');
    expect(JSON.stringify(r.events)).not.to.include(SECRET_KEY);
  });

  it('describes the views, keeps a semantic model and examples, and settings', async () => {
    const schema = await t.request('GET', '/api/v1/ask/schema', { token: a.member });
    const stats = schema.body.views.find((v: { name: string }) => v.name === 'statement_stats');
    expect(stats.columns.map((c: { name: string }) => c.name)).to.include.members(['database_id', 'ts', 'query_hash', 'calls', 'total_time_ms']).and.not.include('org_id');
    expect(stats.columns.find((c: { name: string }) => c.name === 'ts').type).to.equal('DateTime');
    expect(schema.body.views.map((v: { name: string }) => v.name)).to.include.members(['pg_activity_sessions', 'pg_locks', 'pg_wait_events', 'pg_table_stats', 'pg_index_stats', 'pg_replication_standbys', 'clickhouse_parts', 'clickhouse_merges', 'clickhouse_mutations', 'clickhouse_query_stats', 'health_scores', 'alerts', 'databases']);

    const model = { views: { statement_stats: { display_name: 'Query stats', columns: { calls: { description: 'executions in the window' } } } }, join_hints: [{ left: 'statement_stats.query_hash', right: 'statement_texts.query_hash' }], glossary: { slow: 'over 100 ms per call' } };
    expect((await t.request('PUT', '/api/v1/ask/semantic-model', { token: a.token, body: model })).status).to.equal(200);
    const bad = await t.request('PUT', '/api/v1/ask/semantic-model', { token: a.token, body: { views: { nope: {} } } });
    expect([bad.status, bad.body.body_field]).to.deep.equal([400, 'views.nope']);
    expect((await t.request('GET', '/api/v1/ask/semantic-model', { token: b.token })).body.views).to.deep.equal({});
    const described = await t.request('GET', '/api/v1/ask/schema', { token: a.token });
    expect(described.body.views.find((v: { name: string }) => v.name === 'statement_stats').display_name).to.equal('Query stats');
    llm.answer(sqlAnswer('SELECT 1 AS one'));
    await chat(a.token, { message: 'one?' });
    expect(llm.requests.at(-1)!.body.messages[0]!.content).to.include('Query stats').and.include('executions in the window').and.include('over 100 ms per call');

    const examples = await t.request('GET', '/api/v1/ask/examples', { token: a.token });
    expect(examples.body.examples.filter((e: { builtin: boolean }) => e.builtin).length).to.be.greaterThan(3);
    const created = await t.request('POST', '/api/v1/ask/examples', { token: a.token, body: { question: 'Busiest statement?', sql: 'SELECT query_hash FROM statement_stats ORDER BY calls DESC LIMIT 1' } });
    expect(created.status).to.equal(201);
    const hostileExample = await t.request('POST', '/api/v1/ask/examples', { token: a.token, body: { question: 'x', sql: 'SELECT * FROM system.users' } });
    expect(hostileExample.body.code).to.equal('ASK_SQL_REFUSED');
    expect((await t.request('DELETE', `/api/v1/ask/examples/${created.body.id}`, { token: b.token })).status).to.equal(404);
    expect((await t.request('DELETE', `/api/v1/ask/examples/${created.body.id}`, { token: a.token })).status).to.equal(204);

    const settings = await t.request('PUT', '/api/v1/ask/settings', { token: a.token, body: { max_rows: 1, cache_ttl_s: 60 } });
    expect(settings.body).to.include({ max_rows: 1, cache_ttl_s: 60, default_provider: providerId, execution_mode: 'auto_execute' });
    const cut = await t.request('POST', '/api/v1/execute', { token: a.token, body: { sql: 'SELECT query_hash FROM statement_stats', max_rows: 100 } });
    expect(cut.body.results).to.include({ row_count: 1, truncated: true });
  });

  it("limits an organization's questions a minute (each spends its model's tokens), with Retry-After", async () => {
    let refused: Response | undefined;
    for (let i = 0; i < 30 && !refused; i++) {
      llm.answer(sqlAnswer('SELECT 1 AS one'));
      const res = await fetch(`${t.baseUrl}/api/v1/chat`, { method: 'POST', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ message: `question ${i}` }) });
      if (res.status === 429) refused = res;
      else await res.text();
    }
    expect(refused, 'no 429 within 30 questions (the default is 20 a minute)').to.not.equal(undefined);
    expect(Number(refused!.headers.get('retry-after'))).to.be.greaterThan(0);
    expect(((await refused!.json()) as { code: string }).code).to.equal('ASK_RATE_LIMITED');
  });
});
