/**
 * The formula of each indicator in plain words, zh and en, as the explanations show it. Its own
 * module so that the indicator catalogue can take it over in one place.
 */

import type { Message } from '../../types.ts';
import type { IndicatorKey } from './indicator-keys.ts';

export const FORMULAS: Readonly<Record<IndicatorKey, Message>> = Object.freeze({
  controlShare: {
    zh: "控制线内占比' =（保留/改造/收购地块控制线内面积 + 承接区块新增用地控制线内面积）÷（保留/改造/收购地块面积 + 承接区块新增用地面积）",
    en: "controlShare' = (Σ remaining inControlM2 + Σ zones newLand∩control) / (Σ remaining areaM2 + Σ zones newLandM2); remaining = keep, upgrade, acquire",
  },
  renovatedMu: {
    zh: '改造提升面积 = Σ 措施不为“保留”的地块面积（亩）',
    en: 'renovatedMu = Σ areaMu of plots whose action is not keep',
  },
  renovatedTaxPerMu: {
    zh: '改造区块亩均税收 =（Σ 改造/收购地块税收 × 提升系数 + Σ 承接区块新增用地亩数 × 区块亩均税收）÷（Σ 改造/收购地块亩数 + Σ 承接区块新增用地亩数）；缺税收数据的地块不计入分子和分母',
    en: 'renovatedTaxPerMu = (Σ upgrade/acquire taxWan × upliftFactor + Σ zones newLandMu × zoneTaxPerMu) / (Σ upgrade/acquire areaMu + Σ zones newLandMu); plots without taxWan are left out of both sums',
  },
  newAboveScaleFirms: {
    zh: '新增规上企业 = Σ 改造/收购地块亩数 × 每百亩新增规上企业数 ÷ 100 + Σ 承接区块新增用地亩数 × 区块每百亩规上企业数 ÷ 100',
    en: 'newAboveScaleFirms = Σ upgrade/acquire areaMu × upgradeFirmsPer100Mu / 100 + Σ zones newLandMu × zoneFirmsPer100Mu / 100',
  },
  ledger: {
    zh: '指标余额 = 存量处置释放（腾退 + 搬迁地块亩数）+ 重点项目直接指标 + 调入 − 调出 − 使用（承接区块新增用地亩数）；任一余额 < 0 为违规',
    en: 'balance = released (vacate + relocate areaMu) + directQuotaMu + transfersIn − transfersOut − used (zones newLandMu); any balance < 0 is a violation',
  },
  violations: {
    zh: '违规数 = 开发边界外新增用地超过区块面积 τ 的承接区块数；开发边界外地块的改造/收购为警告',
    en: 'violations = number of zones whose new land outside the boundary exceeds τ of their area; upgrade/acquire on plots outside the boundary are warnings',
  },
  capacity: {
    zh: '承接能力：需求 = Σ 搬入地块建筑面积 × 搬迁建筑面积系数；供给 = 新增用地面积 × 容积率；缺口 = max(0, 需求 − 供给)',
    en: 'capacity: demand = Σ floorAreaM2 of plots relocated into the zone × relocationFloorFactor; supply = newLandM2 × far; shortfall = max(0, demand − supply)',
  },
  money: {
    zh: '资金：收购 = 收购亩数 × 收购单价（租赁：亩数 × 年租金 × 年限）；拆除 = 腾退/搬迁地块建筑面积 × 拆除单价 ÷ 10000；奖励 = 收购/租赁亩数 × 奖励标准；村集体年收入：租赁租金替代原租金，腾退、搬迁、收购地块的租金不再收取',
    en: 'money: acquisition = purchased areaMu × purchaseWanPerMu (lease: areaMu × leaseWanPerMuYear × years); demolition = floorAreaM2 of vacated/relocated plots × demolitionYuanPerM2 / 10000; reward = acquired areaMu × rewardWanPerMu; village income per year: lease payments replace rent, rent of vacated, relocated and purchased plots ends',
  },
});
