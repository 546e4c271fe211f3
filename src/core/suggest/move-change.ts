/**
 * The change of every row (g × K + k, scaled) that moving plots between options makes, dense with
 * the list of the rows touched, reused from move to move (greedy-plan.ts, swap-improve.ts).
 */

import type { SuggestModel } from './suggest-model.ts';

/** Row changes of a move, dense with the list of rows touched (reused between moves). */
export class MoveChange {
  readonly value: Float64Array;
  readonly rows: number[] = [];
  private readonly listed: Uint8Array;
  constructor(size: number) {
    this.value = new Float64Array(size);
    this.listed = new Uint8Array(size);
  }
  clear(): void {
    for (const row of this.rows) {
      this.value[row] = 0;
      this.listed[row] = 0;
    }
    this.rows.length = 0;
  }
  /** Adds sign × option o's coefficients, year-expanded. */
  add(model: SuggestModel, o: number, sign: number): void {
    const { options, K, groups } = model;
    const k = options.year[o] as number;
    for (let e = options.entStart[o] as number; e < (options.entStart[o + 1] as number); e++) {
      const g = options.entGroup[e] as number;
      const last = (groups[g] as { timing: string }).timing === 'perYear' ? k : K - 1;
      for (let kk = k; kk <= last; kk++) {
        const row = g * K + kk;
        if (this.listed[row] === 0) {
          this.listed[row] = 1;
          this.rows.push(row);
        }
        this.value[row] = (this.value[row] as number) + sign * (options.entCoef[e] as number);
      }
    }
  }

  /** Starts over with the move of one plot from option `from` to option `to`. */
  move(model: SuggestModel, from: number, to: number): void {
    this.clear();
    this.add(model, from, -1);
    this.add(model, to, 1);
  }

  /** Whether no row the change lowers ends below its right-hand side (`rhs` from rowRhs). */
  fits(activity: Float64Array, rhs: Float64Array): boolean {
    for (const row of this.rows) {
      const value = this.value[row] as number;
      if (value < 0 && (activity[row] as number) + value < (rhs[row] as number)) return false;
    }
    return true;
  }

  /** Adds the change to `activity`. */
  applyTo(activity: Float64Array): void {
    for (const row of this.rows) activity[row] = (activity[row] as number) + (this.value[row] as number);
  }
}

/** The right-hand side of every row (g × K + k), scaled; −Infinity where the row is off. */
export function rowRhs(model: SuggestModel): Float64Array {
  const { K, groups } = model;
  const rhs = new Float64Array(groups.length * K);
  groups.forEach((group, g) => {
    for (let k = 0; k < K; k++) rhs[g * K + k] = group.rhs[k] as number;
  });
  return rhs;
}

/** Plot i's options cheaper than `current`, cheapest first. */
export function cheaperOptions(model: SuggestModel, i: number, current: number): number[] {
  const { options } = model;
  const limit = (options.cost[current] as number) - 1e-9;
  const cheaper: number[] = [];
  for (let o = options.optStart[i] as number; o < (options.optStart[i + 1] as number); o++)
    if ((options.cost[o] as number) < limit) cheaper.push(o);
  return cheaper.sort((a, b) => (options.cost[a] as number) - (options.cost[b] as number));
}
