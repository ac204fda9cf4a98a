import { defineConfig } from 'vitest/config';

// One run for the whole workspace: pure packages, the server against a real PostgreSQL
// (embedded by default, TEST_DATABASE_URL when set), and the web app in jsdom.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', root: 'packages/domain', include: ['src/**/*.test.ts'] } },
      { test: { name: 'contracts', root: 'packages/contracts', include: ['src/**/*.test.ts'] } },
      { test: { name: 'scripts', root: 'scripts', include: ['*.test.mjs'] } },
      './apps/server/vitest.config.ts',
      './apps/web/vitest.config.ts',
    ],
  },
});
