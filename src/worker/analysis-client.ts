/**
 * The page's side of the analysis worker: the client derived from its function table, one job at a
 * time. A worker started after a cancel gets the plan's current layers again before its next job.
 */

import type { PlanLayerSet } from '../core/analysis/analyze-plan.ts';
import type { AnalysisApi } from './analysis-api.ts';
import { createWorkerClient, type WorkerClient, type WorkerLike } from './create-worker-client.ts';

export type AnalysisClient = WorkerClient<AnalysisApi>;

/**
 * @param createWorker starts a worker running analysis-worker.ts
 * @param currentLayers the plan's layers as the page has them, given to a restarted worker
 */
export function createAnalysisClient(
  createWorker: () => WorkerLike,
  currentLayers: () => PlanLayerSet | null,
): AnalysisClient {
  return createWorkerClient<AnalysisApi>(createWorker, {
    workerFailure: (message) => ({
      zh: `分析程序出错：${message}`,
      en: `The analysis worker failed: ${message}`,
    }),
    oneCallAtATime: true,
    afterRestart: (api, next) => {
      const layers = currentLayers();
      // Opening a plan replaces the layers anyway (and posting 100,000 plots costs the page a copy).
      // A failure here shows in the job that follows.
      if (layers && next !== 'open') api.setLayers(layers).catch(() => undefined);
    },
  });
}
