/**
 * The direction of imports (STYLE.md): ui → state → worker/core, map → state + core, and core
 * imports nothing of ours outside core, no UI library and no browser globals. Read from the files.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(new URL('../../src', import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The folder under src/ a file belongs to ('core', 'ui', …; 'main' for src/main.tsx; 'data' for data/). */
function areaOf(path: string): string {
  const rel = relative(src, path);
  if (rel.startsWith('../data/')) return 'data';
  const first = rel.split('/')[0] ?? '';
  return first.includes('.') ? 'main' : first;
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
}

/** Which of our areas and which packages each area may import. */
const ALLOWED: Record<string, { areas: string[]; packages: RegExp }> = {
  core: {
    areas: ['core'],
    packages: /^(flatbush|polygon-clipping|proj4|geojson-validation|fflate|fast-xml-parser)$/,
  },
  // flatbush: the plot tile worker indexes the plots' centres and boxes.
  worker: { areas: ['worker', 'core'], packages: /^flatbush$/ },
  i18n: { areas: ['i18n'], packages: /^$/ },
  state: { areas: ['state', 'core', 'worker', 'i18n'], packages: /^zustand(\/|$)/ },
  map: { areas: ['map', 'state', 'core', 'i18n'], packages: /^maplibre-gl$/ },
  // CSV, XLSX, tables, GeoJSON, map PNG and the report's model (fflate zips the XLSX).
  export: { areas: ['export', 'state', 'core', 'map', 'i18n'], packages: /^(maplibre-gl|fflate)$/ },
  app: {
    areas: ['app', 'export', 'state', 'core', 'worker', 'map', 'i18n', 'data'],
    packages: /^(maplibre-gl|fflate)$/,
  },
  ui: {
    areas: ['ui', 'state', 'core', 'app', 'export', 'map', 'i18n', 'worker'],
    packages: /^(react|react-dom)(\/|$)/,
  },
  main: { areas: ['ui', 'app', 'main'], packages: /^(react|react-dom|maplibre-gl)(\/|$)/ },
};

const BROWSER_GLOBAL = /\b(document|window|DOMParser|localStorage|indexedDB|fetch)\s*[.(]/;

/** The code without its comments (roughly: enough that prose like "a JSON document." is not code). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('the direction of imports', () => {
  const files = sourceFiles(src);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(Object.keys(ALLOWED))('%s imports only what it may', (area) => {
    const rule = ALLOWED[area] as (typeof ALLOWED)[string];
    const wrong: string[] = [];
    for (const file of files.filter((f) => areaOf(f) === area)) {
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = areaOf(resolve(dirname(file), specifier));
          if (!rule.areas.includes(target)) wrong.push(`${relative(src, file)} → ${specifier}`);
        } else if (!rule.packages.test(specifier.replace(/\?.*$/, ''))) {
          wrong.push(`${relative(src, file)} → ${specifier}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps browser globals out of src/core (it runs in Node and in the worker)', () => {
    const wrong = files
      .filter((f) => areaOf(f) === 'core')
      .filter((f) => BROWSER_GLOBAL.test(withoutComments(readFileSync(f, 'utf8'))))
      .map((f) => relative(src, f));
    expect(wrong).toEqual([]);
  });
});
