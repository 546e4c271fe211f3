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

function closeGeometry(geometry: unknown): unknown {
  if (!isRecord(geometry)) return geometry;
  const coordinates = geometry.coordinates;
  if (geometry.type === 'Polygon' && Array.isArray(coordinates))
    return { ...geometry, coordinates: coordinates.map(closeRing) };
  if (geometry.type === 'MultiPolygon' && Array.isArray(coordinates))
    return {
      ...geometry,
      coordinates: coordinates.map((polygon) => (Array.isArray(polygon) ? polygon.map(closeRing) : polygon)),
    };
  if (geometry.type === 'GeometryCollection' && Array.isArray(geometry.geometries))
    return { ...geometry, geometries: geometry.geometries.map(closeGeometry) };
  return geometry;
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
