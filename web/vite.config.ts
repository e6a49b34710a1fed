import { defineConfig } from 'vite';

// The server (quhua serve) embeds dist/; `npm run dev` proxies the API to a running server.
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
