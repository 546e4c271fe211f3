/**
 * A review bundle (docs/review-bundle.md) opened: the plan in its data block is opened (its layers kept
 * from the autosave, so that the planner's own plan on this computer stays as it is) and the page
 * enters review mode, in which the store refuses every edit (state/review-guard.ts).
 */

import { parsePlanFile } from '../core/plan/parse-plan-file.ts';
import { REVIEW_PLAN_ELEMENT_ID } from '../core/review/review-bundle.ts';
import { reviewText } from '../i18n/review-messages.ts';
import type { PlannerStore } from '../state/store.ts';
import { applyPlanFile } from './plan-files.ts';

/** What a review bundle holds: its plan file's text and the plan's key; null on the planner's own page. */
export interface EmbeddedReviewPlan {
  text: string;
  key: string;
}

/** The plan of the review bundle this page is, or null when it is not one. */
export function embeddedReviewPlan(doc: Document = document): EmbeddedReviewPlan | null {
  const element = doc.getElementById(REVIEW_PLAN_ELEMENT_ID);
  if (!element) return null;
  return { text: element.textContent ?? '', key: element.getAttribute('data-plan-key') ?? '' };
}

/**
 * Opens the bundle's plan and enters review mode. A damaged plan leaves the page in review mode with
 * no plan and a notice naming the problems (never the planner's own autosaved plan instead).
 */
export async function openReviewPlan(store: PlannerStore, embedded: EmbeddedReviewPlan): Promise<boolean> {
  const parsed = parsePlanFile(embedded.text, '审阅包 / review bundle');
  if (parsed.ok && (await applyPlanFile(store, parsed.plan, { unsaved: true }))) {
    store.getState().enterReview(embedded.key);
    return true;
  }
  const problems = parsed.ok ? [] : parsed.problems.slice(0, 5).map((problem) => problem.message);
  store.getState().enterReview(embedded.key);
  store.getState().setNotice({
    kind: 'error',
    message: {
      zh: reviewText('zh-CN', 'review.openFailed', { problems: problems.map((m) => m.zh).join('\n') }),
      en: reviewText('en', 'review.openFailed', { problems: problems.map((m) => m.en).join('\n') }),
    },
  });
  return false;
}
