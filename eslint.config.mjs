import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'test/globalSetup.js', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Apps Script code: no Node globals; only src/workspace talks to Google services.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'process', 'require', 'setTimeout', 'setInterval'] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'DocumentApp',
          'DriveApp',
          'MailApp',
          'ScriptApp',
          'LockService',
          'PropertiesService',
          'CacheService',
          'Session',
          'Utilities',
          'HtmlService',
          'Logger',
        ].map((name) => ({ name, message: 'src/domain is pure: Google services belong in src/workspace.' })),
      ],
    },
  },
);
