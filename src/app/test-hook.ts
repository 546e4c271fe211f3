/**
 * Read access to the running map for the end-to-end tests (and for a developer's console):
 * `window.__planner`. It hands out counts and the map, and changes nothing by itself.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapController } from '../map/map-controller.ts';
import type { PlannerStore } from '../state/store.ts';
import { drawnPlotDots, plotDotColours } from './drawn-plots.ts';

/** What the tests read of a plot row. */
export interface TestPlotRow {
  index: number;
  id: string;
  name: string | undefined;
  town: string;
  village: string | undefined;
  status: string | null;
  areaM2: number;
  box: readonly number[] | null;
}

export interface PlannerTestHook {
  map: MapLibreMap;
  /** Resolves once the map is idle with everything drawn. */
  whenIdle: () => Promise<void>;
  /** How many features of `layerId` are drawn in the viewport now. */
  renderedFeatureCount: (layerId: string) => number;
  /** Distinct values of `property` among the drawn features of `layerId`. */
  renderedValues: (layerId: string, property: string) => string[];
  /**
   * The plots on screen whose county-scale dot shows their status colour within `radiusPx` (1) of
   * its centre (the raster tiles draw them: there are no features to query), and the statuses
   * seen so.
   */
  drawnPlotDots: (radiusPx?: number) => Promise<{ count: number; statuses: string[] }>;
  /** The colours drawn within `radiusPx` of the dots of `indices` (all plots when null), by index. */
  plotDotColours: (indices: number[] | null, radiusPx: number) => Promise<Record<number, string[]>>;
  /** The analysed plots as the store holds them. */
  plotRows: () => TestPlotRow[];
  /** Feature counts of the plan's layers. */
  layerCounts: () => Record<'plots' | 'boundary' | 'control', number> | null;
}

declare global {
  interface Window {
    __planner?: PlannerTestHook;
  }
}

export function exposeTestHook(controller: MapController, store: PlannerStore): () => void {
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
    drawnPlotDots: (radiusPx) =>
      drawnPlotDots(map, store.getState().analysis?.rows ?? [], store.getState().town, radiusPx),
    plotDotColours: (indices, radiusPx) =>
      plotDotColours(map, store.getState().analysis?.rows ?? [], store.getState().town, indices, radiusPx),
    plotRows: () =>
      (store.getState().analysis?.rows ?? []).map((row) => ({
        index: row.index,
        id: row.id,
        name: row.name,
        town: row.town,
        village: row.village,
        status: row.status,
        areaM2: row.areaM2,
        box: row.box,
      })),
    layerCounts: () => {
      const layers = store.getState().layers;
      return layers
        ? {
            plots: layers.plots.features.length,
            boundary: layers.boundary.features.length,
            control: layers.control.features.length,
          }
        : null;
    },
  };
  return () => {
    delete window.__planner;
  };
}
