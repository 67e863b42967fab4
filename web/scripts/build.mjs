// Builds the dashboard into web/dist (run by `pnpm install` through postinstall, and by `pnpm --filter
// @vigil/web build`), writes each file's brotli and gzip encodings next to it for the server to send,
// and fails when the JavaScript exceeds its budget of 150 KB gzipped.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

export const JS_BUDGET_GZIP_BYTES = 150 * 1024;
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

await build({ configFile: join(root, 'vite.config.mjs') });
let jsGzip = 0;
for (const path of files(dist)) {
  const body = readFileSync(path);
  const gzip = gzipSync(body, { level: 9 });
  writeFileSync(`${path}.gz`, gzip);
  writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  if (path.endsWith('.js')) jsGzip += gzip.length;
}
console.log(`dashboard built in web/dist: JavaScript ${(jsGzip / 1024).toFixed(1)} KB gzipped (budget ${JS_BUDGET_GZIP_BYTES / 1024} KB)`);
if (jsGzip > JS_BUDGET_GZIP_BYTES) {
  console.error('dashboard JavaScript is over its budget');
  process.exit(1);
}
