/**
 * Explanations of the indicators: for each key its formula, its inputs with values and units, and
 * the plots and zones behind the figure, cumulative through one year.
 */

import type { PlotRow } from '../../analysis/analyze-plan.ts';
import { type ActionRecord, actionRecord, actionsWhere } from '../../catalogue/action-catalogue.ts';
import { figureRecord } from '../../catalogue/figure-catalogue.ts';
import { indicatorRecord } from '../../catalogue/indicator-catalogue.ts';
import type { Message } from '../../types.ts';
import {
  type Assumptions,
  PLAN_YEARS,
  type PlanYear,
  type ReceivingZone,
  type Scenario,
} from '../scenario.ts';
import type { ZoneMeasures } from '../zone-measures.ts';
import { YEARS } from './accumulate.ts';
import { emptyLedger } from './figures-for.ts';
import type { IndicatorKey } from './indicator-keys.ts';
import { plotTable } from './plot-table.ts';
import type { ScenarioFigures, ScenarioIndicators, TargetCheck } from './scenario-figures.ts';
import { scenarioIndicators } from './scenario-indicators.ts';

export type IndicatorUnit =
  | 'share'
  | 'mu'
  | 'm2'
  | 'wan'
  | 'wanPerMu'
  | 'count'
  /** An estimated number of firms (shown whole, marked 约). */
  | 'firms'
  | 'factor'
  | 'firmsPer100Mu'
  | 'yuanPerM2'
  | 'wanPerMuYear';

export interface IndicatorInput {
  label: Message;
  /** null = missing (shown as —). */
  value: number | null;
  unit: IndicatorUnit;
}

export interface IndicatorExplanation {
  key: IndicatorKey;
  year: PlanYear;
  /** In plain words, shown first. */
  formula: Message;
  /** The formula in the code's names, the secondary technical line. */
  technical: string;
  inputs: IndicatorInput[];
  result: IndicatorInput;
  /** Layer indices (row.index) of the plots behind the figure, ascending. */
  plots: number[];
  /** Ids of the zones behind it. */
  zoneIds: string[];
  target?: TargetCheck;
}

export interface ExplainOptions {
  /** Cumulative through this year; 2026 (the plan as a whole) by default. */
  year?: PlanYear;
  /** For `ledger`: one town instead of the city. */
  town?: string;
  /** Indicators already computed for the same inputs. */
  indicators?: ScenarioIndicators;
}

/** An input's value and unit; its label is the catalogue's. */
type InputValue = Omit<IndicatorInput, 'label'>;

/** The inputs of `key` labelled with the catalogue's input names, in its order. */
function labelled(key: IndicatorKey, values: readonly InputValue[]): IndicatorInput[] {
  const labels = indicatorRecord(key).inputs;
  if (labels.length !== values.length) {
    throw new Error(`expected ${labels.length} inputs of ${key} (the catalogue's), got ${values.length}`);
  }
  return values.map((value, i) => ({ label: labels[i] as Message, ...value }));
}

/** The name of the figure that stands for the indicator. */
function headlineName(key: IndicatorKey): Message {
  return figureRecord(indicatorRecord(key).headline).name;
}

/** A figure's name for the city or one town: 用地指标余额（全市） / Quota balance (city). */
function scoped(name: Message, town: string | undefined): Message {
  return town === undefined
    ? { zh: `${name.zh}（全市）`, en: `${name.en} (city)` }
    : { zh: `${name.zh}（${town}）`, en: `${name.en} (${town})` };
}

/**
 * Layer indices of the plots whose action (counted by the explanation's year) passes `test` on its
 * catalogue record, optionally only those `filter` keeps; ascending.
 */
function plotsWhere(
  c: ExplainContext,
  test: (action: ActionRecord) => boolean,
  filter?: (row: PlotRow) => boolean,
): number[] {
  const table = plotTable(c.rows);
  const plots: number[] = [];
  for (const plotId in c.scenario.actions) {
    if (!Object.hasOwn(c.scenario.actions, plotId)) continue;
    const entry = c.scenario.actions[plotId];
    const i = table.indexById.get(plotId);
    if (!entry || i === undefined || entry.year > c.year || !test(actionRecord(entry.action))) continue;
    const row = c.rows[i] as PlotRow;
    if (filter && !filter(row)) continue;
    plots.push(row.index);
  }
  return plots.sort((a, b) => a - b);
}

/** What every explanation is made from. */
interface ExplainContext {
  /** The fields every explanation starts with. */
  base: Pick<IndicatorExplanation, 'key' | 'year' | 'formula' | 'technical'>;
  rows: readonly PlotRow[];
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>;
  scenario: Scenario;
  year: PlanYear;
  town: string | undefined;
  figures: ScenarioFigures;
  parts: ScenarioFigures['parts'];
  assumptions: Assumptions;
  /** Zones counted by `year` whose geometry could be measured. */
  activeZones: ReceivingZone[];
  activeZoneIds: string[];
}

function explainControlShare(c: ExplainContext): IndicatorExplanation {
  const { parts, figures } = c;
  return {
    ...c.base,
    inputs: labelled('controlShare', [
      { value: parts.remainingInControlM2, unit: 'm2' },
      { value: parts.remainingM2, unit: 'm2' },
      { value: parts.zonesNewLandInControlM2, unit: 'm2' },
      { value: parts.zonesNewLandM2, unit: 'm2' },
    ]),
    result: { label: headlineName('controlShare'), value: figures.controlShare, unit: 'share' },
    plots: plotsWhere(c, (a) => a.landAfter === 'reclaimed'),
    zoneIds: c.activeZoneIds,
    target: figures.targets.controlShare,
  };
}

function explainRenovatedMu(c: ExplainContext): IndicatorExplanation {
  const { figures } = c;
  return {
    ...c.base,
    inputs: labelled(
      'renovatedMu',
      actionsWhere((record) => record.isRenovation).map((action) => ({
        value: figures.actions[action].mu,
        unit: 'mu' as const,
      })),
    ),
    result: { label: headlineName('renovatedMu'), value: figures.renovatedMu, unit: 'mu' },
    plots: plotsWhere(c, (a) => a.isRenovation),
    zoneIds: [],
    target: figures.targets.renovatedMu,
  };
}

function explainRenovatedTaxPerMu(c: ExplainContext): IndicatorExplanation {
  const { parts, figures, assumptions } = c;
  return {
    ...c.base,
    inputs: labelled('renovatedTaxPerMu', [
      { value: parts.improvedTaxWan, unit: 'wan' },
      { value: assumptions.upliftFactor, unit: 'factor' },
      { value: parts.improvedTaxMu, unit: 'mu' },
      { value: parts.zonesNewLandMu, unit: 'mu' },
      { value: assumptions.zoneTaxPerMu, unit: 'wanPerMu' },
      { value: figures.data.missingTaxPlots, unit: 'count' },
    ]),
    result: {
      label: headlineName('renovatedTaxPerMu'),
      value: figures.renovatedTaxPerMu,
      unit: 'wanPerMu',
    },
    plots: plotsWhere(c, (a) => a.isImprovement),
    zoneIds: c.activeZoneIds,
    target: figures.targets.renovatedTaxPerMu,
  };
}

function explainNewAboveScaleFirms(c: ExplainContext): IndicatorExplanation {
  const { parts, figures, assumptions } = c;
  return {
    ...c.base,
    inputs: labelled('newAboveScaleFirms', [
      { value: parts.improvedMu, unit: 'mu' },
      { value: assumptions.upgradeFirmsPer100Mu, unit: 'firmsPer100Mu' },
      { value: parts.zonesNewLandMu, unit: 'mu' },
      { value: assumptions.zoneFirmsPer100Mu, unit: 'firmsPer100Mu' },
    ]),
    result: {
      label: headlineName('newAboveScaleFirms'),
      value: figures.newAboveScaleFirms,
      unit: 'firms',
    },
    plots: plotsWhere(c, (a) => a.isImprovement),
    zoneIds: c.activeZoneIds,
    target: figures.targets.newAboveScaleFirms,
  };
}

function explainLedger(c: ExplainContext): IndicatorExplanation {
  const { figures, town } = c;
  const ledger = town === undefined ? figures.ledger.city : (figures.ledger.byTown[town] ?? emptyLedger());
  return {
    ...c.base,
    inputs: labelled('ledger', [
      { value: ledger.released, unit: 'mu' },
      { value: ledger.directQuotaMu, unit: 'mu' },
      { value: ledger.transfersIn, unit: 'mu' },
      { value: ledger.transfersOut, unit: 'mu' },
      { value: ledger.used, unit: 'mu' },
    ]),
    result: {
      label: scoped(headlineName('ledger'), town),
      value: ledger.balance,
      unit: 'mu',
    },
    plots: plotsWhere(
      c,
      (a) => a.quotaEffect === 'releases',
      town === undefined ? undefined : (row) => row.town === town,
    ),
    zoneIds: c.activeZones
      .filter((zone) => town === undefined || c.zoneMeasures[zone.id]?.town === town)
      .map((zone) => zone.id),
    target: figures.targets.ledger,
  };
}

function explainViolations(c: ExplainContext): IndicatorExplanation {
  const { figures } = c;
  const table = plotTable(c.rows);
  return {
    ...c.base,
    inputs: labelled('violations', [
      { value: figures.violations.count, unit: 'count' },
      { value: figures.violations.warningPlotCount, unit: 'count' },
      { value: figures.violations.warningZoneIds.length, unit: 'count' },
    ]),
    result: {
      label: headlineName('violations'),
      value: figures.violations.count,
      unit: 'count',
    },
    plots: plotsWhere(
      c,
      (a) => a.isImprovement,
      (row) => {
        const i = table.indexById.get(row.id);
        return i !== undefined && table.isOutside[i] === 1;
      },
    ),
    zoneIds: [...figures.violations.zoneIds, ...figures.violations.warningZoneIds],
    target: figures.targets.violations,
  };
}

function explainCapacity(c: ExplainContext): IndicatorExplanation {
  const { figures } = c;
  const capacities = Object.values(figures.capacity);
  const demand = capacities.reduce((sum, capacity) => sum + capacity.demandM2, 0);
  const supply = capacities.reduce((sum, capacity) => sum + capacity.supplyM2, 0);
  const short = Object.entries(figures.capacity).filter(([, capacity]) => capacity.isShort);
  return {
    ...c.base,
    inputs: labelled('capacity', [
      { value: demand, unit: 'm2' },
      { value: supply, unit: 'm2' },
      { value: c.assumptions.relocationFloorFactor, unit: 'factor' },
    ]),
    result: {
      label: headlineName('capacity'),
      value: short.length,
      unit: 'count',
    },
    plots: plotsWhere(c, (a) => a.movesToZone),
    zoneIds: c.scenario.zones.map((zone) => zone.id),
  };
}

function explainMoney(c: ExplainContext): IndicatorExplanation {
  const { parts, figures, assumptions } = c;
  return {
    ...c.base,
    inputs: labelled('money', [
      { value: parts.purchasedMu, unit: 'mu' },
      { value: assumptions.purchaseWanPerMu, unit: 'wanPerMu' },
      { value: parts.leasedMuYears, unit: 'mu' },
      { value: assumptions.leaseWanPerMuYear, unit: 'wanPerMuYear' },
      { value: parts.demolishedFloorM2, unit: 'm2' },
      { value: assumptions.demolitionYuanPerM2, unit: 'yuanPerM2' },
      { value: assumptions.rewardWanPerMu, unit: 'wanPerMu' },
      { value: figures.money.villageIncomeBeforeWan, unit: 'wan' },
      { value: figures.money.villageIncomeAfterWan, unit: 'wan' },
    ]),
    result: {
      label: headlineName('money'),
      value: figures.money.acquisitionWan + figures.money.demolitionWan + figures.money.rewardWan,
      unit: 'wan',
    },
    plots: plotsWhere(c, (a) => a.isAcquisition || a.landAfter === 'reclaimed'),
    zoneIds: [],
  };
}

const EXPLAINERS: Readonly<Record<IndicatorKey, (context: ExplainContext) => IndicatorExplanation>> = {
  controlShare: explainControlShare,
  renovatedMu: explainRenovatedMu,
  renovatedTaxPerMu: explainRenovatedTaxPerMu,
  newAboveScaleFirms: explainNewAboveScaleFirms,
  ledger: explainLedger,
  violations: explainViolations,
  capacity: explainCapacity,
  money: explainMoney,
};

/**
 * Explains one indicator: its formula, its inputs with values and units, and the plots and zones
 * behind it. For controlShare the plots are those the scenario takes out (every other plot
 * remains); for renovatedMu every plot with an action other than keep; for renovatedTaxPerMu and
 * newAboveScaleFirms the upgraded and acquired plots; for the ledger the released plots (of the
 * town, if one is given); for violations the zones in violation and the plots with a warning.
 * @param key one of INDICATOR_KEYS
 */
export function explainIndicator(
  key: IndicatorKey,
  input: {
    rows: readonly PlotRow[];
    zoneMeasures: Readonly<Record<string, ZoneMeasures>>;
    scenario: Scenario;
  },
  options: ExplainOptions = {},
): IndicatorExplanation {
  const { rows, zoneMeasures, scenario } = input;
  const year = options.year ?? (PLAN_YEARS[YEARS - 1] as PlanYear);
  const indicators = options.indicators ?? scenarioIndicators(rows, zoneMeasures, scenario);
  const figures = indicators.byYear[year];
  const activeZones = scenario.zones.filter(
    (zone) => zone.year <= year && zoneMeasures[zone.id] !== undefined && !zoneMeasures[zone.id]?.problem,
  );
  return EXPLAINERS[key]({
    base: { key, year, formula: indicatorRecord(key).formula, technical: indicatorRecord(key).technical },
    rows,
    zoneMeasures,
    scenario,
    year,
    town: options.town,
    figures,
    parts: figures.parts,
    assumptions: scenario.assumptions,
    activeZones,
    activeZoneIds: activeZones.map((zone) => zone.id),
  });
}
