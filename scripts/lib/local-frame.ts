/**
 * The sample generator's local frame: equirectangular metres around Cixi (121.3° E, 30.2° N), good to
 * well under 1 % over the county, which is all placement needs (plot attributes use the ellipsoidal
 * area of the output). Output coordinates are rounded to 7 decimals.
 */

import type { MultiPolygon, Point } from './planar.ts';

export const DECIMALS = 7;
const LON0 = 121.3;
const LAT0 = 30.2;
const WGS84_A = 6378137;
const WGS84_E2 = 0.00669437999014;
const SIN0 = Math.sin((LAT0 * Math.PI) / 180);
const W0 = Math.sqrt(1 - WGS84_E2 * SIN0 * SIN0);
const M_PER_DEG_LON = (((Math.PI / 180) * WGS84_A) / W0) * Math.cos((LAT0 * Math.PI) / 180);
const M_PER_DEG_LAT = ((Math.PI / 180) * WGS84_A * (1 - WGS84_E2)) / (W0 * W0 * W0);

/** Lon/lat to local metres. */
export function toLocal([lon = 0, lat = 0]: Point): Point {
  return [(lon - LON0) * M_PER_DEG_LON, (lat - LAT0) * M_PER_DEG_LAT];
}

/** Local metres to lon/lat, rounded to 7 decimals. */
export function toLonLat([x = 0, y = 0]: Point): Point {
  const factor = 10 ** DECIMALS;
  return [
    Math.round((LON0 + x / M_PER_DEG_LON) * factor) / factor,
    Math.round((LAT0 + y / M_PER_DEG_LAT) * factor) / factor,
  ];
}

export function multiToLocal(multiPolygon: MultiPolygon): MultiPolygon {
  return multiPolygon.map((polygon) => polygon.map((ring) => ring.map(toLocal)));
}

export function multiToLonLat(multiPolygon: MultiPolygon): MultiPolygon {
  return multiPolygon.map((polygon) => polygon.map((ring) => ring.map(toLonLat)));
}

/** Rounds lon/lat polygons (e.g. the output of an overlay) to 7 decimals. */
export function roundLonLat(multiPolygon: MultiPolygon): MultiPolygon {
  const factor = 10 ** DECIMALS;
  return multiPolygon.map((polygon) =>
    polygon.map((ring) =>
      ring.map(([x = 0, y = 0]) => [Math.round(x * factor) / factor, Math.round(y * factor) / factor]),
    ),
  );
}
