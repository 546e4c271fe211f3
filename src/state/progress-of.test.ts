import { describe, expect, it } from 'vitest';
import { progressOf } from './progress-of.ts';

describe('progressOf', () => {
  it('puts a share on 0…100 % and any other target at 80 % of the bar', () => {
    expect(progressOf(0.6, 0.8, 'share')).toEqual({ fill: 0.6, marker: 0.8 });
    expect(progressOf(null, 0.8, 'share')).toEqual({ fill: 0, marker: 0.8 });
    expect(progressOf(5000, 10_000, 'amount')).toEqual({ fill: 0.4, marker: 0.8 });
    expect(progressOf(10_000, 10_000, 'amount').fill).toBeCloseTo(0.8, 12);
    expect(progressOf(40_000, 10_000, 'amount').fill).toBe(1);
    expect(progressOf(-5, 10, 'amount').fill).toBe(0);
  });
});
