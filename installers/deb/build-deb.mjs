// Builds the agent's Debian package, vigil-agent_<version>_<arch>.deb, with dpkg-deb (no network):
//   /usr/bin/vigil-agent                      the single binary (installers/build-agent.mjs)
//   /etc/vigil/agent.yaml                     a conffile (an upgrade never overwrites edits), root:vigil 0640
//   /lib/systemd/system/vigil-agent.service   the hardened unit (installers/systemd/)
//   postinst / prerm / postrm                 the vigil user, /var/lib/vigil-agent, enable / restart / stop
//
// Usage: pnpm build:deb [--binary FILE] [--version V] [--out DIR] [--compress xz|gzip|zstd|none]
//   --binary    an agent binary already built (default: build one into dist/agent first)
//   --version   the package version (default: agent/package.json's)
//   --compress  xz (default: smallest, every dpkg reads it), gzip, zstd (dpkg ≥ 1.21.18) or none
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

/** The agent's release, from agent/package.json (what `vigil-agent version` prints). */
export function agentVersion() {
  return JSON.parse(readFileSync(join(root, 'agent', 'package.json'), 'utf8')).version;
}

/** Debian's name for this machine's architecture, which is the binary's: it is built from this node. */
export function debianArch(nodeArch = process.arch) {
  const arch = { x64: 'amd64', arm64: 'arm64', arm: 'armhf', ia32: 'i386', ppc64: 'ppc64el', s390x: 's390x' }[nodeArch];
  if (!arch) throw new Error(`no Debian architecture for node's ${nodeArch}`);
  return arch;
}

/** Builds the agent binary into `dir` with installers/build-agent.mjs; returns its path. */
export function buildAgentBinary(dir) {
  return execFileSync(process.execPath, [join(root, 'installers', 'build-agent.mjs'), '--out', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

const FILE_MODES = { 'usr/bin/vigil-agent': 0o755, 'etc/vigil/agent.yaml': 0o640, 'lib/systemd/system/vigil-agent.service': 0o644, 'usr/share/doc/vigil-agent/README': 0o644 };

/**
 * Stages the package tree and runs dpkg-deb on it; returns the .deb's path. Owners are root:root in
 * the archive (--root-owner-group); postinst gives the config its vigil group once the user exists.
 */
export function buildDeb({ binary, version = agentVersion(), out = join(root, 'dist'), compress = 'xz' }) {
  if (!/^[0-9][A-Za-z0-9.+~-]*$/.test(version)) throw new Error(`--version ${version}: not a Debian version`);
  const arch = debianArch();
  const stage = mkdtempSync(join(tmpdir(), 'vigil-deb-'));
  try {
    // The tree's root becomes the archive's ./ entry: mkdtemp's 0700 must not reach dpkg.
    chmodSync(stage, 0o755);
    const sources = {
      'usr/bin/vigil-agent': binary,
      'etc/vigil/agent.yaml': join(here, 'agent.yaml'),
      'lib/systemd/system/vigil-agent.service': join(root, 'installers', 'systemd', 'vigil-agent.service'),
      'usr/share/doc/vigil-agent/README': join(here, 'README.Debian'),
    };
    for (const [target, source] of Object.entries(sources)) {
      const file = join(stage, target);
      mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
      copyFileSync(source, file);
      chmodSync(file, FILE_MODES[target]);
    }
    const control = join(stage, 'DEBIAN');
    mkdirSync(control, { mode: 0o755 });
    for (const script of ['postinst', 'prerm', 'postrm']) {
      copyFileSync(join(here, script), join(control, script));
      chmodSync(join(control, script), 0o755);
    }
    writeFileSync(join(control, 'conffiles'), '/etc/vigil/agent.yaml\n');
    writeFileSync(join(control, 'md5sums'), md5sums(stage));
    const installedKiB = Object.keys(sources).reduce((sum, target) => sum + Math.ceil(statSync(join(stage, target)).size / 1024), 0);
    writeFileSync(join(control, 'control'), controlFile({ version, arch, installedKiB }));
    mkdirSync(out, { recursive: true });
    const deb = join(out, `vigil-agent_${version}_${arch}.deb`);
    execFileSync('dpkg-deb', ['--root-owner-group', `-Z${compress}`, '--build', stage, deb], { stdio: ['ignore', 'ignore', 'inherit'] });
    return deb;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function controlFile({ version, arch, installedKiB }) {
  return `Package: vigil-agent
Version: ${version}
Architecture: ${arch}
Maintainer: Vigil <packages@vigil.invalid>
Installed-Size: ${installedKiB}
Depends: libc6 (>= 2.28), libstdc++6 (>= 10), libgcc-s1 | libgcc1, passwd
Section: database
Priority: optional
Homepage: https://github.com/vigil/vigil
Description: Vigil database monitoring agent for PostgreSQL and ClickHouse
 Collects statistics next to each database (pg_stat_statements, activity,
 locks, tables; ClickHouse's query log, parts, merges, ...) and pushes them to
 a Vigil server over one outbound WebSocket. One self-contained binary, run by
 systemd as the unprivileged vigil user; unsent batches are spooled on disk in
 /var/lib/vigil-agent and survive restarts and upgrades.
`;
}

function md5sums(stage) {
  const lines = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else lines.push(`${createHash('md5').update(readFileSync(path)).digest('hex')}  ${relative(stage, path)}`);
    }
  };
  for (const top of readdirSync(stage)) if (top !== 'DEBIAN') walk(join(stage, top));
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { binary: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' }, compress: { type: 'string', default: 'xz' } } });
  if (!['xz', 'gzip', 'zstd', 'none'].includes(values.compress)) throw new Error(`--compress ${values.compress}: expected xz, gzip, zstd or none`);
  const binary = values.binary ? resolve(values.binary) : buildAgentBinary(join(root, 'dist', 'agent'));
  process.stdout.write(`${buildDeb({ binary, version: values.version, out: values.out ? resolve(values.out) : undefined, compress: values.compress })}\n`);
}
