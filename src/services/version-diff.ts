/**
 * 版本对比 from the page: a saved plan file is read here and analysed by the version-comparison
 * worker (src/worker/diff-worker.ts); each comparison sends the current plan (its plot features only
 * when its layers changed since the worker last analysed them) and puts the diff into the store.
 */

import { pickScenario } from '../core/diff/diff-plans.ts';
import type { Scenario } from '../core/scenario/scenario.ts';
import type { Message } from '../core/types.ts';
import type { PlanLayers } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { createWorkerClient, type WorkerClient } from '../worker/create-worker-client.ts';
import type { DiffApi } from '../worker/diff-api.ts';
import { JobError, type ProgressListener } from '../worker/worker-api.ts';
import { planFileOf, readPlanFileOrSay } from './plan-files.ts';
import { planPlotFeatures } from './plan-jobs.ts';

let client: WorkerClient<DiffApi> | null = null;

async function diffClient(): Promise<WorkerClient<DiffApi>> {
  if (client) return client;
  const { startDiffWorker } = await import('./start-diff-worker.ts');
  client ??= createWorkerClient<DiffApi>(startDiffWorker, {
    workerFailure: (message) => ({
      zh: `版本对比程序出错：${message}`,
      en: `The comparison worker failed: ${message}`,
    }),
  });
  return client;
}

/** A name for each set of layers the page opens, so that the worker analyses each only once. */
const layersKeys = new WeakMap<PlanLayers, string>();
let nextLayersKey = 1;

function layersKeyOf(layers: PlanLayers): string {
  let key = layersKeys.get(layers);
  if (!key) {
    key = `layers-${nextLayersKey++}`;
    layersKeys.set(layers, key);
  }
  return key;
}

function failure(error: unknown): Message {
  return error instanceof JobError
    ? error.userMessage
    : { zh: `出错了：${(error as Error).message}`, en: `Something went wrong: ${(error as Error).message}` };
}

/** The saved scenario compared with `current` by default: the same id, else the same name, else the file's active one. */
export function matchingScenario(
  scenarios: readonly Scenario[],
  activeId: string,
  current: Scenario | undefined,
): string {
  const same = scenarios.find((s) => s.id === current?.id) ?? scenarios.find((s) => s.name === current?.name);
  return (same ?? pickScenario({ scenarios: [...scenarios], activeScenarioId: activeId }))?.id ?? '';
}

/**
 * Reads a saved plan file and hands it to the worker; a damaged or foreign file gets a notice and
 * changes nothing. Resolves true when it was taken.
 */
export async function chooseSavedPlan(
  store: PlannerStore,
  file: File,
  onProgress?: ProgressListener,
): Promise<boolean> {
  const parsed = await readPlanFileOrSay(store, file, {
    zh: `无法读取规划文件 ${file.name}，未进行版本对比`,
    en: `Cannot read the plan file ${file.name}; nothing was compared`,
  });
  if (!parsed) return false;
  const { plan } = parsed;
  if (plan.scenarios.length === 0) {
    store.getState().setNotice({
      kind: 'error',
      message: {
        zh: `规划文件 ${file.name} 中没有任何方案，无法对比。`,
        en: `The plan file ${file.name} holds no scenario to compare.`,
      },
    });
    return false;
  }
  try {
    await (await diffClient()).api.openSaved({ plan }, { ...(onProgress ? { onProgress } : {}) });
  } catch (error) {
    store.getState().setNotice({ kind: 'error', message: failure(error) });
    return false;
  }
  const state = store.getState();
  const current = state.scenarioSet.scenarios.find((s) => s.id === state.scenarioSet.activeScenarioId);
  state.setSavedPlan({
    fileName: file.name,
    name: plan.name,
    scenarios: plan.scenarios,
    scenarioId: matchingScenario(plan.scenarios, plan.activeScenarioId, current),
  });
  return true;
}

/**
 * Compares the saved plan's chosen scenario with the active scenario of the current plan and puts
 * the diff into the store. Resolves false when there was nothing to compare or it failed (a notice
 * says why); a comparison overtaken by a newer one is dropped.
 */
export function compareWithSaved(store: PlannerStore, onProgress?: ProgressListener): Promise<boolean> {
  // One after the other: each may rely on the layers the worker analysed for the one before.
  const next = comparing.then(() => compareNow(store, onProgress));
  comparing = next.catch(() => false);
  return next;
}

let comparing: Promise<boolean> = Promise.resolve(true);

async function compareNow(store: PlannerStore, onProgress?: ProgressListener): Promise<boolean> {
  const state = store.getState();
  const saved = state.savedPlan;
  const scenarioId = state.scenarioSet.activeScenarioId;
  if (!saved || !state.layers || !scenarioId) return false;
  const layersKey = layersKeyOf(state.layers);
  const api = (await diffClient()).api;
  try {
    const known = await api.hasLayers({ layersKey });
    const features = known ? [] : await planPlotFeatures(store);
    if (!features) return false;
    const plan = planFileOf(store.getState(), { type: 'FeatureCollection', features });
    if (!plan) return false;
    const diff = await api.diff(
      { plan, layersKey, scenarioId, savedScenarioId: saved.scenarioId },
      { ...(onProgress ? { onProgress } : {}) },
    );
    // The planner chose another file or scenario meanwhile: that comparison follows.
    const now = store.getState();
    if (now.savedPlan?.scenarios !== saved.scenarios || now.savedPlan.scenarioId !== saved.scenarioId)
      return false;
    now.setVersionDiff({ diff, scenarioId, savedScenarioId: saved.scenarioId });
    return true;
  } catch (error) {
    store.getState().setNotice({ kind: 'error', message: failure(error) });
    return false;
  }
}
