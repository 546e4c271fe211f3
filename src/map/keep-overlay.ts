/**
 * An overlay the app draws over the plan (a slide's highlight in briefing, the differences of a
 * version comparison): empty GeoJSON sources and their layers, put on the map once its style has
 * loaded and again once a lost WebGL context is back (the rebuilt style no longer holds them).
 */

import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { asSourceData } from './build-style.ts';
import { followContext } from './context-loss.ts';

export interface Overlay {
  /** Ids of the overlay's GeoJSON sources, added empty. */
  sources: readonly string[];
  layers: () => LayerSpecification[];
  /** The layer the overlay's layers go below, when the map has it. */
  below: string;
  /** The context is gone: forget what was drawn. */
  lost: () => void;
  /** The sources (empty) and layers are on the map: draw what is to be shown. */
  added: () => void;
}

/** Puts `overlay` on `map` as soon as it can, and again after a lost context. */
export function keepOverlay(map: MapLibreMap, overlay: Overlay): void {
  const add = () => {
    const before = map.getLayer(overlay.below) ? overlay.below : undefined;
    for (const source of overlay.sources)
      if (!map.getSource(source)) map.addSource(source, { type: 'geojson', data: asSourceData(null) });
    for (const layer of overlay.layers()) if (!map.getLayer(layer.id)) map.addLayer(layer, before);
    overlay.added();
  };
  if (map.isStyleLoaded()) add();
  else map.once('load', add);
  followContext(map, { lost: overlay.lost, restored: add });
}
