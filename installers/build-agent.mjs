// Builds the agent as one self-contained executable (a Node single-executable application):
// esbuild bundles agent/src/cli.ts and its dependencies into one CommonJS file, Node turns it
// into a SEA blob, and postject injects the blob into a stripped copy of this node binary.
// Output: dist/agent/vigil-agent (runs with no Node and no node_modules on the host).
//
// Usage: pnpm build:agent [--out DIR]
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const out = resolve(outFlag === -1 ? join(root, 'dist', 'agent') : process.argv[outFlag + 1]);
const work = join(out, 'build');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

/**
 * pg and ws try to load optional native accelerators inside try/catch. A SEA's require() can load
 * only built-ins (and warns on anything else), so those names resolve to a module that throws,
 * which is exactly what "not installed" looks like to them.
 */
const optionalNativeModules = {
  name: 'optional-native-modules',
  setup(b) {
    b.onResolve({ filter: /^(pg-native|bufferutil|utf-8-validate)$/ }, (args) => ({ path: args.path, namespace: 'absent' }));
    b.onLoad({ filter: /.*/, namespace: 'absent' }, (args) => ({ contents: `throw new Error(${JSON.stringify(`${args.path} is not bundled`)});`, loader: 'js' }));
  },
};

// The commit `vigil-agent version` prints (agent/src/agent-version.ts); empty outside a git checkout.
let commit = '';
try {
  commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // Built from a source tarball: the version says it.
}

const bundle = join(work, 'vigil-agent.cjs');
await build({
  entryPoints: [join(root, 'agent/src/cli.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'linked',
  plugins: [optionalNativeModules],
  define: { VIGIL_BUILD_COMMIT: JSON.stringify(commit) },
  logLevel: 'warning',
});

const blob = join(work, 'sea-prep.blob');
const seaConfig = join(work, 'sea-config.json');
// The code cache spares V8 parsing and compiling the whole bundle at every start, and the memory
// that costs for as long as the agent runs (measured: about 8 MB less RSS). It is only valid for
// this node binary's V8, which is the one the blob is injected into.
writeFileSync(seaConfig, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }));
execFileSync(process.execPath, ['--experimental-sea-config', seaConfig], { stdio: 'inherit' });

const binary = join(out, 'vigil-agent');
copyFileSync(process.execPath, binary);
chmodSync(binary, 0o755);
// Debug symbols are most of node's size and nothing the agent needs.
try {
  execFileSync('strip', [binary], { stdio: ['ignore', 'ignore', 'pipe'] });
} catch {
  process.stderr.write('strip not available: the binary keeps its debug symbols\n');
}
execFileSync(join(root, 'node_modules', '.bin', 'postject'), [binary, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], {
  // Piped, not shown: postject and strip warn about node's custom note sections on every build;
  // a real failure still throws with their output attached.
  stdio: ['ignore', 'ignore', 'pipe'],
});
rmSync(work, { recursive: true, force: true });
process.stdout.write(`${binary}\n`);
