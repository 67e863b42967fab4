import { join } from 'node:path';
import type { ServerConfig } from '../config.js';
import type { MetaStore } from './meta/meta-store.js';
import { KyselyMetaStore } from './meta/kysely-meta-store.js';
import { createSqliteMetaDialect } from './meta/sqlite/sqlite-meta-dialect.js';
import type { TelemetryStore } from './telemetry/telemetry-store.js';
import { ChdbTelemetryStore } from './telemetry/chdb/chdb-telemetry-store.js';

/** Picks and opens the configured backends (the embedded pair for now) and migrates them. */
export async function openStores(config: ServerConfig): Promise<{ meta: MetaStore; telemetry: TelemetryStore }> {
  const meta = new KyselyMetaStore(createSqliteMetaDialect(join(config.dataDir, 'meta.sqlite')));
  const telemetry = new ChdbTelemetryStore(join(config.dataDir, 'telemetry'));
  await meta.migrate();
  await telemetry.migrate();
  return { meta, telemetry };
}
