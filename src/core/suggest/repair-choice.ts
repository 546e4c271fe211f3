/**
 * A feasible plan from the Lagrangian prices: the rows the cheapest choice leaves short are made
 * dearer, step by step, until every plot's cheapest option meets them all (or the steps run out: the
 * rows left short are then the plan's shortfalls, or what the final MILP's transfers must cover).
 */

import { evaluateLagrangian, type LagrangianResult } from './lagrangian.ts';
import type { SuggestModel } from './suggest-model.ts';

/** Rows (g × K + k) whose activity is below their right-hand side. */
export function shortRows(model: SuggestModel, activity: Float64Array): number[] {
  const rows: number[] = [];
  model.groups.forEach((group, g) => {
    for (let k = 0; k < model.K; k++) {
      const row = g * model.K + k;
      if ((activity[row] as number) < (group.rhs[k] as number)) rows.push(row);
    }
  });
  return rows;
}

/**
 * Raises the prices of the short rows until the Lagrangian choice meets every row.
 * @param lambda the starting prices (the best of the dual bound)
 * @returns the last choice and whether it meets every row
 */
export function repairChoice(
  model: SuggestModel,
  lambda: Float64Array,
  deadline: number,
  onEvaluate?: (lambda: Float64Array, result: LagrangianResult) => void,
  maxSteps = 200,
): { result: LagrangianResult; feasible: boolean; lambda: Float64Array } {
  const prices = lambda.slice();
  // A step that matters: a share of the mean positive price, or of the objective per plot.
  let positive = 0;
  let count = 0;
  for (const value of prices)
    if (value > 0) {
      positive += value;
      count++;
    }
  let totalCost = 0;
  for (const cost of model.options.cost) totalCost += Math.abs(cost);
  const unit = count > 0 ? positive / count : totalCost / Math.max(1, model.options.variant.length);
  let result = evaluateLagrangian(model, prices);
  for (let step = 0; step < maxSteps && performance.now() < deadline; step++) {
    const short = shortRows(model, result.activity);
    if (short.length === 0) return { result, feasible: true, lambda: prices };
    for (const row of short) {
      const penalty = (model.groups[Math.floor(row / model.K)] as { penalty: number }).penalty;
      prices[row] = Math.min(penalty, (prices[row] as number) * 1.05 + unit * 0.02 * (1 + step / 10));
    }
    result = evaluateLagrangian(model, prices);
    onEvaluate?.(prices.slice(), result);
  }
  return { result, feasible: shortRows(model, result.activity).length === 0, lambda: prices };
}
