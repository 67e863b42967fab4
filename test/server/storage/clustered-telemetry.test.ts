import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { clusterStatement } from '../../../server/src/storage/telemetry/clickhouse/cluster-ddl.js';
import { CLUSTER_NAME, useClickHouseCluster } from '../../harness/clickhouse-cluster.js';
import { usePostgres } from '../../harness/postgres.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { waitFor } from '../../helpers/wait-for.js';
import { clickHouseFixture, type ClickHouseFixture } from '../api/clickhouse-agent.js';

describe('storage/telemetry/clickhouse/cluster-ddl', () => {
  const c = (statement: string) => clusterStatement(statement, 'prod', 'vigil');

  it('creates MergeTree family tables ON CLUSTER as their Replicated twins, their own engine arguments kept', () => {
    expect(c('CREATE TABLE IF NOT EXISTS parts (\n  ts UInt64\n) ENGINE = MergeTree\nPARTITION BY toYYYYMMDD(ts)\nORDER BY ts')).to.equal(
      "CREATE TABLE IF NOT EXISTS parts ON CLUSTER prod (\n  ts UInt64\n) ENGINE = ReplicatedMergeTree('/clickhouse/vigil/tables/{shard}/vigil/parts', '{replica}')\nPARTITION BY toYYYYMMDD(ts)\nORDER BY ts",
    );
    expect(c('CREATE TABLE IF NOT EXISTS hourly (a UInt64) ENGINE = SummingMergeTree((calls, total_ms)) ORDER BY a')).to.equal(
      "CREATE TABLE IF NOT EXISTS hourly ON CLUSTER prod (a UInt64) ENGINE = ReplicatedSummingMergeTree('/clickhouse/vigil/tables/{shard}/vigil/hourly', '{replica}', (calls, total_ms)) ORDER BY a",
    );
    expect(c('CREATE TABLE IF NOT EXISTS texts (a UInt64) ENGINE = ReplacingMergeTree(last_seen) ORDER BY a')).to.include("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/vigil/tables/{shard}/vigil/texts', '{replica}', last_seen)");
    expect(c('CREATE TABLE IF NOT EXISTS empty (a UInt64) ENGINE = ReplacingMergeTree() ORDER BY a')).to.include("ReplicatedReplacingMergeTree('/clickhouse/vigil/tables/{shard}/vigil/empty', '{replica}')");
  });

  it('sends views, column changes and drops ON CLUSTER; data statements pass unchanged (ClickHouse replicates them)', () => {
    expect(c('CREATE MATERIALIZED VIEW IF NOT EXISTS hourly_mv TO hourly AS SELECT a FROM raw')).to.equal('CREATE MATERIALIZED VIEW IF NOT EXISTS hourly_mv ON CLUSTER prod TO vigil.hourly AS SELECT a FROM vigil.raw');
    expect(c('ALTER TABLE clickhouse_server ADD COLUMN memory_limit_bytes UInt64')).to.equal('ALTER TABLE clickhouse_server ON CLUSTER prod ADD COLUMN memory_limit_bytes UInt64');
    expect(c('DROP TABLE IF EXISTS old')).to.equal('DROP TABLE IF EXISTS old ON CLUSTER prod');
    // A projection is table metadata of a Replicated table (replicated through Keeper), its materialization a mutation.
    for (const statement of ["ALTER TABLE parts DELETE WHERE org_id = 'o'", "ALTER TABLE parts DROP PARTITION ID '20261101'", 'ALTER TABLE raw ADD PROJECTION IF NOT EXISTS p (SELECT a ORDER BY a)', 'ALTER TABLE raw MATERIALIZE PROJECTION p', 'INSERT INTO schema_migrations (version) VALUES (1)', 'SELECT 1']) {
      expect(c(statement)).to.equal(statement);
    }
  });

  it('refuses a cluster name that is not a plain identifier', () => {
    expect(() => clusterStatement('DROP TABLE x', 'a b', 'vigil')).to.throw(/not a plain identifier/);
  });
});

/**
 * Vigil's own telemetry on the two-replica harness cluster: two server processes' stores, one on
 * each replica, over one PostgreSQL metadata store, with CLICKHOUSE_CLUSTER set. The schema is
 * created ON CLUSTER (both replicas hold every table, all Replicated*), a collection stored through
 * the server on r1 is what the server on r2 answers, figure for figure.
 */
describe('telemetry on a replicated ClickHouse cluster (CLICKHOUSE_CLUSTER)', function () {
  this.timeout(120_000);
  const cluster = useClickHouseCluster();
  const postgres = usePostgres();
  const name = `vigil_cluster_${randomBytes(4).toString('hex')}`;
  const servers: TestServer[] = [];
  let fixture: ClickHouseFixture;

  before(async () => {
    const [r1] = cluster().replicas;
    await r1.query(`CREATE DATABASE ${name} ON CLUSTER ${CLUSTER_NAME}`);
    await postgres().query(`CREATE DATABASE ${name}`);
    const meta = new URL(postgres().superuserUrl);
    meta.pathname = `/${name}`;
    for (const replica of cluster().replicas) {
      const env = { DATABASE_URL: meta.href, CLICKHOUSE_URL: `${replica.httpUrl}/${name}`, CLICKHOUSE_CLUSTER: CLUSTER_NAME, VIGIL_JWT_SECRET: 'c'.repeat(32) };
      // One after the other: the second finds every migration applied by the first, on its replica too.
      servers.push(await startTestServer({ env }));
    }
    fixture = await clickHouseFixture(servers[0]!);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.server.close()));
    await cluster()
      .replicas[0].query(`DROP DATABASE IF EXISTS ${name} ON CLUSTER ${CLUSTER_NAME}`)
      .catch(() => undefined);
    await postgres()
      .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      .catch(() => undefined);
  });

  it('creates the schema on both replicas, every table Replicated*, the migrations recorded once per replica', async () => {
    const tablesOf = (i: 0 | 1) =>
      cluster().replicas[i].queryRows<{ name: string; engine: string }>(`SELECT name, engine FROM system.tables WHERE database = '${name}' ORDER BY name`);
    const [one, two] = [await tablesOf(0), await tablesOf(1)];
    expect(one.length).to.be.greaterThan(20);
    expect(two).to.deep.equal(one);
    for (const t of one) expect(t.engine, t.name).to.match(/^(Replicated\w*MergeTree|MaterializedView)$/);
    const applied = (i: 0 | 1) => cluster().replicas[i].queryRows<{ version: number }>(`SELECT DISTINCT version FROM ${name}.schema_migrations ORDER BY version`);
    expect((await applied(1)).map((r) => r.version)).to.deep.equal((await applied(0)).map((r) => r.version));
    expect((await applied(0)).map((r) => r.version)).to.include.members([1, 205, 210, 211]);
  });

  it('a collection stored through the server on r1 reads the same through the server on r2', async () => {
    const paths = [
      `/api/v1/databases/${fixture.chId}/parts`,
      `/api/v1/databases/${fixture.chId}/panels/disk`,
      `/api/v1/databases/${fixture.chId}/panels/replication?range=1h`,
      `/api/v1/databases/${fixture.chId}/panels/mutations`,
      `/api/v1/databases/${fixture.chId}/server-metrics`,
    ];
    const read = async (server: TestServer, path: string) => {
      const res = await server.request('GET', path, { apiKey: fixture.readKey });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.equal(200);
      // `until`/`since` follow the clock of the request.
      return JSON.stringify(res.body, (k, v) => (k === 'until' || k === 'since' ? undefined : v));
    };
    for (const path of paths) {
      const onR1 = await read(servers[0]!, path);
      expect(onR1, path).to.not.include('"ts":null');
      // r2 fetches the parts r1 wrote asynchronously: the same answer once it has them.
      await waitFor(`${path} on r2 to match r1`, 30_000, async () => ((await read(servers[1]!, path)) === onR1 ? true : undefined));
    }
  });
});
