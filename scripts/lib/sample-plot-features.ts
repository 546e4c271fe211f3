/** The attributes of the sample's plots: invented firms, industries and figures (示例数据（虚构）). */

import { geometryAreaM2, M2_PER_MU } from '../../src/core/geometry/ellipsoidal-area.ts';
import { multiToLonLat } from './local-frame.ts';
import type { Random } from './prng.ts';
import { geometryOf, type PlacedPlot, type SampleFeature } from './sample-model.ts';

const INDUSTRIES: ReadonlyArray<{ name: string; word: string; weight: number; pollution: number }> = [
  { name: '家电', word: '电器', weight: 20, pollution: 0.04 },
  { name: '汽配', word: '汽车部件', weight: 12, pollution: 0.05 },
  { name: '轴承', word: '轴承', weight: 8, pollution: 0.05 },
  { name: '五金', word: '五金', weight: 12, pollution: 0.06 },
  { name: '塑料制品', word: '塑业', weight: 10, pollution: 0.1 },
  { name: '纺织', word: '纺织', weight: 7, pollution: 0.1 },
  { name: '化纤', word: '化纤', weight: 4, pollution: 0.2 },
  { name: '电子元件', word: '电子', weight: 8, pollution: 0.05 },
  { name: '模具', word: '模具', weight: 6, pollution: 0.04 },
  { name: '机械', word: '机械', weight: 8, pollution: 0.04 },
  { name: '服装', word: '服饰', weight: 4, pollution: 0.02 },
  { name: '包装', word: '包装', weight: 4, pollution: 0.06 },
  { name: '食品', word: '食品', weight: 3, pollution: 0.05 },
  { name: '新材料', word: '新材料', weight: 3, pollution: 0.08 },
  { name: '印染', word: '印染', weight: 2, pollution: 0.6 },
  { name: '电镀', word: '表面处理', weight: 1, pollution: 0.8 },
];

// Two-character trade names, chosen to sound like local firms; any match with a real firm is chance.
const FIRM_WORDS = [
  '恒利',
  '金鑫',
  '东方',
  '宏达',
  '永丰',
  '华翔',
  '瑞峰',
  '天成',
  '新光',
  '德力',
  '海韵',
  '卓越',
  '联创',
  '顺发',
  '凯旋',
  '汇丰',
  '盛世',
  '博远',
  '三联',
  '兴业',
  '欣荣',
  '嘉禾',
  '明辉',
  '长青',
  '鼎盛',
  '和泰',
  '精工',
  '协力',
  '远航',
  '振华',
  '佳乐',
  '合力',
  '中天',
  '亿达',
  '旭日',
  '宇峰',
  '康达',
  '立新',
  '通宝',
  '润泽',
  '晨光',
  '锦程',
];

/**
 * The plot features with their attributes (firm, industry, tax, …), sorted by id.
 * @returns the features and how many lack some figures on purpose
 */
export function makePlotFeatures(
  placed: PlacedPlot[],
  random: Random,
): { features: SampleFeature[]; missing: number } {
  let missing = 0;
  const serials = new Map<string, number>();
  const features: SampleFeature[] = [];
  for (const plot of placed) {
    const serial = (serials.get(plot.village.code) ?? 0) + 1;
    serials.set(plot.village.code, serial);
    const id = `${plot.village.code}-${String(serial).padStart(4, '0')}`;
    const coordinates = multiToLonLat(plot.polygons);
    const geometry = geometryOf(coordinates);
    const areaM2 = geometryAreaM2(geometry);
    const areaMu = areaM2 / M2_PER_MU;
    const isPark = plot.kind === 'park';
    const industry = random.weighted(
      INDUSTRIES,
      (item) => item.weight * (isPark && item.name === '新材料' ? 3 : 1),
    );
    const firms = isPark ? random.pick([1, 1, 1, 2, 2, 3]) : random.int(1, 6);
    const aboveRoll = random.next();
    const aboveScaleFirms = Math.min(
      firms,
      isPark
        ? aboveRoll < 0.06
          ? 2
          : aboveRoll < 0.3
            ? 1
            : 0
        : aboveRoll < 0.01
          ? 2
          : aboveRoll < 0.06
            ? 1
            : 0,
    );
    // 亩均税收 (万元/亩): parks higher than village land, spread so that all of A–D occur.
    const taxPerMu = isPark
      ? random.logNormal(17, 0.75)
      : random.logNormal(plot.kind === 'village' ? 6 : 4.5, 0.8);
    const taxWan = taxPerMu * areaMu;
    const coverage = isPark ? random.uniform(0.35, 0.7) : random.uniform(0.2, 0.6);
    const far = Math.max(coverage, isPark ? random.uniform(0.8, 2.5) : random.uniform(0.4, 1.3));
    const properties: Record<string, unknown> = {
      id,
      name: `慈溪市${random.pick(FIRM_WORDS)}${industry.word}有限公司`,
      town: plot.town.name,
      village: plot.village.name,
      industry: industry.name,
      firms,
      aboveScaleFirms,
      employees: Math.max(
        firms * 3,
        Math.round(areaMu * (isPark ? random.uniform(1.5, 5) : random.uniform(1, 3))),
      ),
      taxWan: round(taxWan, 1),
      outputWan: round(taxWan * random.uniform(8, 20), 0),
      investmentWan: round(areaMu * (isPark ? random.logNormal(380, 0.45) : random.logNormal(130, 0.5)), 0),
      floorAreaM2: round(areaM2 * far, 0),
      footprintM2: round(areaM2 * coverage, 0),
    };
    if (!isPark) properties.rentWan = round(areaMu * random.uniform(0.5, 1.6), 1);
    properties.safetyRisk = random.chance(isPark ? 0.04 : 0.18);
    properties.pollution = random.chance(Math.min(0.9, industry.pollution * (isPark ? 0.6 : 2)));
    if (plot.pilot) properties.pilot = plot.pilot;
    // About 2 % lack some figures, as survey tables do: the key is left out, never written as 0.
    if (random.chance(0.02)) {
      missing++;
      const numeric = [
        'employees',
        'taxWan',
        'outputWan',
        'investmentWan',
        'floorAreaM2',
        'footprintM2',
        'rentWan',
      ].filter((key) => key in properties);
      const drop = random.int(1, 3);
      for (let i = 0; i < drop; i++) delete properties[random.pick(numeric)];
    }
    features.push({ type: 'Feature', id, properties, geometry });
  }
  features.sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1));
  return { features, missing };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
