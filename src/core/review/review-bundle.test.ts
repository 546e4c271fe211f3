import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../plan/parse-plan-file.ts';
import { serializePlan } from '../plan/plan-file.ts';
import {
  embedReviewPlan,
  planBlockText,
  REVIEW_PLAN_ELEMENT_ID,
  reviewPlanKey,
  singleFileAppProblem,
} from './review-bundle.ts';

/** The shape of the single-file app (scripts/build-single.ts): one inline module script and style. */
const APP = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-x'" />
    <script type="module">console.log('</' + 'script>')</script>
    <style>body{}</style>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

function plan() {
  const text = readFileSync(
    new URL('../../../test/fixtures/plans/small-v2.plan.json', import.meta.url),
    'utf8',
  );
  const parsed = parsePlanFile(text, 'small-v2.plan.json');
  if (!parsed.ok) throw new Error('fixture');
  return parsed.plan;
}

/** The text of the plan block, as a browser's textContent would give it. */
function blockOf(page: string): { text: string; key: string | undefined } {
  const match = new RegExp(
    `<script type="application/json" id="${REVIEW_PLAN_ELEMENT_ID}" data-plan-key="(\\w+)">([\\s\\S]*?)</script>`,
  ).exec(page);
  if (!match) throw new Error('no plan block');
  return { key: match[1], text: match[2] as string };
}

describe('the review bundle', () => {
  it('holds the plan in a data block before </body> that reads back as the same plan', () => {
    const source = plan();
    source.name = '审阅 </script><!-- $& 方案';
    const text = serializePlan(source);
    const page = embedReviewPlan(APP, text, reviewPlanKey(source));
    const block = blockOf(page);
    // No "<" inside the block: neither </script> nor <!-- can end or confuse it.
    expect(block.text).not.toContain('<');
    expect(JSON.parse(block.text)).toEqual(JSON.parse(text));
    expect(page.indexOf(block.text)).toBeLessThan(page.lastIndexOf('</body>'));
    expect(page.indexOf('<div id="root">')).toBeLessThan(page.indexOf(block.text));
    // The app itself is untouched (its script's hash stays right).
    expect(page.replace(/<script type="application\/json"[\s\S]*?<\/script>\n/, '')).toBe(APP);
  });

  it('replaces the plan of a bundle made from a bundle', () => {
    const first = embedReviewPlan(APP, '{"a":1}', 'k1');
    const second = embedReviewPlan(first, '{"b":2}', 'k2');
    expect(second.match(new RegExp(REVIEW_PLAN_ELEMENT_ID, 'g'))).toHaveLength(1);
    expect(blockOf(second)).toEqual({ key: 'k2', text: '{"b":2}' });
  });

  it('refuses a page that is not the single-file app', () => {
    const served = APP.replace(
      '</head>',
      '<script type="module" crossorigin src="./assets/i.js"></script></head>',
    );
    expect(singleFileAppProblem(served)).toMatch(/another file/);
    expect(() => embedReviewPlan(served, '{}', 'k')).toThrow(/not the single-file app/);
    expect(singleFileAppProblem('<html></html>')).toMatch(/no inline module script/);
    expect(singleFileAppProblem(APP)).toBeNull();
  });

  it('names a plan by its content, whenever it was written', () => {
    const a = plan();
    const b = { ...plan(), createdAt: '2030-01-01T00:00:00.000Z' };
    expect(reviewPlanKey(a)).toMatch(/^[0-9a-f]{14}$/);
    expect(reviewPlanKey(b)).toBe(reviewPlanKey(a));
    expect(reviewPlanKey({ ...a, name: '另一个' })).not.toBe(reviewPlanKey(a));
  });

  it('escapes only "<" in the block', () => {
    expect(planBlockText('{"x":"a<b>c"}')).toBe('{"x":"a\\u003cb>c"}');
  });
});
