/**
 * A PostgreSQL streaming pair for the replication suites: a harness primary of its own (so the
 * shared one keeps no slots that would change other suites' replication figures), a standby made
 * by pg_basebackup streaming over the physical slot `vigil_standby`, and a second physical slot
 * `vigil_unused` that nothing consumes (reserving WAL from its creation): an inactive slot.
 * Started lazily by the first suite that calls usePostgresReplica(), once per run.
 */
import { startPostgres, startStandby, PostgresUnavailableError, type PgInstance } from './postgres.js';
import { sharedService } from './shared-service.js';

export const STANDBY_SLOT = 'vigil_standby';
export const INACTIVE_SLOT = 'vigil_unused';

export interface PgReplicaPair {
  readonly primary: PgInstance;
  readonly standby: PgInstance;
  /** Resolves once the standby has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPostgresReplica(): Promise<PgReplicaPair> {
  const primary = await startPostgres();
  try {
    const standby = await startStandby(primary, STANDBY_SLOT);
    await primary.query(`SELECT pg_create_physical_replication_slot('${INACTIVE_SLOT}', true)`);
    const pair: PgReplicaPair = {
      primary,
      standby,
      async caughtUp() {
        const { rows } = await primary.query('SELECT pg_current_wal_insert_lsn()::text AS lsn');
        const deadline = Date.now() + 30_000;
        for (;;) {
          const { rows: replayed } = await standby.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [rows[0].lsn]);
          const { rows: streaming } = await primary.query(`SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming' AND replay_lsn >= $1::pg_lsn`, [rows[0].lsn]);
          if (replayed[0].done === true && streaming[0].n === 1) return;
          if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${rows[0].lsn} within 30 s`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      async stop() {
        await standby.stop();
        await primary.stop();
      },
    };
    await pair.caughtUp();
    return pair;
  } catch (err) {
    await primary.stop();
    throw err;
  }
}

/** Mocha helper, called inside describe(): one pair shared by the whole run, stopped after it. */
export const usePostgresReplica: () => () => PgReplicaPair = sharedService({
  label: 'PostgreSQL streaming replica',
  helper: 'usePostgresReplica',
  tag: 'pg replica harness',
  start: startPostgresReplica,
  unavailable: PostgresUnavailableError,
  setupTimeoutMs: 300_000,
});
