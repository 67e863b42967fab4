import { Writable } from 'node:stream';
import { expect } from 'chai';
import type { DatabaseConfig } from '../../agent/src/config/agent-config.js';
import { createAgentLogger } from '../../agent/src/logging/agent-logger.js';
import type { CollectorTask } from '../../agent/src/runner/collector-task.js';
import type { EngineDriver } from '../../agent/src/runner/database-session.js';
import { TaskScheduler } from '../../agent/src/runner/task-scheduler.js';

const INTERVAL_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('agent/runner/task-scheduler', () => {
  const realNow = Date.now;
  afterEach(() => {
    Date.now = realNow;
  });

  /** A scheduler over one task whose runs take 50 ms; `starts` are their real start times, `lines` the log. */
  function probeScheduler() {
    const starts: number[] = [];
    const task: CollectorTask<null> = {
      name: 'probe',
      engine: 'postgres',
      defaultIntervalMs: INTERVAL_MS,
      async run() {
        starts.push(realNow());
        await sleep(50);
        return { records: {}, statuses: [], persisted: undefined };
      },
    };
    const driver: EngineDriver<null> = {
      tasks: [task],
      openSession: () => ({ serverVersion: '15', client: async () => null, failed: () => undefined, close: async () => undefined }),
    };
    const lines: string[] = [];
    const logger = createAgentLogger('debug', new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
    const database = { name: 'db', engine: 'postgres', url: 'postgres://x@127.0.0.1/db' } as unknown as DatabaseConfig;
    const scheduler = new TaskScheduler({
      config: { databases: [database], intervals: {}, queryTimeoutMs: 1000 },
      logger,
      engines: { postgres: driver as EngineDriver<unknown> },
      concurrency: 2,
      secrets: [],
      commit: async () => undefined,
    });
    return { scheduler, starts, lines };
  }

  it('runs a task once per interval boundary when the timer fires before the wall clock gets there', async () => {
    const { scheduler, starts, lines } = probeScheduler();
    // Node's timers keep a monotonic clock, which the wall clock drifts against (NTP slewing it, say);
    // here the wall clock runs 5 % slow, so every timer fires about 10 ms before the boundary it was
    // set for as Date.now() tells it.
    const t0 = realNow();
    Date.now = () => Math.floor(t0 + (realNow() - t0) * 0.95);
    scheduler.scheduleAll();
    await sleep(INTERVAL_MS * 4 + 20);
    await scheduler.stop();

    expect(lines.filter((line) => line.includes('still going')), 'a second launch of the same interval').to.deep.equal([]);
    expect(starts.length).to.be.within(3, 5);
    for (const [i, at] of starts.entries()) if (i > 0) expect(at - starts[i - 1]!, `run ${i}`).to.be.within(INTERVAL_MS - 20, INTERVAL_MS + 60);
  });

  it('keeps running on its interval when the wall clock is set back an hour', async () => {
    const { scheduler, starts } = probeScheduler();
    scheduler.scheduleAll();
    Date.now = () => realNow() - 3_600_000;
    await sleep(INTERVAL_MS * 4 + 20);
    await scheduler.stop();
    expect(starts.length).to.be.within(2, 5);
  });
});
