/**
 * Plots that overlap each other, and plots that repeat another's geometry. A pair overlaps when
 * their common area (ellipsoidal, m²) is at least MIN_SHARED_M2: neighbours that only share an edge
 * or a corner never count. Duplicates are overlapping pairs whose common area is each plot's whole
 * area to within MIN_SHARED_M2 (the same land, whatever the vertex order, start or extra vertices).
 *
 * Candidates come from a grid over the plots' boxes (box-pairs.ts). Most candidates are neighbours; a
 * quick exact test rejects them without an overlay: two convex plots are apart when an edge of one
 * has all of the other on its outer side (the separating axis theorem); for other shapes, interiors
 * meet only where a vertex of one lies strictly inside the other, two edges cross, or a point a
 * millimetre to either side of an edge's midpoint lies inside both. Only pairs that pass are clipped
 * (Sutherland–Hodgman for two convex plots, polygon-clipping otherwise).
 */

import polygonClipping, { type Geom } from 'polygon-clipping';
import { clipRingToConvex } from '../geometry/clip-to-convex.ts';
import { geometryAreaM2, ringSignedArea } from '../geometry/ellipsoidal-area.ts';
import type { PlotOutlines } from '../plot-outlines.ts';
import { releaseBuffers } from '../release-buffers.ts';
import type { AreaGeometry, FeatureCollection, Ring } from '../types.ts';
import { BoxPairs } from './box-pairs.ts';
import { MIN_SHARED_M2 } from './place-checks.ts';

export interface OverlapPair {
  /** Indices of the two plots in their layer, a < b. */
  a: number;
  b: number;
  /** Their common area, m² (ellipsoidal). */
  areaM2: number;
}

export interface PlotOverlaps {
  /** The overlapping pairs, by a then b: all of them, or the first MAX_LISTED_PAIRS found. */
  pairs: OverlapPair[];
  /** How many pairs overlap, listed or not. */
  pairCount: number;
  /** Per plot: 1 when it is in an overlapping pair. */
  overlapping: Uint8Array;
  /** The pairs' common areas summed, m² (land under three plots counts in each of its three pairs). */
  overlapM2: number;
  /** Plots with the same geometry, as groups of indices (ascending), by their first index. */
  duplicateGroups: number[][];
  /** Plots that repeat the geometry of an earlier plot: the groups' sizes less one each. */
  duplicateGeometries: number;
}

/**
 * Overlapping pairs listed at most; all are counted. A layer far from the usual (the same plot
 * drawn thousands of times) has millions of pairs, and listing them all in summary.json took
 * gigabytes (3,000 copies of one plot: 4.5 million pairs, a 527 MB summary, 4 GB of memory).
 */
export const MAX_LISTED_PAIRS = 100_000;

/**
 * Copies of one geometry (the same positions in the same rings), from this many on, are searched
 * as one plot, and their pairs among themselves and with their neighbours counted, not found one by
 * one: n copies make n·(n − 1)/2 pairs, each an overlay (100,000 copies would take days). Fewer
 * copies are found pair by pair, as any other plots.
 */
const MANY_COPIES = 64;

/** A point this close to an edge, degrees (about 0.1 mm), counts as on it. */
const ON_EDGE_DEGREES = 1e-9;
/** How far beside an edge's midpoint the probe points lie, degrees (about 1 mm). */
const PROBE_DEGREES = 1e-8;

/**
 * The plots' rings packed in one array (no object per ring: 100,000 plots would keep the garbage
 * collector busy): ring r holds the positions xy[2·ringStart[r]] … up to ringStart[r + 1], closed;
 * plot i holds the rings plotRing[i] … plotRing[i + 1]. Typed arrays only, so that a layer read in
 * parts on several threads sends its rings as they are (see {@link concatPackedRings}).
 */
export interface PackedRings {
  xy: Float64Array;
  ringStart: Int32Array;
  plotRing: Int32Array;
  /** Per plot: 1 when it is one strictly convex ring running counter-clockwise, -1 clockwise, else 0. */
  convex: Int8Array;
  /** Per ring: 1 when it is the first ring (the shell) of a polygon. */
  shell: Uint8Array;
  /** Per plot: 1 when its geometry is a MultiPolygon. */
  multi: Uint8Array;
}

export function packRings(plots: FeatureCollection): PackedRings {
  const n = plots.features.length;
  let positions = 0;
  let rings = 0;
  for (const feature of plots.features) {
    const geometry = feature?.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
      for (const ring of polygon) {
        positions += ring.length + 1;
        rings++;
      }
    }
  }
  const xy = new Float64Array(positions * 2);
  const ringStart = new Int32Array(rings + 1);
  const plotRing = new Int32Array(n + 1);
  const convex = new Int8Array(n);
  const shell = new Uint8Array(rings);
  const multi = new Uint8Array(n);
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    plotRing[i] = r;
    const geometry = plots.features[i]?.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    if (geometry.type === 'MultiPolygon') multi[i] = 1;
    for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
      let firstRing = true;
      for (const ring of polygon) {
        const first = ring[0];
        const last = ring[ring.length - 1];
        if (!first || !last || ring.length < 3) continue;
        if (firstRing) shell[r] = 1;
        firstRing = false;
        ringStart[r++] = p;
        for (const position of ring) {
          xy[2 * p] = position[0] as number;
          xy[2 * p + 1] = position[1] as number;
          p++;
        }
        if (first[0] !== last[0] || first[1] !== last[1]) {
          xy[2 * p] = first[0] as number;
          xy[2 * p + 1] = first[1] as number;
          p++;
        }
      }
    }
    if (r - (plotRing[i] as number) === 1) convex[i] = convexSign(xy, ringStart[r - 1] as number, p);
  }
  plotRing[n] = r;
  ringStart[r] = p;
  return { xy, ringStart, plotRing, convex, shell, multi };
}

/**
 * The rings of plots already packed (PlotOutlines) as packRings packs their features, with their
 * coordinates read in place instead of copied (53 MB for 516,000 plots); null when a ring has fewer
 * than three positions or is not closed, which packRings would leave out or close.
 */
export function packRingsOfOutlines(outlines: PlotOutlines): PackedRings | null {
  const { count: n, kind, polygonStart, ringStart: polygonRing, vertexStart, coords } = outlines;
  const rings = vertexStart.length - 1;
  for (let r = 0; r < rings; r++) {
    const from = vertexStart[r] as number;
    const to = vertexStart[r + 1] as number;
    if (
      to - from < 3 ||
      coords[2 * from] !== coords[2 * to - 2] ||
      coords[2 * from + 1] !== coords[2 * to - 1]
    )
      return null;
  }
  const plotRing = new Int32Array(n + 1);
  const convex = new Int8Array(n);
  const shell = new Uint8Array(rings);
  const multi = new Uint8Array(n);
  const ringStart = Int32Array.from(vertexStart);
  for (let polygon = 0; polygon < polygonRing.length - 1; polygon++)
    if ((polygonRing[polygon] as number) < (polygonRing[polygon + 1] as number))
      shell[polygonRing[polygon] as number] = 1;
  for (let i = 0; i < n; i++) {
    const first = polygonRing[polygonStart[i] as number] as number;
    const end = polygonRing[polygonStart[i + 1] as number] as number;
    plotRing[i] = first;
    if (kind[i] === 2) multi[i] = 1;
    if (end - first === 1)
      convex[i] = convexSign(coords, ringStart[first] as number, ringStart[end] as number);
  }
  plotRing[n] = rings;
  return { xy: coords, ringStart, plotRing, convex, shell, multi };
}

/** The rings of several layers as one, in the given order (plot indices run on across them). */
export function concatPackedRings(parts: readonly PackedRings[]): PackedRings {
  const total = (count: (part: PackedRings) => number) => parts.reduce((sum, part) => sum + count(part), 0);
  // xy may have room left at its end (packRings allows for closing every ring).
  const used = (part: PackedRings) => part.ringStart[part.shell.length] as number;
  const plots = total((part) => part.convex.length);
  const rings = total((part) => part.shell.length);
  const positions = total(used);
  const joined: PackedRings = {
    xy: new Float64Array(positions * 2),
    ringStart: new Int32Array(rings + 1),
    plotRing: new Int32Array(plots + 1),
    convex: new Int8Array(plots),
    shell: new Uint8Array(rings),
    multi: new Uint8Array(plots),
  };
  let plot = 0;
  let ring = 0;
  let position = 0;
  for (const part of parts) {
    const n = part.convex.length;
    const r = part.shell.length;
    joined.xy.set(part.xy.subarray(0, used(part) * 2), position * 2);
    for (let k = 0; k < r; k++) joined.ringStart[ring + k] = (part.ringStart[k] as number) + position;
    for (let i = 0; i < n; i++) joined.plotRing[plot + i] = (part.plotRing[i] as number) + ring;
    joined.convex.set(part.convex, plot);
    joined.shell.set(part.shell, ring);
    joined.multi.set(part.multi, plot);
    plot += n;
    ring += r;
    position += used(part);
  }
  joined.plotRing[plots] = ring;
  joined.ringStart[rings] = position;
  return joined;
}

/**
 * Plot i's geometry as packed: the same positions in the same rings and polygons as the layer it was
 * packed from, for a plot whose rings all had three positions or more and were closed (every plot
 * that loaded without a problem).
 */
export function packedGeometry(packed: PackedRings, i: number): AreaGeometry {
  const { xy, ringStart, plotRing, shell } = packed;
  const polygons: Ring[][] = [];
  for (let r = plotRing[i] as number; r < (plotRing[i + 1] as number); r++) {
    const ring: Ring = [];
    for (let k = ringStart[r] as number; k < (ringStart[r + 1] as number); k++)
      ring.push([xy[2 * k] as number, xy[2 * k + 1] as number]);
    if (shell[r] || polygons.length === 0) polygons.push([ring]);
    else polygons[polygons.length - 1]?.push(ring);
  }
  return packed.multi[i]
    ? { type: 'MultiPolygon', coordinates: polygons }
    : { type: 'Polygon', coordinates: polygons[0] ?? [] };
}

/**
 * 1 when the closed ring xy[2·from … 2·to) is strictly convex and counter-clockwise, -1 clockwise,
 * 0 otherwise (a collinear or repeated vertex, a reflex one, or a ring winding more than once), as
 * convexVertices decides.
 */
function convexSign(xy: Float64Array, from: number, to: number): number {
  const count = to - from - 1;
  if (count < 3) return 0;
  let sign = 0;
  let xReversals = 0;
  let firstXSign = 0;
  let lastXSign = 0;
  for (let k = 0; k < count; k++) {
    const a = from + k;
    const b = from + ((k + 1) % count);
    const c = from + ((k + 2) % count);
    const dx = (xy[2 * b] as number) - (xy[2 * a] as number);
    const dy = (xy[2 * b + 1] as number) - (xy[2 * a + 1] as number);
    const cross =
      dx * ((xy[2 * c + 1] as number) - (xy[2 * b + 1] as number)) -
      dy * ((xy[2 * c] as number) - (xy[2 * b] as number));
    if (!(cross > 0 || cross < 0) || (sign !== 0 && Math.sign(cross) !== sign)) return 0;
    sign = Math.sign(cross);
    const xSign = Math.sign(dx);
    if (xSign === 0) continue;
    if (firstXSign === 0) firstXSign = xSign;
    else if (xSign !== lastXSign) xReversals++;
    lastXSign = xSign;
  }
  if (firstXSign !== lastXSign) xReversals++;
  return xReversals === 2 ? sign : 0;
}

/** 1 when the point lies strictly inside plot i (even–odd over its rings), 0 outside, -1 on an edge. */
function pointInPlot(packed: PackedRings, i: number, x: number, y: number): number {
  const { xy, ringStart, plotRing } = packed;
  let inside = false;
  for (let r = plotRing[i] as number; r < (plotRing[i + 1] as number); r++) {
    for (let k = ringStart[r] as number; k + 1 < (ringStart[r + 1] as number); k++) {
      const x1 = xy[2 * k] as number;
      const y1 = xy[2 * k + 1] as number;
      const x2 = xy[2 * k + 2] as number;
      const y2 = xy[2 * k + 3] as number;
      const ex = x2 - x1;
      const ey = y2 - y1;
      const length2 = ex * ex + ey * ey;
      const t = length2 > 0 ? Math.max(0, Math.min(1, ((x - x1) * ex + (y - y1) * ey) / length2)) : 0;
      const dx = x - x1 - t * ex;
      const dy = y - y1 - t * ey;
      if (dx * dx + dy * dy <= ON_EDGE_DEGREES * ON_EDGE_DEGREES) return -1;
      if (y1 > y !== y2 > y && x < (ex * (y - y1)) / ey + x1) inside = !inside;
    }
  }
  return inside ? 1 : 0;
}

/**
 * True when all of plot j lies on the outer side of (or on) some edge line of the convex plot i.
 * @param sign plot i's winding (1 counter-clockwise)
 */
function hasSeparatingEdge(packed: PackedRings, i: number, sign: number, j: number): boolean {
  const { xy, ringStart, plotRing } = packed;
  const from = ringStart[plotRing[i] as number] as number;
  const to = ringStart[(plotRing[i] as number) + 1] as number;
  const otherFrom = ringStart[plotRing[j] as number] as number;
  const otherTo = ringStart[plotRing[j + 1] as number] as number;
  for (let k = from; k + 1 < to; k++) {
    const ax = xy[2 * k] as number;
    const ay = xy[2 * k + 1] as number;
    const ex = (xy[2 * k + 2] as number) - ax;
    const ey = (xy[2 * k + 3] as number) - ay;
    const slack = Math.hypot(ex, ey) * ON_EDGE_DEGREES;
    let apart = true;
    for (let m = otherFrom; m < otherTo; m++) {
      // The inside of the ring is on the left of a→b when it runs counter-clockwise.
      if (sign * (ex * ((xy[2 * m + 1] as number) - ay) - ey * ((xy[2 * m] as number) - ax)) > slack) {
        apart = false;
        break;
      }
    }
    if (apart) return true;
  }
  return false;
}

function sideOf(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const ex = bx - ax;
  const ey = by - ay;
  const cross = ex * (py - ay) - ey * (px - ax);
  return Math.abs(cross) <= Math.hypot(ex, ey) * ON_EDGE_DEGREES ? 0 : Math.sign(cross);
}

/** True when an edge of plot i crosses one of plot j at a point inside both (not at an end, not along a shared line). */
function edgesCross(packed: PackedRings, i: number, j: number): boolean {
  const { xy, ringStart, plotRing } = packed;
  for (let r = plotRing[i] as number; r < (plotRing[i + 1] as number); r++) {
    for (let k = ringStart[r] as number; k + 1 < (ringStart[r + 1] as number); k++) {
      const ax = xy[2 * k] as number;
      const ay = xy[2 * k + 1] as number;
      const bx = xy[2 * k + 2] as number;
      const by = xy[2 * k + 3] as number;
      for (let s = plotRing[j] as number; s < (plotRing[j + 1] as number); s++) {
        for (let m = ringStart[s] as number; m + 1 < (ringStart[s + 1] as number); m++) {
          const cx = xy[2 * m] as number;
          const cy = xy[2 * m + 1] as number;
          const dx = xy[2 * m + 2] as number;
          const dy = xy[2 * m + 3] as number;
          if (Math.max(cx, dx) < Math.min(ax, bx) || Math.min(cx, dx) > Math.max(ax, bx)) continue;
          if (Math.max(cy, dy) < Math.min(ay, by) || Math.min(cy, dy) > Math.max(ay, by)) continue;
          if (
            sideOf(ax, ay, bx, by, cx, cy) * sideOf(ax, ay, bx, by, dx, dy) < 0 &&
            sideOf(cx, cy, dx, dy, ax, ay) * sideOf(cx, cy, dx, dy, bx, by) < 0
          )
            return true;
        }
      }
    }
  }
  return false;
}

/** True when a vertex of plot i lies strictly inside plot j, or a probe beside an edge of i lies inside both. */
function reachesInto(packed: PackedRings, i: number, j: number): boolean {
  const { xy, ringStart, plotRing } = packed;
  const from = ringStart[plotRing[i] as number] as number;
  const to = ringStart[plotRing[i + 1] as number] as number;
  for (let k = from; k < to; k++) {
    if (pointInPlot(packed, j, xy[2 * k] as number, xy[2 * k + 1] as number) === 1) return true;
  }
  for (let r = plotRing[i] as number; r < (plotRing[i + 1] as number); r++) {
    for (let k = ringStart[r] as number; k + 1 < (ringStart[r + 1] as number); k++) {
      const x1 = xy[2 * k] as number;
      const y1 = xy[2 * k + 1] as number;
      const ex = (xy[2 * k + 2] as number) - x1;
      const ey = (xy[2 * k + 3] as number) - y1;
      const length = Math.hypot(ex, ey);
      if (length === 0) continue;
      const nx = (-ey / length) * PROBE_DEGREES;
      const ny = (ex / length) * PROBE_DEGREES;
      for (let side = -1; side <= 1; side += 2) {
        const px = x1 + ex / 2 + side * nx;
        const py = y1 + ey / 2 + side * ny;
        // Plot j first: a probe of a plot of thousands of vertices is tested against its own
        // edges only when it lies in the other plot (testing every probe was quadratic in them).
        if (pointInPlot(packed, j, px, py) === 1 && pointInPlot(packed, i, px, py) === 1) return true;
      }
    }
  }
  return false;
}

/** True when the interiors of plots i and j have a point in common (see the header). */
function interiorsMeet(packed: PackedRings, i: number, j: number): boolean {
  const signI = packed.convex[i] as number;
  const signJ = packed.convex[j] as number;
  if (signI !== 0 && signJ !== 0)
    return !hasSeparatingEdge(packed, i, signI, j) && !hasSeparatingEdge(packed, j, signJ, i);
  return edgesCross(packed, i, j) || reachesInto(packed, i, j) || reachesInto(packed, j, i);
}

function clipGeometry(geometry: AreaGeometry): Geom {
  const pairs = (rings: Ring[]) =>
    rings.map((ring) => ring.map((p) => [p[0] as number, p[1] as number] as [number, number]));
  return geometry.type === 'Polygon' ? pairs(geometry.coordinates) : geometry.coordinates.map(pairs);
}

/** Plot i's one ring as positions (for Sutherland–Hodgman). */
function ringOf(packed: PackedRings, i: number): number[][] {
  const { xy, ringStart, plotRing } = packed;
  const ring: number[][] = [];
  const r = plotRing[i] as number;
  for (let k = ringStart[r] as number; k < (ringStart[r + 1] as number); k++)
    ring.push([xy[2 * k] as number, xy[2 * k + 1] as number]);
  return ring;
}

/** The common area of plots i and j, m². Throws when polygon-clipping fails on them. */
function commonAreaM2(
  packed: PackedRings,
  geometryOf: (i: number) => AreaGeometry | null | undefined,
  i: number,
  j: number,
): number {
  const signI = packed.convex[i] as number;
  const signJ = packed.convex[j] as number;
  if (signI !== 0 && signJ !== 0) {
    const convex = ringOf(packed, j).slice(0, -1);
    if (signJ < 0) convex.reverse();
    const part = clipRingToConvex(ringOf(packed, i), convex);
    return part ? Math.abs(ringSignedArea(part)) : 0;
  }
  const common = polygonClipping.intersection(
    clipGeometry(geometryOf(i) as AreaGeometry),
    clipGeometry(geometryOf(j) as AreaGeometry),
  );
  return geometryAreaM2({ type: 'MultiPolygon', coordinates: common });
}

/** True when plots i and j have the same positions in the same rings and polygons. */
function sameGeometry(packed: PackedRings, i: number, j: number): boolean {
  const { xy, ringStart, plotRing, shell, multi } = packed;
  const rings = (plotRing[i + 1] as number) - (plotRing[i] as number);
  if (multi[i] !== multi[j] || rings !== (plotRing[j + 1] as number) - (plotRing[j] as number)) return false;
  for (let r = 0; r < rings; r++) {
    const ri = (plotRing[i] as number) + r;
    const rj = (plotRing[j] as number) + r;
    const length = (ringStart[ri + 1] as number) - (ringStart[ri] as number);
    if (shell[ri] !== shell[rj] || length !== (ringStart[rj + 1] as number) - (ringStart[rj] as number))
      return false;
    const from = 2 * (ringStart[ri] as number);
    const other = 2 * (ringStart[rj] as number);
    for (let k = 0; k < 2 * length; k++) if (xy[from + k] !== xy[other + k]) return false;
  }
  return true;
}

/**
 * The groups of MANY_COPIES or more copies of one geometry among `items`: each group's plots
 * (ascending) by its first plot, and for each plot its group's first plot (-1 when in none); null
 * when there are none (the usual case). Copies have the same box, so boxes are matched first, in a
 * hash table over their bits.
 */
function manyCopies(
  packed: PackedRings,
  boxes: Float64Array,
  items: Int32Array,
): { members: Map<number, Int32Array>; headOf: Int32Array } | null {
  const words = new Uint32Array(boxes.buffer, boxes.byteOffset, boxes.length * 2);
  const size = 2 ** Math.ceil(Math.log2(2 * items.length + 2));
  const table = new Int32Array(size).fill(-1);
  const headOf = new Int32Array(packed.convex.length).fill(-1);
  const copies = new Int32Array(packed.convex.length);
  const sameBox = (i: number, j: number) =>
    boxes[4 * i] === boxes[4 * j] &&
    boxes[4 * i + 1] === boxes[4 * j + 1] &&
    boxes[4 * i + 2] === boxes[4 * j + 2] &&
    boxes[4 * i + 3] === boxes[4 * j + 3];
  let many = false;
  for (const i of items) {
    let hash = 0x811c9dc5;
    for (let w = 8 * i; w < 8 * i + 8; w++) hash = Math.imul(hash ^ (words[w] as number), 0x01000193);
    let slot = hash & (size - 1);
    while (table[slot] !== -1 && !sameBox(table[slot] as number, i)) slot = (slot + 1) & (size - 1);
    const head = table[slot] as number;
    if (head === -1) table[slot] = i;
    else if (sameGeometry(packed, head, i)) {
      headOf[i] = head;
      copies[head] = (copies[head] as number) + 1;
      if ((copies[head] as number) + 1 >= MANY_COPIES) many = true;
    }
  }
  releaseBuffers(table);
  if (!many) {
    releaseBuffers(copies, headOf);
    return null;
  }
  const members = new Map<number, number[]>();
  for (const i of items) {
    const head = headOf[i] as number;
    if (head < 0 || (copies[head] as number) + 1 < MANY_COPIES) {
      headOf[i] = -1;
      continue;
    }
    if (!members.has(head)) {
      members.set(head, [head]);
      headOf[head] = head;
    }
    members.get(head)?.push(i);
  }
  releaseBuffers(copies);
  return {
    members: new Map([...members].map(([head, list]) => [head, Int32Array.from(list)])),
    headOf,
  };
}

/**
 * Finds overlapping pairs and duplicate geometries among the plots.
 * @param plots WGS84 lon/lat polygons
 * @param areasM2 the plots' areas, m², when already known
 * @example findPlotOverlaps(twoEqualSquares) // { pairs: [{ a: 0, b: 1, areaM2: 9617.6… }], duplicateGeometries: 1, … }
 */
export function findPlotOverlaps(
  plots: FeatureCollection,
  areasM2?: Float64Array,
  outlines?: PlotOutlines,
): PlotOverlaps {
  return findPackedOverlaps(
    (outlines && packRingsOfOutlines(outlines)) ?? packRings(plots),
    (i) => plots.features[i]?.geometry as AreaGeometry | null | undefined,
    areasM2,
  );
}

/**
 * {@link findPlotOverlaps} of packed plots.
 * @param geometryOf plot i's geometry, for the pairs that need a full overlay
 */
export function findPackedOverlaps(
  packed: PackedRings,
  geometryOf: (i: number) => AreaGeometry | null | undefined,
  areasM2?: Float64Array,
): PlotOverlaps {
  const n = packed.convex.length;
  const { xy, ringStart, plotRing } = packed;
  const boxes = new Float64Array(n * 4);
  // The plots in the index, in index order (a typed array: an array grown by push is copied as it grows).
  const searched = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const from = ringStart[plotRing[i] as number] as number;
    const to = ringStart[plotRing[i + 1] as number] as number;
    if (to - from < 4) continue;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = from; k < to; k++) {
      const x = xy[2 * k] as number;
      const y = xy[2 * k + 1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (!(Number.isFinite(minX) && Number.isFinite(minY) && Number.isFinite(maxX) && Number.isFinite(maxY)))
      continue;
    boxes[4 * i] = minX;
    boxes[4 * i + 1] = minY;
    boxes[4 * i + 2] = maxX;
    boxes[4 * i + 3] = maxY;
    searched[count++] = i;
  }
  const result: PlotOverlaps = {
    pairs: [],
    pairCount: 0,
    overlapM2: 0,
    duplicateGroups: [],
    duplicateGeometries: 0,
    overlapping: new Uint8Array(n),
  };
  const indexToPlot = searched.subarray(0, count);
  if (count < 2) return result;
  // Many copies of one geometry are searched as one plot, their pairs counted (see MANY_COPIES).
  const copies = manyCopies(packed, boxes, indexToPlot);
  const items = copies
    ? indexToPlot.filter((i) => (copies.headOf[i] as number) < 0 || copies.headOf[i] === i)
    : indexToPlot;
  const neighbours = new BoxPairs(boxes, items, n);

  const parent = new Int32Array(n).map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  const join = (i: number, j: number) => {
    const ri = root(i);
    const rj = root(j);
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };
  const areaOf = (i: number) => areasM2?.[i] ?? geometryAreaM2(geometryOf(i));
  let duplicatePairs = 0;
  const overlapping = result.overlapping;
  /** Counts `pairs` pairs of common area `areaM2`, plots a and b among them, duplicates when both are that area. */
  const tally = (a: number, b: number, areaM2: number, pairs: number) => {
    result.pairCount += pairs;
    result.overlapM2 += pairs === 1 ? areaM2 : areaM2 * pairs;
    overlapping[a] = 1;
    overlapping[b] = 1;
    if (Math.abs(areaOf(a) - areaM2) < MIN_SHARED_M2 && Math.abs(areaOf(b) - areaM2) < MIN_SHARED_M2) {
      duplicatePairs++;
      join(a, b);
    }
  };
  /** The common area of plots i < j, m², when their interiors meet and it is at least MIN_SHARED_M2; else null. */
  const common = (i: number, j: number): number | null => {
    if (!interiorsMeet(packed, i, j)) return null;
    let areaM2: number;
    try {
      areaM2 = commonAreaM2(packed, geometryOf, i, j);
    } catch {
      // An overlay that fails is left out rather than guessed.
      return null;
    }
    return areaM2 >= MIN_SHARED_M2 ? areaM2 : null;
  };
  const list = (a: number, b: number, areaM2: number) => {
    if (result.pairs.length < MAX_LISTED_PAIRS) result.pairs.push({ a, b, areaM2 });
  };

  const candidates: number[] = [];
  for (const i of items) {
    // Boxes that only touch hold no common area.
    neighbours.laterNeighbours(i, candidates);
    for (const j of candidates) {
      const areaM2 = common(i, j);
      if (areaM2 === null) continue;
      const copiesOfI = copies?.members.get(i);
      const copiesOfJ = copies?.members.get(j);
      if (!copiesOfI && !copiesOfJ) {
        list(i, j, areaM2);
        tally(i, j, areaM2, 1);
      } else {
        acrossGroups(copiesOfI ?? Int32Array.of(i), copiesOfJ ?? Int32Array.of(j), areaM2, () =>
          common(j, i),
        );
      }
    }
  }
  if (copies) {
    for (const members of copies.members.values()) withinGroup(members);
    result.pairs.sort((p, q) => p.a - q.a || p.b - q.b);
  }

  /**
   * The pairs of a plot of group `first` and one of group `second` (copies, or a plot alone), whose
   * first plots overlap by `areaM2` (first before second); `reversed` gives the common area the
   * other way round (a copy of the second group before one of the first).
   */
  function acrossGroups(
    first: Int32Array,
    second: Int32Array,
    areaM2: number,
    reversed: () => number | null,
  ) {
    // Pairs with the first group's plot before the second's, and the others.
    let before = 0;
    for (let p = 0, q = 0; p < first.length; p++) {
      while (q < second.length && (second[q] as number) <= (first[p] as number)) q++;
      before += second.length - q;
    }
    const after = first.length * second.length - before;
    const otherWay = after > 0 ? reversed() : null;
    for (let p = 0; p < first.length && result.pairs.length < MAX_LISTED_PAIRS; p++) {
      for (let q = 0; q < second.length && result.pairs.length < MAX_LISTED_PAIRS; q++) {
        const a = first[p] as number;
        const b = second[q] as number;
        if (a < b) list(a, b, areaM2);
        else if (otherWay !== null) list(b, a, otherWay);
      }
    }
    if (before > 0) tally(first[0] as number, second[0] as number, areaM2, before);
    if (otherWay !== null) tally(second[0] as number, first[0] as number, otherWay, after);
    // A plot of the first group overlaps one of the second before it only when the overlay the
    // other way round finds it too.
    const lastOfSecond = second[second.length - 1] as number;
    const firstOfFirst = first[0] as number;
    for (const i of first) if (otherWay !== null || i < lastOfSecond) overlapping[i] = 1;
    for (const j of second) if (otherWay !== null || j > firstOfFirst) overlapping[j] = 1;
  }

  /** The pairs among copies of one geometry: all overlap by the same area (one overlay for all). */
  function withinGroup(members: Int32Array) {
    const areaM2 = common(members[0] as number, members[1] as number);
    if (areaM2 === null) return;
    for (let p = 0; p < members.length && result.pairs.length < MAX_LISTED_PAIRS; p++)
      for (let q = p + 1; q < members.length && result.pairs.length < MAX_LISTED_PAIRS; q++)
        list(members[p] as number, members[q] as number, areaM2);
    const [head, next] = [members[0] as number, members[1] as number];
    tally(head, next, areaM2, (members.length * (members.length - 1)) / 2);
    // Copies of a plot of that area are duplicates of each other.
    const duplicates = root(head) === root(next);
    for (const i of members) {
      overlapping[i] = 1;
      if (duplicates) join(head, i);
    }
  }

  if (duplicatePairs > 0) {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const r = root(i);
      // Roots are each group's smallest index, so a group is met first at its root.
      if (r === i) groups.set(i, [i]);
      else groups.get(r)?.push(i);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      result.duplicateGroups.push(group);
      result.duplicateGeometries += group.length - 1;
    }
  }
  // What the search made goes now (about 45 MB for 516,000 plots), not at a later full collection.
  neighbours.release();
  releaseBuffers(boxes, searched, parent, ...(copies ? [copies.headOf] : []));
  return result;
}
