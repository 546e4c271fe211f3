/**
 * The autosave when opening it is cancelled, in headless Chromium: a plan of 20,000 plots (made by
 * the sample generator) is imported and autosaved; on the next start the planner cancels the
 * restore. The page then says the plan is still saved, opens no sample in its place and saves
 * nothing over it, so that the start after that opens the 20,000 plots again. No request leaves
 * the local server.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeSampleSet } from '../support/sample-set.ts';
import { describeInBrowser, usePlanner } from './helpers/use-planner.ts';

const PLOTS = 20_000;

describeInBrowser('the autosave', () => {
  const planner = usePlanner({ viewport: { width: 1600, height: 900 }, waitFor: 'legend' });
  let page: Page;
  let folder: string;

  const plotCount = () => page.evaluate(() => window.__planner?.layerCounts()?.plots ?? null);

  /** How many plots the worker has saved (read from IndexedDB as the worker wrote them). */
  const savedPlotCount = () =>
    page.evaluate(
      () =>
        new Promise<number | null>((resolve) => {
          const open = indexedDB.open('industrial-land-planner');
          open.onerror = () => resolve(null);
          open.onsuccess = () => {
            const read = open.result
              .transaction('autosave', 'readonly')
              .objectStore('autosave')
              .get('layers');
            read.onsuccess = () => {
              const record = read.result;
              const features = record?.plots?.features;
              if (!record?.inParts) {
                open.result.close();
                resolve(features?.length ?? null);
                return;
              }
              // Saved in parts (saved-layer-parts.ts): the plot features are in the records it names.
              const store = open.result.transaction('autosave', 'readonly').objectStore('autosave');
              const parts = (features.parts as number[]).map((index) => store.get(record.partKeys[index]));
              store.transaction.oncomplete = () => {
                open.result.close();
                resolve(parts.reduce((sum, part) => sum + part.result.length, 0));
              };
            };
            read.onerror = () => resolve(null);
          };
        }),
    );

  beforeAll(() => {
    page = planner.page;
    folder = mkdtempSync(join(tmpdir(), 'autosave-'));
    makeSampleSet(PLOTS, folder, { quiet: true });
  }, 180_000);

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the saved plan when its opening is cancelled, and opens it on the next start', async () => {
    await page.setInputFiles('[data-testid="import-input"]', [join(folder, 'plots.geojson')]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.locator('[data-testid="import-accept"]').waitFor({ timeout: 120_000 });
    await dialog.locator('[data-testid="import-kind"]').selectOption('plots');
    await page.waitForFunction(() => !document.querySelector('[data-testid="job-bar"]'), null, {
      timeout: 120_000,
    });
    await dialog.locator('[data-testid="import-accept"]').click();
    await expect.poll(plotCount, { timeout: 120_000 }).toBe(PLOTS);
    await expect.poll(savedPlotCount, { timeout: 60_000 }).toBe(PLOTS);

    // Cancel the restore the moment its job bar shows, with the bar's own button: a click from
    // here could come after the restore is over on a busy machine.
    await page.addInitScript(() => {
      if (sessionStorage.getItem('cancel-first-job') !== 'yes') return;
      sessionStorage.removeItem('cancel-first-job');
      new MutationObserver((_records, observer) => {
        const button = document.querySelector<HTMLButtonElement>('.job-cancel');
        if (!button) return;
        observer.disconnect();
        sessionStorage.setItem('cancelled-job', document.querySelector('.job-label')?.textContent ?? '');
        button.click();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.evaluate(() => sessionStorage.setItem('cancel-first-job', 'yes'));
    await page.reload();
    // The reload and the restore's job bar take more than expect.poll's default second on a busy machine.
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('cancelled-job')), { timeout: 60_000 })
      .toMatch(/上次/);
    const notice = page.locator('[data-testid="notice"]');
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('仍保存在本机');
    // No sample in its place, and nothing saved over the plan, even after the map has moved.
    await page.evaluate(async () => {
      const map = window.__planner?.map;
      map?.jumpTo({ center: [121.3, 30.2], zoom: 10 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
    expect(await plotCount()).toBeNull();
    expect(await savedPlotCount()).toBe(PLOTS);

    await page.reload();
    await expect.poll(plotCount, { timeout: 120_000 }).toBe(PLOTS);
    planner.network.assertNoExternalRequests();
  }, 300_000);

  it("takes the plan's layers back after a cancelled job: the plan file saved then holds every plot", async () => {
    // The page holds only the plots' outlines; a worker started after a cancel reads the features
    // back from the save, and the plan file is written from them.
    await expect.poll(plotCount, { timeout: 120_000 }).toBe(PLOTS);
    // Cancel the file's reading the moment its job bar shows, from the page: a click from here
    // could come after a 20,000-plot preview is over (it failed so once, on a busy machine).
    await page.evaluate(() => {
      new MutationObserver((_records, observer) => {
        const button = document.querySelector<HTMLButtonElement>('.job-cancel');
        if (!button) return;
        observer.disconnect();
        sessionStorage.setItem('cancelled-import', document.querySelector('.job-label')?.textContent ?? '');
        button.click();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.setInputFiles('[data-testid="import-input"]', [join(folder, 'plots.geojson')]);
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('cancelled-import')), { timeout: 60_000 })
      .not.toBeNull();
    await page.waitForFunction(() => !document.querySelector('[data-testid="job-bar"]'), null, {
      timeout: 60_000,
    });
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.click('[data-testid="plan-save"]');
    const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      layers: { plots: { features: { properties: { id: string } }[] } };
    };
    const source = JSON.parse(readFileSync(join(folder, 'plots.geojson'), 'utf8')) as {
      features: { properties: { id: string } }[];
    };
    expect(saved.layers.plots.features).toHaveLength(PLOTS);
    expect(saved.layers.plots.features.map((feature) => feature.properties.id)).toEqual(
      source.features.map((feature) => feature.properties.id),
    );
    // The save's own confirmation, not a job's failure (such as the layers being lost).
    const notice = page.locator('[data-testid="notice"]');
    if ((await notice.count()) > 0) expect(await notice.textContent()).toContain('已保存规划');
    planner.network.assertNoExternalRequests();
  }, 300_000);
});
