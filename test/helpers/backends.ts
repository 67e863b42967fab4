import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetaStore } from '../../server/src/storage/meta/meta-store.js';
import { KyselyMetaStore } from '../../server/src/storage/meta/kysely-meta-store.js';
import { createPostgresMetaDialect } from '../../server/src/storage/meta/postgres/postgres-meta-dialect.js';
import { createSqliteMetaDialect } from '../../server/src/storage/meta/sqlite/sqlite-meta-dialect.js';
import type { TelemetryStore } from '../../server/src/storage/telemetry/telemetry-store.js';
import type { TelemetrySqlClient } from '../../server/src/storage/telemetry/telemetry-sql-client.js';
import { SqlTelemetryStore } from '../../server/src/storage/telemetry/sql-telemetry-store.js';
import { ChdbSqlClient } from '../../server/src/storage/telemetry/chdb/chdb-telemetry-store.js';
import { ClickHouseHttpSqlClient } from '../../server/src/storage/telemetry/clickhouse/clickhouse-telemetry-store.js';
import { useClickHouse } from '../harness/clickhouse.js';
import { usePostgres } from '../harness/postgres.js';

/**
 * Every storage backend the contract suites run against (Kysely's test pattern: one suite, a loop
 * over implementations). The embedded ones open in a temp dir; the server ones start the shared
 * harness server (skipped locally, failing in CI, when it cannot run) and open a fresh database on it,
 * so every open is isolated.
 */
export interface Backend<S> {
  readonly name: string;
  /** Call inside describe(): registers the hooks the backend needs and returns how to open a fresh, isolated instance. */
  setup(): () => Promise<Opened<S>>;
}

export interface Opened<S> {
  readonly store: S;
  dispose(): Promise<void>;
}

/** Call inside describe(): a fresh instance opened before the suite's tests and disposed after them; the getter gives it. */
export function useBackend<S>(backend: Backend<S>): () => S {
  const open = backend.setup();
  let opened: Opened<S> | undefined;
  before(async () => {
    opened = await open();
  });
  after(async () => {
    await opened?.dispose();
  });
  return () => {
    if (!opened) throw new Error(`${backend.name} is not open: use it inside a test`);
    return opened.store;
  };
}

function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A database name no other open uses: safe to interpolate (letters, digits, underscores). */
function freshDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export const META_BACKENDS: readonly Backend<MetaStore>[] = [
  {
    name: 'sqlite',
    setup: () => async () => {
      const tmp = tempDir('vigil-meta-');
      const store = new KyselyMetaStore(createSqliteMetaDialect(join(tmp.dir, 'meta.sqlite')));
      await store.migrate();
      return { store, dispose: async () => (await store.close(), tmp.remove()) };
    },
  },
  {
    name: 'postgres',
    setup() {
      const postgres = usePostgres();
      return async () => {
        const pg = postgres();
        const database = freshDatabaseName('vigil_meta');
        await pg.query(`CREATE DATABASE ${database}`);
        const url = new URL(pg.superuserUrl);
        url.pathname = `/${database}`;
        const store = new KyselyMetaStore(createPostgresMetaDialect(url.href, { maxConnections: 4 }));
        await store.migrate();
        return {
          store,
          async dispose() {
            await store.close();
            await pg.query(`DROP DATABASE ${database} WITH (FORCE)`);
          },
        };
      };
    },
  },
];

/** The telemetry SQL clients, one per backend, for tests below the store (schema migrations, literal escaping). */
export const TELEMETRY_SQL_BACKENDS: readonly Backend<TelemetrySqlClient>[] = [
  {
    name: 'chdb',
    setup: () => async () => {
      const tmp = tempDir('vigil-telemetry-');
      const store = new ChdbSqlClient(tmp.dir);
      return { store, dispose: async () => (await store.close(), tmp.remove()) };
    },
  },
  {
    name: 'clickhouse',
    setup() {
      const clickhouse = useClickHouse();
      return async () => {
        const ch = clickhouse();
        const database = freshDatabaseName('vigil_telemetry');
        await ch.query(`CREATE DATABASE ${database}`);
        const store = new ClickHouseHttpSqlClient(`${ch.httpUrl}/${database}`);
        return {
          store,
          async dispose() {
            await store.close();
            await ch.query(`DROP DATABASE ${database}`);
          },
        };
      };
    },
  },
];

export const TELEMETRY_BACKENDS: readonly Backend<TelemetryStore>[] = TELEMETRY_SQL_BACKENDS.map((backend) => ({
  name: backend.name,
  setup() {
    const openClient = backend.setup();
    return async () => {
      const client = await openClient();
      const store = new SqlTelemetryStore(client.store);
      await store.migrate();
      // Disposing the client closes it; the store holds nothing else.
      return { store, dispose: () => client.dispose() };
    };
  },
}));
