/**
 * Where a layer's features lie against the county outline and the land: outside the county means
 * less than MIN_SHARED_M2 of the feature inside the outline (so a feature that only touches the
 * outline from outside is outside); on water means less than MIN_SHARED_M2 of it on land, judged only
 * for features wholly within the land data's extent.
 */

import { areaInside, geometryAtOf, geometryBox } from '../analysis/classify-plots.ts';
import type { ZoneLayer } from '../analysis/zone-layer.ts';
import type { Box } from '../geometry/clip-to-box.ts';
import { geometryAreaM2 } from '../geometry/ellipsoidal-area.ts';
import type { AreaGeometry, Feature, FeatureCollection } from '../types.ts';
import type { PreparedReference } from './check-reference.ts';

/**
 * Common area below which two shapes count as not overlapping, m² (a hundredth of a square metre:
 * rounding along a shared edge stays far below it; any overlap a planner could see is far above).
 */
export const MIN_SHARED_M2 = 0.01;

export interface Placement {
  /** Per feature: 1 when it lies outside the county outline. */
  outsideCounty: Uint8Array;
  /** Per feature: 1 when it lies on water (only set where the land data covers the feature). */
  onWater: Uint8Array;
  /** Per feature: the centre of its bounding box, x then y (NaN for a feature without geometry). */
  centres: Float64Array;
  /** Per feature: its bounding box (null without geometry). */
  boxes: (Box | null)[];
  /** Per feature: its ellipsoidal area, m² (0 without geometry). */
  areasM2: Float64Array;
}

/** True when at least MIN_SHARED_M2 of the geometry lies inside the zones. */
export function sharesArea(zones: ZoneLayer, geometry: AreaGeometry, box: Box, areaM2: number): boolean {
  try {
    return areaInside(zones, geometry, box, areaM2) >= MIN_SHARED_M2;
  } catch {
    // An overlay that fails (a broken ring the import let through) does not make a plot misplaced.
    return true;
  }
}

function isWithin(box: Box, extent: Box): boolean {
  return box[0] >= extent[0] && box[1] >= extent[1] && box[2] <= extent[2] && box[3] <= extent[3];
}

/**
 * Places every feature of `layer` against the reference.
 * @param layer WGS84 lon/lat polygons
 */
export function placeFeatures(
  layer: FeatureCollection,
  reference: PreparedReference,
  geometryAt: (index: number) => Feature['geometry'] | undefined = geometryAtOf(layer),
): Placement {
  const n = layer.features.length;
  const placement: Placement = {
    outsideCounty: new Uint8Array(n),
    onWater: new Uint8Array(n),
    centres: new Float64Array(n * 2).fill(Number.NaN),
    boxes: new Array(n).fill(null),
    areasM2: new Float64Array(n),
  };
  const { county, land, landExtent } = reference;
  for (let i = 0; i < n; i++) {
    const geometry = geometryAt(i);
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const box = geometryBox(geometry);
    const areaM2 = geometryAreaM2(geometry);
    placement.boxes[i] = box;
    placement.areasM2[i] = areaM2;
    placement.centres[2 * i] = (box[0] + box[2]) / 2;
    placement.centres[2 * i + 1] = (box[1] + box[3]) / 2;
    if (!sharesArea(county, geometry, box, areaM2)) placement.outsideCounty[i] = 1;
    if (land && landExtent && isWithin(box, landExtent) && !sharesArea(land, geometry, box, areaM2))
      placement.onWater[i] = 1;
  }
  return placement;
}
