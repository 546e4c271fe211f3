import { describe, expect, it } from 'vitest';
import {
  formatExplainValue,
  formatHa,
  formatInteger,
  formatList,
  formatM2,
  formatMu,
  formatPercent,
  formatRatio,
  formatWan,
  formatWanPerMu,
  inBrackets,
  labelColon,
  MISSING,
  pick,
} from './format.ts';

describe('format', () => {
  it('writes 亩 with 2 decimals and thousands separators, in both languages', () => {
    expect(formatMu('zh-CN', 1234567.891)).toBe('1,234,567.89 亩');
    expect(formatMu('en', 1234567.891)).toBe('1,234,567.89 mu');
    expect(formatMu('zh-CN', 0.5, false)).toBe('0.50');
  });

  it('writes hectares with 4 decimals and m² always with 2, so a column of areas lines up', () => {
    expect(formatHa('zh-CN', 12.345678)).toBe('12.3457 公顷');
    expect(formatHa('en', 1)).toBe('1.0000 ha');
    expect(formatM2('en', 6666.666)).toBe('6,666.67 m²');
    expect(formatM2('zh-CN', 168156.5)).toBe('168,156.50 平方米');
    expect(formatM2('zh-CN', 359072.29)).toBe('359,072.29 平方米');
    expect(formatM2('zh-CN', 10, false)).toBe('10.00');
  });

  it('punctuates lists, asides and labels in the language of the text', () => {
    expect(formatList('zh-CN', ['地块', '开发边界'])).toBe('地块、开发边界');
    expect(formatList('en', ['plots', 'boundary'])).toBe('plots, boundary');
    expect(formatList('en', ['a (x, y)', 'b'], true)).toBe('a (x, y); b');
    expect(inBrackets('zh-CN', '12')).toBe('（12）');
    expect(inBrackets('en', '12')).toBe(' (12)');
    expect(labelColon('en')).toBe(': ');
  });

  it('writes shares as percentages with 2 decimals', () => {
    expect(formatPercent('zh-CN', 0.81234)).toBe('81.23%');
    expect(formatPercent('en', 1)).toBe('100.00%');
  });

  it('writes 万元, 万元/亩, ratios and counts', () => {
    expect(formatWan('zh-CN', 258.6)).toBe('258.60 万元');
    expect(formatWanPerMu('zh-CN', 15)).toBe('15.00 万元/亩');
    expect(formatWanPerMu('en', 15)).toBe('15.00 CNY 10k/mu');
    expect(formatRatio('en', 1.2345)).toBe('1.23');
    expect(formatInteger('zh-CN', 100000)).toBe('100,000');
  });

  it('shows a missing or not-a-number value as a dash, never as 0 and without a unit', () => {
    for (const value of [undefined, null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatMu('zh-CN', value)).toBe(MISSING);
      expect(formatPercent('en', value)).toBe(MISSING);
      expect(formatWanPerMu('zh-CN', value)).toBe(MISSING);
    }
    expect(formatMu('zh-CN', 0)).toBe('0.00 亩');
  });

  it('formats explanation values by kind and picks the language of a message', () => {
    expect(formatExplainValue('zh-CN', { kind: 'mu', value: 15 })).toBe('15.00 亩');
    expect(formatExplainValue('en', { kind: 'share', value: 0.8 })).toBe('80.00%');
    expect(formatExplainValue('en', { kind: 'text', text: { zh: '达标', en: 'pass' } })).toBe('pass');
    expect(formatExplainValue('zh-CN', { kind: 'count', value: undefined })).toBe(MISSING);
    expect(pick('zh-CN', { zh: '甲', en: 'A' })).toBe('甲');
  });
});
