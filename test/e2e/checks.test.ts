/**
 * The plausibility checks in headless Chromium (issue 14, point 3): importing the hand-made fixture of
 * test/fixtures/checks/ (plots outside the county, on water, with the wrong town, overlapping and
 * repeated), the import dialog counts each finding in plain words with examples, never says "no
 * problems" beside them, and once loaded the plot table filters by them. No request leaves the page's
 * origin. A file dropped while a job runs is read once that job ends (the worker takes one call at a
 * time), with no error. Screenshots: test/output/checks-dialog.png, checks-table.png.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../support/build-app.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'checks');

describeInBrowser('the plausibility checks', () => {
  const planner = usePlanner();
  let page: Page;

  beforeAll(() => {
    page = planner.page;
  });

  /** Waits for the running job (the opening analysis, the plan's checks) to end. */
  async function idle(): Promise<void> {
    await expect
      .poll(() => page.locator('[data-testid="import-button"]').isEnabled(), { timeout: 60_000 })
      .toBe(true);
  }

  async function importAndAccept(file: string): Promise<void> {
    await idle();
    await page.setInputFiles('[data-testid="import-input"]', [join(FIXTURES, file)]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-testid="import-accept"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
  }

  it('counts each finding in the import dialog, with examples, in plain words', async () => {
    // The fixture's boundaries first: the plots' towns are checked against the plan's boundaries.
    await importAndAccept('boundary.geojson');
    await idle();
    await page.setInputFiles('[data-testid="import-input"]', [join(FIXTURES, 'plots.geojson')]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="import-kind"]').inputValue()).toBe('plots');
    const checks = dialog.locator('[data-testid="import-checks"]');
    await checks.waitFor();
    const line = (check: string) => checks.locator(`[data-check="${check}"]`).textContent();
    expect(await line('outsideCounty')).toMatch(
      /^3 个要素在慈溪市县界之外。例如：outside、outside-sea、beyond/,
    );
    expect(await line('onWater')).toMatch(/^2 个要素落在水面上/);
    expect(await line('townMismatch')).toContain('2 个地块的镇街与所在开发边界的镇街不符');
    expect(await line('townMismatch')).toContain('town-1（填的是宗汉街道，位于浒山街道的开发边界内）');
    expect(await line('overlapping')).toMatch(/^7 对地块相互重叠，重叠面积共 40,789\.5\d 平方米/);
    expect(await line('duplicate')).toContain('2 个地块与另一个地块的图形完全相同');
    expect(await line('duplicate')).toContain('dup-a、dup-b、dup-c 相同');
    // The file itself is sound, but the dialog no longer says "no problems" beside the findings.
    const problems = await dialog.locator('[data-testid="import-problems"]').last().textContent();
    expect(problems).not.toContain('未发现问题');
    expect(problems).toContain('格式与几何未发现错误');
    await planner.screenshot('checks-dialog.png');
    await dialog.locator('[data-testid="import-accept"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
  });

  it('filters the plot table by the findings', async () => {
    await idle();
    await page.click('[data-testid="tab-table"]');
    const table = page.locator('[data-testid="plot-table"]');
    await table.waitFor();
    const filters = page.locator('[data-testid="table-check-filters"]');
    const box = (check: string) => filters.locator(`input[data-check="${check}"]`);
    await expect.poll(() => box('overlapping').isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await filters.textContent()).toContain('相互重叠（9）');
    expect(await filters.textContent()).toContain('县界外（3）');
    const shownIds = () =>
      table
        .locator('[data-plot-index] td:first-child')
        .evaluateAll((cells) => cells.map((c) => c.textContent));
    await box('duplicate').check();
    await expect.poll(shownIds).toEqual(['dup-a', 'dup-b', 'dup-c']);
    await box('townMismatch').check();
    await expect.poll(shownIds).toEqual(['dup-a', 'dup-b', 'dup-c', 'town-1', 'town-2']);
    await box('duplicate').uncheck();
    await box('townMismatch').uncheck();
    await box('onWater').check();
    await expect.poll(shownIds).toEqual(['outside-sea', 'water']);
    await planner.screenshot('checks-table.png');
    await box('onWater').uncheck();
    await expect.poll(async () => (await shownIds()).length).toBe(23);
  });

  it('reads a file dropped while a job runs once that job ends, with no error', async () => {
    await idle();
    await page.setInputFiles('[data-testid="import-input"]', [join(FIXTURES, 'boundary.geojson')]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor();
    // Accepting starts a job at once; in the same moment a file is dropped on the page.
    await page.evaluate(
      (text) => {
        (document.querySelector('[data-testid="import-accept"]') as HTMLButtonElement).click();
        const files = new DataTransfer();
        files.items.add(new File([text], 'plots.geojson', { type: 'application/geo+json' }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: files, cancelable: true }));
      },
      readFileSync(join(FIXTURES, 'plots.geojson'), 'utf8'),
    );
    await expect
      .poll(() => dialog.locator('[data-testid="import-source"]').getAttribute('data-file'), {
        timeout: 60_000,
      })
      .toBe('plots.geojson');
    expect(await dialog.locator('[data-testid="import-kind"]').inputValue()).toBe('plots');
    // The boundary's confirmation may show; no error does (the old code said "expected no call …").
    expect(await page.locator('[data-testid="notice"][data-kind="error"]').count()).toBe(0);
    expect((await page.locator('[data-testid="notice"]').allTextContents()).join()).not.toContain('出错');
    await dialog.locator('[data-testid="import-close"]').click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('asked nothing of any other origin and logged no problem', () => {
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
