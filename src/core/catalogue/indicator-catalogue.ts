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
  /** Formula in plain words, no code names (DESIGN.md "Scenarios"); explanations show it first. */
  formula: Message;
  /** The same formula in the code's names (DESIGN.md's notation), the secondary technical line. */
  technical: string;
  /** The inputs its explanation lists, in order. */
  inputs: readonly Message[];
  /** Key of the figure that stands for the indicator. */
  headline: string;
}

function input(zh: string, en: string): Message {
  return { zh, en };
}

const ZONES_NEW_LAND_MU = input('承接区块新增用地', 'New land of receiving zones');

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
      zh: '控制线内用地占比 =（保留、改造、收购地块在控制线内的面积 + 承接区块新增用地在控制线内的面积）÷（保留、改造、收购地块的面积 + 承接区块新增用地面积），按面积计，不按地块个数',
      en: 'Share inside control lines = (area of kept, upgraded and acquired plots inside control lines + new land of receiving zones inside control lines) ÷ (area of kept, upgraded and acquired plots + new land of receiving zones), by area, not by number of plots',
    },
    technical:
      "controlShare' = (Σ remaining inControlM2 + Σ zones newLand∩control) / (Σ remaining areaM2 + Σ zones newLandM2); remaining = keep, upgrade, acquire",
    inputs: [
      input('保留/改造/收购地块控制线内面积', 'Kept, upgraded and acquired plots inside control lines'),
      input('保留/改造/收购地块面积', 'Kept, upgraded and acquired plots'),
      input('承接区块新增用地控制线内面积', 'New land of receiving zones inside control lines'),
      input('承接区块新增用地面积', 'New land of receiving zones, area'),
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
      zh: '改造提升面积 = 措施不是“保留”的所有地块的面积之和（亩）',
      en: 'Renovated area = the total area of all plots whose action is not keep (mu)',
    },
    technical: 'renovatedMu = Σ areaMu of plots whose action is not keep',
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
      zh: '改造区块亩均税收 =（改造、收购地块的现状税收 × 提升系数 + 承接区块新增用地亩数 × 区块亩均税收）÷（改造、收购地块亩数 + 承接区块新增用地亩数）；缺少税收数据的地块，分子分母都不计入',
      en: 'Tax per mu of renovated blocks = (today’s tax of upgraded and acquired plots × uplift factor + new land of receiving zones in mu × tax per mu of a zone) ÷ (upgraded and acquired plots in mu + new land of receiving zones in mu); plots without tax data are left out of both',
    },
    technical:
      'renovatedTaxPerMu = (Σ upgrade/acquire taxWan × upliftFactor + Σ zones newLandMu × zoneTaxPerMu) / (Σ upgrade/acquire areaMu + Σ zones newLandMu); plots without taxWan are left out of both sums',
    inputs: [
      input('改造/收购地块现状税收（有数据）', 'Tax of upgraded and acquired plots today (with data)'),
      input('提升系数（示例值）', 'Uplift factor (example)'),
      input('改造/收购地块亩数（有税收数据）', 'Upgraded and acquired plots with tax data, mu'),
      ZONES_NEW_LAND_MU,
      input('区块亩均税收（示例值）', 'Tax per mu of a receiving zone (example)'),
      input('缺税收数据的地块', 'Plots without tax data'),
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
      zh: '新增规上工业企业 = 改造、收购地块亩数 × 每百亩新增规上企业数 ÷ 100 + 承接区块新增用地亩数 × 区块每百亩规上企业数 ÷ 100；这是估算，按整数显示（约）',
      en: 'New above-scale firms = upgraded and acquired plots in mu × new above-scale firms per 100 mu ÷ 100 + new land of receiving zones in mu × above-scale firms per 100 mu of a zone ÷ 100; an estimate, shown as a whole number (about)',
    },
    technical:
      'newAboveScaleFirms = Σ upgrade/acquire areaMu × upgradeFirmsPer100Mu / 100 + Σ zones newLandMu × zoneFirmsPer100Mu / 100',
    inputs: [
      input('改造/收购地块亩数', 'Upgraded and acquired plots, mu'),
      input('每百亩新增规上企业（示例值）', 'New above-scale firms per 100 mu upgraded (example)'),
      ZONES_NEW_LAND_MU,
      input('区块每百亩规上企业（示例值）', 'Above-scale firms per 100 mu of a zone (example)'),
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
      zh: '用地指标余额 = 存量处置释放的指标（腾退、搬迁地块的亩数）+ 重点项目直接指标 + 调入 − 调出 − 使用（承接区块新增用地亩数）；任何一个余额小于 0 即为违规',
      en: 'Quota balance = quota released by old land (vacated and relocated plots, mu) + direct quota of key projects + transfers in − transfers out − quota used (new land of receiving zones, mu); any balance below 0 is a violation',
    },
    technical:
      'balance = released (vacate + relocate areaMu) + directQuotaMu + transfersIn − transfersOut − used (zones newLandMu); any balance < 0 is a violation',
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
      zh: '违规承接区块 = 开发边界外的新增用地超过区块面积一小部分（碎片容差）的承接区块个数；在开发边界外的地块上改造或收购，记为警告',
      en: 'Violations = the number of receiving zones whose new land outside the boundary is more than a sliver (the sliver tolerance) of their area; upgrading or acquiring plots outside the boundary gives warnings',
    },
    technical:
      'violations = number of zones whose new land outside the boundary exceeds τ of their area; upgrade/acquire on plots outside the boundary are warnings',
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
      zh: '承接能力：需求 = 搬入该区块的地块建筑面积之和 × 搬迁建筑面积系数；供给 = 新增用地面积 × 容积率；缺口 = 需求超出供给的部分（不超出为 0）',
      en: 'Capacity: demand = the floor area of the plots relocated into the zone × relocation floor factor; supply = new land × floor area ratio; shortfall = how much demand exceeds supply (0 when it does not)',
    },
    technical:
      'capacity: demand = Σ floorAreaM2 of plots relocated into the zone × relocationFloorFactor; supply = newLandM2 × far; shortfall = max(0, demand − supply)',
    inputs: [
      input('搬入需求建筑面积', 'Floor area needed by relocated firms'),
      input('可供建筑面积', 'Floor area the zones offer'),
      input('搬迁建筑面积系数（示例值）', 'Relocation floor factor (example)'),
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
      en: 'Money: acquisition = purchased mu × purchase price per mu (lease: mu × yearly lease per mu × years); demolition = floor area of vacated and relocated plots × demolition price per m² ÷ 10,000; reward = acquired mu × reward per mu; village income per year: lease payments replace rent, and the rent of vacated, relocated and purchased plots ends',
    },
    technical:
      'money: acquisition = purchased areaMu × purchaseWanPerMu (lease: areaMu × leaseWanPerMuYear × years); demolition = floorAreaM2 of vacated/relocated plots × demolitionYuanPerM2 / 10000; reward = acquired areaMu × rewardWanPerMu; village income per year: lease payments replace rent, rent of vacated, relocated and purchased plots ends',
    inputs: [
      input('收购亩数', 'Purchased area, mu'),
      input('收购单价（示例值）', 'Purchase price per mu (example)'),
      input('租赁亩·年', 'Leased mu × years'),
      input('年租金（示例值）', 'Lease per mu and year (example)'),
      input('拆除建筑面积', 'Demolished floor area'),
      input('拆除单价（示例值）', 'Demolition price per m² (example)'),
      input('奖励标准（示例值）', 'Reward per mu (example)'),
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
