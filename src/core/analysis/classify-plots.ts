/**
 * Classification of plots against the development boundary and the industrial control lines
 * (DESIGN.md "Per-plot analysis"). Each plot gets its ellipsoidal area, the areas inside each
 * layer's union and a status; plots that no zone edge comes near take a fast path (a lookup in a
 * grid over each layer), only plots that cross an edge are clipped. A plot whose geometry cannot
 * be overlaid is reported as a problem of that plot; the run goes on.
 */

import type { Box } from '../geometry/clip-to-box.ts';
import { geometryAreaM2, m2ToMu, polygonArea } from '../geometry/ellipsoidal-area.ts';
import type { AreaGeometry, Feature, FeatureCollection, PlotStatus, Position, Problem } from '../types.ts';
import {
  boxStateInZones,
  hasEdgeNear,
  INSIDE,
  isPointInZones,
  NEAR_EDGE,
  overlapAreaM2,
  prepareZoneLayer,
  type ZoneLayer,
} from './zone-layer.ts';

export const DEFAULT_TOLERANCE = 0.01;

export interface ClassifyOptions {
  /** Sliver tolerance τ, a fraction of the plot's area (default 0.01). */
  tolerance?: number;
  /** Called now and then with the share of plots done, 0…1. */
  onProgress?: (done: number) => void;
  /** Stops the run between plots when aborted. */
  signal?: AbortSignal;
  /** Results read from columns (see ColumnResult; the page's worker, for its memory), not plain objects. */
  compact?: boolean;
  /**
   * Reads plot `index`'s geometry instead of its feature. The classification keeps nothing of a
   * plot's geometry past the plot, so a reader may reuse its arrays (plotGeometryReader).
   */
  geometryOf?: GeometryReader;
}

/**
 * Reads feature `index`'s geometry instead of the feature (undefined: the feature's own), for a loop
 * that keeps nothing of one feature's geometry once past it: the reader may reuse its arrays.
 */
export type GeometryReader = (index: number) => AreaGeometry | null | undefined;

/** Feature `index`'s geometry as `read` gives it, or the feature's own where `read` gives none. */
export function geometryAtOf(
  layer: FeatureCollection,
  read?: GeometryReader,
): (index: number) => Feature['geometry'] | undefined {
  if (!read) return (index) => layer.features[index]?.geometry;
  return (index) => {
    const geometry = read(index);
    return geometry === undefined ? layer.features[index]?.geometry : geometry;
  };
}

export interface PlotResult {
  /** Index of the plot in its layer. */
  index: number;
  id: string;
  areaM2: number;
  areaMu: number;
  /** Area inside the union of development boundaries, m²; NaN when the overlay failed. */
  inBoundaryM2: number;
  /** Area inside the union of control zones, m²; NaN when the overlay failed. */
  inControlM2: number;
  /** null when the plot could not be classified (see the problems). */
  status: PlotStatus | null;
}

export interface Classification {
  results: PlotResult[];
  problems: Problem[];
}

/** A compact result's status, by its code. */
const STATUSES: readonly (PlotStatus | null)[] = [null, 'control', 'boundary', 'crossing', 'outside'];

/** The areas a compact result keeps, in this order (areaMu is areaM2's). */
const RESULT_AREAS = 3;

interface ResultColumns {
  ids: string[];
  /** Per plot: areaM2, inBoundaryM2, inControlM2. */
  areas: Float64Array;
  /** Per plot: its status's index in STATUSES. */
  statuses: Uint8Array;
}

/**
 * Classification results kept as columns, for the page's analysis worker (ClassifyOptions.compact):
 * one small object a plot over typed arrays, instead of an object with four numbers of its own
 * (about 90 bytes a plot, 45 MB for 516,000 plots, all of it outliving the worker's young
 * generation while the rows are made). The values read back are those the plain results hold, to
 * the bit.
 */
class ColumnResult implements PlotResult {
  readonly #columns: ResultColumns;
  readonly index: number;

  constructor(columns: ResultColumns, index: number) {
    this.#columns = columns;
    this.index = index;
  }

  get id(): string {
    return this.#columns.ids[this.index] as string;
  }
  get areaM2(): number {
    return this.#columns.areas[this.index * RESULT_AREAS] as number;
  }
  get areaMu(): number {
    return m2ToMu(this.areaM2);
  }
  get inBoundaryM2(): number {
    return this.#columns.areas[this.index * RESULT_AREAS + 1] as number;
  }
  get inControlM2(): number {
    return this.#columns.areas[this.index * RESULT_AREAS + 2] as number;
  }
  get status(): PlotStatus | null {
    return STATUSES[this.#columns.statuses[this.index] as number] ?? null;
  }
}

/** Makes plot `index`'s result from its figures (its areaMu is areaM2's). */
type MakeResult = (
  index: number,
  id: string,
  areaM2: number,
  inBoundaryM2: number,
  inControlM2: number,
  status: PlotStatus | null,
) => PlotResult;

/** A result as a plain object. */
const plainResult: MakeResult = (index, id, areaM2, inBoundaryM2, inControlM2, status) => ({
  index,
  id,
  areaM2,
  areaMu: m2ToMu(areaM2),
  inBoundaryM2,
  inControlM2,
  status,
});

/** Makes compact results for `count` plots, each made once. */
function compactResults(count: number): MakeResult {
  const columns: ResultColumns = {
    ids: new Array(count),
    areas: new Float64Array(count * RESULT_AREAS),
    statuses: new Uint8Array(count),
  };
  return (index, id, areaM2, inBoundaryM2, inControlM2, status) => {
    columns.ids[index] = id;
    columns.areas[index * RESULT_AREAS] = areaM2;
    columns.areas[index * RESULT_AREAS + 1] = inBoundaryM2;
    columns.areas[index * RESULT_AREAS + 2] = inControlM2;
    columns.statuses[index] = STATUSES.indexOf(status);
    return new ColumnResult(columns, index);
  };
}

/**
 * The status rule of DESIGN.md, with fc = inControl/area and fb = inBoundary/area:
 * control if fc ≥ 1−τ, else boundary if fb ≥ 1−τ, else outside if fb ≤ τ, else crossing.
 */
export function statusOf(
  areaM2: number,
  inBoundaryM2: number,
  inControlM2: number,
  tolerance: number,
): PlotStatus {
  if (!(areaM2 > 0)) return 'outside';
  const fc = inControlM2 / areaM2;
  const fb = inBoundaryM2 / areaM2;
  if (fc >= 1 - tolerance) return 'control';
  if (fb >= 1 - tolerance) return 'boundary';
  if (fb <= tolerance) return 'outside';
  return 'crossing';
}

/**
 * Bounding box of a Polygon or MultiPolygon, [minLon, minLat, maxLon, maxLat]: a new array, or
 * `into` (for a loop over many plots that keeps no box: 516,000 new ones outlived V8's young
 * generation, 28 MB).
 */
export function geometryBox(geometry: AreaGeometry, into?: [number, number, number, number]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const multi = geometry.type === 'MultiPolygon' ? geometry.coordinates : null;
  const count = multi ? multi.length : 1;
  for (let part = 0; part < count; part++) {
    // The outer ring bounds its holes.
    const ring = multi ? multi[part]?.[0] : (geometry.coordinates as Position[][])[0];
    if (!ring) continue;
    for (const position of ring) {
      const x = position[0] as number;
      const y = position[1] as number;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  if (!into) return [minX, minY, maxX, maxY];
  into[0] = minX;
  into[1] = minY;
  into[2] = maxX;
  into[3] = maxY;
  return into;
}

/** Area of a plot inside a layer's union, m², taking the fast path where no zone edge is near. */
export function areaInside(zones: ZoneLayer, geometry: AreaGeometry, box: Box, areaM2: number): number {
  // Most plots lie in grid cells that no zone edge comes near: the grid alone decides them.
  const state = boxStateInZones(zones, box);
  if (state !== NEAR_EDGE) return state === INSIDE ? areaM2 : 0;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!hasEdgeNear(zones, box, polygons)) {
    // No zone edge meets the plot: each of its parts lies wholly inside or wholly outside.
    if (polygons.length === 1) {
      const first = polygons[0]?.[0]?.[0];
      return first && isPointInZones(zones, first[0] as number, first[1] as number) ? areaM2 : 0;
    }
    // Summed in the order of geometryAreaM2, so that a plot wholly inside gets exactly its area.
    let inside = 0;
    for (const polygon of polygons) {
      const first = polygon[0]?.[0];
      if (first && isPointInZones(zones, first[0] as number, first[1] as number))
        inside += polygonArea(polygon);
    }
    return Math.min(inside, areaM2);
  }
  // Rounding in the overlay may leave a result a hair outside [0, area].
  return Math.min(Math.max(overlapAreaM2(zones, geometry, box), 0), areaM2);
}

/** The plot's id: properties.id, else the feature's id, else its 1-based position. */
export function plotIdOf(feature: Feature, index: number): string {
  const id = feature.properties?.id ?? feature.id;
  return id === undefined || id === null || id === '' ? `#${index + 1}` : String(id);
}

/**
 * Classifies every plot against the union of the boundary layer and the union of the control layer.
 * @param plots plot layer, WGS84 lon/lat
 * @param boundary development boundaries (城镇开发边界), WGS84 lon/lat
 * @param control industrial control zones (工业控制线), WGS84 lon/lat
 * @returns one result per plot feature, in order, and the problems met
 */
export function classifyPlots(
  plots: FeatureCollection,
  boundary: FeatureCollection,
  control: FeatureCollection,
  options: ClassifyOptions = {},
): Classification {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const { boundaryZones, controlZones } = prepareClassificationZones(boundary, control);
  return classifyWithZones(plots, boundaryZones, controlZones, tolerance, options);
}

/** The boundary and control layers dissolved and indexed, as classifyPlots prepares them. */
export function prepareClassificationZones(
  boundary: FeatureCollection,
  control: FeatureCollection,
): { boundaryZones: ZoneLayer; controlZones: ZoneLayer } {
  return {
    boundaryZones: prepareZoneLayer(boundary, { zh: '城镇开发边界', en: 'development boundary layer' }),
    controlZones: prepareZoneLayer(control, { zh: '工业控制线', en: 'control line layer' }),
  };
}

/** As classifyPlots, with layers prepared once (a scenario edit or a second plot layer reuses them). */
export function classifyWithZones(
  plots: FeatureCollection,
  boundaryZones: ZoneLayer,
  controlZones: ZoneLayer,
  tolerance: number,
  options: Pick<ClassifyOptions, 'onProgress' | 'signal' | 'compact' | 'geometryOf'> = {},
): Classification {
  const problems: Problem[] = [...boundaryZones.problems, ...controlZones.problems];
  const results: PlotResult[] = new Array(plots.features.length);
  const total = plots.features.length;
  const makeResult = options.compact ? compactResults(total) : plainResult;
  const progressEvery = Math.max(1, Math.floor(total / 100));
  const geometryAt = geometryAtOf(plots, options.geometryOf);
  // Each plot's box, read only while the plot is classified.
  const scratchBox: [number, number, number, number] = [0, 0, 0, 0];

  for (let index = 0; index < total; index++) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
    if (options.onProgress && index % progressEvery === 0) options.onProgress(index / total);
    const feature = plots.features[index] as Feature;
    const id = plotIdOf(feature, index);
    const geometry = geometryAt(index);
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      results[index] = makeResult(index, id, 0, Number.NaN, Number.NaN, null);
      problems.push(unclassifiable(index, id, { zh: '没有面状几何图形', en: 'it has no polygon geometry' }));
      continue;
    }
    const areaM2 = geometryAreaM2(geometry);
    const box = geometryBox(geometry, scratchBox);
    try {
      const inBoundaryM2 = areaInside(boundaryZones, geometry, box, areaM2);
      const inControlM2 = areaInside(controlZones, geometry, box, areaM2);
      const status = statusOf(areaM2, inBoundaryM2, inControlM2, tolerance);
      results[index] = makeResult(index, id, areaM2, inBoundaryM2, inControlM2, status);
    } catch (error) {
      results[index] = makeResult(index, id, areaM2, Number.NaN, Number.NaN, null);
      problems.push(
        unclassifiable(index, id, {
          zh: `叠加计算失败（${String(error)}）`,
          en: `the overlay failed (${String(error)})`,
        }),
      );
    }
  }
  options.onProgress?.(1);
  return { results, problems };
}

function unclassifiable(index: number, id: string, reason: { zh: string; en: string }): Problem {
  return {
    code: 'unclassifiable-plot',
    severity: 'error',
    featureIndex: index,
    featureId: id,
    message: {
      zh: `地块图层第 ${index + 1} 个要素（${id}）无法分类：${reason.zh}。请在 GIS 软件中检查并修复该地块的几何图形；其他地块照常计算。`,
      en: `Plot feature ${index + 1} (${id}) cannot be classified: ${reason.en}. Check and repair its geometry in a GIS; the other plots are computed as usual.`,
    },
  };
}
