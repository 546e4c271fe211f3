/**
 * `npm run bench:first-map [-- --runs 5] [-- --build]`: the time from opening the built app to the
 * first drawn map, in headless Chromium, for the built folder (dist/, served by a local static
 * server under a sub-path) and the single file (dist-single/index.html from file://).
 *
 * "First drawn map": from navigation start (performance.timeOrigin) to the first MapLibre `idle`
 * event (every tile loaded and the frame drawn) at which the sample plan's plots are drawn (features
 * of `plots-fill` rendered, or the county view's raster tiles of the plots loaded). Also reported: MapLibre's `load` (style and base map
 * ready, no plots yet) and the legend's total (the sample plan classified in the worker).
 * Every run starts a new browser with a fresh profile (no HTTP cache, no autosaved plan).
 * Builds dist/ and dist-single/ when missing, or always with --build; measures copies of them in a
 * temporary folder, so that a build started meanwhile in the working tree does not pull files away.
 */

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../test/support/build-app.ts';
import { openPlanner, type PlannerOptions } from '../test/support/planner-harness.ts';
import { startApp } from '../test/support/start-app.ts';

const VIEWPORT = { width: 1600, height: 900 };
const BASE_PATH = '/intranet/planner/';
/** A run without the plots drawn this long after opening counts as failed. */
const TIMEOUT_MS = 60_000;

interface RunTimes {
  /** MapLibre `load`, ms after navigation start. */
  mapLoadMs: number;
  /** The legend shows the classified total. */
  classifiedMs: number;
  /** The first `idle` with the plots drawn; NaN when they were not drawn in time. */
  firstMapMs: number;
  /** Why the run has no first drawn map. */
  failure?: string;
}

/**
 * Installed before the page's scripts: watches for `window.__planner` (set when a map is created;
 * the app may replace the map, and removes the hook with `delete`, so a property trap would not do)
 * and listens to each map from then on, early enough for its `load`. A string, not a function: tsx
 * would wrap a function's inner functions in a helper the page does not have.
 */
const INSTRUMENT_PAGE = `(() => {
  const marks = {};
  window.__firstMapMarks = marks;
  let watched;
  const watch = setInterval(() => {
    const planner = window.__planner;
    if (!planner || planner === watched) return;
    watched = planner;
    planner.map.on('load', () => { marks.mapLoad ??= performance.now(); });
    planner.map.on('idle', () => {
      if (marks.firstMap !== undefined) return;
      const at = performance.now();
      // The county view's dots are raster tiles (no features): drawn once its tiles of published
      // plots (a version other than 0) are loaded. (Builds from before drew circles, 'plot-dots'.)
      const raster = planner.map.getSource('plot-raster');
      const rasterDrawn = Boolean(raster && !(raster.tiles?.[0] ?? 'plots://0/').startsWith('plots://0/') && planner.map.isSourceLoaded('plot-raster'));
      const plots = planner.renderedFeatureCount('plots-fill') + (raster ? 0 : planner.renderedFeatureCount('plot-dots'));
      if (plots > 0 || rasterDrawn) {
        marks.firstMap = at;
        clearInterval(watch);
      }
    });
  }, 5);
  const legend = new MutationObserver(() => {
    if (document.querySelector('.legend-total[data-total]')) {
      marks.classified ??= performance.now();
      legend.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    legend.observe(document.body, { childList: true, subtree: true, attributes: true }),
  );
})();`;

/** Opens the app as `open` says (the served folder or the single file) and times its first drawn map. */
async function measure(open: PlannerOptions): Promise<RunTimes> {
  const planner = await openPlanner({
    ...open,
    viewport: VIEWPORT,
    initScripts: [{ content: INSTRUMENT_PAGE }],
    // Routing every request through the recorder would add its round trips to the time measured.
    recordNetwork: false,
    waitFor: 'load',
  });
  const { page, problems } = planner;
  try {
    const recorded = async () =>
      JSON.parse(await page.evaluate('JSON.stringify(window.__firstMapMarks ?? {})')) as Record<
        string,
        number
      >;
    try {
      await page.waitForFunction(
        () => {
          const marks = (window as unknown as { __firstMapMarks?: Record<string, number> }).__firstMapMarks;
          return marks?.firstMap !== undefined && marks.classified !== undefined;
        },
        null,
        { timeout: TIMEOUT_MS, polling: 100 },
      );
    } catch {
      // A run that never draws the plots is a finding, not a reason to stop: it is counted and named.
      const marks = await recorded();
      const plots = await page.evaluate(
        `window.__planner ? ['plots-fill', 'plot-dots'].map((layer) => window.__planner.renderedFeatureCount(layer)).join('+') : 'no map'`,
      );
      return {
        mapLoadMs: marks.mapLoad ?? Number.NaN,
        classifiedMs: marks.classified ?? Number.NaN,
        firstMapMs: Number.NaN,
        failure:
          `no plots drawn ${TIMEOUT_MS / 1000} s after opening (rendered ${String(plots)}, classified ` +
          `${marks.classified === undefined ? 'no' : 'yes'}); page problems: ${problems.errors.join('; ') || 'none'}`,
      };
    }
    const marks = await recorded();
    return {
      mapLoadMs: marks.mapLoad ?? Number.NaN,
      classifiedMs: marks.classified ?? Number.NaN,
      firstMapMs: marks.firstMap ?? Number.NaN,
    };
  } finally {
    await planner.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function summary(label: string, runs: RunTimes[]): string {
  const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'failed');
  const drawn = runs.filter((run) => Number.isFinite(run.firstMapMs));
  const first = drawn.map((run) => run.firstMapMs);
  const finiteMedian = (values: number[]) => {
    const finite = values.filter(Number.isFinite);
    return finite.length > 0 ? median(finite) : Number.NaN;
  };
  const lines = [
    label,
    drawn.length > 0
      ? `  first drawn map (idle with plots): median ${seconds(median(first))}, ` +
        `min ${seconds(Math.min(...first))}, max ${seconds(Math.max(...first))}` +
        (drawn.length < runs.length ? ` (of the ${drawn.length} runs that drew the plots)` : '')
      : '  first drawn map: no run drew the plots',
    `  map load (base map, no plots):     median ${seconds(finiteMedian(runs.map((run) => run.mapLoadMs)))}`,
    `  sample plan classified (legend):   median ${seconds(finiteMedian(runs.map((run) => run.classifiedMs)))}`,
    `  runs: ${runs.map((run) => seconds(run.firstMapMs)).join(', ')}`,
  ];
  for (const run of runs) if (run.failure) lines.push(`  FAILED RUN: ${run.failure}`);
  return lines.join('\n');
}

function run(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, build: { type: 'boolean', default: false } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a positive integer: ${values.runs}`);
  const builtDir = join(projectRoot, 'dist');
  const builtSingleFile = join(projectRoot, 'dist-single', 'index.html');
  const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  if (values.build || !existsSync(join(builtDir, 'index.html'))) {
    run(process.execPath, [
      join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--logLevel',
      'warn',
    ]);
  }
  if (values.build || !existsSync(builtSingleFile)) {
    run(process.execPath, [tsx, join(projectRoot, 'scripts', 'build-single.ts')]);
  }
  const snapshot = mkdtempSync(join(tmpdir(), 'planner-first-map-'));
  const distDir = join(snapshot, 'dist');
  const singleFile = join(snapshot, 'single', 'index.html');
  cpSync(builtDir, distDir, { recursive: true });
  cpSync(builtSingleFile, singleFile);

  const app = await startApp({ dir: distDir, basePath: BASE_PATH });
  const folderRuns: RunTimes[] = [];
  const singleRuns: RunTimes[] = [];
  try {
    // Alternate the two, so that a burst of load on the machine does not fall on one of them only.
    for (let index = 0; index < runs; index++) {
      folderRuns.push(await measure({ app }));
      singleRuns.push(await measure({ singleFile }));
      const ms = (times: RunTimes | undefined) =>
        times && Number.isFinite(times.firstMapMs) ? `${times.firstMapMs.toFixed(0)} ms` : 'no plots drawn';
      console.log(
        `run ${index + 1}/${runs}: folder ${ms(folderRuns.at(-1))}, single file ${ms(singleRuns.at(-1))}`,
      );
    }
  } finally {
    await app.stop();
    rmSync(snapshot, { recursive: true, force: true });
  }
  console.log(
    `\nTime from navigation start to the first drawn map, ${runs} runs each, ${VIEWPORT.width}×${VIEWPORT.height}, headless Chromium (SwiftShader)`,
  );
  console.log(summary(`dist/ from a local server at ${BASE_PATH}`, folderRuns));
  console.log(summary('dist-single/index.html from file://', singleRuns));
  if ([...folderRuns, ...singleRuns].some((run) => run.failure)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
