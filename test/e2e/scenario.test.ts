/**
 * Scenarios in headless Chromium: actions set on plots picked by a box and by the table's filter,
 * a receiving zone drawn on the map, the indicators equal to what the command-line tool computes
 * for the saved plan file, undo and redo, a reload that restores everything, a broken plan file
 * that changes nothing, and a two-scenario comparison. No request leaves the local server. Writes
 * screenshots to test/output/.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../support/build-app.ts';
import { waitForPlanner } from '../support/planner-harness.ts';
import { countColor, decodePng } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const FIELDS = ['controlShare', 'renovatedMu', 'renovatedTaxPerMu', 'newAboveScaleFirms'] as const;

describeInBrowser('scenarios', () => {
  const planner = usePlanner();
  let page: Page;

  /** The overall indicators as the scenario panel shows them (raw numbers). */
  async function shownIndicators(): Promise<Record<string, number>> {
    const panel = page.locator('[data-testid="scenario-indicators"]').first();
    const values: Record<string, number> = {};
    for (const field of [...FIELDS, 'ledgerBalance', 'violations']) {
      values[field] = Number(
        await panel.locator(`[data-field="${field}"]`).first().getAttribute('data-value'),
      );
    }
    return values;
  }

  async function jumpTo(center: [number, number], zoom: number): Promise<void> {
    await page.evaluate(
      async ([x, y, z]) => {
        const planner = window.__planner;
        planner?.map.jumpTo({ center: [x ?? 0, y ?? 0], zoom: z ?? 10 });
        await planner?.whenIdle();
      },
      [...center, zoom],
    );
  }

  async function canvasBox() {
    const box = await page.locator('.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    return box;
  }

  beforeAll(async () => {
    page = planner.page;
    await page.click('[data-testid="tab-scenario"]');
    await page.locator('[data-testid="scenario-panel"]').waitFor();
  });

  it('sets an action on plots picked with a box on the map', async () => {
    await jumpTo([121.4, 30.17], 13);
    await page.click('[data-testid="box-select"]');
    const box = await canvasBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx - 250, cy - 180);
    await page.mouse.down();
    await page.mouse.move(cx, cy, { steps: 5 });
    await page.mouse.move(cx + 250, cy + 180, { steps: 5 });
    await page.mouse.up();
    await page.click('[data-testid="box-select"]');
    const bar = page.locator('[data-testid="action-bar"]');
    await bar.locator('input[name="scn-action-source"][value="picked"]').check();
    await bar.locator('[data-testid="action-select"]').selectOption('vacate');
    await bar.locator('[data-testid="year-select"]').selectOption('2024');
    await bar.locator('[data-testid="apply-action"]').click();
    await bar.locator('[data-testid="action-done"]').waitFor();
    const vacated = Number(
      await page.locator('[data-testid="action-legend"] [data-action="vacate"]').getAttribute('data-count'),
    );
    expect(vacated).toBeGreaterThan(0);
    expect((await shownIndicators()).renovatedMu).toBeGreaterThan(0);
  });

  it('sets an action on the plots of the table filter', async () => {
    await page.click('[data-testid="tab-table"]');
    const table = page.locator('[data-testid="plot-table"]');
    await table.locator('.table-check', { hasText: '开发边界外' }).locator('input').check();
    const shown = Number(await table.locator('[data-testid="plot-table-count"]').getAttribute('data-shown'));
    expect(shown).toBeGreaterThan(0);
    await page.click('[data-testid="tab-scenario"]');
    const bar = page.locator('[data-testid="action-bar"]');
    await bar.locator('input[name="scn-action-source"][value="filter"]').check();
    await bar.locator('[data-testid="action-select"]').selectOption('upgrade');
    await bar.locator('[data-testid="year-select"]').selectOption('2025');
    await bar.locator('[data-testid="apply-action"]').click();
    await bar.locator('[data-testid="action-done"]').waitFor();
    const upgraded = Number(
      await page.locator('[data-testid="action-legend"] [data-action="upgrade"]').getAttribute('data-count'),
    );
    // Some outside plots may have been vacated by the box already: they are now upgraded instead.
    expect(upgraded).toBe(shown);
  });

  it('rings the dots of plots with an action at county scale, in the action colour', async () => {
    await jumpTo([121.3, 30.15], 9.6);
    const legend = async (action: string) =>
      Number(
        await page
          .locator(`[data-testid="action-legend"] [data-action="${action}"]`)
          .getAttribute('data-count'),
      );
    // The raster tiles are painted with the actions: read the canvas around each plot's dot.
    const rows = await page.evaluate(() => window.__planner?.plotRows() ?? []);
    const outside = rows.filter((row) => row.status === 'outside').map((row) => row.index);
    const control = rows.filter((row) => row.status === 'control').map((row) => row.index);
    const around = (indices: number[]) =>
      page.evaluate((list) => window.__planner?.plotDotColours(list, 4) ?? {}, indices);
    // The upgrade colour (palette.ts ACTION_COLORS.upgrade; no status uses it), blurred a little by
    // the raster's scaling.
    const ringed = (colours: Record<number, string[]>) =>
      Object.values(colours).filter((list) => list.some((colour) => isNear(colour, '#00b3b3', 40))).length;
    const upgraded = await around(outside);
    // Every outside plot was upgraded, and every one of them lies in this view.
    expect(outside.length).toBe(await legend('upgrade'));
    expect(Object.keys(upgraded)).toHaveLength(outside.length);
    expect(ringed(upgraded)).toBeGreaterThanOrEqual(0.9 * outside.length);
    // Plots in the control zones were not upgraded: (almost) none is ringed so, only where an
    // upgraded neighbour's ring reaches.
    const kept = await around(control);
    expect(Object.keys(kept).length).toBeGreaterThan(100);
    expect(ringed(kept)).toBeLessThan(0.1 * Object.keys(kept).length);
    const png = await planner.screenshot('scenario-county-actions.png');
    expect(countColor(decodePng(png), '#00b3b3', 20)).toBeGreaterThan(50);
  });

  it('draws a receiving zone on the map and measures it', async () => {
    await jumpTo([121.42, 30.2], 14);
    await page.click('[data-testid="draw-zone"]');
    await page.locator('[data-testid="map"][data-drawing="ready"]').waitFor({ timeout: 15_000 });
    const box = await canvasBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const corners = [
      [cx - 120, cy - 90],
      [cx + 120, cy - 90],
      [cx + 120, cy + 90],
      [cx - 120, cy + 90],
    ] as const;
    for (const [x, y] of corners) {
      await page.mouse.click(x, y);
      await page.waitForTimeout(150);
    }
    // Closing the ring: a click on its first vertex.
    await page.mouse.click(corners[0][0], corners[0][1]);
    await page.waitForTimeout(300);
    await planner.screenshot('zone-drawing.png');
    const zones = page.locator('[data-testid="zone-list"]');
    await expect.poll(() => zones.getAttribute('data-count'), { timeout: 15_000 }).toBe('1');
    await expect
      .poll(() => page.evaluate(() => window.__planner?.renderedFeatureCount('zones-fill') ?? 0), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await page.waitForFunction(() => !document.querySelector('[data-testid="job-bar"]'));
    await planner.screenshot('scenario-panel.png');
  });

  it('shows the indicators the command-line tool computes for the saved plan file', async () => {
    const download = page.waitForEvent('download');
    await page.click('[data-testid="plan-save"]');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.plan\.json$/);
    // Saving says what was saved, and where to find it.
    const confirmation = page.locator('[data-testid="notice"][data-kind="done"]');
    expect(await confirmation.textContent()).toContain(`已保存规划`);
    expect(await confirmation.textContent()).toContain(file.suggestedFilename());
    const dir = mkdtempSync(join(tmpdir(), 'scenario-e2e-'));
    const planPath = join(dir, file.suggestedFilename());
    await file.saveAs(planPath);
    const out = join(dir, 'indicators.json');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(projectRoot, 'scripts/analyze.ts'), '--plan', planPath, '--out', out],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(run.stderr).not.toMatch(/错误|error/i);
    expect(run.status).toBe(0);
    const cli = JSON.parse(readFileSync(out, 'utf8')) as {
      overall: Record<string, unknown> & {
        ledger: { city: { balance: number } };
        violations: { count: number };
      };
    };
    const shown = await shownIndicators();
    for (const field of FIELDS) {
      const expected = cli.overall[field] as number;
      expect(Math.abs((shown[field] ?? Number.NaN) - expected), field).toBeLessThanOrEqual(
        Math.abs(expected) * 1e-9 + 1e-12,
      );
    }
    expect(shown.ledgerBalance).toBeCloseTo(cli.overall.ledger.city.balance, 6);
    expect(shown.violations).toBe(cli.overall.violations.count);
  });

  it('undoes and redoes the last edit by name', async () => {
    const zones = page.locator('[data-testid="zone-list"]');
    expect(await page.locator('[data-testid="undo"]').textContent()).toMatch(/承接区块/);
    await page.click('[data-testid="undo"]');
    await expect.poll(() => zones.getAttribute('data-count')).toBe('0');
    await page.click('[data-testid="redo"]');
    await expect.poll(() => zones.getAttribute('data-count')).toBe('1');
  });

  it('finds everything as it was after a reload', async () => {
    const before = await shownIndicators();
    // The autosave writes a moment after the last edit.
    await page.waitForTimeout(2000);
    await page.reload();
    await waitForPlanner(page, 'plots');
    await page.click('[data-testid="tab-scenario"]');
    await expect
      .poll(() => page.locator('[data-testid="zone-list"]').getAttribute('data-count'), { timeout: 20_000 })
      .toBe('1');
    await page.waitForFunction(() => !document.querySelector('[data-testid="job-bar"]'));
    expect(await shownIndicators()).toEqual(before);
  });

  it('leaves the plan untouched when a broken plan file is opened', async () => {
    const before = await shownIndicators();
    const dir = mkdtempSync(join(tmpdir(), 'scenario-broken-'));
    const broken = join(dir, 'broken.plan.json');
    writeFileSync(broken, '{"format": "industrial-land-plan", "version": 1, "layers": ');
    await page.setInputFiles('[data-testid="plan-input"]', [broken]);
    const notice = page.locator('[data-testid="notice"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('broken.plan.json');
    expect(await shownIndicators()).toEqual(before);
    await notice.locator('button').click();
  });

  it('warns about actions on plots the layer does not hold, and counts them nowhere (issue 12)', async () => {
    const download = page.waitForEvent('download');
    await page.click('[data-testid="plan-save"]');
    const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      activeScenarioId: string;
      scenarios: { id: string; actions: Record<string, { action: string; year: number }> }[];
    };
    const active = saved.scenarios.find((s) => s.id === saved.activeScenarioId);
    if (!active) throw new Error('no active scenario');
    const upgrades = Object.values(active.actions).filter((entry) => entry.action === 'upgrade').length;
    active.actions['NO-SUCH-PLOT'] = { action: 'upgrade', year: 2023 };
    const path = join(mkdtempSync(join(tmpdir(), 'scenario-ghosts-')), 'ghosts.plan.json');
    writeFileSync(path, JSON.stringify(saved));
    await page.setInputFiles('[data-testid="plan-input"]', [path]);
    const notice = page.locator('[data-testid="notice"]');
    // Saving confirmed itself first; the opened file's notice replaces that confirmation.
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toContain('ghosts.plan.json');
    const text = await notice.textContent();
    expect(text).toContain('已打开规划');
    expect(text).toContain('NO-SUCH-PLOT');
    await page.waitForFunction(() => !document.querySelector('[data-testid="job-bar"]'), null, {
      timeout: 60_000,
    });
    const legendUpgrades = await page
      .locator('[data-testid="action-legend"] [data-action="upgrade"]')
      .getAttribute('data-count');
    expect(Number(legendUpgrades ?? 0)).toBe(upgrades);
    await notice.locator('button').click();
  });

  it('compares two scenarios side by side', async () => {
    // The copy vacates, in 2023, the plots outside the boundary that the first upgrades in 2025.
    await page.click('[data-testid="tab-table"]');
    await page
      .locator('[data-testid="plot-table"] .table-check', { hasText: '开发边界外' })
      .locator('input')
      .check();
    await page.click('[data-testid="tab-scenario"]');
    await page.click('[data-testid="scenario-duplicate"]');
    const bar = page.locator('[data-testid="action-bar"]');
    await bar.locator('input[name="scn-action-source"][value="filter"]').check();
    await bar.locator('[data-testid="action-select"]').selectOption('vacate');
    await bar.locator('[data-testid="year-select"]').selectOption('2023');
    await bar.locator('[data-testid="apply-action"]').click();
    await bar.locator('[data-testid="action-done"]').waitFor();
    await page.locator('[data-testid="year-chart"]').scrollIntoViewIfNeeded();
    await planner.screenshot('year-chart.png');
    await page.click('[data-testid="tab-compare"]');
    const compare = page.locator('[data-testid="compare-view"]');
    await compare.waitFor();
    for (const checkbox of await compare.locator('input[type="checkbox"]').all()) await checkbox.check();
    await planner.screenshot('compare.png');
    expect(await compare.textContent()).toMatch(/方案一/);
  });

  it('makes no request that leaves the local server and logs no error', () => {
    planner.network.assertNoExternalRequests();
    // The reload aborts what the page was still fetching; that is not an error of the app.
    expectNoPageProblems(planner.problems, { ignore: /net::ERR_ABORTED/ });
  });
});

/** True when two `#rrggbb` colours differ by at most `tolerance` in each channel. */
function isNear(a: string, b: string, tolerance: number): boolean {
  return [1, 3, 5].every(
    (at) =>
      Math.abs(Number.parseInt(a.slice(at, at + 2), 16) - Number.parseInt(b.slice(at, at + 2), 16)) <=
      tolerance,
  );
}
