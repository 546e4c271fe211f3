/**
 * Reprojects a whole FeatureCollection to WGS84 longitude-latitude. The input is never mutated.
 * Walks each geometry by its type's known depth (never deeper, whatever the data holds): a value that is not what
 * the type promises (a string vertex, null, arrays nested too deep) is passed on untouched, for
 * validation to report against its feature.
 */
import type { Feature, FeatureCollection, Position } from '../types.ts';
import { type Crs, isLonLatAsIs } from './crs.ts';
import { makeTransform, type PointTransform } from './make-transform.ts';

/** Array levels above the positions, per geometry type (Point: the position itself). */
export const POSITION_DEPTH: Readonly<Record<string, number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** The position transformed, or the value itself when it is not a pair of finite numbers. */
function reprojectPosition(value: unknown, transform: PointTransform): unknown {
  if (!Array.isArray(value)) return value;
  const x = value[0];
  const y = value[1];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    return value;
  const lonLat: Position = transform(x, y);
  // Keep any third (height) and further values as they are.
  for (let i = 2; i < value.length; i++) lonLat.push(value[i] as number);
  return lonLat;
}

/**
 * Copies `depth` levels of arrays and transforms the positions below them. The recursion is bounded
 * by the geometry type (at most 3 levels), never by the data.
 */
function reprojectCoordinates(coordinates: unknown, depth: number, transform: PointTransform): unknown {
  if (depth === 0) return reprojectPosition(coordinates, transform);
  if (!Array.isArray(coordinates)) return coordinates;
  const result: unknown[] = new Array(coordinates.length);
  for (let i = 0; i < coordinates.length; i++)
    result[i] = reprojectCoordinates(coordinates[i], depth - 1, transform);
  return result;
}

function withoutBbox(value: Record<string, unknown>): Record<string, unknown> {
  const { bbox: _bbox, ...copy } = value;
  return copy;
}

/**
 * One geometry reprojected. A GeometryCollection's members are reprojected one level deep; a
 * collection nested in a collection is passed on as it is (validation refuses it anyway).
 */
function reprojectGeometry(geometry: unknown, transform: PointTransform, nested: boolean): unknown {
  if (!isRecord(geometry)) return geometry;
  const source = geometry;
  const copy = withoutBbox(source);
  const type = source.type;
  const depth = typeof type === 'string' ? POSITION_DEPTH[type] : undefined;
  if (depth !== undefined && source.coordinates !== undefined)
    copy.coordinates = reprojectCoordinates(source.coordinates, depth, transform);
  if (type === 'GeometryCollection' && !nested && Array.isArray(source.geometries))
    copy.geometries = source.geometries.map((child) => reprojectGeometry(child, transform, true));
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A geometry without its `bbox` (nor its members'), coordinates shared. */
function withoutBboxes(geometry: Record<string, unknown>): Record<string, unknown> {
  const copy = withoutBbox(geometry);
  if (Array.isArray(geometry.geometries))
    copy.geometries = geometry.geometries.map((child) => (isRecord(child) ? withoutBbox(child) : child));
  return copy;
}

/** True for the longitude-latitude systems whose transform returns its input (not with swapped axes). */
export function isIdentityCrs(crs: Crs): boolean {
  return isLonLatAsIs(crs);
}

/**
 * A new FeatureCollection with every position transformed from `crs` to WGS84/CGCS2000
 * [longitude, latitude] in degrees (RFC 7946). Any `crs` or `bbox` member of the input is dropped,
 * since both describe the old coordinates. Positions that cannot be transformed become [NaN, NaN];
 * positions that are not two finite numbers, and values where the geometry type promises arrays, are
 * kept as they are; validation reports both.
 * For longitude-latitude input (WGS84, CGCS2000) nothing is transformed and the coordinate arrays of
 * the result are the input's own (shared, not copied: 100,000 plots cost nothing), and so are the
 * features' properties objects; features and geometries are still new objects.
 * @param collection features in `crs` (any geometry type with `coordinates`, or GeometryCollection)
 * @param crs the CRS of the input coordinates
 */
export function reprojectFeatureCollection<G, P>(
  collection: FeatureCollection<G, P>,
  crs: Crs,
): FeatureCollection<G, P> {
  const identity = isIdentityCrs(crs);
  const transform = makeTransform(crs);
  const features = collection.features.map((feature): Feature<G, P> => {
    const { bbox: _bbox, ...rest } = feature as Feature<G, P> & { bbox?: unknown };
    const geometry = feature.geometry as unknown;
    let reprojected: unknown = geometry;
    if (!identity) reprojected = reprojectGeometry(geometry, transform, false);
    else if (isRecord(geometry) && ('bbox' in geometry || geometry.type === 'GeometryCollection'))
      reprojected = withoutBboxes(geometry);
    const { properties } = feature;
    return {
      ...rest,
      geometry: reprojected as G | null,
      // Lon/lat input keeps its properties objects as it keeps its coordinates (nothing changes them).
      properties:
        properties === null ? null : identity && isRecord(properties) ? properties : { ...properties },
    };
  });
  const {
    crs: _crs,
    bbox: _bbox,
    ...rest
  } = collection as FeatureCollection<G, P> & {
    crs?: unknown;
    bbox?: unknown;
  };
  return { ...rest, features };
}
