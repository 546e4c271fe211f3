/**
 * The running app's live objects on `window.__plannerInternals`, for looking into it from outside its
 * code: the end-to-end tests and the UI benches (their hook, test/support/planner-hook.ts, reads the
 * maps and the store through it) and a developer's console. Nothing in the app reads it. Always there,
 * as the test hook it replaces was, so the tests and benches run against the build that ships.
 */

import type { CanvasFallbackMap } from '../map/canvas-fallback-map.ts';
import type { CompareMap } from '../map/compare-map.ts';
import type { MapController } from '../map/map-controller.ts';
import type { PlannerStore } from '../state/store.ts';

/** One of the comparison's maps and the scenario it shows. */
export interface ComparedMap {
  map: CompareMap;
  /** The scenario drawn, '' for the baseline. */
  scenarioId: () => string;
}

export interface PlannerInternals {
  store: PlannerStore;
  /** The main map's controller while the map view is mounted. */
  mainMap: MapController | null;
  /** The comparison's two maps while the swipe is open. */
  compareMaps: { left: ComparedMap; right: ComparedMap } | null;
  /** The simple flat map shown instead of the main map without WebGL 2. */
  fallbackMap: CanvasFallbackMap | null;
}

declare global {
  interface Window {
    __plannerInternals?: PlannerInternals;
  }
}

/** Puts the store on `window.__plannerInternals`; the maps join it while they exist. */
export function exposePlannerInternals(store: PlannerStore): void {
  window.__plannerInternals = { store, mainMap: null, compareMaps: null, fallbackMap: null };
}

/** Shows the main map's controller in the seam; returns the function that takes it out. */
export function exposeMainMap(controller: MapController): () => void {
  const internals = window.__plannerInternals;
  if (internals) internals.mainMap = controller;
  return () => {
    if (internals?.mainMap === controller) internals.mainMap = null;
  };
}

/** Shows the comparison's maps in the seam; returns the function that takes them out. */
export function exposeCompareMaps(maps: { left: ComparedMap; right: ComparedMap }): () => void {
  const internals = window.__plannerInternals;
  if (internals) internals.compareMaps = maps;
  return () => {
    if (internals?.compareMaps === maps) internals.compareMaps = null;
  };
}

/** Shows the simple flat map in the seam; returns the function that takes it out. */
export function exposeFallbackMap(map: CanvasFallbackMap): () => void {
  const internals = window.__plannerInternals;
  if (internals) internals.fallbackMap = map;
  return () => {
    if (internals?.fallbackMap === map) internals.fallbackMap = null;
  };
}
