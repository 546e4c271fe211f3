/**
 * The plots marked as suggested (方案建议) on a map: feature state `suggested` on the plot polygons,
 * drawn by the plot-suggested layer as white dashes over the action's outline. Only the plots whose
 * mark changed are written.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PlannerState } from '../state/planner-state.ts';
import type { SuggestedMarks } from '../state/suggested-marks.ts';
import { follow, type MapSync } from './map-syncs.ts';
import { plotIndexById, plotStateTargets } from './scenario-layers.ts';

/** Writes the marks `marksOf` gives as feature state; runs after the action syncs (which may clear all state). */
export function suggestedMarksSync(
  map: MapLibreMap,
  marksOf: (state: PlannerState) => SuggestedMarks,
): MapSync {
  /** Plot indices drawn as suggested now. */
  let drawn = new Set<number>();
  return follow(
    (state) => [state.plotMap, state.analysis, marksOf(state)] as const,
    ([plotMap, analysis, marks], _state, previous) => {
      const next = new Set<number>();
      if (plotMap && analysis) {
        const indexOf = plotIndexById(analysis.rows);
        for (const id of marks.keys()) {
          const index = indexOf.get(id);
          if (index !== undefined) next.add(index);
        }
      }
      // New plot data: its tiles hold no state, and the indices may mean other plots.
      const fresh = plotMap !== previous?.[0];
      for (const index of drawn) {
        if (fresh || !next.has(index))
          for (const target of plotStateTargets(index)) map.removeFeatureState(target, 'suggested');
      }
      for (const index of next) {
        if (fresh || !drawn.has(index))
          for (const target of plotStateTargets(index)) map.setFeatureState(target, { suggested: true });
      }
      drawn = next;
    },
  );
}
