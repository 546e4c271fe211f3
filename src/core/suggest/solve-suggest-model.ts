/**
 * Solves the suggestion model (docs/suggest.md "Solver"). Small models go to HiGHS whole as a MILP
 * (the exact optimum, its bound, and the LP relaxation's prices). Large ones use the structure:
 * the best Lagrangian bound by column generation (dual-master.ts), then the plan — the Lagrangian
 * choice at the best prices, with the plots whose choice is nearly a tie decided again by a small
 * MILP (all others fixed), then improved move by move (improve-choice.ts).
 */

import type { Highs } from 'highs';
import { dualBound } from './dual-master.ts';
import { greedyPlan, reducedCostAt } from './greedy-plan.ts';
import { addTransferActivity, improveChoice } from './improve-choice.ts';
import { choiceActivity, type LagrangianResult, optionPrices, reducedCost } from './lagrangian.ts';
import { repairChoice } from './repair-choice.ts';
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
  const exact =
    options.method === 'exact' ||
    (options.method === 'auto' && model.options.variant.length <= EXACT_OPTION_LIMIT);
  // Prices raised from zero until the cheapest choice meets every row: a first feasible plan, and
  // the plans on the way start the master (without them it spends its first rounds on penalties).
  const seedPlans: { lambda: Float64Array; plan: LagrangianResult }[] = [];
  const first = repairChoice(
    model,
    new Float64Array(model.groups.length * model.K),
    started + 0.1 * timeLimitS * 1000,
    (lambda, plan) => {
      if (seedPlans.length < 60) seedPlans.push({ lambda, plan });
    },
  );
  // The bound: at most a third of the time (the plan needs the rest).
  const dual = dualBound(highs, model, {
    seedPlans,
    deadline: started + (exact ? 0.15 : 0.35) * timeLimitS * 1000,
    relGap: 1e-5,
    ...(signal ? { signal } : {}),
    onIteration: (lower, upper) =>
      onProgress?.(
        0.05 + 0.45 * Math.min(1, Math.max(0, lower) / Math.max(upper, 1e-9)),
        'bound',
        null,
        lower,
      ),
  });
  // Yield once, so that a cancel posted meanwhile is seen.
  await new Promise((resolve) => setTimeout(resolve, 0));
  let bound = dual.bound;
  const solved = (choice: Int32Array, transfers: TransferChoice[]): SolvedModel => ({
    choice,
    transfers,
    bound,
    prices: dual.lambda,
    method: exact ? 'exact-milp' : 'lagrangian',
    iterations: dual.iterations,
  });
  if (signal?.aborted) return solved(dual.best.choice, []);
  onProgress?.(0.5, 'plan', null, bound);
  // Plan A: the master's mix, read per plot; its split plots, and those nearest a tie, decided by a
  // MILP with the others fixed (every plot, for a small model).
  let decide: Int32Array;
  if (exact) decide = allPlots(n);
  else {
    const chosen = new Set(dual.fractional);
    const margins = choiceMargins(model, dual.lambda);
    const byMargin = allPlots(n).sort((a, b) => (margins[a] as number) - (margins[b] as number));
    const size = Math.min(n, Math.max(chosen.size + 100, 300 + 4 * model.groups.length));
    for (const i of byMargin) {
      if (chosen.size >= size) break;
      chosen.add(i);
    }
    decide = Int32Array.from(chosen);
  }
  const polished = solveMilp(highs, model, {
    decide,
    fixed: dual.mixChoice,
    start: dual.mixChoice,
    timeLimitS: exact ? remainingS() * 0.8 : Math.min(remainingS() * 0.4, 5),
    mipRelGap: exact ? (options.method === 'exact' ? 1e-6 : 1e-4) : 2e-4,
  });
  onProgress?.(0.8, 'plan', null, bound);
  const candidates: { choice: Int32Array; transfers: TransferChoice[] }[] = [];
  if (polished.status !== 'failed') {
    candidates.push({
      choice: improveChoice(model, polished.choice, polished.transfers),
      transfers: polished.transfers,
    });
    // With every plot decided, HiGHS's bound holds for the whole model.
    if (exact) bound = Math.max(bound, polished.bound);
  }
  // Plan C: the Lagrangian choice, its short rows filled by the moves dearest in reduced cost last.
  const greedy = greedyPlan(
    model,
    dual.best.choice,
    reducedCostAt(model, dual.lambda),
    started + 0.85 * timeLimitS * 1000,
  );
  candidates.push({ choice: improveChoice(model, greedy.choice, []), transfers: [] });
  // Plan B: dearer prices on the rows left short until the cheapest choice meets them all.
  const repaired = repairChoice(model, dual.lambda, started + 0.9 * timeLimitS * 1000);
  const fallback = repaired.feasible || !first.feasible ? repaired.result.choice : first.result.choice;
  candidates.push({ choice: improveChoice(model, fallback, []), transfers: [] });
  const best = candidates.reduce((a, b) => (planScore(model, b) < planScore(model, a) ? b : a));
  return solved(best.choice, best.transfers);
}

/** Objective plus the penalties of the rows a plan leaves short (so a plan meeting them wins). */
function planScore(
  model: SuggestModel,
  plan: { choice: Int32Array; transfers: readonly TransferChoice[] },
): number {
  const { activity, cost } = choiceActivity(model, plan.choice);
  addTransferActivity(model, activity, plan.transfers);
  let score = cost;
  model.groups.forEach((group, g) => {
    for (let k = 0; k < model.K; k++) {
      const short = (group.rhs[k] as number) - (activity[g * model.K + k] as number);
      if (short > 0) score += short * group.penalty;
    }
  });
  return score;
}
