/**
 * What a receiving zone's geometry says, computed once per zone geometry so that editing actions
 * never recomputes an overlay: its ellipsoidal area, its overlap with existing industrial plots,
 * the new land that remains (DESIGN.md: newLandM2 = areaM2 − overlap), how much of that new land
 * lies inside the control lines and outside the development boundary, its town and its R2 verdict.
 */

import Flatbush from 'flatbush';
import polygonClipping, { type MultiPolygon as ClipMultiPolygon, type Geom } from 'polygon-clipping';
import type { PlanLayerSet } from '../analysis/analyze-plan.ts';
import { assignTowns } from '../analysis/assign-towns.ts';
import { DEFAULT_TOLERANCE, geometryBox, plotIdOf } from '../analysis/classify-plots.ts';
import { overlapAreaM2, prepareZoneLayer, type ZoneLayer } from '../analysis/zone-layer.ts';
import type { Box } from '../geometry/clip-to-box.ts';
import { geometryAreaM2, m2ToMu } from '../geometry/ellipsoidal-area.ts';
import type { AreaGeometry, Feature, FeatureCollection, Message } from '../types.ts';
import type { ReceivingZone } from './scenario.ts';

/** R2 verdict of a zone: new land outside the boundary is a violation, outside the control lines a warning. */
export type ZoneR2Verdict = 'ok' | 'warning' | 'violation';

export interface ZoneMeasures {
  zoneId: string;
  /** Ellipsoidal area of the zone (its own overlaps dissolved), m². */
  areaM2: number;
  /** Area of the zone covered by baseline plots (their union), m². */
  overlapM2: number;
  /** areaM2 − overlapM2, m². */
  newLandM2: number;
  /** newLandM2 in 亩. */
  newLandMu: number;
  /** New land inside the union of control zones, m². */
  newLandInControlM2: number;
  /** New land outside the union of control zones, m². */
  newLandOutsideControlM2: number;
  /** New land outside the union of development boundaries, m². */
  newLandOutsideBoundaryM2: number;
  /** The town whose quota the zone uses ('' when none could be found). */
  town: string;
  /** Where the town came from: the zone's own `town`, the boundary holding most of it, the nearest boundary. */
  townSource: 'zone' | 'boundary-majority' | 'nearest-boundary' | 'none';
  r2: ZoneR2Verdict;
  /** Indices (in the plot layer) of the baseline plots the zone overlaps with positive area. */
  overlappedPlots: number[];
  /** Ids of those plots, in the same order. */
  overlappedPlotIds: string[];
  /** Set when the overlay failed: the land figures are then 0 and the zone is left out of the sums. */
  problem?: Message;
}

/** The layers a zone is measured against, prepared once per plan (never per edit). */
export interface ZoneMeasureContext {
  plots: FeatureCollection;
  /** R-tree over the plots' bounding boxes; item i is plots.features[i]. */
  plotIndex: Flatbush | null;
  boundary: ZoneLayer;
  control: ZoneLayer;
  /** The boundary layer itself, for the town holding most of a zone. */
  boundaryLayer: FeatureCollection;
  /** Sliver tolerance τ, a fraction of the zone's area. */
  tolerance: number;
}

/** The box of a plot without geometry in the zones' plot index. */
const FAR_AWAY: Box = [1e9, 1e9, 1e9, 1e9];

/**
 * Prepares the plot, boundary and control layers for measuring zones.
 * @param layers the plan's three layers, WGS84 lon/lat
 * @param tolerance sliver tolerance τ (default 0.01)
 * @param prepared boundary/control unions already built by the classification, to reuse
 */
export function prepareZoneContext(
  layers: PlanLayerSet,
  tolerance: number = DEFAULT_TOLERANCE,
  prepared: {
    boundary?: ZoneLayer;
    control?: ZoneLayer;
    /**
     * The box of a plot as geometryBox gives it, where it is known without its geometry, written
     * into `into` (read at once, never kept).
     */
    plotBox?: (index: number, into: [number, number, number, number]) => Box | undefined;
  } = {},
): ZoneMeasureContext {
  const features = layers.plots.features;
  const plotIndex = features.length > 0 ? new Flatbush(features.length) : null;
  const box: [number, number, number, number] = [0, 0, 0, 0];
  for (let index = 0; index < features.length; index++) {
    const known = prepared.plotBox?.(index, box);
    const geometry = known ? null : features[index]?.geometry;
    const usable = geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon');
    // A plot without geometry gets an empty box far away, so indices stay aligned with the layer.
    const [minX, minY, maxX, maxY] = known ?? (usable ? geometryBox(geometry, box) : FAR_AWAY);
    plotIndex?.add(minX, minY, maxX, maxY);
  }
  plotIndex?.finish();
  return {
    plots: layers.plots,
    plotIndex,
    boundary:
      prepared.boundary ??
      prepareZoneLayer(layers.boundary, { zh: '城镇开发边界', en: 'development boundary layer' }),
    control:
      prepared.control ?? prepareZoneLayer(layers.control, { zh: '工业控制线', en: 'control line layer' }),
    boundaryLayer: layers.boundary,
    tolerance,
  };
}

function toClip(geometry: AreaGeometry): Geom {
  const pairs = (rings: AreaGeometry['coordinates'][number]) =>
    (rings as number[][][]).map((ring) =>
      ring.map((position) => [position[0] as number, position[1] as number] as [number, number]),
    );
  return geometry.type === 'Polygon'
    ? pairs(geometry.coordinates)
    : geometry.coordinates.map((polygon) => pairs(polygon));
}

function multiPolygon(coordinates: ClipMultiPolygon): AreaGeometry {
  return { type: 'MultiPolygon', coordinates };
}

/** True when every position of the geometry is a pair of finite numbers. */
function hasFiniteCoordinates(geometry: AreaGeometry): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return false;
  return polygons.every(
    (polygon) =>
      Array.isArray(polygon) &&
      polygon.every(
        (ring) =>
          Array.isArray(ring) &&
          ring.every((position) => Number.isFinite(position[0]) && Number.isFinite(position[1])),
      ),
  );
}

/** The zone's town: its own `town` if set, else the boundary town holding most of it, else the nearest. */
export function zoneTown(
  zone: ReceivingZone,
  boundaryLayer: FeatureCollection,
): Pick<ZoneMeasures, 'town' | 'townSource'> {
  if (zone.town !== undefined && zone.town.trim() !== '')
    return { town: zone.town.trim(), townSource: 'zone' };
  const asPlot: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: zone.geometry, properties: {} }],
  };
  const [assignment] = assignTowns(asPlot, boundaryLayer);
  if (!assignment || assignment.town === undefined) return { town: '', townSource: 'none' };
  return {
    town: assignment.town,
    townSource: assignment.source === 'nearest-boundary' ? 'nearest-boundary' : 'boundary-majority',
  };
}

function failed(
  zone: ReceivingZone,
  town: Pick<ZoneMeasures, 'town' | 'townSource'>,
  error: unknown,
): ZoneMeasures {
  return {
    zoneId: zone.id,
    areaM2: 0,
    overlapM2: 0,
    newLandM2: 0,
    newLandMu: 0,
    newLandInControlM2: 0,
    newLandOutsideControlM2: 0,
    newLandOutsideBoundaryM2: 0,
    ...town,
    r2: 'ok',
    overlappedPlots: [],
    overlappedPlotIds: [],
    problem: {
      zh: `该承接区块的几何图形无法参与叠加分析（${String(error)}），未计入任何指标。请重新绘制该区块。`,
      en: `The geometry of this receiving zone cannot be overlaid (${String(error)}); it is left out of every indicator. Draw the zone again.`,
    },
  };
}

/**
 * Measures one receiving zone against the baseline plots, the control lines and the boundary.
 * newLand∩control is computed as the control share of (zone − plots), which equals
 * zone∩control − zone∩plots∩control of DESIGN.md.
 * @param zone the zone, WGS84 lon/lat
 * @param context layers prepared by prepareZoneContext
 * @returns areas in m² (newLandMu in 亩), the town, the R2 verdict (violation when new land outside
 *   the boundary exceeds τ × areaM2; warning when new land outside the control lines does) and the
 *   plots it overlaps
 */
export function measureZone(zone: ReceivingZone, context: ZoneMeasureContext): ZoneMeasures {
  const town = zoneTown(zone, context.boundaryLayer);
  try {
    if (!hasFiniteCoordinates(zone.geometry)) throw new Error('non-finite coordinates');
    // Dissolve the zone's own overlapping parts, so no piece of it counts twice.
    const zoneClip = polygonClipping.union(toClip(zone.geometry));
    const zoneGeometry = multiPolygon(zoneClip);
    const areaM2 = geometryAreaM2(zoneGeometry);
    const box: Box = geometryBox(zone.geometry);

    const candidates = context.plotIndex?.search(box[0], box[1], box[2], box[3]) ?? [];
    const overlappedPlots: number[] = [];
    const touching: Feature[] = [];
    for (const index of candidates.sort((a, b) => a - b)) {
      const feature = context.plots.features[index];
      const geometry = feature?.geometry;
      if (!feature || !geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon'))
        continue;
      const shared = polygonClipping.intersection(zoneClip, toClip(geometry));
      if (geometryAreaM2(multiPolygon(shared)) > 0) {
        overlappedPlots.push(index);
        touching.push(feature);
      }
    }
    // The plots' union, so that overlapping plots never take the same land out twice.
    const plotUnion = prepareZoneLayer(
      { type: 'FeatureCollection', features: touching },
      { zh: '地块图层', en: 'plot layer' },
    );
    const overlapM2 = Math.min(Math.max(overlapAreaM2(plotUnion, zoneGeometry, box), 0), areaM2);
    const newLandM2 = areaM2 - overlapM2;
    const newLandClip =
      plotUnion.polygons.length > 0
        ? polygonClipping.difference(zoneClip, plotUnion.polygons as unknown as Geom)
        : zoneClip;
    const newLand = multiPolygon(newLandClip);
    const hasNewLand = newLandClip.length > 0;
    const clamp = (value: number) => Math.min(Math.max(value, 0), newLandM2);
    const newLandInControlM2 = hasNewLand ? clamp(overlapAreaM2(context.control, newLand, box)) : 0;
    const newLandInBoundaryM2 = hasNewLand ? clamp(overlapAreaM2(context.boundary, newLand, box)) : 0;
    const newLandOutsideBoundaryM2 = newLandM2 - newLandInBoundaryM2;
    const newLandOutsideControlM2 = newLandM2 - newLandInControlM2;
    const limit = context.tolerance * areaM2;
    const r2: ZoneR2Verdict =
      newLandOutsideBoundaryM2 > limit ? 'violation' : newLandOutsideControlM2 > limit ? 'warning' : 'ok';
    return {
      zoneId: zone.id,
      areaM2,
      overlapM2,
      newLandM2,
      newLandMu: m2ToMu(newLandM2),
      newLandInControlM2,
      newLandOutsideControlM2,
      newLandOutsideBoundaryM2,
      ...town,
      r2,
      overlappedPlots,
      overlappedPlotIds: overlappedPlots.map((index) =>
        plotIdOf(context.plots.features[index] as Feature, index),
      ),
    };
  } catch (error) {
    return failed(zone, town, error);
  }
}

/** Measures already made, keyed by the zone geometry object (edits share unchanged geometry). */
export type ZoneMeasureCache = WeakMap<AreaGeometry, Map<string, ZoneMeasures>>;

/** An empty cache for measureZones; one per plan (per prepared context). */
export function createZoneMeasureCache(): ZoneMeasureCache {
  return new WeakMap();
}

/**
 * Measures every zone of a scenario, reusing the cache for zones whose geometry object and town
 * are unchanged (so changing a zone's name, far or year, or any action, measures nothing).
 * @returns measures keyed by zone id
 */
export function measureZones(
  zones: readonly ReceivingZone[],
  context: ZoneMeasureContext,
  cache: ZoneMeasureCache = createZoneMeasureCache(),
): Record<string, ZoneMeasures> {
  const measures: Record<string, ZoneMeasures> = {};
  for (const zone of zones) {
    let byTown = cache.get(zone.geometry);
    if (!byTown) {
      byTown = new Map();
      cache.set(zone.geometry, byTown);
    }
    const key = zone.town?.trim() ?? '';
    let measured = byTown.get(key);
    if (!measured) {
      measured = measureZone(zone, context);
      byTown.set(key, measured);
    }
    measures[zone.id] = measured.zoneId === zone.id ? measured : { ...measured, zoneId: zone.id };
  }
  return measures;
}
