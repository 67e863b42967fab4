import type { vigil } from '@vigil/proto';
import type { CollectorTask, TaskStatus } from '../../runner/collector-task.js';
import { diffDatabaseObjects } from '../../diff/tables-diff.js';
import { describeError } from '../../logging/describe-error.js';
import type { DatabaseObjectsBaseline, DatabaseObjectsSnapshot, TablesPersisted } from '../../state/postgres-tables-state.js';
import { databaseObjectsToWire } from '../../transform/tables-transform.js';
import { collectDatabaseList } from './database-list-collector.js';
import { collectIndexes } from './indexes-collector.js';
import { isQueryRefused, type PgQueryClient, type PgTaskClient } from './pg-query-client.js';
import { collectSequences } from './sequences-collector.js';
import { collectServerFacts, type ServerFacts } from './server-facts-collector.js';
import { collectTables } from './tables-collector.js';
import { versionUnsupported } from './task-statuses.js';

/** Always quoted: a database or schema name may be anything, and the fix must run as written. */
function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A catalog query of one collector failed; the collector is named because PostgreSQL's message ("… is not a sequence") says neither what ran nor where. */
class CollectorQueryError extends Error {
  override readonly name = 'CollectorQueryError';
  constructor(
    readonly collector: string,
    override readonly cause: unknown,
  ) {
    super(`${collector} collector: ${describeError(cause)}`);
  }
}

async function reading<T>(collector: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw new CollectorQueryError(collector, err);
  }
}

async function readObjects(client: PgQueryClient, facts: ServerFacts, datname: string): Promise<DatabaseObjectsSnapshot> {
  const tables = await reading('tables', () => collectTables(client, facts));
  const relids = tables.tables.map((table) => table.relid);
  const indexes = await reading('indexes', () => collectIndexes(client, facts, relids));
  const sequences = await reading('sequences', () => collectSequences(client));
  return { datname, tables, indexes, sequences };
}

interface Targets {
  readonly datnames: readonly string[];
  readonly statuses: readonly TaskStatus[];
}

/** The databases the entry's `databases:` names, minus those that cannot be read, each reported with its fix. */
async function resolveTargets(client: PgTaskClient, facts: ServerFacts): Promise<Targets> {
  const scope = client.otherDatabases?.scope;
  if (scope === undefined) return { datnames: [facts.datname], statuses: [] };
  const list = await collectDatabaseList(client);
  const byName = new Map(list.map((entry) => [entry.datname, entry]));
  const wanted = scope === 'all' ? list.filter((entry) => entry.allowsConnections && !entry.isTemplate).map((entry) => entry.datname) : scope;
  const datnames: string[] = [];
  const missing: string[] = [];
  const closed: string[] = [];
  const denied: string[] = [];
  for (const datname of wanted) {
    const entry = byName.get(datname);
    if (!entry) missing.push(datname);
    else if (!entry.allowsConnections) closed.push(datname);
    else if (!entry.canConnect) denied.push(datname);
    else datnames.push(datname);
  }
  const statuses: TaskStatus[] = [];
  if (missing.length > 0) {
    statuses.push({ code: 'database_missing', message: `databases listed in the config do not exist on the server: ${missing.join(', ')}` });
  }
  if (closed.length > 0) {
    statuses.push({ code: 'database_closed', message: `databases listed in the config do not accept connections (datallowconn is false): ${closed.join(', ')}` });
  }
  if (denied.length > 0) {
    statuses.push({
      code: 'database_connect_denied',
      message: `role ${facts.role} may not connect to ${denied.join(', ')}, so their tables are not collected; grant it CONNECT:`,
      fixSql: denied.map((datname) => `GRANT CONNECT ON DATABASE ${quoteIdent(datname)} TO ${facts.role};`).join('\n'),
    });
  }
  return { datnames, statuses };
}

function unreachable(datname: string, err: unknown): TaskStatus {
  return { code: 'database_unreachable', message: `cannot connect to database ${datname}, so its tables, indexes and sequences are not collected: ${describeError(err)}` };
}

function readFailed(datname: string, err: CollectorQueryError): TaskStatus {
  return { code: 'database_read_failed', message: `${err.collector} collector in database ${datname} failed, so its tables, indexes and sequences are not collected: ${describeError(err.cause)}` };
}

function sequencesUnreadable(facts: ServerFacts, snapshots: readonly DatabaseObjectsSnapshot[]): TaskStatus | undefined {
  const affected = snapshots.filter((snapshot) => snapshot.sequences.unreadable.length > 0);
  if (affected.length === 0) return undefined;
  const count = affected.reduce((sum, snapshot) => sum + snapshot.sequences.unreadable.reduce((n, u) => n + u.count, 0), 0);
  const fixSql = affected.flatMap((snapshot) => [
    `-- in database ${quoteIdent(snapshot.datname)}:`,
    ...snapshot.sequences.unreadable.map((u) => `GRANT SELECT ON ALL SEQUENCES IN SCHEMA ${quoteIdent(u.schema)} TO ${facts.role};`),
  ]);
  return {
    code: 'sequence_privilege_missing',
    message:
      `role ${facts.role} may not read the values of ${count} sequences (pg_monitor does not cover them), so they are not checked ` +
      'for exhaustion; grant SELECT on them (sequences created later need it again, or ALTER DEFAULT PRIVILEGES):',
    fixSql: fixSql.join('\n'),
  };
}

/**
 * Tables, indexes and sequences, every 5 minutes, for each database the entry covers: the one
 * it connects to, or with `databases:` every listed one (or all), each read over a connection
 * the runner opens to it (PgTaskClient.otherDatabases). Counters go out as deltas against each
 * database's own previous reading. A database that cannot be connected to or read (a query of one
 * collector refused there) is reported as a status naming it, and skipped with its baseline kept,
 * so the others go on and its next reading diffs over the longer window.
 */
export const tablesTask: CollectorTask<PgTaskClient, TablesPersisted> = {
  name: 'tables',
  engine: 'postgres',
  defaultIntervalMs: 300_000,
  async run({ client, previous, nowMs, signal }) {
    const facts = await collectServerFacts(client);
    const unsupported = versionUnsupported(facts);
    if (unsupported) return { records: {}, statuses: [unsupported], persisted: previous };
    const targets = await resolveTargets(client, facts);
    const statuses: TaskStatus[] = [...targets.statuses];
    const records: vigil.v1.IPgDatabaseObjects[] = [];
    const snapshots: DatabaseObjectsSnapshot[] = [];
    const databases: Record<string, DatabaseObjectsBaseline> = {};
    for (const datname of targets.datnames) {
      signal.throwIfAborted();
      let snapshot: DatabaseObjectsSnapshot;
      try {
        snapshot =
          datname === facts.datname || !client.otherDatabases
            ? await readObjects(client, facts, datname)
            : await client.otherDatabases.withDatabase(datname, (other) => readObjects(other, facts, datname));
      } catch (err) {
        if (signal.aborted) throw err;
        // The shared connection itself is gone: the runner must see it, to reconnect.
        if (datname === facts.datname && !(err instanceof CollectorQueryError && isQueryRefused(err.cause))) throw err;
        statuses.push(err instanceof CollectorQueryError ? readFailed(datname, err) : unreachable(datname, err));
        const kept = previous?.databases[datname];
        if (kept) databases[datname] = kept;
        continue;
      }
      const { diffed, baseline } = diffDatabaseObjects(previous?.databases[datname], snapshot, nowMs);
      databases[datname] = baseline;
      snapshots.push(snapshot);
      records.push(databaseObjectsToWire(diffed));
    }
    const sequences = sequencesUnreadable(facts, snapshots);
    if (sequences) statuses.push(sequences);
    return { records: { pgDatabaseObjects: records }, statuses, persisted: { databases } };
  },
};
