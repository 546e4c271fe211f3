/**
 * The plot tiles of the page: one tile worker for the main map and the comparison's maps, and the
 * `plots://` protocol through which MapLibre asks it for tiles (vector tiles of the polygons,
 * ImageBitmaps of the county-scale raster). Registered when this module loads,
 * before any map requests a tile.
 */

import { addProtocol } from 'maplibre-gl';
import { plotRasterPaint } from '../map/plot-raster-source.ts';
import type { PlotTileData } from '../worker/plot-map.ts';
import { PLOT_TILE_PROTOCOL, PlotTileClient } from '../worker/plot-tile-client.ts';

const client = new PlotTileClient(
  () => new Worker(new URL('../worker/plot-tile-worker.ts', import.meta.url), { type: 'module' }),
  // Each map's raster is painted with its own scenario's actions and the town filter.
  plotRasterPaint,
);

addProtocol(PLOT_TILE_PROTOCOL, async (params, abortController) => ({
  data: await client.load(params.url, abortController.signal),
}));

/** Hands an analysis' packed plots to the tile worker; returns the tile version for the store. */
export function publishPlotTiles(data: PlotTileData): number {
  return client.publish(data);
}
