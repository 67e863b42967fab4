import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { ConnectionsReading } from '../../state/postgres-server-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';

/** Client connections against the limits that bound them; reserved_connections arrived in PostgreSQL 16. */
const CONNECTIONS_SQL = (reserved: string): string => `${AGENT_QUERY_MARKER}
SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS connections,
       current_setting('max_connections')::int AS max_connections,
       current_setting('superuser_reserved_connections')::int AS superuser_reserved_connections,
       ${reserved} AS reserved_connections,
       (extract(epoch FROM pg_postmaster_start_time()) * 1000)::float8 AS postmaster_start_ms`;

/** Reads how many client connections there are and how many the server allows. */
export async function collectConnections(client: PgQueryClient, facts: ServerFacts): Promise<ConnectionsReading> {
  const reserved = facts.versionNum >= 160000 ? "current_setting('reserved_connections')::int" : 'NULL::int';
  const row = (await client.query(CONNECTIONS_SQL(reserved))).rows[0] ?? {};
  return {
    connections: Number(row.connections),
    maxConnections: Number(row.max_connections),
    superuserReservedConnections: Number(row.superuser_reserved_connections),
    reservedConnections: row.reserved_connections === null || row.reserved_connections === undefined ? null : Number(row.reserved_connections),
    postmasterStartMs: Number(row.postmaster_start_ms),
  };
}
