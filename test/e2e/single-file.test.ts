/**
 * The single-file build (`npm run build:single`) opened from disk in headless Chromium with no
 * network: dist-single/index.html alone shows the sample plan classified and drawn, under its own
 * Content-Security-Policy, makes no http(s) request at all, logs no error, and opens a plan file.
 * Writes test/output/single-file.png.
 */

import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { samplePlotCount } from '../support/sample-set.ts';
import { countColor, decodePng, distinctColors, type Pixels } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const VIEWPORT = { width: 1600, height: 900 };
const PLOTS_IN_SAMPLE = samplePlotCount();
const STATUS_COLORS = { control: '#1f9e3a', boundary: '#1f64d6', outside: '#e3001b' };
describeInBrowser('the single-file build opened from disk', () => {
  const planner = usePlanner({
    singleFile: true,
    viewport: VIEWPORT,
    waitFor: 'labels',
    legendTimeoutMs: 90_000,
  });
  let page: Page;
  let screenshot: Pixels;
  let pageFile: string;

  beforeAll(async () => {
    page = planner.page;
    pageFile = planner.pageFile ?? '';
    screenshot = decodePng(await planner.screenshot('single-file.png'));
  });

  it('is one HTML file with its script and style inline and a policy that admits no origin', () => {
    const html = readFileSync(pageFile, 'utf8');
    expect(statSync(pageFile).size).toBeLessThan(20 * 1024 * 1024);
    // The page without the text of its inline script and style (which hold markup-like strings).
    const shell = html
      .replace(/<script type="module">[\s\S]*<\/script>/, '<script type="module"></script>')
      .replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
    expect(shell.length).toBeLessThan(2000);
    expect(shell).toContain('<script type="module"></script>');
    expect(shell).toContain('<style></style>');
    // Nothing refers to a file; the icon is a data: URL, part of the page.
    expect(shell).not.toMatch(/\s(?:src|href)="(?!data:)/);
    expect(shell).toMatch(/<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml,/);
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/script-src 'sha256-[\w+/=]+'/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/https?:|'unsafe-inline'|'unsafe-eval'|\*/);
  });

  it('classifies and counts every plot of the sample', async () => {
    expect(await page.locator('.legend-total').getAttribute('data-total')).toBe(String(PLOTS_IN_SAMPLE));
    expect(await page.locator('[data-testid="sample-label"]').textContent()).toBe('示例数据（虚构）');
  });

  it('draws the map with the plots and the town names in the bundled font', async () => {
    // The county view's raster: the statuses whose colour shows at their plots' dots (within 8 px).
    // The sample has plots of all four statuses, about 5 % of them across a boundary.
    const statuses = await page.evaluate(async () => (await window.__planner?.drawnPlotDots(8))?.statuses);
    expect(statuses).toEqual(['boundary', 'control', 'crossing', 'outside']);
    const names = await page.evaluate(() => window.__planner?.renderedValues('town-labels', 'name') ?? []);
    expect(names).toContain('观海卫镇');
    expect(distinctColors(screenshot)).toBeGreaterThan(500);
    for (const [status, color] of Object.entries(STATUS_COLORS)) {
      expect(countColor(screenshot, color, 30), status).toBeGreaterThan(100);
    }
  });

  it('makes no http(s) request at all: only the file itself and data:/blob: URLs', () => {
    const { network } = planner;
    network.assertNoExternalRequests();
    const schemes = [...new Set(network.requests.map((request) => new URL(request.url).protocol))].sort();
    expect(schemes.every((scheme) => ['blob:', 'data:', 'file:'].includes(scheme))).toBe(true);
    const files = network.requests.filter((request) => request.url.startsWith('file:'));
    expect(files.map((request) => request.url)).toEqual([pathToFileURL(pageFile).href]);
  });

  it('opens a plan file saved from it', async () => {
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="plan-save"]'),
    ]);
    const path = await saved.path();
    await page.setInputFiles('[data-testid="plan-input"]', path);
    // The file saved from the sample records its layers as sample data: opened, it keeps the label.
    const opened = page.locator('[data-testid="notice"]');
    await expect.poll(() => opened.textContent(), { timeout: 90_000 }).toContain('已打开规划');
    expect(await page.locator('[data-testid="sample-label"]').textContent()).toBe('示例数据（虚构）');
    await page.locator('.legend-total').waitFor({ timeout: 60_000 });
    expect(await page.locator('.legend-total').getAttribute('data-total')).toBe(String(PLOTS_IN_SAMPLE));
  });

  it('logs no error (a blocked script, worker, font or fetch would show here)', () => {
    expectNoPageProblems(planner.problems, { warnings: true });
  });
});
