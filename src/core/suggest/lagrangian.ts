/**
 * The Lagrangian relaxation of the suggestion model: with a price λ ≥ 0 on every row, each plot picks
 * its cheapest option independently (O(options)), and L(λ) = Σ_plots min_o (cost_o − λ·A_o) + λ·rhs
 * − transferLimit · max(0, the best price difference between two towns) is a lower bound of every
 * plan's objective (weak duality; with λ ≤ the violation penalty, also of the elastic model).
 * Also the activity of a choice of options per plot, which the other stages share.
 */

import type { SuggestModel } from './suggest-model.ts';

export interface LagrangianResult {
  /** L(λ), a lower bound of the objective. */
  value: number;
  /** The option chosen for each plot. */
  choice: Int32Array;
  /** Σ objective of the chosen options. */
  cost: number;
  /** Activity of the chosen options per row (g × K + k), scaled. */
  activity: Float64Array;
}

/** Prices of an option of year k in group g: the sum of λ over the rows it counts in. */
export function optionPrices(model: SuggestModel, lambda: Float64Array): Float64Array {
  const { K, groups } = model;
  const prices = new Float64Array(groups.length * K);
  groups.forEach((group, g) => {
    let running = 0;
    for (let k = K - 1; k >= 0; k--) {
      const value = lambda[g * K + k] as number;
      running = group.timing === 'cumulative' ? running + value : value;
      prices[g * K + k] = running;
    }
  });
  return prices;
}

/** cost − λ·A of option o, with `prices` from optionPrices. */
export function reducedCost(model: SuggestModel, prices: Float64Array, o: number): number {
  const { options, K } = model;
  const k = options.year[o] as number;
  let reduced = options.cost[o] as number;
  for (let e = options.entStart[o] as number; e < (options.entStart[o + 1] as number); e++)
    reduced -= (options.entCoef[e] as number) * (prices[(options.entGroup[e] as number) * K + k] as number);
  return reduced;
}

/** Adds coefficient `coef` of an option of year k in group g to the activity (cumulative: its year and later). */
export function addActivity(
  model: SuggestModel,
  activity: Float64Array,
  g: number,
  k: number,
  coef: number,
): void {
  const { K } = model;
  if ((model.groups[g] as { timing: string }).timing === 'perYear')
    activity[g * K + k] = (activity[g * K + k] as number) + coef;
  else for (let kk = k; kk < K; kk++) activity[g * K + kk] = (activity[g * K + kk] as number) + coef;
}

/** Activity (per row, scaled) and objective of one choice of options. */
export function choiceActivity(
  model: SuggestModel,
  choice: Int32Array,
): { activity: Float64Array; cost: number } {
  const { options, K, groups } = model;
  // Per-year deltas first, running sums after: O(entries + rows).
  const delta = new Float64Array(groups.length * K);
  let cost = 0;
  for (let i = 0; i < options.n; i++) {
    const o = choice[i] as number;
    cost += options.cost[o] as number;
    const k = options.year[o] as number;
    for (let e = options.entStart[o] as number; e < (options.entStart[o + 1] as number); e++) {
      const g = options.entGroup[e] as number;
      delta[g * K + k] = (delta[g * K + k] as number) + (options.entCoef[e] as number);
    }
  }
  return { activity: runningActivity(model, delta), cost };
}

/** Per-year deltas to activities: cumulative groups add up over the years. */
function runningActivity(model: SuggestModel, delta: Float64Array): Float64Array {
  const { K, groups } = model;
  const activity = new Float64Array(groups.length * K);
  groups.forEach((group, g) => {
    let running = 0;
    for (let k = 0; k < K; k++) {
      running =
        group.timing === 'cumulative' ? running + (delta[g * K + k] as number) : (delta[g * K + k] as number);
      activity[g * K + k] = running;
    }
  });
  return activity;
}

/** max(0, max over years of (highest − lowest) price of a quota row among towns): what a transferred unit earns. */
export function transferGain(model: SuggestModel, prices: Float64Array): number {
  if (model.transferLimit <= 0 || model.quotaGroupOfTown.size < 2) return 0;
  let best = 0;
  for (let k = 0; k < model.K; k++) {
    let hi = Number.NEGATIVE_INFINITY;
    let lo = Number.POSITIVE_INFINITY;
    for (const g of model.quotaGroupOfTown.values()) {
      const price = prices[g * model.K + k] as number;
      hi = Math.max(hi, price);
      lo = Math.min(lo, price);
    }
    best = Math.max(best, hi - lo);
  }
  return best;
}

/**
 * L(λ) and the choice that attains it.
 * @param lambda one price per row (g × K + k), 0 ≤ λ ≤ model.penalty, 0 on rows that are off
 */
export function evaluateLagrangian(model: SuggestModel, lambda: Float64Array): LagrangianResult {
  const { options, K, groups } = model;
  const prices = optionPrices(model, lambda);
  const choice = new Int32Array(options.n);
  const delta = new Float64Array(groups.length * K);
  let value = 0;
  let cost = 0;
  for (let i = 0; i < options.n; i++) {
    let best = Number.POSITIVE_INFINITY;
    let bestOption = options.optStart[i] as number;
    for (let o = options.optStart[i] as number; o < (options.optStart[i + 1] as number); o++) {
      const k = options.year[o] as number;
      let reduced = options.cost[o] as number;
      for (let e = options.entStart[o] as number; e < (options.entStart[o + 1] as number); e++)
        reduced -=
          (options.entCoef[e] as number) * (prices[(options.entGroup[e] as number) * K + k] as number);
      if (reduced < best) {
        best = reduced;
        bestOption = o;
      }
    }
    choice[i] = bestOption;
    value += best;
    cost += options.cost[bestOption] as number;
    const k = options.year[bestOption] as number;
    for (
      let e = options.entStart[bestOption] as number;
      e < (options.entStart[bestOption + 1] as number);
      e++
    ) {
      const g = options.entGroup[e] as number;
      delta[g * K + k] = (delta[g * K + k] as number) + (options.entCoef[e] as number);
    }
  }
  groups.forEach((group, g) => {
    for (let k = 0; k < K; k++) {
      const rhs = group.rhs[k] as number;
      if (rhs > Number.NEGATIVE_INFINITY) value += (lambda[g * K + k] as number) * rhs;
    }
  });
  value -= model.transferLimit * transferGain(model, prices);
  return { value, choice, cost, activity: runningActivity(model, delta) };
}
