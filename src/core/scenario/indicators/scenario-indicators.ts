/**
 * Scenario indicators of DESIGN.md "Scenarios", for the plan as a whole and cumulatively for each
 * year 2022…2026 (an action, zone, transfer or direct quota counts from its year on). The per-plot
 * figures are packed once per analysis into typed arrays; the contributions of a scenario's action
 * entries are summed once per action record, and a record made by applyEdit is derived from its
 * parent's sums by the plots the edit changed (1,000 plots of 100,000: about 2 ms). Sums are exact
 * (see exact-sums.ts), so the figures never depend on the order or history of edits.
 *
 * Interpretations where DESIGN.md is silent (also in docs/plan-file.md):
 * - "overall" is the cumulative figure of 2026: every dated item counts by then.
 * - Plots that could not be classified (status null) are left out of controlShare, as in the
 *   baseline, but their area counts for renovatedMu, the ledger and money.
 * - A missing taxWan leaves that plot out of both sums of renovatedTaxPerMu (never counted as 0);
 *   a missing floorAreaM2 leaves it out of demolition and relocation demand; a missing rentWan is
 *   no rent. Each such plot is counted under `data`.
 * - Village collective income is annual: before = Σ rentWan of all plots; after = before − the rent
 *   of vacated, relocated and purchased plots (the land leaves the collective) − the rent of leased
 *   plots + their lease (areaMu × leaseWanPerMuYear). The purchase price is a one-off payment,
 *   reported as villageOneOffWan.
 * - Acquisition cost: purchase = areaMu × purchaseWanPerMu; lease = areaMu × leaseWanPerMuYear ×
 *   years (the whole lease). The reward applies to purchases and leases alike.
 * - A balance counts as negative below −1e-6 亩 (rounding of area sums).
 * - Citywide, transfers in and out are both the total transferred; they cancel in the balance.
 * - A relocation whose zone is missing or unknown adds no demand anywhere and is counted under
 *   data.unassignedRelocations.
 */

import type { PlotRow } from '../../analysis/analyze-plan.ts';
import { PLAN_YEARS, type PlanYear, type Scenario } from '../scenario.ts';
import type { ZoneMeasures } from '../zone-measures.ts';
import { accumulated, YEARS } from './accumulate.ts';
import { cumulate } from './cumulate.ts';
import { figuresFor } from './figures-for.ts';
import { plotTable } from './plot-table.ts';
import type { ScenarioFigures, ScenarioIndicatorOptions, ScenarioIndicators } from './scenario-figures.ts';
import { SCENARIO_TARGETS, type ScenarioTargets } from './scenario-targets.ts';

/**
 * Every scenario indicator, overall and cumulatively per year 2022…2026 (DESIGN.md "Scenarios").
 * Cost: the rows are packed into typed arrays on the first call with a rows array; the action
 * entries are summed once per action record, and a record made by applyEdit from one already
 * summed costs only the plots the edit changed. The result never depends on that history.
 * @param rows the baseline per plot (analyzePlan), areas in m² and 亩, tax and rent in 万元
 * @param zoneMeasures measures of the scenario's zones keyed by zone id (measureZones)
 * @param scenario actions, zones, transfers, direct quota and assumptions
 * @returns figures in 亩, m², 万元 and shares 0…1, with the target checks of R1, R3, R2 and R7
 */
export function scenarioIndicators(
  rows: readonly PlotRow[],
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>,
  scenario: Scenario,
  options: ScenarioIndicatorOptions = {},
): ScenarioIndicators {
  const table = plotTable(rows);
  const targets: ScenarioTargets = { ...SCENARIO_TARGETS, ...options.targets };
  const acc = cumulate(accumulated(table, scenario.actions), table.towns.length);
  const byYear = {} as Record<PlanYear, ScenarioFigures>;
  PLAN_YEARS.forEach((year, y) => {
    byYear[year] = figuresFor(y, table, acc, scenario, zoneMeasures, targets);
  });
  return { overall: byYear[PLAN_YEARS[YEARS - 1] as PlanYear], byYear };
}
