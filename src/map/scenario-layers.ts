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

/** The version each map's plot tile sources wait to be given (see showPlotTiles). */
const waitingVersion = new WeakMap<PlotTileMap, number>();

/** The sources cut by the plot tile worker, with their source layer. */
const PLOT_TILE_SOURCES = [
  [SOURCE.plots, 'plots'],
  [SOURCE.plotMarkers, 'markers'],
] as const;

type MapEventListener = () => void;

/** What showPlotTiles needs of a MapLibre map. */
export interface PlotTileMap {
  getSource(id: string): unknown;
  isSourceLoaded(id: string): boolean;
  on(type: 'render' | 'idle', listener: MapEventListener): unknown;
  off(type: 'render' | 'idle', listener: MapEventListener): unknown;
  triggerRepaint(): void;
}

/**
 * Points the plot tile sources (polygons, markers) at the tiles of `version` (0: no plots); each
 * left alone when already there.
 *
 * Only at the end of a frame (a `render` or `idle` event), and not while one of their tiles is
 * loading. MapLibre 6 does not fetch again a tile that is loading when the URL changes: it parses
 * its first answer again, so the tile would keep the old plots (or none) until it is next loaded.
 * Nor does it fetch anything when the URL changes while a layer of the source was changed in the
 * same frame (a filter: the town the plan opens with): the change pauses the source until the
 * frame, and a paused source drops the news that its tiles changed. A newer version asked for
 * meanwhile replaces the waiting one.
 */
export function showPlotTiles(map: PlotTileMap, version: number): void {
  const alreadyWaiting = waitingVersion.has(map);
  waitingVersion.set(map, version);
  if (alreadyWaiting) return;
  const sourceOf = (id: string) =>
    map.getSource(id) as Pick<VectorTileSource, 'tiles' | 'setTiles'> | undefined;
  const apply = (): void => {
    if (PLOT_TILE_SOURCES.some(([id]) => sourceOf(id) && !map.isSourceLoaded(id))) return;
    map.off('render', apply);
    map.off('idle', apply);
    const waiting = waitingVersion.get(map);
    waitingVersion.delete(map);
    if (waiting === undefined) return;
    for (const [id, layer] of PLOT_TILE_SOURCES) {
      const source = sourceOf(id);
      const url = plotTileUrl(waiting, layer);
      if (source && source.tiles?.[0] !== url) source.setTiles([url]);
    }
  };
  // Frames go on while tiles load; idle catches a last tile that failed instead.
  map.on('render', apply);
  map.on('idle', apply);
  map.triggerRepaint();
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
