/**
 * The town a plot belongs to (DESIGN.md "Baseline indicators"): its `town` attribute; where that is
 * missing, the town whose development boundary holds most of it; else the town of the nearest
 * boundary. Plots without a town and without any boundary get undefined.
 */

import Flatbush from 'flatbush';
import polygonClipping, { type Geom } from 'polygon-clipping';
import { geometryAreaM2 } from '../geometry/ellipsoidal-area.ts';
import type { AreaGeometry, FeatureCollection, PolygonCoords } from '../types.ts';
import { geometryBox } from './classify-plots.ts';

export interface TownAssignment {
  town: string | undefined;
  /** How the town was found: the plot's attribute, the boundary holding most of it, or the nearest boundary. */
  source: 'attribute' | 'boundary-majority' | 'nearest-boundary' | 'none';
}

function polygonsOf(geometry: AreaGeometry): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Squared distance, in degrees scaled to local metres-ish (longitude × cos lat), from a point to a segment. */
function segmentDistance2(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  k: number,
): number {
  const dx = (bx - ax) * k;
  const dy = by - ay;
  const qx = (px - ax) * k;
  const qy = py - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.max(0, Math.min(1, (qx * dx + qy * dy) / length2)) : 0;
  const ex = qx - t * dx;
  const ey = qy - t * dy;
  return ex * ex + ey * ey;
}

/**
 * Assigns a town to every plot.
 * @param plots plot layer, WGS84 lon/lat; `properties.town` is used where present
 * @param boundary development boundaries with `properties.town`
 */
export function assignTowns(plots: FeatureCollection, boundary: FeatureCollection): TownAssignment[] {
  const zones = boundary.features
    .map((feature) => ({ town: feature.properties?.town, geometry: feature.geometry }))
    .filter(
      (zone): zone is { town: string; geometry: AreaGeometry } =>
        typeof zone.town === 'string' && zone.town !== '' && zone.geometry !== null,
    );
  let index: Flatbush | null = null;
  // The plots of a town named in their attribute share one assignment (and those of none, one):
  // 516,000 plots made as many objects, 10 MB that outlived the worker's young generation.
  const byAttribute = new Map<string, TownAssignment>();
  const none: TownAssignment = { town: undefined, source: 'none' };

  return plots.features.map((feature) => {
    const attribute = feature.properties?.town;
    if (typeof attribute === 'string' && attribute.trim() !== '') {
      const town = attribute.trim();
      let assignment = byAttribute.get(town);
      if (!assignment) {
        assignment = { town, source: 'attribute' };
        byAttribute.set(town, assignment);
      }
      return assignment;
    }
    const geometry = feature.geometry;
    if (!geometry || zones.length === 0) return none;
    if (!index) {
      index = new Flatbush(zones.length);
      for (const zone of zones) {
        const [minX, minY, maxX, maxY] = geometryBox(zone.geometry);
        index.add(minX, minY, maxX, maxY);
      }
      index.finish();
    }
    const box = geometryBox(geometry);
    let best: string | undefined;
    let bestArea = 0;
    for (const i of index.search(box[0], box[1], box[2], box[3])) {
      const zone = zones[i] as { town: string; geometry: AreaGeometry };
      try {
        const overlap = polygonClipping.intersection(
          geometry.coordinates as Geom,
          zone.geometry.coordinates as Geom,
        );
        const area = geometryAreaM2({ type: 'MultiPolygon', coordinates: overlap });
        if (area > bestArea) {
          bestArea = area;
          best = zone.town;
        }
      } catch {
        // An overlay that fails here only loses the majority rule; the nearest rule still applies.
      }
    }
    if (best !== undefined) return { town: best, source: 'boundary-majority' };

    const cx = (box[0] + box[2]) / 2;
    const cy = (box[1] + box[3]) / 2;
    const k = Math.cos((cy * Math.PI) / 180);
    let nearest: string | undefined;
    let nearest2 = Infinity;
    for (const zone of zones) {
      for (const polygon of polygonsOf(zone.geometry)) {
        const ring = polygon[0] ?? [];
        for (let j = 0; j + 1 < ring.length; j++) {
          const a = ring[j] as number[];
          const b = ring[j + 1] as number[];
          const d2 = segmentDistance2(
            cx,
            cy,
            a[0] as number,
            a[1] as number,
            b[0] as number,
            b[1] as number,
            k,
          );
          if (d2 < nearest2) {
            nearest2 = d2;
            nearest = zone.town;
          }
        }
      }
    }
    return nearest === undefined
      ? { town: undefined, source: 'none' }
      : { town: nearest, source: 'nearest-boundary' };
  });
}
