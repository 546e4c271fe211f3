/**
 * Context layers (参考图层) and the named base map as pure MapLibre specs: each context layer one
 * GeoJSON source and three plain layers (area fill, line, point) in its colour; the base map one
 * raster source and layer. Both lie under the plan's layers; nothing here is queried or analysed.
 */

import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  RasterSourceSpecification,
} from 'maplibre-gl';
import type { BaseMapState, ContextLayerEntry } from '../state/planner-state.ts';

/** The raster base map's source and layer id. */
export const BASE_MAP_ID = 'base-map';

/** The style ids of one context layer: its source and its layers, lowest first. */
export function contextStyleIds(id: string): { source: string; layers: [string, string, string] } {
  return { source: `ctx-${id}`, layers: [`ctx-${id}-fill`, `ctx-${id}-line`, `ctx-${id}-point`] };
}

const isArea: ExpressionSpecification = [
  'match',
  ['geometry-type'],
  ['Polygon', 'MultiPolygon'],
  true,
  false,
];
const isPoint: ExpressionSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

/** The GeoJSON source of a context layer (its features as read). */
export function contextSource(layer: ContextLayerEntry): GeoJSONSourceSpecification {
  return { type: 'geojson', data: layer.data as GeoJSONSourceSpecification['data'], tolerance: 0.3 };
}

/**
 * A context layer's three layers: polygons lightly filled and outlined, lines drawn wider as one
 * zooms in, points as small ringed dots; hidden when the layer is switched off.
 */
export function contextLayerSpecs(layer: ContextLayerEntry): LayerSpecification[] {
  const { source, layers } = contextStyleIds(layer.id);
  const visibility = layer.visible ? 'visible' : 'none';
  return [
    {
      id: layers[0],
      type: 'fill',
      source,
      filter: isArea,
      layout: { visibility },
      paint: { 'fill-color': layer.color, 'fill-opacity': 0.16 },
    },
    {
      id: layers[1],
      type: 'line',
      source,
      filter: ['!', isPoint],
      layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': layer.color,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.6, 14, 1.5, 17, 3],
        'line-opacity': 0.9,
      },
    },
    {
      id: layers[2],
      type: 'circle',
      source,
      filter: isPoint,
      layout: { visibility },
      paint: {
        'circle-color': layer.color,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2, 16, 5],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
  ];
}

/** The base map's raster source; its credit names the one origin (or the local file) it comes from. */
export function baseMapSource(baseMap: BaseMapState): RasterSourceSpecification | null {
  const { tiles, setting } = baseMap;
  if (!tiles) return null;
  return {
    type: 'raster',
    tiles: [tiles.url],
    tileSize: 256,
    minzoom: tiles.minzoom,
    maxzoom: tiles.maxzoom,
    ...(tiles.bounds ? { bounds: tiles.bounds } : {}),
    attribution: `底图 Base map: ${setting.kind === 'tiles' ? setting.origin : setting.fileName}${setting.gcj02 ? ' (GCJ-02)' : ''}`,
  };
}

/** The base map's raster layer. */
export function baseMapLayer(): LayerSpecification {
  return { id: BASE_MAP_ID, type: 'raster', source: BASE_MAP_ID, paint: { 'raster-fade-duration': 0 } };
}
