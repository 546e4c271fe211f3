/**
 * The catalogue of scenario figures: one record per figure a surface shows (an indicator's headline
 * value or one of its parts), with the one zh/en name used everywhere, a short name for inside its
 * indicator's card or table, its unit and rounding, which way is better, whether the comparison lists
 * it, and the function that reads it from the computed figures. The explained indicators that group
 * them are in indicator-catalogue.ts.
 */

import type { IndicatorKey } from '../scenario/indicators/indicator-keys.ts';
import type { ScenarioFigures } from '../scenario/indicators/scenario-figures.ts';
import type { Message } from '../types.ts';
import { ACTION_CATALOGUE, type DrawnAction } from './action-catalogue.ts';

/** How a figure is measured. */
export type FigureUnit = 'share' | 'mu' | 'wanPerMu' | 'count' | 'firms' | 'wan' | 'm2';

/** Which way is better when scenarios are compared. */
export type Better = 'higher' | 'lower' | 'none';

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
  better: Better;
  /** Shown as a row of the scenario comparison. */
  compared: boolean;
  /** The figure, from the cumulative figures of one year; null when it cannot be computed. */
  read: (figures: ScenarioFigures) => number | null;
}

/** Decimals shown per unit, fewest and most (shares: of the percentage). */
export const UNIT_DIGITS: Readonly<Record<FigureUnit, readonly [number, number]>> = {
  share: [2, 2],
  mu: [2, 2],
  wanPerMu: [2, 2],
  count: [0, 0],
  firms: [0, 0],
  wan: [2, 2],
  m2: [2, 2],
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
    better,
    compared: options.compared ?? true,
    read,
  };
}

/** The area of one action, as a comparison row. */
function actionAreaFigure(code: DrawnAction, name: Message): FigureRecord {
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
    (f) => Object.values(f.capacity).reduce((sum, c) => sum + c.shortfallM2, 0),
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
