import { describe, expect, it } from 'vitest';
import { placeTargetLabel } from './YearChart.tsx';

describe('placeTargetLabel', () => {
  // SVG units: the plot spans x 36…190 and y 20…120; the years sit at x 46, 79.5, 113, 146.5, 180.
  const xs = [46, 79.5, 113, 146.5, 180];

  it('keeps the label above the target line at the right when nothing is there', () => {
    const points = xs.map((x) => ({ x, y: 110, text: '0' }));
    expect(placeTargetLabel(60, '目标 200', points)).toEqual({ y: 57, anchor: 'end' });
  });

  it('moves it away from the last years when they reach the target (was "200目标 200")', () => {
    const points = xs.map((x, i) => ({ x, y: i < 3 ? 110 : 60, text: i < 3 ? '0' : '200' }));
    const placed = placeTargetLabel(60, '目标 200', points);
    expect(placed).not.toEqual({ y: 57, anchor: 'end' });
    // Below the line at the right would touch the points themselves; above it at the left is clear.
    expect(placed).toEqual({ y: 57, anchor: 'start' });
  });

  it('goes below the line at the right when the values sit above it there', () => {
    const points = xs.map((x, i) => ({ x, y: i < 2 ? 110 : 52, text: '230' }));
    expect(placeTargetLabel(60, '目标 200', points)).toEqual({ y: 70, anchor: 'end' });
  });
});
