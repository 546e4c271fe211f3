/**
 * The extent a slide shows, [west, south, east, north] in WGS84 degrees: the one it recorded, or for
 * a slide recorded before extents were kept, the extent around its centre at its zoom on a map of the
 * reference size. Pure Web Mercator arithmetic with MapLibre's 512-pixel tiles; north up.
 */

import type { Slide } from '../core/plan/slides.ts';

/** A map's size in CSS pixels. */
export interface MapSize {
  width: number;
  height: number;
}

/**
 * The map a slide without an extent is taken to have been recorded on: the working map beside the
 * 440-pixel side panel on a 1920 × 1080 screen, under the 56-pixel header.
 */
export const REFERENCE_MAP_SIZE: Readonly<MapSize> = { width: 1480, height: 1024 };

/** MapLibre's world width at zoom 0, CSS pixels. */
const TILE_SIZE = 512;
const MAX_LATITUDE = 85.051129;

function mercatorX(lng: number): number {
  return (lng + 180) / 360;
}

function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

function longitudeOf(x: number): number {
  return x * 360 - 180;
}

function latitudeOf(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/**
 * The extent a north-up map of `size` shows around `center` at `zoom`.
 * @param center [longitude, latitude], WGS84 degrees
 * @param zoom MapLibre zoom (512-pixel tiles)
 * @returns [west, south, east, north], WGS84 degrees (longitudes kept within −180…180)
 * @example
 * boundsAround([0, 0], 0, { width: 512, height: 512 }) // → [-180, -85.05…, 180, 85.05…]
 */
export function boundsAround(
  center: readonly [number, number],
  zoom: number,
  size: MapSize,
): [number, number, number, number] {
  const world = TILE_SIZE * 2 ** zoom;
  const x = mercatorX(center[0]);
  const y = mercatorY(center[1]);
  const halfWidth = size.width / 2 / world;
  const halfHeight = size.height / 2 / world;
  return [
    Math.max(-180, longitudeOf(x - halfWidth)),
    latitudeOf(Math.min(1, y + halfHeight)),
    Math.min(180, longitudeOf(x + halfWidth)),
    latitudeOf(Math.max(0, y - halfHeight)),
  ];
}

/** The extent `slide` shows: its recorded one, else the one around its centre on the reference map. */
export function slideBounds(slide: Pick<Slide, 'camera'>): [number, number, number, number] {
  const { bounds, center, zoom } = slide.camera;
  return bounds
    ? [bounds[0], bounds[1], bounds[2], bounds[3]]
    : boundsAround(center, zoom, REFERENCE_MAP_SIZE);
}
