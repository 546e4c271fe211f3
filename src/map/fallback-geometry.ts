/**
 * The plan's layers as the simple flat map (canvas-fallback-map.ts) draws them, for a browser without
 * WebGL 2: every ring projected to Web Mercator metres once per layer object, each feature's box, the
 * camera (centre and metres per pixel) and the hit test. Pure: no DOM; MapLibre's zoom where the store
 * wants one.
 */

import { extendBoxByPairs, forEachPlotRing, type PlotOutlines } from '../core/plot-outlines.ts';
import type { FeatureCollection, Position } from '../core/types.ts';

/** WGS84's equatorial radius, the sphere of Web Mercator, m. */
const EARTH_RADIUS_M = 6_378_137;
/** MapLibre's tile size in CSS pixels: the world is 512 · 2^zoom pixels wide. */
const TILE_SIZE_PX = 512;
/** Web Mercator's latitude limit, degrees. */
const MAX_LATITUDE = 85.051129;

/** Web Mercator x of a longitude (degrees), m. */
export function mercatorX(longitude: number): number {
  return (EARTH_RADIUS_M * longitude * Math.PI) / 180;
}

/** Web Mercator y of a latitude (degrees), m; north is up (larger y). */
export function mercatorY(latitude: number): number {
  const phi = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)) * Math.PI) / 180;
  return EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

/** The longitude and latitude (degrees) of a Web Mercator point. */
export function lngLatOf(x: number, y: number): [number, number] {
  return [
    (x / EARTH_RADIUS_M) * (180 / Math.PI),
    (2 * Math.atan(Math.exp(y / EARTH_RADIUS_M)) - Math.PI / 2) * (180 / Math.PI),
  ];
}

/** MapLibre's zoom for a scale of `metresPerPixel` Web Mercator metres per CSS pixel, and back. */
export function zoomOf(metresPerPixel: number): number {
  return Math.log2((2 * Math.PI * EARTH_RADIUS_M) / (TILE_SIZE_PX * metresPerPixel));
}

export function metresPerPixelAt(zoom: number): number {
  return (2 * Math.PI * EARTH_RADIUS_M) / (TILE_SIZE_PX * 2 ** zoom);
}

/** Every feature of a layer in Web Mercator metres. */
export interface ShapeSet {
  /** Per feature, its rings as flat [x0, y0, x1, y1, …]; empty for a feature with no area. */
  rings: Float64Array[][];
  /** [minX, minY, maxX, maxY] per feature, four numbers each; NaN for a feature with no area. */
  boxes: Float64Array;
}

/** Degrees to radians. */
const RADIANS = Math.PI / 180;

/** Appends lon/lat (degrees) to `flat` at `n` as Web Mercator metres, unless not finite; returns the next `n`. */
function projectPosition(flat: Float64Array, n: number, longitude: number, latitude: number): number {
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return n;
  const clamped = Math.min(MAX_LATITUDE, Math.max(-MAX_LATITUDE, latitude));
  flat[n] = EARTH_RADIUS_M * longitude * RADIANS;
  flat[n + 1] = EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + (clamped * RADIANS) / 2));
  return n + 2;
}

/**
 * A ring of lon/lat positions as flat Web Mercator metres; positions that are not two finite numbers
 * are skipped. Indexed loops: 100,000 plots are half a million vertices.
 */
function projectRing(ring: readonly Position[]): Float64Array {
  const flat = new Float64Array(ring.length * 2);
  let n = 0;
  for (let i = 0; i < ring.length; i++) {
    const position = ring[i] as Position;
    n = projectPosition(flat, n, position[0] as number, position[1] as number);
  }
  return n === flat.length ? flat : flat.slice(0, n);
}

/** `count` features whose projected rings `ringsOf` gives, with their boxes (rings of fewer than three vertices dropped). */
function shapeSetOf(count: number, ringsOf: (index: number) => Float64Array[]): ShapeSet {
  const rings: Float64Array[][] = [];
  const boxes = new Float64Array(count * 4).fill(Number.NaN);
  for (let index = 0; index < count; index++) {
    const own = ringsOf(index).filter((flat) => flat.length >= 6);
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const flat of own) extendBoxByPairs(box, flat);
    rings.push(own);
    if (own.length > 0) boxes.set(box, index * 4);
  }
  return { rings, boxes };
}

/**
 * The Polygon and MultiPolygon features of `collection` in Web Mercator metres, in feature order
 * (the plots' index); other geometries have no area here.
 */
export function projectShapes(collection: FeatureCollection<unknown, unknown> | null | undefined): ShapeSet {
  const features = collection?.features ?? [];
  return shapeSetOf(features.length, (index) => {
    const geometry = features[index]?.geometry as { type?: string; coordinates?: unknown } | null;
    const polygons =
      geometry?.type === 'Polygon'
        ? [geometry.coordinates as Position[][]]
        : geometry?.type === 'MultiPolygon'
          ? (geometry.coordinates as Position[][][])
          : [];
    return polygons.flatMap((polygon) => polygon.map(projectRing));
  });
}

/** The plots' packed polygons (see plot-outlines.ts) in Web Mercator metres, plot by plot. */
export function projectOutlines(outlines: PlotOutlines): ShapeSet {
  const { coords } = outlines;
  return shapeSetOf(outlines.count, (index) => {
    const own: Float64Array[] = [];
    forEachPlotRing(outlines, index, (start, end) => {
      const flat = new Float64Array((end - start) * 2);
      let n = 0;
      for (let v = start; v < end; v++)
        n = projectPosition(flat, n, coords[2 * v] as number, coords[2 * v + 1] as number);
      own.push(n === flat.length ? flat : flat.slice(0, n));
    });
    return own;
  });
}

/** The box of every feature of `shapes` that `include` accepts, or null when there is none. */
export function boxOfShapes(
  shapes: ShapeSet,
  include: (index: number) => boolean = () => true,
): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  for (let index = 0; index < shapes.rings.length; index++) {
    const minX = shapes.boxes[index * 4] as number;
    if (Number.isNaN(minX) || !include(index)) continue;
    const minY = shapes.boxes[index * 4 + 1] as number;
    const maxX = shapes.boxes[index * 4 + 2] as number;
    const maxY = shapes.boxes[index * 4 + 3] as number;
    box = box
      ? [Math.min(box[0], minX), Math.min(box[1], minY), Math.max(box[2], maxX), Math.max(box[3], maxY)]
      : [minX, minY, maxX, maxY];
  }
  return box;
}

/** Whether (x, y) lies inside the rings of one feature, even-odd over all its rings (holes leave it out). */
function isInside(rings: readonly Float64Array[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i] as number;
      const yi = ring[i + 1] as number;
      const xj = ring[j] as number;
      const yj = ring[j + 1] as number;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * The feature of `shapes` drawn at (x, y) (Web Mercator metres): the last one (drawn on top) whose
 * area holds the point, else the one whose box centre is nearest within `reachM` (a plot too small
 * to hit, drawn as a dot); null for none. Features `include` refuses are skipped.
 */
export function shapeAt(
  shapes: ShapeSet,
  x: number,
  y: number,
  reachM: number,
  include: (index: number) => boolean = () => true,
): number | null {
  let nearest: number | null = null;
  let nearestDistance = reachM;
  for (let index = shapes.rings.length - 1; index >= 0; index--) {
    const b = index * 4;
    const minX = shapes.boxes[b] as number;
    const minY = shapes.boxes[b + 1] as number;
    const maxX = shapes.boxes[b + 2] as number;
    const maxY = shapes.boxes[b + 3] as number;
    if (
      Number.isNaN(minX) ||
      x < minX - reachM ||
      x > maxX + reachM ||
      y < minY - reachM ||
      y > maxY + reachM
    )
      continue;
    if (!include(index)) continue;
    if (x >= minX && x <= maxX && y >= minY && y <= maxY && isInside(shapes.rings[index] ?? [], x, y))
      return index;
    const distance = Math.hypot(x - (minX + maxX) / 2, y - (minY + maxY) / 2);
    if (distance <= nearestDistance) {
      nearest = index;
      nearestDistance = distance;
    }
  }
  return nearest;
}

/** Where the flat map looks: its centre in Web Mercator metres and its scale. */
export interface FlatCamera {
  x: number;
  y: number;
  metresPerPixel: number;
}

/** A camera on a view of `width` × `height` CSS pixels. */
export interface FlatView extends FlatCamera {
  width: number;
  height: number;
}

/** Where Web Mercator (x, y) is in `view`, CSS pixels from its top left. */
export function toScreen(view: FlatView, x: number, y: number): { x: number; y: number } {
  return {
    x: (x - view.x) / view.metresPerPixel + view.width / 2,
    y: (view.y - y) / view.metresPerPixel + view.height / 2,
  };
}

/** The Web Mercator point at (screenX, screenY) of `view`. */
export function toWorld(view: FlatView, screenX: number, screenY: number): { x: number; y: number } {
  return {
    x: view.x + (screenX - view.width / 2) * view.metresPerPixel,
    y: view.y - (screenY - view.height / 2) * view.metresPerPixel,
  };
}

/** Room kept free at each edge of the view, CSS pixels. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The camera that shows `box` ([minX, minY, maxX, maxY], Web Mercator metres) whole in a view of
 * `width` × `height` CSS pixels, within `padding`, no closer than `minMetresPerPixel`.
 */
export function fitCamera(
  box: readonly [number, number, number, number],
  width: number,
  height: number,
  padding: Padding,
  minMetresPerPixel = 0,
): FlatCamera {
  const [minX, minY, maxX, maxY] = box;
  const roomX = Math.max(1, width - padding.left - padding.right);
  const roomY = Math.max(1, height - padding.top - padding.bottom);
  const metresPerPixel = Math.max((maxX - minX) / roomX, (maxY - minY) / roomY, minMetresPerPixel, 1e-9);
  // The box's centre goes to the centre of the padded room, not of the whole view.
  return {
    x: (minX + maxX) / 2 - ((padding.left - padding.right) / 2) * metresPerPixel,
    y: (minY + maxY) / 2 + ((padding.top - padding.bottom) / 2) * metresPerPixel,
    metresPerPixel,
  };
}
