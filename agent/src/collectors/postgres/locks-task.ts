import type { CollectorTask } from '../../runner/collector-task.js';
import { locksToWire } from '../../transform/locks-transform.js';
import { collectLocks } from './locks-collector.js';
import type { PgQueryClient } from './pg-query-client.js';
import { collectServerFacts } from './server-facts-collector.js';
import { versionUnsupported } from './task-statuses.js';

/**
 * pg_locks snapshots: who waits for which lock and who holds it. Every 15 s rather than with
 * activity's 10 s: reading pg_locks briefly takes every lock-manager partition lock, and lock
 * waits worth seeing last longer than that. pg_locks needs no grant; nothing persists.
 */
export const locksTask: CollectorTask<PgQueryClient, undefined> = {
  name: 'locks',
  engine: 'postgres',
  defaultIntervalMs: 15_000,
  async run({ client, nowMs }) {
    const facts = await collectServerFacts(client);
    const unsupported = versionUnsupported(facts);
    if (unsupported) return { records: {}, statuses: [unsupported], persisted: undefined };
    const snapshot = await collectLocks(client, facts);
    return { records: { pgLocks: [locksToWire(snapshot, nowMs)] }, statuses: [], persisted: undefined };
  },
};
