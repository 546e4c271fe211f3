/**
 * Plots whose `town` attribute names another town than the one whose development boundaries hold
 * most of their area. Each town's boundaries are dissolved on their own (overlaps within a town count
 * once); a plot with no area (≥ MIN_SHARED_M2) in any boundary, or without a town attribute, is not
 * judged. Names are compared as written, after trimming spaces ("坎墩" and "坎墩街道" differ).
 */

import Flatbush from 'flatbush';
import { areaInside, geometryAtOf, geometryBox } from '../analysis/classify-plots.ts';
import { prepareZoneLayer, type ZoneLayer } from '../analysis/zone-layer.ts';
import type { Box } from '../geometry/clip-to-box.ts';
import { geometryAreaM2 } from '../geometry/ellipsoidal-area.ts';
import type { AreaGeometry, Feature, FeatureCollection } from '../types.ts';
import { MIN_SHARED_M2 } from './place-checks.ts';

export interface TownMismatch {
  /** Index of the plot in its layer. */
  index: number;
  /** The plot's `town` attribute. */
  town: string;
  /** The town whose boundaries hold most of the plot. */
  boundaryTown: string;
}

/** The town a plot's attribute names ('' when none). */
export function townAttributeOf(feature: Feature | undefined): string {
  const town = feature?.properties?.town;
  return typeof town === 'string' || typeof town === 'number' ? String(town).trim() : '';
}

interface PreparedTown {
  town: string;
  zones: ZoneLayer;
}

/** Each town's boundaries dissolved, and an index of their boxes. */
interface PreparedTowns {
  towns: PreparedTown[];
  index: Flatbush;
}

const preparedByBoundary = new WeakMap<FeatureCollection, PreparedTowns | null>();

/**
 * The towns of a boundary layer, prepared once per layer object (the command line checks a large
 * plot layer piece by piece against the same boundaries); null when no town has a boundary.
 */
function preparedTowns(boundary: FeatureCollection): PreparedTowns | null {
  const known = preparedByBoundary.get(boundary);
  if (known !== undefined) return known;
  const byTown = new Map<string, Feature[]>();
  for (const feature of boundary.features) {
    const town = townAttributeOf(feature);
    if (town === '' || !feature.geometry) continue;
    const list = byTown.get(town);
    if (list) list.push(feature);
    else byTown.set(town, [feature]);
  }
  const towns: PreparedTown[] = [];
  for (const [town, features] of byTown) {
    const zones = prepareZoneLayer({ type: 'FeatureCollection', features }, { zh: town, en: town });
    if (zones.polygonIndex) towns.push({ town, zones });
  }
  if (towns.length === 0) {
    preparedByBoundary.set(boundary, null);
    return null;
  }
  const index = new Flatbush(towns.length);
  for (const { zones } of towns) {
    const box = zones.polygonIndex as Flatbush;
    index.add(box.minX, box.minY, box.maxX, box.maxY);
  }
  index.finish();

  preparedByBoundary.set(boundary, { towns, index });
  return { towns, index };
}

/** The plot's area inside the town's boundaries, m²; null when the overlay fails. */
function insideOrNull(town: PreparedTown, geometry: AreaGeometry, box: Box, areaM2: number): number | null {
  try {
    return areaInside(town.zones, geometry, box, areaM2);
  } catch {
    return null;
  }
}

/**
 * The plots whose `town` attribute differs from the town whose boundaries hold most of them.
 * @param plots WGS84 lon/lat; `properties.town` is the attribute (after column mapping)
 * @param boundary development boundaries with `properties.town`
 * @param areasM2 the plots' areas, m², when already known
 * @param geometryAt plot i's geometry (by default its feature's; one plot's at a time is read)
 */
export function findTownMismatches(
  plots: FeatureCollection,
  boundary: FeatureCollection,
  areasM2?: Float64Array,
  geometryAt: (index: number) => Feature['geometry'] | undefined = geometryAtOf(plots),
): TownMismatch[] {
  const prepared = preparedTowns(boundary);
  if (!prepared) return [];
  const { towns, index } = prepared;

  const mismatches: TownMismatch[] = [];
  // Each plot's box, read only while the plot is looked at.
  const scratchBox: [number, number, number, number] = [0, 0, 0, 0];
  plots.features.forEach((feature, i) => {
    const town = townAttributeOf(feature);
    if (town === '') return;
    const geometry = geometryAt(i);
    if (!geometry) return;
    const box = geometryBox(geometry, scratchBox);
    const areaM2 = areasM2?.[i] ?? geometryAreaM2(geometry);
    const candidates = index.search(box[0], box[1], box[2], box[3]);
    // The attribute's own town first: when its boundaries hold the whole plot, no town holds more.
    const own = candidates.find((t) => (towns[t] as { town: string }).town === town);
    const ownM2 = own === undefined ? null : insideOrNull(towns[own] as PreparedTown, geometry, box, areaM2);
    if (ownM2 === areaM2) return;
    let best = '';
    let bestM2 = MIN_SHARED_M2;
    let attributeM2 = 0;
    for (const t of candidates) {
      const candidate = towns[t] as PreparedTown;
      const inside = t === own ? ownM2 : insideOrNull(candidate, geometry, box, areaM2);
      if (inside === null) continue;
      if (candidate.town === town) attributeM2 = inside;
      if (inside > bestM2) {
        bestM2 = inside;
        best = candidate.town;
      }
    }
    // A tie with the attribute's own town is no mismatch.
    if (best !== '' && best !== town && attributeM2 < bestM2)
      mismatches.push({ index: i, town, boundaryTown: best });
  });
  return mismatches;
}
