/**
 * Efficiency measures, entry screening (R6) and efficiency class of one plot (DESIGN.md
 * "Per-plot analysis"). A measure whose inputs are missing is undefined, never 0, and a screening
 * criterion without its measure is neither passed nor failed.
 */

import type { AnalysisSettings } from '../settings.ts';
import type { PlotProperties } from '../types.ts';

export type EfficiencyClass = 'A' | 'B' | 'C' | 'D';

export interface PlotMeasures {
  /** 亩均税收, 万元/亩. */
  taxPerMu?: number;
  /** 投资强度, 万元/亩. */
  investmentPerMu?: number;
  /** 容积率 = floorAreaM2 / areaM2. */
  far?: number;
  /** 建筑密度 = footprintM2 / areaM2. */
  coverage?: number;
  /** Pass (true), fail (false) or unknown (undefined) per criterion. */
  screening: { investmentPerMu?: boolean; far?: boolean; coverage?: boolean; taxPerMu?: boolean };
  /** true when every criterion passes, false when one fails, undefined when none fails but some are unknown. */
  passesScreening?: boolean;
  /** 亩均效益分类 by taxPerMu; undefined without a tax figure. */
  efficiencyClass?: EfficiencyClass;
}

function ratio(numerator: number | undefined, denominator: number): number | undefined {
  return numerator === undefined || !Number.isFinite(numerator) || !(denominator > 0)
    ? undefined
    : numerator / denominator;
}

/** Pass (true), fail (false) or unknown (undefined) of one screening criterion. */
function atLeast(value: number | undefined, min: number): boolean | undefined {
  return value === undefined ? undefined : value >= min;
}

/** Efficiency class by tax per 亩 and the class limits (A ≥ 30, B ≥ 15, C ≥ 5, else D by default). */
export function efficiencyClassOf(
  taxPerMu: number | undefined,
  limits: AnalysisSettings['classLimits'],
): EfficiencyClass | undefined {
  if (taxPerMu === undefined) return undefined;
  if (taxPerMu >= limits.A) return 'A';
  if (taxPerMu >= limits.B) return 'B';
  if (taxPerMu >= limits.C) return 'C';
  return 'D';
}

/** The ratios of one plot's measures (undefined where an input is missing), as plotMeasures gives them. */
export function measureRatios(
  properties: Pick<PlotProperties, 'taxWan' | 'investmentWan' | 'floorAreaM2' | 'footprintM2'>,
  areaM2: number,
): Pick<PlotMeasures, 'taxPerMu' | 'investmentPerMu' | 'far' | 'coverage'> {
  const areaMu = (areaM2 * 15) / 10000;
  return {
    taxPerMu: ratio(properties.taxWan, areaMu),
    investmentPerMu: ratio(properties.investmentWan, areaMu),
    far: ratio(properties.floorAreaM2, areaM2),
    coverage: ratio(properties.footprintM2, areaM2),
  };
}

/**
 * Measures of one plot.
 * @param properties canonical plot properties (taxWan and investmentWan in 万元, floor areas in m²)
 * @param areaM2 the plot's ellipsoidal area, m²
 */
export function plotMeasures(
  properties: PlotProperties,
  areaM2: number,
  settings: AnalysisSettings,
): PlotMeasures {
  const { taxPerMu, investmentPerMu, far, coverage } = measureRatios(properties, areaM2);
  const limits = settings.screening;
  const screening = {
    investmentPerMu: atLeast(investmentPerMu, limits.investmentPerMu),
    far: atLeast(far, limits.far),
    coverage: atLeast(coverage, limits.coverage),
    taxPerMu: atLeast(taxPerMu, limits.taxPerMu),
  };
  const verdicts = [screening.investmentPerMu, screening.far, screening.coverage, screening.taxPerMu];
  const passesScreening = verdicts.includes(false) ? false : verdicts.includes(undefined) ? undefined : true;
  return {
    taxPerMu,
    investmentPerMu,
    far,
    coverage,
    screening,
    passesScreening,
    efficiencyClass: efficiencyClassOf(taxPerMu, settings.classLimits),
  };
}
