import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { precompress } from './vite-precompress';

const root = fileURLToPath(new URL('.', import.meta.url));
const target = process.env.API_TARGET ?? 'http://127.0.0.1:3000';

/** The web app: built into apps/web/dist (served by the api via WEB_DIST); dev server proxies the api and socket.io. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  // modules shared with the server, dependency-free: the personal-data rule (ID numbers, phones) and the socket
  // event map
  resolve: {
    alias: {
      '@tiaojie/personal-data': fileURLToPath(
        new URL('../../libs/personal-data/src/index.ts', import.meta.url),
      ),
      '@tiaojie/business-time': fileURLToPath(
        new URL('../../libs/business-time/src/index.ts', import.meta.url),
      ),
      '@tiaojie/socket-events': fileURLToPath(
        new URL('../../libs/core/src/socket-events.ts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each entry loads (read by the script budget test)
    manifest: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target, changeOrigin: true },
      '/socket.io': { target, changeOrigin: true, ws: true },
    },
  },
});
