/**
 * Town submissions (镇街上报) in headless Chromium on the built app, with the sample plan: a town's
 * part exported from 规划 › 镇街上报 is a plan file of that town with its origin; edited as the town
 * would (one plot's action changed, one action on a plot of another town that it added to its
 * layer), it is merged back through the dialog, which shows per town what it replaces and the
 * conflict before anything changes; accepted, the merge is one undo step; saved, the plan holds the
 * town's edit. Zero requests leave the page.
 */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/core/plan/parse-plan-file.ts';
import type { PlanFile } from '../../src/core/plan/plan-file.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

describeInBrowser('town submissions', () => {
  const planner = usePlanner({ viewport: { width: 1600, height: 1000 }, waitFor: 'legend' });
  let page: Page;
  beforeAll(() => {
    page = planner.page;
  });

  const download = async (click: () => Promise<unknown>): Promise<PlanFile> => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
    const read = parsePlanFile(readFileSync(await file.path(), 'utf8'), file.suggestedFilename());
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    return read.plan;
  };

  it("exports a town's part and merges it back edited, as one undo step", async () => {
    const city = await download(() => page.click('[data-testid="plan-save"]'));
    await page.click('[data-testid="plan-menu-button"]');
    await page.click('[data-testid="plan-town-chain"]');
    const dialog = page.locator('[data-testid="chain-dialog"]');
    await dialog.waitFor();
    const town = await page.locator('[data-testid="chain-export-town"]').inputValue();
    const part = await download(() => page.click('[data-testid="chain-export"]'));
    expect(part.derivedFrom?.town).toBe(town);
    expect(part.layers.plots.features.length).toBeGreaterThan(0);
    expect(part.layers.plots.features.every((f) => f.properties?.town === town)).toBe(true);

    // The town's edits: its first plot vacated in 2026, and a plot of another town it surveyed.
    const scenario = part.scenarios.find((s) => s.id === part.activeScenarioId) ?? part.scenarios[0];
    if (!scenario) throw new Error('no scenario');
    const own = String(part.layers.plots.features[0]?.properties?.id);
    scenario.actions[own] = { action: 'vacate', year: 2026 };
    const foreign = city.layers.plots.features.find((f) => f.properties?.town !== town);
    const foreignId = String(foreign?.properties?.id);
    part.layers.plots.features.push(foreign as PlanFile['layers']['plots']['features'][number]);
    scenario.actions[foreignId] = { action: 'vacate', year: 2025 };

    await page.setInputFiles('[data-testid="chain-files"]', {
      name: `${town}.plan.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(part)),
    });
    const row = page.locator(`[data-testid="chain-town"][data-town="${town}"]`);
    await row.waitFor({ timeout: 60_000 });
    await expect.poll(() => row.locator('.chain-changes li').count()).toBeGreaterThanOrEqual(2);
    expect(
      await row
        .locator('.chain-conflicts li')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind'))),
    ).toContain('outside-town');
    expect(await row.locator('.chain-conflicts').textContent()).toContain(foreignId);
    await planner.screenshot('town-chain-merge-preview.png');

    // Conflicts keep the city's version: the plot of the other town stays as it is.
    await row.locator('[data-testid="chain-decision"]').selectOption('city');
    await page.click('[data-testid="chain-merge"]');
    await dialog.waitFor({ state: 'detached' });
    await page.click('[data-testid="tab-scenario"]');
    await expect.poll(() => page.locator('[data-testid="undo"]').textContent()).toContain('合并镇街上报');
    const merged = await download(() => page.click('[data-testid="plan-save"]'));
    const after = merged.scenarios.find((s) => s.id === scenario.id);
    expect(after?.actions[own]).toEqual({ action: 'vacate', year: 2026 });
    const before = city.scenarios.find((s) => s.id === scenario.id);
    expect(after?.actions[foreignId]).toEqual(before?.actions[foreignId]);

    await page.click('[data-testid="undo"]');
    const undone = await download(() => page.click('[data-testid="plan-save"]'));
    expect(undone.scenarios).toStrictEqual(city.scenarios);
    expect(planner.network.external()).toEqual([]);
    expectNoPageProblems(planner.problems);
  });
});
