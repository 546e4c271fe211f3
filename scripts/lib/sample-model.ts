/** The sample generator's data: the GeoJSON it writes and the towns, zones and plots it places. */

import { validateLayer } from '../../src/core/io/validate-layer.ts';
import type { FeatureCollection } from '../../src/core/types.ts';
import type { MultiPolygon, Point, PointInAreaIndex, Polygon, Ring } from './planar.ts';

export const SAMPLE_LABEL = '示例数据（虚构）';

export interface SampleFeature {
  type: 'Feature';
  id?: string;
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: MultiPolygon };
}

export interface SampleCollection {
  type: 'FeatureCollection';
  name: string;
  label: typeof SAMPLE_LABEL;
  features: SampleFeature[];
}

export interface Town {
  code: string;
  name: string;
  seat: Point;
  isZone: boolean;
  radiusM: number;
  weight: number;
  villages: Village[];
  /** The development boundary, lon/lat (empty when the town has none) and as an index in local metres. */
  boundaryLonLat: MultiPolygon;
  boundary: PointInAreaIndex | null;
  /** The boundary's rings in local metres, closed, for placing plots across its edge. */
  outline: Ring[];
  zones: Zone[];
}

export interface Village {
  code: string;
  name: string;
  centre: Point;
}

export interface Zone {
  id: string;
  town: Town;
  index: PointInAreaIndex;
  areaM2: number;
}

export interface PlacedPlot {
  town: Town;
  village: Village;
  /** park: in a control zone; village: inside its town's boundary; edge: across it; outside: outside every boundary. */
  kind: 'park' | 'village' | 'edge' | 'outside';
  /** Deliberately across a control zone's edge (park) or the boundary's (edge). */
  crossing: boolean;
  pilot?: string;
  /** Polygons in local metres, outer rings counter-clockwise, holes clockwise, closed. */
  polygons: MultiPolygon;
}

/** A Polygon geometry for one part, else a MultiPolygon. */
export function geometryOf(multiPolygon: MultiPolygon): SampleFeature['geometry'] {
  return multiPolygon.length === 1
    ? { type: 'Polygon', coordinates: multiPolygon[0] as Polygon }
    : { type: 'MultiPolygon', coordinates: multiPolygon };
}

/**
 * True when the project's own import checks find nothing to say about the geometry (rounding an
 * overlay's output to 7 decimals can, rarely, make a thin ring cross itself).
 */
export function isCleanGeometry(multiPolygon: MultiPolygon): boolean {
  const collection = {
    type: 'FeatureCollection' as const,
    features: [
      { type: 'Feature' as const, id: 'x', properties: { id: 'x' }, geometry: geometryOf(multiPolygon) },
    ],
  };
  return validateLayer(collection as FeatureCollection, 'control').problems.length === 0;
}
