import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { PgQueryClient } from './pg-query-client.js';

const DATABASE_LIST_SQL = `${AGENT_QUERY_MARKER}
SELECT datname, datallowconn AS allows_connections, datistemplate AS is_template,
       has_database_privilege(oid, 'CONNECT') AS can_connect
  FROM pg_database
 ORDER BY datname`;

export interface DatabaseListEntry {
  readonly datname: string;
  /** false for template0 and databases closed with ALTER DATABASE ... ALLOW_CONNECTIONS false. */
  readonly allowsConnections: boolean;
  readonly isTemplate: boolean;
  /** Whether the connected role has CONNECT on it. */
  readonly canConnect: boolean;
}

/** Lists the server's databases and whether the agent's role may connect to each. */
export async function collectDatabaseList(client: PgQueryClient): Promise<DatabaseListEntry[]> {
  const { rows } = await client.query(DATABASE_LIST_SQL);
  return rows.map((row) => ({
    datname: String(row.datname),
    allowsConnections: row.allows_connections === true,
    isTemplate: row.is_template === true,
    canConnect: row.can_connect === true,
  }));
}
