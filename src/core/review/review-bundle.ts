/**
 * The review bundle (审阅包): the single-file app (`npm run build:single`) with a plan file inside, as
 * a JSON data block `<script type="application/json" id="planner-review-plan">` before `</body>`.
 * A data block is never run, so the page's Content-Security-Policy (which admits only the app's own
 * script by its hash) stays as it is; the page finds the block at start and opens the plan in review
 * mode (docs/review-bundle.md). The same functions serve `npm run bundle` and 导出 → 审阅包.
 */

import { type PlanFile, serializePlan } from '../plan/plan-file.ts';
import { hashText } from '../plan/plan-fingerprint.ts';

/** The id of the element that holds the plan in a review bundle. */
export const REVIEW_PLAN_ELEMENT_ID = 'planner-review-plan';

/** Any plan block already in a page (a bundle made from a bundle holds one plan, the new one). */
const PLAN_BLOCK_RE = new RegExp(
  `<script type="application/json" id="${REVIEW_PLAN_ELEMENT_ID}"[^>]*>[\\s\\S]*?</script>\\n?`,
  'g',
);

/**
 * Why `html` is not the single-file app a bundle can be made of, or null when it is: one inline
 * module script, no script or stylesheet loaded from a file, a body to put the plan in.
 */
export function singleFileAppProblem(html: string): string | null {
  if (!/<script type="module">/.test(html)) return 'it has no inline module script';
  if (/<script[^>]*\ssrc=/.test(html)) return 'it loads its script from another file';
  if (/<link[^>]*rel="stylesheet"/.test(html)) return 'it loads a stylesheet from another file';
  if (!html.includes('</body>')) return 'it has no </body>';
  return null;
}

/**
 * The plan's JSON as the content of a data block: every `<` written `\u003c` (JSON reads it back the
 * same, and neither `</script>` nor `<!--` can then end or confuse the element).
 * @example planBlockText('{"name":"</script>"}') // '{"name":"\\u003c/script>"}'
 */
export function planBlockText(planText: string): string {
  return planText.replace(/</g, '\\u003c');
}

/**
 * The review bundle: `appHtml` (the single-file app) holding `planText` (a plan file's JSON) for
 * review. A plan block already in `appHtml` is replaced.
 * @param key what names the plan in the reviewer's browser (comments are kept under it): reviewPlanKey
 * @throws when `appHtml` is not the single-file app (singleFileAppProblem)
 */
export function embedReviewPlan(appHtml: string, planText: string, key: string): string {
  const problem = singleFileAppProblem(appHtml);
  if (problem) throw new Error(`The page is not the single-file app a review bundle is made of: ${problem}.`);
  const page = appHtml.replace(PLAN_BLOCK_RE, '');
  const block = `<script type="application/json" id="${REVIEW_PLAN_ELEMENT_ID}" data-plan-key="${key}">${planBlockText(planText)}</script>\n`;
  const at = page.lastIndexOf('</body>');
  return `${page.slice(0, at)}${block}${page.slice(at)}`;
}

/**
 * What names a bundle's plan in the reviewer's browser (its comments are kept under it): the cyrb53
 * hash (plan-fingerprint.ts) of the plan file as written, but for when it was written. The same plan bundled twice keeps its comments.
 */
export function reviewPlanKey(plan: PlanFile): string {
  return hashText(serializePlan({ ...plan, createdAt: '' }));
}
