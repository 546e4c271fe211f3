/**
 * The small plan fixture (test/fixtures/plans/small-v1.plan.json) analysed and opened in a planner
 * store, for the tests that render the panels to HTML with react-dom/server.
 */

import { readFileSync } from 'node:fs';
import { analyzePlan, type PlanAnalysis, type PlanLayerSet } from '../../src/core/analysis/analyze-plan.ts';
import { packPlotOutlines } from '../../src/core/plot-outlines.ts';
import type { Scenario } from '../../src/core/scenario/scenario.ts';
import {
  measureZones,
  prepareZoneContext,
  type ZoneMeasures,
} from '../../src/core/scenario/zone-measures.ts';
import type { PlannerState } from '../../src/state/planner-state.ts';
import type { PlannerStore } from '../../src/state/store.ts';

export interface FixturePlan {
  plan: { layers: PlanLayerSet; scenarios: Scenario[]; activeScenarioId: string };
  analysis: PlanAnalysis;
  /** The fixture's first scenario, and its zones measured. */
  scenario: Scenario;
  measures: Record<string, ZoneMeasures>;
}

/** The fixture, analysed and its first scenario's zones measured. */
export function loadFixturePlan(): FixturePlan {
  const plan = JSON.parse(
    readFileSync(new URL('../fixtures/plans/small-v1.plan.json', import.meta.url), 'utf8'),
  ) as FixturePlan['plan'];
  const scenario = plan.scenarios[0] as Scenario;
  return {
    plan,
    analysis: analyzePlan(plan.layers),
    scenario,
    measures: measureZones(scenario.zones, prepareZoneContext(plan.layers)),
  };
}

/** Puts `store` back to `initial`, then opens the fixture with its scenarios and zone measures. */
export function openFixturePlan(store: PlannerStore, initial: PlannerState, fixture: FixturePlan): void {
  const { plan, analysis, scenario, measures } = fixture;
  store.setState(initial, true);
  store
    .getState()
    .openPlan({ ...plan.layers, plots: packPlotOutlines(plan.layers.plots), origins: null }, analysis, null);
  store.getState().setScenarioSet({ scenarios: plan.scenarios, activeScenarioId: plan.activeScenarioId });
  store.getState().setZoneMeasures(scenario.id, measures);
}

/**
 * Server rendering reads a store's initial state; this makes it read the state the test set.
 * Returns what puts the store's own initial state back.
 */
export function renderCurrentState(store: PlannerStore): () => void {
  const getInitialState = store.getInitialState;
  store.getInitialState = store.getState;
  return () => {
    store.getInitialState = getInitialState;
  };
}
