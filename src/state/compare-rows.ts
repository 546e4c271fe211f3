/**
 * The rows of the scenario comparison: the figure catalogue's compared figures for each scenario,
 * with differences to the first and the best values. Pure: it reads figures already computed.
 */

import { type Better, FIGURE_CATALOGUE, type FigureUnit } from '../core/catalogue/figure-catalogue.ts';
import { INDICATOR_CATALOGUE, type TargetKey } from '../core/catalogue/indicator-catalogue.ts';
import type { ScenarioFigures } from '../core/scenario/indicators/scenario-figures.ts';
import type { Message } from '../core/types.ts';

/** How a comparison row is judged: higher or lower is better, or neither. */
export type CompareDirection = Better;

/** One row of the scenario comparison: a figure of the catalogue for each scenario. */
export interface CompareRow {
  key: string;
  label: Message;
  unit: FigureUnit;
  direction: CompareDirection;
  /** Target the row is measured against, if any (R1, R7). */
  target?: number;
  /** Per scenario, in the order given; null = not available. */
  values: (number | null)[];
  /** value − the first scenario's value; null for the first and where either is missing. */
  differences: (number | null)[];
  /** Indices of the scenarios with the best value (empty when all are equal or the row has no direction). */
  best: number[];
}

/** The compared rows: the catalogue's compared figures in its order, targets from the figures' own checks. */
export function compareRows(figures: readonly ScenarioFigures[]): CompareRow[] {
  return FIGURE_CATALOGUE.filter((figure) => figure.compared).map((figure) => {
    const values = figures.map((f) => {
      const value = figure.read(f);
      return value === null || !Number.isFinite(value) ? null : value;
    });
    const first = values[0] ?? null;
    const differences = values.map((value, i) =>
      i === 0 || value === null || first === null ? null : value - first,
    );
    const target = targetOf(figure.key, figures[0]);
    return {
      key: figure.key,
      label: figure.name,
      unit: figure.unit,
      direction: figure.better,
      ...(target === undefined ? {} : { target }),
      values,
      differences,
      best: bestIndices(values, figure.better),
    };
  });
}

/** The 2026 target of a headline figure with an at-least target (R1, R7). */
function targetOf(key: string, figures: ScenarioFigures | undefined): number | undefined {
  if (!figures) return undefined;
  const indicator = INDICATOR_CATALOGUE.find((record) => record.headline === key);
  if (indicator?.target?.kind !== 'atLeast') return undefined;
  return figures.targets[indicator.key as TargetKey].target;
}

/** Relative tolerance under which two compared values count as equal (sums in different orders). */
const EQUAL_TOLERANCE = 1e-9;

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EQUAL_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Indices holding the best value; none when there is one value or fewer, or all are equal. */
export function bestIndices(values: readonly (number | null)[], direction: CompareDirection): number[] {
  if (direction === 'none') return [];
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return [];
  const best = direction === 'higher' ? Math.max(...present) : Math.min(...present);
  if (present.every((v) => nearlyEqual(v, best))) return [];
  return values.flatMap((v, i) => (v !== null && nearlyEqual(v, best) ? [i] : []));
}
