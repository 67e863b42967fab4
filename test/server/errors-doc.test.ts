import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { ERROR_CATALOG } from '@vigil/shared';
import { renderErrorsDoc, undocumentedCodes } from '../../server/scripts/errors-doc.js';

describe('docs/errors.md', () => {
  it('explains every catalogue code (add its entry to ERROR_GUIDE in server/scripts/errors-doc.ts)', () => {
    expect(undocumentedCodes()).to.deep.equal([]);
  });

  it('is what the catalogue generates (run `pnpm docs:errors` after changing shared/src/errors.ts)', () => {
    const committed = readFileSync('docs/errors.md', 'utf8');
    expect(committed === renderErrorsDoc(), 'docs/errors.md is stale').to.equal(true);
    for (const code of Object.keys(ERROR_CATALOG)) expect(committed).to.include(`| \`${code}\` |`);
  });
});
