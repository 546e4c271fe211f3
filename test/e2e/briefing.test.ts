/**
 * Briefing mode in headless Chromium: three slides recorded from different views (the whole city;
 * a town with a selected plot and the control lines hidden; a second scenario without the
 * boundary), renamed and reordered, saved in the plan file and opened again; then briefing mode
 * steps through them with the keys of a presentation clicker, each slide putting back its camera,
 * caption, layers and scenario, its recorded extent fitted between briefing's panels; the before/after swipe; Esc leaves. No request leaves the local
 * server. Writes test/output/briefing-1920.png, briefing-1024.png and briefing-swipe.png.
 */

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { Slide } from '../../src/core/plan/slides.ts';
import { decodePng } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const TOWN = '观海卫镇';

/** What the page shows of the map and the briefing now. */
interface Shown {
  center: [number, number];
  zoom: number;
  layers: { boundary: boolean; control: boolean; plots: boolean };
  scenarioId: string;
  caption: string;
  position: string;
}

describeInBrowser('briefing mode: slides recorded, saved, reopened and presented', () => {
  const planner = usePlanner();
  let page: Page;
  /** The slides as written in the saved plan file. */
  let saved: Slide[] = [];
  let planPath = '';

  async function idle(): Promise<void> {
    await page.evaluate(async () => {
      await Promise.all([
        window.__planner?.whenIdle(),
        window.__compare?.left.whenIdle(),
        window.__compare?.right.whenIdle(),
      ]);
    });
  }

  async function jumpTo(center: [number, number], zoom: number): Promise<void> {
    await page.evaluate(([lng, lat, z]) => window.__planner?.map.jumpTo({ center: [lng, lat], zoom: z }), [
      center[0],
      center[1],
      zoom,
    ] as const);
    await idle();
  }

  async function shown(): Promise<Shown> {
    return page.evaluate(() => {
      const map = window.__planner?.map;
      if (!map) throw new Error('no map');
      const c = map.getCenter();
      const visible = (id: string) => map.getLayoutProperty(id, 'visibility') !== 'none';
      const briefing = document.querySelector('[data-testid="briefing"]');
      return {
        center: [c.lng, c.lat] as [number, number],
        zoom: map.getZoom(),
        layers: {
          boundary: visible('boundary-line'),
          control: visible('control-line'),
          plots: visible('plots-raster') && visible('plots-fill'),
        },
        scenarioId: briefing?.getAttribute('data-scenario-id') ?? '',
        caption: document.querySelector('[data-testid="briefing-caption"]')?.textContent ?? '',
        position: document.querySelector('[data-testid="briefing-position"]')?.textContent ?? '',
      };
    });
  }

  /** Waits for slide `index` (0-based) and checks that the map and the title show it. */
  async function expectSlide(index: number): Promise<void> {
    const slide = saved[index];
    if (!slide) throw new Error(`no slide ${index}`);
    await expect
      .poll(() => page.locator('[data-testid="briefing"]').getAttribute('data-slide-index'))
      .toBe(String(index));
    await idle();
    const now = await shown();
    expect(now.position).toBe(`${index + 1} / ${saved.length}`);
    expect(now.caption).toBe(slide.caption);
    expect(now.scenarioId).toBe(slide.scenarioId);
    expect(now.layers).toEqual(slide.layers);
    // The extent recorded is fitted whole into the map between briefing's panels.
    const bounds = slide.camera.bounds;
    if (!bounds) throw new Error(`slide ${index} has no recorded extent`);
    const fit = await page.evaluate((b) => {
      const map = window.__planner?.map;
      if (!map) throw new Error('no map');
      const box = map.getContainer().getBoundingClientRect();
      const corners = [
        [b[0], b[1]],
        [b[2], b[3]],
      ].map((corner) => map.project(corner as [number, number]));
      const drawn = {
        left: box.left + Math.min(...corners.map((p) => p.x)),
        right: box.left + Math.max(...corners.map((p) => p.x)),
        top: box.top + Math.min(...corners.map((p) => p.y)),
        bottom: box.top + Math.max(...corners.map((p) => p.y)),
      };
      const covers = ['.briefing-top', '.briefing-legend', '.briefing-targets', '.briefing-nav'].map(
        (selector) => {
          const r = document.querySelector(selector)?.getBoundingClientRect();
          return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
        },
      );
      return { drawn, map: { left: box.left, right: box.right, top: box.top, bottom: box.bottom }, covers };
    }, bounds);
    expect(fit.drawn.left).toBeGreaterThanOrEqual(fit.map.left - 0.5);
    expect(fit.drawn.right).toBeLessThanOrEqual(fit.map.right + 0.5);
    expect(fit.drawn.top).toBeGreaterThanOrEqual(fit.map.top - 0.5);
    expect(fit.drawn.bottom).toBeLessThanOrEqual(fit.map.bottom + 0.5);
    for (const cover of fit.covers) {
      if (!cover) throw new Error('a briefing panel is missing');
      const apart =
        fit.drawn.right <= cover.left + 0.5 ||
        cover.right <= fit.drawn.left + 0.5 ||
        fit.drawn.bottom <= cover.top + 0.5 ||
        cover.bottom <= fit.drawn.top + 0.5;
      expect(apart).toBe(true);
    }
    // And fitted, not just somewhere inside: it fills the room on one axis at least.
    const used = Math.max(
      (fit.drawn.right - fit.drawn.left) / (fit.map.right - fit.map.left),
      (fit.drawn.bottom - fit.drawn.top) / (fit.map.bottom - fit.map.top),
    );
    expect(used).toBeGreaterThan(0.4);
    expect(now.zoom).toBeGreaterThan(0);
  }

  async function slideCount(): Promise<number> {
    return Number(await page.locator('[data-testid="slide-list"]').getAttribute('data-count'));
  }

  beforeAll(() => {
    page = planner.page;
  });

  it('records three slides from different views', async () => {
    await page.click('[data-testid="tab-slides"]');
    expect(await slideCount()).toBe(0);

    // 1: the whole city, every layer.
    await jumpTo([121.3, 30.2], 10.2);
    await page.click('[data-testid="slide-record"]');
    await expect.poll(slideCount).toBe(1);

    // 2: a town with one plot selected, closer, the control lines hidden.
    await page.click('[data-testid="tab-dashboard"]');
    await page.locator('.dash-town-select').selectOption(`town:${TOWN}`);
    await page.click('[data-testid="tab-table"]');
    await page.locator('[data-testid="plot-table"] tr[data-plot-index]').first().click();
    await idle();
    const plotCenter = await page.evaluate(() => {
      const c = window.__planner?.map.getCenter();
      return [c?.lng ?? 0, c?.lat ?? 0] as [number, number];
    });
    await jumpTo(plotCenter, 15.5);
    await page.locator('.layer-list [data-layer="control"] input').uncheck();
    await page.click('[data-testid="tab-slides"]');
    await page.click('[data-testid="slide-record"]');
    await expect.poll(slideCount).toBe(2);

    // 3: a copy of the scenario, the whole city again, the boundary hidden.
    await page.click('[data-testid="tab-scenario"]');
    await page.click('[data-testid="scenario-duplicate"]');
    await page.click('[data-testid="tab-dashboard"]');
    await page.locator('.dash-town-select').selectOption('city');
    await page.locator('.layer-list [data-layer="control"] input').check();
    await page.locator('.layer-list [data-layer="boundary"] input').uncheck();
    await idle();
    await jumpTo([121.36, 30.17], 12.4);
    await page.click('[data-testid="tab-slides"]');
    await page.click('[data-testid="slide-record"]');
    await expect.poll(slideCount).toBe(3);

    const summaries = await page.locator('[data-testid="slide-item"] .slide-summary').allTextContents();
    expect(summaries[0]).toContain('全市');
    expect(summaries[1]).toContain(TOWN);
    expect(summaries[1]).toContain('1 个重点地块');
    expect(summaries[2]).toMatch(/（副本）/);
    expect(summaries[2]).not.toContain('边界');
  });

  it('renames and reorders slides, each a named step of the undo history', async () => {
    const captions = page.locator('[data-testid="slide-caption"]');
    await captions.nth(2).fill('方案副本：全市');
    await captions.nth(2).press('Enter');
    await expect.poll(() => captions.nth(2).inputValue()).toBe('方案副本：全市');
    expect(await page.locator('[data-testid="slide-undo"]').textContent()).toBe(
      '撤销：重命名汇报页为“方案副本：全市”',
    );

    const order = () =>
      page
        .locator('[data-testid="slide-item"]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-slide-id') ?? ''));
    const before = await order();
    await page.locator('[data-testid="slide-item"]').nth(2).locator('[data-testid="slide-up"]').click();
    expect(await order()).toEqual([before[0], before[2], before[1]]);
    // Undo puts it back; so does moving it down again.
    await page.click('[data-testid="slide-undo"]');
    expect(await order()).toEqual(before);
    await page.locator('[data-testid="slide-item"]').nth(0).locator('[data-testid="slide-down"]').click();
    expect(await order()).toEqual([before[1], before[0], before[2]]);
    await page.locator('[data-testid="slide-item"]').nth(1).locator('[data-testid="slide-up"]').click();
    expect(await order()).toEqual(before);
    expect(await captions.nth(2).inputValue()).toBe('方案副本：全市');
  });

  it('saves the slides in the plan file', async () => {
    const download = page.waitForEvent('download');
    await page.click('[data-testid="plan-save"]');
    const file = await download;
    planPath = join(mkdtempSync(join(tmpdir(), 'briefing-e2e-')), file.suggestedFilename());
    await file.saveAs(planPath);
    const plan = JSON.parse(readFileSync(planPath, 'utf8')) as {
      slides: Slide[];
      scenarios: { id: string; name: string }[];
    };
    saved = plan.slides;
    expect(saved.map((slide) => slide.caption)).toEqual([
      expect.stringContaining('全市'),
      expect.stringContaining(TOWN),
      '方案副本：全市',
    ]);
    expect(saved[0]?.layers).toEqual({ boundary: true, control: true, plots: true });
    expect(saved[1]?.layers).toEqual({ boundary: true, control: false, plots: true });
    expect(saved[2]?.layers).toEqual({ boundary: false, control: true, plots: true });
    expect(saved[1]?.town).toBe(TOWN);
    expect(saved[1]?.plotIds).toHaveLength(1);
    expect(saved[0]?.town).toBeUndefined();
    expect(saved[1]?.camera.zoom).toBeCloseTo(15.5, 6);
    // Each with the extent the planner saw, west < east and south < north.
    for (const slide of saved) {
      const [west = 0, south = 0, east = 0, north = 0] = slide.camera.bounds ?? [];
      expect(west).toBeLessThan(east);
      expect(south).toBeLessThan(north);
      expect(slide.camera.center[0]).toBeGreaterThan(west);
      expect(slide.camera.center[0]).toBeLessThan(east);
    }
    // Two scenarios: the first two slides show the original, the third the copy.
    expect(saved[0]?.scenarioId).toBe(saved[1]?.scenarioId);
    expect(saved[2]?.scenarioId).not.toBe(saved[0]?.scenarioId);
    expect(plan.scenarios.find((s) => s.id === saved[2]?.scenarioId)?.name).toMatch(/（副本）$/);
  });

  it('gets the slides back when the saved plan file is opened', async () => {
    // Delete them all first, so that only the file can bring them back.
    for (let i = 0; i < 3; i++) await page.locator('[data-testid="slide-delete"]').first().click();
    expect(await slideCount()).toBe(0);
    await page.setInputFiles('[data-testid="plan-input"]', [planPath]);
    await expect.poll(slideCount, { timeout: 60_000 }).toBe(3);
    await page.waitForFunction(() => !document.querySelector('[data-testid="job-bar"]'), null, {
      timeout: 60_000,
    });
    expect(
      await page
        .locator('[data-testid="slide-caption"]')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toEqual(saved.map((slide) => slide.caption));
    await idle();
  });

  it('enters briefing mode on the first slide with nothing but the map, the title, legend and targets', async () => {
    await page.click('[data-testid="briefing-enter"]');
    await page.locator('[data-testid="briefing"]').waitFor();
    expect(await page.locator('.app-header').count()).toBe(0);
    expect(await page.locator('.side-panel').count()).toBe(0);
    expect(await page.locator('.legend').count()).toBe(0);
    await expectSlide(0);
    const targets = page.locator('[data-testid="briefing-targets"] .briefing-target');
    expect(await targets.evaluateAll((items) => items.map((item) => item.getAttribute('data-key')))).toEqual([
      'controlShare',
      'renovatedMu',
      'renovatedTaxPerMu',
      'newAboveScaleFirms',
    ]);
    const goals = await page.locator('.briefing-target-goal').allTextContents();
    expect(goals).toEqual(['目标 80.0%', '目标 10,000 亩', '目标 15.0 万元/亩', '目标 200 家']);
    // The legend's colours are the working map's.
    const swatch = await page
      .locator('[data-testid="briefing-legend"] [data-status="outside"] .briefing-swatch')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(swatch).toBe('rgb(227, 0, 27)');
  });

  it('steps through the slides with ArrowRight, PageDown, ArrowLeft and PageUp', async () => {
    await page.keyboard.press('ArrowRight');
    await expectSlide(1);
    // The town and the selected plot are highlighted.
    const highlighted = await page.evaluate(() => ({
      town: window.__planner?.map.getFilter('briefing-town'),
      plots: window.__planner?.renderedFeatureCount('briefing-plots') ?? 0,
    }));
    expect(highlighted.town).toEqual(['==', ['get', 'town'], TOWN]);
    expect(highlighted.plots).toBeGreaterThan(0);
    await page.locator('[data-testid="briefing-legend-highlight"]').waitFor();
    await planner.screenshot('briefing-1920.png');

    await page.keyboard.press('PageDown');
    await expectSlide(2);
    expect(await page.evaluate(() => window.__planner?.map.getFilter('briefing-town'))).toEqual([
      '==',
      ['get', 'index'],
      -1,
    ]);
    // At the end: another step stays on the last slide.
    await page.keyboard.press('ArrowRight');
    await expectSlide(2);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(1);
    await page.keyboard.press('PageUp');
    await expectSlide(0);
    // And by mouse.
    await page.click('[data-testid="briefing-next"]');
    await expectSlide(1);
  });

  it('fits 1024×768: every panel inside the screen, none over another', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => page.evaluate(() => window.__planner?.map.getCanvas().clientWidth)).toBe(1024);
    await idle();
    const boxes = await page.evaluate(() => {
      const box = (selector: string) => {
        const r = document.querySelector(selector)?.getBoundingClientRect();
        return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
      };
      const caption = document.querySelector('[data-testid="briefing-caption"]') as HTMLElement | null;
      return {
        top: box('.briefing-top'),
        legend: box('.briefing-legend'),
        targets: box('.briefing-targets'),
        nav: box('.briefing-nav'),
        tools: box('.briefing-tools'),
        targetsOverflow: (() => {
          const el = document.querySelector('.briefing-targets') as HTMLElement | null;
          return el ? el.scrollHeight - el.clientHeight : -1;
        })(),
        captionFontPx: caption ? Number.parseFloat(getComputedStyle(caption).fontSize) : 0,
      };
    });
    for (const name of ['top', 'legend', 'targets', 'nav', 'tools'] as const) {
      const b = boxes[name];
      expect(b, name).not.toBeNull();
      expect(b?.left ?? -1, name).toBeGreaterThanOrEqual(0);
      expect(b?.right ?? 9999, name).toBeLessThanOrEqual(1024);
      expect(b?.bottom ?? 9999, name).toBeLessThanOrEqual(768);
    }
    expect(boxes.targetsOverflow).toBeLessThanOrEqual(0);
    expect(boxes.legend?.right ?? 9999).toBeLessThan(boxes.targets?.left ?? 0);
    expect(boxes.targets?.bottom ?? 9999).toBeLessThan(boxes.nav?.top ?? 0);
    expect(boxes.captionFontPx).toBeGreaterThanOrEqual(24);
    await planner.screenshot('briefing-1024.png');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => page.evaluate(() => window.__planner?.map.getCanvas().clientWidth)).toBe(1920);
  });

  it('swipes between the baseline and the slide’s scenario, which follows the slides', async () => {
    await page.click('[data-testid="briefing-swipe"]');
    await page.locator('[data-testid="swipe-right-map"] canvas.maplibregl-canvas').waitFor();
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
    expect(await page.evaluate(() => window.__compare?.left.scenarioId())).toBe('');
    expect(await page.evaluate(() => window.__compare?.right.scenarioId())).toBe(saved[1]?.scenarioId);
    expect(await page.locator('[data-testid="swipe-label-left"]').textContent()).toBe('现状（基线）');
    const png = await planner.screenshot('briefing-swipe.png');
    // Not a blank map: the screenshot has many colours.
    const pixels = decodePng(png);
    const colours = new Set<number>();
    for (let i = 0; i < pixels.data.length; i += 4 * 97) {
      colours.add(
        ((pixels.data[i] ?? 0) << 16) | ((pixels.data[i + 1] ?? 0) << 8) | (pixels.data[i + 2] ?? 0),
      );
    }
    expect(colours.size).toBeGreaterThan(50);
    // The highlight shows on the swipe's maps too.
    await expect
      .poll(
        async () => {
          await idle();
          return page.evaluate(() => window.__compare?.right.renderedFeatureCount('briefing-plots') ?? 0);
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBeGreaterThan(0);

    await page.keyboard.press('PageDown');
    await expectSlide(2);
    await expect
      .poll(() => page.evaluate(() => window.__compare?.right.scenarioId()))
      .toBe(saved[2]?.scenarioId);
    // The swipe's maps follow the main map to the slide's extent.
    const camera = await page.evaluate(() => window.__compare?.right.camera());
    const main = await shown();
    expect(Math.abs((camera?.center[0] ?? 0) - main.center[0])).toBeLessThan(1e-6);
    expect(Math.abs((camera?.zoom ?? 0) - main.zoom)).toBeLessThan(1e-6);
  });

  it('leaves with Esc: the working view is back, full screen is over', async () => {
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="briefing"]').waitFor({ state: 'detached' });
    await page.locator('.app-header').waitFor();
    expect(await page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    expect(await page.evaluate(() => window.__compare === undefined)).toBe(true);
    expect(await page.locator('.app .maplibregl-map').count()).toBe(1);
    expect(await page.evaluate(() => window.__planner?.map.getFilter('briefing-town'))).toEqual([
      '==',
      ['get', 'index'],
      -1,
    ]);
  });

  it('makes no request that leaves the local server and logs no error', () => {
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
