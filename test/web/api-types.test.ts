import { readFileSync } from 'node:fs';
import { expect } from 'chai';
// @ts-expect-error: a plain ES module without declarations (web/scripts), shared with `pnpm web:api-types`
import { API_TYPES_FILE, apiTypes } from '../../web/scripts/api-types.mjs';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** The dashboard's API client is typed from this server's own OpenAPI document: the checked-in types must be current. */
describe('web: API types', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await t.close();
  });

  it('match what /api/v1/openapi.json generates (else run `pnpm web:api-types`)', async () => {
    const document = (await t.request('GET', '/api/v1/openapi.json')).body;
    const current = (await apiTypes(document)) as string;
    const checkedIn = readFileSync(API_TYPES_FILE as string, 'utf8');
    // Not deep.equal on 400 KB of text: name the first differing line instead.
    const [a, b] = [checkedIn.split('\n'), current.split('\n')];
    const at = a.findIndex((line, i) => line !== b[i]);
    expect(at === -1 && a.length === b.length, `web/src/api/openapi.ts is stale at line ${at + 1}: run \`pnpm web:api-types\` (expected ${JSON.stringify(b[at])})`).to.equal(true);
  });
});
