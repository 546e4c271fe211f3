/**
 * Reprojects a whole FeatureCollection to WGS84 longitude-latitude. The input is never mutated:
 * features, geometries, coordinate arrays and property objects of the result are all new.
 */
import type { Feature, FeatureCollection, Position } from '../types.ts';
import type { Crs } from './crs.ts';
import { makeTransform, type PointTransform } from './make-transform.ts';

type Coordinates = Position | Coordinates[];

function isPosition(value: Coordinates): value is Position {
  return typeof value[0] === 'number';
}

function reprojectCoordinates(coordinates: Coordinates, transform: PointTransform): Coordinates {
  if (isPosition(coordinates)) {
    const lonLat: Position = transform(coordinates[0] as number, coordinates[1] as number);
    // Keep any third (height) and further values as they are.
    for (let i = 2; i < coordinates.length; i++) lonLat.push(coordinates[i] as number);
    return lonLat;
  }
  const result: Coordinates[] = new Array(coordinates.length);
  for (let i = 0; i < coordinates.length; i++) {
    result[i] = reprojectCoordinates(coordinates[i] as Coordinates, transform);
  }
  return result;
}

function reprojectGeometry(geometry: unknown, transform: PointTransform): unknown {
  if (typeof geometry !== 'object' || geometry === null) return geometry;
  const source = geometry as { coordinates?: Coordinates; geometries?: unknown[] };
  const { bbox: _bbox, ...copy }: Record<string, unknown> = { ...source };
  if (Array.isArray(source.coordinates))
    copy.coordinates = reprojectCoordinates(source.coordinates, transform);
  if (Array.isArray(source.geometries)) {
    copy.geometries = source.geometries.map((child) => reprojectGeometry(child, transform));
  }
  return copy;
}

/**
 * A new FeatureCollection with every position transformed from `crs` to WGS84/CGCS2000
 * [longitude, latitude] in degrees (RFC 7946). Any `crs` or `bbox` member of the input is dropped,
 * since both describe the old coordinates. Positions that cannot be transformed become [NaN, NaN];
 * validation reports them.
 * @param collection features in `crs` (any geometry type with `coordinates`, or GeometryCollection)
 * @param crs the CRS of the input coordinates
 */
export function reprojectFeatureCollection<G, P>(
  collection: FeatureCollection<G, P>,
  crs: Crs,
): FeatureCollection<G, P> {
  const transform = makeTransform(crs);
  const features = collection.features.map((feature): Feature<G, P> => {
    const { bbox: _bbox, ...rest } = feature as Feature<G, P> & { bbox?: unknown };
    return {
      ...rest,
      geometry: feature.geometry === null ? null : (reprojectGeometry(feature.geometry, transform) as G),
      properties: feature.properties === null ? null : { ...feature.properties },
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
