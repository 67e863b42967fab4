import type { CollectorTask, TaskStatus } from '../../runner/collector-task.js';
import { addWaitSample } from '../../diff/wait-events-aggregate.js';
import type { OpenWaitPeriod } from '../../state/postgres-waits-state.js';
import { waitEventsToWire } from '../../transform/wait-events-transform.js';
import type { PgQueryClient } from './pg-query-client.js';
import { collectServerFacts } from './server-facts-collector.js';
import { statsPrivilegeMissing, versionUnsupported } from './task-statuses.js';
import { collectWaitSample } from './wait-events-collector.js';

/**
 * Wait events, sampled every run (5 s by default) and sent per wall-clock minute: each run adds
 * one sample to the open minute (persisted, so a restart loses nothing), and the first sample
 * of a new minute sends the last one. Sampling on its own schedule rather than reusing the
 * activity task's snapshots keeps the tasks independent and gives 12 samples a minute from a
 * query that reads no query text.
 */
export const waitEventsTask: CollectorTask<PgQueryClient, OpenWaitPeriod> = {
  name: 'wait_events',
  engine: 'postgres',
  defaultIntervalMs: 5_000,
  async run({ client, previous, nowMs }) {
    const facts = await collectServerFacts(client);
    const unsupported = versionUnsupported(facts);
    if (unsupported) return { records: {}, statuses: [unsupported], persisted: previous };
    const sample = await collectWaitSample(client);
    const { open, closed } = addWaitSample(previous, sample, nowMs);
    const statuses = [statsPrivilegeMissing(facts, 'the wait events')].filter((s): s is TaskStatus => s !== undefined);
    return { records: closed ? { pgWaitEvents: [waitEventsToWire(closed)] } : {}, statuses, persisted: open };
  },
};
