/**
 * The web app's build: two pages from one source tree — the staff desktop at `/` (index.html,
 * Ant Design) and the phone app at `/m/` (m/index.html, antd-mobile). Each page loads only its
 * own chunks; views are split per route with React.lazy. Output: web/dist, hashed assets under
 * /assets/ (served immutable), HTML served no-cache (src/http/web.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1500,
    // No inline scripts: the server's CSP is script-src 'self'.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        desktop: path.join(root, 'index.html'),
        phone: path.join(root, 'm/index.html'),
      },
    },
  },
  server: {
    // `npx vite web` during development: the API comes from a running Shuzhi.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/open311': 'http://127.0.0.1:8080',
    },
  },
});
