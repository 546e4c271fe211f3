/**
 * 逐年推演 in headless Chromium: the plots outside the development boundary are vacated in 2024; the
 * year control over the map plays the horizon, and at 2022 those plots are drawn as kept, from 2024
 * on as vacated (faded), while the scenario panel's figures follow the year. Writes
 * test/output/playback-2022.png, -2024.png and -2026.png.
 */

import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { saveOutput } from '../support/planner-harness.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

describeInBrowser('逐年推演: the years played back on the map', () => {
  const planner = usePlanner();
  let page: Page;
  let vacatedIndex = -1;

  beforeAll(() => {
    page = planner.page;
  });

  /** The action drawn on a plot's polygon (feature state), '' for none. */
  const drawnAction = (index: number) =>
    page.evaluate(
      (id) =>
        String(
          window.__planner?.map.getFeatureState({ source: 'plots', sourceLayer: 'plots', id })?.action ?? '',
        ),
      index,
    );

  async function showYear(year: number): Promise<void> {
    await page.click(`[data-testid="year-player"] .year-player-year[data-year="${year}"]`);
    await page.locator(`[data-testid="year-player"][data-year="${year}"]`).waitFor();
    await page.evaluate(() => window.__planner?.whenIdle());
  }

  it('vacates the plots outside the boundary in 2024', async () => {
    await page.click('[data-testid="tab-table"]');
    const table = page.locator('[data-testid="plot-table"]');
    await table.locator('.table-check', { hasText: '开发边界外' }).locator('input').check();
    await page.click('[data-testid="tab-scenario"]');
    const bar = page.locator('[data-testid="action-bar"]');
    await bar.locator('input[name="scn-action-source"][value="filter"]').check();
    await bar.locator('[data-testid="action-select"]').selectOption('vacate');
    await bar.locator('[data-testid="year-select"]').selectOption('2024');
    await bar.locator('[data-testid="apply-action"]').click();
    await bar.locator('[data-testid="action-done"]').waitFor();
    const row = await page.evaluate(() => {
      const plot = window.__planner?.plotRows().find((r) => r.status === 'outside' && r.box);
      return plot ? { index: plot.index, box: plot.box as number[] } : null;
    });
    if (!row) throw new Error('the sample has plots outside the boundary');
    vacatedIndex = row.index;
    // Close enough to draw plot polygons, whose feature state carries the action.
    await page.evaluate(
      (box) =>
        window.__planner?.map.jumpTo({ center: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2], zoom: 12.5 }),
      row.box as [number, number, number, number],
    );
    await page.evaluate(() => window.__planner?.whenIdle());
    expect(await drawnAction(vacatedIndex)).toBe('vacate');
  });

  it('plays the horizon from its first year and pauses', async () => {
    await page.click('[data-testid="year-player-start"]');
    const player = page.locator('[data-testid="year-player"]');
    // From 2022 on (a slow machine may already show the next year), a year every 1.6 s.
    expect(Number(await player.getAttribute('data-year'))).toBeGreaterThanOrEqual(2022);
    expect(await player.getAttribute('data-playing')).toBe('true');
    await page.locator('[data-testid="year-player"][data-year="2024"]').waitFor({ timeout: 20_000 });
    await page.click('[data-testid="year-player-play"]');
    expect(await player.getAttribute('data-playing')).toBe('false');
  });

  it('draws a plot vacated in 2024 as kept before 2024 and vacated from then on, the figures following', async () => {
    for (const [year, action] of [
      [2022, ''],
      [2024, 'vacate'],
      [2026, 'vacate'],
    ] as const) {
      await showYear(year);
      expect(await drawnAction(vacatedIndex), String(year)).toBe(action);
      expect(
        await page.locator('[data-testid="indicator-year"] [aria-pressed="true"]').getAttribute('data-year'),
        String(year),
      ).toBe(String(year));
      saveOutput(`playback-${year}.png`, await page.screenshot({ type: 'png' }));
    }
  });

  it('records a year in a slide, and briefing shows the slide at that year', async () => {
    await showYear(2024);
    await page.click('[data-testid="tab-slides"]');
    await page.click('[data-testid="slide-record"]');
    const item = page.locator('[data-testid="slide-item"]').last();
    await expect.poll(() => item.textContent()).toContain('截至 2024 年底');
    expect(await page.evaluate(() => window.__plannerInternals?.store.getState().slides.at(-1)?.year)).toBe(
      2024,
    );
    // Back to the whole plan, then the slide brings its year back, in briefing too.
    await page.click('[data-testid="year-player-close"]');
    await page.locator('[data-testid="year-player-start"]').waitFor();
    await page.click('[data-testid="briefing-enter"]');
    await page.locator('[data-testid="briefing"]').waitFor();
    await page.locator('[data-testid="year-player"][data-year="2024"]').waitFor();
    await page.evaluate(() => window.__planner?.whenIdle());
    saveOutput('playback-briefing-2024.png', await page.screenshot({ type: 'png' }));
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="briefing"]').waitFor({ state: 'detached' });
  });

  it('shows the whole plan again when the playback ends, with no request out', async () => {
    await showYear(2022);
    await page.click('[data-testid="year-player-close"]');
    await page.locator('[data-testid="year-player-start"]').waitFor();
    await page.evaluate(() => window.__planner?.whenIdle());
    expect(await drawnAction(vacatedIndex)).toBe('vacate');
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
