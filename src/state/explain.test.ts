import { describe, expect, it } from 'vitest';
import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import { baselineIndicators } from '../core/analysis/baseline-indicators.ts';
import type { PlotResult } from '../core/analysis/classify-plots.ts';
import { plotMeasures } from '../core/analysis/plot-measures.ts';
import { AREA_METHOD, DEFAULT_SETTINGS } from '../core/settings.ts';
import type { PlotProperties, PlotStatus } from '../core/types.ts';
import {
  type ExplainValue,
  type Explanation,
  explainControlShare,
  explainIndustrialMu,
  explainOutsideBoundaryMu,
  explainPlotArea,
  explainPlotClass,
  explainPlotInControl,
  explainPlotMeasure,
  explainPlotStatus,
  explainStatusFigures,
} from './explain.ts';

function result(
  index: number,
  areaM2: number,
  inBoundaryM2: number,
  inControlM2: number,
  status: PlotStatus | null,
): PlotResult {
  return { index, id: `P${index}`, areaM2, areaMu: (areaM2 * 15) / 10000, inBoundaryM2, inControlM2, status };
}

// Hand-worked: 3 classified plots of 10,000 + 6,000 + 4,000 m² = 20,000 m² = 30 亩; inside control
// 10,000 + 6,000 + 0 = 16,000 m² → share 0.8; outside the boundary 0 + 0 + 2,000 m² = 3 亩.
const RESULTS: readonly PlotResult[] = Object.freeze([
  result(0, 10000, 10000, 10000, 'control'),
  result(1, 6000, 6000, 6000, 'control'),
  result(2, 4000, 2000, 0, 'crossing'),
  result(3, 500, 0, 0, null),
]);
const BASELINE = baselineIndicators(RESULTS, ['甲镇', '甲镇', '乙镇', '乙镇']);

function plotRow(
  areaM2: number,
  inBoundaryM2: number,
  inControlM2: number,
  status: PlotStatus | null,
  properties: Partial<PlotProperties> = {},
): PlotRow {
  const props: PlotProperties = { id: 'P1', ...properties };
  return {
    index: 0,
    id: 'P1',
    town: '甲镇',
    townSource: 'attribute',
    status,
    areaM2,
    areaMu: (areaM2 * 15) / 10000,
    inBoundaryM2,
    inControlM2,
    properties: props,
    measures: plotMeasures(props, areaM2, DEFAULT_SETTINGS),
    box: null,
  };
}

function inputOf(explanation: Explanation, zhLabel: string): ExplainValue | undefined {
  return explanation.inputs.find((entry) => entry.label.zh.startsWith(zhLabel))?.value;
}

function numberOf(value: ExplainValue | undefined): number | undefined {
  return value && value.kind !== 'text' ? value.value : undefined;
}

describe('dashboard explanations', () => {
  it('industrial land: Σ areaM2 over classified plots, in 亩, with the count', () => {
    const explanation = explainIndustrialMu(BASELINE, null);
    expect(explanation.result).toEqual({ kind: 'mu', value: 30 });
    expect(numberOf(inputOf(explanation, '地块面积之和'))).toBe(20000);
    expect(numberOf(inputOf(explanation, '参与计算的地块数'))).toBe(3);
    expect(numberOf(inputOf(explanation, '无法分类'))).toBe(1);
    expect(inputOf(explanation, '范围')).toEqual({ kind: 'text', text: { zh: '全市', en: 'Whole city' } });
    expect(explanation.method).toBe(AREA_METHOD);
  });

  it('control share: Σ inControlM2 / Σ areaM2, against the 80 % target', () => {
    const explanation = explainControlShare(BASELINE, null);
    expect(numberOf(explanation.result)).toBeCloseTo(0.8, 12);
    expect(numberOf(inputOf(explanation, '工业控制线内面积之和'))).toBeCloseTo(16000, 6);
    expect(numberOf(inputOf(explanation, '地块面积之和'))).toBe(20000);
    expect(numberOf(inputOf(explanation, '目标'))).toBe(0.8);
    expect(explanation.formula.zh).toContain('工业控制线内的地块面积 ÷ 全部地块面积');
    expect(explanation.technical).toBe('Σ inControlM2 / Σ areaM2');
    expect(explanation.note?.zh).toBe('已达到 ≥ 80.00% 的目标');
  });

  it('control share of one town: 0 of 4,000 m², target not met', () => {
    const town = BASELINE.byTown.乙镇;
    if (!town) throw new Error('no town 乙镇');
    const explanation = explainControlShare(town, '乙镇');
    expect(numberOf(explanation.result)).toBe(0);
    expect(numberOf(inputOf(explanation, '地块面积之和'))).toBe(4000);
    expect(inputOf(explanation, '范围')).toEqual({ kind: 'text', text: { zh: '乙镇', en: '乙镇' } });
    expect(explanation.note?.en).toBe('The target ≥ 80.00% is not met');
  });

  it('outside the boundary: Σ (areaM2 − inBoundaryM2) in 亩', () => {
    const explanation = explainOutsideBoundaryMu(BASELINE, null);
    expect(numberOf(explanation.result)).toBeCloseTo(3, 12);
    expect(numberOf(inputOf(explanation, '开发边界外面积之和'))).toBeCloseTo(2000, 6);
  });

  it('a status: its count, its 亩 and its share of the land', () => {
    const explanation = explainStatusFigures(BASELINE, null, 'control', 0.01);
    expect(explanation.result).toEqual({ kind: 'count', value: 2 });
    expect(numberOf(inputOf(explanation, '地块面积之和'))).toBeCloseTo(24, 12);
    expect(numberOf(inputOf(explanation, '占工业用地面积'))).toBeCloseTo(0.8, 12);
    expect(explanation.title.zh).toBe('现状分类：控制线内');
    expect(explanation.formula.zh).toBe('地块在工业控制线内的面积占比不低于 1 − 碎片容差');
    expect(explanation.technical).toBe('fc ≥ 1 − τ');
  });
});

describe('plot explanations', () => {
  it('area: 2,000 m² = 3 亩 = 0.2 ha', () => {
    const explanation = explainPlotArea(plotRow(2000, 2000, 2000, 'control'));
    expect(explanation.result).toEqual({ kind: 'mu', value: 3 });
    expect(numberOf(inputOf(explanation, '地块面积（公顷）'))).toBe(0.2);
  });

  it('share inside control lines fc = inControlM2 / areaM2', () => {
    const explanation = explainPlotInControl(plotRow(2000, 2000, 500, 'boundary'));
    expect(explanation.result).toEqual({ kind: 'share', value: 0.25 });
    expect(numberOf(inputOf(explanation, '工业控制线内面积折亩'))).toBe(0.75);
  });

  it('status rule: fc 99.5 % ≥ 1 − τ gives control', () => {
    const explanation = explainPlotStatus(plotRow(2000, 2000, 1990, 'control'), 0.01);
    expect(numberOf(inputOf(explanation, '控制线内面积占比'))).toBeCloseTo(0.995, 12);
    expect(numberOf(inputOf(explanation, '1 − 碎片容差'))).toBe(0.99);
    expect(inputOf(explanation, '判断过程')).toEqual({
      kind: 'text',
      text: {
        zh: '控制线内占比 99.50% ≥ 99.00%',
        en: 'share inside control lines 99.50% ≥ 99.00%',
      },
    });
    expect(explanation.result).toEqual({
      kind: 'text',
      text: { zh: '控制线内', en: 'Inside a control line' },
    });
  });

  it('status rule: half inside the boundary is crossing, with τ and 1 − τ in the branch', () => {
    const explanation = explainPlotStatus(plotRow(2000, 1000, 0, 'crossing'), 0.01);
    const branch = inputOf(explanation, '判断过程');
    expect(branch?.kind === 'text' && branch.text.zh).toBe(
      '控制线内占比 0.00% < 99.00%；碎片容差 1.00% < 开发边界内占比 50.00% < 99.00%',
    );
  });

  it('tax per 亩 = taxWan / areaMu: 45 万元 on 3 亩 = 15 万元/亩, passes the example threshold 15', () => {
    const explanation = explainPlotMeasure(
      plotRow(2000, 2000, 2000, 'control', { taxWan: 45 }),
      'taxPerMu',
      DEFAULT_SETTINGS,
    );
    expect(numberOf(explanation.result)).toBeCloseTo(15, 12);
    expect(numberOf(inputOf(explanation, '税收'))).toBe(45);
    expect(numberOf(inputOf(explanation, '地块面积（亩）'))).toBe(3);
    expect(numberOf(inputOf(explanation, '入园门槛'))).toBe(15);
    expect(inputOf(explanation, '是否达标')).toEqual({ kind: 'text', text: { zh: '达标', en: 'pass' } });
    expect(explanation.note?.zh).toContain('示例值');
  });

  it('a measure without its input is missing, not 0, and its criterion unknown', () => {
    const explanation = explainPlotMeasure(plotRow(2000, 2000, 2000, 'control'), 'far', DEFAULT_SETTINGS);
    expect(explanation.result).toEqual({ kind: 'ratio', value: undefined });
    expect(inputOf(explanation, '是否达标')).toEqual({
      kind: 'text',
      text: { zh: '缺少数据，无法判断', en: 'no data, cannot tell' },
    });
  });

  it('efficiency class with the class limits: 9 万元 on 3 亩 = 3 万元/亩 is D', () => {
    const explanation = explainPlotClass(
      plotRow(2000, 2000, 2000, 'control', { taxWan: 9 }),
      DEFAULT_SETTINGS,
    );
    expect(explanation.result).toEqual({ kind: 'text', text: { zh: 'D', en: 'D' } });
    expect(explanation.formula.zh).toBe('按亩均税收：≥ 30 为 A；≥ 15 为 B；≥ 5 为 C；其余为 D（万元/亩）');
    expect(explanation.inputs.map((entry) => numberOf(entry.value))).toEqual([3, 30, 15, 5]);
  });
});

describe('explanations in plain words', () => {
  // Code names (areaM2, inControlM2, taxWan…), fc/fb and τ belong on the technical line only.
  const CODE_NAME = /\b[a-z]+[A-Z]\w*|\bf[cb]\b|τ/;

  it('name no variable in the formula or the inputs, and give the code names on a technical line', () => {
    const row = plotRow(2000, 1000, 500, 'crossing', { taxWan: 45 });
    const explanations: Explanation[] = [
      explainIndustrialMu(BASELINE, null),
      explainControlShare(BASELINE, null),
      explainOutsideBoundaryMu(BASELINE, null),
      explainStatusFigures(BASELINE, null, 'crossing', 0.01),
      explainPlotArea(row),
      explainPlotInControl(row),
      explainPlotStatus(row, 0.01),
      explainPlotMeasure(row, 'taxPerMu', DEFAULT_SETTINGS),
      explainPlotClass(row, DEFAULT_SETTINGS),
    ];
    for (const explanation of explanations) {
      const words = [explanation.formula, ...explanation.inputs.map((entry) => entry.label)];
      for (const text of words.flatMap((message) => [message.zh, message.en])) {
        expect(text, explanation.title.zh).not.toMatch(CODE_NAME);
      }
      expect(explanation.technical, explanation.title.zh).toMatch(CODE_NAME);
    }
  });
});
