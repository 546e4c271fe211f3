/**
 * Store → map syncs of the context layers and the base map: a context layer added, removed or
 * switched on or off changes only its own source and layers; a new base map replaces the old one.
 * Both go under the plan's layers (the base map lowest), so the plan always reads on top.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ContextLayerEntry } from '../state/planner-state.ts';
import {
  BASE_MAP_ID,
  baseMapLayer,
  baseMapSource,
  contextLayerSpecs,
  contextSource,
  contextStyleIds,
} from './context-layer-specs.ts';
import { follow, type MapSync } from './map-syncs.ts';
import { LAYER } from './style-ids.ts';

/** The plan's lowest layer: context layers and the base map go below it. */
const PLAN_BOTTOM = LAYER.controlFill;

function removeContextLayer(map: MapLibreMap, id: string): void {
  const { source, layers } = contextStyleIds(id);
  for (const layer of layers) if (map.getLayer(layer)) map.removeLayer(layer);
  if (map.getSource(source)) map.removeSource(source);
}

function addContextLayer(map: MapLibreMap, layer: ContextLayerEntry): void {
  // A style rebuilt after a lost WebGL context already holds it: written afresh.
  removeContextLayer(map, layer.id);
  map.addSource(contextStyleIds(layer.id).source, contextSource(layer));
  const before = map.getLayer(PLAN_BOTTOM) ? PLAN_BOTTOM : undefined;
  for (const spec of contextLayerSpecs(layer)) map.addLayer(spec, before);
}

/** The layer the base map goes under: the lowest context layer, else the plan's lowest. */
function baseMapBefore(map: MapLibreMap, layers: readonly ContextLayerEntry[]): string | undefined {
  for (const layer of layers) {
    const lowest = contextStyleIds(layer.id).layers[0];
    if (map.getLayer(lowest)) return lowest;
  }
  return map.getLayer(PLAN_BOTTOM) ? PLAN_BOTTOM : undefined;
}

/** The context layers and the base map of one map. */
export function contextSyncs(map: MapLibreMap): MapSync[] {
  let shown = new Map<string, ContextLayerEntry>();
  return [
    follow(
      (state) => [state.contextLayers] as const,
      ([layers]) => {
        const next = new Map(layers.map((layer) => [layer.id, layer]));
        for (const id of shown.keys()) if (!next.has(id)) removeContextLayer(map, id);
        for (const layer of layers) {
          const before = shown.get(layer.id);
          if (!before || !map.getSource(contextStyleIds(layer.id).source)) addContextLayer(map, layer);
          else if (before.visible !== layer.visible) {
            for (const id of contextStyleIds(layer.id).layers)
              map.setLayoutProperty(id, 'visibility', layer.visible ? 'visible' : 'none');
          }
        }
        shown = next;
      },
    ),
    follow(
      (state) => [state.baseMap] as const,
      ([baseMap], state) => {
        if (map.getLayer(BASE_MAP_ID)) map.removeLayer(BASE_MAP_ID);
        if (map.getSource(BASE_MAP_ID)) map.removeSource(BASE_MAP_ID);
        const source = baseMap && baseMapSource(baseMap);
        if (!source) return;
        map.addSource(BASE_MAP_ID, source);
        map.addLayer(baseMapLayer(), baseMapBefore(map, state.contextLayers));
      },
    ),
  ];
}
