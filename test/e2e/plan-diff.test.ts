/**
 * 版本对比 in headless Chromium: the sample plan is saved, then the plots outside the development
 * boundary are set to vacate in 2024; the comparison with the saved file lists exactly those plots,
 * the figures that moved (land renovated, quota released), highlights the plots on the map with the
 * rest faded, exports the tables as XLSX, and leaves the map as it was when the scenarios are shown
 * again. No request leaves the local server. Writes test/output/plan-diff.png.
 */

import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { saveOutput } from '../support/planner-harness.ts';
import { readXlsx } from '../support/read-xlsx.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

describeInBrowser('版本对比: the current plan against a saved version of it', () => {
  const planner = usePlanner();
  let page: Page;
  let saved: { name: string; bytes: Buffer };
  let vacated = 0;

  async function download(open: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), open()]);
    return { name: (file as Download).suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  const layerVisibility = (id: string) =>
    page.evaluate((layer) => window.__planner?.map.getLayoutProperty(layer, 'visibility') ?? 'none', id);

  beforeAll(() => {
    page = planner.page;
  });

  it('saves the plan, then vacates the plots outside the boundary', async () => {
    saved = await download(() => page.click('[data-testid="plan-save"]'));
    expect(saved.name).toMatch(/\.plan\.json$/);
    await page.click('[data-testid="tab-table"]');
    const table = page.locator('[data-testid="plot-table"]');
    await table.locator('.table-check', { hasText: '开发边界外' }).locator('input').check();
    vacated = Number(await table.locator('[data-testid="plot-table-count"]').getAttribute('data-shown'));
    expect(vacated).toBeGreaterThan(0);
    await page.click('[data-testid="tab-scenario"]');
    const bar = page.locator('[data-testid="action-bar"]');
    await bar.locator('input[name="scn-action-source"][value="filter"]').check();
    await bar.locator('[data-testid="action-select"]').selectOption('vacate');
    await bar.locator('[data-testid="year-select"]').selectOption('2024');
    await bar.locator('[data-testid="apply-action"]').click();
    await bar.locator('[data-testid="action-done"]').waitFor();
  });

  it('lists exactly the vacated plots and the figures that moved', async () => {
    await page.click('[data-testid="tab-compare"]');
    await page.click('[data-testid="compare-mode-versions"]');
    await page.locator('[data-testid="diff-file"]').setInputFiles({
      name: saved.name,
      mimeType: 'application/json',
      buffer: saved.bytes,
    });
    const result = page.locator('[data-testid="diff-result"]');
    await result.waitFor({ timeout: 120_000 });
    expect(Number(await result.getAttribute('data-plots'))).toBe(vacated);
    expect(Number(await result.getAttribute('data-zones'))).toBe(0);
    const plots = page.locator('[data-testid="diff-plots"] tbody tr');
    expect(await plots.count()).toBe(Math.min(vacated, 200));
    expect(await plots.first().locator('td').nth(2).textContent()).toBe('腾退 2024');
    const figures = await page
      .locator(
        '[data-testid="diff-indicators"] tbody tr th, [data-testid="diff-indicators"] tbody tr td:first-child',
      )
      .allTextContents();
    expect(figures.some((name) => name.startsWith('改造提升面积'))).toBe(true);
    expect(figures.some((name) => name.startsWith('存量处置释放指标'))).toBe(true);
  });

  it('highlights the changed plots on the map and fades the rest', async () => {
    expect(await layerVisibility('diff-fade')).toBe('visible');
    await page.evaluate(() => window.__planner?.whenIdle());
    const dots = await page.evaluate(() => window.__planner?.renderedFeatureCount('diff-plot-dots') ?? 0);
    expect(dots).toBeGreaterThan(0);
    expect(dots).toBeLessThanOrEqual(vacated);
    saveOutput('plan-diff.png', await page.screenshot({ type: 'png' }));
  });

  it('exports the comparison as XLSX with every vacated plot', async () => {
    const file = await download(() => page.click('[data-testid="diff-export"]'));
    expect(file.name).toMatch(/版本对比\.xlsx$/);
    const sheets = readXlsx(file.bytes);
    const plots = sheets['地块变化'] ?? [];
    // Header, the plots, an empty row and the notes (area method, the two versions).
    expect(plots.filter((row) => row[2] === '腾退 2024')).toHaveLength(vacated);
    expect(plots.some((row) => String(row[0] ?? '').includes('椭球'))).toBe(true);
    expect(Object.keys(sheets)).toEqual([
      '指标对比',
      '地块变化',
      '承接区块变化',
      '指标调剂变化',
      '假设与设置',
    ]);
  });

  it('leaves the map as it was when the scenarios are compared again, with no request out', async () => {
    await page.click('[data-testid="compare-mode-scenarios"]');
    await page.locator('[data-testid="compare-view"]').waitFor();
    expect(await layerVisibility('diff-fade')).toBe('none');
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
