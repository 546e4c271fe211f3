/**
 * Plan files (*.plan.json) from and to the page: save writes the layers, scenarios, settings, view
 * and slides; open checks the file first and changes nothing when it is damaged or foreign.
 */

import { parsePlanFile } from '../core/plan/parse-plan-file.ts';
import { PLAN_FORMAT, PLAN_VERSION, type PlanFile, serializePlan } from '../core/plan/plan-file.ts';
import { planWarningsNotice } from '../core/plan/plan-warnings-notice.ts';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import { download, fileNameFor } from '../export/download.ts';
import type { PlannerStore } from '../state/store.ts';
import { openPlan } from './plan-jobs.ts';

/** The plan as a plan file, or null before a plan is open. */
export function currentPlanFile(store: PlannerStore): PlanFile | null {
  const state = store.getState();
  if (!state.layers) return null;
  const plan: PlanFile = {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    name: state.planName,
    createdAt: new Date().toISOString(),
    settings: state.analysis?.settings ?? DEFAULT_SETTINGS,
    layers: { boundary: state.layers.boundary, control: state.layers.control, plots: state.layers.plots },
    scenarios: state.scenarioSet.scenarios,
    activeScenarioId: state.scenarioSet.activeScenarioId,
  };
  if (state.view) plan.view = state.view;
  if (state.slides.length > 0) plan.slides = state.slides;
  return plan;
}

/** Offers the plan as a *.plan.json download. */
export function savePlanFile(store: PlannerStore): void {
  const plan = currentPlanFile(store);
  if (!plan) return;
  download(
    new Blob([serializePlan(plan)], { type: 'application/json' }),
    fileNameFor(plan.name, '.plan.json'),
  );
}

/** Opens a plan file; a damaged or foreign file gets a notice and leaves the current plan as it is. */
export async function openPlanFile(store: PlannerStore, file: File): Promise<boolean> {
  const parsed = parsePlanFile(await file.text(), file.name);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 5);
    store.getState().setNotice({
      kind: 'error',
      message: {
        zh: `无法打开规划文件 ${file.name}，当前规划保持不变：\n${shown.map((p) => p.message.zh).join('\n')}`,
        en: `Cannot open the plan file ${file.name}; the current plan is unchanged:\n${shown.map((p) => p.message.en).join('\n')}`,
      },
    });
    return false;
  }
  const opened = await applyPlanFile(store, parsed.plan);
  // The same warnings the command line prints (actions on unknown plots dropped, zones left out, …).
  const warnings = planWarningsNotice(file.name, parsed.warnings);
  if (opened && warnings) store.getState().setNotice({ kind: 'info', message: warnings });
  return opened;
}

/** Analyses a plan file's layers and, once that succeeded, makes it the current plan. */
export async function applyPlanFile(store: PlannerStore, plan: PlanFile): Promise<boolean> {
  const opened = await openPlan(store, { ...plan.layers, label: null }, plan.settings);
  if (!opened) return false;
  const state = store.getState();
  state.setScenarioSet({ scenarios: plan.scenarios, activeScenarioId: plan.activeScenarioId });
  state.setPlanName(plan.name);
  state.setSlides(plan.slides ?? []);
  if (plan.view) state.requestView(plan.view);
  return true;
}
