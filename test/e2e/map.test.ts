/**
 * The app page in headless Chromium, built and served from this machine only: it shows the sample
 * plan on the Cixi base map with every plot classified, draws Chinese labels from the bundled font,
 * makes no request that leaves the local server, and logs no error. Writes test/output/map.png.
 */

import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { openPlanner } from '../support/planner-harness.ts';
import { samplePlotCount } from '../support/sample-set.ts';
import { countColor, decodePng, distinctColors, type Pixels } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const VIEWPORT = { width: 1920, height: 1080 };
const PLOTS_IN_SAMPLE = samplePlotCount();
// Must match src/map/palette.ts; written out so that a changed colour is a deliberate change here too.
const STATUS_COLORS = { control: '#1f9e3a', boundary: '#1f64d6', crossing: '#ff8a00', outside: '#e3001b' };
const SEA_COLOR = '#a9cbe3';

describeInBrowser('the map page', () => {
  // Labels are drawn once the font is in: the map is idle with plots and labels drawn.
  const planner = usePlanner({ viewport: VIEWPORT, waitFor: 'labels' });
  let page: Page;
  let screenshot: Pixels;

  beforeAll(async () => {
    page = planner.page;
    screenshot = decodePng(await planner.screenshot('map.png'));
  });

  it('counts every plot of the sample in the legend', async () => {
    const counts = await page
      .locator('.legend-row[data-status]')
      .evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.count)));
    expect(counts.length).toBeGreaterThanOrEqual(4);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(PLOTS_IN_SAMPLE);
    expect(await page.locator('.legend-total').getAttribute('data-total')).toBe(String(PLOTS_IN_SAMPLE));
  });

  it('draws plots of every status on the map', async () => {
    // The county view's raster: the statuses whose colour shows at their plots' dots (within 8 px).
    // The sample has plots of all four statuses, about 5 % of them across a boundary.
    const statuses = await page.evaluate(async () => (await window.__planner?.drawnPlotDots(8))?.statuses);
    expect(statuses).toEqual(['boundary', 'control', 'crossing', 'outside']);
  });

  it('rings each plot across a control line at county scale, once, from the plot tile worker', async () => {
    const crossing = Number(
      await page.locator('.legend-row[data-status="crossing"]').getAttribute('data-count'),
    );
    expect(crossing).toBeGreaterThan(10);
    // The markers' tiles of the sample's analysis may still be on their way from the tile worker.
    const drawn = () =>
      page.evaluate(() => ({
        ids: window.__planner?.renderedValues('plot-markers', 'index').length ?? 0,
        statuses: window.__planner?.renderedValues('plot-markers', 'status') ?? [],
        count: window.__planner?.renderedFeatureCount('plot-markers') ?? 0,
      }));
    // The whole county is in view: every crossing plot is ringed, none twice (a marker is in one tile).
    await expect
      .poll(drawn, { timeout: 20_000 })
      .toEqual({ ids: crossing, statuses: ['crossing'], count: crossing });
  });

  it('draws the town names', async () => {
    const names = await page.evaluate(() => window.__planner?.renderedValues('town-labels', 'name') ?? []);
    // Most of Cixi's 24 towns fit at county scale without colliding.
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(names).toContain('观海卫镇');
  });

  it('shows the title and the sample label in Chinese', async () => {
    expect(await page.title()).toBe('工业用地整合规划');
    expect(await page.locator('.app-title').textContent()).toContain('工业用地整合规划');
    expect(await page.locator('[data-testid="sample-label"]').textContent()).toBe('示例数据（虚构）');
    const credits = await page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(credits).toContain('OpenStreetMap contributors');
    // The sample is labelled in the map's credit line too (a real plan's is not: planner.test.ts).
    expect(credits).toContain('示例数据（虚构）');
  });

  it('renders the Chinese UI text with the bundled font', async () => {
    // Without a Chinese system font a fallback font would draw boxes; Chromium reports the font used.
    const cdp = await planner.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    for (const selector of [
      '.app-title',
      '[data-testid="sample-label"]',
      '.legend-title',
      '.maplibregl-ctrl-attrib-inner',
    ]) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(
        fonts.map((font) => font.postScriptName),
        selector,
      ).toContain('NotoSansSC-Medium');
    }
    await cdp.detach();
  });

  it('shows a map that is not blank: sea, and plots in all four colours', () => {
    expect(distinctColors(screenshot)).toBeGreaterThan(500);
    const centre = { x: VIEWPORT.width / 2 - 200, y: VIEWPORT.height / 2 - 150, width: 400, height: 300 };
    expect(distinctColors(screenshot, centre)).toBeGreaterThan(50);
    expect(countColor(screenshot, SEA_COLOR, 6)).toBeGreaterThan(50_000);
    for (const [status, color] of Object.entries(STATUS_COLORS)) {
      expect(countColor(screenshot, color, 30), status).toBeGreaterThan(200);
    }
  });

  it('makes no request that leaves the local server', () => {
    planner.network.assertNoExternalRequests();
    const paths = planner.network.requests.map((request) => new URL(request.url).pathname);
    // The recorder saw the page's own files, so an empty list would not pass for "offline".
    expect(paths).toContain('/fonts/noto-sans-sc-gb2312.woff2');
    expect(paths.some((path) => /^\/assets\/maplibre-gl-worker-[\w-]+\.js$/.test(path))).toBe(true);
  });

  it('logs no error', () => {
    // MapLibre warns about missing images, fonts and style problems; SwiftShader's GL notes are noise.
    expectNoPageProblems(planner.problems, { warnings: true });
  });

  it('switches the interface to English and back', async () => {
    await page.click('.language-switch');
    expect(await page.locator('.app-title').textContent()).toContain('Industrial Land Consolidation Planner');
    expect(await page.locator('.legend-title').textContent()).toBe('Plot status');
    // The sample label follows the interface's language, like every surface that shows it.
    expect(await page.locator('[data-testid="sample-label"]').textContent()).toBe('Sample data (fictitious)');
    await page.click('.language-switch');
    expect(await page.locator('.legend-title').textContent()).toBe('地块现状分类');
  });

  it('keeps every header button on one line and the credits clear of the scale bar on 1280/1366 screens', async () => {
    try {
      for (const [size, language] of [
        [{ width: 1280, height: 800 }, 'zh'],
        [{ width: 1366, height: 768 }, 'en'],
      ] as const) {
        await page.setViewportSize(size);
        if (language === 'en') await page.click('.language-switch');
        const layout = await page.evaluate(() => {
          const header = document.querySelector('.app-header') as HTMLElement;
          const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
          const scale = box('.maplibregl-ctrl-scale');
          const credits = box('.maplibregl-ctrl-attrib');
          return {
            // A wrapped label makes its button two lines tall.
            tall: [...header.querySelectorAll('button')]
              .filter((button) => button.getBoundingClientRect().height > 40)
              .map((button) => button.textContent),
            overflow: header.scrollWidth - header.clientWidth,
            overlap: !scale || !credits ? null : scale.right > credits.left && credits.top < scale.bottom,
          };
        });
        expect(layout, `${size.width} ${language}`).toEqual({ tall: [], overflow: 0, overlap: false });
        if (language === 'en') await page.click('.language-switch');
      }
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
  });

  // Last: it moves the map. A closer look for a reviewer: plot outlines, hatching, the pilot villages.
  it('shows plot outlines and control hatching up close (观海卫镇)', async () => {
    const drawn = await page.evaluate(async () => {
      const planner = window.__planner;
      if (!planner) return 0;
      planner.map.jumpTo({ center: [121.4, 30.17], zoom: 14 });
      await planner.whenIdle();
      return planner.renderedFeatureCount('plots-outline');
    });
    expect(drawn).toBeGreaterThan(0);
    await planner.screenshot('map-guanhaiwei.png');
  });
});

describeInBrowser('the network recorder', () => {
  it('reports and blocks requests to another origin, from the page and from a worker', async () => {
    // A page of the app's origin without the app's Content-Security-Policy, which would stop these first.
    const planner = await openPlanner({ path: '/fonts/OFL.txt', waitFor: 'load' });
    const { page, network } = planner;
    try {
      const fromPage = await page.evaluate(() =>
        fetch('http://example.com/from-page').then(
          () => 'reached',
          () => 'blocked',
        ),
      );
      const fromWorker = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const code =
              "fetch('http://example.org/from-worker').then(() => postMessage('reached'), () => postMessage('blocked'))";
            const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
            worker.onmessage = (event) => resolve(String(event.data));
          }),
      );
      expect([fromPage, fromWorker]).toEqual(['blocked', 'blocked']);
      expect(network.external().map((request) => request.url)).toEqual([
        'http://example.com/from-page',
        'http://example.org/from-worker',
      ]);
      expect(() => network.assertNoExternalRequests()).toThrow(/2 request\(s\) left the local server/);
    } finally {
      await planner.close();
    }
  });
});
