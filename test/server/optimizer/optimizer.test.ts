import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { isVigilError } from '@vigil/shared';
import { lineage } from '../../../server/src/engines/lineage/lineage.js';
import { optimize } from '../../../server/src/engines/optimizer/optimize.js';
import { whereColumns } from '../../../server/src/engines/sql-parse/postgres-parser.js';
import type { Dialect } from '../../../server/src/engines/sql-parse/query-model.js';
import { SqlParsers } from '../../../server/src/engines/sql-parse/sql-parsers.js';
import { CORPUS } from './corpus.js';

/** The optimizer and lineage over the real parsers: PostgreSQL's (libpg-query) and ClickHouse's (chDB). */
describe('optimizer and lineage: real-world corpus, both dialects', function () {
  this.timeout(60_000);
  let parsers: SqlParsers;

  before(async () => {
    // No server here: a temporary chDB session, closed after so later suites can open theirs.
    parsers = new SqlParsers();
    await parsers.warm();
  });
  after(() => parsers.close());

  async function parseError(sql: string, dialect: Dialect): Promise<{ code: string; details: Record<string, unknown> }> {
    try {
      await parsers.parse(sql, dialect);
    } catch (err) {
      if (isVigilError(err)) return { code: err.code, details: { ...err.details } };
      throw err;
    }
    throw new Error(`parsed: ${sql}`);
  }

  it(`raises exactly the expected rules on each of ${CORPUS.length} queries, nothing on the clean ones`, async () => {
    const mismatches: string[] = [];
    for (const c of CORPUS) {
      const got = optimize(await parsers.parse(c.sql, c.dialect)).issues.map((i) => i.rule).sort();
      if (JSON.stringify(got) !== JSON.stringify([...c.rules].sort())) mismatches.push(`[${c.dialect}] ${c.sql.slice(0, 120)}: got ${got.join(',') || 'nothing'}, want ${c.rules.join(',') || 'nothing'}`);
    }
    expect(mismatches).to.deep.equal([]);
    expect(CORPUS.filter((c) => c.rules.length === 0).length).to.be.greaterThan(50);
  });

  it('ranks by severity then saving, and scales the cost with the workload', async () => {
    const stmt = await parsers.parse("SELECT * FROM events FINAL WHERE name LIKE '%x' ORDER BY ts", 'clickhouse');
    const result = optimize(stmt, { avgReadGb: 8, runsPerDay: 400, avgDurationMs: 5200 });
    expect(result.issues.map((i) => [i.rule, i.severity])).to.deep.equal([
      ['select_star', 'high'],
      ['final_modifier', 'high'],
      ['leading_wildcard_like', 'medium'],
      ['order_by_without_limit', 'medium'],
    ]);
    expect(result.cost.read_gb_per_day).to.equal(3200);
    expect(result.cost.compute_hours_per_day).to.be.closeTo(0.578, 0.001);
    // 1 − 0.5 × 0.6 × 0.7 × 0.8
    expect(result.cost.estimated_savings_pct).to.equal(83);
    expect(result.cost.estimated_read_gb_saved_per_day).to.be.closeTo(3200 * 0.832, 0.01);
    const without = optimize(stmt).cost;
    expect(without).to.include({ read_gb_per_day: null, compute_hours_per_day: null, estimated_read_gb_saved_per_day: null });
  });

  it('writes rewrites that are SQL of the same dialect and parse', async () => {
    const cases: Array<[Dialect, string, string, string]> = [
      ['postgresql', "SELECT id FROM users WHERE lower(email) = 'a@b.c'", 'function_on_filter_column', 'CREATE INDEX CONCURRENTLY ON users ((lower(email)));'],
      ['postgresql', "SELECT id FROM users u WHERE u.email LIKE '%@x.org'", 'leading_wildcard_like', 'CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE INDEX CONCURRENTLY ON users USING gin (email gin_trgm_ops);'],
      ['postgresql', 'SELECT id FROM orders o WHERE o.customer_id NOT IN (SELECT c.id FROM customers c WHERE c.banned)', 'not_in_subquery', 'NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id AND c.banned)'],
      ['clickhouse', "ALTER TABLE db.events DELETE WHERE user_id = 42 AND name = 'x'", 'alter_mutation', "DELETE FROM db.events WHERE (user_id = 42) AND (name = 'x');"],
      ['clickhouse', 'SELECT count(DISTINCT user_id) FROM events WHERE day = today()', 'count_distinct', 'uniq(user_id)'],
    ];
    for (const [dialect, sql, rule, rewrite] of cases) {
      const issue = optimize(await parsers.parse(sql, dialect)).issues.find((i) => i.rule === rule);
      expect(issue?.rewrite, sql).to.equal(rewrite);
      if (rewrite.includes('FROM') || rewrite.startsWith('CREATE')) await parsers.parse(rewrite.split(';\n').pop()!.replace(/^NOT EXISTS /, 'SELECT 1 WHERE NOT EXISTS '), dialect);
    }
  });

  it('reports syntax errors with line and column in both dialects, and one statement only', async () => {
    expect(await parseError('SELECT id\nFROM users\nWHERE (id = 1', 'clickhouse')).to.deep.include({ code: 'SQL_PARSE_ERROR' });
    expect((await parseError('SELECT id\nFROM users\nWHERE (id = 1', 'clickhouse')).details).to.include({ line: 3, column: 7 });
    expect((await parseError('SELECT id\nFROM users WHERE WHERE id = 1', 'postgresql')).details).to.include({ line: 2, column: 18 });
    expect((await parseError('SELECT 1; DROP TABLE telemetry', 'clickhouse')).details).to.include({ line: 1, column: 9 });
    expect((await parseError('SELECT 1; SELECT 2', 'postgresql')).code).to.equal('SQL_PARSE_ERROR');
    expect((await parseError('', 'postgresql')).code).to.equal('SQL_PARSE_ERROR');
    expect((await parseError('  ', 'clickhouse')).code).to.equal('SQL_PARSE_ERROR');
  });

  it("only parses: output clauses and a second statement never run in chDB", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-outfile-'));
    try {
      const file = join(dir, 'x.txt');
      const stmt = await parsers.parse(`SELECT a FROM t WHERE a = 1 INTO OUTFILE '${file}' FORMAT CSV`, 'clickhouse');
      expect(stmt.queryType).to.equal('SELECT');
      await parsers.parse(`SHOW TABLES INTO OUTFILE '${file}'`, 'clickhouse');
      await parseError(`SELECT 1; SELECT 1 INTO OUTFILE '${file}'`, 'clickhouse');
      expect(existsSync(file)).to.equal(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives lineage as the seed does, CTEs never counted as tables', async () => {
    const cases: Array<[Dialect, string, Record<string, unknown>]> = [
      ['postgresql', 'SELECT * FROM customers', { query_type: 'SELECT', tables_read: ['customers'], tables_written: [], columns_used: ['*'], ctes: [] }],
      [
        'postgresql',
        "WITH recent AS (SELECT id, customer_id FROM sales.orders WHERE created_at > now() - interval '1 day'), big AS (SELECT customer_id FROM recent GROUP BY customer_id HAVING count(*) > 3) INSERT INTO report.big_buyers (customer_id) SELECT b.customer_id FROM big b JOIN crm.customers c ON c.id = b.customer_id",
        { query_type: 'INSERT', tables_read: ['sales.orders', 'crm.customers'], tables_written: ['report.big_buyers'], ctes: ['recent', 'big'] },
      ],
      ['postgresql', 'CREATE TABLE archive.old_orders AS SELECT * FROM orders WHERE created_at < $1', { query_type: 'CREATE', tables_read: ['orders'], tables_written: ['archive.old_orders'] }],
      ['postgresql', 'UPDATE accounts a SET balance = a.balance + t.amount FROM transfers t WHERE t.account_id = a.id', { query_type: 'UPDATE', tables_read: ['transfers'], tables_written: ['accounts'] }],
      ['postgresql', 'DELETE FROM order_items oi USING orders o WHERE oi.order_id = o.id AND o.status = $1', { query_type: 'DELETE', tables_read: ['orders'], tables_written: ['order_items'] }],
      ['postgresql', 'SELECT email FROM customers UNION SELECT email FROM marketing.leads', { tables_read: ['customers', 'marketing.leads'], columns_used: ['email'] }],
      [
        'clickhouse',
        'WITH a AS (SELECT user_id FROM raw.events WHERE day = today()), b AS (SELECT user_id FROM a WHERE user_id > 10) SELECT t, count() AS n FROM b ARRAY JOIN [1, 2] AS t GROUP BY t ORDER BY n',
        { query_type: 'SELECT', tables_read: ['raw.events'], ctes: ['a', 'b'], columns_used: ['user_id', 'day'] },
      ],
      ['clickhouse', 'SELECT e.id, tag FROM db.events AS e ARRAY JOIN e.tags AS tag WHERE e.day = today()', { tables_read: ['db.events'], columns_used: ['e.id', 'e.tags', 'e.day'] }],
      ['clickhouse', 'INSERT INTO db.daily (day, users) SELECT day, uniq(user_id) FROM db.events GROUP BY day', { query_type: 'INSERT', tables_read: ['db.events'], tables_written: ['db.daily'] }],
      ['clickhouse', 'CREATE TABLE db.copy ENGINE = MergeTree ORDER BY id AS SELECT id FROM db.src', { query_type: 'CREATE', tables_read: ['db.src'], tables_written: ['db.copy'] }],
      ['clickhouse', 'ALTER TABLE db.events DELETE WHERE user_id = 42', { query_type: 'ALTER', tables_read: [], tables_written: ['db.events'], columns_used: ['user_id'] }],
    ];
    for (const [dialect, sql, want] of cases) expect(lineage(await parsers.parse(sql, dialect)), sql).to.deep.include(want);
  });

  it('whereColumns lists the columns a PostgreSQL statement filters on (for the advisors)', async () => {
    expect(await whereColumns('SELECT id FROM orders o WHERE o.customer_id = $1 AND status IN ($2, $3) AND lower(note) = $4')).to.deep.equal(['o.customer_id', 'status']);
    expect(await whereColumns('UPDATE users SET x = 1 WHERE email = $1 OR phone = $2')).to.deep.equal(['email', 'phone']);
  });
});
