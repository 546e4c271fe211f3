import { describe, expect, it } from 'vitest';
import { isNegativeBalance } from './is-negative-balance.ts';

describe('isNegativeBalance', () => {
  it('treats a rounding residue as no negative balance', () => {
    expect(isNegativeBalance(-1e-9)).toBe(false);
    expect(isNegativeBalance(-0.01)).toBe(true);
    expect(isNegativeBalance(0)).toBe(false);
  });
});
