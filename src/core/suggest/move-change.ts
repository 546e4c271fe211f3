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
}
