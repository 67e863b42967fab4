import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { agentBinary, BUILD_TIMEOUT_MS } from './agent-build.js';
import { agentVersion } from '../../installers/deb/build-deb.mjs';

const run = promisify(execFile);

describe('installers: pnpm release', function () {
  this.timeout(BUILD_TIMEOUT_MS);
  let out: string;
  after(() => rmSync(out, { recursive: true, force: true }));

  it('writes the binary, the .deb and the .tar.gz (binary + install.sh + unit), each with a checksum sha256sum -c accepts', async () => {
    out = mkdtempSync(join(tmpdir(), 'vigil-release-test-'));
    const binary = await agentBinary();
    // Uncompressed .deb: xz is the release default and the slow part, not what this checks.
    await run(process.execPath, ['installers/release.mjs', '--out', out, '--binary', binary, '--compress', 'none']);
    const v = agentVersion();
    const artefacts = [`vigil-agent-${v}-linux-x64`, `vigil-agent_${v}_amd64.deb`, `vigil-agent-${v}-linux-x64.tar.gz`];
    expect(readdirSync(out).sort()).to.deep.equal([...artefacts, ...artefacts.map((name) => `${name}.sha256`)].sort());
    const { stdout } = await run('sha256sum', ['-c', ...artefacts.map((name) => `${name}.sha256`)], { cwd: out });
    expect(stdout.trim().split('\n').sort()).to.deep.equal(artefacts.map((name) => `${name}: OK`).sort());
    const { stdout: listing } = await run('tar', ['-tzf', join(out, artefacts[2]!)]);
    expect(listing.trim().split('\n').sort()).to.deep.equal(['', 'README', 'agent.yaml', 'install.sh', 'vigil-agent', 'vigil-agent.service'].map((f) => `vigil-agent-${v}-linux-x64/${f}`));
  });
});
