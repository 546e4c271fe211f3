import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildSingleFileApp } from './scripts/lib/single-file-app.ts';

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

/**
 * 导出 → 审阅包 in the app `npm start` opens: the page fetches planner-single.html beside itself
 * (src/services/review-bundle-export.ts); the dev server answers with dist-single/index.html, built
 * first when it is missing or older than a source (a minute or more, once).
 */
function serveSingleFileApp(): Plugin {
  const root = fileURLToPath(new URL('.', import.meta.url));
  return {
    name: 'serve-single-file-app',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/planner-single.html', (_request, response) => {
        buildSingleFileApp(root).then(
          (page) => {
            response.setHeader('Content-Type', 'text/html; charset=utf-8');
            response.end(readFileSync(page));
          },
          (error: unknown) => {
            response.statusCode = 500;
            response.end(String(error));
          },
        );
      });
    },
  };
}

/**
 * polygon-clipping builds a module-level `new Operation()`, which keeps all of it wherever it is
 * imported, used or not; it has no side effect, and dropping it where unused keeps it off the page
 * and out of the tile worker.
 */
const treeshake = {
  moduleSideEffects: [{ test: /[\\/]node_modules[\\/]polygon-clipping[\\/]/, sideEffects: false }],
};

export default defineConfig({
  // Relative asset URLs: the built folder works under any sub-path of an intranet server.
  base: './',
  plugins: [react(), dropCspInDev(), serveSingleFileApp()],
  resolve: {
    // polygon-clipping's `browser` field (which Vite prefers) is a UMD file that cannot be tree-shaken:
    // the page, which imports only helpers of the modules that use it, carried all of it. Its ES module
    // build is the same code.
    alias: [{ find: /^polygon-clipping$/, replacement: 'polygon-clipping/dist/polygon-clipping.esm.js' }],
  },
  // HiGHS finds its WebAssembly beside its own module (`new URL('highs.wasm', import.meta.url)`):
  // pre-bundled into .vite/deps by the dev server it would look for it there, where it is not.
  optimizeDeps: { exclude: ['highs'] },
  server: {
    host: '127.0.0.1',
    // The builds are written inside the project: a page open on the dev server must not reload when
    // serveSingleFileApp builds dist-single/ for a review bundle.
    watch: { ignored: ['**/dist/**', '**/dist-single/**'] },
    // The sample plan and the base map are imported from data/ at the project root.
    fs: { allow: ['.'] },
  },
  preview: { host: '127.0.0.1' },
  // The analysis worker is an ES module (it imports the core like the page does); it loads its file
  // readers as a chunk of its own on the first import.
  worker: { format: 'es', rolldownOptions: { treeshake } },
  build: {
    target: 'es2022',
    // `npm run build` reads it (scripts/report-build.ts) to tell the first view's files from the lazy ones.
    manifest: true,
    // MapLibre (1.1 MB) and the sample plan (1.7 MB, data) are chunks of their own and larger than that.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      treeshake,
      output: {
        // Chunks named for what they hold, so that the build report can tell library, data and our
        // own code apart. Both are in the first view; the sample plan is a dynamic import of its own.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ },
            { name: 'basemap', test: /[\\/]data[\\/]basemap[\\/]/ },
          ],
        },
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
