/**
 * The planner in a Chromium without WebGL (`--disable-3d-apis`, as on a virtual desktop, a
 * blocklisted graphics card or a locked-down browser): the map's place says why there is no map and
 * what to do, in Chinese; the table, a scenario edit made from the table, the report (a note where
 * its map would be), briefing mode and the table exports work; what needs the map says so. The page
 * makes no failed request, its icon included. Writes screenshots to test/output/.
 */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { waitForPlotsDrawn } from '../support/browser.ts';
import { saveOutput } from '../support/planner-harness.ts';
import { SAMPLE_FIGURES } from '../support/sample-figures.ts';
import { countColor, decodePng, distinctColors } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

describeInBrowser('without WebGL', () => {
  const planner = usePlanner({ gl: 'none', waitFor: 'legend' });
  let page: Page;

  /** A figure of the scenario panel's indicators (raw number). */
  async function indicator(field: string): Promise<number> {
    const panel = page.locator('[data-testid="scenario-indicators"]').first();
    return Number(await panel.locator(`[data-field="${field}"]`).first().getAttribute('data-value'));
  }

  beforeAll(() => {
    page = planner.page;
  });

  it('runs in a browser that really has no WebGL', async () => {
    const contexts = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      return { webgl2: canvas.getContext('webgl2') !== null, webgl: canvas.getContext('webgl') !== null };
    });
    expect(contexts).toEqual({ webgl2: false, webgl: false });
  });

  it("says in the map's place, in Chinese, why there is no map and what to do", async () => {
    const message = page.locator('[data-testid="map-unavailable"]');
    await message.waitFor();
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('本机浏览器无法使用 WebGL 2，地图无法显示');
    expect(text).toContain('硬件加速');
    expect(text).toContain('Chrome 或 Edge');
    expect(text).toContain('其他功能照常可用');
    // The rest of the page is there: the header, the legend with the plan's plots, the dashboard.
    await expect.poll(() => page.locator('.legend-total').textContent()).toContain('3,000');
    await page.locator('[data-testid="tab-table"]').waitFor();
    const png = await planner.screenshot('no-webgl-message.png');
    // The map's place is not blank: the message's text alone draws many shades.
    const box = await page.locator('[data-testid="map"]').boundingBox();
    if (!box) throw new Error("no map's place");
    const region = {
      x: Math.round(box.x),
      y: Math.round(box.y),
      width: Math.round(box.width),
      height: Math.round(box.height),
    };
    expect(distinctColors(decodePng(png), region)).toBeGreaterThan(20);
    expectNoPageProblems(planner.problems);
  });

  it('draws the plan on a simple flat map in its place, in the map colours', async () => {
    const canvas = page.locator('[data-testid="fallback-map"]');
    await expect.poll(() => canvas.getAttribute('data-drawn-plots')).toBe('3000');
    const pixels = decodePng(await planner.screenshot('no-webgl-flat-map.png'));
    // Every status shows (palette.ts STATUS_COLORS): plots in the control zones, inside the boundary, outside it.
    expect(countColor(pixels, '#1f9e3a', 30)).toBeGreaterThan(500);
    expect(countColor(pixels, '#1f64d6', 30)).toBeGreaterThan(500);
    expect(countColor(pixels, '#e3001b', 30)).toBeGreaterThan(500);
    // The control zones' edge (PLAN_COLORS.controlLine) and the sea (BASEMAP_COLORS.sea).
    expect(countColor(pixels, '#7b2d8e', 30)).toBeGreaterThan(200);
    expect(countColor(pixels, '#a9cbe3', 10)).toBeGreaterThan(10_000);
  });

  it('says it in English after the language switch', async () => {
    await page.click('.language-switch');
    await expect
      .poll(() => page.locator('[data-testid="map-unavailable"]').textContent())
      .toContain('This browser cannot use WebGL 2');
    await page.click('.language-switch');
    await expect
      .poll(() => page.locator('[data-testid="map-unavailable"]').textContent())
      .toContain('本机浏览器无法使用 WebGL 2');
  });

  it('sets an action on the plots of the table filter, and the indicators follow', async () => {
    await page.click('[data-testid="tab-scenario"]');
    await page.locator('[data-testid="scenario-panel"]').waitFor();
    const before = await indicator('renovatedMu');
    await page.click('[data-testid="tab-table"]');
    const table = page.locator('[data-testid="plot-table"]');
    await table.locator('.table-check', { hasText: '开发边界外' }).locator('input').check();
    const shown = Number(await table.locator('[data-testid="plot-table-count"]').getAttribute('data-shown'));
    expect(shown).toBe(SAMPLE_FIGURES.statusCounts.outside);
    await planner.screenshot('no-webgl-table.png');
    await page.click('[data-testid="tab-scenario"]');
    const bar = page.locator('[data-testid="action-bar"]');
    // Picking plots with a box needs the map: the button says so instead of doing nothing.
    expect(await bar.locator('[data-testid="box-select"]').isDisabled()).toBe(true);
    expect(await bar.locator('[data-testid="box-select"]').getAttribute('title')).toContain('WebGL 2');
    await bar.locator('input[name="scn-action-source"][value="filter"]').check();
    await bar.locator('[data-testid="action-select"]').selectOption('upgrade');
    await bar.locator('[data-testid="year-select"]').selectOption('2025');
    await bar.locator('[data-testid="apply-action"]').click();
    await bar.locator('[data-testid="action-done"]').waitFor();
    expect(
      await page.locator('[data-testid="action-legend"] [data-action="upgrade"]').getAttribute('data-count'),
    ).toBe(String(SAMPLE_FIGURES.statusCounts.outside));
    await expect.poll(() => indicator('renovatedMu')).toBeGreaterThan(before);
    // The flat map rings the upgraded plots in the upgrade colour (palette.ts ACTION_COLORS.upgrade).
    await expect
      .poll(async () => countColor(decodePng(await planner.screenshot()), '#00b3b3', 30))
      .toBeGreaterThan(1000);
    // Drawing a receiving zone needs the map too.
    expect(await page.locator('[data-testid="draw-zone"]').isDisabled()).toBe(true);
    await planner.screenshot('no-webgl-scenario.png');
    expectNoPageProblems(planner.problems);
  });

  it('exports the plot table as CSV, with the action set', async () => {
    await page.click('[data-testid="export-button"]');
    // The map PNG cannot be drawn: its items are off and say why.
    const png = page.locator('[data-testid="export-png"]');
    expect(await png.isDisabled()).toBe(true);
    expect(await png.getAttribute('title')).toContain('WebGL 2');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('[data-testid="export-csv"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    saveOutput('no-webgl-plots.csv', Buffer.from(text));
    // One line per plot (after the header, before the notes); the plots outside every boundary carry
    // the action set above.
    const plotLines = text.split(/\r?\n/).filter((line) => /^\d{12}-\d{4},/.test(line));
    expect(plotLines).toHaveLength(3000);
    expect(plotLines.filter((line) => line.includes(',原地改造提升,2025,'))).toHaveLength(
      SAMPLE_FIGURES.statusCounts.outside,
    );
    expectNoPageProblems(planner.problems);
  });

  it('pans, zooms and selects a plot on the flat map', async () => {
    const zoomOf = () =>
      page.evaluate(() => window.__plannerInternals?.store.getState().view?.zoom ?? Number.NaN);
    const centreOf = () =>
      page.evaluate(
        () => window.__plannerInternals?.store.getState().view?.center ?? [Number.NaN, Number.NaN],
      );
    const canvas = page.locator('[data-testid="fallback-map"]');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no flat map');
    // Drag from the middle of the map 200 px to the left: the map looks 200 px further east.
    await page.locator('[data-testid="fallback-fit"]').click();
    const before = { zoom: await zoomOf(), centre: await centreOf() };
    const middle = { x: box.x + box.width / 2, y: box.y + box.height * 0.7 };
    await page.mouse.move(middle.x, middle.y);
    await page.mouse.down();
    await page.mouse.move(middle.x - 100, middle.y, { steps: 4 });
    await page.mouse.move(middle.x - 200, middle.y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await centreOf())[0]).toBeGreaterThan((before.centre[0] ?? 0) + 0.01);
    await page.getByRole('button', { name: '放大' }).click();
    await expect.poll(zoomOf).toBeCloseTo(before.zoom + 1, 6);
    await page.mouse.move(middle.x, middle.y);
    await page.mouse.wheel(0, -300);
    await expect.poll(zoomOf).toBeGreaterThan(before.zoom + 1.5);

    // A plot chosen among the rows, brought to the middle of the map, then clicked there.
    const plot = await page.evaluate(() => {
      const state = window.__plannerInternals?.store.getState();
      const row = state?.analysis?.rows.find((candidate) => candidate.status === 'boundary' && candidate.box);
      if (!state || !row?.box) throw new Error('no plot');
      const [west, south, east, north] = row.box;
      state.selectPlot(null, 'map');
      state.requestView({ center: [(west + east) / 2, (south + north) / 2], zoom: 17 });
      return { index: row.index };
    });
    await expect.poll(zoomOf).toBeCloseTo(17, 6);
    const point = await page.evaluate((index) => {
      const row = window.__plannerInternals?.store.getState().analysis?.rows[index];
      const [west, south, east, north] = row?.box ?? [0, 0, 0, 0];
      return window.__plannerInternals?.fallbackMap?.screenPointOf((west + east) / 2, (south + north) / 2);
    }, plot.index);
    if (!point) throw new Error('no flat map in the seam');
    await canvas.click({ position: point });
    await expect
      .poll(() => page.evaluate(() => window.__plannerInternals?.store.getState().selectedPlot))
      .toBe(plot.index);
    await expect
      .poll(() => page.locator('[data-testid="plot-panel"]').getAttribute('data-plot-index'))
      .toBe(String(plot.index));
    const pixels = decodePng(await planner.screenshot('no-webgl-flat-map-selected.png'));
    // The selected plot's outline (SELECTION_COLORS.line).
    expect(countColor(pixels, '#00a3ff', 20)).toBeGreaterThan(100);
    expectNoPageProblems(planner.problems);
  });

  it('prints the report with a note where its map would be', async () => {
    await page.click('[data-testid="export-button"]');
    await page.click('[data-testid="export-report"]');
    const report = page.locator('[data-testid="report"][data-ready="true"]');
    await report.waitFor({ timeout: 30_000 });
    expect(await report.locator('[data-testid="report-map-note"]').textContent()).toContain('WebGL 2');
    expect(await report.locator('[data-testid="report-map-image"]').count()).toBe(0);
    await planner.screenshot('no-webgl-report.png');
    await page.click('[data-testid="report-close"]');
    await report.waitFor({ state: 'detached' });
  });

  it('compares the scenarios, without the swipe map', async () => {
    await page.click('[data-testid="tab-compare"]');
    const table = page.locator('[data-testid="compare-table"]');
    await table.waitFor();
    expect(await table.textContent()).toContain('改造提升面积');
    const swipe = page.locator('[data-testid="compare-swipe"]');
    expect(await swipe.isDisabled()).toBe(true);
    await planner.screenshot('no-webgl-compare.png');
  });

  it('records a slide of the flat map and presents it in briefing mode', async () => {
    await page.click('[data-testid="tab-slides"]');
    await page.click('[data-testid="slide-record"]');
    await expect.poll(() => page.locator('[data-testid="slide-list"]').getAttribute('data-count')).toBe('1');
    await page.click('[data-testid="briefing-enter"]');
    await expect
      .poll(() => page.locator('[data-testid="briefing"]').getAttribute('data-slide-index'))
      .toBe('0');
    const briefing = page.locator('[data-testid="briefing"]');
    await briefing.waitFor();
    expect(await page.locator('[data-testid="briefing-swipe"]').isDisabled()).toBe(true);
    await planner.screenshot('no-webgl-briefing.png');
    await page.keyboard.press('Escape');
    await briefing.waitFor({ state: 'detached' });
    await page.locator('[data-testid="export-button"]').waitFor();
    expectNoPageProblems(planner.problems);
  });

  it('names its icon in the page, and no request of the page failed', async () => {
    // Chromium asks for /favicon.ico when a page names no icon: a 404 on every load.
    const icon = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href,
    );
    expect(icon).toMatch(/^data:image\/svg\+xml,/);
    const failed = (planner.app?.server.log ?? []).filter((entry) => entry.status >= 400);
    expect(failed).toEqual([]);
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});

describeInBrowser('a lost WebGL context', () => {
  const planner = usePlanner();
  let page: Page;

  beforeAll(() => {
    page = planner.page;
  });

  /** Sets `action` on the plots of `status` in the active scenario, through the store as the action bar does. */
  async function setAction(status: string, action: string): Promise<number> {
    return page.evaluate(
      ([wanted, code]) => {
        const store = window.__plannerInternals?.store;
        const rows = store?.getState().analysis?.rows ?? [];
        const plotIds = rows.filter((row) => row.status === wanted).map((row) => row.id);
        store
          ?.getState()
          .edit({ type: 'set-actions', plotIds, entry: { action: code as 'vacate', year: 2024 } });
        return plotIds.length;
      },
      [status, action] as const,
    );
  }

  /** The map's area of a screenshot. */
  async function mapPixels(name: string) {
    const png = await planner.screenshot(name);
    return decodePng(png);
  }

  it('draws the map again, with its actions and camera, when the context comes back', async () => {
    // A close view (plot polygons, whose actions are feature state, which a lost context drops).
    const rows = await page.evaluate(() => window.__planner?.plotRows() ?? []);
    const outside = rows.find((row) => row.status === 'outside' && row.box);
    if (!outside?.box) throw new Error('no outside plot');
    const [west, south, east, north] = outside.box as number[];
    await page.evaluate(
      async (center) => {
        window.__planner?.map.jumpTo({ center, zoom: 13.5 });
        await window.__planner?.whenIdle();
      },
      [((west ?? 0) + (east ?? 0)) / 2, ((south ?? 0) + (north ?? 0)) / 2] as [number, number],
    );
    expect(await setAction('outside', 'relocate')).toBe(SAMPLE_FIGURES.statusCounts.outside);
    await waitForPlotsDrawn(page);
    const relocateColour = '#ff3da5';
    const before = countColor(await mapPixels('context-before.png'), relocateColour, 20);
    expect(before).toBeGreaterThan(100);
    const camera = await page.evaluate(() => {
      const map = window.__planner?.map;
      return { center: map?.getCenter().toArray(), zoom: map?.getZoom() };
    });

    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.__planner?.map;
          const gl = map?.getCanvas().getContext('webgl2');
          const lose = gl?.getExtension('WEBGL_lose_context');
          if (!map || !lose) throw new Error('no WEBGL_lose_context');
          map.once('webglcontextlost', () => resolve());
          lose.loseContext();
          (window as unknown as { __lose: WEBGL_lose_context }).__lose = lose;
        }),
    );
    await page.locator('[data-testid="map-lost"]').waitFor();
    // An edit while the map has no context: it must not throw, and must show once the map is back.
    expect(await setAction('boundary', 'upgrade')).toBe(SAMPLE_FIGURES.statusCounts.boundary);
    await planner.screenshot('context-lost.png');
    await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
    await page.locator('[data-testid="map-lost"]').waitFor({ state: 'detached' });
    await waitForPlotsDrawn(page);

    const after = await mapPixels('context-restored.png');
    expect(countColor(after, relocateColour, 20)).toBeGreaterThan(0.8 * before);
    expect(countColor(after, '#00b3b3', 20)).toBeGreaterThan(100);
    expect(
      await page.evaluate(() => {
        const map = window.__planner?.map;
        return { center: map?.getCenter().toArray(), zoom: map?.getZoom() };
      }),
    ).toEqual(camera);
    expectNoPageProblems(planner.problems);
  });

  it('puts the flat map in its place when the context does not come back', async () => {
    await page.evaluate(() => {
      const gl = window.__planner?.map.getCanvas().getContext('webgl2');
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    });
    await page.locator('[data-testid="map-lost"]').waitFor();
    // MapView waits 10 s for the context.
    const flat = page.locator('[data-testid="fallback-map"]');
    await flat.waitFor({ timeout: 30_000 });
    await expect.poll(() => flat.getAttribute('data-drawn-plots')).not.toBe(null);
    expect(await page.locator('[data-testid="map-unavailable"]').textContent()).toContain('没有恢复');
    // What needs the real map says so now.
    await page.click('[data-testid="export-button"]');
    expect(await page.locator('[data-testid="export-png"]').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await planner.screenshot('context-gone.png');
    expectNoPageProblems(planner.problems);
  });
});
