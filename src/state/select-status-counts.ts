import type { PlanAnalysis } from '../core/analysis/analyze-plan.ts';
import type { PlotStatus } from '../core/types.ts';

export type StatusCounts = Record<PlotStatus | 'unclassified', number>;

const cache = new WeakMap<PlanAnalysis['baseline'], StatusCounts>();

/** Plots per status (a count, not an area), memoised per analysis so React sees one object. */
export function selectStatusCounts(analysis: Pick<PlanAnalysis, 'baseline'> | null): StatusCounts | null {
  if (!analysis) return null;
  const { baseline } = analysis;
  const cached = cache.get(baseline);
  if (cached) return cached;
  const counts: StatusCounts = { ...baseline.statusCounts, unclassified: baseline.unclassified };
  cache.set(baseline, counts);
  return counts;
}
