// Lint rules, including the dependency direction of docs/architecture.md:
//   web → contracts → domain;  server → contracts, domain;  domain → nothing of ours, no I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noDeepImports = {
  group: ['@opsdesk/*/src/*', '@opsdesk/*/src'],
  message: 'Import a package by its name only.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', '**/*.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
        Blob: 'readonly',
        FormData: 'readonly',
        File: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        crypto: 'readonly',
        queueMicrotask: 'readonly',
        performance: 'readonly',
        setImmediate: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'Focused tests skip the rest of the suite.',
        },
      ],
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@opsdesk/*'], message: 'domain imports nothing of ours (docs/architecture.md).' },
            {
              group: [
                'node:*',
                'fs',
                'path',
                'http',
                'pg',
                'drizzle-orm',
                'drizzle-orm/*',
                'fastify',
                'zod',
                'react',
              ],
              message: 'domain is pure: no I/O, no framework.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            {
              group: ['@opsdesk/server', '@opsdesk/web', '**/apps/**'],
              message: 'contracts depend on domain only.',
            },
            {
              group: ['node:*', 'pg', 'drizzle-orm', 'fastify', 'react'],
              message: 'contracts are shared with the browser: no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            {
              group: ['@opsdesk/server', '@opsdesk/server/*', '**/server/src/**', '**/apps/server/**'],
              message: 'web never imports server (docs/architecture.md).',
            },
            { group: ['@opsdesk/domain'], message: 'web reaches domain through @opsdesk/contracts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            {
              group: ['@opsdesk/web', '**/apps/web/**', '**/web/src/**'],
              message: 'server never imports web.',
            },
          ],
        },
      ],
    },
  },
);
