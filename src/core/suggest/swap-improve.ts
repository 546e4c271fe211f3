/**
 * Local improvement by pairs of moves: a plot moves to a cheaper option even when that leaves some
 * rows short, if another plot can make up the shortfall for less than was saved (say: a relocation
 * that releases more quota than the town needs gives way to the upgrade of a smaller plot, which
 * keeps the renovated 亩). Single moves that fit are taken too. Never makes a feasible plan infeasible.
 * The candidates that make up a row are listed per row once per pass, by how much they add; a
 * listed move is tried only while its plot still has the option it was listed from.
 */

import { addTransferActivity, improvementOrder } from './improve-choice.ts';
import { choiceActivity } from './lagrangian.ts';
import { cheaperOptions, MoveChange, rowRhs } from './move-change.ts';
import type { TransferChoice } from './solve-milp.ts';
import type { SuggestModel } from './suggest-model.ts';

/** Candidates tried per shortfall: the smallest that cover it, then the next ones up. */
const CANDIDATES = 48;

/** Up-moves per row, sorted by the amount they add: plot, option it moves from, option it moves to. */
interface MakeUpLists {
  start: Int32Array;
  amount: Float64Array;
  plot: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

/** For every plot and every row one of its options raises, the cheapest such move. */
function makeUpLists(
  model: SuggestModel,
  choice: Int32Array,
  rowCount: number,
  change: MoveChange,
): MakeUpLists {
  const { options } = model;
  const rows: number[] = [];
  const amounts: number[] = [];
  const plots: number[] = [];
  const tos: number[] = [];
  const bestCost = new Float64Array(rowCount).fill(Number.POSITIVE_INFINITY);
  const bestAt = new Int32Array(rowCount).fill(-1);
  const bestAmount = new Float64Array(rowCount);
  const touched: number[] = [];
  for (let j = 0; j < options.n; j++) {
    const current = choice[j] as number;
    for (let o = options.optStart[j] as number; o < (options.optStart[j + 1] as number); o++) {
      if (o === current) continue;
      change.move(model, current, o);
      const added = (options.cost[o] as number) - (options.cost[current] as number);
      for (const row of change.rows) {
        const value = change.value[row] as number;
        if (value <= 1e-12 || added >= (bestCost[row] as number)) continue;
        if (bestAt[row] === -1) touched.push(row);
        bestCost[row] = added;
        bestAt[row] = o;
        bestAmount[row] = value;
      }
    }
    for (const row of touched) {
      rows.push(row);
      amounts.push(bestAmount[row] as number);
      plots.push(j);
      tos.push(bestAt[row] as number);
      bestCost[row] = Number.POSITIVE_INFINITY;
      bestAt[row] = -1;
    }
    touched.length = 0;
  }
  const order = Array.from({ length: rows.length }, (_, e) => e).sort(
    (a, b) => (rows[a] as number) - (rows[b] as number) || (amounts[a] as number) - (amounts[b] as number),
  );
  const start = new Int32Array(rowCount + 1);
  for (const row of rows) start[row + 1] = (start[row + 1] as number) + 1;
  for (let row = 0; row < rowCount; row++)
    start[row + 1] = (start[row + 1] as number) + (start[row] as number);
  const lists: MakeUpLists = {
    start,
    amount: new Float64Array(order.length),
    plot: new Int32Array(order.length),
    from: new Int32Array(order.length),
    to: new Int32Array(order.length),
  };
  order.forEach((e, position) => {
    lists.amount[position] = amounts[e] as number;
    lists.plot[position] = plots[e] as number;
    lists.from[position] = choice[plots[e] as number] as number;
    lists.to[position] = tos[e] as number;
  });
  return lists;
}

/** First position in row's list whose amount is at least `need`. */
function firstCovering(lists: MakeUpLists, row: number, need: number): number {
  let lo = lists.start[row] as number;
  let hi = lists.start[row + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lists.amount[mid] as number) < need) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Improves a plan by single and paired moves; returns the improved choice (a copy).
 * @param deadline performance.now() by which to stop (the plan so far is returned)
 */
export function swapImprove(
  model: SuggestModel,
  choice: Int32Array,
  transfers: readonly TransferChoice[],
  deadline: number,
  lambda?: Float64Array,
  passes = 2,
): Int32Array {
  const { options } = model;
  const improved = choice.slice();
  const { activity } = choiceActivity(model, improved);
  addTransferActivity(model, activity, transfers);
  const rowCount = activity.length;
  const rhs = rowRhs(model);
  const change = new MoveChange(rowCount);
  for (let pass = 0; pass < passes && performance.now() < deadline; pass++) {
    const lists = makeUpLists(model, improved, rowCount, change);
    let gained = 0;
    const order = improvementOrder(model, improved, lambda);
    for (let position = 0; position < order.length; position++) {
      if (position % 256 === 0 && performance.now() > deadline) break;
      const i = order[position] as number;
      const current = improved[i] as number;
      const currentCost = options.cost[current] as number;
      for (const o of cheaperOptions(model, i, current)) {
        const saved = currentCost - (options.cost[o] as number);
        change.move(model, current, o);
        if (change.fits(activity, rhs)) {
          change.applyTo(activity);
          improved[i] = o;
          gained += saved;
          break;
        }
        // The row left shortest (scaled) decides which list to look in.
        let worst = -1;
        let worstNeed = 0;
        for (const row of change.rows) {
          const need = (rhs[row] as number) - (activity[row] as number) - (change.value[row] as number);
          if (need > worstNeed) {
            worstNeed = need;
            worst = row;
          }
        }
        if (worst < 0) continue;
        const first = firstCovering(lists, worst, worstNeed);
        const end = Math.min(lists.start[worst + 1] as number, first + CANDIDATES);
        let done = false;
        for (let e = first; e < end && !done; e++) {
          const j = lists.plot[e] as number;
          const to = lists.to[e] as number;
          if (j === i || improved[j] !== lists.from[e]) continue;
          const added = (options.cost[to] as number) - (options.cost[lists.from[e] as number] as number);
          if (added >= saved - 1e-9) continue;
          change.add(model, lists.from[e] as number, -1);
          change.add(model, to, 1);
          if (change.fits(activity, rhs)) {
            change.applyTo(activity);
            improved[i] = o;
            improved[j] = to;
            gained += saved - added;
            done = true;
          } else {
            change.add(model, to, -1);
            change.add(model, lists.from[e] as number, 1);
          }
        }
        if (done) break;
      }
    }
    if (gained <= 1e-9) break;
  }
  return improved;
}
