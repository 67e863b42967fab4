import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { DisksReading } from '../../state/clickhouse-disks-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { readSystemTable } from './clickhouse-statuses.js';
import { num, str } from './clickhouse-values.js';
import type { TableColumns } from './system-catalog.js';

/**
 * Free and total space of every disk the server stores data on. system.disks arrived with storage
 * policies (19.x); unreserved_space and type later still, which read as free space and empty.
 */
const DISKS_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
SELECT name, path, ${c.has('type') ? 'toString(type)' : "''"} AS disk_type, free_space, total_space,
       ${c.has('unreserved_space') ? 'unreserved_space' : 'free_space'} AS unreserved, ${c.has('keep_free_space') ? 'keep_free_space' : '0'} AS keep_free
  FROM system.disks
 ORDER BY name`;

const REQUIRED = ['name', 'path', 'free_space', 'total_space'] as const;

/** The server's disks with their free and total bytes. */
export async function collectDisks(client: ClickHouseQueryClient): Promise<DisksReading> {
  const { statuses, rows } = await readSystemTable(client, 'disks', REQUIRED, DISKS_SQL, (row) => ({
    name: str(row.name),
    path: str(row.path),
    type: str(row.disk_type),
    freeBytes: num(row.free_space),
    totalBytes: num(row.total_space),
    unreservedBytes: num(row.unreserved),
    keepFreeBytes: num(row.keep_free),
  }));
  return { statuses, disks: rows };
}
