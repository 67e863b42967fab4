import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { PgQueryClient } from './pg-query-client.js';

/**
 * What every other PostgreSQL collector branches on, read once per task run: the version (never
 * trial and error), the role's monitoring grants and whether the server is a standby.
 * pg_has_role() is true for superusers, so one check covers both.
 */
const SERVER_FACTS_SQL = `${AGENT_QUERY_MARKER}
SELECT current_setting('server_version_num')::int AS server_version_num,
       quote_ident(current_user) AS role,
       pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS can_read_all_stats,
       pg_has_role(current_user, 'pg_read_all_settings', 'USAGE') AS can_read_all_settings,
       pg_is_in_recovery() AS in_recovery,
       current_database() AS datname`;

export interface ServerFacts {
  /** server_version_num, e.g. 150008. */
  readonly versionNum: number;
  /** The connected role, quoted as an identifier (ready for a GRANT in a fix). */
  readonly role: string;
  /** Sees other roles' sessions, queries and replication positions (pg_monitor includes it). */
  readonly canReadAllStats: boolean;
  /** Sees every setting (pg_monitor includes it). */
  readonly canReadAllSettings: boolean;
  /** A standby (hot standby or in archive recovery) rather than a primary. */
  readonly inRecovery: boolean;
  /** The database this connection is to. */
  readonly datname: string;
}

/** Reads the facts the other collectors branch on. */
export async function collectServerFacts(client: PgQueryClient): Promise<ServerFacts> {
  const row = (await client.query(SERVER_FACTS_SQL)).rows[0] ?? {};
  return {
    versionNum: Number(row.server_version_num),
    role: String(row.role),
    canReadAllStats: row.can_read_all_stats === true,
    canReadAllSettings: row.can_read_all_settings === true,
    inRecovery: row.in_recovery === true,
    datname: String(row.datname),
  };
}
