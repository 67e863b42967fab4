#!/usr/bin/env tsx
import { runCli } from './cli/cli-main.js';

// No top-level await: the single-binary build bundles this file as CommonJS (installers/build-agent.mjs).
void runCli(process.argv.slice(2), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }).then((code) => {
  process.exitCode = code;
});
