/**
 * The best Lagrangian bound, found by column generation (Dantzig–Wolfe): a small master LP (HiGHS)
 * mixes whole plans — one per evaluation of the Lagrangian — under the coupling rows, with an
 * elastic slack per row and the transfers between towns; its row prices are the next λ. Evaluations
 * are made at a point between the best λ so far and the master's (Wentges smoothing), which avoids
 * the zigzag of plain cutting planes. Stops when the master's value (an upper bound of the LP
 * relaxation) and the best L(λ) (a lower bound) agree to `relGap`, or at the deadline.
 */

import type { Highs } from 'highs';
import { evaluateLagrangian, type LagrangianResult } from './lagrangian.ts';
import type { SuggestModel } from './suggest-model.ts';

export interface DualBound {
  /** The best L(λ): a proven lower bound of the model's objective (locked plots not included). */
  bound: number;
  /** λ at which it was found (objective per scaled unit of each row). */
  lambda: Float64Array;
  /** The Lagrangian choice there. */
  best: LagrangianResult;
  /** The last master LP's value: the LP relaxation is at most this. */
  masterValue: number;
  iterations: number;
  /**
   * The master's mix of plans read per plot: the option with the largest weight, and the plots
   * whose weight is split (the LP relaxation's fractional plots: few, at most about one per binding row).
   */
  mixChoice: Int32Array;
  fractional: Int32Array;
}

export interface DualBoundOptions {
  /** performance.now() by which to stop. */
  deadline: number;
  relGap: number;
  signal?: AbortSignal;
  onIteration?: (bound: number, masterValue: number) => void;
  /** Plans to start the master with (Lagrangian choices at other prices, e.g. of the repair). */
  seedPlans?: readonly { lambda: Float64Array; plan: LagrangianResult }[];
}

/** Runs the column generation. */
export function dualBound(highs: Highs, model: SuggestModel, options: DualBoundOptions): DualBound {
  const { K, groups } = model;
  const rowCount = groups.length * K;
  const active: number[] = [];
  const rhs: number[] = [];
  groups.forEach((group, g) => {
    for (let k = 0; k < K; k++)
      if ((group.rhs[k] as number) > Number.NEGATIVE_INFINITY) {
        active.push(g * K + k);
        rhs.push(group.rhs[k] as number);
      }
  });
  const m = active.length;
  const convexityRow = m;
  const quota = [...model.quotaGroupOfTown.entries()];
  const hasTransfers = model.transferLimit > 0 && quota.length > 1;
  const rowLower = [...rhs, 1];
  const rowUpper = [...rhs.map(() => highs.infinity), 1];
  if (hasTransfers) {
    rowLower.push(-highs.infinity);
    rowUpper.push(model.transferLimit);
  }
  const master = highs.createModel();
  try {
    // A few dozen rows: the simplex from the last basis beats presolve and the interior point.
    master.options.set({ output_flag: false, random_seed: 1, solver: 'simplex', presolve: 'off' });
    rowLower.forEach((lower, r) => {
      master.addRow(lower, rowUpper[r] as number, { indices: [], values: [] });
    });
    const activeIndex = new Int32Array(rowCount).fill(-1);
    // The slacks' penalties start at a cap near the prices that can occur (twice the dearest option:
    // one scaled unit is about what the largest plot gives) and rise tenfold while the master still
    // needs a slack: huge penalties from the start make HiGHS fail and the first prices useless.
    let cap = 2 * Math.max(1, maxCostOf(model));
    const penaltyOf = (row: number) =>
      Math.min(cap, (groups[Math.floor(row / K)] as { penalty: number }).penalty);
    const fullPenalty = (row: number) => (groups[Math.floor(row / K)] as { penalty: number }).penalty;
    active.forEach((row, r) => {
      activeIndex[row] = r;
      master.addCol(penaltyOf(row), 0, highs.infinity, { indices: [r], values: [1] });
    });
    if (hasTransfers)
      for (const [, gs] of quota)
        for (const [, gd] of quota) {
          if (gs === gd) continue;
          for (let k = 0; k < K; k++) {
            const entries: [number, number][] = [];
            for (let kk = k; kk < K; kk++) {
              const rd = activeIndex[gd * K + kk] as number;
              const rs = activeIndex[gs * K + kk] as number;
              if (rd >= 0) entries.push([rd, 1]);
              if (rs >= 0) entries.push([rs, -1]);
            }
            entries.push([m + 1, 1]);
            entries.sort((x, y) => x[0] - y[0]);
            master.addCol(0, 0, highs.infinity, {
              indices: entries.map((e) => e[0]),
              values: entries.map((e) => e[1]),
            });
          }
        }
    const plans: LagrangianResult[] = [];
    const firstPlanColumn = m + (hasTransfers ? quota.length * (quota.length - 1) * K : 0);
    const addPlan = (plan: LagrangianResult) => {
      plans.push(plan);
      const indices: number[] = [];
      const values: number[] = [];
      active.forEach((row, r) => {
        const value = plan.activity[row] as number;
        if (value !== 0) {
          indices.push(r);
          values.push(value);
        }
      });
      indices.push(convexityRow);
      values.push(1);
      master.addCol(plan.cost, 0, highs.infinity, { indices, values });
    };
    let lambda: Float64Array = new Float64Array(rowCount);
    let best = evaluateLagrangian(model, lambda);
    let bound = best.value;
    addPlan(best);
    for (const seed of options.seedPlans ?? []) {
      addPlan(seed.plan);
      if (seed.plan.value > bound) {
        bound = seed.plan.value;
        best = seed.plan;
        lambda = seed.lambda;
      }
    }
    let center: Float64Array = lambda;
    let masterValue = Number.POSITIVE_INFINITY;
    let iterations = 0;
    const alpha = 0.5;
    let colValue: Float64Array = new Float64Array(0);
    /** Solves the master; false if HiGHS fails (large penalties can upset it): the bound so far stands. */
    const solveMaster = (): Float64Array | null => {
      try {
        master.run();
        const solution = master.getSolution();
        colValue = solution.colValue;
        return solution.rowDual;
      } catch {
        return null;
      }
    };
    // At least one round, so that the master's mix and prices exist even past the deadline.
    while (iterations === 0 || (performance.now() < options.deadline && !options.signal?.aborted)) {
      iterations++;
      const duals = solveMaster();
      if (!duals) break;
      masterValue = master.getObjectiveValue();
      const pi = duals[convexityRow] as number;
      const lambdaMaster = new Float64Array(rowCount);
      active.forEach((row, r) => {
        lambdaMaster[row] = Math.min(penaltyOf(row), Math.max(0, duals[r] as number));
      });
      options.onIteration?.(bound, masterValue);
      if (masterValue - bound <= options.relGap * Math.max(1, Math.abs(masterValue))) {
        // Converged under the cap: done unless a slack is used where the full penalty is higher.
        const capped = active.filter(
          (row, r) => (colValue[r] as number) > 1e-9 && fullPenalty(row) > penaltyOf(row),
        );
        if (capped.length === 0) break;
        cap *= 10;
        active.forEach((row, r) => {
          master.changeColCost(r, penaltyOf(row));
        });
        continue;
      }
      // Evaluate between the centre and the master's prices; if that column does not price out
      // against the master (mispricing), evaluate at the master's prices themselves.
      const smoothed = center.map(
        (value, row) => alpha * value + (1 - alpha) * (lambdaMaster[row] as number),
      );
      let trial = evaluateLagrangian(model, smoothed);
      let at = smoothed;
      if (reducedCost(trial, lambdaMaster, active, pi) > -1e-9 * Math.max(1, Math.abs(masterValue))) {
        trial = evaluateLagrangian(model, lambdaMaster);
        at = lambdaMaster;
      }
      if (trial.value > bound) {
        bound = trial.value;
        best = trial;
        lambda = at;
        center = at;
      }
      addPlan(trial);
    }
    // A column added after the last solve invalidates its solution: solve once more (warm, cheap).
    solveMaster();
    const { mixChoice, fractional } = mixOf(model, plans, colValue, firstPlanColumn);
    return { bound, lambda, best, masterValue, iterations, mixChoice, fractional };
  } finally {
    master.dispose();
  }
}

/** Per plot, the option with the largest weight in the master's mix, and the plots split between options. */
function mixOf(
  model: SuggestModel,
  plans: readonly LagrangianResult[],
  colValue: Float64Array,
  firstPlanColumn: number,
): { mixChoice: Int32Array; fractional: Int32Array } {
  const n = model.options.n;
  const weights = plans.map((_, j) => (colValue[firstPlanColumn + j] as number) ?? 0);
  const used = plans
    .map((plan, j) => ({ plan, weight: weights[j] as number }))
    .filter((p) => p.weight > 1e-9);
  if (used.length === 0)
    return {
      mixChoice: (plans[plans.length - 1] as LagrangianResult).choice.slice(),
      fractional: new Int32Array(0),
    };
  const mixChoice = new Int32Array(n);
  const fractional: number[] = [];
  const weightOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    weightOf.clear();
    for (const { plan, weight } of used) {
      const o = plan.choice[i] as number;
      weightOf.set(o, (weightOf.get(o) ?? 0) + weight);
    }
    let best = -1;
    let bestWeight = -1;
    for (const [o, weight] of weightOf)
      if (weight > bestWeight) {
        best = o;
        bestWeight = weight;
      }
    mixChoice[i] = best;
    if (weightOf.size > 1) fractional.push(i);
  }
  return { mixChoice, fractional: Int32Array.from(fractional) };
}

/** The dearest option's objective (a scale of the prices). */
function maxCostOf(model: SuggestModel): number {
  let max = 0;
  for (const cost of model.options.cost) max = Math.max(max, Math.abs(cost));
  return max;
}

/** cost − λ·activity − π of a plan against the master's prices. */
function reducedCost(plan: LagrangianResult, lambda: Float64Array, active: number[], pi: number): number {
  let value = plan.cost - pi;
  for (const row of active) value -= (lambda[row] as number) * (plan.activity[row] as number);
  return value;
}
