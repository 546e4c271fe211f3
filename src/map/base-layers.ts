/**
 * The base map's layers, as pure functions returning MapLibre layer specs: sea, land and counties
 * under the plan, the Cixi outline and the names above it. Labels use the bundled font only.
 */

import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS, LABEL_COLORS } from './palette.ts';
import { LABEL_FONT, LAYER, SOURCE } from './style-ids.ts';

/** Sea, land, counties (neighbours grey, Cixi light) and the county lines. */
export function basemapLayers(): LayerSpecification[] {
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
    { id: 'land', type: 'fill', source: SOURCE.land, paint: { 'fill-color': BASEMAP_COLORS.land } },
    {
      id: 'counties-fill',
      type: 'fill',
      source: SOURCE.counties,
      paint: {
        'fill-color': [
          'case',
          ['==', ['get', 'isCixi'], true],
          BASEMAP_COLORS.cixi,
          BASEMAP_COLORS.neighbourCounty,
        ],
      },
    },
    // County polygons reach into Hangzhou Bay (tidal flats): the mask paints the sea back over them.
    { id: 'sea-mask', type: 'fill', source: SOURCE.seaMask, paint: { 'fill-color': BASEMAP_COLORS.sea } },
    {
      id: 'county-lines',
      type: 'line',
      source: SOURCE.counties,
      filter: ['!=', ['get', 'isCixi'], true],
      paint: { 'line-color': BASEMAP_COLORS.countyLine, 'line-width': 1, 'line-dasharray': [3, 2] },
    },
  ];
}

/** The Cixi outline, drawn above the plan layers with a white halo so that it reads on any fill. */
export function cixiOutlineLayers(): LayerSpecification[] {
  const isCixi: ExpressionSpecification = ['==', ['get', 'isCixi'], true];
  return [
    {
      id: LAYER.cixiHalo,
      type: 'line',
      source: SOURCE.counties,
      filter: isCixi,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': BASEMAP_COLORS.cixiHalo, 'line-width': 7, 'line-opacity': 0.8 },
    },
    {
      id: LAYER.cixiOutline,
      type: 'line',
      source: SOURCE.counties,
      filter: isCixi,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': BASEMAP_COLORS.cixiLine, 'line-width': 3.5 },
    },
  ];
}

/**
 * How much larger the map's names are in briefing mode: readable from the back of a room on a
 * projector (town names 21–32 px, zone names 24 px, instead of 13–20 and 15).
 */
export const PROJECTOR_LABEL_SCALE = 1.6;

/** The label layers' `text-size` at `scale`: the zoom stops kept, each size scaled. */
export function labelSizes(scale: number): Record<string, number | ExpressionSpecification> {
  return {
    [LAYER.zoneLabels]: 15 * scale,
    [LAYER.townLabels]: ['interpolate', ['linear'], ['zoom'], 9, 13 * scale, 11, 16 * scale, 14, 20 * scale],
  };
}

/** Receiving zones' names, and town names from towns.geojson, in the bundled font. */
export function labelLayers(): LayerSpecification[] {
  const sizes = labelSizes(1);
  return [
    {
      id: LAYER.zoneLabels,
      type: 'symbol',
      source: SOURCE.zones,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': sizes[LAYER.zoneLabels],
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': LABEL_COLORS.zoneText,
        'text-halo-color': LABEL_COLORS.halo,
        'text-halo-width': 2,
      },
    },
    {
      id: LAYER.townLabels,
      type: 'symbol',
      source: SOURCE.towns,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': sizes[LAYER.townLabels],
        'text-padding': 4,
        'text-allow-overlap': false,
      },
      paint: {
        'text-color': LABEL_COLORS.townText,
        'text-halo-color': LABEL_COLORS.halo,
        'text-halo-width': 2,
        'text-halo-blur': 0.5,
      },
    },
  ];
}
