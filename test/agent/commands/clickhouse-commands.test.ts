import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { explainClickHouseQuery } from '../../../agent/src/commands/clickhouse-explain.js';
import { CommandDispatcher } from '../../../agent/src/commands/command-dispatcher.js';
import type { ClickHouseQueryClient, ClickHouseRow } from '../../../agent/src/collectors/clickhouse/clickhouse-query-client.js';
import { createAgentLogger } from '../../../agent/src/logging/agent-logger.js';
import { ChdbSqlClient } from '../../../server/src/storage/telemetry/chdb/chdb-telemetry-store.js';
import { rawSql } from '../../../server/src/storage/telemetry/clickhouse-sql.js';
import { useClickHouse } from '../../harness/clickhouse.ts';

describe('agent/commands against ClickHouse', () => {
  describe('Debian ClickHouse (18.16, before EXPLAIN)', () => {
    const clickhouse = useClickHouse();

    it('answers explain with "not supported on this version", and re-tests the connection', async () => {
      const dispatcher = new CommandDispatcher({
        databases: [{ name: 'events', engine: 'clickhouse', url: clickhouse().monitorUrl }],
        explainAllowed: () => true,
        status: () => ({}),
        secrets: [],
        logger: createAgentLogger('silent'),
      });
      const explain = await dispatcher.handle({ requestId: 'r1', kind: 'explain', argsJson: JSON.stringify({ database: 'events', query_hash: '123' }), timeoutMs: 10_000 });
      expect(explain).to.include({ requestId: 'r1', ok: false, errorCode: 'COMMAND_NOT_SUPPORTED' });
      expect(explain.error).to.include('not supported on this version').and.include(clickhouse().version);

      const test = await dispatcher.handle({ requestId: 'r2', kind: 'test_connection', argsJson: JSON.stringify({ database: 'events' }), timeoutMs: 10_000 });
      expect(test.ok).to.equal(true);
      const found = JSON.parse(test.resultJson!);
      expect(found).to.include({ database: 'events', engine: 'clickhouse', reachable: true, server_version: clickhouse().version });
      // The harness server has no remote_servers of its own nor a ZooKeeper: the topology says so rather than failing.
      expect(found.clusters).to.be.an('array');
      for (const replica of found.clusters) expect(replica).to.have.keys('cluster', 'shard_num', 'replica_num', 'host_name', 'port', 'is_local');
      expect(found.keeper).to.deep.equal({ configured: false, nodes: [], root_children: null, error: null });
    });
  });

  // chDB is a current ClickHouse in-process, without a query log of its own: a fixture table with the newer query_log schema stands in.
  describe('current ClickHouse (chDB)', () => {
    let dir: string;
    let chdb: ChdbSqlClient;
    let client: ClickHouseQueryClient;
    let version: string;
    const queryLog = { database: 'fixtures', table: 'query_log' };

    async function logQuery(query: string): Promise<string> {
      await chdb.command(rawSql(`INSERT INTO fixtures.query_log SELECT 'QueryFinish', today(), now(), q, normalizedQueryHash(q), 1 FROM (SELECT '${query.replaceAll("'", "\\'")}' AS q)`));
      return (await client.query(`SELECT toString(normalizedQueryHash('${query.replaceAll("'", "\\'")}')) AS h`))[0]!.h as string;
    }

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vigil-chdb-explain-'));
      chdb = new ChdbSqlClient(dir);
      client = { query: (text: string) => chdb.select<ClickHouseRow>(rawSql(text)) };
      for (const statement of [
        'CREATE DATABASE fixtures',
        'CREATE TABLE fixtures.events (user_id UInt32, ts DateTime, kind String) ENGINE = MergeTree ORDER BY (user_id, ts) SETTINGS index_granularity = 256',
        'INSERT INTO fixtures.events SELECT number % 1000, toDateTime(1767225600 + number), toString(number % 7) FROM numbers(100000)',
        "CREATE TABLE fixtures.query_log (type Enum8('QueryStart' = 1, 'QueryFinish' = 2, 'ExceptionBeforeStart' = 3, 'ExceptionWhileProcessing' = 4), event_date Date, event_time DateTime, query String, normalized_query_hash UInt64, is_initial_query UInt8) ENGINE = MergeTree ORDER BY event_time",
      ]) {
        await chdb.command(rawSql(statement));
      }
      version = (await client.query('SELECT version() AS v'))[0]!.v as string;
    });

    after(async () => {
      await chdb?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('explains a logged query by fingerprint with index use, and no literal in the plan', async () => {
      const hash = await logQuery("SELECT count() FROM fixtures.events WHERE user_id = 4242 AND kind = 'secret-kind'");
      const plan = await explainClickHouseQuery(client, version, 'events', hash, { queryLog });
      expect(plan).to.include({ engine: 'clickhouse', database: 'events', query_hash: hash, method: 'explain_indexes', total_cost: null });
      expect(plan.plan_text).to.include('ReadFromMergeTree').and.include('PrimaryKey').and.include('Granules');
      expect(plan.query_text).to.equal('SELECT count() FROM fixtures.events WHERE user_id = ? AND kind = ?');
      for (const text of [plan.plan_text, plan.query_text]) expect(text).not.to.include('4242').and.not.include('secret-kind');
      // Counts are figures, not literals: they stay.
      expect(plan.plan_text).to.match(/Granules: \d+\/\d+/);
      expect(plan.plan_hash).to.match(/^[0-9a-f]{16}$/);
    });

    it('refuses a logged write, and says when the fingerprint is not in the log', async () => {
      const hash = await logQuery('INSERT INTO fixtures.events VALUES (1, now(), 2)');
      const refused = await explainClickHouseQuery(client, version, 'events', hash, { queryLog }).catch((err: unknown) => err);
      expect(refused).to.have.property('code', 'COMMAND_REFUSED');
      const missing = await explainClickHouseQuery(client, version, 'events', '42', { queryLog }).catch((err: unknown) => err);
      expect(missing).to.have.property('code', 'STATEMENT_NOT_FOUND');
    });
  });
});
