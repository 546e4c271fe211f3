/**
 * Context layers (参考图层) and the base map (底图), in headless Chromium on the built app:
 * - roads as GeoJSON and as a Gauss-Krüger line shapefile load as two context layers, drawn under
 *   the plan at plot scale, and come back after a reload (autosave);
 * - a local PMTiles file (written by test/support/write-pmtiles.ts) draws as the base map with no
 *   request to any other origin, and comes back after a reload;
 * - without a tile service set, the page's policy refuses a request to it (nothing is contacted);
 * - with an XYZ template on a local tile server (another origin), that server is the only other
 *   origin contacted, the policy still refuses a third one, and a GCJ-02 source is marked on the map.
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTEXT_COLORS } from '../../src/map/palette.ts';
import { contextRoadsGeoJson, contextRoadsShapefileZip, ROADS_CENTRE } from '../fixtures/context-roads.ts';
import { waitForPlanner } from '../support/planner-harness.ts';
import { cixiTestBaseMap, writePng } from '../support/write-pmtiles.ts';
import { countColor, decodePng, type Pixels } from './helpers/png.ts';
import { describeInBrowser, usePlanner } from './helpers/use-planner.ts';

interface TileServer {
  origin: string;
  paths: string[];
  close: () => Promise<void>;
}

/** A tile service on another origin (as an intranet one would be): one orange PNG for every tile. */
async function startTileServer(): Promise<TileServer> {
  const png = writePng(256, 256, () => [250, 200, 120, 255]);
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' });
    response.end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    paths,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Pixels of the test base map's pale green (test/support/write-pmtiles.ts), veiled or not: light,
 * green above red and blue. The bundled land (#ebe8e1, #fbf9f3) and the status colours are not.
 */
function paleGreenPixels({ data }: Pixels): number {
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
    if (r > 180 && g >= r + 8 && g >= b + 15) count++;
  }
  return count;
}

/** Fetches `url` from the page: 'blocked-by-csp' when the page's policy refused it (no request made). */
function fetchFromPage(page: Page, url: string): Promise<string> {
  return page.evaluate(async (target) => {
    const refused = new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        if (event.blockedURI.startsWith(new URL(target).origin)) resolve('blocked-by-csp');
      });
    });
    const fetched = fetch(target).then(
      () => 'fetched',
      () => 'failed',
    );
    return Promise.race([
      refused,
      fetched.then((result) => new Promise<string>((r) => setTimeout(() => r(result), 500))),
    ]);
  }, url);
}

describeInBrowser('context layers and the base map', () => {
  let tiles: TileServer;
  let other: TileServer;
  beforeAll(async () => {
    tiles = await startTileServer();
    other = await startTileServer();
  });
  afterAll(async () => {
    await tiles?.close();
    await other?.close();
  });
  const planner = usePlanner(() => ({
    viewport: { width: 1440, height: 900 },
    waitFor: 'legend',
    allowOrigins: [tiles.origin],
  }));
  let page: Page;
  beforeAll(() => {
    page = planner.page;
  });

  const idle = () => page.evaluate(() => window.__planner?.whenIdle());
  const jumpTo = async (center: readonly [number, number], zoom: number) => {
    await page.evaluate(([lng, lat, z]) => window.__planner?.map.jumpTo({ center: [lng, lat], zoom: z }), [
      center[0],
      center[1],
      zoom,
    ] as const);
    await idle();
  };
  /** Drawn features of the context layers' line layers in the viewport. */
  const drawnContextLines = () =>
    page.evaluate(() => {
      const hook = window.__planner;
      const ids = hook?.map.getStyle().layers.filter((layer) => /^ctx-.*-line$/.test(layer.id)) ?? [];
      return ids.map((layer) => hook?.renderedFeatureCount(layer.id) ?? 0);
    });
  const closeNotice = async () => {
    const notice = page.locator('[data-testid="notice"]');
    if (await notice.isVisible()) await notice.locator('button').click();
  };

  it('requests nothing from a tile service that is not set: the page policy refuses it', async () => {
    expect(await fetchFromPage(page, `${tiles.origin}/probe.png`)).toBe('blocked-by-csp');
    expect(tiles.paths).toEqual([]);
  });

  it('loads roads from GeoJSON and from a Gauss-Krüger line shapefile as two context layers, drawn at plot scale', async () => {
    await page.setInputFiles('[data-testid="context-file"]', [
      {
        name: 'roads.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(contextRoadsGeoJson())),
      },
      { name: 'roads-gk.zip', mimeType: 'application/zip', buffer: Buffer.from(contextRoadsShapefileZip()) },
    ]);
    const rows = page.locator('[data-context-layer]');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(2);
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-count')))).toEqual([
      '13',
      '10',
    ]);
    const notice = (await page.locator('[data-testid="notice"]').textContent()) ?? '';
    expect(notice).toContain('不参与任何计算');
    expect(notice).toContain('1 个没有可绘制的点、线或面');
    await closeNotice();
    await jumpTo(ROADS_CENTRE, 15.5);
    const drawn = await drawnContextLines();
    expect(drawn).toHaveLength(2);
    for (const count of drawn) expect(count).toBeGreaterThanOrEqual(10);
    // The plan is untouched: still the sample's 3,000 plots.
    expect(await page.evaluate(() => window.__planner?.layerCounts()?.plots)).toBe(3000);
  });

  it('hides a context layer with its switch', async () => {
    await page.locator('[data-context-layer] input[type="checkbox"]').nth(1).uncheck();
    await idle();
    expect(await drawnContextLines()).toEqual([expect.any(Number), 0]);
    await page.locator('[data-context-layer] input[type="checkbox"]').nth(1).check();
    await idle();
  });

  it('draws a local PMTiles file as the base map, with no request to any other origin', async () => {
    await page.locator('[data-testid="basemap-open"]').click();
    const dialog = page.locator('[data-testid="basemap-dialog"]');
    await dialog.locator('input[value="pmtiles"]').check();
    await dialog.locator('[data-testid="basemap-file"]').setInputFiles({
      name: 'cixi-test.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(cixiTestBaseMap()),
    });
    await dialog.locator('[data-testid="basemap-save"]').click();
    await expect
      .poll(() => page.locator('[data-testid="basemap-current"]').textContent())
      .toContain('cixi-test.pmtiles');
    await jumpTo(ROADS_CENTRE, 15.5);
    const png = await planner.screenshot('reference-layers-plot-scale.png');
    const pixels = decodePng(png);
    // The base map fills the map where no plot is (under the boundary's white veil: paler, still
    // green, which neither the bundled land nor any plot colour is); the roads are drawn over it.
    expect(paleGreenPixels(pixels)).toBeGreaterThan(pixels.width * pixels.height * 0.2);
    expect(countColor(pixels, CONTEXT_COLORS[0] as string, 20)).toBeGreaterThan(500);
    planner.network.assertNoExternalRequests();
    expect(tiles.paths).toEqual([]);
  });

  it('keeps the context layers and the local base map after a reload', async () => {
    await page.reload();
    await waitForPlanner(page, 'legend');
    await expect.poll(() => page.locator('[data-context-layer]').count(), { timeout: 30_000 }).toBe(2);
    await expect
      .poll(() => page.locator('[data-testid="basemap-current"]').textContent())
      .toContain('cixi-test.pmtiles');
    await jumpTo(ROADS_CENTRE, 15.5);
    expect(await page.evaluate(() => Boolean(window.__planner?.map.getSource('base-map')))).toBe(true);
    planner.network.assertNoExternalRequests();
  });

  it('contacts only the tile service named, shown before saving, and marks a GCJ-02 source on the map', async () => {
    await page.locator('[data-testid="basemap-open"]').click();
    const dialog = page.locator('[data-testid="basemap-dialog"]');
    await dialog.locator('input[value="tiles"]').check();
    await dialog.locator('[data-testid="basemap-template"]').fill(`${tiles.origin}/tiles/{z}/{x}/{y}.png`);
    expect(await dialog.locator('[data-testid="basemap-origin"]').textContent()).toContain(tiles.origin);
    await dialog.locator('[data-testid="basemap-gcj02"]').check();
    expect(await dialog.locator('[data-testid="basemap-gcj02-note"]').textContent()).toContain('数百米');
    await Promise.all([page.waitForEvent('load'), dialog.locator('[data-testid="basemap-save"]').click()]);
    await waitForPlanner(page, 'legend');
    await jumpTo(ROADS_CENTRE, 14);
    await expect.poll(() => tiles.paths.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(tiles.paths.every((path) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(path))).toBe(true);
    const origins = new Set(planner.network.external().map((request) => new URL(request.url).origin));
    expect([...origins]).toEqual([tiles.origin]);
    expect(await fetchFromPage(page, `${other.origin}/probe.png`)).toBe('blocked-by-csp');
    expect(other.paths).toEqual([]);
    await expect.poll(() => page.locator('[data-testid="basemap-gcj02-map-note"]').isVisible()).toBe(true);
    await planner.screenshot('reference-layers-xyz-gcj02.png');
  });
});
