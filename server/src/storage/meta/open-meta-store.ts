import { join } from 'node:path';
import type { ServerConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { MetaStore } from './meta-store.js';
import { KyselyMetaStore } from './kysely-meta-store.js';
import { createPostgresMetaDialect } from './postgres/postgres-meta-dialect.js';
import { createSqliteMetaDialect } from './sqlite/sqlite-meta-dialect.js';

/**
 * The configured metadata store, not yet migrated: PostgreSQL when DATABASE_URL is set, else SQLite
 * in the data dir. Apart from the telemetry stores, so `vigil-server` commands load no chDB.
 */
export function metaStoreFor(config: ServerConfig, log?: Logger): MetaStore {
  return config.databaseUrl
    ? new KyselyMetaStore(
        createPostgresMetaDialect(config.databaseUrl.reveal(), {
          onIdleError: (err) => log?.warn({ err }, 'an idle PostgreSQL connection failed; the next query reconnects'),
        }),
      )
    : new KyselyMetaStore(createSqliteMetaDialect(join(config.dataDir, 'meta.sqlite')));
}
