import { describe, expect, it } from 'vitest';
import {
  formatChartValue,
  formatCompareValue,
  formatDifference,
  formatFirms,
  formatIndicatorValue,
} from './scenario-format.ts';

describe('scenario formats', () => {
  it('write land in 亩 first and floor areas in m²', () => {
    expect(formatIndicatorValue('zh-CN', 10000, 'm2', true)).toBe('15.00 亩（10,000.00 平方米）');
    expect(formatIndicatorValue('en', 10000, 'm2', true)).toBe('15.00 mu (10,000.00 m²)');
    expect(formatIndicatorValue('zh-CN', 10000, 'm2')).toBe('10,000.00 平方米');
    expect(formatIndicatorValue('en', 1234.5, 'mu')).toBe('1,234.50 mu');
    expect(formatIndicatorValue('zh-CN', 0.81234, 'share')).toBe('81.23%');
    expect(formatIndicatorValue('zh-CN', null, 'wan')).toBe('—');
    expect(formatIndicatorValue('zh-CN', 1.5, 'wanPerMuYear')).toBe('1.50 万元/亩·年');
    expect(formatIndicatorValue('zh-CN', 3, 'count')).toBe('3');
  });

  it('write firms, an estimate, whole and marked 约, never "0.1 家"', () => {
    expect(formatFirms('zh-CN', 123.456)).toBe('约 123 家');
    expect(formatFirms('zh-CN', 10.8)).toBe('约 11 家');
    expect(formatFirms('zh-CN', 0.1)).toBe('不足 1 家');
    expect(formatFirms('zh-CN', 0)).toBe('0 家');
    expect(formatFirms('en', 200)).toBe('about 200 firms');
    // The target is a set number, not an estimate.
    expect(formatFirms('zh-CN', 200, false)).toBe('200 家');
    expect(formatFirms('en', null)).toBe('—');
    expect(formatIndicatorValue('zh-CN', 10.8, 'firms')).toBe('约 11 家');
    expect(formatDifference('zh-CN', 2.6, 'firms')).toBe('约 +3 家');
    expect(formatDifference('en', -0.4, 'firms')).toBe('0');
  });

  it('sign differences and write shares in percentage points', () => {
    expect(formatDifference('zh-CN', 0.0125, 'share')).toBe('+1.25 个百分点');
    expect(formatDifference('en', -0.0125, 'share')).toBe('−1.25 pp');
    expect(formatDifference('zh-CN', 1234.5, 'mu')).toBe('+1,234.50 亩');
    expect(formatDifference('zh-CN', -2, 'count')).toBe('−2');
    expect(formatDifference('zh-CN', 0.001, 'mu')).toBe('0');
    expect(formatDifference('zh-CN', 0.00001, 'share')).toBe('0');
    expect(formatDifference('zh-CN', null, 'mu')).toBe('—');
    expect(formatCompareValue('zh-CN', 15.234, 'wanPerMu')).toBe('15.23 万元/亩');
  });

  it('shorten chart labels: 万 from 10,000 亩 on', () => {
    expect(formatChartValue('zh-CN', 12_500, 'mu')).toBe('1.25万');
    expect(formatChartValue('en', 12_500, 'mu')).toBe('12.5k');
    expect(formatChartValue('zh-CN', 8000, 'mu')).toBe('8,000');
    expect(formatChartValue('zh-CN', 0.8123, 'share')).toBe('81.2%');
    expect(formatChartValue('zh-CN', 0.5, 'share', true)).toBe('50%');
    expect(formatChartValue('zh-CN', 15.26, 'wanPerMu')).toBe('15.3');
    expect(formatChartValue('zh-CN', null, 'firms')).toBe('—');
  });
});
