/**
 * The map's whole style. No `glyphs` URL and no tiles from a server: labels are drawn from the
 * bundled woff2 declared in `font-faces`, the base map and the plan are inline GeoJSON, and the
 * plots' tiles come from our own worker, so the map requests nothing but that font on the app's origin.
 */

import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from '../core/types.ts';
import { basemapLayers, cixiOutlineLayers, labelLayers } from './base-layers.ts';
import { commentPinLayers } from './comment-pins.ts';
import { planLayers } from './plan-layers.ts';
import {
  MARKERS_MAX_TILE_ZOOM,
  POLYGONS_FROM_ZOOM,
  POLYGONS_MAX_TILE_ZOOM,
  plotRasterUrl,
  plotTileUrl,
  RASTER_MAX_TILE_ZOOM,
} from './plot-tile-urls.ts';
import { LABEL_FONT, SOURCE } from './style-ids.ts';

/** What a GeoJSON source holds. */
export type SourceData = GeoJSONSourceSpecification['data'];

const EMPTY: SourceData = { type: 'FeatureCollection', features: [] };

/** Our core's FeatureCollection as MapLibre's GeoJSON type (the two describe the same JSON). */
export function asSourceData(collection: FeatureCollection<unknown, unknown> | null | undefined): SourceData {
  return (collection ?? EMPTY) as SourceData;
}

function geojsonSource(data: SourceData = EMPTY): GeoJSONSourceSpecification {
  // tolerance 0.2 (default 0.375) keeps small plots' corners at county zoom.
  return { type: 'geojson', data, tolerance: 0.2 };
}

export interface BasemapData {
  land: SourceData;
  counties: SourceData;
  seaMask: SourceData;
  towns: SourceData;
}

/**
 * The whole style: base map sources filled in, plan sources empty until the controller pushes data.
 * @param fontUrl absolute URL of the bundled woff2 (same origin as the page)
 * @param plotTiles the version of the plot tiles to draw (0: no plots yet). A map made while plots
 *   are shown starts on their tiles: changing a vector source's tiles while the map is still loading
 *   its style can leave it on the first ones.
 * @param rasterUrl the county-scale raster's tile URL (plotRasterUrl, with the map's raster key)
 */
export function buildStyle(
  basemap: BasemapData,
  fontUrl: string,
  plotTiles = 0,
  rasterUrl = plotRasterUrl(0, 0, 0),
): StyleSpecification {
  return {
    version: 8,
    name: 'cixi-planner',
    'font-faces': { [LABEL_FONT]: fontUrl },
    sources: {
      [SOURCE.land]: geojsonSource(basemap.land),
      [SOURCE.counties]: geojsonSource(basemap.counties),
      [SOURCE.seaMask]: geojsonSource(basemap.seaMask),
      [SOURCE.towns]: geojsonSource(basemap.towns),
      [SOURCE.boundary]: geojsonSource(),
      [SOURCE.control]: geojsonSource(),
      // Vector tiles cut by our own worker: a GeoJSON source would copy 100,000 plots through the
      // page's thread (MapLibre 6 sends data loaded from a URL back to the page for getData()).
      [SOURCE.plots]: {
        type: 'vector',
        tiles: [plotTileUrl(plotTiles)],
        minzoom: POLYGONS_FROM_ZOOM,
        maxzoom: POLYGONS_MAX_TILE_ZOOM,
      },
      // Painted by our own worker: 100,000 circles would cost a software GL seconds per frame.
      [SOURCE.plotRaster]: {
        type: 'raster',
        tiles: [rasterUrl],
        tileSize: 512,
        maxzoom: RASTER_MAX_TILE_ZOOM,
      },
      [SOURCE.plotPoints]: geojsonSource(),
      [SOURCE.plotShapes]: geojsonSource(),
      [SOURCE.plotMarkers]: {
        type: 'vector',
        tiles: [plotTileUrl(plotTiles, 'markers')],
        maxzoom: MARKERS_MAX_TILE_ZOOM,
      },
      [SOURCE.zones]: geojsonSource(),
      [SOURCE.commentPins]: geojsonSource(),
    },
    layers: [
      ...basemapLayers(),
      ...planLayers(),
      ...cixiOutlineLayers(),
      ...labelLayers(),
      ...commentPinLayers(),
    ],
  };
}
