/**
 * The page's side of the analysis worker: the client derived from its function table, one job at a
 * time. A worker started after a cancel reads the plan's current layers back from IndexedDB before
 * its next job (the page holds no plot features to send it).
 */

import type { AnalysisSettings } from '../core/settings.ts';
import type { AnalysisApi } from './analysis-api.ts';
import { createWorkerClient, type WorkerClient, type WorkerLike } from './create-worker-client.ts';

export type AnalysisClient = WorkerClient<AnalysisApi>;

/**
 * @param createWorker starts a worker running analysis-worker.ts
 * @param currentPlan the key the worker saved the page's plan under (AnalysisResult.layersKey) and
 *   the settings it classified the plan with; null before one
 */
export function createAnalysisClient(
  createWorker: () => WorkerLike,
  currentPlan: () => { key: string; settings: AnalysisSettings } | null,
): AnalysisClient {
  return createWorkerClient<AnalysisApi>(createWorker, {
    workerFailure: (message) => ({
      zh: `分析程序出错：${message}`,
      en: `The analysis worker failed: ${message}`,
    }),
    oneCallAtATime: true,
    afterRestart: (api, next) => {
      const plan = currentPlan();
      // Opening or restoring a plan replaces the layers and settings anyway. When the layers cannot
      // be read back, the worker says so in every job that needs them.
      if (plan !== null && next !== 'open' && next !== 'restore') api.resume(plan).catch(() => undefined);
    },
  });
}
