import { expect } from 'chai';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const LIMIT = 30;

/** The public routes over HTTP: no credentials, strict input, stable codes, and the per-address limit. */
describe('public routes: /queries/optimize, /queries/lineage, /connectivity/modes', function () {
  this.timeout(60_000);
  let t: TestServer;

  before(async () => {
    t = await startTestServer({ env: { VIGIL_PUBLIC_RATE_LIMIT_PER_MIN: String(LIMIT) } });
  });
  after(async () => {
    await t.close();
  });

  it("answers OptiHouse's example without credentials, issues ranked, cost scaled", async () => {
    const res = await t.request('POST', '/api/v1/queries/optimize', { body: { sql: 'SELECT * FROM events WHERE toDate(ts) = today()', avg_read_gb: 8.0, runs_per_day: 400, avg_duration_ms: 5200 } });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.include({ dialect: 'clickhouse', query_type: 'SELECT' });
    // toDate(ts) compared with a constant is fine on ClickHouse: only SELECT * is raised.
    expect(res.body.issues.map((i: { rule: string }) => i.rule)).to.deep.equal(['select_star']);
    expect(res.body.issues[0]).to.include({ severity: 'high', rewrite: null });
    expect(res.body.cost).to.include({ read_gb_per_day: 3200, estimated_savings_pct: 50, estimated_read_gb_saved_per_day: 1600 });

    const pg = await t.request('POST', '/api/v1/queries/optimize', { body: { sql: 'SELECT id FROM events WHERE date(ts) = current_date', dialect: 'postgresql' } });
    expect(pg.status).to.equal(200);
    expect(pg.body.issues.map((i: { rule: string }) => i.rule)).to.deep.equal(['function_on_filter_column']);
    expect(pg.body.cost).to.include({ read_gb_per_day: null });

    const clean = await t.request('POST', '/api/v1/queries/optimize', { body: { sql: 'SELECT id FROM users WHERE id = $1', dialect: 'postgresql' } });
    expect(clean.body.issues).to.deep.equal([]);
  });

  it('refuses too long SQL (413), bad SQL (422 with line and column) and unknown fields (400)', async () => {
    const long = await t.request('POST', '/api/v1/queries/optimize', { body: { sql: `SELECT 1 -- ${'x'.repeat(50_000)}` } });
    expect(long.status).to.equal(413);
    expect(long.body.code).to.equal('SQL_TOO_LONG');
    const bad = await t.request('POST', '/api/v1/queries/optimize', { body: { sql: 'SELECT a\nFROM t WHERE (x' } });
    expect(bad.status).to.equal(422);
    expect(bad.body).to.include({ code: 'SQL_PARSE_ERROR', line: 2, column: 14 });
    const badPg = await t.request('POST', '/api/v1/queries/lineage', { body: { sql: 'SELEC 1', dialect: 'postgresql' } });
    expect(badPg.body).to.include({ code: 'SQL_PARSE_ERROR', line: 1, column: 1 });
    const unknown = await t.request('POST', '/api/v1/queries/optimize', { body: { sql: 'SELECT 1', dialect: 'mysql' } });
    expect(unknown.status).to.equal(400);
    const extra = await t.request('POST', '/api/v1/queries/lineage', { body: { sql: 'SELECT 1', explain: true } });
    expect(extra.body).to.include({ code: 'VALIDATION_FAILED', body_field: 'explain' });
  });

  it('serves lineage and the connectivity catalogue', async () => {
    const res = await t.request('POST', '/api/v1/queries/lineage', { body: { sql: 'SELECT * FROM customers', dialect: 'postgresql' } });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ query_type: 'SELECT', tables_read: ['customers'], tables_written: [], columns_used: ['*'], ctes: [] });
    const modes = await t.request('GET', '/api/v1/connectivity/modes');
    expect(modes.status).to.equal(200);
    expect(modes.body.minimum_versions).to.deep.include({ postgresql: { minimum: '12', note: modes.body.minimum_versions.postgresql.note } });
    expect(modes.body.modes.map((m: { id: string }) => m.id)).to.include.members(['agent_on_host', 'agent_beside_managed_database', 'agent_through_https_proxy', 'kubernetes_deployment']);
    expect(modes.body.modes.find((m: { id: string }) => m.id === 'server_pulls_from_database').status).to.equal('not_supported');
  });

  it('limits each client address with 429 RATE_LIMITED and Retry-After', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < LIMIT + 1 && !limited; i++) {
      const res = await fetch(`${t.baseUrl}/api/v1/connectivity/modes`);
      if (res.status === 429) limited = res;
      else await res.text();
    }
    expect(limited, 'no 429 within the limit + 1').to.not.equal(undefined);
    expect(Number(limited!.headers.get('retry-after'))).to.be.within(1, 60);
    expect(await limited!.json()).to.include({ code: 'RATE_LIMITED' });
    // The other public routes share the allowance; authenticated routes are not limited.
    expect((await t.request('POST', '/api/v1/queries/optimize', { body: { sql: 'SELECT 1' } })).status).to.equal(429);
    expect((await t.request('GET', '/api/v1/health')).status).to.equal(200);
  });
});
