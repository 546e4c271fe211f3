/**
 * Finds where the rings of a (Multi)Polygon cut or touch themselves or each other, in
 * O(n log n + k) for n segments: small geometries are checked pairwise, larger ones through a
 * flatbush index of segment boxes (county outlines have tens of thousands of vertices).
 *
 * Rules (OGC simple features): within one ring every contact of two non-adjacent segments is reported
 * (a crossing, a figure-8 touch at a vertex, a vertex on another edge, a shared stretch), and so is an
 * adjacent pair that doubles back on itself (a spike). Between different rings (a hole and its shell,
 * or parts of a MultiPolygon) only proper X-shaped crossings are reported; rings may touch at points,
 * and shared edges between parts are tolerated because they do not change the area.
 * Limitation: two rings that cross exactly through a vertex are seen as touching.
 */
import Flatbush from 'flatbush';
import type { Position } from '../types.ts';

/**
 * Orientation tolerance: three points count as collinear when the cross product is within
 * `COLLINEAR_EPSILON × |b − a|₁ × |c − a|₁`, i.e. when c is within about 1e-12 of the segment's
 * length from its line (a nanometre on a kilometre edge). That is just above the rounding error of
 * the cross product on coordinates taken relative to the geometry's first vertex, so exact touches
 * (shared vertices) are recognised while every real crossing is still a crossing.
 */
export const COLLINEAR_EPSILON = 1e-12;

/** Geometries with at most this many segments are checked pairwise, without an index. */
const PAIRWISE_MAX_SEGMENTS = 32;

/** A ring by 0-based polygon index (0 for a Polygon) and ring index (0 = outer ring). */
export interface RingRef {
  polygon: number;
  ring: number;
}

/** One place where rings meet; `point` is [x, y] in the input's coordinates. */
export interface RingIntersection {
  kind: 'cross' | 'touch' | 'overlap';
  point: [number, number];
  a: RingRef;
  b: RingRef;
}

/** Options of {@link findRingIntersections}. */
export interface FindRingIntersectionsOptions {
  /** Stop after this many distinct intersections (default 100): bounds the work on shredded input. */
  maxResults?: number;
}

interface Contact {
  kind: RingIntersection['kind'];
  x: number;
  y: number;
}

/** Contact kinds as numbers, so that testing a pair of segments allocates nothing. */
const NO_CONTACT = 0;
const CROSS = 1;
const TOUCH = 2;
const OVERLAP = 3;
const KIND_NAMES = ['cross', 'cross', 'touch', 'overlap'] as const;

/** Where the last contact found by {@link contactOf} lies (JavaScript runs one check at a time). */
const contactPoint = { x: 0, y: 0 };

function sign(value: number, tolerance: number): number {
  return value > tolerance ? 1 : value < -tolerance ? -1 : 0;
}

function between(value: number, a: number, b: number): boolean {
  return a <= b ? value >= a && value <= b : value >= b && value <= a;
}

function touchAt(x: number, y: number): number {
  contactPoint.x = x;
  contactPoint.y = y;
  return TOUCH;
}

/** As {@link intersectSegments}, returning the kind as a number and the point in `contactPoint`. */
function contactOf(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  q1x: number,
  q1y: number,
  q2x: number,
  q2y: number,
): number {
  const pdx = p2x - p1x;
  const pdy = p2y - p1y;
  const qdx = q2x - q1x;
  const qdy = q2y - q1y;
  const pLength = Math.abs(pdx) + Math.abs(pdy);
  const qLength = Math.abs(qdx) + Math.abs(qdy);
  // Cross products: which side of q's line p1 and p2 lie on, and which side of p's line q1 and q2.
  const d1 = qdx * (p1y - q1y) - qdy * (p1x - q1x);
  const d2 = qdx * (p2y - q1y) - qdy * (p2x - q1x);
  const d3 = pdx * (q1y - p1y) - pdy * (q1x - p1x);
  const d4 = pdx * (q2y - p1y) - pdy * (q2x - p1x);
  const s1 = sign(d1, COLLINEAR_EPSILON * qLength * (Math.abs(p1x - q1x) + Math.abs(p1y - q1y)));
  const s2 = sign(d2, COLLINEAR_EPSILON * qLength * (Math.abs(p2x - q1x) + Math.abs(p2y - q1y)));
  const s3 = sign(d3, COLLINEAR_EPSILON * pLength * (Math.abs(q1x - p1x) + Math.abs(q1y - p1y)));
  const s4 = sign(d4, COLLINEAR_EPSILON * pLength * (Math.abs(q2x - p1x) + Math.abs(q2y - p1y)));

  if (s1 * s2 < 0 && s3 * s4 < 0) {
    const t = d1 / (d1 - d2);
    contactPoint.x = p1x + t * pdx;
    contactPoint.y = p1y + t * pdy;
    return CROSS;
  }
  if (s1 === 0 && s2 === 0 && s3 === 0 && s4 === 0)
    return collinearContact(p1x, p1y, p2x, p2y, q1x, q1y, q2x, q2y);
  if (s1 === 0 && between(p1x, q1x, q2x) && between(p1y, q1y, q2y)) return touchAt(p1x, p1y);
  if (s2 === 0 && between(p2x, q1x, q2x) && between(p2y, q1y, q2y)) return touchAt(p2x, p2y);
  if (s3 === 0 && between(q1x, p1x, p2x) && between(q1y, p1y, p2y)) return touchAt(q1x, q1y);
  if (s4 === 0 && between(q2x, p1x, p2x) && between(q2y, p1y, p2y)) return touchAt(q2x, q2y);
  return NO_CONTACT;
}

function collinearContact(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  q1x: number,
  q1y: number,
  q2x: number,
  q2y: number,
): number {
  // Project on the axis along which p extends most; compare the two intervals there.
  const alongX = Math.abs(p2x - p1x) >= Math.abs(p2y - p1y);
  const pa = alongX ? p1x : p1y;
  const pb = alongX ? p2x : p2y;
  const qa = alongX ? q1x : q1y;
  const qb = alongX ? q2x : q2y;
  const low = Math.max(Math.min(pa, pb), Math.min(qa, qb));
  const high = Math.min(Math.max(pa, pb), Math.max(qa, qb));
  if (low > high) return NO_CONTACT;
  const t = pb === pa ? 0 : (low - pa) / (pb - pa);
  contactPoint.x = p1x + t * (p2x - p1x);
  contactPoint.y = p1y + t * (p2y - p1y);
  return low === high ? TOUCH : OVERLAP;
}

/**
 * Classifies how segment p1–p2 meets segment q1–q2 (coordinates already relative to a local origin).
 * Returns undefined when they do not meet.
 */
export function intersectSegments(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  q1x: number,
  q1y: number,
  q2x: number,
  q2y: number,
): Contact | undefined {
  const kind = contactOf(p1x, p1y, p2x, p2y, q1x, q1y, q2x, q2y);
  if (kind === NO_CONTACT) return undefined;
  return { kind: KIND_NAMES[kind] as Contact['kind'], x: contactPoint.x, y: contactPoint.y };
}

/** The flat vertex and segment arrays of one call of findRingIntersections, and what it found. */
interface Segments {
  /** Vertex coordinates relative to the origin (ox, oy). */
  xs: number[];
  ys: number[];
  ox: number;
  oy: number;
  /** Per segment: its ring's serial number, its position in the ring, the index of its end vertex. */
  segmentRing: number[];
  segmentPosition: number[];
  segmentEnd: number[];
  ringSizes: number[];
  ringRefs: RingRef[];
  results: RingIntersection[];
  /** Keys of the contacts already reported; made on the first one. */
  seen: Set<string> | undefined;
}

/** Tests segments i and j and records their contact if the rules of the module header call it a defect. */
function testPair(segments: Segments, i: number, j: number): void {
  const { xs, ys, segmentRing, segmentEnd } = segments;
  const ringI = segmentRing[i] as number;
  const ringJ = segmentRing[j] as number;
  const endI = segmentEnd[i] as number;
  const endJ = segmentEnd[j] as number;
  const kind = contactOf(
    xs[i] as number,
    ys[i] as number,
    xs[endI] as number,
    ys[endI] as number,
    xs[j] as number,
    ys[j] as number,
    xs[endJ] as number,
    ys[endJ] as number,
  );
  if (kind === NO_CONTACT) return;
  if (ringI === ringJ) {
    const gap = Math.abs((segments.segmentPosition[i] as number) - (segments.segmentPosition[j] as number));
    const adjacent = gap === 1 || gap === (segments.ringSizes[ringI] as number) - 1;
    // Neighbours always share their vertex; only doubling back along each other is a defect.
    if (adjacent && kind !== OVERLAP) return;
  } else if (kind !== CROSS) {
    return;
  }
  const x = contactPoint.x + segments.ox;
  const y = contactPoint.y + segments.oy;
  const key = `${ringI}:${ringJ}:${x.toFixed(9)}:${y.toFixed(9)}`;
  segments.seen ??= new Set();
  if (segments.seen.has(key)) return;
  segments.seen.add(key);
  segments.results.push({
    kind: KIND_NAMES[kind] as RingIntersection['kind'],
    point: [x, y],
    a: segments.ringRefs[ringI] as RingRef,
    b: segments.ringRefs[ringJ] as RingRef,
  });
}

/**
 * Finds self-intersections of rings and crossings between rings of one Polygon or MultiPolygon.
 *
 * Rings may be open or closed; consecutive duplicate positions are ignored; rings with fewer than
 * three distinct consecutive positions are skipped (they are degenerate, reported elsewhere).
 * Positions must hold finite numbers (check first).
 *
 * @param polygons the coordinates of a MultiPolygon (wrap a Polygon's coordinates in an array)
 * @param options `maxResults` caps the distinct intersections returned (default 100)
 * @returns the intersections, each with its location in the input's coordinates and the two rings
 */
export function findRingIntersections(
  polygons: readonly (readonly (readonly Position[])[])[],
  options: FindRingIntersectionsOptions = {},
): RingIntersection[] {
  const maxResults = options.maxResults ?? 100;
  const firstRing = polygons.find((polygon) => polygon.length > 0)?.[0];
  const origin = firstRing?.[0];
  if (!origin) return [];
  const ox = origin[0] as number;
  const oy = origin[1] as number;

  // Flat vertex and segment arrays; segment s runs from vertex s to its ring's next vertex.
  const xs: number[] = [];
  const ys: number[] = [];
  const segmentRing: number[] = [];
  const segmentPosition: number[] = [];
  const segmentEnd: number[] = [];
  const ringSizes: number[] = [];
  const ringRefs: RingRef[] = [];

  for (let polygonIndex = 0; polygonIndex < polygons.length; polygonIndex++) {
    const polygon = polygons[polygonIndex] as readonly (readonly Position[])[];
    for (let ringIndex = 0; ringIndex < polygon.length; ringIndex++) {
      const ring = polygon[ringIndex] as readonly Position[];
      const start = xs.length;
      for (const position of ring) {
        const x = (position[0] as number) - ox;
        const y = (position[1] as number) - oy;
        const last = xs.length - 1;
        if (last >= start && xs[last] === x && ys[last] === y) continue;
        xs.push(x);
        ys.push(y);
      }
      // Drop the closing position; closing is implicit below.
      if (xs.length - start > 1 && xs[xs.length - 1] === xs[start] && ys[ys.length - 1] === ys[start]) {
        xs.pop();
        ys.pop();
      }
      const size = xs.length - start;
      if (size < 3) {
        xs.length = start;
        ys.length = start;
        continue;
      }
      const ringSerial = ringSizes.length;
      ringSizes.push(size);
      ringRefs.push({ polygon: polygonIndex, ring: ringIndex });
      for (let k = 0; k < size; k++) {
        segmentRing.push(ringSerial);
        segmentPosition.push(k);
        segmentEnd.push(k === size - 1 ? start : start + k + 1);
      }
    }
  }

  const segmentCount = segmentEnd.length;
  const segments: Segments = {
    xs,
    ys,
    ox,
    oy,
    segmentRing,
    segmentPosition,
    segmentEnd,
    ringSizes,
    ringRefs,
    results: [],
    seen: undefined,
  };
  const { results } = segments;

  if (segmentCount <= PAIRWISE_MAX_SEGMENTS) {
    for (let i = 0; i < segmentCount && results.length < maxResults; i++) {
      for (let j = i + 1; j < segmentCount && results.length < maxResults; j++) testPair(segments, i, j);
    }
    return results;
  }

  const index = new Flatbush(segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    const end = segmentEnd[s] as number;
    const ax = xs[s] as number;
    const ay = ys[s] as number;
    const bx = xs[end] as number;
    const by = ys[end] as number;
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  index.finish();
  for (let i = 0; i < segmentCount && results.length < maxResults; i++) {
    const end = segmentEnd[i] as number;
    const ax = xs[i] as number;
    const ay = ys[i] as number;
    const bx = xs[end] as number;
    const by = ys[end] as number;
    const candidates = index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    // Flatbush returns candidates in tree order; sort so results do not depend on it.
    candidates.sort((a, b) => a - b);
    for (const j of candidates) {
      if (j <= i) continue;
      if (results.length >= maxResults) break;
      testPair(segments, i, j);
    }
  }
  return results;
}
