/**
 * Receiving zones in headless Chromium: a zone drawn on the map, reshaped by dragging a vertex (its
 * new land changes; one undo step brings the old shape back), and two zones imported from a GeoJSON
 * file into the active scenario in one step that one Ctrl+Z takes back. No request leaves the local
 * server. Writes screenshots to test/output/.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { squareRing } from '../fixtures/square-plot.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

describeInBrowser('receiving zones', () => {
  const planner = usePlanner();
  let page: Page;

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

  async function canvasCentre(): Promise<{ cx: number; cy: number }> {
    const box = await page.locator('.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    return { cx: box.x + box.width / 2, cy: box.y + box.height / 2 };
  }

  /** The new land of the first zone in 亩, once the worker has measured it (null until then). */
  async function firstZoneNewLandMu(): Promise<number | null> {
    const field = page
      .locator('[data-testid="zone-list"] li.scn-zone')
      .first()
      .locator('[data-field="newLandMu"]');
    if ((await field.count()) === 0) return null;
    return Number(await field.getAttribute('data-value'));
  }

  function zoneCount(): Promise<string | null> {
    return page.locator('[data-testid="zone-list"]').getAttribute('data-count');
  }

  async function settled(): Promise<void> {
    await page.waitForFunction(() => !document.querySelector('[data-testid="job-bar"]'));
  }

  beforeAll(async () => {
    page = planner.page;
    await page.click('[data-testid="tab-scenario"]');
    await page.locator('[data-testid="scenario-panel"]').waitFor();
  });

  it('reshapes a drawn zone by dragging a vertex, in one step that undo takes back', async () => {
    await jumpTo([121.42, 30.2], 14);
    await page.click('[data-testid="draw-zone"]');
    await page.locator('[data-testid="map"][data-drawing="ready"]').waitFor({ timeout: 15_000 });
    const { cx, cy } = await canvasCentre();
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
    await page.mouse.click(corners[0][0], corners[0][1]);
    await expect.poll(zoneCount, { timeout: 15_000 }).toBe('1');
    await expect.poll(firstZoneNewLandMu, { timeout: 30_000 }).not.toBeNull();
    await settled();
    const before = (await firstZoneNewLandMu()) as number;
    expect(before).toBeGreaterThan(0);

    await page.click('[data-testid="zone-edit-shape"]');
    await page.locator('[data-testid="map"][data-drawing="ready"]').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    // Drag the south-east corner 160 px right and 120 px down: the zone grows.
    const [fromX, fromY] = corners[2];
    await page.mouse.move(fromX, fromY);
    await page.mouse.down();
    await page.mouse.move(fromX + 80, fromY + 60, { steps: 8 });
    await page.mouse.move(fromX + 160, fromY + 120, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    await planner.screenshot('zone-editing.png');
    await page.click('[data-testid="zone-edit-done"]');
    expect(await page.locator('[data-testid="zone-edit-problem"]').count()).toBe(0);
    await page.locator('[data-testid="map"][data-drawing]').waitFor({ state: 'detached' });
    await expect.poll(firstZoneNewLandMu, { timeout: 30_000 }).toBeGreaterThan(before * 1.2);
    await settled();
    expect(await page.locator('[data-testid="undo"]').textContent()).toMatch(/形状/);

    await page.click('[data-testid="undo"]');
    await expect.poll(firstZoneNewLandMu, { timeout: 30_000 }).toBeCloseTo(before, 9);
    expect(await zoneCount()).toBe('1');
    await settled();
  });

  it('cancels a reshaping with Escape', async () => {
    const before = (await firstZoneNewLandMu()) as number;
    await page.click('[data-testid="zone-edit-shape"]');
    await page.locator('[data-testid="map"][data-drawing="ready"]').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="zone-edit-done"]').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="map"][data-drawing]').count()).toBe(0);
    expect(await firstZoneNewLandMu()).toBe(before);
  });

  it('imports two zones from a GeoJSON file in one step that one Ctrl+Z takes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zones-e2e-'));
    const file = join(dir, 'new-zones.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { 名称: '导入区块甲', 容积率: 2.5, 年份: 2025 },
            geometry: { type: 'Polygon', coordinates: [squareRing(121.3, 30.2, 0.004)] },
          },
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon', coordinates: [squareRing(121.31, 30.205, 0.003)] },
          },
        ],
      }),
    );
    await page.setInputFiles('[data-testid="import-input"]', [file]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-testid="import-kind"]').selectOption('zones');
    await expect
      .poll(() => dialog.locator('[data-testid="import-accept"]').textContent())
      .toMatch(/承接区块/);
    await dialog.locator('[data-testid="import-accept"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(zoneCount).toBe('3');
    const names = await page
      .locator('[data-testid="zone-name"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(names.slice(1)).toEqual(['导入区块甲', '承接区块 3']);
    expect(await page.locator('[data-testid="notice"]').textContent()).toMatch(/2 个承接区块/);
    expect(await page.locator('[data-testid="undo"]').textContent()).toMatch(/导入 2 个承接区块/);
    await settled();
    await planner.screenshot('zones-imported.png');

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(zoneCount).toBe('1');
  });

  it('makes no request that leaves the local server and logs no error', () => {
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
