/**
 * Greedy filling of the rows a plan leaves short: in passes, every plot's best move (the option that
 * buys the most shortfall per unit of added cost) is ranked, and moves are applied in that order while
 * they still help and break no other row. With plain costs from the cheapest options it is the
 * benchmark's baseline ("best target gain per 万元 first"); with the Lagrangian's reduced costs from its
 * choice it repairs that choice into a feasible plan near the LP optimum.
 */

import { choiceActivity, optionPrices, reducedCost } from './lagrangian.ts';
import type { SuggestModel } from './suggest-model.ts';

/** Per-option cost the moves are ranked by. */
export type MoveCost = (o: number) => number;

/** The plain objective of an option. */
export function plainCost(model: SuggestModel): MoveCost {
  return (o) => model.options.cost[o] as number;
}

/** The reduced cost of an option at prices λ. */
export function reducedCostAt(model: SuggestModel, lambda: Float64Array): MoveCost {
  const prices = optionPrices(model, lambda);
  return (o) => reducedCost(model, prices, o);
}

/** Each plot's cheapest option by `cost`. */
export function cheapestChoice(model: SuggestModel, cost: MoveCost): Int32Array {
  const { options } = model;
  const choice = new Int32Array(options.n);
  for (let i = 0; i < options.n; i++) {
    let best = options.optStart[i] as number;
    for (let o = best + 1; o < (options.optStart[i + 1] as number); o++) if (cost(o) < cost(best)) best = o;
    choice[i] = best;
  }
  return choice;
}

/** The change of every row an option makes (year-expanded), as [row, value] pairs. */
function rowChanges(model: SuggestModel, o: number, sign: number, into: Map<number, number>): void {
  const { options, K, groups } = model;
  const k = options.year[o] as number;
  for (let e = options.entStart[o] as number; e < (options.entStart[o + 1] as number); e++) {
    const g = options.entGroup[e] as number;
    const last = (groups[g] as { timing: string }).timing === 'perYear' ? k : K - 1;
    for (let kk = k; kk <= last; kk++) {
      const row = g * K + kk;
      into.set(row, (into.get(row) ?? 0) + sign * (options.entCoef[e] as number));
    }
  }
}

/**
 * Fills the short rows of `start` greedily.
 * @returns the plan (a copy) and whether it meets every row
 */
export function greedyPlan(
  model: SuggestModel,
  start: Int32Array,
  cost: MoveCost,
  deadline = Number.POSITIVE_INFINITY,
): { choice: Int32Array; feasible: boolean } {
  const { options, K, groups } = model;
  const choice = start.slice();
  const { activity } = choiceActivity(model, choice);
  const rhsOf = (row: number) =>
    (groups[Math.floor(row / K)] as { rhs: Float64Array }).rhs[row % K] as number;
  const shortOf = (row: number) => Math.max(0, rhsOf(row) - (activity[row] as number));
  const change = new Map<number, number>();
  /** Shortfall bought by moving plot i from its option to o (0 if it breaks another row). */
  const gainOf = (i: number, o: number) => {
    change.clear();
    rowChanges(model, choice[i] as number, -1, change);
    rowChanges(model, o, 1, change);
    let gain = 0;
    for (const [row, value] of change) {
      const short = shortOf(row);
      if (value > 0 && short > 0) gain += Math.min(short, value);
      else if (value < 0 && (activity[row] as number) + value < rhsOf(row)) return 0;
    }
    return gain;
  };
  for (let pass = 0; pass < 50 && performance.now() < deadline; pass++) {
    let anyShort = false;
    for (let row = 0; row < activity.length && !anyShort; row++) if (shortOf(row) > 0) anyShort = true;
    if (!anyShort) return { choice, feasible: true };
    const moves: { i: number; o: number; score: number }[] = [];
    for (let i = 0; i < options.n; i++) {
      const current = choice[i] as number;
      let best = -1;
      let bestScore = Number.POSITIVE_INFINITY;
      for (let o = options.optStart[i] as number; o < (options.optStart[i + 1] as number); o++) {
        if (o === current) continue;
        const gain = gainOf(i, o);
        if (gain <= 0) continue;
        const score = Math.max(1e-12, cost(o) - cost(current)) / gain;
        if (score < bestScore) {
          bestScore = score;
          best = o;
        }
      }
      if (best >= 0) moves.push({ i, o: best, score: bestScore });
    }
    if (moves.length === 0) break;
    moves.sort((a, b) => a.score - b.score);
    let applied = 0;
    for (const move of moves) {
      if (gainOf(move.i, move.o) <= 0) continue;
      for (const [row, value] of change) activity[row] = (activity[row] as number) + value;
      choice[move.i] = move.o;
      applied++;
      let stillShort = false;
      for (const [row] of change) if (shortOf(row) > 0) stillShort = true;
      // Re-rank once the rows this move served are met: the next moves' gains have changed.
      if (!stillShort && applied > 0) break;
    }
    if (applied === 0) break;
  }
  let feasible = true;
  for (let row = 0; row < activity.length; row++) if (shortOf(row) > 0) feasible = false;
  return { choice, feasible };
}
