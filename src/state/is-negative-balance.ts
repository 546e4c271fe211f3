import { BALANCE_EPSILON_MU } from '../core/scenario/indicators/scenario-figures.ts';

/** true when a quota balance is negative (beyond the rounding of area sums). */
export function isNegativeBalance(balanceMu: number): boolean {
  return balanceMu < -BALANCE_EPSILON_MU;
}
