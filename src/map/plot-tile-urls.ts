/**
 * Where the plots' tiles come from and at which zooms: polygons (vector tiles) from zoom 11, one dot
 * per plot (raster tiles) below it, markers (vector tiles) at every zoom, all cut or painted by the
 * plot tile worker and asked for through the `plots://` protocol (src/services/plots-protocol.ts).
 */

import { PLOT_SOURCE_LAYER } from './style-ids.ts';

/**
 * Below this zoom plots are drawn as dots (one per plot, painted into raster tiles by the plot tile
 * worker) instead of polygons: at county scale a plot is a pixel or two, and tiling and drawing
 * 100,000 polygons, or even 100,000 circles, costs a software GL seconds for the same picture. The
 * polygon source has no tiles below this zoom.
 */
export const POLYGONS_FROM_ZOOM = 11;

/**
 * The raster tiles' last zoom: the last before the polygons take over (MapLibre rounds the zoom for
 * raster tiles, so z11 tiles serve from 10.5 to 11, where z10 tiles scaled up made the dots soft).
 */
export const RASTER_MAX_TILE_ZOOM = POLYGONS_FROM_ZOOM;

/** The polygons' tiles stop at this zoom (about 0.15 m per tile unit), scaled up beyond. */
export const POLYGONS_MAX_TILE_ZOOM = 15;

/** The markers' tiles stop at this zoom (their layer fades out by zoom 14), scaled up beyond. */
export const MARKERS_MAX_TILE_ZOOM = 13;

/**
 * The tile URL of the plot polygons (or of `layer`): tiles cut by the plot tile worker from the
 * analysis published as `version` (0: none yet, every tile empty), served through the `plots://`
 * protocol.
 */
export function plotTileUrl(version: number, layer: keyof typeof PLOT_SOURCE_LAYER = 'plots'): string {
  return `plots://${version}/${PLOT_SOURCE_LAYER[layer]}/{z}/{x}/{y}`;
}

/**
 * The tile URL of the county-scale raster: tiles painted by the plot tile worker from the analysis
 * published as `version` for the map with raster key `key` (see plot-raster-source.ts); a new
 * `revision` makes MapLibre fetch them again. On a screen of more than one pixel per CSS pixel
 * MapLibre asks for `@2x` tiles (`{ratio}`), painted at twice the size.
 */
export function plotRasterUrl(version: number, key: number, revision: number): string {
  return `plots://${version}/raster/${key}/${revision}/{z}/{x}/{y}{ratio}`;
}
