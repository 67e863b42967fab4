import { expect } from 'chai';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import type { TelemetryStore } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { intercept } from '../ingest/store-controls.js';

describe('ops: /healthz and /readyz', () => {
  let t: TestServer;
  // Switches the test flips: the stores' own ping runs unless one is set.
  let metaFault: 'fail' | 'hang' | undefined;
  let telemetryFault: 'fail' | 'hang' | undefined;

  async function faulty(fault: 'fail' | 'hang' | undefined, ping: () => Promise<void>): Promise<void> {
    // The message carries what a driver error might (a host, a user): it must not reach the response.
    if (fault === 'fail') throw Object.assign(new Error('connect ECONNREFUSED vigil:s3cret@10.0.0.9:9000'), { code: 'ECONNREFUSED' });
    if (fault === 'hang') return new Promise(() => undefined);
    return ping();
  }

  before(async () => {
    t = await startTestServer({
      wrapStores: (stores) => ({
        meta: intercept<MetaStore>(stores.meta, { ping: () => faulty(metaFault, () => stores.meta.ping()) }),
        telemetry: intercept<TelemetryStore>(stores.telemetry, { ping: () => faulty(telemetryFault, () => stores.telemetry.ping()) }),
      }),
    });
  });
  after(async () => {
    await t.close();
  });
  afterEach(() => {
    metaFault = undefined;
    telemetryFault = undefined;
  });

  it('answers /healthz without touching the stores and /readyz after pinging both', async () => {
    metaFault = 'hang';
    expect((await t.request('GET', '/healthz')).status).to.equal(200);
    metaFault = undefined;
    const ready = await t.request('GET', '/readyz');
    expect(ready.status).to.equal(200);
    expect(ready.body).to.deep.equal({ status: 'ready', checks: { meta: 'ok', telemetry: 'ok' } });
  });

  it('answers 503 naming the store that failed, without the driver error', async () => {
    telemetryFault = 'fail';
    const res = await t.request('GET', '/readyz');
    expect(res.status).to.equal(503);
    expect(res.body).to.include({ status: 'not_ready', code: 'SERVICE_UNAVAILABLE' });
    expect(res.body.checks).to.deep.equal({ meta: 'ok', telemetry: 'unreachable' });
    expect(res.body.error).to.contain('telemetry');
    expect(JSON.stringify(res.body)).to.not.match(/s3cret|10\.0\.0\.9|ECONNREFUSED/);
  });

  it('counts a store that does not answer in time as down (the probe itself does not hang)', async () => {
    metaFault = 'hang';
    const res = await t.request('GET', '/readyz');
    expect(res.status).to.equal(503);
    expect(res.body.checks).to.deep.equal({ meta: 'timeout', telemetry: 'ok' });
  });
});
