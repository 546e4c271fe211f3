/** Where a value sits against its target on a progress bar (cards, briefing). Pure. */

/**
 * Where a value and its target sit on a progress bar, both 0…1 of its width. A share runs from 0 to
 * 100 %; any other figure runs from 0 to target ÷ 0.8, so that every target mark sits at 80 % and a
 * value past the target still shows its surplus up to the end of the bar.
 */
export function progressOf(
  value: number | null,
  target: number,
  kind: 'share' | 'amount',
): { fill: number; marker: number } {
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  if (kind === 'share') return { fill: clamp(value ?? 0), marker: clamp(target) };
  const end = target > 0 ? target / 0.8 : 1;
  return { fill: clamp((value ?? 0) / end), marker: target > 0 ? 0.8 : 0 };
}
