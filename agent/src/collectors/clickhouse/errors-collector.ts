import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { ErrorsReading } from '../../state/clickhouse-errors-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { readSystemTable } from './clickhouse-statuses.js';
import { errorText, flag, num, secondsToMs, str } from './clickhouse-values.js';
import type { TableColumns } from './system-catalog.js';

/**
 * Errors the server raised since it started, by code (system.errors, 20.x on). The time and
 * message of the last one, and whether it came from a remote server, arrived later still.
 * Errors never raised are left out (releases that list them show 0).
 */
const ERRORS_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
SELECT name, code, value AS error_count, ${c.has('remote') ? 'remote' : '0'} AS is_remote,
       ${c.has('last_error_time') ? 'toUInt32(last_error_time)' : '0'} AS last_error_time_s,
       ${c.has('last_error_message') ? 'last_error_message' : "''"} AS last_message
  FROM system.errors
 WHERE value > 0`;

const REQUIRED = ['name', 'code', 'value'] as const;

/** Counts of every error the server raised since it started. */
export async function collectErrors(client: ClickHouseQueryClient): Promise<ErrorsReading> {
  const { statuses, rows } = await readSystemTable(client, 'errors', REQUIRED, ERRORS_SQL, (row) => ({
    name: str(row.name),
    code: num(row.code),
    remote: flag(row.is_remote),
    count: num(row.error_count),
    lastErrorTimeMs: secondsToMs(row.last_error_time_s),
    lastErrorMessage: errorText(str(row.last_message)),
  }));
  return { statuses, errors: rows };
}
