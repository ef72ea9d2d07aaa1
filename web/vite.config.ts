import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The web folder itself, wherever the build is started from.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);
const api = 'http://127.0.0.1:8080';

/**
 * The desk reads the modules' manifests from the server's folders; they import only pure, import-
 * free files of the core. This check fails the build if server-only code (Node's builtins, the
 * schema validators) were ever pulled in, rather than let the page break in the browser.
 */
function serverCodeStaysOut(): Plugin {
  return {
    name: 'concord:server-code-stays-out',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, module] of Object.entries(chunk.modules)) {
          if (module.renderedLength > 0 && (id.includes('__vite-browser-external') || id.endsWith('/src/core/validators.ts'))) {
            this.error(`${chunk.fileName} would load server-only code (${id}): import a pure file of the core instead`);
          }
        }
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), serverCodeStaysOut()],
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
