/**
 * Solves the suggestion model (docs/suggest.md "Solver"). Small models go to HiGHS whole as a MILP
 * (the exact optimum, its bound, and the LP relaxation's prices). Large ones use the structure:
 * the best Lagrangian bound by column generation (dual-master.ts), then the plan — the Lagrangian
 * choice at the best prices, with the plots whose choice is nearly a tie decided again by a small
 * MILP (all others fixed), then improved move by move (improve-choice.ts).
 */

import type { Highs } from 'highs';
import { dualBound } from './dual-master.ts';
import { improveChoice } from './improve-choice.ts';
import { optionPrices, reducedCost } from './lagrangian.ts';
import { solveMilp, type TransferChoice } from './solve-milp.ts';
import type { SuggestModel } from './suggest-model.ts';

/** Models with at most this many options are solved whole as a MILP. */
export const EXACT_OPTION_LIMIT = 6000;

export interface SolvedModel {
  choice: Int32Array;
  transfers: TransferChoice[];
  /** Proven lower bound of the model's objective (locked plots not included). */
  bound: number;
  /** Row prices (objective per scaled unit), for the binding constraints. */
  prices: Float64Array;
  method: 'exact-milp' | 'lagrangian';
  iterations: number;
}

export interface SolveOptions {
  timeLimitS: number;
  /** performance.now() when the run started. */
  started: number;
  method: 'auto' | 'exact' | 'lagrangian';
  signal?: AbortSignal;
  onProgress?: (
    done: number,
    stage: 'bound' | 'plan',
    objective: number | null,
    bound: number | null,
  ) => void;
}

/** For every plot, the gap between its second-best and best reduced cost at the prices λ. */
export function choiceMargins(model: SuggestModel, lambda: Float64Array): Float64Array {
  const { options } = model;
  const prices = optionPrices(model, lambda);
  const margins = new Float64Array(options.n);
  for (let i = 0; i < options.n; i++) {
    let best = Number.POSITIVE_INFINITY;
    let second = Number.POSITIVE_INFINITY;
    for (let o = options.optStart[i] as number; o < (options.optStart[i + 1] as number); o++) {
      const reduced = reducedCost(model, prices, o);
      if (reduced < best) {
        second = best;
        best = reduced;
      } else if (reduced < second) second = reduced;
    }
    margins[i] = second - best;
  }
  return margins;
}

function allPlots(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

function solveExact(highs: Highs, model: SuggestModel, timeLimitS: number): SolvedModel | null {
  const n = model.options.n;
  const fixed = new Int32Array(n);
  const exact = solveMilp(highs, model, { decide: allPlots(n), fixed, timeLimitS });
  if (exact.status === 'failed') return null;
  const relaxed = solveMilp(highs, model, {
    decide: allPlots(n),
    fixed,
    timeLimitS: Math.max(1, timeLimitS / 4),
    relax: true,
  });
  return {
    choice: exact.choice,
    transfers: exact.transfers,
    bound: exact.bound,
    prices: relaxed.duals,
    method: 'exact-milp',
    iterations: 1,
  };
}

/** Solves the model within the time limit. */
export async function solveSuggestModel(
  highs: Highs,
  model: SuggestModel,
  options: SolveOptions,
): Promise<SolvedModel> {
  const { started, timeLimitS, signal, onProgress } = options;
  const deadline = started + timeLimitS * 1000;
  const remainingS = () => Math.max(0.1, (deadline - performance.now()) / 1000);
  const n = model.options.n;
  const exactWanted =
    options.method === 'exact' ||
    (options.method === 'auto' && model.options.variant.length <= EXACT_OPTION_LIMIT);
  if (exactWanted) {
    onProgress?.(0.1, 'plan', null, null);
    const exact = solveExact(highs, model, remainingS() * 0.8);
    if (exact) return exact;
  }
  // Half the time for the bound at most; the plan needs the rest.
  const bound = dualBound(highs, model, {
    deadline: started + timeLimitS * 500,
    relGap: 1e-4,
    ...(signal ? { signal } : {}),
    onIteration: (lower, upper) =>
      onProgress?.(0.1 + 0.5 * Math.min(1, lower / Math.max(upper, 1e-9)), 'bound', null, lower),
  });
  // Yield once, so a cancel posted meanwhile is seen.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted)
    return {
      choice: bound.best.choice,
      transfers: [],
      bound: bound.bound,
      prices: bound.lambda,
      method: 'lagrangian',
      iterations: bound.iterations,
    };
  onProgress?.(0.6, 'plan', null, bound.bound);
  const margins = choiceMargins(model, bound.lambda);
  const order = allPlots(n).sort((a, b) => (margins[a] as number) - (margins[b] as number));
  let choice = bound.best.choice;
  let transfers: TransferChoice[] = [];
  // The plots nearest a tie decide the plan; a few hundred of them fit in a quick MILP.
  for (const size of [Math.min(n, 300 + 4 * model.groups.length), Math.min(n, 2000)]) {
    const decide = Int32Array.from(order.slice(0, size));
    const polished = solveMilp(highs, model, {
      decide,
      fixed: choice,
      timeLimitS: Math.min(remainingS() * 0.5, 20),
      mipRelGap: 1e-5,
    });
    if (polished.status === 'failed') continue;
    choice = polished.choice;
    transfers = polished.transfers;
    if (polished.violation.every((value) => value <= 1e-9) || size === n) break;
  }
  onProgress?.(0.9, 'plan', null, bound.bound);
  choice = improveChoice(model, choice, transfers);
  return {
    choice,
    transfers,
    bound: bound.bound,
    prices: bound.lambda,
    method: 'lagrangian',
    iterations: bound.iterations,
  };
}
