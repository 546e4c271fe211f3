/**
 * The export menu in the built app (headless Chromium): the map as PNG at screen and print
 * resolution, the plot table as CSV and XLSX (the same rows), the town action lists, the indicator
 * table and the plot layer as GeoJSON, each as a download named after the plan, the scenario and the
 * date; no request leaves the local server. Writes test/output/export-map.png.
 */

import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { Cell } from '../../src/export/table.ts';
import { STATUS_COLORS } from '../../src/map/palette.ts';
import { saveOutput } from '../support/planner-harness.ts';
import { readXlsx } from '../support/read-xlsx.ts';
import { samplePlotCount } from '../support/sample-set.ts';
import { countColor, decodePng, distinctColors, edgeSoftness } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const VIEWPORT = { width: 1600, height: 900 };
const PLOTS_IN_SAMPLE = samplePlotCount();
/** 慈溪市工业用地整合规划-方案一-2026-11-28-地块表.csv */
const FILE_NAME = /^慈溪市工业用地整合规划-方案一-\d{4}-\d{2}-\d{2}-/;

/** RFC 4180 CSV text (no BOM) into rows of strings. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) throw new Error('The CSV does not end with CRLF.');
  return rows;
}

/** Cells as the CSV writes them, without the empty cells at a row's end. */
function asText(rows: readonly (readonly (Cell | string)[])[]): string[][] {
  return rows.map((row) => {
    const cells = row.map((cell) => (cell === null ? '' : String(cell)));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
}

describeInBrowser('exports', () => {
  const planner = usePlanner({ viewport: VIEWPORT });
  let page: Page;
  let mapSize: { width: number; height: number };

  /** Opens the export menu, clicks `testId` and returns the download with its bytes. */
  async function exportFile(testId: string): Promise<{ download: Download; bytes: Buffer }> {
    await page.click('[data-testid="export-button"]');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.click(`[data-testid="${testId}"]`),
    ]);
    const bytes = readFileSync(await download.path());
    // The menu is ready for the next export once the button is enabled again.
    await page.locator('[data-testid="export-button"]:not([disabled])').waitFor();
    return { download, bytes };
  }

  beforeAll(async () => {
    page = planner.page;
    await page.locator('[data-testid="export-menu"]').waitFor();
    mapSize = await page.evaluate(() => {
      const canvas = window.__planner?.map.getCanvas();
      return { width: canvas?.clientWidth ?? 0, height: canvas?.clientHeight ?? 0 };
    });
  });

  it('offers every export in the menu', async () => {
    await page.click('[data-testid="export-button"]');
    const items = await page.locator('[data-testid="export-menu"] [role="menuitem"]').allTextContents();
    expect(items).toEqual([
      '地图 PNG（屏幕）',
      '地图 PNG（打印）',
      '地块表 CSV',
      '地块表 XLSX',
      '各镇街实施清单 XLSX',
      '各镇街实施清单 CSV',
      '指标表 CSV',
      '图层 GeoJSON',
      '审阅包（单个 HTML，离线审阅）',
      '打印报告',
    ]);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="export-png"]').count()).toBe(0);
  });

  it('exports the map as a PNG at screen resolution, with a title band, legend and credits', async () => {
    const { download, bytes } = await exportFile('export-png');
    expect(download.suggestedFilename()).toMatch(new RegExp(`${FILE_NAME.source}地图\\.png$`));
    saveOutput('export-map.png', bytes);
    const png = decodePng(bytes);
    expect(png.width).toBe(mapSize.width);
    // The map plus a title band above and the credits below.
    expect(png.height).toBeGreaterThan(mapSize.height + 80);
    expect(distinctColors(png)).toBeGreaterThan(500);
    // The title band's colour, and plots drawn in the status colours.
    expect(countColor(png, '#1f2a44', 4)).toBeGreaterThan(png.width * 30);
    expect(countColor(png, '#1f9e3a', 30)).toBeGreaterThan(200);
    expect(countColor(png, '#e3001b', 30)).toBeGreaterThan(100);
  });

  it('exports the map for print at A4 width and 300 dpi (at least 2×) and leaves the map as it was', async () => {
    const { download, bytes } = await exportFile('export-png-print');
    expect(download.suggestedFilename()).toMatch(new RegExp(`${FILE_NAME.source}地图-打印\\.png$`));
    const png = decodePng(bytes);
    const ratio = Math.min(Math.max(2, 2480 / mapSize.width), 4096 / mapSize.width, 4096 / mapSize.height);
    expect(Math.abs(png.width - mapSize.width * ratio)).toBeLessThanOrEqual(1);
    expect(distinctColors(png)).toBeGreaterThan(500);
    saveOutput('export-map-print.png', bytes);
    // The county view's dots are painted again at 2× rather than scaled up: sharp edges. Measured
    // on this view: 1.03 with the screen's tiles scaled up, about 0.5 with tiles painted at 2×.
    // The sample's crossing plots are ringed in orange, which leans red: its edges are not counted.
    expect(edgeSoftness(png, STATUS_COLORS.outside, [STATUS_COLORS.crossing])).toBeLessThan(0.75);
    const after = await page.evaluate(() => {
      const map = window.__planner?.map;
      return { ratio: map?.getPixelRatio(), width: map?.getCanvas().width };
    });
    expect(after).toEqual({ ratio: 1, width: mapSize.width });
  });

  it('exports the plot table as CSV for Excel and as XLSX with the same rows', async () => {
    const csv = await exportFile('export-csv');
    expect(csv.download.suggestedFilename()).toMatch(new RegExp(`${FILE_NAME.source}地块表\\.csv$`));
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    expect(rows[0]?.slice(0, 5)).toEqual(['地块编号', '名称', '镇街', '村（社区）', '现状分类']);
    const plots = rows.slice(1, 1 + PLOTS_IN_SAMPLE);
    expect(plots).toHaveLength(PLOTS_IN_SAMPLE);
    expect(plots.every((row) => row.length === rows[0]?.length && Number(row[5]) > 0)).toBe(true);
    expect(rows[1 + PLOTS_IN_SAMPLE]).toEqual(['']);
    expect(rows.at(-1)).toEqual(['示例数据（虚构）']);
    expect(rows.some((row) => row[0]?.startsWith('面积口径'))).toBe(true);

    const xlsx = await exportFile('export-xlsx');
    expect(xlsx.download.suggestedFilename()).toMatch(new RegExp(`${FILE_NAME.source}地块表\\.xlsx$`));
    const book = readXlsx(new Uint8Array(xlsx.bytes));
    expect(Object.keys(book)).toEqual(['地块表']);
    const sheet = book.地块表 ?? [];
    expect(typeof sheet[1]?.[5]).toBe('number');
    expect(asText(sheet)).toEqual(asText(rows));
  });

  it('exports the town action lists, a sheet per town in XLSX and one CSV with a town column', async () => {
    const xlsx = await exportFile('export-towns-xlsx');
    expect(xlsx.download.suggestedFilename()).toMatch(
      new RegExp(`${FILE_NAME.source}各镇街实施清单\\.xlsx$`),
    );
    const book = readXlsx(new Uint8Array(xlsx.bytes));
    const towns = Object.keys(book);
    expect(towns).toContain('观海卫镇');
    expect(towns.length).toBeGreaterThanOrEqual(20);
    const listed = Object.values(book).reduce(
      (sum, sheet) => sum + sheet.filter((row) => typeof row[0] === 'number').length,
      0,
    );
    expect(listed).toBe(PLOTS_IN_SAMPLE);

    const csv = await exportFile('export-towns-csv');
    const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    expect(rows[0]?.slice(0, 3)).toEqual(['镇街', '序号', '地块编号']);
    expect(new Set(rows.slice(1, 1 + PLOTS_IN_SAMPLE).map((row) => row[0]))).toEqual(new Set(towns));
  });

  it('exports the indicator table per town with the city first', async () => {
    const { download, bytes } = await exportFile('export-indicators-csv');
    expect(download.suggestedFilename()).toMatch(new RegExp(`${FILE_NAME.source}指标表\\.csv$`));
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]?.slice(0, 3)).toEqual(['镇街', '地块数', '工业用地（亩）']);
    expect(rows[1]?.slice(0, 2)).toEqual(['全市', String(PLOTS_IN_SAMPLE)]);
    expect(rows.some((row) => row[0] === '观海卫镇')).toBe(true);
  });

  it('exports the plot layer as GeoJSON with the computed fields', async () => {
    const { download, bytes } = await exportFile('export-geojson');
    // The sample's layers: the file's name and its members say so.
    expect(download.suggestedFilename()).toMatch(new RegExp(`${FILE_NAME.source}地块-示例数据\\.geojson$`));
    const layer = JSON.parse(bytes.toString('utf8')) as {
      type: string;
      features: { geometry: { type: string } | null; properties: Record<string, unknown> }[];
      areaMethod: string;
      label: string;
      sampleLayers: string[];
    };
    expect(layer.type).toBe('FeatureCollection');
    expect(layer.label).toBe('示例数据（虚构）');
    expect(layer.sampleLayers).toEqual(['plots', 'boundary', 'control']);
    expect(layer.features).toHaveLength(PLOTS_IN_SAMPLE);
    expect(layer.areaMethod).toMatch(/^面积口径/);
    const first = layer.features[0];
    expect(first?.geometry?.type).toMatch(/Polygon$/);
    for (const key of ['areaM2', 'areaMu', 'inBoundaryM2', 'inControlM2']) {
      expect(typeof first?.properties[key], key).toBe('number');
    }
    expect(first?.properties.areaMu).toBeCloseTo(((first?.properties.areaM2 as number) * 15) / 10000, 9);
    expect(new Set(layer.features.map((f) => f.properties.status))).toEqual(
      new Set(['control', 'boundary', 'crossing', 'outside']),
    );
    expect(first?.properties).toHaveProperty('action', 'keep');
    expect(first?.properties).toHaveProperty('efficiencyClass');
    expect(typeof first?.properties.town).toBe('string');
  });

  it('makes no request that leaves the local server and logs no error', () => {
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
