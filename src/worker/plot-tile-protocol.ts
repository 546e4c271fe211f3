/** Messages between the page and the plot tile worker. */

import type { PlotRasterPaint } from '../core/plot-raster-paint.ts';
import type { PlotTileData } from './plot-map.ts';
import type { PlotTileLayer } from './plot-tiles.ts';

export type PlotTileRequest =
  /** The plots of a new analysis; every tile is cut from them from now on, whatever its version. */
  | { type: 'data'; version: number; data: PlotTileData }
  | { type: 'tile'; id: number; version: number; layer: PlotTileLayer; z: number; x: number; y: number }
  /** A county-scale raster tile, painted as `paint` says (see plot-raster.ts), `scale` × 512 pixels wide. */
  | {
      type: 'raster';
      id: number;
      version: number;
      z: number;
      x: number;
      y: number;
      scale: 1 | 2;
      paint: PlotRasterPaint;
    };

export interface PlotTileReply {
  id: number;
  /** MVT bytes, or an empty buffer for an empty tile; */
  bytes: ArrayBuffer;
  /** a raster tile's image (absent for an empty raster tile). */
  image?: ImageBitmap;
}
