/**
 * Scenario figures as text, built on format.ts (亩 first, "—" for a missing number): values of
 * explanations by their unit, short labels for the year charts and signed differences for the
 * comparison.
 */

import { type FigureRecord, type FigureUnit, UNIT_DIGITS } from '../core/catalogue/figure-catalogue.ts';
import type { IndicatorUnit } from '../core/scenario/indicators/explain-indicator.ts';
import type { Language } from '../i18n/messages.ts';
import { scenarioText } from '../i18n/scenario-messages.ts';
import {
  formatInteger,
  formatM2,
  formatMu,
  formatNumber,
  formatPercent,
  formatRatio,
  formatWan,
  formatWanPerMu,
  inBrackets,
  isPresent,
  MISSING,
} from './format.ts';

/** m² per 亩 (1 亩 = 10000/15 m²). */
const M2_PER_MU = 10000 / 15;

/**
 * Firms are an estimate (亩 × firms per 100 亩, computed unrounded, DESIGN.md): shown whole and
 * marked 约 ("约 11 家"); an estimate between 0 and ½ is "不足 1 家", an exact 0 is "0 家". A
 * number of firms that is set, not estimated (the target of 200), is `estimate` false: "200 家".
 */
export function formatFirms(language: Language, value: number | null | undefined, estimate = true): string {
  if (!isPresent(value)) return MISSING;
  const whole = `${formatNumber(language, value, 0)} ${scenarioText(language, 'scn.unit.firms')}`;
  if (value === 0 || !estimate) return whole;
  if (Math.abs(value) < 0.5) return scenarioText(language, 'scn.ind.firmsUnderOne');
  return scenarioText(language, 'scn.ind.firms', { value: formatNumber(language, value, 0) });
}

/**
 * A value of an indicator explanation with its unit. Land areas given in m² show in 亩 first, with
 * the m² after; floor areas (`land` false) stay in m².
 */
export function formatIndicatorValue(
  language: Language,
  value: number | null | undefined,
  unit: IndicatorUnit,
  land = false,
): string {
  if (!isPresent(value)) return MISSING;
  switch (unit) {
    case 'share':
      return formatPercent(language, value);
    case 'mu':
      return formatMu(language, value);
    case 'm2':
      return land
        ? `${formatMu(language, value / M2_PER_MU)}${inBrackets(language, formatM2(language, value))}`
        : formatM2(language, value);
    case 'wan':
      return formatWan(language, value);
    case 'wanPerMu':
      return formatWanPerMu(language, value);
    case 'count':
      return formatInteger(language, value);
    case 'firms':
      return formatFirms(language, value);
    case 'factor':
      return formatRatio(language, value);
    case 'firmsPer100Mu':
      return `${formatNumber(language, value, 2)} ${scenarioText(language, 'scn.unit.firmsPer100Mu')}`;
    case 'yuanPerM2':
      return `${formatNumber(language, value, 2)} ${scenarioText(language, 'scn.unit.yuanPerM2')}`;
    case 'wanPerMuYear':
      return `${formatNumber(language, value, 2)} ${scenarioText(language, 'scn.unit.wanPerMuYear')}`;
  }
}

/** A figure of the catalogue with its unit and rounding. */
export function formatFigure(language: Language, figure: FigureRecord, value: number | null): string {
  return formatCompareValue(language, value, figure.unit);
}

/** A target of a figure (a set number: firms without 约). */
export function formatTargetFigure(language: Language, figure: FigureRecord, value: number | null): string {
  return figure.unit === 'firms'
    ? formatFirms(language, value, false)
    : formatFigure(language, figure, value);
}

/** A compared figure with its unit. */
export function formatCompareValue(language: Language, value: number | null, unit: FigureUnit): string {
  switch (unit) {
    case 'share':
      return formatPercent(language, value);
    case 'mu':
      return formatMu(language, value);
    case 'wanPerMu':
      return formatWanPerMu(language, value);
    case 'count':
      return formatInteger(language, value);
    case 'firms':
      return formatFirms(language, value);
    case 'wan':
      return formatWan(language, value);
    case 'm2':
      return formatM2(language, value);
  }
}

/**
 * A difference with its sign: "+12.50 亩", "−3", shares in percentage points ("+1.25 个百分点").
 * A difference that rounds to zero at the shown precision is "0".
 */
export function formatDifference(language: Language, difference: number | null, unit: FigureUnit): string {
  if (!isPresent(difference)) return MISSING;
  const magnitude = Math.abs(difference);
  // Half of the last digit shown: below it, the difference prints as zero.
  if (magnitude < (0.5 * 10 ** -UNIT_DIGITS[unit][1]) / (unit === 'share' ? 100 : 1)) return '0';
  const sign = difference > 0 ? '+' : '−';
  // An estimate keeps its 约 before the sign: "约 +3 家".
  if (unit === 'firms')
    return scenarioText(language, 'scn.ind.firms', {
      value: `${sign}${formatNumber(language, magnitude, 0)}`,
    });
  const text =
    unit === 'share'
      ? scenarioText(language, 'scn.unit.pp', { value: formatNumber(language, magnitude * 100, 2) })
      : formatCompareValue(language, magnitude, unit);
  return `${sign}${text}`;
}

/**
 * A short label for a chart point: a share with one decimal ("81.2%"; an axis tick none), 亩 in 万 from 10,000 on
 * ("1.25万" / "12.5k"), tax per 亩 with one decimal, firms whole.
 */
export function formatChartValue(
  language: Language,
  value: number | null,
  kind: 'share' | 'mu' | 'wanPerMu' | 'firms',
  isAxis = false,
): string {
  if (!isPresent(value)) return MISSING;
  switch (kind) {
    case 'share':
      // Axis ticks are round: 0%, 50%, 100%.
      return `${formatNumber(language, value * 100, isAxis ? 0 : 1)}%`;
    case 'mu':
      if (Math.abs(value) >= 10_000)
        return language === 'zh-CN'
          ? `${formatNumber(language, value / 10_000, 0, 2)}万`
          : `${formatNumber(language, value / 1000, 0, 1)}k`;
      return formatNumber(language, value, 0);
    case 'wanPerMu':
      return formatNumber(language, value, 1);
    case 'firms':
      return formatNumber(language, value, 0);
  }
}
