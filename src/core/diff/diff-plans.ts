/**
 * What changed between two plan files (版本对比), for one scenario of each: the plots whose action,
 * year, zone or lease changed, the zones added, removed or changed with their ellipsoidal areas, the
 * transfers, direct quota and assumptions, the settings, the layers, each town's quota balance, and
 * every figure of the catalogue before and after (each plan's scenario evaluated on its own layers,
 * as `npm run analyze -- --plan` does). The same function serves the command line and the page.
 */

import { analyzePlan, type PlanAnalysis, type PlanLayerSet } from '../analysis/analyze-plan.ts';
import { plotIdOf } from '../analysis/classify-plots.ts';
import type { PlanFile } from '../plan/plan-file.ts';
import { scenarioIndicators } from '../scenario/indicators/scenario-indicators.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { measureZones, prepareZoneContext, type ZoneMeasures } from '../scenario/zone-measures.ts';
import type { Feature, FeatureCollection } from '../types.ts';
import { type BalanceChange, diffBalances, diffIndicators, type IndicatorChange } from './diff-indicators.ts';
import { diffScenarios, hasNoChanges, type ScenarioChanges } from './diff-scenarios.ts';
import { sameValue } from './same-value.ts';

/** A setting whose value differs, by its path in `settings` (e.g. `horizon.lastYear`). */
export interface SettingChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Plot ids of the plot layer that were added, removed, reshaped or given other attributes. */
export interface PlotLayerChanges {
  added: string[];
  removed: string[];
  /** Same id, another geometry. */
  reshaped: string[];
  /** Same id, other properties (taxWan, floorAreaM2, town…). */
  attributes: string[];
}

export interface LayerChanges {
  plots: PlotLayerChanges;
  /** The development boundary or control layer differs (features as a whole). */
  boundaryChanged: boolean;
  controlChanged: boolean;
}

export interface PlanSide {
  name: string;
  scenario: { id: string; name: string };
}

export interface PlanDiff {
  before: PlanSide;
  after: PlanSide;
  settings: SettingChange[];
  layers: LayerChanges;
  scenario: ScenarioChanges;
  /** Towns whose overall quota balance differs. */
  balances: BalanceChange[];
  /** Every figure of the catalogue (changed or not), before and after. */
  indicators: IndicatorChange[];
}

/**
 * The scenario a diff reads: the one named `wanted` (by name, else by id), or without a name the
 * plan's active scenario (the first when none is active); undefined when there is none.
 */
export function pickScenario(
  plan: Pick<PlanFile, 'scenarios' | 'activeScenarioId'>,
  wanted?: string,
): Scenario | undefined {
  const { scenarios } = plan;
  if (wanted === undefined) return scenarios.find((s) => s.id === plan.activeScenarioId) ?? scenarios[0];
  return scenarios.find((s) => s.name === wanted) ?? scenarios.find((s) => s.id === wanted);
}

function leaves(value: unknown, path: string, into: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, member] of Object.entries(value)) leaves(member, path ? `${path}.${key}` : key, into);
  } else into.set(path, value);
}

/** The settings whose values differ, leaf by leaf (a list is one value). */
export function diffSettings(before: object, after: object): SettingChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const changes: SettingChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()]))
    if (!sameValue(a.get(path), b.get(path)))
      changes.push({ path, before: a.get(path) ?? null, after: b.get(path) ?? null });
  return changes;
}

function byPlotId(plots: FeatureCollection): Map<string, Feature> {
  return new Map(plots.features.map((feature, index) => [plotIdOf(feature, index), feature]));
}

/** What differs between two plan layer sets. */
export function diffLayers(before: PlanLayerSet, after: PlanLayerSet): LayerChanges {
  const changes: PlotLayerChanges = { added: [], removed: [], reshaped: [], attributes: [] };
  if (before.plots !== after.plots) {
    const old = byPlotId(before.plots);
    const next = byPlotId(after.plots);
    for (const [id, feature] of next) {
      const was = old.get(id);
      if (!was) changes.added.push(id);
      else if (was !== feature) {
        if (!sameValue(was.geometry, feature.geometry)) changes.reshaped.push(id);
        if (!sameValue(was.properties, feature.properties)) changes.attributes.push(id);
      }
    }
    for (const id of old.keys()) if (!next.has(id)) changes.removed.push(id);
  }
  // Features only: a plan file keeps no other member of a layer (a GeoJSON file's `name`, say).
  const differ = (a: FeatureCollection, b: FeatureCollection) =>
    a !== b && !sameValue(a.features, b.features);
  return {
    plots: changes,
    boundaryChanged: differ(before.boundary, after.boundary),
    controlChanged: differ(before.control, after.control),
  };
}

/** True when the layer sets hold the same features. */
export function hasSameLayers(changes: LayerChanges): boolean {
  const { plots } = changes;
  return (
    !changes.boundaryChanged &&
    !changes.controlChanged &&
    plots.added.length + plots.removed.length + plots.reshaped.length + plots.attributes.length === 0
  );
}

/** One side of the comparison: the plan's scenario with its analysed plots and its zones measured. */
export interface EvaluatedSide {
  plan: Pick<PlanFile, 'name' | 'layers' | 'settings'>;
  scenario: Scenario;
  analysis: PlanAnalysis;
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>;
}

/** Analyses a plan's layers and measures the scenario's zones, as the command line's analysis does. */
export function evaluateSide(
  plan: EvaluatedSide['plan'],
  scenario: Scenario,
  analysis: PlanAnalysis = analyzePlan(plan.layers, plan.settings),
): EvaluatedSide {
  const zoneMeasures = measureZones(scenario.zones, prepareZoneContext(plan.layers, plan.settings.tolerance));
  return { plan, scenario, analysis, zoneMeasures };
}

/** The diff of two evaluated sides (see diffPlans). */
export function diffSides(before: EvaluatedSide, after: EvaluatedSide, layers: LayerChanges): PlanDiff {
  const indicatorsBefore = scenarioIndicators(before.analysis.rows, before.zoneMeasures, before.scenario);
  const indicatorsAfter = scenarioIndicators(after.analysis.rows, after.zoneMeasures, after.scenario);
  const side = (evaluated: EvaluatedSide): PlanSide => ({
    name: evaluated.plan.name,
    scenario: { id: evaluated.scenario.id, name: evaluated.scenario.name },
  });
  return {
    before: side(before),
    after: side(after),
    settings: diffSettings(before.plan.settings, after.plan.settings),
    layers,
    scenario: diffScenarios(before.scenario, after.scenario, {
      before: before.zoneMeasures,
      after: after.zoneMeasures,
    }),
    balances: diffBalances(indicatorsBefore, indicatorsAfter),
    indicators: diffIndicators(indicatorsBefore, indicatorsAfter),
  };
}

/**
 * What changed from plan `before` to plan `after`, for one scenario of each.
 * Cost: one analysis of each plan's layers (one only when both hold the same layers).
 * @param scenarioBefore, scenarioAfter the scenarios compared (pickScenario)
 * @example diffPlans(a, a, s, s) // → a diff that isPlanDiffEmpty
 */
export function diffPlans(
  before: PlanFile,
  after: PlanFile,
  scenarioBefore: Scenario,
  scenarioAfter: Scenario,
): PlanDiff {
  const layers = diffLayers(before.layers, after.layers);
  const sideBefore = evaluateSide(before, scenarioBefore);
  // The same layers and tolerance classify the same: one analysis serves both.
  const sameAnalysis =
    hasSameLayers(layers) &&
    sameValue(before.settings.tolerance, after.settings.tolerance) &&
    sameValue(before.settings.screening, after.settings.screening) &&
    sameValue(before.settings.classLimits, after.settings.classLimits);
  const sideAfter = evaluateSide(after, scenarioAfter, sameAnalysis ? sideBefore.analysis : undefined);
  return diffSides(sideBefore, sideAfter, layers);
}

/** True when nothing differs: no setting, layer, scenario change or figure. */
export function isPlanDiffEmpty(diff: PlanDiff): boolean {
  return (
    diff.settings.length === 0 &&
    hasSameLayers(diff.layers) &&
    hasNoChanges(diff.scenario) &&
    diff.balances.length === 0 &&
    diff.indicators.every((indicator) => !indicator.changed)
  );
}
