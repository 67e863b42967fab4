import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { expect } from 'chai';
import pg from 'pg';
import { pino } from 'pino';
import { VigilError } from '@vigil/shared';
import { loadServerConfig } from '../../../server/src/config.js';
import { ConnectionUrl } from '../../../server/src/storage/connection-url.js';
import { openStores } from '../../../server/src/storage/open-stores.js';
import { useClickHouse } from '../../harness/clickhouse.js';
import { usePostgres } from '../../harness/postgres.js';

const PASSWORD = 'pw-never-in-logs';

function configError(env: Record<string, string>): VigilError {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-config-'));
  try {
    loadServerConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_JWT_SECRET: 'x'.repeat(32), ...env });
  } catch (err) {
    if (err instanceof VigilError) return err;
    throw err;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  throw new Error(`expected ${JSON.stringify(Object.keys(env))} to be refused`);
}

describe('storage URLs (DATABASE_URL, CLICKHOUSE_URL)', () => {
  it('refuses a malformed or wrong-scheme URL naming the variable, never the value', () => {
    for (const [variable, value] of [
      ['DATABASE_URL', `not a url ${PASSWORD}`],
      ['DATABASE_URL', `mysql://u:${PASSWORD}@h/db`],
      ['CLICKHOUSE_URL', `postgres://u:${PASSWORD}@h/db`],
      ['CLICKHOUSE_URL', `tcp://u:${PASSWORD}@h:9000`],
    ] as const) {
      const err = configError({ [variable]: value });
      expect(err.code).to.equal('CONFIG_INVALID');
      expect(err.message).to.match(new RegExp(`^${variable}: `));
      expect(err.message).to.not.include(PASSWORD);
    }
  });

  it('prints redacted however it is turned into text', () => {
    const url = new ConnectionUrl('DATABASE_URL', `postgres://vigil:${PASSWORD}@db.internal:5432/vigil?sslpassword=${PASSWORD}&application_name=x`, ['postgres:']);
    expect(url.reveal()).to.include(PASSWORD);
    for (const text of [String(url), `${url}`, JSON.stringify({ url }), inspect({ url }), url.redacted]) {
      expect(text).to.not.include(PASSWORD);
      expect(text).to.include('db.internal');
    }
    expect(url.redacted).to.equal('postgres://vigil:***@db.internal:5432/vigil?sslpassword=***&application_name=x');
  });

  it('leaves both unset as the embedded stores', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-config-'));
    try {
      const config = loadServerConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_JWT_SECRET: 'x'.repeat(32), DATABASE_URL: '' });
      expect(config.databaseUrl).to.equal(undefined);
      expect(config.clickhouseUrl).to.equal(undefined);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('openStores with DATABASE_URL and CLICKHOUSE_URL', () => {
  const postgres = usePostgres();
  const clickhouse = useClickHouse();
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function freshDatabases(): Promise<{ databaseUrl: string; clickhouseUrl: string }> {
    const name = `vigil_open_${randomBytes(6).toString('hex')}`;
    await postgres().query(`CREATE DATABASE ${name}`);
    await clickhouse().query(`CREATE DATABASE ${name}`);
    cleanups.push(async () => {
      await postgres().query(`DROP DATABASE ${name} WITH (FORCE)`);
      await clickhouse().query(`DROP DATABASE ${name}`);
    });
    // The harness trusts loopback, so PostgreSQL accepts (and ignores) any password: enough to prove it never shows.
    const pgUrl = new URL(postgres().superuserUrl);
    pgUrl.password = PASSWORD;
    pgUrl.pathname = `/${name}`;
    return { databaseUrl: pgUrl.href, clickhouseUrl: `${clickhouse().httpUrl}/${name}` };
  }

  async function open(env: Record<string, string>) {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-open-'));
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const config = loadServerConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_JWT_SECRET: 'x'.repeat(32), ...env });
    const stores = await openStores(config, logger);
    cleanups.push(async () => {
      await stores.meta.close();
      await stores.telemetry.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    return { ...stores, config, logs: lines.join('') };
  }

  it('uses PostgreSQL and the ClickHouse server, and logs them without the password', async () => {
    const urls = await freshDatabases();
    const { meta, telemetry, config, logs } = await open({ DATABASE_URL: urls.databaseUrl, CLICKHOUSE_URL: urls.clickhouseUrl });
    expect(inspect(config)).to.not.include(PASSWORD);
    expect(logs).to.not.include(PASSWORD);
    expect(logs).to.include('"backend":"postgres"').and.include('"backend":"clickhouse"');

    const { org } = await meta.createOrganizationWithUser({ orgName: 'PG', email: 'pg@example.com', name: 'P', passwordHash: 'h' });
    const client = new pg.Client({ connectionString: urls.databaseUrl });
    await client.connect();
    const rows = await client.query('SELECT id, name FROM organizations').finally(() => client.end());
    expect(rows.rows).to.deep.include({ id: org.id, name: 'PG' });
    expect((await telemetry.schemaStatus()).serverVersion).to.equal(clickhouse().version);
  });

  it('takes either one alone', async () => {
    const urls = await freshDatabases();
    const pgOnly = await open({ DATABASE_URL: urls.databaseUrl });
    expect(pgOnly.logs).to.include('"backend":"postgres"').and.include('"backend":"chdb"');
    const chOnly = await open({ CLICKHOUSE_URL: urls.clickhouseUrl });
    expect(chOnly.logs).to.include('"backend":"sqlite"').and.include('"backend":"clickhouse"');
    expect((await chOnly.telemetry.schemaStatus()).serverVersion).to.equal(clickhouse().version);
  });
});
