/// <reference lib="webworker" />
/**
 * The plot tile worker: keeps the packed plots of the last analysis and cuts vector tiles of them
 * and paints county-scale raster tiles on request, so that neither the page nor MapLibre's worker
 * ever holds 100,000 plots as objects, and the page never draws them one by one.
 */

import type { PlotTileData } from './plot-map.ts';
import { paintPlotRaster, RASTER_TILE_SIZE, rasterBufferPx } from './plot-raster.ts';
import type { PlotTileReply, PlotTileRequest } from './plot-tile-protocol.ts';
import { PlotTileIndex } from './plot-tiles.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let current: { version: number; data: PlotTileData; index: PlotTileIndex } | null = null;

/** The raster tile a request asks for, as an ImageBitmap; undefined where no plot is drawn. */
async function rasterTile(request: PlotTileRequest & { type: 'raster' }): Promise<ImageBitmap | undefined> {
  // The latest plots, whatever the version asked for (as for vector tiles, below).
  if (!current) return undefined;
  const { z, x, y } = request;
  const entries = current.index.dotsNear(z, x, y, rasterBufferPx(z));
  const size = RASTER_TILE_SIZE * request.scale;
  const pixels = paintPlotRaster(current.data, entries, { z, x, y }, request.paint, size);
  if (!pixels) return undefined;
  return createImageBitmap(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, size));
}

scope.onmessage = async (event: MessageEvent<PlotTileRequest>) => {
  const request = event.data;
  if (request.type === 'data') {
    current = { version: request.version, data: request.data, index: new PlotTileIndex(request.data) };
    return;
  }
  if (request.type === 'raster') {
    const image = await rasterTile(request);
    const reply: PlotTileReply = { id: request.id, bytes: new ArrayBuffer(0) };
    if (image) reply.image = image;
    scope.postMessage(reply, image ? [image] : []);
    return;
  }
  // Always the latest plots, even for a request of an older version: MapLibre may keep the answer
  // to a request made just before the plots changed (see PlotTileClient.load).
  const bytes = current
    ? current.index.tile(request.layer, request.z, request.x, request.y)
    : new Uint8Array(0);
  const reply: PlotTileReply = { id: request.id, bytes: bytes.buffer as ArrayBuffer };
  scope.postMessage(reply, [reply.bytes]);
};
