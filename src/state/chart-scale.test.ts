import { describe, expect, it } from 'vitest';
import { chartScale, niceCeil } from './chart-scale.ts';

describe('chart scales', () => {
  it('rounds a scale up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect(niceCeil(0.3)).toBeCloseTo(0.5, 12);
    expect(niceCeil(11_000)).toBe(20_000);
    expect(niceCeil(2100)).toBe(2500);
    expect(niceCeil(100)).toBe(100);
    expect(niceCeil(0)).toBe(1);
    expect(chartScale([0.5, null], 0.8, 'share')).toEqual({ max: 1, ticks: [0, 0.5, 1] });
    expect(chartScale([1000, 12_000, null], 10_000, 'amount')).toEqual({
      max: 20_000,
      ticks: [0, 10_000, 20_000],
    });
    expect(chartScale([null, null], 15, 'amount').max).toBe(20);
  });
});
