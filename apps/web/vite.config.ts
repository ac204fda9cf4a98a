import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `@opsdesk/contracts` and `@opsdesk/domain` are pure (no I/O, nothing runs on import), but their
 * package.json files do not say `"sideEffects": false`. Saying it here lets the bundler leave out
 * the contract modules a chunk does not use — above all zod, which the app shell does not need.
 */
function pureWorkspacePackages(): Plugin {
  return {
    name: 'opsdesk:pure-workspace-packages',
    transform: {
      filter: { id: /[\\/]packages[\\/](contracts|domain)[\\/]src[\\/]/ },
      handler() {
        return { moduleSideEffects: false };
      },
    },
  };
}

// The SPA. In development `/api` goes to the server (`npm start` listens on 3000; another one with
// OPSDESK_API_URL); in production the server serves `dist/` itself, so API calls stay same-origin.
const apiTarget = process.env.OPSDESK_API_URL ?? 'http://127.0.0.1:3000';
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), pureWorkspacePackages()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd + React make a large vendor chunk by nature; feature routes are lazy (src/app/router.tsx).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Charts are big and used by a few pages only: keep them out of every other chunk.
            {
              name: 'echarts',
              test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
