/**
 * Baseline indicators of DESIGN.md, citywide and per town: industrial land, the share inside
 * control lines (R1, area-weighted), land outside the development boundary (R2) and counts per
 * status. Plots that could not be classified are counted apart and left out of every sum.
 */

import { m2ToMu } from '../geometry/ellipsoidal-area.ts';
import type { PlotStatus } from '../types.ts';
import type { PlotResult } from './classify-plots.ts';

/** R1 target: share of industrial land inside the control lines. */
export const CONTROL_SHARE_TARGET = 0.8;

export interface BaselineFigures {
  /** Number of classified plots. */
  plots: number;
  /** Σ areaMu. */
  industrialMu: number;
  /** Σ areaM2. */
  industrialM2: number;
  /** Σ inControlM2 / Σ areaM2; null when there is no land. */
  controlShare: number | null;
  /** Σ inControlM2, in 亩. */
  inControlMu: number;
  /** Σ (areaM2 − inBoundaryM2), in 亩. */
  outsideBoundaryMu: number;
  statusCounts: Record<PlotStatus, number>;
  /** Σ areaMu per status. */
  statusMu: Record<PlotStatus, number>;
  /** Plots that could not be classified (left out of the sums above). */
  unclassified: number;
}

export interface BaselineIndicators extends BaselineFigures {
  /** Per town, keyed by town name; plots without a town are under "". */
  byTown: Record<string, BaselineFigures>;
}

function emptyFigures(): BaselineFigures & { inControlM2: number; outsideM2: number } {
  return {
    plots: 0,
    industrialMu: 0,
    industrialM2: 0,
    controlShare: null,
    inControlMu: 0,
    outsideBoundaryMu: 0,
    statusCounts: { control: 0, boundary: 0, crossing: 0, outside: 0 },
    statusMu: { control: 0, boundary: 0, crossing: 0, outside: 0 },
    unclassified: 0,
    inControlM2: 0,
    outsideM2: 0,
  };
}

type Accumulator = ReturnType<typeof emptyFigures>;

function add(figures: Accumulator, result: PlotResult): void {
  if (result.status === null) {
    figures.unclassified++;
    return;
  }
  figures.plots++;
  figures.industrialM2 += result.areaM2;
  figures.inControlM2 += result.inControlM2;
  figures.outsideM2 += result.areaM2 - result.inBoundaryM2;
  figures.statusCounts[result.status]++;
  figures.statusMu[result.status] += result.areaMu;
}

function finish(figures: Accumulator): BaselineFigures {
  const { inControlM2, outsideM2, ...rest } = figures;
  return {
    ...rest,
    industrialMu: m2ToMu(figures.industrialM2),
    controlShare: figures.industrialM2 > 0 ? inControlM2 / figures.industrialM2 : null,
    inControlMu: m2ToMu(inControlM2),
    outsideBoundaryMu: m2ToMu(outsideM2),
  };
}

/**
 * Baseline indicators from classified plots.
 * @param results classification results, one per plot
 * @param towns the town of each plot, in the same order (see assignTowns)
 */
export function baselineIndicators(
  results: readonly PlotResult[],
  towns: readonly (string | undefined)[],
): BaselineIndicators {
  const city = emptyFigures();
  const byTown = new Map<string, Accumulator>();
  results.forEach((result, i) => {
    add(city, result);
    const town = towns[i] ?? '';
    let figures = byTown.get(town);
    if (!figures) {
      figures = emptyFigures();
      byTown.set(town, figures);
    }
    add(figures, result);
  });
  const sortedTowns = [...byTown.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return {
    ...finish(city),
    byTown: Object.fromEntries(sortedTowns.map((town) => [town, finish(byTown.get(town) as Accumulator)])),
  };
}
