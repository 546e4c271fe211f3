/**
 * Every figure of the catalogue before and after, for the plan as a whole (2026) and through each
 * year, and the towns whose quota balance moved. Names, units and which way is better come from
 * figure-catalogue.ts, as on every other surface.
 */

import { type Better, FIGURE_CATALOGUE, type FigureUnit } from '../catalogue/figure-catalogue.ts';
import type { ScenarioIndicators } from '../scenario/indicators/scenario-figures.ts';
import { PLAN_YEARS, type PlanYear } from '../scenario/scenario.ts';
import type { Message } from '../types.ts';

/** One figure's value before and after; the difference is after − before (null when either is). */
export interface FigurePair {
  before: number | null;
  after: number | null;
  difference: number | null;
}

export interface IndicatorChange extends FigurePair {
  /** The figure's key in the catalogue (figure-catalogue.ts). */
  key: string;
  name: Message;
  unit: FigureUnit;
  better: Better;
  /** True when the overall value or that of any year differs. */
  changed: boolean;
  byYear: Record<PlanYear, FigurePair>;
}

/** A town whose quota balance (R3) differs, 亩, overall. */
export interface BalanceChange extends FigurePair {
  town: string;
}

function pair(before: number | null, after: number | null): FigurePair {
  return { before, after, difference: before === null || after === null ? null : after - before };
}

function differs(figures: FigurePair): boolean {
  return !Object.is(figures.before, figures.after);
}

/**
 * Every figure of FIGURE_CATALOGUE, in its order, before and after.
 * @param before, after scenarioIndicators of the two versions
 */
export function diffIndicators(before: ScenarioIndicators, after: ScenarioIndicators): IndicatorChange[] {
  return FIGURE_CATALOGUE.map((record) => {
    const byYear = {} as Record<PlanYear, FigurePair>;
    for (const year of PLAN_YEARS)
      byYear[year] = pair(record.read(before.byYear[year]), record.read(after.byYear[year]));
    const overall = pair(record.read(before.overall), record.read(after.overall));
    return {
      key: record.key,
      name: record.name,
      unit: record.unit,
      better: record.better,
      ...overall,
      changed: differs(overall) || PLAN_YEARS.some((year) => differs(byYear[year])),
      byYear,
    };
  });
}

/** The towns whose overall quota balance differs, by name (a town on one side only counts 0 on the other). */
export function diffBalances(before: ScenarioIndicators, after: ScenarioIndicators): BalanceChange[] {
  const a = before.overall.ledger.byTown;
  const b = after.overall.ledger.byTown;
  const towns = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) =>
    x.localeCompare(y, 'zh-CN'),
  );
  const changes: BalanceChange[] = [];
  for (const town of towns) {
    const balances = pair(a[town]?.balance ?? 0, b[town]?.balance ?? 0);
    if (differs(balances)) changes.push({ town, ...balances });
  }
  return changes;
}
