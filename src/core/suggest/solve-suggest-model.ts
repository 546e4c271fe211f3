/**
 * Solves the suggestion model (docs/suggest.md "Solver"). Small models go to HiGHS whole as a MILP
 * (the exact optimum, its bound, and the LP relaxation's prices). Large ones use the structure:
 * the best Lagrangian bound by column generation (dual-master.ts), then the plan — the Lagrangian
 * choice at the best prices, with the plots whose choice is nearly a tie decided again by a small
 * MILP (all others fixed), then improved move by move (improve-choice.ts).
 */

import type { Highs } from 'highs';
import { type DualBound, dualBound } from './dual-master.ts';
import { cheapestChoice, greedyPlan, plainCost, reducedCostAt } from './greedy-plan.ts';
import { addTransferActivity, improveChoice } from './improve-choice.ts';
import { choiceActivity, type LagrangianResult, optionPrices, reducedCost } from './lagrangian.ts';
import { repairChoice } from './repair-choice.ts';
import { solveMilp, type TransferChoice } from './solve-milp.ts';
import type { SuggestModel } from './suggest-model.ts';
import { swapImprove } from './swap-improve.ts';

/** Models with at most this many options are solved whole as a MILP. */
export const EXACT_OPTION_LIMIT = 6000;

/** A large model's run ends once its proven gap is below this (unless `relGap` says otherwise): the 1 %. */
export const DEFAULT_REL_GAP = 0.01;

/** Price steps of the first repair, whose plans start the master. */
const SEED_STEPS = 40;

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
  /** A large model's run ends once its proven gap is below this (default DEFAULT_REL_GAP). */
  relGap?: number;
  signal?: AbortSignal;
  onProgress?: (
    done: number,
    stage: 'bound' | 'plan',
    objective: number | null,
    bound: number | null,
  ) => void;
}

/**
 * For every plot, how near its decision is to a tie at the prices λ: the gap between its two best
 * reduced costs, or, when `current` is given and is not its best option, minus how much dearer the
 * current option is (a plan's off-price decisions first).
 */
export function choiceMargins(model: SuggestModel, lambda: Float64Array, current?: Int32Array): Float64Array {
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
    const off = current ? reducedCost(model, prices, current[i] as number) - best : 0;
    margins[i] = off > 1e-9 ? -off : second - best;
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
  const targetGap = options.relGap ?? DEFAULT_REL_GAP;
  // Prices raised from zero until the cheapest choice meets every row: a first feasible plan, and
  // the plans on the way start the master (without them it spends its first rounds on penalties).
  const seedPlans: { lambda: Float64Array; plan: LagrangianResult }[] = [];
  const first = repairChoice(
    model,
    new Float64Array(model.groups.length * model.K),
    started + 0.05 * timeLimitS * 1000,
    (lambda, plan) => {
      if (seedPlans.length < 60) seedPlans.push({ lambda, plan });
    },
    SEED_STEPS,
  );
  // The bound: the column generation until its master and its best L(λ) agree to a twentieth of the
  // gap asked for (the exact MILP needs only its prices and a start), or a share of the time.
  const dual = dualBound(highs, model, {
    seedPlans,
    deadline: started + (exact ? 0.15 : 0.6) * timeLimitS * 1000,
    relGap: exact ? 1e-5 : targetGap / 20,
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
  if (exact) {
    const whole = solveMilp(highs, model, {
      decide: allPlots(n),
      fixed: dual.mixChoice,
      start: dual.mixChoice,
      timeLimitS: remainingS() * 0.8,
      mipRelGap: options.method === 'exact' ? 1e-6 : 1e-4,
    });
    const candidates: Plan[] = [];
    if (whole.status !== 'failed') {
      candidates.push({
        choice: improveChoice(model, whole.choice, whole.transfers),
        transfers: whole.transfers,
      });
      // With every plot decided, HiGHS's bound holds for the whole model.
      bound = Math.max(bound, whole.bound);
    }
    candidates.push(...quickPlans(model, dual, first, deadline, () => false));
    const best = bestPlan(model, candidates);
    return solved(best.choice, best.transfers);
  }
  // Quick plans from the prices first (often within the gap asked for already: then no more).
  const gapOf = (plan: Plan) => {
    const score = planScore(model, plan);
    return (score - bound) / Math.max(Math.abs(score), 1e-9);
  };
  let best = bestPlan(
    model,
    quickPlans(model, dual, first, deadline, (plan) => gapOf(plan) <= targetGap),
  );
  onProgress?.(0.7, 'plan', planScore(model, best), bound);
  // Then, while the gap is wider than asked and time is left, a MILP decides again the plots nearest
  // a tie at the prices (and those the best plan has off the prices), the others fixed at the best plan.
  let size = 300;
  // A plan that leaves rows short (the targets cannot all be met) gets one round.
  const rounds = planScore(model, best) > choiceActivity(model, best.choice).cost + 1e-9 ? 1 : 4;
  for (let round = 0; round < rounds && gapOf(best) > targetGap && remainingS() > 0.3; round++) {
    if (signal?.aborted) break;
    const polished = solveMilp(highs, model, {
      decide: polishPlots(model, dual, best.choice, size),
      fixed: best.choice,
      start: best.choice,
      timeLimitS: Math.min(remainingS() * 0.5, 5 + 5 * round),
      mipRelGap: targetGap / 4,
    });
    if (polished.status !== 'failed') {
      const plan = {
        choice: improveChoice(model, polished.choice, polished.transfers, dual.lambda),
        transfers: polished.transfers,
      };
      best = bestPlan(model, [best, plan]);
    }
    size *= 2;
    onProgress?.(0.7 + 0.05 * (round + 1), 'plan', planScore(model, best), bound);
  }
  return solved(best.choice, best.transfers);
}

interface Plan {
  choice: Int32Array;
  transfers: TransferChoice[];
}

/**
 * Plans read from the prices without a solver, until one is `good` enough: first the Lagrangian
 * choice with its short rows filled greedily by reduced cost per unit of shortfall, and the greedy
 * without prices (the benchmark's baseline: the suggestion is never dearer than it), each improved by
 * single moves; then both improved by pairs of moves (always); then, if still not good
 * enough, the Lagrangian choice filled by cost per value of shortfall at the prices, and the repair's
 * first feasible plan, improved alike.
 */
function quickPlans(
  model: SuggestModel,
  dual: DualBound,
  first: { result: LagrangianResult; feasible: boolean },
  deadline: number,
  good: (plan: Plan) => boolean,
): Plan[] {
  const plain = plainCost(model);
  const improved = (choice: Int32Array): Plan => ({
    choice: improveChoice(model, choice, [], dual.lambda),
    transfers: [],
  });
  const swapped = (plan: Plan): Plan => ({
    choice: swapImprove(model, plan.choice, [], deadline, dual.lambda),
    transfers: [],
  });
  const plans: Plan[] = [
    improved(greedyPlan(model, dual.best.choice, reducedCostAt(model, dual.lambda), deadline).choice),
    improved(greedyPlan(model, cheapestChoice(model, plain), plain, deadline).choice),
  ];
  const done = () => good(bestPlan(model, plans)) || performance.now() > deadline;
  // The pairs always, on both: cheap next to the rest, and what makes the suggestion beat the greedy
  // (the one from the prices often ends cheaper, though it starts dearer).
  plans.push(...plans.map(swapped));
  const more = [() => greedyPlan(model, dual.best.choice, plain, deadline, dual.lambda).choice];
  if (first.feasible) more.push(() => first.result.choice);
  for (const start of more) {
    if (done()) break;
    plans.push(swapped(improved(start())));
  }
  return plans;
}

/** The plots a polishing MILP decides: those the master's mix splits, then those nearest a tie. */
function polishPlots(model: SuggestModel, dual: DualBound, current: Int32Array, size: number): Int32Array {
  const n = model.options.n;
  const margins = choiceMargins(model, dual.lambda, current);
  const byMargin = allPlots(n).sort((a, b) => (margins[a] as number) - (margins[b] as number));
  return byMargin.slice(0, Math.min(n, size));
}

function bestPlan(model: SuggestModel, plans: readonly Plan[]): Plan {
  return plans.reduce((a, b) => (planScore(model, b) < planScore(model, a) ? b : a));
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
