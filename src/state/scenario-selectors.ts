/**
 * Scenario figures for the UI, memoised so that components see the same objects until the rows, the
 * scenario or its zones' measures change. Indicators are sums over the analysed rows (no geometry):
 * an action edit recomputes them at once.
 */

import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import type { ScenarioIndicators } from '../core/scenario/indicators/scenario-figures.ts';
import { scenarioIndicators } from '../core/scenario/indicators/scenario-indicators.ts';
import type { Scenario } from '../core/scenario/scenario.ts';
import type { ZoneMeasures } from '../core/scenario/zone-measures.ts';
import type { PlannerState } from './planner-state.ts';

const NO_MEASURES: Readonly<Record<string, ZoneMeasures>> = Object.freeze({});
const NO_ROWS: readonly PlotRow[] = Object.freeze([]);

/** The scenario being edited (there is always one). */
export function selectActiveScenario(state: PlannerState): Scenario | undefined {
  const { scenarios, activeScenarioId } = state.scenarioSet;
  return scenarios.find((scenario) => scenario.id === activeScenarioId) ?? scenarios[0];
}

/** Zone measures of a scenario (empty until the worker has measured its zones). */
export function selectZoneMeasures(
  state: PlannerState,
  scenarioId: string,
): Readonly<Record<string, ZoneMeasures>> {
  return state.zoneMeasures[scenarioId] ?? NO_MEASURES;
}

const cache = new WeakMap<
  Scenario,
  {
    rows: readonly PlotRow[];
    measures: Readonly<Record<string, ZoneMeasures>>;
    indicators: ScenarioIndicators;
  }
>();

/** Every indicator of `scenario`, overall and per year. */
export function selectScenarioIndicators(state: PlannerState, scenario: Scenario): ScenarioIndicators {
  const rows = state.analysis?.rows ?? NO_ROWS;
  const measures = selectZoneMeasures(state, scenario.id);
  const cached = cache.get(scenario);
  if (cached && cached.rows === rows && cached.measures === measures) return cached.indicators;
  const indicators = scenarioIndicators(rows, measures, scenario);
  cache.set(scenario, { rows, measures, indicators });
  return indicators;
}

/** Indicators of the scenario being edited, or null before a plan is open. */
export function selectActiveIndicators(state: PlannerState): ScenarioIndicators | null {
  const scenario = selectActiveScenario(state);
  return scenario && state.analysis ? selectScenarioIndicators(state, scenario) : null;
}
