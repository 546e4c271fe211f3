/**
 * The suggestion worker's function table (see expose-worker-api.ts): one operation, `suggest`, that
 * runs the plan suggestion (src/core/suggest) on the rows, zone measures, base scenario and planning
 * settings the page sends, reporting its stages and the best objective and bound found so far. The
 * page cancels a run by restarting the worker (HiGHS runs synchronously): nothing of the plan changes.
 */

import { type PlotRowColumns, rowsOfColumns } from '../core/analysis/plot-row-columns.ts';
import { type SuggestInput, suggestScenario } from '../core/suggest/suggest-scenario.ts';
import type { Suggestion, SuggestProgress } from '../core/suggest/suggestion.ts';
import type { Message } from '../core/types.ts';
import type { OperationContext } from './worker-api.ts';

export interface SuggestArgs extends Omit<SuggestInput, 'rows'> {
  /** The plan's rows as columns (plot-row-columns.ts): a clone of their arrays, not of 400 bytes a row. */
  rows: PlotRowColumns;
  /** Seconds the run may take. */
  timeLimitS?: number;
}

const STAGES: Record<SuggestProgress['stage'], Message> = {
  model: { zh: '正在建立模型', en: 'Building the model' },
  bound: { zh: '正在求下界', en: 'Proving the lower bound' },
  plan: { zh: '正在求方案', en: 'Finding the plan' },
  check: { zh: '正在用指标核验', en: 'Checking with the indicators' },
};

function figure(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(1);
}

/**
 * The stage as the user reads it, with the best objective and bound so far:
 * "正在求下界（目标值 1234.5，下界 1200.0）".
 */
export function progressStage(progress: SuggestProgress): Message {
  const stage = STAGES[progress.stage];
  if (progress.objective === null && progress.bound === null) return stage;
  return {
    zh: `${stage.zh}（目标值 ${figure(progress.objective)}，下界 ${figure(progress.bound)}）`,
    en: `${stage.en} (objective ${figure(progress.objective)}, bound ${figure(progress.bound)})`,
  };
}

export const suggestApi = {
  /** The suggestion for `args` (docs/suggest.md), with progress as the solver reports it. */
  async suggest(args: SuggestArgs, context: OperationContext): Promise<Suggestion> {
    const { timeLimitS, rows, ...input } = args;
    return suggestScenario(
      { ...input, rows: rowsOfColumns(rows) },
      {
        onProgress: (progress) => context.progress(progress.done, progressStage(progress)),
        ...(timeLimitS !== undefined ? { timeLimitS } : {}),
      },
    );
  },
};

export type SuggestApi = typeof suggestApi;
