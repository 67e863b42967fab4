import { AGENT_QUERY_MARKER, stripLiterals } from '@vigil/shared';
import type { MutationsReading } from '../../state/clickhouse-mutations-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { readSystemTable } from './clickhouse-statuses.js';
import { errorText, flag, num, secondsToMs, str } from './clickhouse-values.js';
import { selectColumn, type TableColumns } from './system-catalog.js';

/**
 * Mutations not yet done, oldest first, with their age by the server's clock. is_killed and the
 * latest_fail_* columns arrived after 18.x; older releases read false, empty and 0.
 */
const MUTATIONS_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
SELECT database, table, mutation_id, command,
       toUInt32(create_time) AS create_time_s,
       toInt64(toUInt32(now())) - toInt64(toUInt32(create_time)) AS age_s,
       parts_to_do, ${selectColumn(c, 'is_killed', '0')},
       ${selectColumn(c, 'latest_failed_part', "''")},
       ${c.has('latest_fail_time') ? 'toUInt32(latest_fail_time)' : '0'} AS latest_fail_time_s,
       ${selectColumn(c, 'latest_fail_reason', "''")}
  FROM system.mutations
 WHERE is_done = 0
 ORDER BY create_time, database, table, mutation_id
 LIMIT ${MAX_MUTATIONS}`;

// Pending mutations pile up only when something is badly wrong; the oldest are the ones to see.
const MAX_MUTATIONS = 1000;
/** Longest command sent, after literals are stripped. */
const MAX_COMMAND_CHARS = 2048;

const REQUIRED = ['database', 'table', 'mutation_id', 'command', 'create_time', 'parts_to_do', 'is_done'] as const;

/** The mutations not yet done; commands leave literal-stripped, failure reasons with quoted values replaced. */
export async function collectMutations(client: ClickHouseQueryClient): Promise<MutationsReading> {
  const { statuses, rows } = await readSystemTable(client, 'mutations', REQUIRED, MUTATIONS_SQL, (row) => ({
    database: str(row.database),
    table: str(row.table),
    mutationId: str(row.mutation_id),
    command: stripLiterals(str(row.command)).slice(0, MAX_COMMAND_CHARS),
    createTimeMs: secondsToMs(row.create_time_s),
    ageS: num(row.age_s),
    partsToDo: num(row.parts_to_do),
    isKilled: flag(row.is_killed),
    latestFailedPart: str(row.latest_failed_part),
    latestFailTimeMs: secondsToMs(row.latest_fail_time_s),
    latestFailReason: errorText(str(row.latest_fail_reason)),
  }));
  return { statuses, mutations: rows };
}
