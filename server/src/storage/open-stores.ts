import { join } from 'node:path';
import type { ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { MetaStore } from './meta/meta-store.js';
import { metaStoreFor } from './meta/open-meta-store.js';
import type { TelemetryStore } from './telemetry/telemetry-store.js';
import { ChdbTelemetryStore } from './telemetry/chdb/chdb-telemetry-store.js';
import { ClickHouseTelemetryStore } from './telemetry/clickhouse/clickhouse-telemetry-store.js';
import { ClusteredClickHouseTelemetryStore } from './telemetry/clickhouse/clustered-telemetry-store.js';

/**
 * Picks the configured backends, opens and migrates them: PostgreSQL when DATABASE_URL is set, else
 * SQLite in the data dir; a ClickHouse server when CLICKHOUSE_URL is set, else chDB in the data dir.
 * Either may be set alone.
 */
export async function openStores(config: ServerConfig, logger?: Logger): Promise<{ meta: MetaStore; telemetry: TelemetryStore }> {
  const log = logger?.child({ component: 'storage' });
  const meta = metaStoreFor(config, log);
  const telemetry = config.clickhouseUrl
    ? config.clickhouseCluster
      ? new ClusteredClickHouseTelemetryStore(config.clickhouseUrl.reveal(), config.clickhouseCluster)
      : new ClickHouseTelemetryStore(config.clickhouseUrl.reveal())
    : new ChdbTelemetryStore(join(config.dataDir, 'telemetry'));
  try {
    await meta.migrate();
    await telemetry.migrate();
  } catch (err) {
    await Promise.allSettled([meta.close(), telemetry.close()]);
    throw err;
  }
  const status = await telemetry.schemaStatus();
  // ConnectionUrl prints redacted, so the URLs can be logged as they are.
  log?.info(
    {
      meta: config.databaseUrl ? { backend: 'postgres', url: config.databaseUrl.redacted } : { backend: 'sqlite' },
      telemetry: {
        backend: config.clickhouseUrl ? 'clickhouse' : 'chdb',
        ...(config.clickhouseUrl ? { url: config.clickhouseUrl.redacted } : {}),
        ...(config.clickhouseCluster ? { cluster: config.clickhouseCluster } : {}),
        server_version: status.serverVersion,
        schema_migrations: status.migrations,
        features: status.features,
      },
    },
    'stores ready',
  );
  return { meta, telemetry };
}
