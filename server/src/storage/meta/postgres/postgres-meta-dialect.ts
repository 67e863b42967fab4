import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { MetaSchema } from '../schema.js';
import type { MetaDialect } from '../meta-dialect.js';

/** SQLSTATE unique_violation. */
const UNIQUE_VIOLATION = '23505';

export interface PostgresMetaOptions {
  /** Most connections this process holds. Several server processes share the database's max_connections. */
  readonly maxConnections?: number;
  /**
   * An idle pooled connection failed (the server restarted, a network blip). pg emits this on the pool,
   * and an unhandled 'error' event would kill the process; the next query simply opens a new connection.
   */
  readonly onIdleError?: (err: Error) => void;
}

/** The server metadata backend: PostgreSQL (DATABASE_URL) through a pg pool. */
export function createPostgresMetaDialect(connectionString: string, options: PostgresMetaOptions = {}): MetaDialect {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  pool.on('error', (err) => options.onIdleError?.(err));
  return {
    db: new Kysely<MetaSchema>({ dialect: new PostgresDialect({ pool }) }),
    isUniqueViolation: (err) => (err as { code?: unknown } | null)?.code === UNIQUE_VIOLATION,
  };
}
