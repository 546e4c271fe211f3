/**
 * The plot tiles of the page: one tile worker for the main map and the comparison's maps, and the
 * `plots://` protocol through which MapLibre asks it for tiles (vector tiles of the polygons,
 * ImageBitmaps of the county-scale raster). Started once from main.tsx, before any map exists.
 */

import { addProtocol } from 'maplibre-gl';
import { plotRasterPaint } from '../map/plot-raster-source.ts';
import type { PlotTileData } from '../worker/plot-map.ts';
import { PLOT_TILE_PROTOCOL, PlotTileClient } from '../worker/plot-tile-client.ts';

let client: PlotTileClient | null = null;

/** Registers the `plots://` protocol with MapLibre and makes the page's tile client (once). */
export function startPlotsProtocol(): void {
  if (client) return;
  const started = new PlotTileClient(
    () => new Worker(new URL('../worker/plot-tile-worker.ts', import.meta.url), { type: 'module' }),
    // Each map's raster is painted with its own scenario's actions and the town filter.
    plotRasterPaint,
  );
  client = started;
  addProtocol(PLOT_TILE_PROTOCOL, async (params, abortController) => ({
    data: await started.load(params.url, abortController.signal),
  }));
}

/** Hands an analysis' packed plots to the tile worker; returns the tile version for the store. */
export function publishPlotTiles(data: PlotTileData): number {
  if (!client) throw new Error('The plots:// protocol is not started: call startPlotsProtocol() first.');
  return client.publish(data);
}
