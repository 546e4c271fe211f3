/**
 * The active scenario as the map shows it: receiving zones as features (with their R2 verdict),
 * and the plot actions that changed between two scenarios, written as feature state on the plot
 * tiles (whose feature ids are plot indices).
 */

import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { type PlotOutlines, plotOutlineGeometry } from '../core/plot-outlines.ts';
import type { ActionEntry, Scenario, ScenarioSet } from '../core/scenario/scenario.ts';
import type { ZoneMeasures } from '../core/scenario/zone-measures.ts';
import type { FeatureCollection } from '../core/types.ts';
import { plotTileUrl } from './plot-tile-urls.ts';
import { PLOT_SOURCE_LAYER, SOURCE } from './style-ids.ts';

/** The scenario being edited. */
export function activeScenario(set: ScenarioSet): Scenario | undefined {
  return set.scenarios.find((scenario) => scenario.id === set.activeScenarioId) ?? set.scenarios[0];
}

/** Receiving zones with `id`, `name` and `r2` ('ok' until measured). */
export function zoneFeatures(
  scenario: Scenario | undefined,
  measures: Readonly<Record<string, ZoneMeasures>> | undefined,
): FeatureCollection<unknown, { id: string; name: string; r2: string }> {
  return {
    type: 'FeatureCollection',
    features: (scenario?.zones ?? []).map((zone) => ({
      type: 'Feature' as const,
      id: zone.id,
      properties: { id: zone.id, name: zone.name, r2: measures?.[zone.id]?.r2 ?? 'ok' },
      geometry: zone.geometry,
    })),
  };
}

/**
 * Plot ids whose action differs between two action maps, with the new action (null: keep).
 * Entries are compared by identity: edits replace the entries they change and share the rest.
 */
export function changedActions(
  before: Readonly<Record<string, ActionEntry>>,
  after: Readonly<Record<string, ActionEntry>>,
): Map<string, ActionEntry['action'] | null> {
  const changed = new Map<string, ActionEntry['action'] | null>();
  if (before === after) return changed;
  for (const id in before) if (!Object.hasOwn(after, id)) changed.set(id, null);
  for (const id in after) {
    if (before[id] !== after[id]) changed.set(id, after[id]?.action ?? null);
  }
  return changed;
}

const indexCache = new WeakMap<readonly { index: number; id: string }[], Map<string, number>>();

/** Plot index by plot id (the plot tiles' feature ids are plot indices); cached per row list. */
export function plotIndexById(rows: readonly { index: number; id: string }[]): Map<string, number> {
  let map = indexCache.get(rows);
  if (!map) {
    // One entry at a time: a list of [id, index] pairs first was 19 MB of garbage for 516,000 rows.
    map = new Map();
    for (const row of rows) map.set(row.id, row.index);
    indexCache.set(rows, map);
  }
  return map;
}

/**
 * The feature-state targets of a plot: its polygon. (The county view's raster is painted with the
 * actions by the tile worker: see plot-raster-source.ts.)
 */
export function plotStateTargets(index: number): { source: string; sourceLayer: string; id: number }[] {
  return [{ source: SOURCE.plots, sourceLayer: PLOT_SOURCE_LAYER.plots, id: index }];
}

/** The plot sources with feature state, for removing every plot's. */
export const PLOT_STATE_SOURCES = [{ source: SOURCE.plots, sourceLayer: PLOT_SOURCE_LAYER.plots }] as const;

/**
 * Writes changed actions as feature state `action` on the plot polygons (null: kept, state removed).
 * @param rows the analysed plots, for the index of each plot id
 */
export function drawActions(
  map: MapLibreMap,
  changes: ReadonlyMap<string, ActionEntry['action'] | null>,
  rows: readonly { index: number; id: string }[],
): void {
  const indexOf = plotIndexById(rows);
  for (const [id, action] of changes) {
    const index = indexOf.get(id);
    if (index === undefined) continue;
    for (const target of plotStateTargets(index)) {
      if (action === null) map.removeFeatureState(target, 'action');
      else map.setFeatureState(target, { action });
    }
  }
}

/** The URL each map's polygon source waits to be given (see showPlotTiles). */
const waitingUrl = new WeakMap<PlotTileMap, string>();

type SourceEventListener = (event: { type: string; sourceId?: string }) => void;

/** What showPlotTiles needs of a MapLibre map. */
export interface PlotTileMap {
  getSource(id: string): unknown;
  isSourceLoaded(id: string): boolean;
  on(type: 'sourcedata' | 'idle', listener: SourceEventListener): unknown;
  off(type: 'sourcedata' | 'idle', listener: SourceEventListener): unknown;
}

/**
 * Points the polygon source at the tiles of `version` (0: no plots); left alone when already there.
 *
 * Not while one of its tiles is loading: MapLibre 6 does not fetch such a tile again when the URL
 * changes, it parses its first answer again, so the tile would keep the old plots (or none) until
 * it is next loaded. The change then waits until no tile is loading; a newer version asked for
 * meanwhile replaces the waiting one.
 */
export function showPlotTiles(map: PlotTileMap, version: number): void {
  const alreadyWaiting = waitingUrl.has(map);
  waitingUrl.set(map, plotTileUrl(version));
  if (alreadyWaiting) return;
  const apply = (): boolean => {
    const source = map.getSource(SOURCE.plots) as Pick<VectorTileSource, 'tiles' | 'setTiles'> | undefined;
    if (source && !map.isSourceLoaded(SOURCE.plots)) return false;
    const url = waitingUrl.get(map);
    waitingUrl.delete(map);
    if (source && url !== undefined && source.tiles?.[0] !== url) source.setTiles([url]);
    return true;
  };
  if (apply()) return;
  // Tiles report through sourcedata; idle catches a last tile that failed instead.
  const onEvent: SourceEventListener = (event) => {
    if (event.type === 'sourcedata' && event.sourceId !== SOURCE.plots) return;
    if (!apply()) return;
    map.off('sourcedata', onEvent);
    map.off('idle', onEvent);
  };
  map.on('sourcedata', onEvent);
  map.on('idle', onEvent);
}

/** The centre of each plot box in `indices` as a point with `index` and `role`, for the county view. */
export function plotPoints(
  rows: readonly { index: number; id: string; box: readonly number[] | null }[],
  indices: Iterable<number>,
  role: string,
): FeatureCollection<{ type: 'Point'; coordinates: number[] }, { index: number; id: string; role: string }> {
  const features = [];
  for (const index of indices) {
    const row = rows[index];
    const box = row?.box;
    if (!row || !box) continue;
    features.push({
      type: 'Feature' as const,
      properties: { index, id: row.id, role },
      geometry: {
        type: 'Point' as const,
        coordinates: [
          ((box[0] as number) + (box[2] as number)) / 2,
          ((box[1] as number) + (box[3] as number)) / 2,
        ],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The polygons of the plots in `indices` (indices into `plots`) with `index`, `id` and `role`:
 * outlines of a few plots drawn from a small GeoJSON source, so that changing them does not make
 * MapLibre lay out every loaded plot tile again, as a new filter on the tiles' layers does.
 */
export function plotShapes(
  plots: PlotOutlines | null | undefined,
  rows: readonly { index: number; id: string }[],
  indices: Iterable<number>,
  role: string,
): FeatureCollection<unknown, { index: number; id: string; role: string }> {
  const features = [];
  for (const index of indices) {
    const geometry = plots ? plotOutlineGeometry(plots, index) : null;
    const row = rows[index];
    if (!geometry || !row) continue;
    features.push({ type: 'Feature' as const, properties: { index, id: row.id, role }, geometry });
  }
  return { type: 'FeatureCollection', features };
}
