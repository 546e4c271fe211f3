/**
 * The map is never hidden (issue 14, point 4), in headless Chromium at 1280×800, 1366×768, 1440×900
 * and 1920×1080: the whole title beside every header button (1280 to 1920 wide); a plot chosen in the table is zoomed to inside the part of the map no panel covers
 * (its screen box from map.project, against the panels' DOM rectangles); the table scrolls sideways
 * with the plot id fixed and no column out of reach; the legend, the plot card and the side panel
 * fold away and come back; briefing at 1024×768 shows the whole extent a slide recorded, with larger
 * names; the swipe divider cannot be dragged under the legend and stays grabbable. Writes
 * test/output/screen-fit-<width>x<height>.png, screen-fit-header-<width>.png, screen-fit-folded.png, screen-fit-briefing-1024.png
 * screen-fit-briefing-1024-folded.png and screen-fit-swipe.png.
 */

import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

/** A rectangle in page (CSS) pixels. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** What lies over the working map or beside it. */
const WORKING_COVERS = {
  header: '.app-header',
  legend: '.legend',
  card: '[data-testid="plot-panel"]',
  sidePanel: '.side-panel',
  sideToggle: '[data-testid="side-toggle"]',
  zoomButtons: '.maplibregl-ctrl-top-right',
};

/** What lies over the map in briefing mode. */
const BRIEFING_COVERS = {
  title: '.briefing-top',
  legend: '[data-testid="briefing-legend"]',
  targets: '[data-testid="briefing-targets"]',
  nav: '.briefing-nav',
};

/** Half a pixel: MapLibre places the fitted box at fractional positions. */
const TOLERANCE_PX = 0.5;

function overlaps(a: Box, b: Box): boolean {
  return (
    a.left < b.right - TOLERANCE_PX &&
    b.left < a.right - TOLERANCE_PX &&
    a.top < b.bottom - TOLERANCE_PX &&
    b.top < a.bottom - TOLERANCE_PX
  );
}

function expectInside(inner: Box, outer: Box, what: string): void {
  expect(inner.left, what).toBeGreaterThanOrEqual(outer.left - TOLERANCE_PX);
  expect(inner.top, what).toBeGreaterThanOrEqual(outer.top - TOLERANCE_PX);
  expect(inner.right, what).toBeLessThanOrEqual(outer.right + TOLERANCE_PX);
  expect(inner.bottom, what).toBeLessThanOrEqual(outer.bottom + TOLERANCE_PX);
}

describeInBrowser('the map is never hidden by the panels', () => {
  const planner = usePlanner();
  let page: Page;

  /** Waits until the map has finished moving and drawing (a fit runs a frame after the click). */
  async function settle(): Promise<void> {
    await page.waitForTimeout(100);
    await expect
      .poll(() => page.evaluate(() => window.__planner?.map.isMoving() ?? true), { timeout: 10_000 })
      .toBe(false);
    await page.evaluate(() => window.__planner?.whenIdle());
  }

  async function resize(width: number, height: number): Promise<void> {
    await page.setViewportSize({ width, height });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const map = window.__planner?.map;
          return map ? map.getCanvas().clientWidth === map.getContainer().clientWidth : false;
        }),
      )
      .toBe(true);
    await settle();
  }

  /**
   * Where the box [west, south, east, north] (WGS84) is drawn, the map's rectangle and the
   * rectangles of the elements `covers` names that are on the page, all in page pixels.
   */
  async function placement(
    box: readonly number[],
    covers: Record<string, string>,
  ): Promise<{ drawn: Box; map: Box; covers: Record<string, Box> }> {
    return page.evaluate(
      ([bounds, selectors]) => {
        const map = window.__planner?.map;
        if (!map) throw new Error('no map');
        const container = map.getContainer().getBoundingClientRect();
        const [west, south, east, north] = bounds as [number, number, number, number];
        const corners = [
          [west, south],
          [west, north],
          [east, south],
          [east, north],
        ].map((corner) => map.project(corner as [number, number]));
        const xs = corners.map((point) => container.left + point.x);
        const ys = corners.map((point) => container.top + point.y);
        const rect = (element: Element) => {
          const r = element.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        };
        const found: Record<string, Box> = {};
        for (const [name, selector] of Object.entries(selectors)) {
          const element = document.querySelector(selector);
          if (element && element.getBoundingClientRect().width > 0) found[name] = rect(element);
        }
        return {
          drawn: {
            left: Math.min(...xs),
            top: Math.min(...ys),
            right: Math.max(...xs),
            bottom: Math.max(...ys),
          },
          map: rect(map.getContainer()),
          covers: found,
        };
      },
      [box, covers] as const,
    );
  }

  /** The plot box of the plot at `index` (WGS84). */
  async function plotBox(index: number): Promise<number[]> {
    const box = await page.evaluate((i) => window.__planner?.plotRows()[i]?.box, index);
    if (!box) throw new Error(`plot ${index} has no box`);
    return [...box];
  }

  /** Checks that `box` is drawn inside the map and clear of every panel of `covers`. */
  async function expectInView(box: readonly number[], covers: Record<string, string>, must: string[]) {
    const seen = await placement(box, covers);
    for (const name of must) expect(seen.covers[name], `${name} is on the page`).toBeDefined();
    expectInside(seen.drawn, seen.map, 'inside the map');
    for (const [name, cover] of Object.entries(seen.covers))
      expect(overlaps(seen.drawn, cover), `not behind ${name}`).toBe(false);
    return seen;
  }

  /** Clicks the table row at `position` among those drawn and returns its plot index. */
  async function chooseRow(position: number): Promise<number> {
    const row = page.locator('[data-testid="plot-table"] tr[data-plot-index]').nth(position);
    const index = Number(await row.getAttribute('data-plot-index'));
    await row.click();
    await page.locator(`[data-testid="plot-panel"][data-plot-index="${index}"]`).waitFor();
    await settle();
    return index;
  }

  beforeAll(() => {
    page = planner.page;
  });

  it.each(SIZES.map((size, i) => [size, i] as const))(
    'zooms to a plot chosen in the table inside the visible map at %o',
    async ({ width, height }, i) => {
      await resize(width, height);
      if ((await page.locator('[data-testid="plot-table"]').count()) === 0)
        await page.click('[data-testid="tab-table"]');
      const index = await chooseRow(2 + i * 4);
      await expectInView(await plotBox(index), WORKING_COVERS, ['legend', 'card', 'sidePanel']);
      await planner.screenshot(`screen-fit-${width}x${height}.png`);
    },
  );

  it.each(SIZES)(
    'scrolls the table sideways with the plot id fixed and no column cut off at %o',
    async ({ width, height }) => {
      await resize(width, height);
      const table = await page.evaluate(() => {
        const scroll = document.querySelector('.table-scroll') as HTMLElement;
        scroll.scrollLeft = scroll.scrollWidth;
        const box = scroll.getBoundingClientRect();
        const headers = [...document.querySelectorAll('.table-grid th')].map((th) =>
          th.getBoundingClientRect(),
        );
        const firstCell = document.querySelector('.table-row td')?.getBoundingClientRect();
        const result = {
          scrolled: scroll.scrollLeft,
          left: box.left,
          right: box.left + scroll.clientWidth,
          firstHeader: headers[0]?.left ?? -1,
          firstCell: firstCell?.left ?? -1,
          lastHeaderRight: headers.at(-1)?.right ?? Number.POSITIVE_INFINITY,
          columns: headers.length,
        };
        scroll.scrollLeft = 0;
        return result;
      });
      expect(table.columns).toBe(9);
      // The table is wider than its panel, and scrolled to its end its last column is whole.
      expect(table.scrolled).toBeGreaterThan(0);
      expect(table.lastHeaderRight).toBeLessThanOrEqual(table.right + 1);
      // The plot id stays at the left edge.
      expect(table.firstHeader).toBeCloseTo(table.left, 0);
      expect(table.firstCell).toBeCloseTo(table.left, 0);
    },
  );

  it.each([1280, 1366, 1440, 1600, 1920])(
    'shows the whole title, 工业用地整合规划 · 慈溪市, with every header button at %i pixels wide',
    async (width) => {
      await resize(width, 900);
      const header = await page.evaluate(() => {
        const title = document.querySelector('.app-title') as HTMLElement;
        const bar = document.querySelector('.app-header') as HTMLElement;
        const buttons = [...bar.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
        return {
          text: title.textContent,
          cut: title.scrollWidth - title.clientWidth,
          right: Math.max(...buttons.map((b) => b.right)),
          wrapped: buttons.filter((b) => b.height > 40).length,
        };
      });
      expect(header.text).toContain('慈溪市');
      expect(header.cut).toBeLessThanOrEqual(0);
      expect(header.right).toBeLessThanOrEqual(width);
      expect(header.wrapped).toBe(0);
      await planner.screenshot(`screen-fit-header-${width}.png`);
    },
  );

  it('folds the legend, the plot card and the side panel away and brings them back', async () => {
    await resize(1440, 900);
    const legendOpen = await page.locator('.legend').boundingBox();
    await page.click('[data-testid="legend-toggle"]');
    const legendFolded = await page.locator('.legend').boundingBox();
    expect(legendFolded?.height ?? 999).toBeLessThan(60);
    expect(legendFolded?.width ?? 999).toBeLessThan((legendOpen?.width ?? 0) * 0.7);
    expect(await page.locator('.legend [data-testid="layer-list"]').count()).toBe(0);

    const cardOpen = await page.locator('[data-testid="plot-panel"]').boundingBox();
    await page.click('[data-testid="card-toggle"]');
    const cardFolded = await page.locator('[data-testid="plot-panel"]').boundingBox();
    expect(cardFolded?.height ?? 999).toBeLessThan(120);
    expect(cardFolded?.height ?? 999).toBeLessThan((cardOpen?.height ?? 0) / 3);
    // The fit follows: a plot chosen now is still clear of everything, with more map around it.
    const index = await chooseRow(5);
    const folded = await expectInView(await plotBox(index), WORKING_COVERS, ['legend', 'card']);
    expect(folded.covers.card?.bottom ?? 999).toBeLessThan(200);
    await planner.screenshot('screen-fit-folded.png');

    // The side panel folds to the map's edge and comes back as it was (the table).
    await page.click('[data-testid="side-toggle"]');
    expect(await page.locator('.side-panel').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => window.__planner?.map.getCanvas().clientWidth)).toBe(1440);
    await settle();
    await expectInView(await plotBox(index), WORKING_COVERS, ['legend', 'card']);
    await page.click('[data-testid="side-toggle"]');
    await page.locator('[data-testid="plot-table"]').waitFor();

    await page.click('[data-testid="card-toggle"]');
    await page.click('[data-testid="legend-toggle"]');
    await page.locator('.legend [data-testid="layer-list"]').waitFor();
    expect((await page.locator('[data-testid="plot-panel"]').boundingBox())?.height).toBeCloseTo(
      cardOpen?.height ?? 0,
      0,
    );
  });

  it('fits a slide’s recorded extent to 1024×768 in briefing, names at projector size', async () => {
    await resize(1920, 1080);
    if ((await page.locator('[data-testid="plot-panel"]').count()) > 0)
      await page.click('[data-testid="plot-panel"] .panel-close');
    await page.click('[data-testid="tab-slides"]');
    // The whole city, as the legend's button shows it; every plot is then in view.
    await page.click('[data-testid="layer-list"] .legend-row:last-child .layer-zoom');
    await settle();
    const city = await page.evaluate(() => {
      const boxes = (window.__planner?.plotRows() ?? []).flatMap((row) => (row.box ? [row.box] : []));
      return [
        Math.min(...boxes.map((b) => b[0] as number)),
        Math.min(...boxes.map((b) => b[1] as number)),
        Math.max(...boxes.map((b) => b[2] as number)),
        Math.max(...boxes.map((b) => b[3] as number)),
      ];
    });
    await expectInView(city, WORKING_COVERS, ['legend', 'sidePanel']);
    await page.click('[data-testid="slide-record"]');
    await expect.poll(() => page.locator('[data-testid="slide-list"]').getAttribute('data-count')).toBe('1');
    const workingSize = await page.evaluate(() =>
      window.__planner?.map.getLayoutProperty('town-labels', 'text-size'),
    );

    await resize(1024, 768);
    await page.click('[data-testid="briefing-enter"]');
    await page.locator('[data-testid="briefing"][data-slide-index="0"]').waitFor();
    await settle();
    await expectInView(city, BRIEFING_COVERS, ['title', 'legend', 'targets', 'nav']);
    await planner.screenshot('screen-fit-briefing-1024.png');
    // The targets fold away and the slide's extent is fitted again to the wider map.
    const before = await placement(city, BRIEFING_COVERS);
    await page.click('[data-testid="targets-toggle"]');
    await settle();
    const folded = await expectInView(city, BRIEFING_COVERS, ['title', 'legend', 'targets', 'nav']);
    const targets = folded.covers.targets;
    expect((targets?.right ?? 0) - (targets?.left ?? 999)).toBeLessThan(220);
    // At 1024×768 the room left is as high as before (the title bar and the legend above, the
    // slide buttons below), so the extent is drawn no smaller, and still clear of every panel.
    expect(folded.drawn.right - folded.drawn.left).toBeGreaterThanOrEqual(
      before.drawn.right - before.drawn.left - 0.5,
    );
    await planner.screenshot('screen-fit-briefing-1024-folded.png');
    await page.click('[data-testid="targets-toggle"]');
    await page.locator('[data-testid="briefing-targets"] .briefing-target').first().waitFor();
    // The town names: 13–20 px in the working view, at least 20 px at every zoom in briefing.
    const briefingSize = await page.evaluate(() =>
      window.__planner?.map.getLayoutProperty('town-labels', 'text-size'),
    );
    const stops = (size: unknown) => (size as unknown[]).slice(3).filter((_, i) => i % 2 === 1) as number[];
    expect(Math.min(...stops(workingSize))).toBe(13);
    expect(Math.min(...stops(briefingSize))).toBeGreaterThanOrEqual(20);

    await page.keyboard.press('Escape');
    await page.locator('.app-header').waitFor();
    expect(
      await page.evaluate(() => window.__planner?.map.getLayoutProperty('town-labels', 'text-size')),
    ).toEqual(workingSize);
  });

  it('keeps the swipe divider out from under the legend, grabbable', async () => {
    await resize(1440, 900);
    await page.click('[data-testid="tab-compare"]');
    await page.locator('[data-testid="compare-swipe"]').check();
    await page.locator('[data-testid="swipe-right-map"] canvas.maplibregl-canvas').waitFor();
    const legend = await page.locator('.legend').boundingBox();
    const swipe = await page.locator('[data-testid="swipe"]').boundingBox();
    if (!legend || !swipe) throw new Error('no legend or swipe');
    const legendRight = legend.x + legend.width;
    const handle = page.locator('[data-testid="swipe-divider"] .swipe-handle');
    const dividerX = async () =>
      swipe.x + Number(await page.locator('[data-testid="swipe"]').getAttribute('data-divider-x'));

    // Dragged by its handle to the middle of the legend: it stops at the legend's edge.
    let grip = await handle.boundingBox();
    if (!grip) throw new Error('no handle');
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(legend.x + legend.width / 2, grip.y + grip.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(await dividerX()).toBeGreaterThanOrEqual(legendRight - 1);
    // Its handle (40 px round) wholly right of the legend, no further.
    expect(await dividerX()).toBeGreaterThanOrEqual(legendRight + 19);
    expect(await dividerX()).toBeLessThan(legendRight + 24);
    // Its handle is on the map, not under the legend: the page hands a click there to the divider.
    grip = await handle.boundingBox();
    if (!grip) throw new Error('no handle');
    const under = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid="swipe-divider"]') !== null,
      [grip.x + grip.width / 2, grip.y + grip.height / 2] as const,
    );
    expect(under).toBe(true);
    await planner.screenshot('screen-fit-swipe.png');
    // And it is grabbed again and dragged back.
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(swipe.x + swipe.width * 0.6, grip.y + grip.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(Math.abs((await dividerX()) - (swipe.x + swipe.width * 0.6))).toBeLessThanOrEqual(2);
    // Home (the keyboard's far left) stops at the legend too.
    await page.locator('[data-testid="swipe-divider"]').focus();
    await page.keyboard.press('Home');
    expect(await dividerX()).toBeGreaterThanOrEqual(legendRight - 1);
    await page.locator('[data-testid="compare-swipe"]').uncheck();
  });

  it('makes no request that leaves the local server and logs no error', () => {
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
