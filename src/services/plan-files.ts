/**
 * Plan files (*.plan.json) from and to the page: save writes the layers, scenarios, settings, view,
 * slides, comments and a town part's origin; open checks the file first and changes nothing when it is damaged or foreign.
 */

import { type ParsePlanResult, parsePlanFile } from '../core/plan/parse-plan-file.ts';
import { PLAN_FORMAT, PLAN_VERSION, type PlanFile, serializePlan } from '../core/plan/plan-file.ts';
import { planWarningsNotice } from '../core/plan/plan-warnings-notice.ts';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import type { FeatureCollection, Message } from '../core/types.ts';
import { download, fileNameFor } from '../export/download.ts';
import type { PlannerState } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { openPlan, planPlotFeatures } from './plan-jobs.ts';

/**
 * The plan as a plan file, its plot features fetched from the analysis worker (the page keeps only
 * their outlines); null before a plan is open, or when the worker could not give them (a notice says why).
 */
export async function currentPlanFile(store: PlannerStore): Promise<PlanFile | null> {
  if (!store.getState().layers) return null;
  const features = await planPlotFeatures(store);
  if (!features) return null;
  return planFileOf(store.getState(), { type: 'FeatureCollection', features });
}

/** The plan of `state` as a plan file with these plot features; null before a plan is open. */
export function planFileOf(state: PlannerState, plots: FeatureCollection): PlanFile | null {
  if (!state.layers) return null;
  const settings = state.analysis?.settings ?? DEFAULT_SETTINGS;
  const plan: PlanFile = {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    name: state.planName,
    createdAt: new Date().toISOString(),
    settings: {
      tolerance: settings.tolerance,
      screening: settings.screening,
      classLimits: settings.classLimits,
      ...state.planning,
    },
    layers: { boundary: state.layers.boundary, control: state.layers.control, plots },
    scenarios: state.scenarioSet.scenarios,
    activeScenarioId: state.scenarioSet.activeScenarioId,
    comments: state.comments,
  };
  if (state.view) plan.view = state.view;
  if (state.slides.length > 0) plan.slides = state.slides;
  if (state.contextLayers.length > 0)
    plan.contextLayers = state.contextLayers.map(({ id: _id, ...layer }) => layer);
  if (state.layers.origins) plan.layerOrigins = state.layers.origins;
  // The accepted suggestions of the scenarios the plan still has (one undone is left behind).
  const suggestions = Object.fromEntries(
    Object.entries(state.suggestions).filter(([id]) => state.scenarioSet.scenarios.some((s) => s.id === id)),
  );
  if (Object.keys(suggestions).length > 0) plan.suggestions = suggestions;
  if (state.derivedFrom) plan.derivedFrom = state.derivedFrom;
  return plan;
}

/** What a plan file holds, for the confirmations: "3,000 个地块、2 个情景方案". */
function planContents(plan: PlanFile): Message {
  const plots = plan.layers.plots.features.length;
  const scenarios = plan.scenarios.length;
  return {
    zh: `${plots.toLocaleString('zh-CN')} 个地块、${scenarios} 个情景方案`,
    en: `${plots.toLocaleString('en')} plot${plots === 1 ? '' : 's'}, ${scenarios} scenario${scenarios === 1 ? '' : 's'}`,
  };
}

/** Offers the plan as a *.plan.json download, and says so. */
export async function savePlanFile(store: PlannerStore): Promise<void> {
  const plan = await currentPlanFile(store);
  if (!plan) return;
  const fileName = fileNameFor(plan.name, '.plan.json');
  download(new Blob([serializePlan(plan)], { type: 'application/json' }), fileName);
  const contents = planContents(plan);
  store.getState().setNotice({
    kind: 'done',
    message: {
      zh: `已保存规划“${plan.name}”到文件 ${fileName}（${contents.zh}），请在浏览器的下载中查看。`,
      en: `Saved the plan “${plan.name}” as ${fileName} (${contents.en}); see the browser’s downloads.`,
    },
  });
}

/**
 * A picked plan file, read and checked; when it cannot be taken, an error notice (`refused`, which
 * says what did not happen, then the file's first five problems) and null.
 */
export async function readPlanFileOrSay(
  store: PlannerStore,
  file: File,
  refused: Message,
): Promise<Extract<ParsePlanResult, { ok: true }> | null> {
  const parsed = parsePlanFile(await file.text(), file.name);
  if (parsed.ok) return parsed;
  const shown = parsed.problems.slice(0, 5);
  store.getState().setNotice({
    kind: 'error',
    message: {
      zh: `${refused.zh}：\n${shown.map((p) => p.message.zh).join('\n')}`,
      en: `${refused.en}:\n${shown.map((p) => p.message.en).join('\n')}`,
    },
  });
  return null;
}

/** Opens a plan file; a damaged or foreign file gets a notice and leaves the current plan as it is. */
export async function openPlanFile(store: PlannerStore, file: File): Promise<boolean> {
  const parsed = await readPlanFileOrSay(store, file, {
    zh: `无法打开规划文件 ${file.name}，当前规划保持不变`,
    en: `Cannot open the plan file ${file.name}; the current plan is unchanged`,
  });
  if (!parsed) return false;
  const opened = await applyPlanFile(store, parsed.plan);
  if (!opened) return false;
  const contents = planContents(parsed.plan);
  const confirmation: Message = {
    zh: `已打开规划“${parsed.plan.name}”（文件 ${file.name}：${contents.zh}）。`,
    en: `Opened the plan “${parsed.plan.name}” (file ${file.name}: ${contents.en}).`,
  };
  // The same warnings the command line prints (actions on unknown plots dropped, zones left out, …).
  const warnings = planWarningsNotice(file.name, parsed.warnings);
  store.getState().setNotice({
    // Warnings stay until read; a plain confirmation goes by itself.
    kind: warnings ? 'info' : 'done',
    message: warnings
      ? { zh: `${confirmation.zh}\n${warnings.zh}`, en: `${confirmation.en}\n${warnings.en}` }
      : confirmation,
  });
  return true;
}

/**
 * Analyses a plan file's layers and, once that succeeded, makes it the current plan; `unsaved`: its
 * layers are not autosaved (a review bundle's plan).
 */
export async function applyPlanFile(
  store: PlannerStore,
  plan: PlanFile,
  options: { unsaved?: true } = {},
): Promise<boolean> {
  // A file saved before origins were kept leaves them unknown (no sample label, no credits).
  const layers = { ...plan.layers, origins: plan.layerOrigins ?? null };
  const opened = await openPlan(store, layers, plan.settings, options);
  if (!opened) return false;
  const state = store.getState();
  state.setScenarioSet({ scenarios: plan.scenarios, activeScenarioId: plan.activeScenarioId });
  state.setSuggestions(plan.suggestions ?? {});
  state.setPlanName(plan.name);
  state.setPlanning({
    horizon: plan.settings.horizon,
    targets: plan.settings.targets,
    suggestion: plan.settings.suggestion,
  });
  state.setSlides(plan.slides ?? []);
  state.setContextLayers(plan.contextLayers ?? []);
  state.setComments(plan.comments);
  state.setDerivedFrom(plan.derivedFrom ?? null);
  if (plan.view) state.requestView(plan.view);
  return true;
}
