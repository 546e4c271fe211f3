import type { PlannerStore } from '../state/store.ts';
import { restoreAutosave } from './autosave.ts';
import { openPlan } from './plan-jobs.ts';
import { type EmbeddedReviewPlan, openReviewPlan } from './review-plan.ts';

let opening: Promise<void> | null = null;

/**
 * Opens the review bundle's plan in review mode when the page is one (`review`); else the
 * autosaved plan if there is one, else the bundled sample plan (a chunk of its own), analysed in the
 * worker. Called twice (React's StrictMode runs effects twice in development), it opens once.
 */
export function openStartPlan(store: PlannerStore, review: EmbeddedReviewPlan | null = null): Promise<void> {
  opening ??= review
    ? openReviewPlan(store, review).then(() => undefined)
    : restoreAutosave(store, async () => {
        const { loadSamplePlan } = await import('../bundled/sample-plan.ts');
        if (!store.getState().layers) await openPlan(store, loadSamplePlan());
      });
  return opening;
}
