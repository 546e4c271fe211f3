/**
 * The printable report in the built app (headless Chromium): opened from the export menu (its code
 * loaded only then), with the scenario's indicators equal to the scenario panel's, printed to PDF on
 * A4 and A3, portrait and landscape, with the paper of the CSS @page rule; each PDF's pages rendered
 * to PNG with poppler's pdftoppm. No request leaves the local server. Writes test/output/report-*.pdf
 * and test/output/report-<paper>-<page>.png.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { OUTPUT_DIR } from '../support/planner-harness.ts';
import { countColor, decodePng, distinctColors } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const VIEWPORT = { width: 1600, height: 900 };
const FIELDS = ['controlShare', 'renovatedMu', 'renovatedTaxPerMu', 'newAboveScaleFirms'] as const;
const PDFTOPPM = process.env.PDFTOPPM_PATH ?? '/usr/bin/pdftoppm';
const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';
const PDFFONTS = process.env.PDFFONTS_PATH ?? '/usr/bin/pdffonts';

/** ISO 216 in PostScript points (1/72 in): A4 595.28 × 841.89, A3 841.89 × 1190.55. */
const PAPERS = [
  { id: 'a4-portrait', width: 595, height: 842 },
  { id: 'a4-landscape', width: 842, height: 595 },
  { id: 'a3-portrait', width: 842, height: 1191 },
  { id: 'a3-landscape', width: 1191, height: 842 },
] as const;

/** Why the PDF tools cannot run here, or null when poppler-utils are there. */
function missingPopplerReason(): string | null {
  const absent = [PDFTOPPM, PDFTOTEXT, PDFFONTS].filter((path) => !existsSync(path));
  return absent.length === 0
    ? null
    : `No ${absent.join(', ')}: install poppler-utils (apt-get install poppler-utils).`;
}

/** Every page's MediaBox [x0 y0 x1 y1] of a PDF as Chromium (Skia) writes it: page dictionaries are not compressed. */
function mediaBoxes(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g)].map(
    (match) => match.slice(1, 5).map(Number),
  );
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Renders every page of `pdfPath` at 60 dpi to test/output/<name>-<page>.png; returns the paths in page order. */
function pdfToPngs(pdfPath: string, name: string): string[] {
  // Pages of an earlier run that had more of them would be mistaken for this one's.
  for (const file of readdirSync(OUTPUT_DIR)) {
    if (file.startsWith(`${name}-`) && /^-\d+\.png$/.test(file.slice(name.length)))
      rmSync(join(OUTPUT_DIR, file));
  }
  const dir = mkdtempSync(join(tmpdir(), 'report-e2e-'));
  try {
    run(PDFTOPPM, ['-png', '-r', '60', pdfPath, join(dir, 'page')]);
    // pdftoppm pads the page number to the width of the page count: page-1.png or page-01.png.
    const pages = readdirSync(dir)
      .map((file) => ({ file, page: Number(/^page-(\d+)\.png$/.exec(file)?.[1]) }))
      .filter(({ page }) => page > 0)
      .sort((a, b) => a.page - b.page);
    return pages.map(({ file, page }) => {
      const target = join(OUTPUT_DIR, `${name}-${page}.png`);
      renameSync(join(dir, file), target);
      return target;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeInBrowser('printable report', { requires: [missingPopplerReason()] }, () => {
  const planner = usePlanner({ viewport: VIEWPORT });
  let page: Page;
  /** The overall indicators as the scenario panel shows them: raw value and text. */
  const shown: Record<string, { value: string | null; text: string }> = {};

  /** Sets `action` in `year` on the plots the table's status filter `status` shows. */
  async function setActionByFilter(status: string, action: string, year: string): Promise<void> {
    await page.click('[data-testid="tab-table"]');
    const table = page.locator('[data-testid="plot-table"]');
    await table.locator('.table-check', { hasText: status }).locator('input').check();
    await page.click('[data-testid="tab-scenario"]');
    const bar = page.locator('[data-testid="action-bar"]');
    await bar.locator('input[name="scn-action-source"][value="filter"]').check();
    await bar.locator('[data-testid="action-select"]').selectOption(action);
    await bar.locator('[data-testid="year-select"]').selectOption(year);
    await bar.locator('[data-testid="apply-action"]').click();
    await bar.locator('[data-testid="action-done"]').waitFor();
    await page.click('[data-testid="tab-table"]');
    await table.locator('.table-check', { hasText: status }).locator('input').uncheck();
    await page.click('[data-testid="tab-scenario"]');
  }

  async function reportRequests(): Promise<string[]> {
    return planner.network.requests
      .map((request) => request.url)
      .filter((url) => /\/ReportView-[^/]*\.js$/.test(url));
  }

  beforeAll(async () => {
    page = planner.page;
    await page.click('[data-testid="tab-scenario"]');
    await page.locator('[data-testid="scenario-panel"]').waitFor();
    await setActionByFilter('开发边界外', 'vacate', '2023');
    await setActionByFilter('控制线内', 'upgrade', '2025');
    const panel = page.locator('[data-testid="scenario-indicators"]').first();
    for (const field of FIELDS) {
      const figure = panel.locator(`[data-field="${field}"]`).first();
      shown[field] = {
        value: await figure.getAttribute('data-value'),
        text: (await figure.textContent())?.trim() ?? '',
      };
    }
    const ledger = panel.locator('[data-field="ledgerBalance"]').first();
    shown.ledgerBalance = {
      value: await ledger.getAttribute('data-value'),
      text: (await ledger.textContent())?.trim() ?? '',
    };
  }, 240_000);

  it('loads the report when it is first opened and waits for the map before it can print', async () => {
    expect(Number(shown.renovatedMu?.value)).toBeGreaterThan(0);
    expect(await reportRequests()).toEqual([]);
    await page.click('[data-testid="export-button"]');
    const item = page.locator('[data-testid="export-report"]');
    expect((await item.textContent())?.trim()).toBe('打印报告');
    await item.click();
    const report = page.locator('[data-testid="report"]');
    await report.waitFor();
    expect(await reportRequests()).toHaveLength(1);
    await page.locator('[data-testid="report"][data-ready="true"]').waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-testid="report-print"]').isEnabled()).toBe(true);
    const image = await page
      .locator('[data-testid="report-map-image"]')
      .evaluate((img: HTMLImageElement) => ({ complete: img.complete, width: img.naturalWidth }));
    expect(image.complete).toBe(true);
    // The print export's resolution: A4 width at 300 dpi, at least 2× the map.
    expect(image.width).toBeGreaterThanOrEqual(2 * 1000);
    // The map was drawn again at its own ratio after the print drawing.
    expect(await page.evaluate(() => window.__planner?.map.getPixelRatio())).toBe(1);
  });

  it('shows the indicators the scenario panel shows, with the sample label and the area method', async () => {
    const targets = page.locator('[data-testid="report-targets"]');
    for (const field of FIELDS) {
      const cell = targets.locator(`[data-field="${field}"]`);
      expect(await cell.getAttribute('data-value'), field).toBe(shown[field]?.value);
      expect((await cell.textContent())?.trim(), field).toBe(shown[field]?.text);
    }
    const ledger = (await targets.locator('[data-field="ledger"]').textContent())?.trim();
    expect(ledger).toContain(shown.ledgerBalance?.text ?? '?');
    expect((await page.locator('[data-testid="report-label"]').textContent())?.trim()).toBe(
      '示例数据（虚构）',
    );
    const text = await page.locator('[data-testid="report"]').textContent();
    expect(text).toContain('面积口径');
    expect(text).toContain('© OpenStreetMap contributors');
    expect(await page.locator('[data-testid="report-chart"] [data-testid="year-chart"] svg').count()).toBe(4);
    // The towns table: a row per town and the city, whose actions add up to the panel's renovated 亩.
    const towns = page.locator('[data-testid="report-towns"]');
    expect(await towns.locator('tbody tr[data-town="观海卫镇"]').count()).toBe(1);
    const actionMu = await towns
      .locator('tbody tr:not([data-town]) td[data-action]')
      .evaluateAll((cells) => cells.reduce((sum, cell) => sum + Number(cell.getAttribute('data-mu')), 0));
    expect(actionMu).toBeCloseTo(Number(shown.renovatedMu?.value), 4);
  });

  for (const paper of PAPERS) {
    it(`prints on ${paper.id} with the paper of its @page rule`, async () => {
      await page.click(`[data-testid="report-paper-${paper.id}"]`);
      await page.locator(`[data-testid="report"][data-paper="${paper.id}"]`).waitFor();
      await page.emulateMedia({ media: 'print' });
      try {
        // In print, the report alone: the app and the toolbar are hidden.
        expect(await page.locator('#root').isVisible()).toBe(false);
        expect(await page.locator('.report-toolbar').isVisible()).toBe(false);
        expect(await page.locator('[data-testid="report-map-image"]').isVisible()).toBe(true);
        const headerDisplay = await page
          .locator('[data-testid="report-towns"] thead')
          .evaluate((head) => getComputedStyle(head).display);
        expect(headerDisplay).toBe('table-header-group');
        const pdfPath = join(OUTPUT_DIR, `report-${paper.id}.pdf`);
        const pdf = await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
        const boxes = mediaBoxes(pdf);
        expect(boxes.length).toBeGreaterThanOrEqual(1);
        for (const [x0, y0, x1, y1] of boxes) {
          expect(Math.abs((x1 ?? 0) - (x0 ?? 0) - paper.width), `${paper.id} width`).toBeLessThanOrEqual(2);
          expect(Math.abs((y1 ?? 0) - (y0 ?? 0) - paper.height), `${paper.id} height`).toBeLessThanOrEqual(2);
        }
        const text = run(PDFTOTEXT, ['-enc', 'UTF-8', pdfPath, '-']);
        for (const key of ['工业用地整合规划报告', '示例数据（虚构）', '面积口径', '观海卫镇', '全市']) {
          expect(text, key).toContain(key);
        }
        expect(text).toContain(shown.controlShare?.text ?? '?');
        // The bundled Noto Sans SC is embedded, so Chinese prints without a system font.
        expect(run(PDFFONTS, [pdfPath])).toMatch(/NotoSansSC|Noto Sans SC|Planner/i);

        const pngs = pdfToPngs(pdfPath, `report-${paper.id}`);
        expect(pngs).toHaveLength(boxes.length);
        const first = decodePng(readFileSync(pngs[0] as string));
        // 60 dpi: the page's size in points × 60/72.
        expect(Math.abs(first.width - (paper.width * 60) / 72)).toBeLessThanOrEqual(2);
        expect(distinctColors(first)).toBeGreaterThan(50);
        // The title rule and the headings in the report's dark blue.
        expect(countColor(first, '#1f2a44', 40)).toBeGreaterThan(100);
        // The map somewhere: plots in the status colours (control green, outside red).
        const pages = pngs.map((path) => decodePng(readFileSync(path)));
        expect(pages.reduce((sum, png) => sum + countColor(png, '#1f9e3a', 40), 0)).toBeGreaterThan(20);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });
  }

  it('switches to English with the language button of the report', async () => {
    const report = page.locator('[data-testid="report"]');
    await report.locator('.report-toolbar button', { hasText: 'English' }).click();
    await page.locator('[data-testid="report"][lang="en"][data-ready="true"]').waitFor({ timeout: 120_000 });
    expect((await report.locator('.report-title').textContent())?.trim()).toMatch(
      /^Industrial Land Consolidation Report/,
    );
    expect(await report.locator('[data-testid="report-targets"] thead th').allTextContents()).toEqual([
      'Indicator',
      'Target 2026',
      'Scenario',
      'Met',
    ]);
    await page.click('[data-testid="report-paper-a4-portrait"]');
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(OUTPUT_DIR, 'report-en-a4-portrait.pdf');
    try {
      await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    const text = run(PDFTOTEXT, ['-enc', 'UTF-8', pdfPath, '-']);
    expect(text).toContain('Sample data (fictitious)');
    expect(text).toContain('Area method');
    expect(pdfToPngs(pdfPath, 'report-en-a4-portrait').length).toBeGreaterThanOrEqual(1);
    await report.locator('.report-toolbar button', { hasText: '中文' }).click();
    await page
      .locator('[data-testid="report"][lang="zh-CN"][data-ready="true"]')
      .waitFor({ timeout: 120_000 });
  });

  it('prints with the Print button and closes', async () => {
    await page.evaluate(() => {
      const calls = { count: 0 };
      (window as unknown as { printCalls: typeof calls }).printCalls = calls;
      window.print = () => {
        calls.count++;
      };
    });
    await page.click('[data-testid="report-print"]');
    expect(
      await page.evaluate(() => (window as unknown as { printCalls: { count: number } }).printCalls.count),
    ).toBe(1);
    await page.click('[data-testid="report-close"]');
    expect(await page.locator('[data-testid="report"]').count()).toBe(0);
    // The page prints as itself again once the report is closed.
    await page.emulateMedia({ media: 'print' });
    const rootVisible = await page.locator('#root').isVisible();
    await page.emulateMedia({ media: 'screen' });
    expect(rootVisible).toBe(true);
  });

  it('makes no request that leaves the local server and logs no error', () => {
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
