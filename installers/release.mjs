// pnpm release: the agent's release artefacts in dist/, each with a SHA-256 checksum file
// (`sha256sum -c vigil-agent_0.1.0_amd64.deb.sha256` checks one):
//   vigil-agent-<version>-linux-<arch>          the single binary
//   vigil-agent_<version>_<debarch>.deb         the Debian package (installers/deb/build-deb.mjs)
//   vigil-agent-<version>-linux-<arch>.tar.gz   the binary, install.sh, the systemd unit and a config
//                                               template: `sudo sh install.sh --server-url … ` inside it
//
// Usage: pnpm release [--out DIR] [--binary FILE] [--compress xz|gzip|zstd|none]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { agentVersion, buildAgentBinary, buildDeb } from './deb/build-deb.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, binary: { type: 'string' }, compress: { type: 'string', default: 'xz' } } });
const out = resolve(values.out ?? join(root, 'dist'));
const version = agentVersion();
const platform = `linux-${process.arch}`;
mkdirSync(out, { recursive: true });

/** Writes `<file>.sha256` in sha256sum's format, so `sha256sum -c` checks it next to the file. */
function checksum(file) {
  const hex = createHash('sha256').update(readFileSync(file)).digest('hex');
  writeFileSync(`${file}.sha256`, `${hex}  ${basename(file)}\n`);
  return file;
}

const built = values.binary ? resolve(values.binary) : buildAgentBinary(join(out, 'agent'));
const binary = join(out, `vigil-agent-${version}-${platform}`);
copyFileSync(built, binary);
chmodSync(binary, 0o755);

const deb = buildDeb({ binary, version, out, compress: values.compress });

// The archive for hosts without apt: install.sh finds the binary next to itself.
const stage = mkdtempSync(join(tmpdir(), 'vigil-release-'));
const name = `vigil-agent-${version}-${platform}`;
try {
  const dir = join(stage, name);
  mkdirSync(dir);
  const files = {
    'vigil-agent': [binary, 0o755],
    'install.sh': [join(here, 'install.sh'), 0o755],
    'vigil-agent.service': [join(here, 'systemd', 'vigil-agent.service'), 0o644],
    'agent.yaml': [join(here, 'deb', 'agent.yaml'), 0o640],
    'README': [join(here, 'deb', 'README.Debian'), 0o644],
  };
  for (const [target, [source, mode]] of Object.entries(files)) {
    copyFileSync(source, join(dir, target));
    chmodSync(join(dir, target), mode);
  }
  execFileSync('tar', ['--owner=0', '--group=0', '--numeric-owner', '-czf', join(out, `${name}.tar.gz`), '-C', stage, name]);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

for (const file of [binary, deb, join(out, `${name}.tar.gz`)]) process.stdout.write(`${checksum(file)}\n`);
