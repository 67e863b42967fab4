// Regenerates proto/gen/vigil.{js,d.ts} from proto/vigil.proto (static code: typed, and
// bundles into the agent's single-file binary without reading .proto files at run time).
// Run `pnpm proto:gen` after editing vigil.proto; test/proto/generated.test.ts fails when
// the committed output is stale.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, 'node_modules', '.bin');
// An output dir argument lets the staleness test generate elsewhere and compare.
const out = process.argv[2] ?? join(here, 'gen');
mkdirSync(out, { recursive: true });

const js = join(out, 'vigil.js');
execFileSync(join(bin, 'pbjs'), ['-t', 'static-module', '-w', 'es6', '--no-beautify', '--force-number', '-o', js, join(here, 'vigil.proto')], { stdio: 'inherit' });
// 64-bit fields decode as plain numbers (matching the --force-number types) rather than Long
// objects: counters and Unix milliseconds stay far below 2^53 (the server refuses one beyond it by
// name, wire-checks.ts). Values that do pass it (a bigint sequence's bounds, up to 2^63 - 1) also
// travel as decimal text (PgSequenceUsage's *_text fields).
const importLine = 'import $protobuf from "protobufjs/minimal.js";\n';
const numbers = '// 64-bit fields as numbers: see proto/generate.mjs.\n$protobuf.util.Long = undefined;\n$protobuf.configure();\n';
const source = readFileSync(js, 'utf8');
if (!source.includes(importLine)) throw new Error('pbjs output changed: protobufjs import line not found');
writeFileSync(js, source.replace(importLine, importLine + numbers));
execFileSync(join(bin, 'pbts'), ['-o', join(out, 'vigil.d.ts'), js], { stdio: 'inherit' });
