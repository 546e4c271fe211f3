/**
 * The review bundle (审阅包) and comments (批注), in a Chromium whose fontconfig knows DejaVu only,
 * every page from file://: the planner's single-file app opens a plan with two scenarios and slides
 * and exports it as a review bundle; the bundle opened from disk shows the plan's name and indicators
 * in review mode, allows no edit (no control, and the store refuses), records a comment on a plot
 * and exports it; the planner's app imports it, lists it and pins it on the map. No request leaves.
 * Writes test/output/review-bundle-review.png and test/output/review-bundle-planner.png.
 */

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type PageProblems, watchPage } from '../support/browser.ts';
import { dejaVuSingleFile, missingDejaVu } from '../support/dejavu-fontconfig.ts';
import { saveOutput, waitForPlanner } from '../support/planner-harness.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const VIEWPORT = { width: 1600, height: 900 };
const FIXTURE = new URL('../fixtures/plans/small-v2.plan.json', import.meta.url);
const PLAN_NAME = '东山头村审阅样例（虚构）';
/** Controls that edit the plan: none may show in review mode. */
const EDITING_CONTROLS = [
  'import-button',
  'plan-open',
  'plan-menu-button',
  'scenario-new',
  'scenario-duplicate',
  'scenario-rename',
  'scenario-delete',
  'undo',
  'redo',
  'slide-record',
  'slide-up',
  'slide-down',
  'slide-delete',
  'context-add',
  'comment-resolve',
  'tab-suggest',
];

/** small-v2 (two scenarios, a receiving zone, actions) with a name and two slides. */
function writePlan(folder: string): string {
  const plan = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  plan.name = PLAN_NAME;
  const slide = (id: string, caption: string, scenarioId: string) => ({
    id,
    caption,
    camera: { center: [121.25, 30.2], zoom: 12, bearing: 0, pitch: 0 },
    layers: { boundary: true, control: true, plots: true },
    scenarioId,
  });
  plan.slides = [
    slide('slide-1', '示例方案全貌', 'scenario-1'),
    slide('slide-2', '空方案对照', 'scenario-2'),
  ];
  const path = join(folder, 'review-sample.plan.json');
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

/** Clicks and keeps the download it starts in `folder` under its suggested name (file:// needs the .html). */
async function saved(page: Page, folder: string, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describeInBrowser(
  'the review bundle, opened from disk with DejaVu only',
  { requires: [missingDejaVu] },
  () => {
    let folder = '';
    const planner = usePlanner(() => {
      folder = mkdtempSync(join(tmpdir(), 'planner-review-'));
      return dejaVuSingleFile(folder, VIEWPORT);
    });
    let app: Page;
    let review: Page;
    let reviewProblems: PageProblems;
    let bundleFile = '';
    let commentsFile = '';

    beforeAll(async () => {
      app = planner.page;
      await app.setInputFiles('[data-testid="plan-input"]', writePlan(folder));
      await app.waitForFunction(
        (name) =>
          document.querySelector('[data-testid="notice"]')?.textContent?.includes(`已打开规划“${name}”`),
        PLAN_NAME,
        { timeout: 90_000, polling: 250 },
      );
    }, 120_000);

    afterAll(() => {
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('exports the plan as one HTML file from the planner’s single-file app', async () => {
      await app.click('[data-testid="export-button"]');
      bundleFile = await saved(app, folder, () => app.click('[data-testid="export-review-bundle"]'));
      expect(bundleFile.endsWith('-审阅包.html')).toBe(true);
      expect(bundleFile).toContain(PLAN_NAME);
      const html = readFileSync(bundleFile, 'utf8');
      expect(statSync(bundleFile).size).toBeLessThan(20 * 1024 * 1024);
      expect(html.match(/<script type="application\/json" id="planner-review-plan"/g)).toHaveLength(1);
      // The app inside is the single file's: the same policy and script.
      const own = readFileSync(planner.pageFile ?? '', 'utf8');
      const script = (page: string) => /<script type="module">([\s\S]*?)<\/script>/.exec(page)?.[1];
      const policy = (page: string) =>
        /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];
      expect(script(html)).toBe(script(own));
      expect(policy(html)).toBe(policy(own));
      await expect
        .poll(() => app.locator('[data-testid="notice"]').textContent(), { timeout: 30_000 })
        .toContain('已导出审阅包');
    }, 120_000);

    it('opens straight into the plan in review mode: its name, its indicators, its slides', async () => {
      review = await planner.context.newPage();
      reviewProblems = watchPage(review, 'null');
      await review.goto(pathToFileURL(bundleFile).href);
      await waitForPlanner(review, 'legend', 90_000);
      expect(await review.locator('[data-testid="review-badge"]').textContent()).toBe('审阅模式');
      expect(await review.locator('[data-testid="review-plan-name"]').textContent()).toBe(PLAN_NAME);
      expect(await review.locator('.legend-total').getAttribute('data-total')).toBe('4');
      // No sample label: the bundle's plan, not the sample nor the planner's autosave.
      expect(await review.locator('[data-testid="sample-label"]').count()).toBe(0);
      await review.click('[data-testid="tab-scenario"]');
      const names = await review
        .locator('[data-indicator-name]')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-indicator-name')));
      expect(names).toEqual(expect.arrayContaining(['controlShare', 'renovatedMu', 'ledger']));
      const firstCard = review.locator('.scn-card').first();
      expect(await firstCard.textContent()).toMatch(/\d/);
      // Both scenarios can be looked at.
      await review.selectOption('[data-testid="scenario-select"]', 'scenario-2');
      await expect
        .poll(() => review.locator('[data-testid="scenario-select"]').inputValue())
        .toBe('scenario-2');
      await review.selectOption('[data-testid="scenario-select"]', 'scenario-1');
      await review.click('[data-testid="tab-slides"]');
      expect(await review.locator('[data-testid="slide-item"]').count()).toBe(2);
    }, 180_000);

    it('allows no edit: no editing control shows, the fields are disabled, and the store refuses', async () => {
      for (const testId of EDITING_CONTROLS)
        expect(await review.locator(`[data-testid="${testId}"]:visible`).count(), testId).toBe(0);
      expect(
        await review.locator('[data-testid="slide-caption"]').first().getAttribute('readonly'),
      ).not.toBeNull();
      await review.click('[data-testid="tab-scenario"]');
      expect(await review.locator('[data-section="actions"]:visible').count()).toBe(0);
      const enabled = await review
        .locator('[data-section="zones"] :is(input, select, button, textarea):enabled')
        .count();
      expect(enabled).toBe(0);
      const refused = await review.evaluate(() => {
        const store = window.__plannerInternals?.store;
        if (!store) throw new Error('no store');
        const before = store.getState().scenarioSet;
        const problem = store
          .getState()
          .edit({ type: 'rename-scenario', scenarioId: 'scenario-1', name: '改名' });
        store.getState().setPlanName('改名');
        store.getState().undo();
        return {
          problem: problem?.zh,
          same: store.getState().scenarioSet === before,
          name: store.getState().planName,
        };
      });
      expect(refused).toEqual({
        problem: expect.stringContaining('审阅模式下不能修改规划'),
        same: true,
        name: PLAN_NAME,
      });
    });

    it('records a comment on a plot, asking the reviewer’s name once, and keeps it through a reload', async () => {
      await review.click('[data-testid="tab-table"]');
      await review.click('tr[data-plot-index="0"]');
      await review.click('[data-testid="tab-comments"]');
      await review.fill('[data-testid="comment-author-input"]', '王审阅');
      await review.click('[data-testid="comment-author-ok"]');
      expect(await review.locator('[data-testid="comment-target"] option:checked').textContent()).toBe(
        '地块 GHW-001',
      );
      await review.fill('[data-testid="comment-text"]', '请核实该地块的拆除年份。');
      await review.click('[data-testid="comment-add"]');
      await expect.poll(() => review.locator('[data-testid="comment-item"]').count()).toBe(1);
      await review.click('[data-testid="comment-show"]');
      await review.evaluate(async () => window.__planner?.whenIdle());
      await expect
        .poll(() => review.evaluate(() => window.__planner?.renderedFeatureCount('comment-pins') ?? 0))
        .toBe(1);
      saveOutput('review-bundle-review.png', await review.screenshot({ type: 'png' }));
      await review.reload();
      await waitForPlanner(review, 'legend', 90_000);
      await review.click('[data-testid="tab-comments"]');
      await expect.poll(() => review.locator('[data-testid="comment-item"]').count()).toBe(1);
      // Asked once: the name is remembered.
      expect(await review.locator('[data-testid="comment-author"]').textContent()).toBe('王审阅');
    }, 180_000);

    it('exports the reviewer’s comments as a small *.comments.json', async () => {
      commentsFile = await saved(review, folder, () => review.click('[data-testid="comments-export"]'));
      expect(commentsFile).toMatch(/王审阅-\d{4}-\d\d-\d\d\.comments\.json$/);
      const file = JSON.parse(readFileSync(commentsFile, 'utf8'));
      expect(file).toMatchObject({
        format: 'industrial-land-plan-comments',
        version: 1,
        plan: { name: PLAN_NAME },
      });
      expect(file.comments).toEqual([
        expect.objectContaining({
          target: { kind: 'plot', id: 'GHW-001', scenario: 'scenario-1' },
          author: '王审阅',
          text: '请核实该地块的拆除年份。',
          status: 'open',
        }),
      ]);
      expect(statSync(commentsFile).size).toBeLessThan(2000);
    });

    it('is imported by the planner’s app: listed, pinned on the map, resolved', async () => {
      await app.bringToFront();
      await app.click('[data-testid="tab-comments"]');
      await app.setInputFiles('[data-testid="comments-input"]', commentsFile);
      await expect
        .poll(() => app.locator('[data-testid="notice"]').textContent(), { timeout: 30_000 })
        .toContain('导入 1 条批注');
      expect(await app.locator('[data-testid="comment-item"]').count()).toBe(1);
      expect(await app.locator('[data-testid="comment-item"] .comment-text').textContent()).toBe(
        '请核实该地块的拆除年份。',
      );
      await app.click('[data-testid="comment-show"]');
      await app.evaluate(async () => window.__planner?.whenIdle());
      await expect
        .poll(() => app.evaluate(() => window.__planner?.renderedFeatureCount('comment-pins') ?? 0))
        .toBe(1);
      saveOutput('review-bundle-planner.png', await app.screenshot({ type: 'png' }));
      await app.click('[data-testid="comment-resolve"]');
      expect(await app.locator('[data-testid="comment-item"]').getAttribute('data-status')).toBe('resolved');
      // Saved in the plan file (version 3), resolved.
      const planFile = await saved(app, folder, () => app.click('[data-testid="plan-save"]'));
      const plan = JSON.parse(readFileSync(planFile, 'utf8'));
      expect(plan.version).toBe(3);
      expect(plan.comments).toEqual([
        expect.objectContaining({
          text: '请核实该地块的拆除年份。',
          status: 'resolved',
          resolvedBy: '王审阅',
        }),
      ]);
      // Importing the same file again adds nothing.
      await app.setInputFiles('[data-testid="comments-input"]', commentsFile);
      await expect
        .poll(() => app.locator('[data-testid="notice"]').textContent(), { timeout: 30_000 })
        .toContain('导入 0 条批注');
      expect(await app.locator('[data-testid="comment-item"]').count()).toBe(1);
    }, 120_000);

    it('makes no request beyond the two files and their data:/blob: URLs', () => {
      planner.network.assertNoExternalRequests();
      const schemes = [...new Set(planner.network.requests.map((request) => new URL(request.url).protocol))];
      expect(schemes.every((scheme) => ['blob:', 'data:', 'file:'].includes(scheme))).toBe(true);
      const files = new Set(
        planner.network.requests.filter((r) => r.url.startsWith('file:')).map((r) => r.url),
      );
      expect([...files].sort()).toEqual(
        [pathToFileURL(planner.pageFile ?? '').href, pathToFileURL(bundleFile).href].sort(),
      );
    });

    it('logs no error on either page', () => {
      expectNoPageProblems(planner.problems);
      expectNoPageProblems(reviewProblems);
    });
  },
);
