import { scramSha256Verifier } from './password-hash.js';

/** What `vigil-agent grants --engine postgres` prints for. */
export interface PostgresGrantsOptions {
  /** The monitoring role; a plain lower-case identifier (checked by the command). */
  readonly user: string;
  /** Server major version (10 and later); decides how EXPLAIN access is granted. */
  readonly major: number;
  /** Whether on-demand EXPLAIN should work: it needs SELECT on the tables a statement reads. */
  readonly explain: boolean;
  /** The role's password, hashed here into a SCRAM verifier; without it the DBA sets one with \password. */
  readonly password?: string;
}

/** PostgreSQL 14 added pg_read_all_data; before it, SELECT is granted schema by schema. */
const READ_ALL_DATA_MAJOR = 14;
export const POSTGRES_MIN_MAJOR = 10;

/**
 * A DO block granting `role` SELECT on every table or sequence (`objects`) of each user schema of
 * the current database, and on those the role running it creates there later.
 */
function selectInEachUserSchema(role: string, objects: 'TABLES' | 'SEQUENCES'): string[] {
  return [
    'DO $$',
    'DECLARE',
    '  s name;',
    'BEGIN',
    '  FOR s IN',
    "    SELECT nspname FROM pg_catalog.pg_namespace",
    "    WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'",
    '  LOOP',
    `    EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${role}', s);`,
    `    EXECUTE format('GRANT SELECT ON ALL ${objects} IN SCHEMA %I TO ${role}', s);`,
    `    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON ${objects} TO ${role}', s);`,
    '  END LOOP;',
    'END',
    '$$;',
  ];
}

/**
 * Least-privilege SQL for the agent's PostgreSQL role: idempotent (safe to run twice), runnable
 * as is with `psql -f` or any client as a superuser, in the database the agent's url names.
 */
export function postgresGrants(options: PostgresGrantsOptions): string {
  const { user, major, explain } = options;
  const role = `"${user}"`;
  const lines = [
    `-- Vigil agent: a least-privilege monitoring role on PostgreSQL ${major}.`,
    '-- Run as a superuser in the database the agent connects to (the database in its url), e.g.',
    `--   psql -v ON_ERROR_STOP=1 -d postgres -f vigil-grants.sql`,
    '',
    '-- pg_stat_statements must be loaded at server start: in postgresql.conf',
    "--   shared_preload_libraries = 'pg_stat_statements'   (then restart PostgreSQL)",
    '-- It covers every database of the server, so it is created once, here.',
    'CREATE EXTENSION IF NOT EXISTS pg_stat_statements;',
    '',
    'DO $$',
    'BEGIN',
    `  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${user}') THEN`,
    `    CREATE ROLE ${role} LOGIN;`,
    '  END IF;',
    'END',
    '$$;',
    `ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;`,
    '-- Statistics views, every session, pg_stat_statements texts: read-only, no table data.',
    `GRANT pg_monitor TO ${role};`,
  ];
  if (options.password !== undefined) {
    lines.push('-- The password as a SCRAM-SHA-256 verifier: the password itself is never sent to the server.', `ALTER ROLE ${role} PASSWORD '${scramSha256Verifier(options.password)}';`);
  } else {
    lines.push(`-- Set its password without it reaching the server log or shell history (psql): \\password ${user}`);
    lines.push('-- (or run vigil-agent grants again with --password-file FILE to print it as a SCRAM verifier).');
  }
  lines.push(
    '',
    '-- Sequence values (how close each is to running out): pg_monitor does not cover them. SELECT on a',
    '-- sequence reads its position, no table data. Repeat in each database listed under databases: in the',
    '-- agent configuration; sequences created later by the role running this are covered too.',
    ...selectInEachUserSchema(role, 'SEQUENCES'),
    '',
  );
  if (!explain) {
    lines.push(
      '-- On-demand EXPLAIN (generic plans, never executed) also needs SELECT on the tables a statement reads:',
      `-- rerun with --explain for those grants${major >= READ_ALL_DATA_MAJOR ? ` (GRANT pg_read_all_data TO ${role};)` : ''}.`,
    );
  } else if (major >= READ_ALL_DATA_MAJOR) {
    lines.push('-- On-demand EXPLAIN plans statements (never runs them); planning needs SELECT on their tables.', `GRANT pg_read_all_data TO ${role};`);
  } else {
    lines.push(
      `-- On-demand EXPLAIN plans statements (never runs them); planning needs SELECT on their tables.`,
      `-- Before PostgreSQL ${READ_ALL_DATA_MAJOR} there is no pg_read_all_data: SELECT on every schema of this`,
      '-- database (repeat in each database the agent explains in). Tables created later are covered',
      '-- when the role running this creates them (ALTER DEFAULT PRIVILEGES); grant others as they appear.',
      ...selectInEachUserSchema(role, 'TABLES'),
    );
  }
  return `${lines.join('\n')}\n`;
}
