// Mocha config: TypeScript through tsx; `.only` fails the run in CI so a focused test never lands.
module.exports = {
  'node-option': ['import=tsx'],
  spec: ['test/**/*.test.ts'],
  extension: ['ts'],
  timeout: 30000,
  forbidOnly: process.env.CI === 'true',
};
