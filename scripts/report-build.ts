/**
 * `npm run build` ends here: a table of what `vite build` wrote to dist/, with raw and gzip sizes,
 * telling apart what the first view loads (the entry's static imports in Vite's manifest, their CSS
 * and the workers they start), MapLibre, data (base map, sample plan, font) and the lazy chunks, and
 * the first view's own code against the 250 kB target of issue 5.
 *
 * Sizes are in kB of 1,000 bytes, gzip at zlib's default level, as Vite prints them.
 * `tsx scripts/report-build.ts [folder]` reports another build folder (default dist/).
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The first view's own code (everything but MapLibre and data), gzipped, must stay under this. */
export const OWN_CODE_TARGET_BYTES = 250_000;

/** One entry of `.vite/manifest.json` (Vite's `ManifestChunk`). */
export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** What a file is for: MapLibre, the app's code (ours and the other libraries), or data bundled as a module or a file. */
export type FileRole = 'maplibre' | 'app' | 'data';

/** When a file is loaded: by the first view, or later when a feature is first used. */
export type FileLoad = 'first-view' | 'lazy';

export interface BuiltFile {
  /** Path inside the build folder, with forward slashes: `assets/index-abc.js`. */
  path: string;
  kind: 'js' | 'css' | 'worker' | 'font' | 'html' | 'other';
  role: FileRole;
  load: FileLoad;
  /** Why the file has that role and load, for the table. */
  note: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface BuildReport {
  files: BuiltFile[];
  /** Gzipped totals in bytes. */
  firstView: {
    /** JavaScript and CSS on the page's thread, workers included, data excluded. */
    code: number;
    maplibre: number;
    /** `code` without MapLibre: the figure held against OWN_CODE_TARGET_BYTES. */
    ownCode: number;
    /** The part of `ownCode` that runs in workers. */
    ownWorkers: number;
    /** Base map, sample plan and font. */
    data: number;
    /** The part of `data` that is JavaScript (GeoJSON in modules). */
    dataModules: number;
  };
  lazy: number;
}

/**
 * Data loaded as modules or files, recognised by chunk name (vite.config.ts's `basemap` group, the
 * sample plan's own dynamic import) or by path (the bundled font).
 */
const DATA_CHUNKS: Readonly<Record<string, { note: string; load: FileLoad }>> = {
  basemap: { note: 'base map: county outlines, land, towns (GeoJSON as JS)', load: 'first-view' },
  // A dynamic import, but the first view makes it unless IndexedDB holds an autosaved plan.
  'sample-plan': { note: 'sample plan (GeoJSON as JS), first view without an autosave', load: 'first-view' },
};
const MAPLIBRE_CHUNK = 'maplibre';
const FONT_PATTERN = /\.woff2$/;

/** The manifest keys of `entryKey` and everything it imports statically, in a stable order. */
export function staticClosure(manifest: Manifest, entryKey: string): string[] {
  const seen = new Set<string>();
  const stack = [entryKey];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest names ${key} as an import but has no entry for it.`);
    seen.add(key);
    stack.push(...(chunk.imports ?? []));
  }
  return [...seen];
}

/**
 * The `./name.js` chunks that the minified chunk `code` at `path` imports, statically
 * (`from"./x.js"`, `import"./x.js"`) or dynamically (`import("./x.js")`).
 */
export function chunkImports(code: string, path: string): { path: string; isDynamic: boolean }[] {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const found = new Map<string, boolean>();
  for (const match of code.matchAll(/(import\s*\(\s*|from\s*|import\s*)[`'"]\.\/([\w.-]+\.js)[`'"]/g)) {
    const target = `${folder}${match[2]}`;
    const isDynamic = (match[1] ?? '').includes('(');
    // Imported both ways, it loads with the importer.
    found.set(target, (found.get(target) ?? true) && isDynamic);
  }
  return [...found].map(([target, isDynamic]) => ({ path: target, isDynamic }));
}

/** `node_modules/terra-draw/dist/x.js` → `terra-draw`; our own paths as they are. */
function packageOrPath(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match ? (match[1] as string) : path;
}

function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes).length;
}

function kindOf(path: string, isWorker: boolean): BuiltFile['kind'] {
  if (isWorker) return 'worker';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (FONT_PATTERN.test(path)) return 'font';
  if (path.endsWith('.html')) return 'html';
  return 'other';
}

/** Every file under `root`, as paths relative to it with forward slashes. */
function listFiles(root: string, folder = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(root, path));
    else out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

/** Reads `outDir` and its `.vite/manifest.json` and sorts every file into role and load. */
export function reportBuild(outDir: string): BuildReport {
  const manifestPath = join(outDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} is missing: build with build.manifest = true (vite.config.ts).`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`Expected 1 entry in the manifest, found ${entries.length}.`);
  const firstViewKeys = new Set(staticClosure(manifest, (entries[0] as [string, ManifestChunk])[0]));

  const classified = new Map<string, Omit<BuiltFile, 'rawBytes' | 'gzipBytes' | 'path' | 'kind'>>();
  const workers = new Set<string>();
  const classify = (path: string, value: Omit<BuiltFile, 'rawBytes' | 'gzipBytes' | 'path' | 'kind'>) => {
    // A file reached from the first view keeps that, whichever chunk names it later.
    const known = classified.get(path);
    if (known?.load === 'first-view') return;
    classified.set(path, value);
  };
  // First-view chunks first, so that a chunk shared with a lazy one counts as first view.
  const keys = Object.keys(manifest).sort(
    (a, b) => Number(firstViewKeys.has(b)) - Number(firstViewKeys.has(a)) || a.localeCompare(b),
  );
  for (const key of keys) {
    const chunk = manifest[key] as ManifestChunk;
    const isFirstView = firstViewKeys.has(key);
    const name = chunk.name ?? '';
    const data = DATA_CHUNKS[name];
    const isMaplibre = name === MAPLIBRE_CHUNK || key.includes('node_modules/maplibre-gl/');
    const load: FileLoad = isFirstView || data?.load === 'first-view' ? 'first-view' : 'lazy';
    const isJsChunk = chunk.file.endsWith('.js') && (chunk.isEntry || chunk.isDynamicEntry || !chunk.src);
    if (isJsChunk) {
      const role: FileRole = data ? 'data' : isMaplibre ? 'maplibre' : 'app';
      const note = data
        ? data.note
        : chunk.isEntry
          ? 'entry'
          : isFirstView
            ? `static import of the entry${chunk.name ? ` (${chunk.name})` : ''}`
            : chunk.isDynamicEntry
              ? `dynamic import of ${packageOrPath(chunk.src ?? chunk.name ?? key)}`
              : `shared by dynamic imports${chunk.name ? ` (${chunk.name})` : ''}`;
      classify(chunk.file, { role, load, note });
    }
    for (const css of chunk.css ?? []) {
      const isMaplibreCss = isMaplibre || /(^|\/)maplibre-[\w-]+\.css$/.test(css);
      classify(css, {
        role: isMaplibreCss ? 'maplibre' : 'app',
        load,
        note: isMaplibreCss ? 'maplibre-gl.css' : `styles of ${chunk.name ?? key}`,
      });
    }
    for (const asset of chunk.assets ?? []) {
      if (!asset.endsWith('.js')) continue;
      workers.add(asset);
      const isMaplibreWorker = /maplibre-gl-worker/.test(asset);
      classify(asset, {
        role: isMaplibreWorker ? 'maplibre' : 'app',
        load,
        note: `worker started by ${chunk.name ?? key}`,
      });
    }
  }
  // A worker's own chunks are not in the manifest: follow its imports (static ones load with it).
  const workerStack = [...workers];
  while (workerStack.length > 0) {
    const worker = workerStack.pop() as string;
    const parent = classified.get(worker);
    if (!parent) continue;
    const code = readFileSync(join(outDir, worker), 'utf8');
    // WebAssembly a worker's chunk finds beside itself (`new URL("x.wasm", import.meta.url)`: HiGHS).
    for (const match of code.matchAll(/[`'"]\.?\/?([\w.-]+\.wasm)[`'"]/g)) {
      const path = `${worker.slice(0, worker.lastIndexOf('/') + 1)}${match[1]}`;
      if (!classified.has(path))
        classify(path, {
          role: parent.role,
          load: parent.load,
          note: `WebAssembly of ${worker.replace(/^assets\//, '')}`,
        });
    }
    for (const { path, isDynamic } of chunkImports(code, worker)) {
      if (workers.has(path)) continue;
      workers.add(path);
      classify(path, {
        role: parent.role,
        load: isDynamic ? 'lazy' : parent.load,
        note: `${isDynamic ? 'dynamic' : 'static'} import of ${worker.replace(/^assets\//, '')}`,
      });
      workerStack.push(path);
    }
  }

  const files: BuiltFile[] = [];
  for (const path of listFiles(outDir)) {
    if (path.startsWith('.vite/')) continue;
    const bytes = readFileSync(join(outDir, path));
    const known = classified.get(path);
    let value = known;
    if (!value) {
      if (FONT_PATTERN.test(path)) {
        value = { role: 'data', load: 'first-view', note: 'label and interface font (app.css, map style)' };
      } else if (path === 'index.html') {
        value = { role: 'app', load: 'first-view', note: 'the page' };
      } else if (path.startsWith('assets/')) {
        throw new Error(`${path} is in assets/ but not in the manifest: the report cannot place it.`);
      } else {
        value = { role: 'data', load: 'lazy', note: 'copied from public/, not fetched by the app' };
      }
    }
    files.push({
      path,
      kind: kindOf(path, workers.has(path)),
      ...value,
      rawBytes: bytes.length,
      gzipBytes: gzipSize(bytes),
    });
  }
  const loadOrder: Record<FileLoad, number> = { 'first-view': 0, lazy: 1 };
  const roleOrder: Record<FileRole, number> = { app: 0, maplibre: 1, data: 2 };
  files.sort(
    (a, b) =>
      loadOrder[a.load] - loadOrder[b.load] ||
      roleOrder[a.role] - roleOrder[b.role] ||
      b.gzipBytes - a.gzipBytes ||
      a.path.localeCompare(b.path),
  );

  const sum = (filter: (file: BuiltFile) => boolean) =>
    files.filter(filter).reduce((total, file) => total + file.gzipBytes, 0);
  const isCode = (file: BuiltFile) => file.kind === 'js' || file.kind === 'css' || file.kind === 'worker';
  const first = (file: BuiltFile) => file.load === 'first-view';
  return {
    files,
    firstView: {
      code: sum((file) => first(file) && isCode(file) && file.role !== 'data'),
      maplibre: sum((file) => first(file) && isCode(file) && file.role === 'maplibre'),
      ownCode: sum((file) => first(file) && isCode(file) && file.role === 'app'),
      ownWorkers: sum((file) => first(file) && file.kind === 'worker' && file.role === 'app'),
      data: sum((file) => first(file) && file.role === 'data'),
      dataModules: sum((file) => first(file) && file.role === 'data' && isCode(file)),
    },
    lazy: sum((file) => file.load === 'lazy' && isCode(file)),
  };
}

/** Bytes as kB (1,000 bytes), one decimal, right-aligned. */
export function formatKb(bytes: number, width = 9): string {
  return `${(bytes / 1000).toFixed(1)} kB`.padStart(width);
}

/** The report as a plain-text table and summary. */
export function formatReport(report: BuildReport): string {
  const pathWidth = Math.max(4, ...report.files.map((file) => file.path.length));
  const lines: string[] = [];
  const header = `${'file'.padEnd(pathWidth)}  ${'raw'.padStart(11)}  ${'gzip'.padStart(10)}  loaded      role      what`;
  lines.push(header, '-'.repeat(header.length + 30));
  for (const file of report.files) {
    lines.push(
      `${file.path.padEnd(pathWidth)}  ${formatKb(file.rawBytes, 11)}  ${formatKb(file.gzipBytes, 10)}  ` +
        `${file.load.padEnd(10)}  ${file.role.padEnd(8)}  ${file.kind}: ${file.note}`,
    );
  }
  const { firstView } = report;
  const verdict = firstView.ownCode < OWN_CODE_TARGET_BYTES ? 'within' : 'OVER';
  const line = (label: string, bytes: number, comment = '') =>
    `  ${label.padEnd(44)}${formatKb(bytes, 11)}${comment ? `   ${comment}` : ''}`;
  lines.push(
    '',
    'First view, gzipped: what the page and the workers it starts load before the first drawn map',
    line('JavaScript and CSS, data modules excluded', firstView.code),
    line('  MapLibre (its chunk, CSS and worker)', firstView.maplibre),
    line(
      "  the app's own code beyond MapLibre",
      firstView.ownCode,
      `${verdict} the target of ${formatKb(OWN_CODE_TARGET_BYTES, 0)} (page ${formatKb(firstView.ownCode - firstView.ownWorkers, 0)}, workers ${formatKb(firstView.ownWorkers, 0)})`,
    ),
    line('data: base map and sample plan (JS), font', firstView.data),
    line('JavaScript and CSS with the data modules', firstView.code + firstView.dataModules),
    '',
    line('Lazy code, gzipped, loaded when first used', report.lazy),
  );
  return lines.join('\n');
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(root, process.argv[2] ?? 'dist');
  console.log(`\nBuild report for ${relative(root, outDir) || outDir}/\n`);
  console.log(formatReport(reportBuild(outDir)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
