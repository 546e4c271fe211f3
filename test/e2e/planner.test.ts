/**
 * The planner's interface in headless Chromium: the dashboard and the plot panel agree with the
 * command-line tool on the same sample plan; a zipped shapefile in CGCS2000 Gauss-Krüger with GBK
 * attributes lands where it should with its Chinese names; a broken file is explained and leaves the
 * plan untouched; text from files is never HTML. No request leaves the local server. Writes
 * screenshots to test/output/.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { waitForPlotsDrawn } from '../support/browser.ts';
import { projectRoot } from '../support/build-app.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const SAMPLE = join(projectRoot, 'data', 'sample');
const IMPORT_FIXTURES = join(projectRoot, 'test', 'fixtures', 'import');

interface CliRow {
  id: string;
  areaM2: number;
  inBoundaryM2: number;
  inControlM2: number;
  status: string;
}

/** Runs the command-line tool on the sample plan: its rows by id and its summary. */
function analyseSampleWithCli(): { rows: Map<string, CliRow>; summary: Record<string, unknown> } {
  const dir = mkdtempSync(join(tmpdir(), 'planner-e2e-'));
  const out = join(dir, 'result.csv');
  const summaryPath = join(dir, 'summary.json');
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(projectRoot, 'scripts/analyze.ts'),
      '--plots',
      join(SAMPLE, 'plots.geojson'),
      '--boundary',
      join(SAMPLE, 'boundary.geojson'),
      '--control',
      join(SAMPLE, 'control.geojson'),
      '--out',
      out,
      '--summary',
      summaryPath,
    ],
    { cwd: projectRoot, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`analyze failed: ${run.stderr}`);
  const lines = readFileSync(out, 'utf8').slice(1).trim().split('\r\n').slice(1);
  const rows = new Map<string, CliRow>();
  for (const line of lines) {
    // The first six columns never hold commas (ids of the sample are plain).
    const [id = '', areaM2, , inBoundaryM2, inControlM2, status = ''] = line.split(',');
    rows.set(id, {
      id,
      areaM2: Number(areaM2),
      inBoundaryM2: Number(inBoundaryM2),
      inControlM2: Number(inControlM2),
      status,
    });
  }
  return { rows, summary: JSON.parse(readFileSync(summaryPath, 'utf8')) };
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

describeInBrowser('the planner', () => {
  const planner = usePlanner();
  let page: Page;
  let cli: ReturnType<typeof analyseSampleWithCli>;
  const dialogs: string[] = [];

  async function plotsDrawn(): Promise<void> {
    await waitForPlotsDrawn(page);
  }

  beforeAll(() => {
    page = planner.page;
    cli = analyseSampleWithCli();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
  });

  it('shows on the dashboard the figures of the command-line summary', async () => {
    const dashboard = page.locator('[data-testid="dashboard"]');
    await dashboard.waitFor();
    const value = async (field: string) =>
      Number(await dashboard.locator(`[data-field="${field}"]`).first().getAttribute('data-value'));
    expect(relativeDifference(await value('controlShare'), cli.summary.controlShare as number)).toBeLessThan(
      1e-9,
    );
    expect(relativeDifference(await value('industrialMu'), cli.summary.industrialMu as number)).toBeLessThan(
      1e-9,
    );
    expect(
      relativeDifference(await value('outsideBoundaryMu'), cli.summary.outsideBoundaryMu as number),
    ).toBeLessThan(1e-9);
    await planner.screenshot('dashboard.png');
  });

  it('opens a clicked plot in the panel with the numbers of the command-line tool', async () => {
    // A plot that crosses the development boundary: every figure of the panel matters for it.
    const rows = await page.evaluate(() => window.__planner?.plotRows() ?? []);
    const target = rows.find((row) => row.status === 'crossing' && row.box);
    expect(target).toBeDefined();
    if (!target?.box) return;
    const plots = JSON.parse(readFileSync(join(SAMPLE, 'plots.geojson'), 'utf8')) as {
      features: { geometry: { type: string; coordinates: number[][][] } }[];
    };
    // The mean of a convex plot's vertices lies inside it.
    const ring = plots.features[target.index]?.geometry.coordinates[0]?.slice(0, -1) ?? [];
    const centre = [
      ring.reduce((sum, p) => sum + (p[0] ?? 0), 0) / ring.length,
      ring.reduce((sum, p) => sum + (p[1] ?? 0), 0) / ring.length,
    ];
    const point = await page.evaluate(async ([x, y]) => {
      const planner = window.__planner;
      if (!planner) return null;
      planner.map.jumpTo({ center: [x ?? 0, y ?? 0], zoom: 17 });
      await planner.whenIdle();
      const pixel = planner.map.project([x ?? 0, y ?? 0]);
      const canvas = planner.map.getCanvas().getBoundingClientRect();
      return { x: canvas.left + pixel.x, y: canvas.top + pixel.y };
    }, centre);
    expect(point).not.toBeNull();
    if (!point) return;
    await page.mouse.click(point.x, point.y);
    const panel = page.locator('[data-testid="plot-panel"]');
    await panel.waitFor();
    const expected = cli.rows.get(target.id);
    expect(expected).toBeDefined();
    const value = async (field: string) =>
      panel.locator(`[data-field="${field}"]`).first().getAttribute('data-value');
    expect(await value('status')).toBe(expected?.status);
    for (const field of ['areaM2', 'inBoundaryM2', 'inControlM2'] as const) {
      expect(
        relativeDifference(Number(await value(field)), expected?.[field] ?? Number.NaN),
        field,
      ).toBeLessThan(1e-9);
    }
    expect(await panel.textContent()).toContain(target.id);
    await page.waitForFunction(async () => {
      await window.__planner?.whenIdle();
      return (window.__planner?.renderedFeatureCount('plot-selected') ?? 0) > 0;
    });
    await planner.screenshot('plot-panel.png');
  });

  it('lists the plots in a table; choosing a town filters it and the map', async () => {
    await page.click('[data-testid="tab-table"]');
    const table = page.locator('[data-testid="plot-table"]');
    await table.waitFor();
    // Virtualised: far fewer rows in the DOM than plots in the plan.
    const drawnRows = await table.locator('[data-plot-index]').count();
    expect(drawnRows).toBeGreaterThan(10);
    expect(drawnRows).toBeLessThan(200);
    await page.evaluate(() => {
      const planner = window.__planner;
      planner?.map.jumpTo({ center: [121.25, 30.17], zoom: 9.6 });
    });
    await planner.screenshot('plot-table.png');
    await page.click('[data-testid="tab-dashboard"]');
  });

  it('explains a broken file feature by feature and leaves the plan untouched', async () => {
    const before = await page.evaluate(() => window.__planner?.layerCounts());
    await page.setInputFiles('[data-testid="import-input"]', [
      join(projectRoot, 'test', 'fixtures', 'bad-input', 'self-intersecting.geojson'),
    ]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="import-size-limit"]').textContent()).toContain(
      '不超过 500 MB',
    );
    await dialog.locator('[data-testid="import-kind"]').selectOption('plots');
    const problemsList = dialog.locator('[data-testid="import-problems"]').last();
    await expect
      .poll(() => problemsList.locator('[data-code="self-intersection"]').count())
      .toBeGreaterThan(0);
    expect(await problemsList.textContent()).toContain('自相交');
    await planner.screenshot('import-problems.png');
    await page.click('[data-testid="import-close"]');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.__planner?.layerCounts())).toEqual(before);

    await page.setInputFiles('[data-testid="import-input"]', [join(IMPORT_FIXTURES, 'broken-not-a-zip.zip')]);
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('broken-not-a-zip.zip');
    await page.click('[data-testid="import-close"]');
    expect(await page.evaluate(() => window.__planner?.layerCounts())).toEqual(before);
  });

  it('imports a zipped GBK shapefile in CGCS2000 Gauss-Krüger: plots land in place, names read', async () => {
    const expected = JSON.parse(
      readFileSync(join(IMPORT_FIXTURES, 'plots-cgcs2000-gk40-gbk.expected.json'), 'utf8'),
    ) as { features: { id: string; name?: string; town?: string; village?: string; vertex: number[] }[] };
    await page.setInputFiles('[data-testid="import-input"]', [
      join(IMPORT_FIXTURES, 'plots-cgcs2000-gk40-gbk.zip'),
    ]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="import-encoding"]').textContent()).toContain('GBK');
    expect(await dialog.locator('[data-testid="import-kind"]').inputValue()).toBe('plots');
    expect(await dialog.locator('[data-testid="import-crs"]').textContent()).toMatch(/CGCS2000/);
    // Three values of each mapped column, to check the mapping before loading.
    const villages = await dialog
      .locator('[data-testid="import-samples"][data-field="village"]')
      .textContent();
    expect(villages).toMatch(/^例：[^、]+村(、[^、]+){2}$/);
    await dialog.locator('[data-testid="import-accept"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await expect
      .poll(() => page.evaluate(() => window.__planner?.layerCounts()?.plots))
      .toBe(expected.features.length);
    const rows = await page.evaluate(() => window.__planner?.plotRows() ?? []);
    for (const feature of expected.features) {
      const row = rows.find((r) => r.id === feature.id);
      expect(row, feature.id).toBeDefined();
      if (feature.name) expect(row?.name).toBe(feature.name);
      if (feature.village) expect(row?.village).toBe(feature.village);
      const [lon = 0, lat = 0] = feature.vertex;
      const [west = 0, south = 0, east = 0, north = 0] = row?.box ?? [];
      // The vertex is on the plot's box, to well under a metre (1e-6° ≈ 0.1 m).
      expect(lon).toBeGreaterThanOrEqual(west - 1e-6);
      expect(lon).toBeLessThanOrEqual(east + 1e-6);
      expect(lat).toBeGreaterThanOrEqual(south - 1e-6);
      expect(lat).toBeLessThanOrEqual(north + 1e-6);
    }
    expect(rows.some((row) => row.village === '东山头村' || row.village === '五里村')).toBe(true);
    await plotsDrawn();
    // Real plots in place of the sample's: its boundaries and control lines stay, and the label
    // says so, naming them, in the header and the map's credit line (with the plots' file).
    expect(await page.locator('[data-testid="sample-label"]').textContent()).toBe(
      '示例数据（虚构）：城镇开发边界、工业控制线',
    );
    const credits = await page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(credits).toContain('OpenStreetMap contributors');
    expect(credits).toContain('工业用地地块：plots-cgcs2000-gk40-gbk.zip › ');
    expect(credits).toContain('城镇开发边界：示例数据（虚构）');
  });

  it('stops plots whose zone prefix is wrong, proposes the fix, and loads them with one click', async () => {
    await page.setInputFiles('[data-testid="import-input"]', [
      join(projectRoot, 'test', 'fixtures', 'bad-input', 'gk-wrong-zone-prefix.geojson'),
    ]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor();
    if ((await dialog.locator('[data-testid="import-kind"]').inputValue()) !== 'plots') {
      await dialog.locator('[data-testid="import-kind"]').selectOption('plots');
    }
    const proposals = dialog.locator('[data-testid="import-crs-proposals"]');
    await proposals.waitFor();
    expect(await proposals.textContent()).toContain('坐标带号可能应为 40（中央经线 120°E）');
    expect(await dialog.locator('[data-code="crs"]').textContent()).toMatch(/距慈溪约 2[89]\d 公里/);
    expect(await dialog.locator('[data-testid="import-accept"]').isDisabled()).toBe(true);
    await planner.screenshot('import-crs-proposal.png');
    await dialog.locator('[data-testid="import-crs-retry"][data-crs="GK:120:41"]').click();
    await expect
      .poll(() => dialog.locator('[data-testid="import-crs-choice"]').inputValue())
      .toBe('GK:120:41');
    await expect.poll(() => proposals.count()).toBe(0);
    expect(await dialog.locator('[data-testid="import-crs"]').textContent()).toContain('由用户指定为');
    await planner.screenshot('import-crs-retried.png');
    await dialog.locator('[data-testid="import-accept"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => window.__planner?.layerCounts()?.plots)).toBe(2);
    const rows = await page.evaluate(() => window.__planner?.plotRows() ?? []);
    for (const row of rows) {
      const [west = 0, south = 0] = row.box ?? [];
      // Where projected-no-crs.geojson (the same plots with prefix 40) lies: 观海卫, on Cixi.
      expect(west).toBeGreaterThan(121.24);
      expect(west).toBeLessThan(121.27);
      expect(south).toBeGreaterThan(30.16);
      expect(south).toBeLessThan(30.18);
    }
  });

  it('shows text from files as text, never as HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planner-xss-'));
    const file = join(dir, 'plots-xss.geojson');
    const name = '<img src=x onerror=alert(1)>';
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'xss-1', name, village: '<b>村</b>', town: '观海卫镇' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [121.4, 30.17],
                  [121.401, 30.17],
                  [121.401, 30.171],
                  [121.4, 30.171],
                  [121.4, 30.17],
                ],
              ],
            },
          },
        ],
      }),
    );
    await page.setInputFiles('[data-testid="import-input"]', [file]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-testid="import-kind"]').selectOption('plots');
    await dialog.locator('[data-testid="import-accept"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => window.__planner?.layerCounts()?.plots)).toBe(1);
    await page.click('[data-testid="tab-table"]');
    const row = page.locator('[data-testid="plot-table"] [data-plot-index="0"]');
    await row.click();
    const panel = page.locator('[data-testid="plot-panel"]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain(name);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('[data-testid="plot-panel"] b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('makes no request that leaves the local server and logs no error', () => {
    planner.network.assertNoExternalRequests();
    expect(planner.network.requests.some((request) => /analysis-worker/.test(request.url))).toBe(true);
    expectNoPageProblems(planner.problems);
  });
});
