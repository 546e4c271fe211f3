import { describe, expect, it } from 'vitest';
import { CATALOGUES, fillTemplate, formatCount, mapAttribution, translate } from './messages.ts';

describe('message catalogues', () => {
  it('give every key a non-empty text in every language', () => {
    const keys = Object.keys(CATALOGUES['zh-CN']).sort();
    expect(Object.keys(CATALOGUES.en).sort()).toEqual(keys);
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const key of keys) expect(catalogue[key as keyof typeof catalogue].trim(), key).not.toBe('');
    }
  });

  it('keep the same placeholders in every language', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(CATALOGUES['zh-CN'])) {
      expect(placeholders(CATALOGUES.en[key as keyof typeof CATALOGUES.en]), key).toEqual(placeholders(text));
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('zh-CN', 'legend.total', { count: '3,000' })).toBe('合计 3,000 块');
    expect(translate('en', 'legend.total')).toBe('Total {count} plots');
    expect(formatCount('zh-CN', 12345)).toBe('12,345');
  });

  it('credit OpenStreetMap, and label the sample, and only the sample, as fictitious', () => {
    const sample = mapAttribution('zh-CN', '示例数据（虚构）');
    expect(sample).toContain('© OpenStreetMap contributors (ODbL)');
    expect(sample.endsWith(' · 示例数据（虚构）')).toBe(true);
    expect(mapAttribution('en', '示例数据（虚构）').endsWith(' · Sample data (fictitious)')).toBe(true);
    const real = mapAttribution('zh-CN', null);
    expect(real).toContain('© OpenStreetMap contributors (ODbL)');
    expect(real).not.toContain('示例');
    expect(mapAttribution('en', null)).not.toMatch(/sample/i);
    expect(mapAttribution('en', '慈溪市 2025 年调查')).toMatch(/ · 慈溪市 2025 年调查$/);
  });

  it('write one of a counted thing in the singular in English, and nothing else', () => {
    expect(translate('en', 'legend.total', { count: 1 })).toBe('Total 1 plot');
    expect(translate('en', 'legend.total', { count: 21 })).toBe('Total 21 plots');
    expect(translate('en', 'legend.total', { count: '1,001' })).toBe('Total 1,001 plots');
    expect(fillTemplate('en', '{a} entries, {b} zones', { a: 1, b: 0.1 })).toBe('1 entry, 0.1 zones');
    expect(fillTemplate('en', 'Set {n} plots to vacate', { n: 1 })).toBe('Set 1 plot to vacate');
    expect(fillTemplate('en', '{a} relocated plots, {b} vacated/relocated plots', { a: 1, b: 1 })).toBe(
      '1 relocated plot, 1 vacated/relocated plot',
    );
    expect(fillTemplate('en', '{a} receiving zones', { a: 2 })).toBe('2 receiving zones');
    expect(translate('zh-CN', 'legend.total', { count: 1 })).toBe('合计 1 块');
  });
});
