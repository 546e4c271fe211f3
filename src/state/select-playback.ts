/**
 * 逐年推演 as the map and the panels read it: the active scenario as it stands at the end of the
 * playback year (scenarioAtYear), the plan year whose figures stand for it, and the horizon's years.
 */

import type { PlanYear, Scenario } from '../core/scenario/scenario.ts';
import { planYearOf, scenarioAtYear } from '../core/scenario/scenario-at-year.ts';
import type { PlannerState } from './planner-state.ts';

/** The years of the plan's horizon (settings.horizon, 2022–2026 by default), first to last. */
export function selectHorizonYears(state: Pick<PlannerState, 'planning'>): number[] {
  const { firstYear, lastYear } = state.planning.horizon;
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) years.push(year);
  return years;
}

/** The active scenario as the main map draws it: at the playback year, or whole without one. */
export function selectShownScenario(
  state: Pick<PlannerState, 'scenarioSet' | 'playbackYear'>,
): Scenario | undefined {
  const { scenarios, activeScenarioId } = state.scenarioSet;
  const scenario = scenarios.find((s) => s.id === activeScenarioId) ?? scenarios[0];
  return scenario && state.playbackYear !== null ? scenarioAtYear(scenario, state.playbackYear) : scenario;
}

/** The plan year whose cumulative figures the bars and the ledger show now; null: the plan as a whole. */
export function selectPlaybackPlanYear(state: Pick<PlannerState, 'playbackYear'>): PlanYear | null {
  return state.playbackYear === null ? null : planYearOf(state.playbackYear);
}
