import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const NOT_IN_APPS_SCRIPT = ['process', 'require', 'setTimeout', 'setInterval'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'coverage/',
      'test/globalSetup.js',
      'test/support/textTransform.js',
      'jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Apps Script code has no Node globals and no timers.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...NOT_IN_APPS_SCRIPT] },
  },
  {
    // Only src/workspace and src/ui (menus, dialogs) talk to Google services.
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts', 'src/main.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...NOT_IN_APPS_SCRIPT,
        ...[
          'SpreadsheetApp',
          'Sheets',
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
        ].map((name) => ({
          name,
          message: 'Google services belong in src/workspace (or src/ui for menus and dialogs).',
        })),
      ],
    },
  },
);
