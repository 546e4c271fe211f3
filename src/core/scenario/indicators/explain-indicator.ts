/**
 * Explanations of the indicators: for each key its formula, its inputs with values and units, and
 * the plots and zones behind the figure, cumulative through one year.
 */

import type { PlotRow } from '../../analysis/analyze-plan.ts';
import type { Message } from '../../types.ts';
import {
  type Assumptions,
  PLAN_YEARS,
  PLOT_ACTION_LABELS,
  type PlanYear,
  type PlotAction,
  type ReceivingZone,
  type Scenario,
} from '../types.ts';
import type { ZoneMeasures } from '../zone-measures.ts';
import { YEARS } from './accumulate.ts';
import { emptyLedger } from './figures-for.ts';
import { FORMULAS } from './indicator-formulas.ts';
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
  formula: Message;
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

function label(zh: string, en: string): Message {
  return { zh, en };
}

/** Layer indices of the plots whose action (counted by `year`) is in `actions`, optionally in one town. */
function plotsWith(
  rows: readonly PlotRow[],
  scenario: Scenario,
  actions: readonly PlotAction[],
  year: PlanYear,
  filter?: (row: PlotRow) => boolean,
): number[] {
  const table = plotTable(rows);
  const plots: number[] = [];
  for (const plotId in scenario.actions) {
    if (!Object.hasOwn(scenario.actions, plotId)) continue;
    const entry = scenario.actions[plotId];
    const i = table.indexById.get(plotId);
    if (!entry || i === undefined || entry.year > year || !actions.includes(entry.action)) continue;
    const row = rows[i] as PlotRow;
    if (filter && !filter(row)) continue;
    plots.push(row.index);
  }
  return plots.sort((a, b) => a - b);
}

/** What every explanation is made from. */
interface ExplainContext {
  /** The fields every explanation starts with. */
  base: Pick<IndicatorExplanation, 'key' | 'year' | 'formula'>;
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
    inputs: [
      {
        label: label('保留/改造/收购地块控制线内面积', 'Σ remaining inControlM2'),
        value: parts.remainingInControlM2,
        unit: 'm2',
      },
      {
        label: label('保留/改造/收购地块面积', 'Σ remaining areaM2'),
        value: parts.remainingM2,
        unit: 'm2',
      },
      {
        label: label('承接区块新增用地控制线内面积', 'Σ zones newLand∩control'),
        value: parts.zonesNewLandInControlM2,
        unit: 'm2',
      },
      {
        label: label('承接区块新增用地面积', 'Σ zones newLandM2'),
        value: parts.zonesNewLandM2,
        unit: 'm2',
      },
    ],
    result: { label: label('控制线内占比', 'controlShare'), value: figures.controlShare, unit: 'share' },
    plots: plotsWith(c.rows, c.scenario, ['vacate', 'relocate'], c.year),
    zoneIds: c.activeZoneIds,
    target: figures.targets.controlShare,
  };
}

function explainRenovatedMu(c: ExplainContext): IndicatorExplanation {
  const { figures } = c;
  return {
    ...c.base,
    inputs: (['upgrade', 'acquire', 'vacate', 'relocate'] as const).map((action) => ({
      label: PLOT_ACTION_LABELS[action],
      value: figures.actions[action].mu,
      unit: 'mu' as const,
    })),
    result: { label: label('改造提升面积', 'renovatedMu'), value: figures.renovatedMu, unit: 'mu' },
    plots: plotsWith(c.rows, c.scenario, ['upgrade', 'acquire', 'vacate', 'relocate'], c.year),
    zoneIds: [],
    target: figures.targets.renovatedMu,
  };
}

function explainRenovatedTaxPerMu(c: ExplainContext): IndicatorExplanation {
  const { parts, figures, assumptions } = c;
  return {
    ...c.base,
    inputs: [
      {
        label: label('改造/收购地块现状税收（有数据）', 'Σ upgrade/acquire taxWan (known)'),
        value: parts.improvedTaxWan,
        unit: 'wan',
      },
      {
        label: label('提升系数（示例值）', 'upliftFactor (example)'),
        value: assumptions.upliftFactor,
        unit: 'factor',
      },
      {
        label: label('改造/收购地块亩数（有税收数据）', 'Σ upgrade/acquire areaMu (with tax)'),
        value: parts.improvedTaxMu,
        unit: 'mu',
      },
      { label: label('承接区块新增用地', 'Σ zones newLandMu'), value: parts.zonesNewLandMu, unit: 'mu' },
      {
        label: label('区块亩均税收（示例值）', 'zoneTaxPerMu (example)'),
        value: assumptions.zoneTaxPerMu,
        unit: 'wanPerMu',
      },
      {
        label: label('缺税收数据的地块', 'plots without taxWan'),
        value: figures.data.missingTaxPlots,
        unit: 'count',
      },
    ],
    result: {
      label: label('改造区块亩均税收', 'renovatedTaxPerMu'),
      value: figures.renovatedTaxPerMu,
      unit: 'wanPerMu',
    },
    plots: plotsWith(c.rows, c.scenario, ['upgrade', 'acquire'], c.year),
    zoneIds: c.activeZoneIds,
    target: figures.targets.renovatedTaxPerMu,
  };
}

function explainNewAboveScaleFirms(c: ExplainContext): IndicatorExplanation {
  const { parts, figures, assumptions } = c;
  return {
    ...c.base,
    inputs: [
      {
        label: label('改造/收购地块亩数', 'Σ upgrade/acquire areaMu'),
        value: parts.improvedMu,
        unit: 'mu',
      },
      {
        label: label('每百亩新增规上企业（示例值）', 'upgradeFirmsPer100Mu (example)'),
        value: assumptions.upgradeFirmsPer100Mu,
        unit: 'firmsPer100Mu',
      },
      { label: label('承接区块新增用地', 'Σ zones newLandMu'), value: parts.zonesNewLandMu, unit: 'mu' },
      {
        label: label('区块每百亩规上企业（示例值）', 'zoneFirmsPer100Mu (example)'),
        value: assumptions.zoneFirmsPer100Mu,
        unit: 'firmsPer100Mu',
      },
    ],
    result: {
      label: label('新增规上工业企业', 'newAboveScaleFirms'),
      value: figures.newAboveScaleFirms,
      unit: 'count',
    },
    plots: plotsWith(c.rows, c.scenario, ['upgrade', 'acquire'], c.year),
    zoneIds: c.activeZoneIds,
    target: figures.targets.newAboveScaleFirms,
  };
}

function explainLedger(c: ExplainContext): IndicatorExplanation {
  const { figures, town } = c;
  const ledger = town === undefined ? figures.ledger.city : (figures.ledger.byTown[town] ?? emptyLedger());
  return {
    ...c.base,
    inputs: [
      { label: label('存量处置释放', 'released'), value: ledger.released, unit: 'mu' },
      { label: label('重点项目直接指标', 'directQuotaMu'), value: ledger.directQuotaMu, unit: 'mu' },
      { label: label('调入', 'transfersIn'), value: ledger.transfersIn, unit: 'mu' },
      { label: label('调出', 'transfersOut'), value: ledger.transfersOut, unit: 'mu' },
      {
        label: label('使用（承接区块新增用地）', 'used (zones newLandMu)'),
        value: ledger.used,
        unit: 'mu',
      },
    ],
    result: {
      label: label(
        `指标余额${town === undefined ? '（全市）' : `（${town}）`}`,
        `balance${town === undefined ? ' (city)' : ` (${town})`}`,
      ),
      value: ledger.balance,
      unit: 'mu',
    },
    plots: plotsWith(
      c.rows,
      c.scenario,
      ['vacate', 'relocate'],
      c.year,
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
    inputs: [
      {
        label: label('违规承接区块（开发边界外新增）', 'zones with new land outside the boundary'),
        value: figures.violations.count,
        unit: 'count',
      },
      {
        label: label('警告：开发边界外地块改造/收购', 'warnings: upgrade/acquire outside the boundary'),
        value: figures.violations.warningPlotCount,
        unit: 'count',
      },
      {
        label: label(
          '警告：新增用地在控制线外的区块',
          'warnings: zones with new land outside the control lines',
        ),
        value: figures.violations.warningZoneIds.length,
        unit: 'count',
      },
    ],
    result: {
      label: label('R2 违规数', 'R2 violations'),
      value: figures.violations.count,
      unit: 'count',
    },
    plots: plotsWith(c.rows, c.scenario, ['upgrade', 'acquire'], c.year, (row) => {
      const i = table.indexById.get(row.id);
      return i !== undefined && table.isOutside[i] === 1;
    }),
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
    inputs: [
      { label: label('搬入需求建筑面积', 'Σ demandM2'), value: demand, unit: 'm2' },
      { label: label('可供建筑面积', 'Σ supplyM2'), value: supply, unit: 'm2' },
      {
        label: label('搬迁建筑面积系数（示例值）', 'relocationFloorFactor (example)'),
        value: c.assumptions.relocationFloorFactor,
        unit: 'factor',
      },
    ],
    result: {
      label: label('承接能力不足的区块', 'zones short of capacity'),
      value: short.length,
      unit: 'count',
    },
    plots: plotsWith(c.rows, c.scenario, ['relocate'], c.year),
    zoneIds: c.scenario.zones.map((zone) => zone.id),
  };
}

function explainMoney(c: ExplainContext): IndicatorExplanation {
  const { parts, figures, assumptions } = c;
  return {
    ...c.base,
    inputs: [
      { label: label('收购亩数', 'purchased areaMu'), value: parts.purchasedMu, unit: 'mu' },
      {
        label: label('收购单价（示例值）', 'purchaseWanPerMu (example)'),
        value: assumptions.purchaseWanPerMu,
        unit: 'wanPerMu',
      },
      { label: label('租赁亩·年', 'leased areaMu × years'), value: parts.leasedMuYears, unit: 'mu' },
      {
        label: label('年租金（示例值）', 'leaseWanPerMuYear (example)'),
        value: assumptions.leaseWanPerMuYear,
        unit: 'wanPerMuYear',
      },
      {
        label: label('拆除建筑面积', 'demolished floorAreaM2'),
        value: parts.demolishedFloorM2,
        unit: 'm2',
      },
      {
        label: label('拆除单价（示例值）', 'demolitionYuanPerM2 (example)'),
        value: assumptions.demolitionYuanPerM2,
        unit: 'yuanPerM2',
      },
      {
        label: label('奖励标准（示例值）', 'rewardWanPerMu (example)'),
        value: assumptions.rewardWanPerMu,
        unit: 'wanPerMu',
      },
      {
        label: label('村集体年收入（现状）', 'village income before, per year'),
        value: figures.money.villageIncomeBeforeWan,
        unit: 'wan',
      },
      {
        label: label('村集体年收入（实施后）', 'village income after, per year'),
        value: figures.money.villageIncomeAfterWan,
        unit: 'wan',
      },
    ],
    result: {
      label: label('收购 + 拆除 + 奖励', 'acquisition + demolition + reward'),
      value: figures.money.acquisitionWan + figures.money.demolitionWan + figures.money.rewardWan,
      unit: 'wan',
    },
    plots: plotsWith(c.rows, c.scenario, ['acquire', 'vacate', 'relocate'], c.year),
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
    base: { key, year, formula: FORMULAS[key] },
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
