import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetaStore } from '../../server/src/storage/meta/meta-store.js';
import { KyselyMetaStore } from '../../server/src/storage/meta/kysely-meta-store.js';
import { createSqliteMetaDialect } from '../../server/src/storage/meta/sqlite/sqlite-meta-dialect.js';
import type { TelemetryStore } from '../../server/src/storage/telemetry/telemetry-store.js';
import { ChdbTelemetryStore } from '../../server/src/storage/telemetry/chdb/chdb-telemetry-store.js';

/**
 * Every storage backend the contract suites run against (Kysely's test pattern: one suite,
 * a loop over implementations). The server-backed PostgreSQL and ClickHouse entries join here.
 */
export interface Backend<S> {
  readonly name: string;
  open(): Promise<{ store: S; dispose(): Promise<void> }>;
}

function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const META_BACKENDS: readonly Backend<MetaStore>[] = [
  {
    name: 'sqlite',
    async open() {
      const tmp = tempDir('vigil-meta-');
      const store = new KyselyMetaStore(createSqliteMetaDialect(join(tmp.dir, 'meta.sqlite')));
      await store.migrate();
      return { store, dispose: async () => (await store.close(), tmp.remove()) };
    },
  },
];

export const TELEMETRY_BACKENDS: readonly Backend<TelemetryStore>[] = [
  {
    name: 'chdb',
    async open() {
      const tmp = tempDir('vigil-telemetry-');
      const store = new ChdbTelemetryStore(tmp.dir);
      await store.migrate();
      return { store, dispose: async () => (await store.close(), tmp.remove()) };
    },
  },
];
