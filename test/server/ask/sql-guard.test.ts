import { expect } from 'chai';
import { isVigilError } from '@vigil/shared';
import { SqlParsers } from '../../../server/src/engines/sql-parse/sql-parsers.js';
import { SqlGuard, type MetadataRows } from '../../../server/src/ask/sql-guard.js';
import { DEFAULT_ASK_LIMITS, runGuardedQuery } from '../../../server/src/ask/ask-executor.js';
import { STARTER_EXAMPLES } from '../../../server/src/ask/ask-prompt.js';
import type { TelemetryStore } from '../../../server/src/storage/telemetry/telemetry-store.js';
import type { StatementRow } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChdbTelemetryStore } from '../../../server/src/storage/telemetry/chdb/chdb-telemetry-store.js';
import { TELEMETRY_BACKENDS, type Backend } from '../../helpers/backends.js';

/**
 * The telemetry backends with the parser session the app gives each: on chDB the parser shares the
 * store's data directory (one per process), beside a ClickHouse server it opens its own.
 */
const ASK_BACKENDS: readonly Backend<{ telemetry: TelemetryStore; parsers: SqlParsers }>[] = TELEMETRY_BACKENDS.map((backend) => ({
  name: backend.name,
  setup() {
    if (backend.name === 'chdb') {
      return async () => {
        const dir = mkdtempSync(join(tmpdir(), 'vigil-ask-'));
        const telemetry = new ChdbTelemetryStore(dir);
        await telemetry.migrate();
        const parsers = new SqlParsers({ chdbDir: dir });
        return { store: { telemetry, parsers }, dispose: async () => (parsers.close(), await telemetry.close(), rmSync(dir, { recursive: true, force: true })) };
      };
    }
    const open = backend.setup();
    return async () => {
      const opened = await open();
      const parsers = new SqlParsers();
      return { store: { telemetry: opened.store, parsers }, dispose: async () => (parsers.close(), await opened.dispose()) };
    };
  },
}));

const ORG_A = 'org-a-0000';
const ORG_B = 'org-b-1111';
const DB_A = 'db-a';
const DB_A2 = 'db-a2';
const DB_B = 'db-b';

function statement(org: string, db: string, hash: string, calls: number, ts: number): StatementRow {
  return {
    org_id: org, database_id: db, batch_id: `${db}-${hash}-${ts}`, ts, window_start: ts - 60_000, query_hash: hash, dbid: 1, userid: 1, username: 'app', toplevel: true,
    calls, total_time_ms: calls * 2, rows: calls, shared_blks_hit: 0, shared_blks_read: 0, shared_blks_dirtied: 0, shared_blks_written: 0, temp_blks_read: 0, temp_blks_written: 0,
    blk_read_time_ms: 0, blk_write_time_ms: 0, total_plan_time_ms: 0, query_text: `SELECT ${hash}`, datname: 'app',
  } as StatementRow;
}

const metadata: MetadataRows = async (view) =>
  view.name === 'databases'
    ? [
        [DB_A, 'orders', 'postgresql', '16.2'],
        [DB_A2, 'events', 'clickhouse', '24.8'],
      ]
    : [
        ['al-1', DB_A, 'Blocked queries', 'pg.blocked_queries', 'warning', 'open', 3, 1, '', '2026-12-01 10:00:00', null],
        ['al-2', DB_A, "It's slow", 'pg.long_running', 'critical', 'resolved', 900.5, 600, 'pid 42', '2026-12-02 11:00:00', '2026-12-02 12:30:00'],
      ];

async function refusal(promise: Promise<unknown>): Promise<{ code: string; reason?: unknown }> {
  try {
    await promise;
  } catch (err) {
    if (isVigilError(err)) return { code: err.code, reason: err.details?.reason };
    throw err;
  }
  throw new Error('expected a refusal, got an answer');
}

for (const backend of ASK_BACKENDS) {
  describe(`ask SQL guard and execution (${backend.name})`, function () {
    this.timeout(60_000);
    const open = backend.setup();
    let opened: Awaited<ReturnType<typeof open>>;
    const store = () => opened.store.telemetry;
    let guard: SqlGuard;
    const now = Date.now();

    before(async () => {
      opened = await open();
      guard = new SqlGuard(opened.store.parsers);
      const s: TelemetryStore = store();
      await s.insertStatements([
        statement(ORG_A, DB_A, 'q1', 10, now - 120_000),
        statement(ORG_A, DB_A, 'q2', 5, now - 60_000),
        statement(ORG_A, DB_A2, 'q3', 7, now - 60_000),
        statement(ORG_B, DB_B, 'secret', 1000, now - 60_000),
      ]);
    });
    after(async () => opened?.dispose());

    const run = async (sql: string, orgId = ORG_A, databaseId?: string, limits = DEFAULT_ASK_LIMITS) => {
      const ctx = store().kindContext();
      const guarded = await guard.guard(sql, { orgId, databaseId }, ctx.schema.time, metadata);
      return runGuardedQuery(ctx.client, guarded.executable, limits);
    };

    it("answers over the caller's own rows only, with time columns as DateTime", async () => {
      const r = await run('SELECT database_id, sum(calls) AS calls, max(ts) > now() - INTERVAL 1 DAY AS recent FROM statement_stats GROUP BY database_id ORDER BY database_id');
      expect(r.columns).to.deep.equal(['database_id', 'calls', 'recent']);
      expect(r.rows.map((row) => [row[0], Number(row[1]), Number(row[2])])).to.deep.equal([
        [DB_A, 15, 1],
        [DB_A2, 7, 1],
      ]);
      const b = await run('SELECT sum(calls) AS calls FROM statement_stats', ORG_B);
      expect(Number(b.rows[0]![0])).to.equal(1000);
      // No rows still names the columns (ClickHouse's DESCRIBE of the query).
      const none = await run("SELECT database_id, calls FROM statement_stats WHERE database_id = 'no-such-db'");
      expect(none).to.deep.include({ columns: ['database_id', 'calls'], rows: [], row_count: 0 });
    });

    it('focuses on one database when asked, and joins views and the databases view', async () => {
      const r = await run('SELECT d.name, count() AS n FROM statement_stats AS s INNER JOIN databases AS d ON s.database_id = d.database_id GROUP BY d.name', ORG_A, DB_A2);
      expect(r.rows.map((row) => [row[0], Number(row[1])])).to.deep.equal([['events', 1]]);
      const texts = await run('SELECT query_text FROM `statement_texts` WHERE query_hash IN (SELECT query_hash FROM statement_stats) ORDER BY query_text');
      expect(texts.rows.flat()).to.deep.equal(['SELECT q1', 'SELECT q2', 'SELECT q3']);
      const cte = await run('WITH top AS (SELECT query_hash, sum(calls) AS c FROM statement_stats GROUP BY query_hash) SELECT query_hash FROM top ORDER BY c DESC LIMIT 1').catch((err) => err);
      // 18.16 has no WITH … AS (subquery): the guard still accepts it, the old server refuses it as SQL.
      if (backend.name === 'chdb') expect(cte.rows).to.deep.equal([['q1']]);
      else expect(cte.code).to.equal('ASK_QUERY_FAILED');
    });

    it('never returns another organization\'s rows, whatever the SQL says', async () => {
      const attempts = [
        "SELECT * FROM statement_stats WHERE org_id = 'org-b-1111'",
        "SELECT calls FROM statement_stats WHERE database_id = 'db-b'",
        'SELECT sum(calls) FROM statement_stats HAVING 1 OR 1',
      ];
      for (const sql of attempts) {
        const result = await run(sql).catch((err) => err);
        if (isVigilError(result)) expect(result.code, sql).to.be.oneOf(['ASK_QUERY_FAILED', 'ASK_SQL_REFUSED']);
        else expect(JSON.stringify(result.rows), sql).not.to.match(/1000|db-b|secret/);
      }
    });

    const hostile: [string, string, string | undefined][] = [
      ['SELECT * FROM system.tables', 'ASK_SQL_REFUSED', 'not_a_view'],
      ['SELECT name FROM system.users', 'ASK_SQL_REFUSED', 'not_a_view'],
      ["SELECT * FROM file('/etc/passwd', 'LineAsString')", 'ASK_SQL_REFUSED', 'function'],
      ["SELECT * FROM url('http://169.254.169.254/latest/meta-data', 'LineAsString')", 'ASK_SQL_REFUSED', 'function'],
      ["SELECT * FROM remote('127.0.0.1', default, statement_stats)", 'ASK_SQL_REFUSED', 'function'],
      ['SELECT * FROM pg_activity_raw', 'ASK_SQL_REFUSED', 'unknown_view'],
      ['SELECT * FROM default.statement_stats', 'ASK_SQL_REFUSED', 'not_a_view'],
      ["INSERT INTO statement_stats (org_id) VALUES ('x')", 'ASK_SQL_REFUSED', 'not_select'],
      ['DROP TABLE statement_stats', 'ASK_SQL_REFUSED', 'not_select'],
      ['ALTER TABLE statement_stats DELETE WHERE 1', 'ASK_SQL_REFUSED', 'not_select'],
      ['SELECT 1; DROP TABLE statement_stats', 'SQL_PARSE_ERROR', undefined],
      ['SELECT count() FROM statement_stats SETTINGS max_execution_time = 100000', 'ASK_SQL_REFUSED', 'settings'],
      ['SELECT * FROM (SELECT * FROM statement_stats SETTINGS readonly = 0)', 'ASK_SQL_REFUSED', 'settings'],
      ["SELECT 1 INTO OUTFILE '/tmp/vigil-ask-leak'", 'ASK_SQL_REFUSED', 'output_clause'],
      ['SELECT 1 FORMAT JSON', 'ASK_SQL_REFUSED', 'output_clause'],
      ['SELECT count() FROM statement_stats WHERE query_hash IN statement_texts', 'ASK_SQL_REFUSED', 'in_table'],
      ["SELECT dictGet('secrets', 'value', toUInt64(1))", 'ASK_SQL_REFUSED', 'function'],
      ["SELECT getSetting('max_memory_usage')", 'ASK_SQL_REFUSED', 'function'],
      ['SELECT (SELECT count() FROM system.processes)', 'ASK_SQL_REFUSED', 'not_a_view'],
      ['WITH x AS (SELECT * FROM x) SELECT * FROM x', 'ASK_SQL_REFUSED', 'unknown_view'],
      ['SELECT * FROM statement_stats UNION ALL SELECT * FROM system.one', 'ASK_SQL_REFUSED', 'not_a_view'],
      ['SELECT * FROM numbers(1000000000)', 'ASK_SQL_REFUSED', 'function'],
      ['SELECT * FROM statement_stats AS s, system.users AS u', 'ASK_SQL_REFUSED', 'not_a_view'],
      ['SeLeCt * FrOm System.Tables', 'ASK_SQL_REFUSED', 'not_a_view'],
      ['SELECT * FROM `system.users`', 'ASK_SQL_REFUSED', undefined],
      ['SELECT * FROM statement_stats AS s INNER JOIN (SELECT * FROM system.one) AS o ON 1 = 1', 'ASK_SQL_REFUSED', 'not_a_view'],
      ['SELECT * FROM statement_stats LIMIT 1 BY (SELECT count() FROM schema_migrations)', 'ASK_SQL_REFUSED', undefined],
      ["SELECT joinGet('j', 'v', 1)", 'ASK_SQL_REFUSED', 'function'],
      ['SELECT * FROM view(SELECT * FROM system.users)', 'ASK_SQL_REFUSED', 'function'],
      ['EXPLAIN SELECT 1', 'ASK_SQL_REFUSED', 'not_select'],
      ['SELECT count() FROM schema_migrations', 'ASK_SQL_REFUSED', 'unknown_view'],
    ];
    for (const [sql, code, reason] of hostile) {
      it(`refuses ${sql}`, async () => {
        const r = await refusal(run(sql));
        expect(r.code).to.equal(code);
        if (reason) expect(r.reason).to.equal(reason);
      });
    }

    it('reads the alerts view from metadata, times and nulls included', async () => {
      const r = await run("SELECT rule_name, severity, value, toString(opened_at) AS opened, resolved_at IS NULL AS still_open FROM alerts ORDER BY opened_at");
      expect(r.rows.map((row) => [row[0], row[1], Number(row[2]), row[3], Number(row[4])])).to.deep.equal([
        ['Blocked queries', 'warning', 3, '2026-12-01 10:00:00', 1],
        ["It's slow", 'critical', 900.5, '2026-12-02 11:00:00', 0],
      ]);
    });

    for (const example of STARTER_EXAMPLES) {
      it(`runs the starter example ${example.id}`, async () => {
        const r = await run(example.sql);
        expect(r.columns.length + r.row_count).to.be.greaterThan(-1);
      });
    }

    it('binds views read in subqueries of every clause', async () => {
      const r = await run('SELECT count() AS n FROM statement_stats WHERE (SELECT count() FROM statement_texts) > 0 AND database_id IN (SELECT database_id FROM databases) HAVING n > (SELECT count() FROM health_scores)', ORG_A);
      expect(Number(r.rows[0]![0])).to.equal(3);
    });

    it('cuts rows at max_rows and refuses work beyond the limits', async () => {
      const r = await run('SELECT query_hash FROM statement_stats ORDER BY query_hash', ORG_A, undefined, { ...DEFAULT_ASK_LIMITS, maxRows: 2 });
      expect(r).to.include({ row_count: 2, truncated: true });
      const limited = await refusal(run('SELECT count() FROM statement_stats', ORG_A, undefined, { ...DEFAULT_ASK_LIMITS, maxRowsToRead: 1 }));
      expect(limited.code).to.equal('ASK_QUERY_LIMIT');
    });
  });
}
