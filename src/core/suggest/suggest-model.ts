/**
 * The suggestion as a choice problem (docs/suggest.md "Model"): every unlocked plot takes exactly one
 * option (an action variant and a year of the horizon); a few coupling row groups, each row
 * "activity ≥ rhs", tie the plots together (targets, quota per town and year, zone capacity, yearly
 * budget). The constants of the rows come from the ordinary indicators of the base scenario with only
 * its locked plots' actions, so the model and the indicators cannot disagree on what is there already.
 */

import type { PlotRow } from '../analysis/analyze-plan.ts';
import { plotTable } from '../scenario/indicators/plot-table.ts';
import type { ScenarioFigures } from '../scenario/indicators/scenario-figures.ts';
import { scenarioIndicators } from '../scenario/indicators/scenario-indicators.ts';
import { type ActionEntry, PLAN_YEARS, type PlanYear, type Scenario } from '../scenario/scenario.ts';
import type { ZoneMeasures } from '../scenario/zone-measures.ts';
import { spendingByYear } from './spending-by-year.ts';
import { type GroupIndex, optionsOfPlots, type PlotOptions } from './suggest-options.ts';
import type { PlanningSettings } from './suggest-settings.ts';
import type { ConstraintKind } from './suggestion.ts';

/** A family of rows: one row per year of the horizon (`rhs` −Infinity where the row is off). */
export interface RowGroup {
  kind: ConstraintKind;
  /** Town (quota) or zone id (capacity). */
  subject?: string;
  /** `cumulative`: an option counts in the rows of its year and every later one; `perYear`: only its year's. */
  timing: 'cumulative' | 'perYear';
  /** Rows and coefficients are divided by this (the largest coefficient), so all rows weigh alike. */
  scale: number;
  /** Per year of the horizon, scaled. */
  rhs: Float64Array;
  /**
   * Cost (objective units) of one scaled unit of violation: more than any plan could cost, so that
   * a row is given up only when it cannot be met; the resource rows (quota, capacity, budget) cost a
   * thousand times more than the targets, so that a target gives way first.
   */
  penalty: number;
}

export interface SuggestModel {
  years: PlanYear[];
  /** Years of the horizon. */
  K: number;
  groups: RowGroup[];
  /** Unlocked plots and their options (coefficients scaled by their group's scale). */
  options: PlotOptions;
  /** Quota group of each town that has one. */
  quotaGroupOfTown: Map<string, number>;
  /** The most the suggestion may transfer between towns, in scaled quota units. */
  transferLimit: number;
  /** The scale of every quota group (one, so that a transfer moves the same scaled amount out and in). */
  quotaScale: number;
  /** The penalty of a target row (RowGroup.penalty). */
  penalty: number;
  /** Actions of the locked plots (their base entries): the fixed part of every suggested scenario. */
  lockedActions: Record<string, ActionEntry>;
  /** Figures of the base scenario with only the locked actions, per year of the horizon. */
  lockedFigures: ScenarioFigures[];
}

/** Rows that are the plan's means rather than its aims: a target gives way before them. */
const RESOURCE_KINDS: ReadonlySet<ConstraintKind> = new Set(['quota', 'capacity', 'budget']);

/** Rows ask for this much more (scaled) than the indicators need (docs/suggest.md "Margins"). */
export const ROW_MARGIN = 1e-6;

/**
 * A right-hand side with the margin, so that the ordinary indicators (which compare without
 * tolerance) agree with the solvers (which accept 1e-9): a row that asks for something asks for a
 * little more; a row already met by doing nothing (rhs ≤ 0) still is.
 */
function withMargin(rhs: number): number {
  if (rhs > 0 || rhs <= -ROW_MARGIN) return rhs + ROW_MARGIN;
  return rhs === Number.NEGATIVE_INFINITY ? rhs : 0;
}

/** Row index of group g, year k. */
export function rowIndex(model: SuggestModel, g: number, k: number): number {
  return g * model.K + k;
}

/** A straight line from `start` (the year before the horizon) to `target` (its last year). */
function milestone(start: number, target: number, k: number, K: number): number {
  return start + ((target - start) * (k + 1)) / K;
}

/**
 * Builds the model of the suggestion.
 * @param rows the baseline per plot (analyzePlan)
 * @param zoneMeasures measures of the base scenario's zones (measureZones)
 * @param base the base scenario: its zones, transfers, direct quota, assumptions and locked actions are kept
 * @param planning horizon, targets and suggestion settings of the plan
 */
export function buildSuggestModel(
  rows: readonly PlotRow[],
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>,
  base: Scenario,
  planning: PlanningSettings,
): SuggestModel {
  const { horizon, targets, suggestion } = planning;
  const years = PLAN_YEARS.filter((year) => year >= horizon.firstYear && year <= horizon.lastYear);
  const K = years.length;
  const locked = new Set(suggestion.lockedPlotIds);
  const lockedActions: Record<string, ActionEntry> = {};
  for (const [plotId, entry] of Object.entries(base.actions))
    if (locked.has(plotId)) lockedActions[plotId] = entry;
  const indicators = scenarioIndicators(rows, zoneMeasures, { ...base, actions: lockedActions });
  const lockedFigures = years.map((year) => indicators.byYear[year]);
  const last = lockedFigures[K - 1] as ScenarioFigures;
  const table = plotTable(rows);
  const a = base.assumptions;

  const groups: RowGroup[] = [];
  const add = (
    kind: ConstraintKind,
    rhs: (k: number) => number,
    extra: Partial<Pick<RowGroup, 'subject' | 'timing'>> = {},
  ) => {
    groups.push({
      kind,
      timing: 'cumulative',
      scale: 1,
      penalty: 0,
      rhs: Float64Array.from({ length: K }, (_, k) => rhs(k)),
      ...extra,
    });
    return groups.length - 1;
  };
  const lastOnly = (value: number) => (k: number) => (k === K - 1 ? value : Number.NEGATIVE_INFINITY);
  const linear = targets.milestones === 'linear';
  const figuresAt = (k: number) => lockedFigures[k] as ScenarioFigures;
  const index: GroupIndex = {
    controlShare: -1,
    renovatedMu: -1,
    renovatedTaxPerMu: -1,
    renovatedTaxBase: -1,
    newAboveScaleFirms: -1,
    quotaOfTown: new Int32Array(table.towns.length).fill(-1),
    capacityOfZone: new Int32Array(0),
    budget: -1,
    yearSensitive: [],
  };
  if (targets.controlShare.enabled) {
    const T = targets.controlShare.value;
    const p = last.parts;
    // (RIC − Σ r·inC + ZIC) / (RA − Σ r·a + ZA) ≥ T  ⟺  Σ r·(T·a − inC) ≥ T·(RA + ZA) − (RIC + ZIC)
    index.controlShare = add(
      'controlShare',
      lastOnly(T * (p.remainingM2 + p.zonesNewLandM2) - (p.remainingInControlM2 + p.zonesNewLandInControlM2)),
    );
  }
  if (targets.renovatedMu.enabled) {
    const T = targets.renovatedMu.value;
    index.renovatedMu = add(
      'renovatedMu',
      linear ? (k) => milestone(0, T, k, K) - figuresAt(k).renovatedMu : lastOnly(T - last.renovatedMu),
    );
  }
  if (targets.renovatedTaxPerMu.enabled) {
    const T = targets.renovatedTaxPerMu.value;
    const p = last.parts;
    // (Σ tax·uplift + ZMu·zoneTax) / (Σ taxMu + ZMu) ≥ T  ⟺  Σ (tax·uplift − T·mu) ≥ T·(taxMu + ZMu) − (taxWan·uplift + ZMu·zoneTax)
    index.renovatedTaxPerMu = add(
      'renovatedTaxPerMu',
      lastOnly(
        T * (p.improvedTaxMu + p.zonesNewLandMu) -
          (p.improvedTaxWan * a.upliftFactor + p.zonesNewLandMu * a.zoneTaxPerMu),
      ),
    );
    // The ratio exists only with some renovated land of known tax, or some zone.
    if (p.improvedTaxMu + p.zonesNewLandMu <= 0)
      index.renovatedTaxBase = add('renovatedTaxBase', lastOnly(1e-3));
  }
  if (targets.newAboveScaleFirms.enabled) {
    const T = targets.newAboveScaleFirms.value;
    index.newAboveScaleFirms = add(
      'newAboveScaleFirms',
      linear
        ? (k) => milestone(0, T, k, K) - figuresAt(k).newAboveScaleFirms
        : lastOnly(T - last.newAboveScaleFirms),
    );
  }
  // R3: every town's balance ≥ 0 in every year; the unlocked plots' released 亩 add to it.
  const quotaGroupOfTown = new Map<string, number>();
  const townIndex = new Map(table.towns.map((town, t) => [town, t]));
  const towns = [...new Set([...table.towns, ...Object.keys(last.ledger.byTown)])].sort();
  for (const town of towns) {
    const balance = (k: number) => figuresAt(k).ledger.byTown[town]?.balance ?? 0;
    const binds = years.some((_, k) => balance(k) < 0) || suggestion.transferLimitMu > 0;
    if (!binds) continue;
    const g = add('quota', (k) => -balance(k), { subject: town });
    quotaGroupOfTown.set(town, g);
    const t = townIndex.get(town);
    if (t !== undefined) index.quotaOfTown[t] = g;
  }
  // Capacity: demand (floor area × factor) ≤ supply from the zone's year on. Demand only grows and
  // relocations start no earlier than their zone, so the last year's row holds for every year.
  const zones: { id: string; kLo: number }[] = [];
  const capacity: number[] = [];
  for (const zone of base.zones) {
    const measures = zoneMeasures[zone.id];
    const figures = last.capacity[zone.id];
    if (!measures || measures.problem !== undefined || !figures || zone.year > horizon.lastYear) continue;
    zones.push({
      id: zone.id,
      kLo: Math.max(0, years.indexOf(Math.max(zone.year, horizon.firstYear) as PlanYear)),
    });
    capacity.push(add('capacity', lastOnly(figures.demandM2 - figures.supplyM2), { subject: zone.id }));
  }
  index.capacityOfZone = Int32Array.from(capacity);
  if (suggestion.yearlyBudgetWan !== null) {
    const budget = suggestion.yearlyBudgetWan;
    const spent = spendingByYear(lockedFigures);
    index.budget = add('budget', (k) => -(budget - (spent[k] ?? 0)), { timing: 'perYear' });
  }
  index.yearSensitive = groups.map(
    (group) =>
      group.timing === 'perYear' || group.rhs.filter((value) => value > Number.NEGATIVE_INFINITY).length > 1,
  );

  const options = optionsOfPlots(
    {
      rows,
      table,
      assumptions: a,
      settings: suggestion,
      controlShareTarget: targets.controlShare.value,
      taxPerMuTarget: targets.renovatedTaxPerMu.value,
      zones,
      locked,
      K,
    },
    index,
  );
  // Scale every group by its largest coefficient; all quota groups share one scale (transfers).
  const largest = new Float64Array(groups.length);
  for (let e = 0; e < options.entGroup.length; e++) {
    const g = options.entGroup[e] as number;
    largest[g] = Math.max(largest[g] as number, Math.abs(options.entCoef[e] as number));
  }
  let quotaScale = 0;
  for (const g of quotaGroupOfTown.values()) quotaScale = Math.max(quotaScale, largest[g] as number);
  quotaScale = quotaScale > 0 ? quotaScale : 1;
  groups.forEach((group, g) => {
    group.scale =
      group.kind === 'quota' ? quotaScale : (largest[g] as number) > 0 ? (largest[g] as number) : 1;
    for (let k = 0; k < K; k++) group.rhs[k] = withMargin((group.rhs[k] as number) / group.scale);
  });
  for (let e = 0; e < options.entGroup.length; e++)
    options.entCoef[e] =
      (options.entCoef[e] as number) / (groups[options.entGroup[e] as number] as RowGroup).scale;
  // A scaled unit of violation costs more than the dearest plan: meeting a row always pays.
  let costRange = 0;
  for (let i = 0; i < options.n; i++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let o = options.optStart[i] as number; o < (options.optStart[i + 1] as number); o++) {
      lo = Math.min(lo, options.cost[o] as number);
      hi = Math.max(hi, options.cost[o] as number);
    }
    costRange += hi - lo;
  }
  const penalty = 10 * Math.max(1, costRange);
  for (const group of groups) group.penalty = RESOURCE_KINDS.has(group.kind) ? penalty * 1000 : penalty;
  return {
    years,
    K,
    groups,
    options,
    quotaGroupOfTown,
    transferLimit: suggestion.transferLimitMu / quotaScale,
    quotaScale,
    penalty,
    lockedActions,
    lockedFigures,
  };
}
