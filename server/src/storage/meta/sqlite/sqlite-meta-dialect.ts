import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { MetaSchema } from '../schema.js';
import type { MetaDialect } from '../meta-dialect.js';

/** The embedded metadata backend: one SQLite file (WAL mode) in the data directory. */
export function createSqliteMetaDialect(file: string): MetaDialect {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<MetaSchema>({ dialect: new SqliteDialect({ database: sqlite }) }),
    isUniqueViolation: (err) => (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE',
  };
}
