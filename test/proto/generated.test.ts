import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';

describe('proto/gen', () => {
  it('matches what vigil.proto generates (run `pnpm proto:gen` after editing it)', function () {
    this.timeout(60_000);
    const out = mkdtempSync(join(tmpdir(), 'vigil-proto-'));
    try {
      execFileSync(process.execPath, ['proto/generate.mjs', out], { stdio: 'pipe' });
      for (const file of ['vigil.js', 'vigil.d.ts']) {
        expect(readFileSync(join(out, file), 'utf8') === readFileSync(join('proto/gen', file), 'utf8'), `proto/gen/${file} is stale`).to.equal(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
