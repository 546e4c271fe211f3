/**
 * A boundary or control layer prepared for overlay: its polygons dissolved into one union (so that
 * overlapping zones never count a piece of land twice), with packed R-trees over the union's
 * polygons and over its edges, and a grid that answers "wholly inside / wholly outside" for boxes
 * far from every edge. Built once per layer; queried for every plot.
 */

import Flatbush from 'flatbush';
import polygonClipping, { type MultiPolygon as ClipMultiPolygon, type Geom } from 'polygon-clipping';
import { type Box, clipRingToBox } from '../geometry/clip-to-box.ts';
import { clipRingToConvex, convexVertices } from '../geometry/clip-to-convex.ts';
import { geometryAreaM2, ringSignedArea } from '../geometry/ellipsoidal-area.ts';
import type { AreaGeometry, FeatureCollection, PolygonCoords, Problem, Ring } from '../types.ts';

export interface ZoneLayer {
  /** Disjoint polygons of the union, [lon, lat] degrees. */
  polygons: PolygonCoords[];
  /** R-tree over the polygons' bounding boxes; item i is polygons[i]. */
  polygonIndex: Flatbush | null;
  /** Edges of every ring of the union as x1, y1, x2, y2. */
  edges: Float64Array;
  /** R-tree over the edges' bounding boxes; item i is edges[4i … 4i+3]. */
  edgeIndex: Flatbush | null;
  /** Which cells of a grid over the union's extent are inside, outside or near an edge. */
  grid: ZoneGrid | null;
  /** Problems met while dissolving (a zone that could not be used is named here). */
  problems: Problem[];
}

/** Positions a polygon-clipping input needs: pairs only, no altitude. */
function toClipGeometry(geometry: AreaGeometry): Geom {
  const pairs = (rings: PolygonCoords) =>
    rings.map((ring) =>
      ring.map((position) => [position[0] as number, position[1] as number] as [number, number]),
    );
  return geometry.type === 'Polygon' ? pairs(geometry.coordinates) : geometry.coordinates.map(pairs);
}

/**
 * Dissolves a layer's polygons and indexes the union. A zone whose geometry cannot be dissolved is
 * left out and reported as a problem of that feature; the others are still used.
 * @param layer a boundary or control layer in WGS84 lon/lat
 * @param layerName for messages, e.g. 城镇开发边界 / development boundary
 */
export function prepareZoneLayer(layer: FeatureCollection, layerName: { zh: string; en: string }): ZoneLayer {
  const problems: Problem[] = [];
  const geometries: { index: number; id: string | number | undefined; geometry: Geom }[] = [];
  layer.features.forEach((feature, index) => {
    const geometry = feature?.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return;
    geometries.push({
      index,
      id: feature.id ?? (feature.properties?.id as string | undefined),
      geometry: toClipGeometry(geometry),
    });
  });

  let union: ClipMultiPolygon = [];
  if (geometries.length > 0) {
    try {
      union = polygonClipping.union(
        geometries[0]?.geometry as Geom,
        ...geometries.slice(1).map((g) => g.geometry),
      );
    } catch {
      // Find the zones that break the overlay by adding them one at a time.
      union = [];
      for (const { index, id, geometry } of geometries) {
        try {
          union =
            union.length === 0 ? polygonClipping.union(geometry) : polygonClipping.union(union, geometry);
        } catch (error) {
          problems.push({
            code: 'overlay-failed',
            severity: 'error',
            featureIndex: index,
            ...(id === undefined ? {} : { featureId: id }),
            message: {
              zh: `${layerName.zh}第 ${index + 1} 个要素${id === undefined ? '' : `（${id}）`}的几何图形无法参与叠加分析，已跳过：${String(error)}。请在 GIS 软件中修复几何图形后重新导入。`,
              en: `Feature ${index + 1}${id === undefined ? '' : ` (${id})`} of the ${layerName.en} cannot be overlaid and was left out: ${String(error)}. Repair its geometry in a GIS and import it again.`,
            },
          });
        }
      }
    }
  }

  const polygons = union as PolygonCoords[];
  let edgeCount = 0;
  for (const polygon of polygons) for (const ring of polygon) edgeCount += Math.max(ring.length - 1, 0);

  const edges = new Float64Array(edgeCount * 4);
  const edgeIndex = edgeCount > 0 ? new Flatbush(edgeCount) : null;
  const polygonIndex = polygons.length > 0 ? new Flatbush(polygons.length) : null;
  let e = 0;
  for (const polygon of polygons) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as number[];
        const b = ring[i + 1] as number[];
        const x1 = a[0] as number;
        const y1 = a[1] as number;
        const x2 = b[0] as number;
        const y2 = b[1] as number;
        edges[e * 4] = x1;
        edges[e * 4 + 1] = y1;
        edges[e * 4 + 2] = x2;
        edges[e * 4 + 3] = y2;
        edgeIndex?.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
        e++;
        if (x1 < minX) minX = x1;
        if (y1 < minY) minY = y1;
        if (x1 > maxX) maxX = x1;
        if (y1 > maxY) maxY = y1;
      }
    }
    polygonIndex?.add(minX, minY, maxX, maxY);
  }
  edgeIndex?.finish();
  polygonIndex?.finish();
  const grid = edgeIndex ? buildZoneGrid(edges, edgeIndex) : null;
  return { polygons, polygonIndex, edges, edgeIndex, grid, problems };
}

/** Grid cell states, and the answer of {@link boxStateInZones}. */
export const OUTSIDE = 0;
export const INSIDE = 1;
export const NEAR_EDGE = 2;
export type BoxState = typeof OUTSIDE | typeof INSIDE | typeof NEAR_EDGE;

/**
 * A raster over the union's extent. Cell (i, j) holds the points with
 * floor((x − minX)·xScale) = i and floor((y − minY)·yScale) = j; its state is NEAR_EDGE when an
 * edge of the union passes within GRID_MARGIN of it, else whether its points are INSIDE or OUTSIDE.
 */
export interface ZoneGrid {
  minX: number;
  minY: number;
  /** Cells per degree of longitude and of latitude. */
  xScale: number;
  yScale: number;
  columns: number;
  rows: number;
  /** State of cell (i, j) at j·columns + i. */
  cells: Uint8Array;
}

/**
 * Cells per edge of the union, within [GRID_MIN_CELLS, GRID_MAX_CELLS]: about a million cells (~30 m
 * on a county, 1 MB) for a county's detailed zones, fewer for a town's few boundaries, whose grid is
 * built once per town. The grid only saves work: every answer it does not give is found from the
 * edges, with the same result.
 */
const GRID_CELLS_PER_EDGE = 512;
const GRID_MIN_CELLS = 1 << 16;
const GRID_MAX_CELLS = 1 << 20;
/**
 * Degrees (about 0.1 mm) by which edges are widened when marking cells: far above the rounding of
 * any comparison made on these coordinates, so a cell not marked is decided the same way from any
 * of its points.
 */
const GRID_MARGIN = 1e-9;

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * Builds the grid: decides the cells of each row by the even–odd rule along the row's centre line,
 * with the crossing formula of isPointInZones so that both always agree, then marks the cells every
 * edge passes near (row by row, along the edge rather than over its bounding box), over whatever
 * the rule said. The inside runs are filled whole (a native fill, not a test per cell: a county's
 * grids hold millions of cells), which the marks then overwrite.
 */
function buildZoneGrid(edges: Float64Array, edgeIndex: Flatbush): ZoneGrid {
  const minX = edgeIndex.minX - 2 * GRID_MARGIN;
  const minY = edgeIndex.minY - 2 * GRID_MARGIN;
  const width = edgeIndex.maxX + 2 * GRID_MARGIN - minX;
  const height = edgeIndex.maxY + 2 * GRID_MARGIN - minY;
  const target = clamp((edges.length / 4) * GRID_CELLS_PER_EDGE, GRID_MIN_CELLS, GRID_MAX_CELLS);
  const cellSize = Math.sqrt((width * height) / target);
  const columns = clamp(Math.ceil(width / cellSize), 1, 4096);
  const rows = clamp(Math.ceil(height / cellSize), 1, 4096);
  const xScale = columns / width;
  const yScale = rows / height;
  const cells = new Uint8Array(columns * rows);
  const column = (x: number) => clamp(Math.floor((x - minX) * xScale), 0, columns - 1);
  const row = (y: number) => clamp(Math.floor((y - minY) * yScale), 0, rows - 1);
  const edgeCount = edges.length / 4;

  // Crossings of each row's centre line, as x values.
  const crossings: number[][] = Array.from({ length: rows }, () => []);
  for (let e = 0; e < edgeCount; e++) {
    const x1 = edges[e * 4] as number;
    const y1 = edges[e * 4 + 1] as number;
    const x2 = edges[e * 4 + 2] as number;
    const y2 = edges[e * 4 + 3] as number;
    const lastRow = row(Math.max(y1, y2));
    for (let j = row(Math.min(y1, y2)); j <= lastRow; j++) {
      const y = minY + (j + 0.5) / yScale;
      if (y1 > y !== y2 > y) (crossings[j] as number[]).push(((x2 - x1) * (y - y1)) / (y2 - y1) + x1);
    }
  }
  for (let j = 0; j < rows; j++) {
    const xs = (crossings[j] as number[]).sort((a, b) => a - b);
    // Even–odd: a cell centre is inside when an odd number of crossings lie east of it (x < crossing).
    // Cells next to a crossing are marked NEAR_EDGE below, so rounding at the run ends does not matter.
    for (let k = 0; k + 1 < xs.length; k++) {
      if ((xs.length - k - 1) % 2 === 0) continue;
      const from = Math.max(Math.ceil(((xs[k] as number) - minX) * xScale - 0.5), 0);
      const to = Math.min(Math.ceil(((xs[k + 1] as number) - minX) * xScale - 0.5), columns);
      if (from < to) cells.fill(INSIDE, j * columns + from, j * columns + to);
    }
  }

  for (let e = 0; e < edgeCount; e++) {
    const x1 = edges[e * 4] as number;
    const y1 = edges[e * 4 + 1] as number;
    const x2 = edges[e * 4 + 2] as number;
    const y2 = edges[e * 4 + 3] as number;
    const lowY = Math.min(y1, y2);
    const highY = Math.max(y1, y2);
    const lastRow = row(highY + GRID_MARGIN);
    for (let j = row(lowY - GRID_MARGIN); j <= lastRow; j++) {
      // The part of the edge within this row's band, widened by the margin.
      const bandLow = Math.max(minY + j / yScale - GRID_MARGIN, lowY);
      const bandHigh = Math.min(minY + (j + 1) / yScale + GRID_MARGIN, highY);
      let fromX = Math.min(x1, x2);
      let toX = Math.max(x1, x2);
      if (y1 !== y2) {
        const xa = x1 + ((x2 - x1) * (bandLow - y1)) / (y2 - y1);
        const xb = x1 + ((x2 - x1) * (bandHigh - y1)) / (y2 - y1);
        fromX = Math.max(Math.min(xa, xb), fromX);
        toX = Math.min(Math.max(xa, xb), toX);
      }
      const lastColumn = column(toX + GRID_MARGIN);
      const firstColumn = column(fromX - GRID_MARGIN);
      if (firstColumn <= lastColumn)
        cells.fill(NEAR_EDGE, j * columns + firstColumn, j * columns + lastColumn + 1);
    }
  }
  return { minX, minY, xScale, yScale, columns, rows, cells };
}

/**
 * Whether a box lies wholly outside the union, wholly inside it, or near one of its edges, from the
 * grid alone (no edge is looked at). When the answer is INSIDE or OUTSIDE, no edge of the union
 * comes within GRID_MARGIN of the box, so every point of the box gets that answer from
 * isPointInZones too.
 */
export function boxStateInZones(zones: ZoneLayer, box: Box): BoxState {
  const grid = zones.grid;
  if (!grid) return OUTSIDE;
  const { minX, minY, xScale, yScale, columns, rows, cells } = grid;
  const fromI = Math.floor((box[0] - minX) * xScale);
  const toI = Math.floor((box[2] - minX) * xScale);
  const fromJ = Math.floor((box[1] - minY) * yScale);
  const toJ = Math.floor((box[3] - minY) * yScale);
  if (toI < 0 || toJ < 0 || fromI >= columns || fromJ >= rows) return OUTSIDE;
  // Beyond the grid there is no edge and nothing inside.
  const beyond = fromI < 0 || fromJ < 0 || toI >= columns || toJ >= rows;
  const state = beyond ? OUTSIDE : (cells[fromJ * columns + fromI] as BoxState);
  if (state === NEAR_EDGE) return NEAR_EDGE;
  const lastJ = Math.min(toJ, rows - 1);
  const lastI = Math.min(toI, columns - 1);
  for (let j = Math.max(fromJ, 0); j <= lastJ; j++) {
    for (let i = Math.max(fromI, 0); i <= lastI; i++) {
      if (cells[j * columns + i] !== state) return NEAR_EDGE;
    }
  }
  return state;
}

/**
 * True when the point lies inside the union (even–odd rule over all rings, which is exact because
 * the union's polygons are disjoint and their holes are rings of their own).
 */
export function isPointInZones(zones: ZoneLayer, x: number, y: number): boolean {
  const index = zones.edgeIndex;
  if (!index) return false;
  let inside = false;
  const { edges } = zones;
  // Only edges whose box meets the ray from (x, y) eastwards can cross it.
  for (const i of index.search(x, y, index.maxX, y)) {
    const x1 = edges[i * 4] as number;
    const y1 = edges[i * 4 + 1] as number;
    const x2 = edges[i * 4 + 2] as number;
    const y2 = edges[i * 4 + 3] as number;
    if (crossesRayEast(x1, y1, x2, y2, x, y)) inside = !inside;
  }
  return inside;
}

/** True when the segment crosses the ray from (x, y) eastwards (half-open in y, so vertices count once). */
function crossesRayEast(x1: number, y1: number, x2: number, y2: number, x: number, y: number): boolean {
  return y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1;
}

/** Even–odd point-in-polygon over every ring of a set of polygons. */
function isPointInPolygons(polygons: readonly PolygonCoords[], x: number, y: number): boolean {
  let inside = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let j = 0, k = ring.length - 1; j < ring.length; k = j++) {
        const a = ring[j] as number[];
        const b = ring[k] as number[];
        if (crossesRayEast(a[0] as number, a[1] as number, b[0] as number, b[1] as number, x, y))
          inside = !inside;
      }
    }
  }
  return inside;
}

/** Sign of the cross product (b − a) × (c − a): which side of ab the point c lies on. */
function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

/** True when the closed segments ab and cd meet (crossing, touching or overlapping). */
function segmentsMeet(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const o1 = orientation(ax, ay, bx, by, cx, cy);
  const o2 = orientation(ax, ay, bx, by, dx, dy);
  const o3 = orientation(cx, cy, dx, dy, ax, ay);
  const o4 = orientation(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  // Collinear cases: meet when the boxes overlap (a touch counts, so such plots are clipped).
  const boxesMeet =
    Math.min(ax, bx) <= Math.max(cx, dx) &&
    Math.min(cx, dx) <= Math.max(ax, bx) &&
    Math.min(ay, by) <= Math.max(cy, dy) &&
    Math.min(cy, dy) <= Math.max(ay, by);
  return boxesMeet && (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0);
}

/**
 * True when some edge of the union meets some edge of the geometry (a crossing or a touch) or lies
 * inside it. When false, each part of the geometry lies wholly inside or wholly outside the union.
 * Without `polygons`, true when some edge's bounding box meets the box.
 * @param box the geometry's bounding box
 * @param polygons the geometry's polygons (a Polygon's coordinates wrapped in an array)
 */
export function hasEdgeNear(zones: ZoneLayer, box: Box, polygons?: readonly PolygonCoords[]): boolean {
  const index = zones.edgeIndex;
  if (!index) return false;
  const candidates = index.search(box[0], box[1], box[2], box[3]);
  if (candidates.length === 0) return false;
  if (!polygons) return true;
  const { edges } = zones;
  // A zone ring wholly inside the plot meets none of its edges; an endpoint inside the plot finds it.
  for (const i of candidates) {
    if (isPointInPolygons(polygons, edges[i * 4] as number, edges[i * 4 + 1] as number)) return true;
  }
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let j = 0; j + 1 < ring.length; j++) {
        const a = ring[j] as number[];
        const b = ring[j + 1] as number[];
        const ax = a[0] as number;
        const ay = a[1] as number;
        const bx = b[0] as number;
        const by = b[1] as number;
        for (const i of candidates) {
          const cx = edges[i * 4] as number;
          const cy = edges[i * 4 + 1] as number;
          const dx = edges[i * 4 + 2] as number;
          const dy = edges[i * 4 + 3] as number;
          if (Math.max(cx, dx) < Math.min(ax, bx) || Math.min(cx, dx) > Math.max(ax, bx)) continue;
          if (Math.max(cy, dy) < Math.min(ay, by) || Math.min(cy, dy) > Math.max(ay, by)) continue;
          if (segmentsMeet(ax, ay, bx, by, cx, cy, dx, dy)) return true;
        }
      }
    }
  }
  return false;
}

/**
 * Vertices of a convex plot at most for Sutherland–Hodgman clipping (see overlapAreaM2): a circle of
 * 300,000 vertices took minutes that way, 11 s through polygon-clipping.
 */
const MAX_CONVEX_CLIP_VERTICES = 4096;

/**
 * Ellipsoidal area, m², of the intersection of a geometry with the union. Throws when the overlay
 * fails on this geometry; callers turn that into a problem of the feature.
 *
 * A plot that is one convex ring (most are) of at most MAX_CONVEX_CLIP_VERTICES vertices takes
 * Sutherland–Hodgman clipping of the union's rings against it, a few microseconds; any other shape
 * goes through polygon-clipping, about a hundred times slower for a plot of a few vertices. Both give
 * the area of the same region.
 * @param geometry a plot, WGS84 lon/lat
 * @param box its bounding box
 */
export function overlapAreaM2(zones: ZoneLayer, geometry: AreaGeometry, box: Box): number {
  const index = zones.polygonIndex;
  if (!index) return 0;
  // A margin strictly larger than the plot keeps the clipped zone's border edges off the plot.
  const marginX = (box[2] - box[0]) * 0.01 + 1e-7;
  const marginY = (box[3] - box[1]) * 0.01 + 1e-7;
  const clipBox: Box = [box[0] - marginX, box[1] - marginY, box[2] + marginX, box[3] + marginY];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates[0];
  const isOneRing = rings?.length === 1 && (geometry.type === 'Polygon' || geometry.coordinates.length === 1);
  // Sutherland–Hodgman's result takes in the plot's vertices along the zone's piece, each then
  // clipped by every edge after: a plot of hundreds of thousands of vertices (a circle drawn
  // finely) goes through polygon-clipping, whose time grows far less.
  const convex =
    isOneRing && (rings[0]?.length ?? 0) <= MAX_CONVEX_CLIP_VERTICES
      ? convexVertices(rings[0] as Ring)
      : null;
  if (convex) {
    let area = 0;
    for (const i of index.search(clipBox[0], clipBox[1], clipBox[2], clipBox[3])) {
      const polygon = zones.polygons[i] as PolygonCoords;
      for (let r = 0; r < polygon.length; r++) {
        // The box first: it cuts a long zone ring down to the few vertices near the plot, cheaply.
        const near = clipRingToBox(polygon[r] as Ring, clipBox);
        const part = near && clipRingToConvex(near, convex);
        // The union's holes lie inside its outer rings, so their overlap is taken away.
        if (part) area += (r === 0 ? 1 : -1) * Math.abs(ringSignedArea(part));
      }
    }
    return area;
  }
  const pieces: [number, number][][][] = [];
  for (const i of index.search(clipBox[0], clipBox[1], clipBox[2], clipBox[3])) {
    const polygon = zones.polygons[i] as PolygonCoords;
    const clipped: [number, number][][] = [];
    for (const ring of polygon) {
      const part = clipRingToBox(ring, clipBox);
      if (part) clipped.push(part as [number, number][]);
      else if (clipped.length === 0) break;
    }
    if (clipped.length > 0) pieces.push(clipped);
  }
  if (pieces.length === 0) return 0;
  const intersection = polygonClipping.intersection(toClipGeometry(geometry), pieces);
  return geometryAreaM2({ type: 'MultiPolygon', coordinates: intersection });
}
