/**
 * Local improvement of a feasible plan: a plot moves to a cheaper option whenever every row keeps
 * its right-hand side. Never makes a feasible plan infeasible; dearest savings first.
 */

import { addActivity, choiceActivity, optionPrices, reducedCost } from './lagrangian.ts';
import { cheaperOptions, MoveChange, rowRhs } from './move-change.ts';
import type { TransferChoice } from './solve-milp.ts';
import type { SuggestModel } from './suggest-model.ts';

/** Row activity of the transfers (scaled quota units), added to `activity`. */
export function addTransferActivity(
  model: SuggestModel,
  activity: Float64Array,
  transfers: readonly TransferChoice[],
): void {
  for (const t of transfers) {
    const to = model.quotaGroupOfTown.get(t.to);
    const from = model.quotaGroupOfTown.get(t.from);
    if (to !== undefined) addActivity(model, activity, to, t.k, t.amount);
    if (from !== undefined) addActivity(model, activity, from, t.k, -t.amount);
  }
}

/**
 * Moves plots to cheaper options while every row stays met; returns the improved choice (a copy).
 * Rows already violated stay as they are (a move never lowers a violated row further).
 */
export function improveChoice(
  model: SuggestModel,
  choice: Int32Array,
  transfers: readonly TransferChoice[],
  lambda?: Float64Array,
): Int32Array {
  const improved = choice.slice();
  const { activity } = choiceActivity(model, improved);
  addTransferActivity(model, activity, transfers);
  const rhs = rowRhs(model);
  const change = new MoveChange(activity.length);
  const order = improvementOrder(model, improved, lambda);
  for (const i of order) {
    const current = improved[i] as number;
    for (const o of cheaperOptions(model, i, current)) {
      change.move(model, current, o);
      if (change.fits(activity, rhs)) {
        change.applyTo(activity);
        improved[i] = o;
        break;
      }
    }
  }
  return improved;
}

/**
 * The plots that have a cheaper option, in the order to try them: with prices λ, the move that
 * loses least at those prices first (rc(cheaper) − rc(current), smallest first: the LP optimum's
 * choices are the last given up); without, the most to save first.
 */
export function improvementOrder(model: SuggestModel, choice: Int32Array, lambda?: Float64Array): number[] {
  const { options } = model;
  const prices = lambda ? optionPrices(model, lambda) : null;
  const key = new Float64Array(options.n);
  const plots: number[] = [];
  for (let i = 0; i < options.n; i++) {
    const current = choice[i] as number;
    const currentCost = options.cost[current] as number;
    let lowest = Number.POSITIVE_INFINITY;
    let leastLoss = Number.POSITIVE_INFINITY;
    const currentReduced = prices ? reducedCost(model, prices, current) : 0;
    for (let o = options.optStart[i] as number; o < (options.optStart[i + 1] as number); o++) {
      const cost = options.cost[o] as number;
      lowest = Math.min(lowest, cost);
      if (prices && cost < currentCost - 1e-12)
        leastLoss = Math.min(leastLoss, reducedCost(model, prices, o) - currentReduced);
    }
    if (currentCost - lowest <= 1e-12) continue;
    plots.push(i);
    key[i] = prices ? leastLoss : lowest - currentCost;
  }
  return plots.sort((a, b) => (key[a] as number) - (key[b] as number));
}
