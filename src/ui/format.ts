/**
 * Numbers as the results UI shows them, in zh-CN or en, one format per unit: 亩 with 2 decimals,
 * hectares with 4, m² with 2, percentages with 2, 万元; thousands separators; "—" for a missing number (never 0).
 */

import type { Message } from '../core/types.ts';
import { type Language, translate } from '../i18n/messages.ts';
import type { ExplainValue } from '../state/explain.ts';

/** What a missing number shows as. */
export const MISSING = '—';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(
  language: Language,
  minDigits: number,
  maxDigits: number,
  percent = false,
): Intl.NumberFormat {
  const key = `${language}|${minDigits}|${maxDigits}|${percent}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
      style: percent ? 'percent' : 'decimal',
    });
    formats.set(key, format);
  }
  return format;
}

/** true for a finite number. */
export function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A number with `minDigits`…`maxDigits` decimals and thousands separators; "—" when missing. */
export function formatNumber(
  language: Language,
  value: number | null | undefined,
  minDigits: number,
  maxDigits = minDigits,
): string {
  return isPresent(value) ? numberFormat(language, minDigits, maxDigits).format(value) : MISSING;
}

function withUnit(
  language: Language,
  key:
    | 'format.mu'
    | 'format.ha'
    | 'format.m2'
    | 'format.wan'
    | 'format.wanPerMu'
    | 'format.plots'
    | 'format.people',
  text: string,
  unit: boolean,
): string {
  return unit && text !== MISSING ? translate(language, key, { value: text }) : text;
}

/** 亩 with 2 decimals: "1,234.57 亩" / "1,234.57 mu". */
export function formatMu(language: Language, value: number | null | undefined, unit = true): string {
  return withUnit(language, 'format.mu', formatNumber(language, value, 2), unit);
}

/** Hectares with 4 decimals. */
export function formatHa(language: Language, value: number | null | undefined, unit = true): string {
  return withUnit(language, 'format.ha', formatNumber(language, value, 4), unit);
}

/** m² with 2 decimals, always (one format per unit: "168,156.50" beside "359,072.29"). */
export function formatM2(language: Language, value: number | null | undefined, unit = true): string {
  return withUnit(language, 'format.m2', formatNumber(language, value, 2), unit);
}

/** A share (0…1) as a percentage with 2 decimals: 0.81234 → "81.23%". */
export function formatPercent(language: Language, share: number | null | undefined): string {
  return isPresent(share) ? numberFormat(language, 2, 2, true).format(share) : MISSING;
}

/** 万元 with 2 decimals. */
export function formatWan(language: Language, value: number | null | undefined, unit = true): string {
  return withUnit(language, 'format.wan', formatNumber(language, value, 2), unit);
}

/** 万元/亩 with 2 decimals (亩均税收, 投资强度). */
export function formatWanPerMu(language: Language, value: number | null | undefined, unit = true): string {
  return withUnit(language, 'format.wanPerMu', formatNumber(language, value, 2), unit);
}

/** A ratio such as 容积率, 2 decimals. */
export function formatRatio(language: Language, value: number | null | undefined): string {
  return formatNumber(language, value, 2);
}

/** A whole count with thousands separators. */
export function formatInteger(language: Language, value: number | null | undefined): string {
  return formatNumber(language, value, 0);
}

/** Items in running text: "甲、乙" in Chinese, "a, b" in English; `strong` separates items that hold commas of their own ("；" / "; "). */
export function formatList(language: Language, items: readonly string[], strong = false): string {
  if (language === 'zh-CN') return items.join(strong ? '；' : '、');
  return items.join(strong ? '; ' : ', ');
}

/** An aside after a word: "（…）" in Chinese, " (…)" in English. */
export function inBrackets(language: Language, text: string): string {
  return language === 'zh-CN' ? `（${text}）` : ` (${text})`;
}

/** The colon after a label: "：" in Chinese, ": " in English. */
export function labelColon(language: Language): string {
  return language === 'zh-CN' ? '：' : ': ';
}

/** The text of a message in `language`. */
export function pick(language: Language, message: Message): string {
  return language === 'zh-CN' ? message.zh : message.en;
}

/** A value of an explanation (state/explain.ts), with its unit. */
export function formatExplainValue(language: Language, value: ExplainValue): string {
  switch (value.kind) {
    case 'text':
      return pick(language, value.text);
    case 'mu':
      return formatMu(language, value.value);
    case 'm2':
      return formatM2(language, value.value);
    case 'ha':
      return formatHa(language, value.value);
    case 'share':
      return formatPercent(language, value.value);
    case 'count':
      return formatInteger(language, value.value);
    case 'wan':
      return formatWan(language, value.value);
    case 'wanPerMu':
      return formatWanPerMu(language, value.value);
    case 'ratio':
      return formatRatio(language, value.value);
  }
}
