/**
 * The plan suggestion run from the page: the rows, the base scenario's zone measures and the plan's
 * planning settings go to the suggestion worker (src/worker/suggest-worker.ts). HiGHS's WebAssembly
 * is an asset of the build that the `highs` loader finds beside its own chunk (Vite rewrites its
 * `new URL('highs.wasm', import.meta.url)`): a file on the app's own server, or a data: URL inside the
 * single-file build; never another origin. The store changes only when the run ends; a cancel
 * restarts the worker and leaves the plan as it was.
 */

import { columnsOfRows } from '../core/analysis/plot-row-columns.ts';
import type { Message } from '../core/types.ts';
import { selectZoneMeasures } from '../state/scenario-selectors.ts';
import type { PlannerStore } from '../state/store.ts';
import { createWorkerClient, type WorkerClient, type WorkerLike } from '../worker/create-worker-client.ts';
import type { SuggestApi } from '../worker/suggest-api.ts';
import { CancelledError, JobError } from '../worker/worker-api.ts';

/** Seconds a run may take by default (the best plan found by then comes with its proven gap). */
export const SUGGEST_TIME_LIMIT_S = 60;

let client: WorkerClient<SuggestApi> | null = null;
let runs = 0;

function startWorker(): WorkerLike {
  return new Worker(new URL('../worker/suggest-worker.ts', import.meta.url), { type: 'module' });
}

function suggestClient(createWorker: () => WorkerLike): WorkerClient<SuggestApi> {
  client ??= createWorkerClient<SuggestApi>(createWorker, {
    workerFailure: (message) => ({
      zh: `方案建议程序出错：${message}`,
      en: `The suggestion worker failed: ${message}`,
    }),
    oneCallAtATime: true,
  });
  return client;
}

export interface SuggestRunOptions {
  timeLimitS?: number;
  /** Starts the worker (a test gives one on a MessageChannel). */
  createWorker?: () => WorkerLike;
}

/**
 * Runs the suggestion from the scenario `baseScenarioId` with the plan's planning settings; the result
 * lands in the store's `suggestRun`. Resolves when the run has ended (done, failed or cancelled).
 */
export async function runSuggestion(
  store: PlannerStore,
  baseScenarioId: string,
  options: SuggestRunOptions = {},
): Promise<void> {
  const state = store.getState();
  const base = state.scenarioSet.scenarios.find((s) => s.id === baseScenarioId);
  if (!state.analysis || !base || state.suggestRun?.state === 'running') return;
  const run = ++runs;
  state.startSuggestRun(baseScenarioId);
  try {
    const result = await suggestClient(options.createWorker ?? startWorker).api.suggest(
      {
        rows: columnsOfRows(state.analysis.rows),
        zoneMeasures: selectZoneMeasures(state, base.id),
        base,
        planning: state.planning,
        timeLimitS: options.timeLimitS ?? SUGGEST_TIME_LIMIT_S,
      },
      {
        onProgress: (progress, stage) => {
          if (run === runs) store.getState().setSuggestProgress(progress, stage);
        },
      },
    );
    if (run === runs) store.getState().finishSuggestRun({ result });
  } catch (error) {
    if (run !== runs) return;
    if (error instanceof CancelledError) return store.getState().finishSuggestRun(null);
    const message: Message =
      error instanceof JobError
        ? error.userMessage
        : {
            zh: `出错了：${(error as Error).message}`,
            en: `Something went wrong: ${(error as Error).message}`,
          };
    store.getState().finishSuggestRun({ error: message });
  }
}

/** Stops the running suggestion: the worker is restarted, the plan stays as it was. */
export function cancelSuggestion(): void {
  client?.cancel();
}

/** Ends the worker (tests). */
export function stopSuggestWorker(): void {
  client?.destroy();
  client = null;
}
