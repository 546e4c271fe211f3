/**
 * The swipe comparison in headless Chromium: a copy of the scenario upgrades the plots outside the
 * boundary; the comparison's swipe lays two maps over the main one (the baseline on the left, the
 * copy on the right), both draw the plots, the copy's action outlines show right of the divider and
 * nowhere left of it, the divider moves by mouse and by keyboard (no further left than the legend), a drag on the overlay moves every
 * map, and turning the swipe off removes both maps. No request leaves the local server. Writes
 * test/output/compare-swipe.png.
 */

import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { saveOutput } from '../support/planner-harness.ts';
import { decodePng, type Pixels } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

/** ACTION_COLORS.upgrade in src/map/palette.ts: the outline of an upgraded plot. */
const UPGRADE_COLOR = '#00b3b3';

interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels of `region` within `tolerance` (per channel) of `hex`. */
function countColorIn(pixels: Pixels, hex: string, region: Region, tolerance = 24): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const rgb = [(value >> 16) & 255, (value >> 8) & 255, value & 255] as const;
  let count = 0;
  const right = Math.min(pixels.width, Math.round(region.x + region.width));
  const bottom = Math.min(pixels.height, Math.round(region.y + region.height));
  for (let y = Math.max(0, Math.round(region.y)); y < bottom; y++) {
    for (let x = Math.max(0, Math.round(region.x)); x < right; x++) {
      const i = (y * pixels.width + x) * 4;
      if (
        Math.abs((pixels.data[i] as number) - rgb[0]) <= tolerance &&
        Math.abs((pixels.data[i + 1] as number) - rgb[1]) <= tolerance &&
        Math.abs((pixels.data[i + 2] as number) - rgb[2]) <= tolerance
      )
        count++;
    }
  }
  return count;
}

describeInBrowser('the swipe comparison of two scenarios on the map', () => {
  const planner = usePlanner();
  let page: Page;

  async function overlaysIdle(): Promise<void> {
    await page.evaluate(async () => {
      await Promise.all([
        window.__planner?.whenIdle(),
        window.__compare?.left.whenIdle(),
        window.__compare?.right.whenIdle(),
      ]);
    });
  }

  async function mapArea(): Promise<Region> {
    const box = await page.locator('[data-testid="swipe"]').boundingBox();
    if (!box) throw new Error('no swipe overlay');
    return box;
  }

  async function dividerX(): Promise<number> {
    return Number(await page.locator('[data-testid="swipe"]').getAttribute('data-divider-x'));
  }

  /** Upgrade outlines left and right of the divider, in the map area below the legend and labels. */
  async function upgradePixels(): Promise<{ left: number; right: number; png: Buffer }> {
    await overlaysIdle();
    const png = await page.screenshot({ type: 'png' });
    const pixels = decodePng(png);
    const area = await mapArea();
    const legend = await page.locator('.legend').boundingBox();
    const x = area.x + (await dividerX());
    // Below the legend (top left), above the side labels; a few pixels clear of the divider line.
    const top = (legend ? legend.y + legend.height : area.y) + 4;
    const height = area.y + area.height - 90 - top;
    return {
      left: countColorIn(pixels, UPGRADE_COLOR, { x: area.x, y: top, width: x - 16 - area.x, height }),
      right: countColorIn(pixels, UPGRADE_COLOR, {
        x: x + 16,
        y: top,
        width: area.x + area.width - 60 - (x + 16),
        height,
      }),
      png,
    };
  }

  beforeAll(() => {
    page = planner.page;
  });

  it('upgrades the plots outside the boundary in a copy of the scenario', async () => {
    await page.click('[data-testid="tab-table"]');
    const table = page.locator('[data-testid="plot-table"]');
    await table.locator('.table-check', { hasText: '开发边界外' }).locator('input').check();
    const shown = Number(await table.locator('[data-testid="plot-table-count"]').getAttribute('data-shown'));
    expect(shown).toBeGreaterThan(0);
    await page.click('[data-testid="tab-scenario"]');
    await page.locator('[data-testid="scenario-panel"]').waitFor();
    await page.click('[data-testid="scenario-duplicate"]');
    const bar = page.locator('[data-testid="action-bar"]');
    await bar.locator('input[name="scn-action-source"][value="filter"]').check();
    await bar.locator('[data-testid="action-select"]').selectOption('upgrade');
    await bar.locator('[data-testid="year-select"]').selectOption('2025');
    await bar.locator('[data-testid="apply-action"]').click();
    await bar.locator('[data-testid="action-done"]').waitFor();
    const upgraded = Number(
      await page.locator('[data-testid="action-legend"] [data-action="upgrade"]').getAttribute('data-count'),
    );
    expect(upgraded).toBe(shown);
  });

  it('lays two maps over the main map, each drawing the plots, when the swipe is turned on', async () => {
    await page.click('[data-testid="tab-compare"]');
    const compare = page.locator('[data-testid="compare-view"]');
    await compare.waitFor();
    const ids = await compare
      .locator('[data-testid="compare-check"]')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-scenario-id') ?? ''));
    expect(ids).toHaveLength(2);
    // Nothing chosen: the first two scenarios, left and right.
    expect(await page.locator('[data-testid="compare-left"]').inputValue()).toBe(ids[0]);
    expect(await page.locator('[data-testid="compare-right"]').inputValue()).toBe(ids[1]);
    expect(await page.locator('[data-testid="swipe"]').count()).toBe(0);

    // Before and after: the baseline on the left.
    await page.locator('[data-testid="compare-left"]').selectOption({ label: '现状（基线）' });
    await page.locator('[data-testid="compare-swipe"]').check();
    await page.locator('[data-testid="swipe-right-map"] canvas.maplibregl-canvas').waitFor();
    expect(await page.locator('.map-area .maplibregl-map').count()).toBe(3);
    await page.waitForFunction(
      async () => {
        const compare = window.__compare;
        if (!compare) return false;
        await Promise.all([compare.left.whenIdle(), compare.right.whenIdle()]);
        // At county scale the plots are raster dots: read what each side's canvas shows.
        const drawn = async (side: typeof compare.left) =>
          side.renderedFeatureCount('plots-fill') + (await side.drawnPlotDots()).count;
        return (await drawn(compare.left)) > 0 && (await drawn(compare.right)) > 0;
      },
      null,
      { timeout: 60_000, polling: 500 },
    );
    expect(await page.locator('[data-testid="swipe-label-left"]').textContent()).toBe('现状（基线）');
    expect(await page.locator('[data-testid="swipe-label-right"]').textContent()).toMatch(/（副本）$/);
    expect(await page.evaluate(() => window.__compare?.right.scenarioId())).toBe(ids[1]);
    expect(await page.evaluate(() => window.__compare?.left.scenarioId())).toBe('');
    // The divider starts in the middle.
    const area = await mapArea();
    expect(Math.abs((await dividerX()) - area.width / 2)).toBeLessThanOrEqual(1);
  });

  it('follows the main map and moves it when the overlay is dragged', async () => {
    // An upgraded plot (outside the boundary) at the centre, at a zoom that draws plot polygons.
    const center = await page.evaluate(() => {
      const row = window.__planner?.plotRows().find((plot) => plot.status === 'outside' && plot.box);
      const box = row?.box ?? [121.3, 30.2, 121.3, 30.2];
      return [((box[0] ?? 0) + (box[2] ?? 0)) / 2, ((box[1] ?? 0) + (box[3] ?? 0)) / 2] as const;
    });
    await page.evaluate(
      ([lng, lat]) => window.__planner?.map.jumpTo({ center: [lng, lat], zoom: 14 }),
      center,
    );
    await overlaysIdle();
    const cameras = () =>
      page.evaluate(() => {
        const main = window.__planner?.map;
        const c = main?.getCenter();
        return {
          main: { center: [c?.lng ?? 0, c?.lat ?? 0], zoom: main?.getZoom() ?? 0 },
          left: window.__compare?.left.camera(),
          right: window.__compare?.right.camera(),
        };
      });
    let seen = await cameras();
    for (const side of [seen.left, seen.right]) {
      expect(side?.center[0]).toBeCloseTo(center[0], 9);
      expect(side?.center[1]).toBeCloseTo(center[1], 9);
      expect(side?.zoom).toBeCloseTo(14, 9);
    }

    // A drag on the right map (away from the divider) pans all three maps.
    const area = await mapArea();
    const startX = area.x + area.width * 0.75;
    const startY = area.y + area.height * 0.6;
    await page.mouse.move(startX, startY);
    await page.mouse.down();
    await page.mouse.move(startX - 100, startY - 60, { steps: 6 });
    await page.mouse.up();
    await overlaysIdle();
    seen = await cameras();
    expect(Math.abs((seen.main.center[0] ?? 0) - center[0])).toBeGreaterThan(1e-4);
    for (const side of [seen.left, seen.right]) {
      expect(side?.center[0]).toBeCloseTo(seen.main.center[0] ?? Number.NaN, 9);
      expect(side?.center[1]).toBeCloseTo(seen.main.center[1] ?? Number.NaN, 9);
      expect(side?.zoom).toBeCloseTo(seen.main.zoom, 9);
    }
    // Back to the plot at the centre for what follows.
    await page.evaluate(
      ([lng, lat]) => window.__planner?.map.jumpTo({ center: [lng, lat], zoom: 14 }),
      center,
    );
    await overlaysIdle();
  });

  it('shows the right scenario right of the divider, which moves by mouse and keyboard', async () => {
    const area = await mapArea();
    const divider = page.locator('[data-testid="swipe-divider"]');
    const before = await divider.boundingBox();
    if (!before) throw new Error('no divider');
    // Drag the divider to a third of the width: the plot at the centre is then on the right.
    await page.mouse.move(before.x + before.width / 2, before.y + before.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.33, before.y + before.height * 0.3, { steps: 8 });
    await page.mouse.up();
    const x = await dividerX();
    expect(Math.abs(x - area.width * 0.33)).toBeLessThanOrEqual(2);
    const after = await divider.boundingBox();
    expect((after?.x ?? 0) - before.x).toBeLessThan(-area.width * 0.15);
    expect(await page.locator('[data-testid="swipe-right-map"]').getAttribute('style')).toContain(
      `inset(0px 0px 0px ${x}px)`,
    );
    const labelRight = await page.locator('[data-testid="swipe-label-right"]').boundingBox();
    const labelLeft = await page.locator('[data-testid="swipe-label-left"]').boundingBox();
    expect(labelRight?.x ?? 0).toBeGreaterThan(area.x + x);
    expect((labelLeft?.x ?? 0) + (labelLeft?.width ?? 0)).toBeLessThan(area.x + x);

    const split = await upgradePixels();
    saveOutput('compare-swipe.png', split.png);
    // The copy upgrades the plot at the centre; the baseline upgrades nothing, and it hides the main
    // map (which shows the copy, the active scenario) on the left.
    expect(split.right).toBeGreaterThan(20);
    expect(split.left).toBe(0);

    // The keyboard: arrows step, End shows the left side everywhere, Home the right side.
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    expect(await dividerX()).toBeGreaterThan(x);
    await page.keyboard.press('End');
    expect(await dividerX()).toBe(Math.round(area.width));
    const allLeft = await upgradePixels();
    expect(allLeft.left).toBe(0);
    await page.keyboard.press('Home');
    // As far left as the legend lets it: right of it, the whole handle clear (screen-fit.test.ts).
    const legend = await page.locator('.legend').boundingBox();
    const legendRight = (legend?.x ?? 0) + (legend?.width ?? 0) - area.x;
    expect(await dividerX()).toBeGreaterThanOrEqual(Math.floor(legendRight));
    expect(await dividerX()).toBeLessThanOrEqual(Math.ceil(legendRight) + 20);
    const allRight = await upgradePixels();
    expect(allRight.right).toBeGreaterThan(20);
  });

  it('removes both overlay maps when the swipe is turned off', async () => {
    await page.locator('[data-testid="compare-swipe"]').uncheck();
    expect(await page.locator('[data-testid="swipe"]').count()).toBe(0);
    expect(await page.locator('.map-area .maplibregl-map').count()).toBe(1);
    expect(await page.evaluate(() => window.__compare === undefined)).toBe(true);
    // The main map still draws, on its own.
    await page.evaluate(() => window.__planner?.whenIdle());
    expect(
      await page.evaluate(() => window.__planner?.renderedFeatureCount('plots-fill') ?? 0),
    ).toBeGreaterThan(0);
  });

  it('makes no request that leaves the local server and logs no error', () => {
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
