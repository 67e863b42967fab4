// Mocha config: TypeScript through tsx; `.only` fails the run in CI so a focused test never lands.
// Mocha adds a config's `spec` to the files named on the command line, so `mocha test/x.test.ts`
// would still run everything: the default spec applies only when no test file is named.
const namedFiles = process.argv.slice(2).some((arg) => /\.test\.ts$/.test(arg) || arg.startsWith('test/'));
module.exports = {
  'node-option': ['import=tsx'],
  ...(namedFiles ? {} : { spec: ['test/**/*.test.ts'] }),
  extension: ['ts'],
  timeout: 30000,
  forbidOnly: process.env.CI === 'true',
};
