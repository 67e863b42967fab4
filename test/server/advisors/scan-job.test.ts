import { expect } from 'chai';
import { ScanJob } from '../../../server/src/jobs/scan-job.js';
import { createLogger } from '../../../server/src/logger.js';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { telemetryReads } from '../../../server/src/storage/telemetry/reads/telemetry-reads.js';
import type { TelemetryStore } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { META_BACKENDS, TELEMETRY_BACKENDS, useBackend } from '../../helpers/backends.js';

/**
 * Two processes' scan jobs over one PostgreSQL metadata store: a queued scan runs once (its
 * database's lease and the queued → running update), and the schedule queues one scan per
 * database that has none within the interval.
 */
describe('scan job: one scan per database across processes', () => {
  const meta = useBackend(META_BACKENDS.find((b) => b.name === 'postgres')!);
  const telemetry = useBackend(TELEMETRY_BACKENDS.find((b) => b.name === 'chdb')!);
  const logger = createLogger('silent');
  let store: MetaStore;
  let orgId: string;
  let dbId: string;

  before(async () => {
    store = meta();
    orgId = (await store.createOrganizationWithUser({ orgName: 'S', email: 'scan-job@s.io', name: 's', passwordHash: 'h' })).org.id;
    dbId = (await store.createDatabase({ orgId, name: 'shop', engine: 'postgres', engineVersion: '15', host: 'h', port: 5432, tags: {}, at: new Date().toISOString() })).id;
  });

  function job(owner: string, intervalMs = 0): ScanJob {
    return new ScanJob({ meta: store, reads: telemetryReads(telemetry() as TelemetryStore), logger, intervalMs, owner });
  }

  it('runs a queued scan in exactly one of two racing processes', async () => {
    const { scan } = await store.advisors.requestScan(orgId, dbId, 'manual', new Date().toISOString());
    const ran = await Promise.all([job('p1').run(scan), job('p2').run(scan)]);
    expect(ran.filter(Boolean)).to.have.length(1);
    expect(await store.advisors.getScan(orgId, dbId, scan.id)).to.deep.include({ status: 'done', summary: { findings: 0, new: 0, resolved: 0, applied: 0 } });
  });

  it('queues scheduled scans for databases not scanned within the interval, once', async () => {
    const later = Date.now() + 2 * 3_600_000;
    await Promise.all([job('p1', 3_600_000).tick(later), job('p2', 3_600_000).tick(later)]);
    const scans = await store.advisors.listScans(orgId, dbId, 10);
    expect(scans.map((s) => [s.trigger, s.status])).to.deep.equal([['schedule', 'done'], ['manual', 'done']]);
  });
});
