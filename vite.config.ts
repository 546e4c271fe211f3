import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Content-Security-Policy in index.html is for the built app. The dev server injects inline
 * scripts (React Refresh) and inline styles, so it serves the page without that meta tag.
 */
function dropCspInDev(): Plugin {
  return {
    name: 'drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  // Relative asset URLs: the built folder works under any sub-path of an intranet server.
  base: './',
  plugins: [react(), dropCspInDev()],
  server: {
    host: '127.0.0.1',
    // The sample plan and the base map are imported from data/ at the project root.
    fs: { allow: ['.'] },
  },
  preview: { host: '127.0.0.1' },
  // The analysis worker is an ES module (it imports the core like the page does).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // MapLibre (1.1 MB) and the county outlines (0.3 MB) are in the main chunk; the 1.7 MB sample plan
    // is a chunk of its own.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Some static hosts serve .mjs with a wrong MIME type, and a module worker then fails to
        // start: MapLibre's worker (maplibre-gl-worker.mjs) is emitted as .js.
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.mjs'))
            ? 'assets/[name]-[hash].js'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
});
