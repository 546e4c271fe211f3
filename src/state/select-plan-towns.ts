import type { PlannerState } from './planner-state.ts';

const collator = new Intl.Collator('zh-CN', { numeric: true });
const NO_TOWNS: readonly string[] = Object.freeze([]);
let townsCache: {
  analysis: PlannerState['analysis'];
  layers: PlannerState['layers'];
  towns: readonly string[];
} | null = null;

/**
 * Every town of the plan, for choosing the town of a zone, a direct quota or a transfer: the towns
 * of the plots and those named by the development boundaries, distinct, in zh-CN collation; the
 * same array until the plan changes.
 */
export function selectPlanTowns(state: Pick<PlannerState, 'analysis' | 'layers'>): readonly string[] {
  const { analysis, layers } = state;
  if (!analysis && !layers) return NO_TOWNS;
  if (townsCache && townsCache.analysis === analysis && townsCache.layers === layers) return townsCache.towns;
  const towns = new Set<string>();
  for (const town of Object.keys(analysis?.baseline.byTown ?? {})) if (town !== '') towns.add(town);
  for (const feature of layers?.boundary.features ?? []) {
    const town = feature.properties?.town;
    if (typeof town === 'string' && town.trim() !== '') towns.add(town.trim());
  }
  townsCache = { analysis, layers, towns: [...towns].sort(collator.compare) };
  return townsCache.towns;
}
