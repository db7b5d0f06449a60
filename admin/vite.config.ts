import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The admin imports the domain from ../shared, so the dev server must serve the repository root.
const repository = fileURLToPath(new URL('..', import.meta.url));

/** The admin is served at '/' by CloudFront and by the local server, with the API under /api. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    fs: { allow: [repository] },
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
