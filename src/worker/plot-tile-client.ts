/**
 * The page's side of the plot tile worker: publishes an analysis' packed plots under a new version
 * and answers MapLibre's requests for `plots://{version}/{layer}/{z}/{x}/{y}` (vector tiles) and
 * `plots://{version}/raster/{key}/{revision}/{z}/{x}/{y}[@2x]` (county-scale raster tiles, painted as
 * the map that owns `key` wants: see src/map/plot-raster-source.ts) with the worker's tiles. Bytes and
 * images are transferred both ways; the page only relays them.
 */

import type { PlotRasterPaint } from '../core/plot-raster-paint.ts';
import type { PlotTileData } from './plot-map.ts';
import { plotTileBuffers } from './plot-map.ts';
import type { PlotTileReply, PlotTileRequest } from './plot-tile-protocol.ts';
import type { PlotTileLayer } from './plot-tiles.ts';

/** The URL scheme of the plot tiles (registered with MapLibre's addProtocol). */
export const PLOT_TILE_PROTOCOL = 'plots';

/** A tile: vector tile bytes (possibly empty) or a raster tile's image. */
export type PlotTile = ArrayBuffer | ImageBitmap;

const VECTOR_URL = /^plots:\/\/(\d+)\/(plots|markers)\/(\d+)\/(\d+)\/(\d+)$/;
const RASTER_URL = /^plots:\/\/(\d+)\/raster\/(\d+)\/\d+\/(\d+)\/(\d+)\/(\d+)(@2x)?$/;

export class PlotTileClient {
  private worker: Worker | null = null;
  private version = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, (tile: PlotTile) => void>();

  /**
   * @param createWorker starts a worker running plot-tile-worker.ts
   * @param rasterPaint what the raster tiles of `key` are painted with now (undefined: unknown key)
   */
  constructor(
    private readonly createWorker: () => Worker,
    private readonly rasterPaint: (key: number) => PlotRasterPaint | undefined = () => undefined,
  ) {}

  /**
   * Hands `data` to the tile worker (its buffers are transferred: `data` is unusable afterwards).
   * @returns the version to put in the tile URLs
   */
  publish(data: PlotTileData): number {
    this.version++;
    const request: PlotTileRequest = { type: 'data', version: this.version, data };
    this.start().postMessage(request, plotTileBuffers(data));
    return this.version;
  }

  /** The tile a `plots://` URL names; an empty tile for a malformed URL, version 0 or an unknown key. */
  async load(url: string, signal?: AbortSignal): Promise<PlotTile> {
    const request = this.request(url);
    if (!request) return new ArrayBuffer(0);
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, resolve);
      // The worker still makes an aborted tile (it is cheap); its result is dropped.
      signal?.addEventListener('abort', () => {
        if (this.waiting.delete(request.id))
          reject(new DOMException('The tile was not needed.', 'AbortError'));
      });
      this.start().postMessage(request);
    });
  }

  private request(url: string): Exclude<PlotTileRequest, { type: 'data' }> | null {
    const raster = RASTER_URL.exec(url);
    if (raster) {
      const version = Number(raster[1]);
      // The newest paint of the key: a tile of an older revision still in flight gets it too.
      const paint = this.rasterPaint(Number(raster[2]));
      if (version === 0 || !paint) return null;
      const [z, x, y] = [raster[3], raster[4], raster[5]].map(Number) as [number, number, number];
      return { type: 'raster', id: this.nextId++, version, z, x, y, scale: raster[6] ? 2 : 1, paint };
    }
    const vector = VECTOR_URL.exec(url);
    const version = Number(vector?.[1]);
    // A tile of an older version gets the latest plots (the worker has no others).
    if (!vector || version === 0) return null;
    const [z, x, y] = [vector[3], vector[4], vector[5]].map(Number) as [number, number, number];
    const layer = vector[2] as PlotTileLayer;
    return { type: 'tile', id: this.nextId++, version, layer, z, x, y };
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<PlotTileReply>) => {
      const resolve = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      if (resolve) resolve(event.data.image ?? event.data.bytes);
      else event.data.image?.close();
    };
    this.worker = worker;
    return worker;
  }
}
