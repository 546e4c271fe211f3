import type { Classification } from '../core/analysis/classify-plots.ts';
import type { PlotStatus } from '../core/types.ts';

export type StatusCounts = Record<PlotStatus | 'unclassified', number>;

const cache = new WeakMap<Classification, StatusCounts>();

/** Plots per status (a count, not an area), memoised per classification so React sees one object. */
export function selectStatusCounts(classification: Classification | null): StatusCounts | null {
  if (!classification) return null;
  const cached = cache.get(classification);
  if (cached) return cached;
  const counts: StatusCounts = { control: 0, boundary: 0, crossing: 0, outside: 0, unclassified: 0 };
  for (const result of classification.results) counts[result.status ?? 'unclassified']++;
  cache.set(classification, counts);
  return counts;
}
