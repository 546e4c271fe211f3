/**
 * The suggestion model as a mixed-integer program for HiGHS: one binary per option of the plots
 * being decided (the others fixed at a given choice), one row "exactly one option" per plot, the
 * coupling rows with an elastic slack each (penalised, so that the program always has a solution
 * and a violation shows what cannot be met), and continuous transfers between towns within the limit.
 * With every plot decided it is the exact model; on a few hundred plots it polishes a plan.
 */

import type { Highs } from 'highs';
import { addActivity, choiceActivity } from './lagrangian.ts';
import type { SuggestModel } from './suggest-model.ts';

/** Quota moved from one town to another from year k on (scaled quota units). */
export interface TransferChoice {
  from: string;
  to: string;
  k: number;
  amount: number;
}

export interface MilpResult {
  /** HiGHS finished with a proven optimum (within mipRelGap) or stopped at the time limit. */
  status: 'optimal' | 'time-limit' | 'failed';
  /** The choice for every plot (the fixed ones unchanged). */
  choice: Int32Array;
  transfers: TransferChoice[];
  /** Objective of the plots plus the violation penalties. */
  objective: number;
  /** HiGHS's proven lower bound of that (whole model only: meaningful when every plot was decided). */
  bound: number;
  /** Scaled violation per row (g × K + k). */
  violation: Float64Array;
  /** Row prices (duals) of the LP relaxation when asked for; else empty. */
  duals: Float64Array;
}

export interface MilpOptions {
  /** Plots (positions in model.options) decided by the program; the others keep `fixed`. */
  decide: Int32Array;
  fixed: Int32Array;
  timeLimitS: number;
  /** A plan to start from (HiGHS keeps it as its first incumbent): the result is never worse. */
  start?: Int32Array;
  /** Solve the LP relaxation instead (for prices), no integrality. */
  relax?: boolean;
  mipRelGap?: number;
}

/**
 * Solves the program with HiGHS.
 * @param highs a loaded HiGHS runtime (loadHighs)
 */
export function solveMilp(highs: Highs, model: SuggestModel, options: MilpOptions): MilpResult {
  const { options: plots, K, groups } = model;
  const { decide, fixed } = options;
  const isDecided = new Uint8Array(plots.n);
  for (const i of decide) isDecided[i] = 1;
  // The fixed plots' activity and cost.
  const fixedActivity = new Float64Array(groups.length * K);
  let offset = 0;
  for (let i = 0; i < plots.n; i++) {
    if (isDecided[i]) continue;
    const o = fixed[i] as number;
    offset += plots.cost[o] as number;
    const k = plots.year[o] as number;
    for (let e = plots.entStart[o] as number; e < (plots.entStart[o + 1] as number); e++)
      addActivity(model, fixedActivity, plots.entGroup[e] as number, k, plots.entCoef[e] as number);
  }
  // Active rows: those with a finite right-hand side.
  const rowOf = new Int32Array(groups.length * K).fill(-1);
  const rowLower: number[] = [];
  const activeRows: number[] = [];
  groups.forEach((group, g) => {
    for (let k = 0; k < K; k++) {
      const rhs = group.rhs[k] as number;
      if (rhs === Number.NEGATIVE_INFINITY) continue;
      rowOf[g * K + k] = rowLower.length;
      activeRows.push(g * K + k);
      rowLower.push(rhs - (fixedActivity[g * K + k] as number));
    }
  });
  const coupling = rowLower.length;
  const rowUpper: number[] = rowLower.map(() => highs.infinity);
  // One convexity row per decided plot.
  for (let d = 0; d < decide.length; d++) {
    rowLower.push(1);
    rowUpper.push(1);
  }
  const quotaTowns = [...model.quotaGroupOfTown.entries()];
  const hasTransfers = model.transferLimit > 0 && quotaTowns.length > 1;
  if (hasTransfers) {
    rowLower.push(-highs.infinity);
    rowUpper.push(model.transferLimit);
  }
  const limitRow = rowLower.length - 1;
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const integrality: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const pushEntry = (row: number, value: number) => {
    if (row < 0 || value === 0) return;
    indices.push(row);
    values.push(value);
  };
  const endColumn = (c: number, lo: number, hi: number, integer: boolean) => {
    // HiGHS wants the rows of a column in rising order.
    const from = starts[starts.length - 1] as number;
    const segment = indices.slice(from).map((row, j) => [row, values[from + j] as number] as const);
    segment.sort((x, y) => x[0] - y[0]);
    segment.forEach(([row, value], j) => {
      indices[from + j] = row;
      values[from + j] = value;
    });
    cost.push(c);
    lower.push(lo);
    upper.push(hi);
    integrality.push(integer && !options.relax ? 1 : 0);
    starts.push(indices.length);
  };
  const optionOfColumn: number[] = [];
  decide.forEach((i, d) => {
    for (let o = plots.optStart[i] as number; o < (plots.optStart[i + 1] as number); o++) {
      const k = plots.year[o] as number;
      for (let e = plots.entStart[o] as number; e < (plots.entStart[o + 1] as number); e++) {
        const g = plots.entGroup[e] as number;
        const coef = plots.entCoef[e] as number;
        if ((groups[g] as { timing: string }).timing === 'perYear')
          pushEntry(rowOf[g * K + k] as number, coef);
        else for (let kk = k; kk < K; kk++) pushEntry(rowOf[g * K + kk] as number, coef);
      }
      pushEntry(coupling + d, 1);
      optionOfColumn.push(o);
      endColumn(plots.cost[o] as number, 0, 1, true);
    }
  });
  const firstElastic = cost.length;
  for (let r = 0; r < coupling; r++) {
    pushEntry(r, 1);
    endColumn(
      (groups[Math.floor((activeRows[r] as number) / K)] as { penalty: number }).penalty,
      0,
      highs.infinity,
      false,
    );
  }
  const firstTransfer = cost.length;
  const transferColumns: { from: string; to: string; k: number }[] = [];
  if (hasTransfers)
    for (const [from, gs] of quotaTowns)
      for (const [to, gd] of quotaTowns) {
        if (from === to) continue;
        for (let k = 0; k < K; k++) {
          for (let kk = k; kk < K; kk++) {
            pushEntry(rowOf[gd * K + kk] as number, 1);
            pushEntry(rowOf[gs * K + kk] as number, -1);
          }
          pushEntry(limitRow, 1);
          transferColumns.push({ from, to, k });
          endColumn(0, 0, highs.infinity, false);
        }
      }
  const numCols = cost.length;
  const numRows = rowLower.length;
  const model_ = highs.createModel({
    numCols,
    numRows,
    offset,
    colCost: cost,
    colLower: lower,
    colUpper: upper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows, numCols, starts, indices, values },
    ...(options.relax ? {} : { integrality: integrality as (0 | 1)[] }),
  });
  try {
    model_.options.set({
      output_flag: false,
      time_limit: Math.max(0.05, options.timeLimitS),
      mip_rel_gap: options.mipRelGap ?? 1e-6,
      primal_feasibility_tolerance: 1e-9,
      mip_feasibility_tolerance: 1e-9,
      random_seed: 1,
    });
    if (options.start && !options.relax) {
      const colValue = new Float64Array(numCols);
      let column = 0;
      for (const i of decide)
        for (let o = plots.optStart[i] as number; o < (plots.optStart[i + 1] as number); o++, column++)
          colValue[column] = o === options.start[i] ? 1 : 0;
      // The start's shortfalls go to the elastic slacks, so that it is a solution of this program.
      const { activity } = choiceActivity(model, options.start);
      for (let r = 0; r < coupling; r++) {
        const row = activeRows[r] as number;
        const rhs = (groups[Math.floor(row / K)] as { rhs: Float64Array }).rhs[row % K] as number;
        colValue[firstElastic + r] = Math.max(0, rhs - (activity[row] as number));
      }
      model_.setSolution({ colValue });
    }
    const run = model_.run();
    const optimal = run.modelStatus === highs.constants.modelStatus.optimal;
    const timeLimit = run.modelStatus === highs.constants.modelStatus.timeLimit;
    const solution = model_.getSolution();
    const choice = fixed.slice();
    const violation = new Float64Array(groups.length * K);
    const transfers: TransferChoice[] = [];
    if (!(optimal || timeLimit) || solution.colValue.length !== numCols)
      return {
        status: 'failed',
        choice,
        transfers,
        objective: Number.NaN,
        bound: Number.NEGATIVE_INFINITY,
        violation,
        duals: new Float64Array(0),
      };
    let column = 0;
    decide.forEach((i) => {
      let best = -1;
      let bestValue = -1;
      for (let o = plots.optStart[i] as number; o < (plots.optStart[i + 1] as number); o++, column++) {
        const value = solution.colValue[column] as number;
        if (value > bestValue) {
          bestValue = value;
          best = optionOfColumn[column] as number;
        }
      }
      choice[i] = best;
    });
    for (let r = 0; r < coupling; r++)
      violation[activeRows[r] as number] = solution.colValue[firstElastic + r] as number;
    transferColumns.forEach((t, j) => {
      const amount = solution.colValue[firstTransfer + j] as number;
      if (amount > 1e-9) transfers.push({ ...t, amount });
    });
    const duals = new Float64Array(groups.length * K);
    if (options.relax)
      for (let r = 0; r < coupling; r++)
        duals[activeRows[r] as number] = Math.max(0, solution.rowDual[r] as number);
    const objective = model_.getObjectiveValue();
    const bound = options.relax ? objective : Number(model_.info.get('mip_dual_bound'));
    return {
      status: optimal ? 'optimal' : 'time-limit',
      choice,
      transfers,
      objective,
      bound,
      violation,
      duals,
    };
  } finally {
    model_.dispose();
  }
}
