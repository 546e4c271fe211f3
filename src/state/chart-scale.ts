/** The y scale of the year charts: round maxima and their ticks. */

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is ≥ value (value > 0). */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const nice = step * power;
    // A relative tolerance: 0.3 / 0.1 must not come out as 3.0000000000000004 → 5.
    if (nice >= value * (1 - 1e-12)) return nice;
  }
  return 10 * power;
}

/**
 * The y scale of a year chart: from 0 to a round number above the values and the target (a share
 * always runs 0…100 %), with the ticks 0, max/2, max.
 */
export function chartScale(
  values: readonly (number | null)[],
  target: number,
  kind: 'share' | 'amount',
): { max: number; ticks: number[] } {
  if (kind === 'share') return { max: 1, ticks: [0, 0.5, 1] };
  const highest = Math.max(target, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const max = niceCeil(highest * 1.1);
  return { max, ticks: [0, max / 2, max] };
}
