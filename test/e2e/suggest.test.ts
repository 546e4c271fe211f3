/**
 * The plan suggestion (方案建议) in headless Chromium: the sample plan, the panel, a run in the
 * suggestion worker (HiGHS's WebAssembly loaded from the app's own server) with its progress, the
 * result card, accepting it as a new scenario, the suggested marks on the map, in the table and in
 * the comparison, and undo. No request leaves the local server. Writes test/output/suggest-*.png.
 */

import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

describeInBrowser('the plan suggestion', () => {
  const planner = usePlanner({ viewport: { width: 1600, height: 1000 } });
  let page: Page;
  let baseScenarios: string[];

  const scenarioNames = () => page.locator('[data-testid="suggest-base"] option').allTextContents();

  /** Plot indices whose polygon carries the feature state `suggested` (of the first `count` plots). */
  const markedOnMap = (indices: number[]) =>
    page.evaluate((list) => {
      const map = window.__planner?.map;
      return list.filter(
        (id) => map?.getFeatureState({ source: 'plots', sourceLayer: 'plots', id })?.suggested === true,
      );
    }, indices);

  beforeAll(async () => {
    page = planner.page;
    await page.click('[data-testid="tab-suggest"]');
    await page.locator('[data-testid="suggest-panel"]').waitFor();
    baseScenarios = await scenarioNames();
  });

  it('shows the base scenario, the targets, the objective and the run button', async () => {
    const panel = page.locator('[data-testid="suggest-panel"]');
    expect(baseScenarios.length).toBeGreaterThan(0);
    for (const key of ['controlShare', 'renovatedMu', 'renovatedTaxPerMu', 'newAboveScaleFirms'])
      expect(await panel.locator(`[data-testid="suggest-target-${key}"]`).isChecked()).toBe(true);
    expect(await panel.locator('[data-testid="suggest-target-value-controlShare"]').inputValue()).toBe('80');
    expect(await panel.locator('[data-testid="suggest-objective-cost"]').isChecked()).toBe(true);
    await planner.screenshot('suggest-before.png');
  });

  it('runs in a worker with its progress and cancels without changing the plan', async () => {
    await page.click('[data-testid="suggest-run"]');
    const progress = page.locator('[data-testid="suggest-progress"]');
    // Cancelled as soon as it shows: on a quiet machine the sample's run can end within a second.
    await page.click('[data-testid="suggest-cancel"]');
    await page.locator('[data-testid="suggest-cancelled"]').waitFor();
    expect(await progress.count()).toBe(0);
    expect(await scenarioNames()).toEqual(baseScenarios);
  });

  it('then, without the control-share target (the sample has no receiving zone), proves its plan optimal', async () => {
    await page.locator('[data-testid="suggest-target-controlShare"]').uncheck();
    await page.click('[data-testid="suggest-run"]');
    // While it runs (if it still does), the settings cannot change.
    await page
      .locator('[data-testid="suggest-target-renovatedMu"]:disabled')
      .waitFor({ timeout: 1_000 })
      .then(
        () => planner.screenshot('suggest-during.png'),
        () => undefined,
      );
    const result = page.locator('[data-testid="suggest-result"]');
    await result.waitFor({ timeout: 120_000 });
    await planner.screenshot('suggest-after.png');
    expect(['optimal', 'feasible']).toContain(await result.getAttribute('data-status'));
    const objective = Number(
      await result.locator('[data-testid="suggest-objective-value"]').getAttribute('data-value'),
    );
    const bound = Number(await result.locator('[data-testid="suggest-bound"]').getAttribute('data-value'));
    const gap = Number(await result.locator('[data-testid="suggest-gap"]').getAttribute('data-value'));
    expect(objective).toBeGreaterThan(0);
    expect(bound).toBeLessThanOrEqual(objective);
    expect(gap).toBeLessThan(0.01);
    expect(await result.locator('[data-testid="suggest-gap"]').textContent()).toMatch(/^(< )?\d+\.\d\d %$/);
    const actions = Number(
      await result.locator('[data-testid="suggest-action-count"]').getAttribute('data-value'),
    );
    expect(actions).toBeGreaterThan(0);
    // What binds, with its price in words: "2026 年：新增规上企业目标每减少 1 家，约可节省 … 万元".
    expect(await result.locator('[data-testid="suggest-binding"] li').first().textContent()).toMatch(
      /约可节省 [\d.]+ 万元/,
    );
    // Each example explains itself: "原地改造提升 2022：开发边界内、控制线外，亩均税收 14.6 万元/亩".
    const example = await result.locator('[data-testid="suggest-examples"] li').first().textContent();
    expect(example).toMatch(/^\S+ 20\d\d：/);
    // HiGHS's WebAssembly came from the app's own server.
    const wasm = planner.network.requests.filter((request) => /\.wasm(\?|$)/.test(request.url));
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm.every((request) => request.isLocal)).toBe(true);
  });

  it('accepts the result as a new scenario, marked as suggested on the map, in the table and in the comparison', async () => {
    await page.click('[data-testid="suggest-accept"]');
    await page.locator('[data-testid="suggest-accepted"]').waitFor();
    const names = await scenarioNames();
    expect(names.length).toBe(baseScenarios.length + 1);
    expect(names.at(-1)).toMatch(/（建议）$/);
    // The legend counts the suggested plots (dashed on the map).
    expect(
      Number(await page.locator('[data-testid="legend-suggested"]').getAttribute('data-count')),
    ).toBeGreaterThan(0);
    // The table: suggested plots carry the mark, with the explanation as its title.
    await page.click('[data-testid="tab-table"]');
    const marked = page.locator('tr[data-suggested] [data-testid="suggested-mark"]');
    await marked.first().waitFor();
    expect(await marked.first().getAttribute('title')).toMatch(/20\d\d：/);
    // The map: the suggested plots' polygons carry the feature state drawn as dashes.
    const indices = await page
      .locator('tr[data-suggested]')
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-plot-index'))));
    expect(indices.length).toBeGreaterThan(0);
    expect(await markedOnMap(indices)).toEqual(indices);
    // Close to one of them, the dashes are drawn.
    await page.locator('tr[data-suggested]').first().click();
    await page.evaluate(async () => {
      const planner = window.__planner;
      planner?.map.setZoom(15);
      await planner?.whenIdle();
    });
    await page.locator('[data-testid="suggested-explanation"]').waitFor();
    await planner.screenshot('suggest-marks.png');
    // The comparison labels the suggested scenario.
    await page.click('[data-testid="tab-compare"]');
    await page.locator('th[data-suggested] [data-testid="compare-suggested"]').waitFor();
    await planner.screenshot('suggest-compare.png');
  });

  it('takes the whole acceptance back in one undo step', async () => {
    await page.click('[data-testid="tab-scenario"]');
    await page.click('[data-testid="undo"]');
    await page.click('[data-testid="tab-suggest"]');
    expect(await scenarioNames()).toEqual(baseScenarios);
    await page.click('[data-testid="tab-table"]');
    await page.locator('[data-testid="plot-table"] tr[data-plot-index]').first().waitFor();
    expect(await page.locator('tr[data-suggested]').count()).toBe(0);
    expect(await page.locator('[data-testid="legend-suggested"]').count()).toBe(0);
  });

  it('made no request outside the local server and logged no error', () => {
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});

describeInBrowser('the plan suggestion in the single-file build opened from disk', () => {
  const planner = usePlanner({
    singleFile: true,
    viewport: { width: 1600, height: 1000 },
    legendTimeoutMs: 90_000,
  });

  it('runs HiGHS from inside the file (no request at all but the file and data:/blob: URLs) and shows the result', async () => {
    const { page } = planner;
    await page.click('[data-testid="tab-suggest"]');
    await page.locator('[data-testid="suggest-target-controlShare"]').uncheck();
    await page.click('[data-testid="suggest-run"]');
    const result = page.locator('[data-testid="suggest-result"]');
    await result.waitFor({ timeout: 120_000 });
    expect(['optimal', 'feasible']).toContain(await result.getAttribute('data-status'));
    await planner.screenshot('suggest-single-file.png');
    planner.network.assertNoExternalRequests();
    const schemes = new Set(planner.network.requests.map((request) => new URL(request.url).protocol));
    expect([...schemes].every((scheme) => ['blob:', 'data:', 'file:'].includes(scheme))).toBe(true);
    expectNoPageProblems(planner.problems);
  });
});
