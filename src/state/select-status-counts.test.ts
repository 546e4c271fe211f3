import { describe, expect, it } from 'vitest';
import { baselineIndicators } from '../core/analysis/baseline-indicators.ts';
import type { PlotResult } from '../core/analysis/classify-plots.ts';
import { selectStatusCounts } from './select-status-counts.ts';

function result(index: number, status: PlotResult['status']): PlotResult {
  return { index, id: String(index), areaM2: 1, areaMu: 0.0015, inBoundaryM2: 0, inControlM2: 0, status };
}

describe('selectStatusCounts', () => {
  const results = [
    result(0, 'control'),
    result(1, 'outside'),
    result(2, 'outside'),
    result(3, null),
    result(4, 'crossing'),
  ];
  const analysis = { baseline: baselineIndicators(results, ['a', 'a', 'b', 'b', 'b']) };

  it('counts plots per status, unclassified ones apart', () => {
    expect(selectStatusCounts(analysis)).toEqual({
      control: 1,
      boundary: 0,
      crossing: 1,
      outside: 2,
      unclassified: 1,
    });
  });

  it('returns the same object for the same analysis, so that React does not re-render in a loop', () => {
    expect(selectStatusCounts(analysis)).toBe(selectStatusCounts(analysis));
    expect(selectStatusCounts(null)).toBeNull();
  });
});
