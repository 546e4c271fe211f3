/**
 * The plots' polygons as the page keeps them: lon/lat packed into typed arrays, plot by plot in the
 * layer's order, so that 100,000 plots are a few buffers instead of millions of small arrays (the
 * features themselves, with their properties and any third coordinate, stay in the analysis worker).
 * Coordinates are the features' own numbers, not rounded.
 */

import type { Box } from './geometry/clip-to-box.ts';
import type { AreaGeometry, FeatureCollection, Position } from './types.ts';

export interface PlotOutlines {
  /** Plots in the layer (with or without a polygon). */
  count: number;
  /** Per plot: 0 no polygon geometry, 1 Polygon, 2 MultiPolygon. */
  kind: Uint8Array;
  /** Plot i's polygons are `polygonStart[i] … polygonStart[i + 1] - 1` (length count + 1). */
  polygonStart: Uint32Array;
  /** Polygon p's rings are `ringStart[p] … ringStart[p + 1] - 1` (length polygons + 1). */
  ringStart: Uint32Array;
  /** Ring r's vertices are `vertexStart[r] … vertexStart[r + 1] - 1` (length rings + 1). */
  vertexStart: Uint32Array;
  /** lon, lat per vertex (WGS84 degrees). */
  coords: Float64Array;
}

const KIND_NONE = 0;
const KIND_POLYGON = 1;
const KIND_MULTI = 2;

/** The polygons of `geometry` as a list (none for anything that is not a Polygon or MultiPolygon). */
function polygonsOf(geometry: unknown): Position[][][] {
  const { type, coordinates } = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return [];
  if (type === 'Polygon') return [coordinates as Position[][]];
  if (type === 'MultiPolygon') return coordinates as Position[][][];
  return [];
}

/**
 * Packs the plot layer's polygons (WGS84 lon/lat; positions beyond the second value are dropped).
 * @example packPlotOutlines({ type: 'FeatureCollection', features: [square] }).count // 1
 */
export function packPlotOutlines(plots: FeatureCollection<unknown, unknown>): PlotOutlines {
  const features = plots.features;
  let polygonCount = 0;
  let ringCount = 0;
  let vertexCount = 0;
  for (const feature of features) {
    for (const polygon of polygonsOf(feature.geometry)) {
      polygonCount++;
      ringCount += polygon.length;
      for (const ring of polygon) vertexCount += ring.length;
    }
  }
  const outlines: PlotOutlines = {
    count: features.length,
    kind: new Uint8Array(features.length),
    polygonStart: new Uint32Array(features.length + 1),
    ringStart: new Uint32Array(polygonCount + 1),
    vertexStart: new Uint32Array(ringCount + 1),
    coords: new Float64Array(2 * vertexCount),
  };
  let polygon = 0;
  let ring = 0;
  let vertex = 0;
  features.forEach((feature, index) => {
    const type = (feature.geometry as { type?: unknown } | null)?.type;
    outlines.kind[index] =
      type === 'Polygon' ? KIND_POLYGON : type === 'MultiPolygon' ? KIND_MULTI : KIND_NONE;
    outlines.polygonStart[index] = polygon;
    for (const rings of polygonsOf(feature.geometry)) {
      outlines.ringStart[polygon++] = ring;
      for (const positions of rings) {
        outlines.vertexStart[ring++] = vertex;
        for (const position of positions) {
          outlines.coords[2 * vertex] = position[0] as number;
          outlines.coords[2 * vertex + 1] = position[1] as number;
          vertex++;
        }
      }
    }
  });
  outlines.polygonStart[features.length] = polygon;
  outlines.ringStart[polygon] = ring;
  outlines.vertexStart[ring] = vertex;
  return outlines;
}

/** The buffers of `outlines`, for postMessage's transfer list. */
export function plotOutlineBuffers(outlines: PlotOutlines): ArrayBuffer[] {
  const { kind, polygonStart, ringStart, vertexStart, coords } = outlines;
  return [kind, polygonStart, ringStart, vertexStart, coords].map((array) => array.buffer as ArrayBuffer);
}

/** No plots. */
export function emptyPlotOutlines(): PlotOutlines {
  return packPlotOutlines({ type: 'FeatureCollection', features: [] });
}

/**
 * Calls `visit` with each ring of plot `index` as its vertex range in `outlines.coords` (vertex v
 * is at 2v, 2v + 1), outer ring of each polygon first.
 */
export function forEachPlotRing(
  outlines: PlotOutlines,
  index: number,
  visit: (start: number, end: number, polygon: number, ringInPolygon: number) => void,
): void {
  if (index < 0 || index >= outlines.count) return;
  const polygonEnd = outlines.polygonStart[index + 1] as number;
  for (let polygon = outlines.polygonStart[index] as number; polygon < polygonEnd; polygon++) {
    const ringStart = outlines.ringStart[polygon] as number;
    const ringEnd = outlines.ringStart[polygon + 1] as number;
    for (let ring = ringStart; ring < ringEnd; ring++) {
      visit(
        outlines.vertexStart[ring] as number,
        outlines.vertexStart[ring + 1] as number,
        polygon,
        ring - ringStart,
      );
    }
  }
}

/**
 * Reads plot geometries from `outlines` into arrays it keeps and reuses: a geometry it gives (the
 * same numbers as plotOutlineGeometry's) holds until the next call, for a loop that keeps nothing
 * of a plot once past it. The classification made each of 516,000 geometries anew, and V8 kept
 * about 40 MB of their arrays past its young generation, until a later full collection.
 */
export function plotGeometryReader(outlines: PlotOutlines): (index: number) => AreaGeometry | null {
  const positionPool: Position[] = [];
  const ringPool: Position[][] = [];
  const polygonPool: Position[][][] = [];
  const parts: Position[][][] = [];
  const polygon: { type: 'Polygon'; coordinates: Position[][] } = { type: 'Polygon', coordinates: [] };
  const multiPolygon = { type: 'MultiPolygon' as const, coordinates: parts };
  const { polygonStart, ringStart, vertexStart, coords } = outlines;
  // Arrays written by index and cut to length: emptied (length 0) and pushed to, each ring's
  // array was made anew for each plot, and those that met a collection outlived the young generation.
  return (index) => {
    const kind = outlines.kind[index];
    if (kind === undefined || kind === KIND_NONE) return null;
    const firstPolygon = polygonStart[index] as number;
    const polygons = (polygonStart[index + 1] as number) - firstPolygon;
    let ringAt = 0;
    let vertexAt = 0;
    for (let p = 0; p < polygons; p++) {
      const rings = polygonPool[p] ?? [];
      polygonPool[p] = rings;
      const firstRing = ringStart[firstPolygon + p] as number;
      const ringCount = (ringStart[firstPolygon + p + 1] as number) - firstRing;
      for (let r = 0; r < ringCount; r++) {
        const ring = ringPool[ringAt] ?? [];
        ringPool[ringAt++] = ring;
        const from = vertexStart[firstRing + r] as number;
        const count = (vertexStart[firstRing + r + 1] as number) - from;
        for (let v = 0; v < count; v++) {
          const position = positionPool[vertexAt] ?? [0, 0];
          positionPool[vertexAt++] = position;
          position[0] = coords[2 * (from + v)] as number;
          position[1] = coords[2 * (from + v) + 1] as number;
          ring[v] = position;
        }
        ring.length = count;
        rings[r] = ring;
      }
      rings.length = ringCount;
      parts[p] = rings;
    }
    parts.length = polygons;
    if (kind === KIND_MULTI) return multiPolygon;
    polygon.coordinates = parts[0] ?? [];
    return polygon;
  };
}

/** Plot `index`'s geometry as GeoJSON (the same numbers as its feature's), or null without a polygon. */
export function plotOutlineGeometry(outlines: PlotOutlines, index: number): AreaGeometry | null {
  const kind = outlines.kind[index];
  if (kind === undefined || kind === KIND_NONE) return null;
  const polygons: Position[][][] = [];
  forEachPlotRing(outlines, index, (start, end, _, ringInPolygon) => {
    const ring: Position[] = [];
    for (let v = start; v < end; v++)
      ring.push([outlines.coords[2 * v] as number, outlines.coords[2 * v + 1] as number]);
    if (ringInPolygon === 0) polygons.push([ring]);
    else polygons[polygons.length - 1]?.push(ring);
  });
  return kind === KIND_POLYGON
    ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Widens `box` ([minX, minY, maxX, maxY], changed in place) to take in the x, y pairs of `flat`,
 * from pair `from` up to pair `to` (all of them unless told).
 * @example const box = [Infinity, Infinity, -Infinity, -Infinity]; extendBoxByPairs(box, [1, 2, 3, 0]); // [1, 0, 3, 2]
 */
export function extendBoxByPairs(
  box: number[],
  flat: ArrayLike<number>,
  from = 0,
  to = Math.ceil(flat.length / 2),
): void {
  for (let v = from; v < to; v++) {
    const x = flat[2 * v] as number;
    const y = flat[2 * v + 1] as number;
    if (x < (box[0] as number)) box[0] = x;
    if (y < (box[1] as number)) box[1] = y;
    if (x > (box[2] as number)) box[2] = x;
    if (y > (box[3] as number)) box[3] = y;
  }
}

/**
 * Plot `index`'s box, [west, south, east, north] of its polygons' outer rings (as geometryBox gives
 * it for the plot's geometry), in a new array or in `into`; null for a plot without a polygon.
 */
export function outlineBox(
  outlines: PlotOutlines,
  index: number,
  into?: [number, number, number, number],
): Box | null {
  const kind = outlines.kind[index];
  if (kind === undefined || kind === KIND_NONE) return null;
  const box = into ?? [0, 0, 0, 0];
  box.fill(Infinity, 0, 2).fill(-Infinity, 2);
  forEachPlotRing(outlines, index, (start, end, _, ringInPolygon) => {
    if (ringInPolygon === 0) extendBoxByPairs(box, outlines.coords, start, end);
  });
  return box;
}

/** [west, south, east, north] of every plot's vertices, or null when there are none. */
export function plotOutlinesBox(outlines: PlotOutlines): Box | null {
  if (outlines.coords.length === 0) return null;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  extendBoxByPairs(box, outlines.coords);
  return box as unknown as Box;
}
