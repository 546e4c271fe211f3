/**
 * Greedy filling of the rows a plan leaves short: every plot's best move (the option that buys the most
 * shortfall per unit of added cost, breaking no other row) in a heap, applied best first. With plain costs from the cheapest options it is the
 * benchmark's baseline ("best target gain per 万元 first"); with the Lagrangian's reduced costs from its
 * choice it repairs that choice into a feasible plan near the LP optimum.
 */

import { choiceActivity, optionPrices, reducedCost } from './lagrangian.ts';
import { MoveChange, rowRhs } from './move-change.ts';
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

/** A binary min-heap of moves by score. */
class MoveHeap {
  plot: number[] = [];
  option: number[] = [];
  score: number[] = [];
  get size(): number {
    return this.score.length;
  }
  push(plot: number, option: number, score: number): void {
    this.plot.push(plot);
    this.option.push(option);
    this.score.push(score);
    let j = this.score.length - 1;
    while (j > 0) {
      const parent = (j - 1) >> 1;
      if ((this.score[parent] as number) <= score) break;
      this.swap(j, parent);
      j = parent;
    }
  }
  /** Removes the top (call only when not empty). */
  pop(): void {
    const last = this.score.length - 1;
    this.swap(0, last);
    this.plot.pop();
    this.option.pop();
    this.score.pop();
    let j = 0;
    for (;;) {
      const l = 2 * j + 1;
      const r = l + 1;
      let m = j;
      if (l < last && (this.score[l] as number) < (this.score[m] as number)) m = l;
      if (r < last && (this.score[r] as number) < (this.score[m] as number)) m = r;
      if (m === j) break;
      this.swap(j, m);
      j = m;
    }
  }
  private swap(a: number, b: number): void {
    for (const list of [this.plot, this.option, this.score]) {
      const t = list[a] as number;
      list[a] = list[b] as number;
      list[b] = t;
    }
  }
}

/**
 * Fills the short rows of `start` greedily: the move with the least added cost per unit of shortfall
 * it buys first. Lazily: a move's score only worsens as the rows fill, so the top of the heap is
 * scored again and applied only if it still beats the next one.
 * @returns the plan (a copy) and whether it meets every row
 */
export function greedyPlan(
  model: SuggestModel,
  start: Int32Array,
  cost: MoveCost,
  deadline = Number.POSITIVE_INFINITY,
  rowWeights?: Float64Array,
): { choice: Int32Array; feasible: boolean } {
  const { options } = model;
  const choice = start.slice();
  const { activity } = choiceActivity(model, choice);
  const rhs = rowRhs(model);
  // What a unit of each row is worth: its price, or for a row without one the mean positive price.
  const weight = new Float64Array(activity.length).fill(1);
  if (rowWeights) {
    let sum = 0;
    let count = 0;
    for (const value of rowWeights)
      if (value > 0) {
        sum += value;
        count++;
      }
    const fallback = count > 0 ? sum / count : 1;
    for (let row = 0; row < weight.length; row++)
      weight[row] = (rowWeights[row] as number) > 0 ? (rowWeights[row] as number) : fallback;
  }
  let shortRows = 0;
  for (let row = 0; row < activity.length; row++)
    if ((activity[row] as number) < (rhs[row] as number)) shortRows++;
  const change = new MoveChange(activity.length);
  /** Shortfall bought by moving plot i from its option to o (0 if it breaks another row). */
  const gainOf = (i: number, o: number) => {
    change.move(model, choice[i] as number, o);
    let gain = 0;
    for (const row of change.rows) {
      const value = change.value[row] as number;
      const short = (rhs[row] as number) - (activity[row] as number);
      if (value > 0 && short > 0) gain += (weight[row] as number) * Math.min(short, value);
      else if (value < 0 && (activity[row] as number) + value < (rhs[row] as number)) return 0;
    }
    return gain;
  };
  /** Plot i's best move now: [option, score], option −1 if none helps. */
  const bestMove = (i: number): [number, number] => {
    const current = choice[i] as number;
    const currentCost = cost(current);
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let o = options.optStart[i] as number; o < (options.optStart[i + 1] as number); o++) {
      if (o === current) continue;
      const gain = gainOf(i, o);
      if (gain <= 0) continue;
      const score = Math.max(1e-12, cost(o) - currentCost) / gain;
      if (score < bestScore) {
        bestScore = score;
        best = o;
      }
    }
    return [best, bestScore];
  };
  if (shortRows === 0) return { choice, feasible: true };
  const heap = new MoveHeap();
  for (let i = 0; i < options.n; i++) {
    const [o, score] = bestMove(i);
    if (o >= 0) heap.push(i, o, score);
  }
  let steps = 0;
  while (shortRows > 0 && heap.size > 0) {
    if (++steps % 256 === 0 && performance.now() > deadline) break;
    const i = heap.plot[0] as number;
    heap.pop();
    const [o, score] = bestMove(i);
    if (o < 0) continue;
    if (heap.size > 0 && score > (heap.score[0] as number)) {
      heap.push(i, o, score);
      continue;
    }
    gainOf(i, o);
    for (const row of change.rows) {
      const wasShort = (activity[row] as number) < (rhs[row] as number);
      activity[row] = (activity[row] as number) + (change.value[row] as number);
      const isShort = (activity[row] as number) < (rhs[row] as number);
      if (wasShort !== isShort) shortRows += isShort ? 1 : -1;
    }
    choice[i] = o;
    // The plot may help again from its new option.
    const [next, nextScore] = bestMove(i);
    if (next >= 0) heap.push(i, next, nextScore);
  }
  return { choice, feasible: shortRows === 0 };
}
