import { Writable } from 'node:stream';
import { expect } from 'chai';
import { VigilError } from '@vigil/shared';
import { loadServerConfig } from '../../../server/src/config.js';
import { RetentionJob } from '../../../server/src/jobs/retention-job.js';
import { createLogger } from '../../../server/src/logger.js';
import type { TelemetryStore } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { TELEMETRY_BACKENDS } from '../../helpers/backends.js';
import { intercept } from '../ingest/store-controls.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const POLICY = { rawDays: 7, hourlyDays: 30, dailyDays: 365 };

describe('retention job', () => {
  let store: TelemetryStore;
  let dispose: (() => Promise<void>) | undefined;
  const open = TELEMETRY_BACKENDS[0]!.setup();
  before(async () => {
    ({ store, dispose } = await open());
  });
  after(async () => {
    await dispose?.();
  });

  function statement(ts: number) {
    return {
      org_id: 'o', database_id: 'd', batch_id: 'b', ts, window_start: ts - 60_000, query_hash: 'q', query_text: 'SELECT 1', dbid: 1, userid: 1, username: 'u', toplevel: true,
      calls: 1, total_time_ms: 1, rows: 1, shared_blks_hit: 0, shared_blks_read: 0, shared_blks_dirtied: 0, shared_blks_written: 0, temp_blks_read: 0, temp_blks_written: 0,
      blk_read_time_ms: 0, blk_write_time_ms: 0, total_plan_time_ms: 0,
    };
  }

  it('drops what the configured retention no longer keeps, and only that', async () => {
    await store.insertStatements([statement(NOW - 10 * DAY), statement(NOW - DAY)]);
    const job = new RetentionJob(store, POLICY, createLogger('silent'));
    expect(await job.runOnce(NOW)).to.deep.equal([{ table: 'statement_stats', partition: '20261113' }]);
    expect(await job.runOnce(NOW)).to.deep.equal([]);
    await job.stop();
  });

  it('logs a failed pass and keeps going instead of throwing', async () => {
    const lines: string[] = [];
    const logs = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const failing = intercept(store, { dropExpiredPartitions: () => Promise.reject(new Error('ClickHouse is down')) });
    const job = new RetentionJob(failing, POLICY, createLogger('info', logs), { firstDelayMs: 1, intervalMs: 5 });
    job.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await job.stop();
    // Several passes ran: the failure did not stop the schedule.
    expect(lines.filter((line) => line.includes('retention pass failed')).length).to.be.above(1);
  });

  it('reads its retention from the environment, refusing a raw retention shorter than the raw reads and a daily one shorter than the hourly', () => {
    const base = { VIGIL_DATA_DIR: '/tmp/vigil-retention-config', VIGIL_JWT_SECRET: 'x'.repeat(32) };
    expect(loadServerConfig(base).retention).to.deep.equal(POLICY);
    expect(loadServerConfig({ ...base, VIGIL_RETENTION_RAW_DAYS: '3', VIGIL_RETENTION_HOURLY_DAYS: '90', VIGIL_RETENTION_DAILY_DAYS: '730' }).retention).to.deep.equal({ rawDays: 3, hourlyDays: 90, dailyDays: 730 });
    const err = (() => {
      try {
        return loadServerConfig({ ...base, VIGIL_RETENTION_RAW_DAYS: '1' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).to.be.instanceOf(VigilError);
    expect((err as VigilError).code).to.equal('CONFIG_INVALID');
    expect((err as VigilError).message).to.contain('VIGIL_RETENTION_RAW_DAYS');
    // Reads take whole days from the daily rollup: it may not be kept shorter than the hourly.
    expect(() => loadServerConfig({ ...base, VIGIL_RETENTION_HOURLY_DAYS: '90', VIGIL_RETENTION_DAILY_DAYS: '60' }))
      .to.throw(VigilError, /VIGIL_RETENTION_DAILY_DAYS: must be at least VIGIL_RETENTION_HOURLY_DAYS \(90\)/);
  });
});
