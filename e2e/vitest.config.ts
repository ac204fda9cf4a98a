import { defineConfig } from 'vitest/config';

// Browser journeys: one opsdesk server (built web app, real PostgreSQL) for the run, Chromium
// driven by playwright-core. `npm run test:e2e`.
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false, // 2 cores: one browser at a time
    // A loaded 2-core machine can take seconds to render a page: poll for up to 20 s.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
