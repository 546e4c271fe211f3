/**
 * Applies the automatic repairs that `validateLayer` promises for warnings, so that a feature it
 * lists as usable becomes a plain Polygon/MultiPolygon feature with closed rings.
 */
import type { AreaGeometry, Feature, PolygonCoords } from '../types.ts';
import { closeGeometry } from './close-rings.ts';
import { isRecord } from './describe-feature.ts';
import { findOverlaps, hasRepairableOverlaps, mergeOverlaps } from './overlaps.ts';

function polygonsOf(geometry: unknown): PolygonCoords[] | undefined {
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) return undefined;
  if (geometry.type === 'Polygon') return [geometry.coordinates as PolygonCoords];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as PolygonCoords[];
  return undefined;
}

function repairGeometry(geometry: unknown): unknown {
  if (!isRecord(geometry)) return geometry;
  if (geometry.type === 'GeometryCollection' && Array.isArray(geometry.geometries)) {
    // `geometry-collection`: a collection of polygons becomes one MultiPolygon.
    const parts = geometry.geometries.map(polygonsOf);
    if (parts.some((part) => part === undefined)) return geometry;
    return repairGeometry({ type: 'MultiPolygon', coordinates: parts.flat() });
  }
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
    // `empty-part`: polygons without rings are dropped; a single remaining part stays a MultiPolygon.
    const coordinates = geometry.coordinates.filter(
      (polygon) => !Array.isArray(polygon) || polygon.length > 0,
    );
    return landCountedOnce({ ...geometry, coordinates } as unknown as AreaGeometry);
  }
  if (geometry.type === 'Polygon') return landCountedOnce(geometry as unknown as AreaGeometry);
  return geometry;
}

/**
 * `geometry` with holes outside their shell dropped and overlapping holes or parts unioned (the
 * `hole-outside-shell` and `overlapping-rings` repairs), so that its land is counted once; the same
 * object when there is nothing to repair. For geometries read from a plan file, which skip import.
 */
export function landCountedOnce(geometry: AreaGeometry): AreaGeometry {
  if (geometry.type === 'MultiPolygon') {
    const merged = mergedIfNeeded(geometry.coordinates);
    return merged === geometry.coordinates ? geometry : { ...geometry, coordinates: merged };
  }
  const [merged, ...more] = mergedIfNeeded([geometry.coordinates]);
  if (more.length === 0)
    return merged === geometry.coordinates || merged === undefined
      ? geometry
      : { ...geometry, coordinates: merged };
  return { type: 'MultiPolygon', coordinates: [merged as PolygonCoords, ...more] };
}

/** `hole-outside-shell` (warning) and `overlapping-rings`: land counted once; the input when nothing is wrong. */
function mergedIfNeeded(polygons: PolygonCoords[]): PolygonCoords[] {
  if (polygons.length === 1 && (polygons[0]?.length ?? 0) < 2) return polygons;
  const found = findOverlaps(polygons);
  return hasRepairableOverlaps(found) ? mergeOverlaps(polygons, found) : polygons;
}

/**
 * Repairs what validation reports as fixable: closes open rings (`unclosed-ring`), turns a
 * GeometryCollection of polygons into a MultiPolygon (`geometry-collection`), drops empty parts of a
 * MultiPolygon (`empty-part`), drops holes outside their shell (`hole-outside-shell`), unions
 * overlapping holes and parts (`overlapping-rings`) and replaces missing or non-object properties with `{}`
 * (`invalid-properties`). Does not modify its input.
 * @param feature a feature that `validateLayer` listed as valid
 * @returns a new feature with a Polygon or MultiPolygon geometry
 */
export function repairFeature(
  feature: Feature<unknown, unknown>,
): Feature<AreaGeometry, Record<string, unknown>> {
  const properties = isRecord(feature.properties) ? feature.properties : {};
  const repaired: Feature<AreaGeometry, Record<string, unknown>> = {
    type: 'Feature',
    geometry: repairGeometry(closeGeometry(feature.geometry)) as AreaGeometry | null,
    properties,
  };
  if (typeof feature.id === 'string' || typeof feature.id === 'number') repaired.id = feature.id;
  return repaired;
}
