/**
 * County-scale raster tiles of the packed plots, painted into RGBA pixels (pure: the tile worker
 * only wraps them in an ImageBitmap). Each plot is an antialiased disc at its box centre in its
 * status colour, ringed in its action colour when it has one; plots outside the town filter are
 * left out. Discs are painted in plot order, so a later plot covers an earlier one, as the
 * circles of a vector layer did.
 */

import type { PlotRasterPaint, Rgb } from '../core/plot-raster-paint.ts';
import type { PlotTileData } from './plot-map.ts';

/** Pixels per side of a raster tile (MapLibre's default `tileSize` of raster sources). */
export const RASTER_TILE_SIZE = 512;

/** Width of the action ring around a disc, in tile pixels. */
export const ACTION_RING_PX = 1.5;

/** Disc radius in tile pixels at tile zoom `z`: 1.6 up to zoom 8, 2.6 at zoom 10, linear between. */
export function dotRadiusPx(z: number): number {
  return 1.6 + Math.max(0, Math.min(1, (z - 8) / 2));
}

/** How far outside a tile a plot centre can be and still reach into it, in tile pixels. */
export function rasterBufferPx(z: number): number {
  return dotRadiusPx(z) + ACTION_RING_PX + 1;
}

/** A plot centre (Web Mercator world x or y, 0…1) → tile pixel of tile `tile` at zoom `z` (pixel centres at .5). */
export function worldToTilePx(world: number, z: number, tile: number, size: number): number {
  return (world * 2 ** z - tile) * size;
}

/**
 * Paints the plots `entries` (indices into `data`, in drawing order) of tile z/x/y.
 * @returns `size` × `size` RGBA pixels (straight alpha), or null when no plot reaches the tile
 */
export function paintPlotRaster(
  data: PlotTileData,
  entries: Iterable<number>,
  tile: { z: number; x: number; y: number },
  paint: PlotRasterPaint,
  size = RASTER_TILE_SIZE,
): Uint8ClampedArray | null {
  const townCode = paint.town === null ? -1 : data.towns.indexOf(paint.town);
  if (paint.town !== null && townCode < 0) return null;
  const radius = dotRadiusPx(tile.z) * (size / RASTER_TILE_SIZE);
  const ring = radius + ACTION_RING_PX * (size / RASTER_TILE_SIZE);
  let pixels: Uint8ClampedArray | null = null;
  for (const k of entries) {
    if (townCode >= 0 && data.town[k] !== townCode) continue;
    const x = worldToTilePx(data.centre[2 * k] as number, tile.z, tile.x, size);
    const y = worldToTilePx(data.centre[2 * k + 1] as number, tile.z, tile.y, size);
    if (x < -ring - 1 || y < -ring - 1 || x > size + ring + 1 || y > size + ring + 1) continue;
    pixels ??= new Uint8ClampedArray(size * size * 4);
    const action = paint.actions?.[data.index[k] as number] ?? 0;
    const ringColor = action > 0 ? paint.actionColors[action] : undefined;
    if (ringColor) paintDisc(pixels, size, x, y, ring, ringColor);
    const fill = paint.statusColors[data.status[k] as number] ?? paint.statusColors.at(-1) ?? [128, 128, 128];
    paintDisc(pixels, size, x, y, radius, fill);
  }
  return pixels;
}

/**
 * Paints an opaque disc of `radius` pixels centred on (cx, cy) over `pixels`, each pixel covered
 * by as much as its centre lies inside the edge (a one-pixel ramp: the edge is antialiased).
 */
export function paintDisc(
  pixels: Uint8ClampedArray,
  size: number,
  cx: number,
  cy: number,
  radius: number,
  [red, green, blue]: Rgb,
): void {
  const reach = radius + 0.5;
  const top = Math.max(0, Math.floor(cy - reach));
  const bottom = Math.min(size - 1, Math.ceil(cy + reach));
  const left = Math.max(0, Math.floor(cx - reach));
  const right = Math.min(size - 1, Math.ceil(cx + reach));
  for (let py = top; py <= bottom; py++) {
    const dy = py + 0.5 - cy;
    for (let px = left; px <= right; px++) {
      const dx = px + 0.5 - cx;
      const cover = reach - Math.sqrt(dx * dx + dy * dy);
      if (cover <= 0) continue;
      const alpha = Math.min(1, cover);
      const at = (py * size + px) * 4;
      // "Source over" in straight alpha: the colour is weighted by each layer's share of the result.
      const below = (pixels[at + 3] as number) / 255;
      const outAlpha = alpha + below * (1 - alpha);
      const keep = (below * (1 - alpha)) / outAlpha;
      pixels[at] = red * (1 - keep) + (pixels[at] as number) * keep;
      pixels[at + 1] = green * (1 - keep) + (pixels[at + 1] as number) * keep;
      pixels[at + 2] = blue * (1 - keep) + (pixels[at + 2] as number) * keep;
      pixels[at + 3] = outAlpha * 255;
    }
  }
}
