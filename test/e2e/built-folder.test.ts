/**
 * The built folder (`vite build`) served under a sub-path, /intranet/planner/, as an intranet server
 * would: the page shows the sample plan drawn and counted, every request stays on the local server and
 * under the sub-path, the first view fetches exactly the first-view files of the build report
 * (scripts/report-build.ts) and none of the lazy chunks, and the lazy chunks (drawing, XLSX, the file
 * readers in the analysis worker) load from the sub-path when first used.
 * Writes test/output/built-folder.png.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { type BuildReport, reportBuild } from '../../scripts/report-build.ts';
import { projectRoot } from '../support/build-app.ts';
import { samplePlotCount } from '../support/sample-set.ts';
import { countColor, decodePng, distinctColors, type Pixels } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const BASE_PATH = '/intranet/planner/';
const VIEWPORT = { width: 1600, height: 900 };
const IMPORT_FIXTURES = join(projectRoot, 'test', 'fixtures', 'import');
const PLOTS_IN_SAMPLE = samplePlotCount();
const STATUS_COLORS = { control: '#1f9e3a', boundary: '#1f64d6', outside: '#e3001b' };

describeInBrowser('the built folder served under a sub-path', () => {
  const planner = usePlanner({
    basePath: BASE_PATH,
    // Without the trailing slash, as a planner types it: the server redirects to the folder.
    path: BASE_PATH.slice(0, -1),
    viewport: VIEWPORT,
    waitFor: 'labels',
    legendTimeoutMs: 90_000,
  });
  let page: Page;
  let report: BuildReport;
  let screenshot: Pixels;
  /** Paths inside the built folder that the first view requested. */
  let firstViewPaths: Set<string>;

  /**
   * The requests so far as paths inside the built folder (`assets/x.js`), leaving out data:, blob:
   * and the first one, the sub-path without its slash, which the server redirects; throws on a
   * request outside the folder.
   */
  function requestedPaths(): string[] {
    return planner.network.requests
      .filter((request) => !request.url.startsWith('data:') && !request.url.startsWith('blob:'))
      .map((request) => new URL(request.url).pathname)
      .filter((path) => path !== BASE_PATH.slice(0, -1))
      .map((path) => {
        if (!path.startsWith(BASE_PATH)) throw new Error(`${path} is outside ${BASE_PATH}`);
        return path.slice(BASE_PATH.length);
      });
  }

  /** The report's lazy code files whose names start with `prefix` (e.g. `assets/xlsx-`). */
  function lazyFiles(prefix: string): string[] {
    const files = report.files.filter((file) => file.load === 'lazy' && file.path.startsWith(prefix));
    if (files.length === 0) throw new Error(`The build report has no lazy file ${prefix}*.`);
    return files.map((file) => file.path);
  }

  beforeAll(async () => {
    page = planner.page;
    report = reportBuild(planner.app?.dir ?? '');
    firstViewPaths = new Set(requestedPaths());
    screenshot = decodePng(await planner.screenshot('built-folder.png'));
  });

  it('opens at the sub-path and draws the sample plan with every plot counted', async () => {
    expect(page.url()).toBe(planner.app?.url);
    expect(await page.locator('.legend-total').getAttribute('data-total')).toBe(String(PLOTS_IN_SAMPLE));
    expect(distinctColors(screenshot)).toBeGreaterThan(500);
    for (const [status, color] of Object.entries(STATUS_COLORS)) {
      expect(countColor(screenshot, color, 30), status).toBeGreaterThan(200);
    }
  });

  it('fetches exactly the first-view files of the build report, and no lazy chunk', () => {
    const firstView = report.files
      .filter((file) => file.load === 'first-view')
      .map((file) => file.path)
      .sort();
    // The page itself is requested as the folder (``), not as index.html.
    const fetched = [...firstViewPaths].map((path) => (path === '' ? 'index.html' : path)).sort();
    expect(fetched).toEqual(firstView);
    const lazy = [
      ...lazyFiles('assets/xlsx-'),
      ...lazyFiles('assets/terra-draw'),
      ...lazyFiles('assets/ReportView-'),
      ...lazyFiles('assets/import-readers-'),
    ];
    expect(lazy.filter((path) => firstViewPaths.has(path))).toEqual([]);
  });

  it('loads the drawing library from the sub-path when a zone is first drawn', async () => {
    await page.click('[data-testid="tab-scenario"]');
    await page.locator('[data-testid="scenario-panel"]').waitFor();
    await page.click('[data-testid="draw-zone"]');
    await page.locator('[data-testid="map"][data-drawing="ready"]').waitFor({ timeout: 30_000 });
    const requested = new Set(requestedPaths());
    for (const path of lazyFiles('assets/terra-draw')) expect(requested, path).toContain(path);
    // The same button ends drawing.
    await page.click('[data-testid="draw-zone"]');
    await page.locator('[data-testid="map"][data-drawing]').waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('loads the XLSX writer from the sub-path on the first XLSX export', async () => {
    const [xlsxChunk] = lazyFiles('assets/xlsx-');
    expect(requestedPaths()).not.toContain(xlsxChunk);
    await page.click('[data-testid="export-button"]');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.click('[data-testid="export-xlsx"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    // An XLSX file is a zip: PK\x03\x04.
    expect(readFileSync(await download.path()).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 3, 4]));
    expect(requestedPaths()).toContain(xlsxChunk);
  });

  it("loads the analysis worker's file readers from the sub-path on the first import", async () => {
    const [readersChunk] = lazyFiles('assets/import-readers-');
    expect(requestedPaths()).not.toContain(readersChunk);
    await page.setInputFiles('[data-testid="import-input"]', [
      join(IMPORT_FIXTURES, 'plots-cgcs2000-gk40-gbk.zip'),
    ]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor({ timeout: 60_000 });
    // The readers ran: the dialog names the shapefile's encoding and coordinate system.
    await dialog.locator('[data-testid="import-crs"]').waitFor({ timeout: 60_000 });
    expect(await dialog.locator('[data-testid="import-encoding"]').textContent()).toContain('GBK');
    expect(await dialog.locator('[data-testid="import-crs"]').textContent()).toMatch(/CGCS2000/);
    expect(requestedPaths()).toContain(readersChunk);
    await page.click('[data-testid="import-close"]');
  });

  it('makes no request that leaves the local server or the sub-path, and logs no error', () => {
    planner.network.assertNoExternalRequests();
    // Throws on a request outside the sub-path; the count shows the recorder saw the app's files.
    expect(requestedPaths().length).toBeGreaterThan(10);
    const served = planner.app?.server.log ?? [];
    expect(served.filter((entry) => entry.status !== 200 && entry.status !== 301)).toEqual([]);
    expect(served.every((entry) => entry.path.startsWith(BASE_PATH.slice(0, -1)))).toBe(true);
    expectNoPageProblems(planner.problems, { warnings: true });
  });
});
