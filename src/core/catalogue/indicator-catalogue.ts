/**
 * The catalogue of explained indicators: one record per indicator card, with the one zh/en name used
 * everywhere, the rule it serves (R1–R7) and its 2026 target, the formula in plain words, the inputs
 * its explanation lists, and the figure that stands for it (figure-catalogue.ts holds each figure's
 * name, unit, rounding, better-when and the function that reads it). Surfaces iterate these records;
 * none spells an indicator's name itself.
 */

import type { IndicatorKey } from '../scenario/indicators/indicator-keys.ts';
import { SCENARIO_TARGETS } from '../scenario/indicators/scenario-targets.ts';
import type { Message } from '../types.ts';
import { ACTION_CATALOGUE } from './action-catalogue.ts';
import { figureRecord } from './figure-catalogue.ts';

/** The rules of the policy (shared/policy/README.md). */
export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

/** The four headline targets of R1 and R7 (cards with progress bars, briefing, charts). */
export type TargetKey = 'controlShare' | 'renovatedMu' | 'renovatedTaxPerMu' | 'newAboveScaleFirms';

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
