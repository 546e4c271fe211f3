/**
 * Where the layers came from, in the built app (headless Chromium): real plots imported into the
 * sample plan are asked about before loading (a new plan, or replace the sample's plots); replaced,
 * the sample's boundaries and control lines stay and the 示例数据（虚构） label, naming them, stays
 * on every surface (header, map credits, map PNG, report, CSV/XLSX/GeoJSON, briefing, saved plan);
 * it goes once no sample layer is left, and on a new empty plan; back to the sample brings it back.
 * Nothing is requested from another origin. Writes test/output/provenance-*.png.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../support/build-app.ts';
import { saveOutput } from '../support/planner-harness.ts';
import { readXlsx } from '../support/read-xlsx.ts';
import { samplePlotCount } from '../support/sample-set.ts';
import { countColor, decodePng } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const IMPORT_FIXTURES = join(projectRoot, 'test', 'fixtures', 'import');
const PLOTS_ZIP = join(IMPORT_FIXTURES, 'plots-cgcs2000-gk40-gbk.zip');
const BOUNDARY_KML = join(IMPORT_FIXTURES, 'boundary.kml');
const ZIP_PLOTS = (
  JSON.parse(readFileSync(join(IMPORT_FIXTURES, 'plots-cgcs2000-gk40-gbk.expected.json'), 'utf8')) as {
    features: unknown[];
  }
).features.length;
const SAMPLE = '示例数据（虚构）';
const MIXED = '示例数据（虚构）：城镇开发边界、工业控制线';
/** The sample label's yellow, in the map PNG's title band. */
const LABEL_YELLOW = '#ffd54a';

describeInBrowser('layer origins and the sample label', () => {
  const planner = usePlanner({ viewport: { width: 1440, height: 900 } });
  let page: Page;

  beforeAll(async () => {
    page = planner.page;
    // Six exports, the report and briefing per check: slow on a loaded machine, not stuck.
    page.setDefaultTimeout(120_000);
    // Every notice shown, kept: a confirmation goes by itself after a few seconds.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __notices: string[] }).__notices = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="notice"] .notice-text')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });

  /** The last notice shown (it may have gone by itself since). */
  const lastNotice = () =>
    page.evaluate(() => (window as unknown as { __notices: string[] }).__notices.at(-1));

  const counts = () => page.evaluate(() => window.__planner?.layerCounts());
  const headerLabel = async () => {
    const label = page.locator('[data-testid="sample-label"]');
    return (await label.count()) === 0 ? null : await label.textContent();
  };
  const credits = () => page.locator('.maplibregl-ctrl-attrib').textContent();
  const noJob = () =>
    page.waitForFunction(() => !document.querySelector('[data-testid="job-bar"]'), null, {
      timeout: 120_000,
    });

  async function download(open: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), open()]);
    return { name: (file as Download).suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  async function exportFile(testId: string) {
    await page.click('[data-testid="export-button"]');
    const file = await download(() => page.click(`[data-testid="${testId}"]`));
    await page.locator('[data-testid="export-button"]:not([disabled])').waitFor();
    return file;
  }

  /** What every surface says: header, credits, PNG, CSV, XLSX, GeoJSON, report, briefing. */
  async function surfaces(shot?: string) {
    const png = await exportFile('export-png');
    if (shot) saveOutput(shot, png.bytes);
    const image = decodePng(png.bytes);
    const csv = await exportFile('export-csv');
    const csvRows = csv.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    const xlsx = readXlsx(new Uint8Array((await exportFile('export-xlsx')).bytes));
    const geojson = await exportFile('export-geojson');
    const layer = JSON.parse(geojson.bytes.toString('utf8')) as { label?: string; sampleLayers?: string[] };

    await page.click('[data-testid="export-button"]');
    await page.click('[data-testid="export-report"]');
    await page.locator('[data-testid="report"][data-ready="true"]').waitFor({ timeout: 120_000 });
    const reportLabel = page.locator('[data-testid="report-label"]');
    const report = {
      label: (await reportLabel.count()) === 0 ? null : await reportLabel.textContent(),
      credits: await page.locator('[data-testid="report-credits"]').textContent(),
    };
    await page.click('[data-testid="report-close"]');
    await page.locator('[data-testid="report"]').waitFor({ state: 'detached' });

    await page.click('[data-testid="briefing-enter"]');
    await page.locator('[data-testid="briefing"]').waitFor();
    const briefingSample = page.locator('[data-testid="briefing-sample"]');
    const briefing = (await briefingSample.count()) === 0 ? null : await briefingSample.textContent();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="briefing"]').waitFor({ state: 'detached' });

    return {
      header: await headerLabel(),
      credits: await credits(),
      pngYellow: countColor(image, LABEL_YELLOW, 6),
      csvLast: csvRows.at(-1),
      xlsxLast: (xlsx.地块表 ?? []).at(-1)?.[0] ?? null,
      geojson: { label: layer.label ?? null, sampleLayers: layer.sampleLayers ?? null, name: geojson.name },
      report,
      briefing,
    };
  }

  /** Clicks a plan-menu item and confirms. */
  async function planMenu(testId: string) {
    await page.click('[data-testid="plan-menu-button"]');
    await page.click(`[data-testid="${testId}"]`);
    const confirm = page.locator('[data-testid="confirm-dialog"]');
    await confirm.waitFor();
    const message = await confirm.textContent();
    await page.click('[data-testid="confirm-ok"]');
    await confirm.waitFor({ state: 'detached' });
    await noJob();
    return message;
  }

  it('labels the sample plan as sample data', async () => {
    expect(await headerLabel()).toBe(SAMPLE);
    expect(await credits()).toContain(SAMPLE);
    await page.click('[data-testid="plan-menu-button"]');
    expect(await page.locator('[data-testid="plan-origin-plots"]').textContent()).toBe(SAMPLE);
    await planner.screenshot('provenance-menu-sample.png');
    await page.keyboard.press('Escape');
  });

  it('asks, before loading real plots into the sample, whether to start a new plan or replace the sample’s plots', async () => {
    await page.setInputFiles('[data-testid="import-input"]', [PLOTS_ZIP]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    const choice = dialog.locator('[data-testid="import-into-sample"]');
    await choice.waitFor({ timeout: 120_000 });
    expect(await dialog.locator('[data-testid="import-kind"]').inputValue()).toBe('plots');
    expect(await choice.locator('[data-testid="import-accept-new-plan"]').textContent()).toBe(
      '以此图层新建规划',
    );
    expect(await choice.locator('[data-testid="import-accept"]').textContent()).toBe(
      '只替换示例的“工业用地地块”图层',
    );
    // Keeping the sample's other layers is said plainly, naming them and the label they carry.
    expect(await choice.locator('[data-testid="import-into-kept"]').textContent()).toContain(
      `保留示例的城镇开发边界、工业控制线：它们是虚构的，地图、导出的图片、报告、表格和汇报都会注明“${MIXED}”`,
    );
    expect(await counts()).toMatchObject({ plots: samplePlotCount() });
    await choice.scrollIntoViewIfNeeded();
    await planner.screenshot('provenance-import-choice.png');

    await choice.locator('[data-testid="import-accept"]').click();
    await expect.poll(counts, { timeout: 120_000 }).toMatchObject({ plots: ZIP_PLOTS });
    await dialog.waitFor({ state: 'detached' });
    expect(await lastNotice()).toContain(`规划中仍有${MIXED}`);
  });

  it('keeps the label, naming the sample layers, on every surface while the sample’s lines remain', async () => {
    const layers = await counts();
    expect(layers?.boundary).toBeGreaterThan(0);
    expect(layers?.control).toBeGreaterThan(0);
    await planner.screenshot('provenance-mixed.png');
    const seen = await surfaces('provenance-mixed-map.png');
    expect(seen.header).toBe(MIXED);
    expect(seen.credits).toMatch(
      /工业用地地块：plots-cgcs2000-gk40-gbk\.zip › .+\.shp；城镇开发边界：示例数据（虚构）；工业控制线：示例数据（虚构）/,
    );
    expect(seen.pngYellow).toBeGreaterThan(1000);
    expect(seen.csvLast).toBe(MIXED);
    expect(seen.xlsxLast).toBe(MIXED);
    expect(seen.geojson).toMatchObject({ label: MIXED, sampleLayers: ['boundary', 'control'] });
    expect(seen.geojson.name).toMatch(/-地块-示例数据\.geojson$/);
    expect(seen.report.label).toBe(MIXED);
    expect(seen.report.credits).toContain('城镇开发边界：示例数据（虚构）');
    expect(seen.briefing).toBe(MIXED);

    // The plan file records each layer's origin.
    const saved = await download(() => page.click('[data-testid="plan-save"]'));
    const plan = JSON.parse(saved.bytes.toString('utf8')) as {
      layerOrigins: Record<string, Record<string, unknown>>;
    };
    expect(plan.layerOrigins.boundary).toEqual({ source: 'sample' });
    expect(plan.layerOrigins.plots).toMatchObject({
      source: 'file',
      format: 'shapefile',
      crs: 'EPSG:4528',
      featureCount: ZIP_PLOTS,
    });
    expect(String((plan.layerOrigins.plots?.files as string[] | undefined)?.[0])).toMatch(
      /^plots-cgcs2000-gk40-gbk\.zip › /,
    );

    await page.click('[data-testid="plan-menu-button"]');
    expect(await page.locator('[data-testid="plan-origin-plots"]').textContent()).toMatch(
      new RegExp(`Shapefile，CGCS2000.*EPSG:4528），${ZIP_PLOTS} 个要素，\\d{4}-\\d\\d-\\d\\d 导入`),
    );
    expect(await page.locator('[data-testid="plan-origin-control"]').textContent()).toBe(SAMPLE);
    await planner.screenshot('provenance-menu-mixed.png');
    await page.keyboard.press('Escape');
  }, 600_000);

  it('drops the label once no layer is sample data: control lines removed, boundaries replaced', async () => {
    const message = await planMenu('plan-remove-control');
    expect(message).toContain('移除“工业控制线”图层');
    expect((await counts())?.control).toBe(0);
    expect(await lastNotice()).toContain('已移除“工业控制线”图层');
    expect(await headerLabel()).toBe('示例数据（虚构）：城镇开发边界');

    // Replacing the last sample layer leaves nothing to ask about.
    await page.click('[data-testid="plan-menu-button"]');
    await page.click('[data-testid="plan-replace-boundary"]');
    await page.setInputFiles('[data-testid="plan-replace-input"]', [BOUNDARY_KML]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('[data-testid="import-kind"]').inputValue()).toBe('boundary');
    await noJob();
    expect(await dialog.locator('[data-testid="import-into-sample"]').count()).toBe(0);
    await dialog.locator('[data-testid="import-accept"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    await noJob();

    const seen = await surfaces('provenance-real-map.png');
    expect(seen.header).toBeNull();
    expect(seen.credits).not.toContain('示例数据');
    expect(seen.credits).toContain('城镇开发边界：boundary.kml');
    expect(seen.pngYellow).toBe(0);
    expect(seen.csvLast).not.toContain('示例数据');
    expect(seen.xlsxLast).not.toContain('示例数据');
    expect(seen.geojson).toMatchObject({ label: null, sampleLayers: null });
    expect(seen.geojson.name).not.toContain('示例数据');
    expect(seen.report.label).toBeNull();
    expect(seen.briefing).toBeNull();
    await planner.screenshot('provenance-real.png');
  }, 600_000);

  it('opens a new empty plan and goes back to the sample, each confirmed and then said', async () => {
    expect(await planMenu('plan-new')).toContain('三个图层都清空');
    expect(await counts()).toEqual({ plots: 0, boundary: 0, control: 0 });
    expect(await headerLabel()).toBeNull();
    expect(await lastNotice()).toContain('已新建空白规划');
    await planner.screenshot('provenance-empty.png');

    expect(await planMenu('plan-sample')).toContain('回到示例规划');
    // The sample is read again in the background: on a busy machine its job may start only after
    // planMenu found none running.
    await expect.poll(counts, { timeout: 60_000 }).toMatchObject({ plots: samplePlotCount() });
    expect(await headerLabel()).toBe(SAMPLE);
    expect(await lastNotice()).toContain('已回到示例规划');

    // Cancelling changes nothing.
    await page.click('[data-testid="plan-menu-button"]');
    await page.click('[data-testid="plan-new"]');
    await page.click('[data-testid="confirm-cancel"]');
    expect(await counts()).toMatchObject({ plots: samplePlotCount() });
  });

  it('starts a new plan with the real plots alone when asked to, without any sample label', async () => {
    await page.setInputFiles('[data-testid="import-input"]', [PLOTS_ZIP]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    const newPlan = dialog.locator('[data-testid="import-accept-new-plan"]');
    await newPlan.waitFor({ timeout: 120_000 });
    await noJob();
    await newPlan.click();
    await expect.poll(counts, { timeout: 120_000 }).toEqual({ plots: ZIP_PLOTS, boundary: 0, control: 0 });
    expect(await headerLabel()).toBeNull();
    expect(await credits()).not.toContain('示例数据');
    expect(await lastNotice()).toContain('新建规划');
    expectNoPageProblems(planner.problems);
    planner.network.assertNoExternalRequests();
  });
});
