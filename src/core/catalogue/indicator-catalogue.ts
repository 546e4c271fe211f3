/**
 * The catalogue of scenario indicators: one record per indicator (the figure a card, a comparison
 * row, a chart, a briefing target, the report and the exports show), with the one zh/en name used
 * everywhere, its unit and rounding, which way is better, the rule it serves and its 2026 target, its
 * formula in plain words and the inputs its explanation lists, and the function that reads it from
 * the computed figures. Surfaces iterate these records; none spells an indicator's name itself.
 */

import type { IndicatorKey } from '../scenario/indicators/indicator-keys.ts';
import type { ScenarioFigures } from '../scenario/indicators/scenario-figures.ts';
import { SCENARIO_TARGETS } from '../scenario/indicators/scenario-targets.ts';
import type { Message } from '../types.ts';
import { ACTION_CATALOGUE, type PlotAction } from './action-catalogue.ts';

/** The rules of the policy (shared/policy/README.md). */
export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

/** How a figure is measured. */
export type FigureUnit = 'share' | 'mu' | 'wanPerMu' | 'count' | 'firms' | 'wan' | 'm2';

/** Which way is better when scenarios are compared. */
export type Better = 'higher' | 'lower' | 'none';

/** The four headline targets of R1 and R7 (cards with progress bars, briefing, charts). */
export type TargetKey = 'controlShare' | 'renovatedMu' | 'renovatedTaxPerMu' | 'newAboveScaleFirms';

/** A figure of the scenario: an indicator's headline value or one of its parts. */
export interface FigureRecord {
  key: string;
  /** The indicator it belongs to (whose explanation covers it). */
  group: IndicatorKey;
  /** The one name, used on every surface. */
  name: Message;
  /** Inside its indicator's card or table, where the indicator is already named. */
  shortName: Message;
  unit: FigureUnit;
  /** Decimals shown (fewest, most). */
  digits: readonly [number, number];
  better: Better;
  /** Shown as a row of the scenario comparison. */
  compared: boolean;
  /** The figure, from the cumulative figures of one year; null when it cannot be computed. */
  read: (figures: ScenarioFigures) => number | null;
}

/** An explained indicator. */
export interface IndicatorRecord {
  key: IndicatorKey;
  /** The one name (the card's title; the same as its headline figure's where the card shows one figure). */
  name: Message;
  rule: RuleId;
  /** What the rule asks of this indicator, as the cards and the report state it. */
  ruleText: Message;
  /** The 2026 target: at least `value` (R1, R7), no balance below zero (R3) or none at all (R2). */
  target: { kind: 'atLeast'; value: number } | { kind: 'noNegative' } | { kind: 'none' } | null;
  /** Formula in plain words (DESIGN.md "Scenarios"). */
  formula: Message;
  /** The inputs its explanation lists, in order. */
  inputs: readonly Message[];
  /** Key of the figure that stands for the indicator. */
  headline: string;
}

/** Decimals shown per unit, fewest and most (shares: of the percentage). */
export const UNIT_DIGITS: Readonly<Record<FigureUnit, readonly [number, number]>> = {
  share: [2, 2],
  mu: [2, 2],
  wanPerMu: [2, 2],
  count: [0, 0],
  firms: [0, 1],
  wan: [2, 2],
  m2: [1, 2],
};

function figure(
  key: string,
  group: IndicatorKey,
  name: Message,
  unit: FigureUnit,
  better: Better,
  read: (figures: ScenarioFigures) => number | null,
  options: { shortName?: Message; compared?: boolean } = {},
): FigureRecord {
  return {
    key,
    group,
    name,
    shortName: options.shortName ?? name,
    unit,
    digits: UNIT_DIGITS[unit],
    better,
    compared: options.compared ?? true,
    read,
  };
}

const sumOf = (values: Iterable<number>) => {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
};

/** The area of one action, as a comparison row. */
function actionAreaFigure(code: Exclude<PlotAction, 'keep'>, name: Message): FigureRecord {
  return figure(
    `actions.${code}`,
    'renovatedMu',
    { zh: `措施面积：${name.zh}`, en: `Area by action: ${name.en}` },
    'mu',
    'none',
    (f) => f.actions[code].mu,
    { shortName: name },
  );
}

/** Every figure, in the order the comparison lists them. */
export const FIGURE_CATALOGUE: readonly FigureRecord[] = Object.freeze([
  figure(
    'controlShare',
    'controlShare',
    { zh: '控制线内用地占比', en: 'Share of land inside control lines' },
    'share',
    'higher',
    (f) => f.controlShare,
  ),
  figure(
    'renovatedMu',
    'renovatedMu',
    { zh: '改造提升面积', en: 'Land renovated' },
    'mu',
    'higher',
    (f) => f.renovatedMu,
  ),
  figure(
    'renovatedTaxPerMu',
    'renovatedTaxPerMu',
    { zh: '改造区块亩均税收', en: 'Tax per mu of renovated blocks' },
    'wanPerMu',
    'higher',
    (f) => f.renovatedTaxPerMu,
  ),
  figure(
    'newAboveScaleFirms',
    'newAboveScaleFirms',
    { zh: '新增规上工业企业', en: 'New above-scale firms' },
    'firms',
    'higher',
    (f) => f.newAboveScaleFirms,
  ),
  figure(
    'ledgerBalance',
    'ledger',
    { zh: '用地指标余额', en: 'Quota balance' },
    'mu',
    'higher',
    (f) => f.ledger.city.balance,
    { shortName: { zh: '余额', en: 'Balance' } },
  ),
  figure(
    'negativeTowns',
    'ledger',
    { zh: '指标余额为负的镇街', en: 'Towns with a negative balance' },
    'count',
    'lower',
    (f) => f.ledger.negativeTowns.length,
  ),
  figure(
    'released',
    'ledger',
    { zh: '存量处置释放指标', en: 'Quota released' },
    'mu',
    'none',
    (f) => f.ledger.city.released,
    { shortName: { zh: '释放', en: 'Released' } },
  ),
  figure(
    'directQuotaMu',
    'ledger',
    { zh: '重点项目直接指标', en: 'Direct quota for key projects' },
    'mu',
    'none',
    (f) => f.ledger.city.directQuotaMu,
    { shortName: { zh: '直接', en: 'Direct' }, compared: false },
  ),
  figure(
    'transfersIn',
    'ledger',
    { zh: '调入指标', en: 'Quota transferred in' },
    'mu',
    'none',
    (f) => f.ledger.city.transfersIn,
    { shortName: { zh: '调入', en: 'In' }, compared: false },
  ),
  figure(
    'transfersOut',
    'ledger',
    { zh: '调出指标', en: 'Quota transferred out' },
    'mu',
    'none',
    (f) => f.ledger.city.transfersOut,
    { shortName: { zh: '调出', en: 'Out' }, compared: false },
  ),
  figure(
    'used',
    'ledger',
    { zh: '承接区块使用指标', en: 'Quota used by zones' },
    'mu',
    'none',
    (f) => f.ledger.city.used,
    { shortName: { zh: '使用', en: 'Used' } },
  ),
  figure(
    'violations',
    'violations',
    { zh: '违规承接区块', en: 'Zones in violation' },
    'count',
    'lower',
    (f) => f.violations.count,
  ),
  figure(
    'warningPlots',
    'violations',
    { zh: '开发边界外改造/收购地块（警告）', en: 'Upgrade/acquire outside the boundary (warnings)' },
    'count',
    'lower',
    (f) => f.violations.warningPlotCount,
  ),
  figure(
    'shortZones',
    'capacity',
    { zh: '承接能力不足的区块', en: 'Zones short of capacity' },
    'count',
    'lower',
    (f) => Object.values(f.capacity).filter((c) => c.isShort).length,
  ),
  figure(
    'shortfallM2',
    'capacity',
    { zh: '承接建筑面积缺口', en: 'Floor area shortfall' },
    'm2',
    'lower',
    (f) => sumOf(Object.values(f.capacity).map((c) => c.shortfallM2)),
  ),
  figure(
    'acquisitionWan',
    'money',
    { zh: '收购/租赁资金', en: 'Acquisition and lease' },
    'wan',
    'lower',
    (f) => f.money.acquisitionWan,
    { shortName: { zh: '收购/租赁', en: 'Acquisition and lease' } },
  ),
  figure(
    'purchaseWan',
    'money',
    { zh: '其中收购', en: 'of which purchase' },
    'wan',
    'lower',
    (f) => f.money.purchaseWan,
    { compared: false },
  ),
  figure(
    'leaseWan',
    'money',
    { zh: '其中租赁（全租期）', en: 'of which lease (whole term)' },
    'wan',
    'lower',
    (f) => f.money.leaseWan,
    { compared: false },
  ),
  figure(
    'demolitionWan',
    'money',
    { zh: '拆除资金', en: 'Demolition' },
    'wan',
    'lower',
    (f) => f.money.demolitionWan,
    { shortName: { zh: '拆除', en: 'Demolition' } },
  ),
  figure('rewardWan', 'money', { zh: '奖励资金', en: 'Reward' }, 'wan', 'lower', (f) => f.money.rewardWan, {
    shortName: { zh: '奖励', en: 'Reward' },
  }),
  figure(
    'totalWan',
    'money',
    { zh: '资金合计', en: 'Total cost' },
    'wan',
    'lower',
    (f) => f.money.acquisitionWan + f.money.demolitionWan + f.money.rewardWan,
    { shortName: { zh: '合计', en: 'Total' } },
  ),
  figure(
    'villageIncomeBeforeWan',
    'money',
    { zh: '村集体年收入（实施前）', en: 'Village income per year, before' },
    'wan',
    'higher',
    (f) => f.money.villageIncomeBeforeWan,
    { shortName: { zh: '实施前', en: 'Before' }, compared: false },
  ),
  figure(
    'villageIncomeAfterWan',
    'money',
    { zh: '村集体年收入（实施后）', en: 'Village income per year, after' },
    'wan',
    'higher',
    (f) => f.money.villageIncomeAfterWan,
    { shortName: { zh: '实施后', en: 'After' } },
  ),
  figure(
    'villageOneOffWan',
    'money',
    { zh: '一次性收购款', en: 'One-off purchase payments' },
    'wan',
    'none',
    (f) => f.money.villageOneOffWan,
    { compared: false },
  ),
  ...ACTION_CATALOGUE.flatMap((record) =>
    record.colourKey === null ? [] : [actionAreaFigure(record.colourKey, record.name)],
  ),
]);

const FIGURES_BY_KEY = new Map(FIGURE_CATALOGUE.map((record) => [record.key, record]));

/** The record of one figure. */
export function figureRecord(key: string): FigureRecord {
  const record = FIGURES_BY_KEY.get(key);
  if (!record) throw new Error(`expected a figure of the catalogue, got "${key}"`);
  return record;
}

function input(zh: string, en: string): Message {
  return { zh, en };
}

const ZONES_NEW_LAND_MU = input('承接区块新增用地', 'Σ zones newLandMu');

/** The explained indicators, in the order of the cards. */
export const INDICATOR_CATALOGUE: readonly IndicatorRecord[] = Object.freeze([
  {
    key: 'controlShare',
    name: figureRecord('controlShare').name,
    headline: 'controlShare',
    rule: 'R1',
    ruleText: {
      zh: '80% 工业用地集聚至规划工业控制线内',
      en: '80% of industrial land inside the industrial control lines',
    },
    target: { kind: 'atLeast', value: SCENARIO_TARGETS.controlShare },
    formula: {
      zh: "控制线内用地占比' =（保留/改造/收购地块控制线内面积 + 承接区块新增用地控制线内面积）÷（保留/改造/收购地块面积 + 承接区块新增用地面积）",
      en: "controlShare' = (Σ remaining inControlM2 + Σ zones newLand∩control) / (Σ remaining areaM2 + Σ zones newLandM2); remaining = keep, upgrade, acquire",
    },
    inputs: [
      input('保留/改造/收购地块控制线内面积', 'Σ remaining inControlM2'),
      input('保留/改造/收购地块面积', 'Σ remaining areaM2'),
      input('承接区块新增用地控制线内面积', 'Σ zones newLand∩control'),
      input('承接区块新增用地面积', 'Σ zones newLandM2'),
    ],
  },
  {
    key: 'renovatedMu',
    name: figureRecord('renovatedMu').name,
    headline: 'renovatedMu',
    rule: 'R7',
    ruleText: { zh: '到 2026 年改造提升 1 万亩以上', en: 'renovate over 10,000 mu by 2026' },
    target: { kind: 'atLeast', value: SCENARIO_TARGETS.renovatedMu },
    formula: {
      zh: '改造提升面积 = Σ 措施不为“保留”的地块面积（亩）',
      en: 'renovatedMu = Σ areaMu of plots whose action is not keep',
    },
    inputs: ACTION_CATALOGUE.filter((record) => record.isRenovation).map((record) => record.name),
  },
  {
    key: 'renovatedTaxPerMu',
    name: figureRecord('renovatedTaxPerMu').name,
    headline: 'renovatedTaxPerMu',
    rule: 'R7',
    ruleText: { zh: '改造区块亩均税收 15 万元以上', en: 'tax per mu of renovated blocks over 150,000 CNY' },
    target: { kind: 'atLeast', value: SCENARIO_TARGETS.renovatedTaxPerMu },
    formula: {
      zh: '改造区块亩均税收 =（Σ 改造/收购地块税收 × 提升系数 + Σ 承接区块新增用地亩数 × 区块亩均税收）÷（Σ 改造/收购地块亩数 + Σ 承接区块新增用地亩数）；缺税收数据的地块不计入分子和分母',
      en: 'renovatedTaxPerMu = (Σ upgrade/acquire taxWan × upliftFactor + Σ zones newLandMu × zoneTaxPerMu) / (Σ upgrade/acquire areaMu + Σ zones newLandMu); plots without taxWan are left out of both sums',
    },
    inputs: [
      input('改造/收购地块现状税收（有数据）', 'Σ upgrade/acquire taxWan (known)'),
      input('提升系数（示例值）', 'upliftFactor (example)'),
      input('改造/收购地块亩数（有税收数据）', 'Σ upgrade/acquire areaMu (with tax)'),
      ZONES_NEW_LAND_MU,
      input('区块亩均税收（示例值）', 'zoneTaxPerMu (example)'),
      input('缺税收数据的地块', 'plots without taxWan'),
    ],
  },
  {
    key: 'newAboveScaleFirms',
    name: figureRecord('newAboveScaleFirms').name,
    headline: 'newAboveScaleFirms',
    rule: 'R7',
    ruleText: { zh: '新增规上工业企业 200 家以上', en: 'over 200 new above-scale industrial firms' },
    target: { kind: 'atLeast', value: SCENARIO_TARGETS.newAboveScaleFirms },
    formula: {
      zh: '新增规上工业企业 = Σ 改造/收购地块亩数 × 每百亩新增规上企业数 ÷ 100 + Σ 承接区块新增用地亩数 × 区块每百亩规上企业数 ÷ 100',
      en: 'newAboveScaleFirms = Σ upgrade/acquire areaMu × upgradeFirmsPer100Mu / 100 + Σ zones newLandMu × zoneFirmsPer100Mu / 100',
    },
    inputs: [
      input('改造/收购地块亩数', 'Σ upgrade/acquire areaMu'),
      input('每百亩新增规上企业（示例值）', 'upgradeFirmsPer100Mu (example)'),
      ZONES_NEW_LAND_MU,
      input('区块每百亩规上企业（示例值）', 'zoneFirmsPer100Mu (example)'),
    ],
  },
  {
    key: 'ledger',
    name: { zh: '用地指标收支', en: 'Quota ledger' },
    headline: 'ledgerBalance',
    rule: 'R3',
    ruleText: {
      zh: '新增工业用地只能使用存量处置释放的指标（重点项目除外），余额不得为负',
      en: 'new industrial land may use only quota released by disposing of old land (key projects excepted); no balance may be negative',
    },
    target: { kind: 'noNegative' },
    formula: {
      zh: '用地指标余额 = 存量处置释放（腾退 + 搬迁地块亩数）+ 重点项目直接指标 + 调入 − 调出 − 使用（承接区块新增用地亩数）；任一余额 < 0 为违规',
      en: 'balance = released (vacate + relocate areaMu) + directQuotaMu + transfersIn − transfersOut − used (zones newLandMu); any balance < 0 is a violation',
    },
    inputs: ['released', 'directQuotaMu', 'transfersIn', 'transfersOut', 'used'].map(
      (key) => figureRecord(key).name,
    ),
  },
  {
    key: 'violations',
    name: figureRecord('violations').name,
    headline: 'violations',
    rule: 'R2',
    ruleText: {
      zh: '城镇开发边界外不允许新增工业用地',
      en: 'no new industrial land outside the town development boundary',
    },
    target: { kind: 'none' },
    formula: {
      zh: '违规承接区块 = 开发边界外新增用地超过区块面积 τ 的承接区块数；开发边界外地块的改造/收购为警告',
      en: 'violations = number of zones whose new land outside the boundary exceeds τ of their area; upgrade/acquire on plots outside the boundary are warnings',
    },
    inputs: [
      input('违规承接区块（开发边界外新增）', 'zones with new land outside the boundary'),
      input('警告：开发边界外地块改造/收购', 'warnings: upgrade/acquire outside the boundary'),
      input('警告：新增用地在控制线外的区块', 'warnings: zones with new land outside the control lines'),
    ],
  },
  {
    key: 'capacity',
    name: { zh: '承接能力', en: 'Capacity of receiving zones' },
    headline: 'shortZones',
    rule: 'R4',
    ruleText: {
      zh: '搬迁企业需要的建筑面积由承接区块的新增用地 × 容积率提供',
      en: 'the floor area relocated firms need comes from the new land of the zones × floor area ratio',
    },
    target: null,
    formula: {
      zh: '承接能力：需求 = Σ 搬入地块建筑面积 × 搬迁建筑面积系数；供给 = 新增用地面积 × 容积率；缺口 = max(0, 需求 − 供给)',
      en: 'capacity: demand = Σ floorAreaM2 of plots relocated into the zone × relocationFloorFactor; supply = newLandM2 × far; shortfall = max(0, demand − supply)',
    },
    inputs: [
      input('搬入需求建筑面积', 'Σ demandM2'),
      input('可供建筑面积', 'Σ supplyM2'),
      input('搬迁建筑面积系数（示例值）', 'relocationFloorFactor (example)'),
    ],
  },
  {
    key: 'money',
    name: { zh: '资金', en: 'Money' },
    headline: 'totalWan',
    rule: 'R5',
    ruleText: {
      zh: '按测算假设中的示例单价估算',
      en: 'Estimated with the example prices of the assumptions',
    },
    target: null,
    formula: {
      zh: '资金：收购 = 收购亩数 × 收购单价（租赁：亩数 × 年租金 × 年限）；拆除 = 腾退/搬迁地块建筑面积 × 拆除单价 ÷ 10000；奖励 = 收购/租赁亩数 × 奖励标准；村集体年收入：租赁租金替代原租金，腾退、搬迁、收购地块的租金不再收取',
      en: 'money: acquisition = purchased areaMu × purchaseWanPerMu (lease: areaMu × leaseWanPerMuYear × years); demolition = floorAreaM2 of vacated/relocated plots × demolitionYuanPerM2 / 10000; reward = acquired areaMu × rewardWanPerMu; village income per year: lease payments replace rent, rent of vacated, relocated and purchased plots ends',
    },
    inputs: [
      input('收购亩数', 'purchased areaMu'),
      input('收购单价（示例值）', 'purchaseWanPerMu (example)'),
      input('租赁亩·年', 'leased areaMu × years'),
      input('年租金（示例值）', 'leaseWanPerMuYear (example)'),
      input('拆除建筑面积', 'demolished floorAreaM2'),
      input('拆除单价（示例值）', 'demolitionYuanPerM2 (example)'),
      input('奖励标准（示例值）', 'rewardWanPerMu (example)'),
      figureRecord('villageIncomeBeforeWan').name,
      figureRecord('villageIncomeAfterWan').name,
    ],
  },
] satisfies IndicatorRecord[]);

const INDICATORS_BY_KEY = new Map(INDICATOR_CATALOGUE.map((record) => [record.key, record]));

/** The record of one explained indicator. */
export function indicatorRecord(key: IndicatorKey): IndicatorRecord {
  const record = INDICATORS_BY_KEY.get(key);
  if (!record) throw new Error(`expected an indicator of the catalogue, got "${key}"`);
  return record;
}

/** The four headline targets (R1, R7), in card order. */
export const TARGET_KEYS: readonly TargetKey[] = Object.freeze([
  'controlShare',
  'renovatedMu',
  'renovatedTaxPerMu',
  'newAboveScaleFirms',
]);

/** The indicator's name followed by its rule: 控制线内用地占比（R1） / Share of … (R1). */
export function nameWithRule(key: IndicatorKey): Message {
  const { name, rule } = indicatorRecord(key);
  return { zh: `${name.zh}（${rule}）`, en: `${name.en} (${rule})` };
}

/** What the rule asks, with its id: R1：80% 工业用地… / R1: 80% of industrial land … */
export function ruleStatement(key: IndicatorKey): Message {
  const { ruleText, rule } = indicatorRecord(key);
  return { zh: `${rule}：${ruleText.zh}`, en: `${rule}: ${ruleText.en}` };
}
