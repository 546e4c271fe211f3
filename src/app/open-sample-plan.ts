import type { PlannerStore } from '../state/store.ts';
import { openPlan } from './plan-jobs.ts';

let opening: Promise<void> | null = null;

/**
 * Loads the bundled sample plan (a chunk of its own) and opens it, analysed in the worker, in
 * `store`. Called twice (React's StrictMode runs effects twice in development), it opens it once.
 */
export function openSamplePlan(store: PlannerStore): Promise<void> {
  opening ??= (async () => {
    const { loadSamplePlan } = await import('./sample-plan.ts');
    if (store.getState().layers) return;
    await openPlan(store, loadSamplePlan());
  })();
  return opening;
}
