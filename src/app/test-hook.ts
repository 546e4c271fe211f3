/**
 * Read access to the running map for the end-to-end tests (and for a developer's console):
 * `window.__planner`. It hands out counts and the map, and changes nothing by itself.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapController } from '../map/map-controller.ts';

export interface PlannerTestHook {
  map: MapLibreMap;
  /** Resolves once the map is idle with everything drawn. */
  whenIdle: () => Promise<void>;
  /** How many features of `layerId` are drawn in the viewport now. */
  renderedFeatureCount: (layerId: string) => number;
  /** Distinct values of `property` among the drawn features of `layerId`. */
  renderedValues: (layerId: string, property: string) => string[];
}

declare global {
  interface Window {
    __planner?: PlannerTestHook;
  }
}

export function exposeTestHook(controller: MapController): () => void {
  const { map } = controller;
  window.__planner = {
    map,
    whenIdle: () => controller.whenIdle(),
    renderedFeatureCount: (layerId) => map.queryRenderedFeatures({ layers: [layerId] }).length,
    renderedValues: (layerId, property) =>
      [
        ...new Set(
          map.queryRenderedFeatures({ layers: [layerId] }).map((f) => String(f.properties[property])),
        ),
      ].sort(),
  };
  return () => {
    delete window.__planner;
  };
}
