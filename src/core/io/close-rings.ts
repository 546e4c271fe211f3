/** Repair for `unclosed-ring`: appends the first position to every ring whose last differs. */
import type { Feature, Position } from '../types.ts';
import { isRecord } from './describe-feature.ts';

function samePosition(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) && a[0] === b[0] && a[1] === b[1];
}

/** A copy of `ring`, closed; rings that are closed, empty or not arrays come back unchanged. */
export function closeRing<T>(ring: T): T {
  if (!Array.isArray(ring) || ring.length === 0) return ring;
  const first = ring[0];
  if (samePosition(first, ring[ring.length - 1])) return ring;
  return [...ring, Array.isArray(first) ? [...first] : first] as T;
}

/** True when a ring (an array of positions) is closed in x and y; empty rings count as closed. */
export function isRingClosed(ring: readonly Position[]): boolean {
  return ring.length === 0 || samePosition(ring[0], ring[ring.length - 1]);
}

/**
 * `list` mapped by `change`, or `list` itself when `change` gives back every element as it is (most
 * rings are closed: no copy of 100,000 plots' ring lists).
 */
function mapChanged<T>(list: readonly T[], change: (item: T) => T): T[] {
  let copy: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as T;
    const changed = change(item);
    if (copy === null && changed !== item) copy = list.slice(0, i);
    if (copy !== null) copy.push(changed);
  }
  return copy ?? (list as T[]);
}

function closePolygon(polygon: unknown): unknown {
  return Array.isArray(polygon) ? mapChanged(polygon, closeRing) : polygon;
}

/** The geometry with its rings closed; the geometry itself when they all are. */
export function closeGeometry(geometry: unknown): unknown {
  if (!isRecord(geometry)) return geometry;
  const coordinates = geometry.coordinates;
  let closed: unknown[] | undefined;
  if (geometry.type === 'Polygon' && Array.isArray(coordinates)) closed = mapChanged(coordinates, closeRing);
  else if (geometry.type === 'MultiPolygon' && Array.isArray(coordinates))
    closed = mapChanged(coordinates, closePolygon);
  else if (geometry.type === 'GeometryCollection' && Array.isArray(geometry.geometries)) {
    const geometries = mapChanged(geometry.geometries, closeGeometry);
    return geometries === geometry.geometries ? geometry : { ...geometry, geometries };
  }
  return closed === undefined || closed === coordinates ? geometry : { ...geometry, coordinates: closed };
}

/**
 * Closes every open ring of a feature's Polygon, MultiPolygon or GeometryCollection by appending
 * its first position (RFC 7946 §3.1.6). Does not modify its input.
 * @param feature a feature, possibly with open rings
 * @returns a new feature whose rings are all closed; everything else is shared with the input
 */
export function closeRings<F extends Feature<unknown, unknown>>(feature: F): F {
  return { ...feature, geometry: closeGeometry(feature.geometry) };
}
