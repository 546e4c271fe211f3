/**
 * `npm run build:single`: the whole app as ONE HTML file, `dist-single/index.html`, that works opened
 * from disk (file://) with no network: for a USB stick or an e-mail attachment (DESIGN.md "offline review").
 *
 * How: a `vite build` with the project's config plus a few overrides, into a temporary folder, then
 * the page's script and style are written into index.html.
 * - every dynamic import is inlined (`codeSplitting: false`): the sample plan, Terra Draw, the XLSX writer;
 * - every asset becomes a `data:` URL (`assetsInlineLimit`): MapLibre's worker (`?url`), the font;
 * - the analysis worker, started with `new Worker(new URL('…', import.meta.url))`, is rewritten to
 *   Vite's inline worker (`?worker&inline`: the worker's code in the bundle, started from a `blob:` URL);
 * - the font's public path (app.css `url("/fonts/…")`, MapView's `BASE_URL + FONT_PATH`) becomes the
 *   font file itself, inlined as a `data:` URL;
 * - the Content-Security-Policy allows the inline script and style by their SHA-256 hashes, workers,
 *   fetches, images and fonts from `data:`/`blob:` only, and nothing of any origin.
 * On a file:// page MapLibre starts its worker from a `data:` URL it makes from the worker's code.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FONT_FILE = join(root, 'public', 'fonts', 'noto-sans-sc-gb2312.woff2');

/** Vite's own pattern for a worker started from `new URL('…', import.meta.url)`. */
const WORKER_URL_RE =
  /\bnew\s+Worker\s*\(\s*new\s+URL\s*\(\s*('[^']+'|"[^"]+"|`[^`$]+`)\s*,\s*import\.meta\.url\s*(?:,\s*)?\)/g;

/**
 * Rewrites `new Worker(new URL('./w.ts', import.meta.url), options)` into a call of Vite's inline
 * worker wrapper for './w.ts?worker&inline', which starts the bundled worker from a blob: URL.
 */
export function inlineWorkersPlugin(): Plugin {
  return {
    name: 'planner-single:inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '')) return null;
      let count = 0;
      const imports: string[] = [];
      const rewritten = code.replace(WORKER_URL_RE, (_match, quoted: string) => {
        const name = `__plannerInlineWorker${count++}`;
        imports.push(`import ${name} from ${JSON.stringify(`${quoted.slice(1, -1)}?worker&inline`)};`);
        // The call's own arguments follow: `, options)`; the wrapper takes the options.
        return `((_url, options) => new ${name}(options))(undefined`;
      });
      if (count === 0) return null;
      return { code: `${imports.join('\n')}\n${rewritten}`, map: null };
    },
  };
}

/** MapView's font URL on the app's origin, which a single file has not: the font itself instead. */
const FONT_URL_EXPRESSION =
  /new URL\(`\$\{import\.meta\.env\.BASE_URL\}\$\{FONT_PATH\}`, document\.baseURI\)\.href/;

/** Gives MapLibre's `font-faces` the font as a data: URL (the file imported with `?url`, inlined). */
export function inlineFontUrlPlugin(): Plugin {
  return {
    name: 'planner-single:inline-font-url',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]?.endsWith('/src/ui/MapView.tsx')) return null;
      if (!FONT_URL_EXPRESSION.test(code)) {
        this.error(
          'build-single: src/ui/MapView.tsx no longer builds the font URL from import.meta.env.BASE_URL, ' +
            'FONT_PATH and document.baseURI; update FONT_URL_EXPRESSION in scripts/build-single.ts to match.',
        );
      }
      return {
        code: `import __plannerFontUrl from ${JSON.stringify(`${FONT_FILE}?url`)};\n${code.replace(FONT_URL_EXPRESSION, '__plannerFontUrl')}`,
        map: null,
      };
    },
  };
}

/** SHA-256 of `text` as a CSP source expression. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The single file's policy: its own inline script and style, everything else from data:/blob: only. */
export function singleFileCsp(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    // The plan suggestion's HiGHS is WebAssembly, compiled in a worker that inherits this policy.
    `script-src ${scriptHash} 'wasm-unsafe-eval'`,
    'worker-src blob: data:',
    'connect-src data: blob:',
    'img-src data: blob:',
    `style-src ${styleHash}`,
    'font-src data: blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Text that may stand inside <script> or <style>: a closing tag or a comment opener would end or
 * confuse the element. Inside JavaScript strings, templates and regular expressions `<\/` means `</`.
 */
export function escapeInline(text: string, element: 'script' | 'style'): string {
  const closing = new RegExp(`</(${element})`, 'gi');
  return text.replace(closing, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** Puts the built page's module script and stylesheet into index.html and rewrites its policy. */
export function inlinePage(html: string, readAsset: (relativePath: string) => string): string {
  const scriptTags = [...html.matchAll(/<script type="module" crossorigin src="([^"]+)"><\/script>/g)];
  const styleTags = [...html.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)];
  if (scriptTags.length !== 1)
    throw new Error(`Expected 1 module script in the built page, found ${scriptTags.length}.`);
  if (styleTags.length !== 1)
    throw new Error(`Expected 1 stylesheet in the built page, found ${styleTags.length}.`);
  const [scriptTag, scriptSrc] = scriptTags[0] as RegExpMatchArray;
  const [styleTag, styleHref] = styleTags[0] as RegExpMatchArray;
  const script = escapeInline(readAsset(scriptSrc as string), 'script');
  const style = escapeInline(readAsset(styleHref as string), 'style');
  const csp = singleFileCsp(cspHash(script), cspHash(style));
  let page = html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${csp}$2`);
  if (!page.includes(csp))
    throw new Error('The built page has no Content-Security-Policy meta tag to rewrite.');
  // Functions as replacements: the inlined text may hold `$&` and the like.
  page = page.replace(styleTag as string, () => `<style>${style}</style>`);
  // The module script stays where Vite put it (in <head>): module scripts run after parsing anyway.
  page = page.replace(scriptTag as string, () => `<script type="module">${script}</script>`);
  return page;
}

async function main(): Promise<void> {
  // A production build whoever runs it: under Vitest (NODE_ENV=test) or the dev server (development)
  // Vite would inline React's development build, which a review bundle refuses.
  process.env.NODE_ENV = 'production';
  const started = performance.now();
  const stageDir = mkdtempSync(join(tmpdir(), 'planner-single-'));
  const outDir = join(root, 'dist-single');
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      // Nothing is copied beside the page; the font is imported (and inlined) instead.
      publicDir: false,
      plugins: [inlineWorkersPlugin(), inlineFontUrlPlugin()],
      // A module worker from a blob: URL does not start on a file:// page (opaque origin); a classic one does.
      worker: { format: 'iife' },
      resolve: { alias: [{ find: /^\/fonts\//, replacement: `${join(root, 'public', 'fonts')}/` }] },
      build: {
        outDir: stageDir,
        emptyOutDir: true,
        assetsInlineLimit: () => true,
        cssCodeSplit: false,
        modulePreload: false,
        // The map's worker and the sample plan make the script large; that is the point here.
        chunkSizeWarningLimit: 100_000,
        rolldownOptions: { output: { codeSplitting: false } },
      },
    });
    const html = readFileSync(join(stageDir, 'index.html'), 'utf8');
    const used = new Set<string>();
    const page = inlinePage(html, (relativePath) => {
      used.add(relativePath.replace(/^\.?\//, ''));
      return readFileSync(join(stageDir, relativePath), 'utf8');
    });
    const assets = readdirSync(join(stageDir, 'assets')).map((name) => `assets/${name}`);
    const leftOver = assets.filter((asset) => !used.has(asset));
    if (leftOver.length > 0) {
      throw new Error(
        `The build emitted files the single page would need but does not hold: ${leftOver.join(', ')}`,
      );
    }
    if (/(?:src|href)="\.?\/?assets\//.test(page)) throw new Error('The single page still links to assets/.');
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), page);
    const rawMb = Buffer.byteLength(page) / 1e6;
    const gzipMb = gzipSync(page).length / 1e6;
    console.log(
      `dist-single/index.html: ${rawMb.toFixed(2)} MB, ${gzipMb.toFixed(2)} MB gzipped (MB of 1,000,000 bytes), ` +
        `built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    rmSync(stageDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
