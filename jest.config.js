/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.scripts.json', diagnostics: false }],
    '^.+\\.csv$': '<rootDir>/test/support/textTransform.js',
  },
  globalSetup: '<rootDir>/test/globalSetup.js',
  // Apps Script runs in the script's time zone; so do the tests.
  testTimeout: 60000,
};
