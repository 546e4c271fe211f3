/**
 * What a suggested scenario fails to meet, read from its ordinary indicators (never from the
 * solver's own sums): enabled targets by the last year (and their milestones), every town's quota
 * balance in every year, zone capacity, the yearly budget, R2 violations of zones. Each shortfall
 * says what holds it back: the resource rows (quota, capacity, budget) with a positive price.
 */

import type { ScenarioFigures } from '../scenario/indicators/scenario-figures.ts';
import { BALANCE_EPSILON_MU } from '../scenario/indicators/scenario-figures.ts';
import type { PlanYear, Scenario } from '../scenario/scenario.ts';
import { shortfallMessage } from './explain-suggestion.ts';
import { spendingByYear } from './spending-by-year.ts';
import type { SuggestModel } from './suggest-model.ts';
import type { PlanningSettings } from './suggest-settings.ts';
import { TARGET_KEYS } from './suggest-settings.ts';
import type { ConstraintKind, Shortfall } from './suggestion.ts';

/** Resource rows (quota, capacity, budget) with a positive price: those that hold the plan back. */
function limiting(model: SuggestModel, prices: Float64Array): ConstraintKind[] {
  const kinds = new Set<ConstraintKind>();
  model.groups.forEach((group, g) => {
    if (group.kind !== 'quota' && group.kind !== 'capacity' && group.kind !== 'budget') return;
    for (let k = 0; k < model.K; k++) if ((prices[g * model.K + k] as number) > 1e-9) kinds.add(group.kind);
  });
  if (model.options.ruleConflicts.length > 0) kinds.add('rule');
  return [...kinds];
}

/**
 * The shortfalls of a suggested scenario.
 * @param figures its figures per year of the horizon
 */
export function suggestionShortfalls(
  model: SuggestModel,
  planning: PlanningSettings,
  scenario: Scenario,
  figures: readonly ScenarioFigures[],
  prices: Float64Array,
): Shortfall[] {
  const { targets, suggestion } = planning;
  const K = model.K;
  const last = figures[K - 1] as ScenarioFigures;
  const lastYear = model.years[K - 1] as PlanYear;
  const out: { kind: ConstraintKind; year: PlanYear; subject?: string; required: number; reached: number }[] =
    [];
  for (const key of TARGET_KEYS) {
    const target = targets[key];
    if (!target.enabled) continue;
    const linear = targets.milestones === 'linear' && (key === 'renovatedMu' || key === 'newAboveScaleFirms');
    for (let k = linear ? 0 : K - 1; k < K; k++) {
      const value = (figures[k] as ScenarioFigures)[key];
      const required = linear ? (target.value * (k + 1)) / K : target.value;
      if (value === null || value < required)
        out.push({ kind: key, year: model.years[k] as PlanYear, required, reached: value ?? 0 });
    }
  }
  figures.forEach((f, k) => {
    const year = model.years[k] as PlanYear;
    for (const town of f.ledger.negativeTowns)
      out.push({
        kind: 'quota',
        year,
        subject: town,
        required: -BALANCE_EPSILON_MU,
        reached: f.ledger.byTown[town]?.balance ?? 0,
      });
  });
  for (const zone of scenario.zones) {
    const capacity = last.capacity[zone.id];
    if (capacity?.isShort)
      out.push({
        kind: 'capacity',
        year: lastYear,
        subject: zone.id,
        required: capacity.supplyM2,
        reached: capacity.demandM2,
      });
  }
  if (suggestion.yearlyBudgetWan !== null) {
    const budget = suggestion.yearlyBudgetWan;
    spendingByYear(figures).forEach((spent, k) => {
      // Sums of the same figures in another order differ in the last bits: a cent is no overrun.
      if (spent > budget + 1e-6 * Math.max(1, budget))
        out.push({ kind: 'budget', year: model.years[k] as PlanYear, required: budget, reached: spent });
    });
  }
  if (last.violations.count > 0)
    out.push({ kind: 'violations', year: lastYear, required: 0, reached: last.violations.count });
  if (out.length === 0) return [];
  const limits = limiting(model, prices);
  return out.map((s) =>
    shortfallMessage(
      s.kind,
      s.year,
      s.subject,
      s.required,
      s.reached,
      limits.filter((limit) => limit !== s.kind),
    ),
  );
}
