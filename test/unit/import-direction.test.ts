/**
 * The house rules that can be read from the files (STYLE.md, issue 11): the direction of imports
 * between the folders of src/ (ui → state → worker/core, map → state + core, core imports nothing
 * of ours outside core, no UI library and no browser globals), no import loop, no two source files
 * of one name, nothing in src/ from test/, and scripts/ importing only src/core and test/support.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(new URL('../..', import.meta.url).pathname);
const src = join(root, 'src');

const isTest = (path: string) => /\.test\.tsx?$/.test(path);

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : codeFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The code without its comments (roughly: enough that prose like "a JSON document." is not code). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

interface Import {
  specifier: string;
  /** `import('…')`: loaded when first used, so it cannot close a loop at load time. */
  dynamic: boolean;
}

/** Every module a file names: `import … from`, `export … from`, `import '…'` and `import('…')`. */
function importsOf(path: string): Import[] {
  const code = withoutComments(readFileSync(path, 'utf8'));
  const fixed = [
    ...code.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => ({ specifier: m[1] ?? '', dynamic: false }));
  const lazy = [...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({
    specifier: m[1] ?? '',
    dynamic: true,
  }));
  return [...fixed, ...lazy];
}

/** The file a relative specifier names, with Vite's `?raw`/`?url` suffix dropped. */
function target(from: string, specifier: string): string {
  return resolve(dirname(from), specifier.replace(/\?.*$/, ''));
}

/**
 * The area of a path: the folder under src/ ('core', 'ui', …), 'main' for src/main.tsx, 'data' for
 * the committed data/ at the project's root, 'test' for test/, or 'outside'.
 */
function areaOf(path: string): string {
  const rel = relative(src, path);
  if (rel.startsWith('../data/')) return 'data';
  if (rel.startsWith('../test/')) return 'test';
  if (rel.startsWith('..')) return 'outside';
  const first = rel.split('/')[0] ?? '';
  return first.includes('.') ? 'main' : first;
}

/** Which of our areas and which packages each area may import. */
const ALLOWED: Record<string, { areas: string[]; packages: RegExp }> = {
  // Pure TypeScript: runs in Node (CLI, tests), the analysis worker and the page.
  core: {
    areas: ['core'],
    packages: /^(flatbush|polygon-clipping|proj4|geojson-validation|fflate|fast-xml-parser|highs)$/,
  },
  // The analysis worker and the plot tile worker; flatbush indexes the plots' centres and boxes.
  worker: { areas: ['worker', 'core'], packages: /^flatbush$/ },
  i18n: { areas: ['i18n'], packages: /^$/ },
  state: { areas: ['state', 'core', 'worker', 'i18n'], packages: /^zustand(\/|$)/ },
  // Terra Draw draws and edits zones (loaded on first use).
  map: {
    areas: ['map', 'state', 'core', 'i18n'],
    packages: /^(maplibre-gl|terra-draw|terra-draw-maplibre-gl-adapter)$/,
  },
  // CSV, XLSX (fflate zips it), tables, GeoJSON, map PNG, the report's model and paper: files made
  // from the store for the planner to take away. They draw with the map's palette.
  export: { areas: ['export', 'state', 'core', 'map', 'i18n'], packages: /^(maplibre-gl|fflate)$/ },
  // The base map and the sample plan bundled from data/ (Vite `?raw`), in the map's and the store's shapes.
  bundled: { areas: ['bundled', 'data', 'map', 'state', 'core'], packages: /^$/ },
  // What runs besides the React tree, started from main.tsx: worker jobs, import, plan files,
  // autosave, the start plan, the plots:// protocol (it needs the tile worker's client, which map
  // may not import), the inspection seam.
  services: {
    areas: ['services', 'export', 'bundled', 'state', 'core', 'worker', 'map', 'i18n'],
    packages: /^(maplibre-gl|pmtiles)$/,
  },
  ui: {
    areas: ['ui', 'services', 'export', 'bundled', 'map', 'state', 'core', 'worker', 'i18n'],
    packages: /^(react|react-dom)(\/|$)/,
  },
  main: {
    areas: ['main', 'ui', 'services', 'state'],
    packages: /^(react|react-dom|maplibre-gl)(\/|$)/,
  },
};

const BROWSER_GLOBAL = /\b(document|window|DOMParser|localStorage|indexedDB|fetch)\s*[.(]/;

/** Files of src/ that ship (not tests). */
const sources = codeFiles(src).filter((path) => !isTest(path));

/** The relative imports among src/ files that load with the importer (not `import()`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources) {
    const edges = importsOf(file)
      .filter((entry) => entry.specifier.startsWith('.') && !entry.dynamic)
      .map((entry) => target(file, entry.specifier))
      .filter((path) => areaOf(path) !== 'data' && /\.tsx?$/.test(path));
    graph.set(file, [...new Set(edges)]);
  }
  return graph;
}

/**
 * The import loops of `graph` as its strongly connected components of more than one file (Tarjan),
 * each given as one loop through some of its files, found by a depth-first search inside it.
 */
function importLoops(graph: ReadonlyMap<string, readonly string[]>): { files: string[]; loop: string[] }[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      const selfLoop = (graph.get(file) ?? []).includes(file);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return components.map((files) => ({ files, loop: loopWithin(graph, new Set(files)) }));
}

/** One loop through the first of `files`, following only edges among `files`. */
function loopWithin(graph: ReadonlyMap<string, readonly string[]>, files: ReadonlySet<string>): string[] {
  const start = [...files][0] as string;
  const path: string[] = [];
  const seen = new Set<string>();
  const search = (file: string): boolean => {
    path.push(file);
    seen.add(file);
    for (const next of graph.get(file) ?? []) {
      if (next === start) return true;
      if (files.has(next) && !seen.has(next) && search(next)) return true;
    }
    path.pop();
    return false;
  };
  search(start);
  return [...path, start];
}

describe('the direction of imports', () => {
  it('finds the source files', () => {
    expect(sources.length).toBeGreaterThan(40);
  });

  it('knows the area of every source file', () => {
    const unknown = sources.filter((file) => !(areaOf(file) in ALLOWED)).map((file) => relative(src, file));
    expect(unknown).toEqual([]);
  });

  it.each(Object.keys(ALLOWED))('%s imports only what it may', (area) => {
    const rule = ALLOWED[area] as (typeof ALLOWED)[string];
    const wrong: string[] = [];
    for (const file of sources.filter((f) => areaOf(f) === area)) {
      for (const { specifier } of importsOf(file)) {
        const allowed = specifier.startsWith('.')
          ? rule.areas.includes(areaOf(target(file, specifier)))
          : rule.packages.test(specifier.replace(/\?.*$/, ''));
        if (!allowed) wrong.push(`${relative(src, file)} → ${specifier}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps browser globals out of src/core (it runs in Node and in the worker)', () => {
    const wrong = sources
      .filter((f) => areaOf(f) === 'core')
      .filter((f) => BROWSER_GLOBAL.test(withoutComments(readFileSync(f, 'utf8'))))
      .map((f) => relative(src, f));
    expect(wrong).toEqual([]);
  });

  it('has no import loop among the source files', () => {
    const loops = importLoops(importGraph()).map(
      ({ files, loop }) =>
        `${loop.map((f) => relative(src, f)).join(' → ')} (the loop's files: ${files.map((f) => relative(src, f)).join(', ')})`,
    );
    expect(loops).toEqual([]);
  });

  it('gives no two source files one name (a test follows its subject)', () => {
    const byName = new Map<string, string[]>();
    for (const file of sources) {
      const name = basename(file).replace(/\.tsx?$/, '');
      byName.set(name, [...(byName.get(name) ?? []), relative(src, file)]);
    }
    const shared = [...byName]
      .filter(([, files]) => files.length > 1)
      .map(([, files]) => files.join(' and '));
    expect(shared).toEqual([]);
  });

  it('imports nothing of test/ into the source files (their tests may use test/fixtures and test/support)', () => {
    const wrong = sources.flatMap((file) =>
      importsOf(file)
        .filter(({ specifier }) => specifier.startsWith('.') && areaOf(target(file, specifier)) === 'test')
        .map(({ specifier }) => `${relative(src, file)} → ${specifier}`),
    );
    expect(wrong).toEqual([]);
  });

  it('lets scripts/ import only src/core and test/support of ours', () => {
    const scripts = join(root, 'scripts');
    const wrong: string[] = [];
    for (const file of codeFiles(scripts)) {
      for (const { specifier } of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const rel = relative(root, target(file, specifier));
        if (rel.startsWith('scripts/') || rel.startsWith('src/core/') || rel.startsWith('test/support/'))
          continue;
        wrong.push(`${relative(root, file)} → ${dirname(rel)}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });
});

describe('importLoops', () => {
  it('finds a loop and the files in it, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', []],
    ]);
    expect(importLoops(graph)).toEqual([{ files: ['a', 'b', 'c'], loop: ['a', 'b', 'c', 'a'] }]);
    expect(
      importLoops(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });
});
