import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The admin imports the domain from ../shared, so the dev server must serve the repository root.
const repository = fileURLToPath(new URL('..', import.meta.url));

/**
 * Two pages: the admin (index.html) and the resident look-up (lookup.html), a small page of its
 * own with no react-admin in its bundle. The local server and CloudFront answer `/lookup` and
 * `/lookup/…` with lookup.html; this does the same for the dev server.
 */
const lookupPage = (): Plugin => ({
  name: 'nguon-lookup-page',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      const path = (request.url ?? '').split('?')[0];
      if (/^\/lookup(\/[^.]*)?$/.test(path)) {
        request.url = `/lookup.html${(request.url ?? '').slice(path.length)}`;
      }
      next();
    });
  },
});

/** The admin is served at '/' by CloudFront and by the local server, with the API under /api. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), lookupPage()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        admin: fileURLToPath(new URL('index.html', import.meta.url)),
        lookup: fileURLToPath(new URL('lookup.html', import.meta.url)),
      },
    },
  },
  server: {
    fs: { allow: [repository] },
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
