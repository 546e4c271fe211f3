/**
 * The version-comparison worker's operations (版本对比): a saved plan file is analysed once when it is
 * chosen, the current plan each time its layers change; each diff then costs one scenario evaluation
 * per side. The page keeps neither analysis: the figures come back in the diff.
 */

import { analyzePlan, type PlanAnalysis } from '../core/analysis/analyze-plan.ts';
import { diffLayers, diffSides, evaluateSide, type PlanDiff } from '../core/diff/diff-plans.ts';
import type { PlanFile } from '../core/plan/plan-file.ts';
import type { Message } from '../core/types.ts';
import { JobError, type OperationContext } from './worker-api.ts';

interface AnalysedPlan {
  plan: PlanFile;
  analysis: PlanAnalysis;
}

/** The saved plan, and the current plan under the key the page gave its layers. */
let saved: AnalysedPlan | null = null;
let current: (AnalysedPlan & { key: string }) | null = null;

const STAGE = {
  saved: { zh: '正在分析已保存的规划…', en: 'Analysing the saved plan…' },
  current: { zh: '正在分析当前规划…', en: 'Analysing the current plan…' },
  compare: { zh: '正在比较两个版本…', en: 'Comparing the two versions…' },
} satisfies Record<string, Message>;

function analysed(plan: PlanFile, context: OperationContext, stage: Message, from: number): AnalysedPlan {
  const analysis = analyzePlan(plan.layers, plan.settings, {
    onProgress: (done) => context.progress(from + done * 0.4, stage),
  });
  return { plan, analysis };
}

export const diffApi = {
  /** Keeps and analyses the saved plan file the page read. */
  openSaved(args: { plan: PlanFile }, context: OperationContext): true {
    saved = analysed(args.plan, context, STAGE.saved, 0);
    return true;
  },

  /**
   * The diff from the saved plan's scenario to the current plan's.
   * @param layersKey names the current layers: while it is the same, `plan.layers` may be left empty
   *   and the analysis made for it before is used
   */
  diff(
    args: { plan: PlanFile; layersKey: string; scenarioId: string; savedScenarioId: string },
    context: OperationContext,
  ): PlanDiff {
    if (!saved)
      throw new JobError({ zh: '请先选择已保存的规划文件。', en: 'Choose a saved plan file first.' });
    if (current?.key !== args.layersKey)
      current = { ...analysed(args.plan, context, STAGE.current, 0.4), key: args.layersKey };
    const plan: PlanFile = { ...args.plan, layers: current.plan.layers };
    const before = saved.plan.scenarios.find((s) => s.id === args.savedScenarioId);
    const after = plan.scenarios.find((s) => s.id === args.scenarioId);
    if (!before || !after)
      throw new JobError({ zh: '找不到要比较的方案。', en: 'The scenario to compare was not found.' });
    context.progress(0.85, STAGE.compare);
    return diffSides(
      evaluateSide(saved.plan, before, saved.analysis),
      evaluateSide(plan, after, current.analysis),
      diffLayers(saved.plan.layers, plan.layers),
    );
  },

  /** Does the current layers' analysis exist under `layersKey` (so the page may send no layers)? */
  hasLayers(args: { layersKey: string }): boolean {
    return current?.key === args.layersKey;
  },
};

export type DiffApi = typeof diffApi;
