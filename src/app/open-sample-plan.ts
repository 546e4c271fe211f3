import { analyzePlan } from '../core/analysis/analyze-plan.ts';
import type { PlannerStore } from '../state/store.ts';

/** Loads the bundled sample plan (a chunk of its own), classifies its plots and opens it in `store`. */
export async function openSamplePlan(store: PlannerStore): Promise<void> {
  const { loadSamplePlan } = await import('./sample-plan.ts');
  if (store.getState().layers) return;
  const layers = loadSamplePlan();
  store.getState().openPlan(layers, analyzePlan(layers));
}
