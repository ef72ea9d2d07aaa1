import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web folder itself, wherever the build is started from.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);
const api = 'http://127.0.0.1:8080';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/ack': { target: api, changeOrigin: false },
    },
  },
});
