import { expect } from 'chai';
import pg from 'pg';
import type { vigil } from '@vigil/proto';
import { tablesTask } from '../../../agent/src/collectors/postgres/tables-task.js';
import type { PgTaskClient } from '../../../agent/src/collectors/postgres/pg-query-client.js';
import type { DatabaseConfig } from '../../../agent/src/config/agent-config.js';
import type { DatabaseSession } from '../../../agent/src/runner/database-session.js';
import { ENGINE_DRIVERS } from '../../../agent/src/runner/engine-drivers.js';
import { createAppDatabase, usePostgres } from '../../harness/postgres.js';

/**
 * The tables task on an application database like a user's (serial and identity columns, a
 * partitioned table, views, toast, two schemas), reached the way the runner reaches it: through
 * the engine driver's session for a config entry whose `databases:` lists it.
 */
describe('agent/collectors/postgres/tables-task on an application database', function () {
  this.timeout(60_000);
  const postgres = usePostgres();
  const appdb = `vigil_appdb_${process.pid}`;
  const closedDb = `vigil_closed_${process.pid}`;
  const sessions: DatabaseSession<unknown>[] = [];

  before(async () => {
    await createAppDatabase(postgres(), appdb);
    await postgres().query(`DROP DATABASE IF EXISTS ${closedDb}`);
    // A database the monitoring role is allowed into but cannot connect to: no slot for anyone but a superuser.
    await postgres().query(`CREATE DATABASE ${closedDb} CONNECTION LIMIT 0`);
  });
  after(async () => {
    await Promise.all(sessions.map((session) => session.close()));
    await postgres().query(`DROP DATABASE IF EXISTS ${appdb} WITH (FORCE)`);
    await postgres().query(`DROP DATABASE IF EXISTS ${closedDb} WITH (FORCE)`);
  });

  function urlAs(base: string, role?: string): string {
    const url = new URL(base);
    if (role) url.username = role;
    return url.toString();
  }

  /** One run of the tables task through the runner's driver for `entry`. */
  async function runTables(entry: Omit<DatabaseConfig, 'name' | 'engine'>, wrap?: (client: PgTaskClient) => PgTaskClient) {
    const session = ENGINE_DRIVERS.postgres!.openSession({ name: 'app', engine: 'postgres', ...entry }, { statementTimeoutMs: 10_000 });
    sessions.push(session);
    const signal = new AbortController().signal;
    const client = (await session.client({ signal, statementTimeoutMs: 10_000 })) as PgTaskClient;
    return tablesTask.run({ client: wrap ? wrap(client) : client, previous: undefined, nowMs: Date.now(), signal });
  }

  function objectsOf(records: { pgDatabaseObjects?: vigil.v1.IPgDatabaseObjects[] | null }, datname: string): vigil.v1.IPgDatabaseObjects {
    const found = (records.pgDatabaseObjects ?? []).find((objects) => objects.datname === datname);
    expect(found, `objects of ${datname} in ${JSON.stringify((records.pgDatabaseObjects ?? []).map((o) => o.datname))}`).to.not.equal(undefined);
    return found!;
  }

  const names = (rows: { schema?: string | null; name?: string | null }[] | null | undefined): string[] => (rows ?? []).map((row) => `${row.schema}.${row.name}`).sort();

  it('collects tables, indexes and sequences of every listed database, as superuser', async () => {
    const result = await runTables({ url: postgres().superuserUrl, databases: [appdb, 'postgres'] });
    expect(result.statuses.map((s) => s.code)).to.deep.equal([]);
    const app = objectsOf(result.records, appdb);
    expect(names(app.tables)).to.include.members([
      'shop.customers',
      'shop.orders',
      'shop.documents',
      'shop.customer_totals',
      'audit.events_2026_01',
      'audit.events_2026_02',
    ]);
    const documents = app.tables!.find((table) => table.name === 'documents')!;
    expect(Number(documents.toastBytes)).to.be.greaterThan(0);
    expect((app.indexes ?? []).map((index) => index.name)).to.include.members(['orders_customer_idx', 'customers_email_key', 'customer_totals_customer_idx', 'events_2026_01_at_idx']);
    expect(names(app.sequences)).to.include.members(['shop.customers_id_seq', 'shop.orders_id_seq', 'shop.documents_id_seq', 'audit.events_id_seq', 'shop.invoice_numbers']);
    objectsOf(result.records, 'postgres');
  });

  it('collects them as a non-superuser with pg_monitor, naming the sequences it may not read', async () => {
    const monitor = postgres().monitorUrl;
    const before = await runTables({ url: monitor, databases: [appdb, 'postgres'] });
    const app = objectsOf(before.records, appdb);
    expect(names(app.tables)).to.include.members(['shop.customers', 'shop.orders', 'audit.events_2026_01']);
    expect((app.indexes ?? []).length).to.be.greaterThan(4);
    expect(before.statuses.map((s) => s.code)).to.deep.equal(['sequence_privilege_missing']);
    expect(before.statuses[0]!.fixSql).to.include(`GRANT SELECT ON ALL SEQUENCES IN SCHEMA "shop" TO vigil_monitor;`);

    // The fix the status prints, run in appdb: then the sequences arrive too.
    const admin = new pg.Client({ connectionString: urlAs(postgres().superuserUrl).replace(/\/postgres$/, `/${appdb}`) });
    await admin.connect();
    try {
      await admin.query('GRANT SELECT ON ALL SEQUENCES IN SCHEMA shop, audit TO vigil_monitor');
    } finally {
      await admin.end();
    }
    const after = await runTables({ url: monitor, databases: [appdb] });
    expect(after.statuses.map((s) => s.code)).to.deep.equal([]);
    expect(names(objectsOf(after.records, appdb).sequences)).to.include.members(['shop.customers_id_seq', 'shop.orders_id_seq', 'audit.events_id_seq']);
  });

  it('reports a database it cannot connect to or that does not exist, and collects the others', async () => {
    const result = await runTables({ url: postgres().monitorUrl, databases: [closedDb, appdb, 'no_such_database'] });
    expect(result.statuses.map((s) => s.code)).to.include.members(['database_missing', 'database_unreachable']);
    const unreachable = result.statuses.find((s) => s.code === 'database_unreachable')!;
    expect(unreachable.message).to.include(closedDb);
    expect(unreachable.message).to.not.include('vigil_monitor:vigil_monitor');
    objectsOf(result.records, appdb);
  });

  it('names the collector and the database when a catalog query fails there, and goes on with the others', async () => {
    // A real PostgreSQL error from the sequences query's position, in the database named in the URL only.
    const failSequences = (client: PgTaskClient): PgTaskClient => ({
      ...client,
      // The tables task issues plain text queries only, never PgArrayQuery.
      query: ((text: string, values?: unknown[]) =>
        text.includes('FROM pg_sequence') ? client.query(`SELECT nextval('pg_class'::regclass)`) : client.query(text, values)) as PgTaskClient['query'],
    });
    const result = await runTables({ url: postgres().superuserUrl, databases: ['postgres', appdb] }, failSequences);
    const failed = result.statuses.find((s) => s.code === 'database_read_failed');
    expect(failed, JSON.stringify(result.statuses)).to.not.equal(undefined);
    expect(failed!.message).to.include('sequences collector');
    expect(failed!.message).to.include('database postgres');
    expect(failed!.message).to.include('is not a sequence');
    objectsOf(result.records, appdb);
  });
});
