/**
 * Exact sums of doubles, kept as two integer-valued doubles per slot, so that adding and removing
 * the same values in any order gives the same sum bit for bit.
 */

/**
 * Every sum is kept exactly, as two integer-valued doubles: the sum of the whole parts and the sum
 * of the fractional parts in units of 2^-30 (exact below 2^53, i.e. for up to 8 million plots).
 * Adding and removing a plot's contribution is then exact, so figures reached through a sequence
 * of edits equal those of a fresh computation bit for bit, in any order. A fraction below 2^-31
 * (of a m² or 万元) per plot is rounded away.
 */
export const FRACTION = 2 ** 30;

function wholePart(value: number): number {
  return Math.floor(value);
}

function fractionPart(value: number): number {
  return Math.round((value - Math.floor(value)) * FRACTION);
}

/** Adds sign × value to the exact sum at slot k of `sums` (slots 2k and 2k + 1). */
export function addExact(sums: Float64Array, k: number, value: number, sign: number): void {
  sums[2 * k] = (sums[2 * k] as number) + sign * wholePart(value);
  sums[2 * k + 1] = (sums[2 * k + 1] as number) + sign * fractionPart(value);
}

/** The value of the exact sum at slot k. */
export function readExact(sums: Float64Array, k: number): number {
  return (sums[2 * k] as number) + (sums[2 * k + 1] as number) / FRACTION;
}
