/**
 * The page at county scale: builds the app, opens it in headless Chromium, imports the seeded
 * 100,000-plot set (boundary, control lines, then plots) through the file picker and reports, for
 * the plots, the time from the file to the import dialog, from "load" to classified-and-drawn (the
 * county view's raster tiles of every plot drawn), and the longest main-thread task meanwhile
 * (PerformanceObserver 'longtask'). Then, separately, the first close view (polygon tiles, which
 * are cut only on request): the time to draw it and its longest task. Saves a screenshot of the
 * county view to test/output/bench-100k-<mode>.png.
 *
 * It runs twice, once per way of drawing WebGL without a graphics card (see GlMode): with the
 * drawing in the GPU process, as on a PC with a card, and with --disable-gpu, where the page's
 * thread waits for every software-drawn frame. The 200 ms target is about the page's own work, so
 * it is judged on the first; the second shows what a PC without a usable GPU gets.
 *
 *   npm run bench:ui [-- --plots 100000] [-- --gl both|gpu-process|no-gpu]
 *                    [-- --profile cpu.json] [-- --trace trace.json]   (of the last mode run)
 *
 * The set is made with `npm run make:sample` under bench-data/ when missing (not committed).
 */

import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import type { GlMode } from '../test/support/browser.ts';
import { projectRoot } from '../test/support/build-app.ts';
import { openPlanner } from '../test/support/planner-harness.ts';
import { makeSampleSet } from '../test/support/sample-set.ts';
import { type RunningApp, startApp } from '../test/support/start-app.ts';

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
  }
}

const { values } = parseArgs({
  options: {
    plots: { type: 'string', default: '100000' },
    profile: { type: 'string' },
    trace: { type: 'string' },
    gl: { type: 'string', default: 'both' },
  },
});
/** The modes that draw a map (`none` has no WebGL to time). */
type DrawingGlMode = Exclude<GlMode, 'none'>;
const GL_LABEL: Record<DrawingGlMode, string> = {
  'gpu-process':
    'GPU process (--use-angle=swiftshader: drawing off the page thread, as with a graphics card)',
  'no-gpu':
    'no GPU (--disable-gpu: the page thread waits for each software-drawn frame, as on a virtual desktop)',
};

const glModes: DrawingGlMode[] =
  values.gl === 'both'
    ? ['gpu-process', 'no-gpu']
    : [values.gl as DrawingGlMode].filter((mode) => mode in GL_LABEL);
if (glModes.length === 0) {
  console.error(`--gl must be gpu-process, no-gpu or both, not ${values.gl}`);
  process.exit(2);
}
const plotCount = Number(values.plots);
const dir = join(projectRoot, 'bench-data', plotCount >= 1000 ? `${plotCount / 1000}k` : String(plotCount));

if (!existsSync(join(dir, 'plots.geojson'))) {
  console.log(`Making the ${plotCount}-plot set in ${dir}…`);
  makeSampleSet(plotCount, dir);
}

async function importFile(page: Page, file: string, kind: string) {
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('[data-testid="import-input"]', [file]);
  const dialog = page.locator('[data-testid="import-dialog"]');
  await dialog.waitFor({ timeout: 600_000 });
  await page.locator('[data-testid="import-accept"]').waitFor({ timeout: 600_000 });
  const t1 = await page.evaluate(() => performance.now());
  await dialog.locator('[data-testid="import-kind"]').selectOption(kind);
  await page.waitForFunction(() => !document.querySelector('[data-testid="job-bar"]'), null, {
    timeout: 600_000,
  });
  const t2 = await page.evaluate(() => performance.now());
  await page.locator('[data-testid="import-accept"]').click();
  await dialog.waitFor({ state: 'detached', timeout: 600_000 });
  await page.waitForFunction(
    async (count) => {
      const planner = window.__planner;
      if (!planner || (count !== null && planner.layerCounts()?.plots !== count)) return false;
      await planner.whenIdle();
      // Not queryRenderedFeatures: over 100,000 plots it is itself a long task. The county view
      // draws the plots' raster tiles; the polygon source has no tiles below zoom 11.
      // (Builds from before the raster drew dots from a 'dots' source, or from 'plots'.)
      const source = ['plot-raster', 'dots', 'plots'].find((id) => planner.map.getSource(id)) ?? 'plots';
      return planner.map.isSourceLoaded(source);
    },
    kind === 'plots' ? plotCount : null,
    { timeout: 600_000, polling: 100 },
  );
  const t3 = await page.evaluate(() => performance.now());
  return { readMs: t1 - t0, acceptToDrawnMs: t3 - t2, window: [t0, t3] as const };
}

/** The longest main-thread task that began between `start` and `end` (page time, ms); 0 for none. */
async function longestTaskBetween(page: Page, start: number, end: number): Promise<number> {
  const tasks = await page.evaluate(() => window.__longTasks ?? []);
  return tasks
    .filter((task) => task.start >= start && task.start <= end)
    .reduce((max, task) => Math.max(max, task.duration), 0);
}

/** A close view in the dense west of the seeded set, where the plots are drawn as polygons. */
const CLOSE_VIEW = { center: [121.25, 30.18] as [number, number], zoom: 12 };

/** Jumps to CLOSE_VIEW and measures the time until it is drawn and the longest task meanwhile. */
async function firstCloseView(page: Page) {
  const { start, end } = await page.evaluate(async (view) => {
    const planner = window.__planner;
    const begin = performance.now();
    planner?.map.jumpTo(view);
    await planner?.whenIdle();
    return { start: begin, end: performance.now() };
  }, CLOSE_VIEW);
  const longest = await longestTaskBetween(page, start, end);
  const polygons = await page.evaluate(() => window.__planner?.renderedFeatureCount('plots-fill') ?? 0);
  return { ms: end - start, longest, polygons };
}

/**
 * Runs `act` (which returns once the page shows its answer) and waits for the map to be idle: the
 * time to the first map frame after the answer (what the planner sees change), the time to idle
 * (also what the map fetches meanwhile for other zooms, e.g. the county view's raster tiles), and
 * the longest main-thread task meanwhile.
 */
async function timed(page: Page, act: () => Promise<void>) {
  const start = await page.evaluate(() => performance.now());
  await act();
  const answered = await page.evaluate(() => performance.now());
  const { frame, end } = await page.evaluate(async () => {
    const map = window.__planner?.map;
    const frame = await new Promise<number>((resolve) => {
      map?.once('render', () => resolve(performance.now()));
      map?.triggerRepaint();
    });
    await window.__planner?.whenIdle();
    return { frame, end: performance.now() };
  });
  const longest = await longestTaskBetween(page, start, end);
  return { shown: Math.max(frame, answered) - start, ms: end - start, longest };
}

/**
 * In the close view: a click on the drawn plot nearest the middle, then an action set on it. (The
 * middle itself may fall between plots: the click then selected nothing, and the panel never came.)
 */
async function closeViewEdits(page: Page) {
  // At the plot's box centre, which lies inside the seeded set's convex plots.
  const target = await page.evaluate(() => {
    const planner = window.__planner;
    if (!planner) return null;
    const { map } = planner;
    const rows = planner.plotRows();
    const canvas = map.getCanvas().getBoundingClientRect();
    let nearest: { x: number; y: number } | null = null;
    let nearestDistance = Infinity;
    for (const feature of map.queryRenderedFeatures({ layers: ['plots-fill'] })) {
      const box = rows[Number(feature.properties.index)]?.box;
      if (!box) continue;
      const at = map.project([
        ((box[0] as number) + (box[2] as number)) / 2,
        ((box[1] as number) + (box[3] as number)) / 2,
      ]);
      const distance = Math.hypot(at.x - canvas.width / 2, at.y - canvas.height / 2);
      if (distance < nearestDistance) {
        nearestDistance = distance;
        nearest = { x: canvas.left + at.x, y: canvas.top + at.y };
      }
    }
    return nearest;
  });
  if (!target) throw new Error('No plot drawn in the close view');
  const select = await timed(page, async () => {
    await page.mouse.click(target.x, target.y);
    await page.locator('[data-testid="plot-panel"]').waitFor();
  });
  await page.click('[data-testid="tab-scenario"]');
  await page.locator('[data-testid="scenario-panel"]').waitFor();
  const bar = page.locator('[data-testid="action-bar"]');
  await bar.locator('input[name="scn-action-source"][value="selected"]').check();
  await bar.locator('[data-testid="action-select"]').selectOption('vacate');
  const action = await timed(page, async () => {
    await bar.locator('[data-testid="apply-action"]').click();
    await bar.locator('[data-testid="action-done"]').waitFor();
  });
  return { select, action };
}

/**
 * Opens the page again: the autosaved 100,000-plot plan is read back from IndexedDB, analysed and
 * drawn. The time from asking for the reload to drawn, and the longest main-thread task meanwhile.
 */
async function reopen(page: Page) {
  const begin = Date.now();
  await page.reload();
  await page.waitForFunction(
    async (count) => {
      const planner = window.__planner;
      if (!planner || planner.layerCounts()?.plots !== count) return false;
      await planner.whenIdle();
      return planner.map.isSourceLoaded('plot-raster') || planner.map.getZoom() >= 11;
    },
    plotCount,
    { timeout: 600_000, polling: 100 },
  );
  const wall = Date.now() - begin;
  const page2 = await page.evaluate(() => ({
    ms: performance.now(),
    longest: (window.__longTasks ?? []).reduce((max, task) => Math.max(max, task.duration), 0),
  }));
  // From the reload asked for (the old page's unloading included) to drawn.
  return { ...page2, ms: Math.max(wall, page2.ms) };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions with the most self time in a CPU profile. */
function printTopFunctions(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const key = `${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').pop()}:${frame?.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
}

async function main() {
  const app = await startApp();
  try {
    for (const gl of glModes) await measure(app, gl);
  } finally {
    await app.stop();
  }
}

async function measure(app: RunningApp, gl: DrawingGlMode) {
  const planner = await openPlanner({
    app,
    gl,
    initScripts: [
      () => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            window.__longTasks?.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: 'longtask', buffered: true });
      },
    ],
    // The plots drawn is waited for below, also for builds from before the raster tiles.
    waitFor: 'legend',
    legendTimeoutMs: 120_000,
  });
  const { browser, context, page, network } = planner;
  try {
    await page.waitForFunction(async () => {
      const planner = window.__planner;
      if (!planner) return false;
      await planner.whenIdle();
      // (A build from before the raster tiles has no drawnPlotDots: it draws circles.)
      return planner.drawnPlotDots
        ? (await planner.drawnPlotDots()).count > 0
        : planner.renderedFeatureCount('plot-dots') > 0;
    });
    await importFile(page, join(dir, 'boundary.geojson'), 'boundary');
    await importFile(page, join(dir, 'control.geojson'), 'control');
    const plotsFile = join(dir, 'plots.geojson');
    // --profile FILE: a CPU profile of the page's main thread during the plots' import (for DevTools).
    const cdp = values.profile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    // --trace FILE: a performance trace of the plots' import (DevTools' Performance panel opens it).
    if (values.trace) await browser.startTracing(page, { path: values.trace, screenshots: false });
    const result = await importFile(page, plotsFile, 'plots');
    if (values.trace) await browser.stopTracing();
    if (cdp && values.profile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(values.profile, JSON.stringify(profile));
      printTopFunctions(profile);
    }
    const tasks = await page.evaluate(() => window.__longTasks ?? []);
    const during = tasks.filter(
      (task) => task.start >= result.window[0] && task.start + task.duration <= result.window[1] + 1,
    );
    const longest = during.reduce((max, task) => Math.max(max, task.duration), 0);
    // After the clock: what the county view shows (queryRenderedFeatures is slow at this size).
    const drawnDots = await page.evaluate(async () => {
      const planner = window.__planner;
      if (!planner) return 0;
      return planner.drawnPlotDots
        ? (await planner.drawnPlotDots()).count
        : planner.renderedFeatureCount('plot-dots');
    });
    await planner.screenshot(`bench-100k-${gl}.png`);
    // With --profile, each later step gets a profile of its own: FILE-close, FILE-edits, FILE-reopen.
    const step = async <T>(suffix: string, title: string, run: () => Promise<T>): Promise<T> => {
      if (!cdp || !values.profile) return run();
      await cdp.send('Profiler.start');
      const value = await run();
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(values.profile.replace(/(\.\w+)?$/, `-${suffix}$1`), JSON.stringify(profile));
      console.log(`${title}, main thread:`);
      printTopFunctions(profile);
      return value;
    };
    const close = await step('close', 'The first close view', () => firstCloseView(page));
    const edits = await step('edits', 'A click and an action in the close view', () => closeViewEdits(page));
    const reopened = await step('reopen', 'Opened again', () => reopen(page));
    network.assertNoExternalRequests();
    const megabytes = statSync(plotsFile).size / 1024 / 1024;
    console.log(
      `bench:ui — ${plotCount.toLocaleString('en')} plots (${megabytes.toFixed(1)} MB GeoJSON), headless Chromium, ${GL_LABEL[gl]}`,
    );
    console.log(
      `  file → import dialog (read, reproject, check):      ${(result.readMs / 1000).toFixed(2)} s`,
    );
    console.log(
      `  load → classified and drawn (worker + map):        ${(result.acceptToDrawnMs / 1000).toFixed(2)} s`,
    );
    console.log(
      `  file → classified and drawn (without the dialog):  ${((result.readMs + result.acceptToDrawnMs) / 1000).toFixed(2)} s   (target < 10 s)`,
    );
    console.log(
      `  longest main-thread task meanwhile:                ${longest.toFixed(0)} ms   (${during.length} tasks over 50 ms; target ≤ 200 ms)`,
    );
    console.log(
      `  long tasks (ms after the file, duration):          ${[...during]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 8)
        .map((task) => `${(task.start - result.window[0]).toFixed(0)}:${task.duration.toFixed(0)}`)
        .join(' ')}`,
    );
    console.log(
      `  dots in their status colour in the county view:    ${drawnDots.toLocaleString('en')} (others covered by neighbours; screenshot test/output/bench-100k.png)`,
    );
    console.log(
      `  then the first close view (zoom ${CLOSE_VIEW.zoom}, polygon tiles): ${(close.ms / 1000).toFixed(2)} s, longest task ${close.longest.toFixed(0)} ms, ${close.polygons.toLocaleString('en')} polygons drawn`,
    );
    for (const [label, edit] of [
      ['there, a click on a plot (panel, outline)', edits.select],
      ['then an action on it (indicators, outline)', edits.action],
    ] as const)
      console.log(
        `  ${`${label}:`.padEnd(51)}${(edit.shown / 1000).toFixed(2)} s to the next frame, ${(edit.ms / 1000).toFixed(2)} s to idle, longest task ${edit.longest.toFixed(0)} ms`,
      );
    console.log(
      `  opened again (the autosaved plan from IndexedDB):  ${(reopened.ms / 1000).toFixed(2)} s from reloading to drawn, longest task ${reopened.longest.toFixed(0)} ms`,
    );
  } finally {
    await planner.close();
  }
}

await main();
