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

function sign(value: number, tolerance: number): number {
  return value > tolerance ? 1 : value < -tolerance ? -1 : 0;
}

function between(value: number, a: number, b: number): boolean {
  return a <= b ? value >= a && value <= b : value >= b && value <= a;
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
    return { kind: 'cross', x: p1x + t * pdx, y: p1y + t * pdy };
  }
  if (s1 === 0 && s2 === 0 && s3 === 0 && s4 === 0)
    return collinearContact(p1x, p1y, p2x, p2y, q1x, q1y, q2x, q2y);
  if (s1 === 0 && between(p1x, q1x, q2x) && between(p1y, q1y, q2y)) return { kind: 'touch', x: p1x, y: p1y };
  if (s2 === 0 && between(p2x, q1x, q2x) && between(p2y, q1y, q2y)) return { kind: 'touch', x: p2x, y: p2y };
  if (s3 === 0 && between(q1x, p1x, p2x) && between(q1y, p1y, p2y)) return { kind: 'touch', x: q1x, y: q1y };
  if (s4 === 0 && between(q2x, p1x, p2x) && between(q2y, p1y, p2y)) return { kind: 'touch', x: q2x, y: q2y };
  return undefined;
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
): Contact | undefined {
  // Project on the axis along which p extends most; compare the two intervals there.
  const alongX = Math.abs(p2x - p1x) >= Math.abs(p2y - p1y);
  const pa = alongX ? p1x : p1y;
  const pb = alongX ? p2x : p2y;
  const qa = alongX ? q1x : q1y;
  const qb = alongX ? q2x : q2y;
  const low = Math.max(Math.min(pa, pb), Math.min(qa, qb));
  const high = Math.min(Math.max(pa, pb), Math.max(qa, qb));
  if (low > high) return undefined;
  const t = pb === pa ? 0 : (low - pa) / (pb - pa);
  const x = p1x + t * (p2x - p1x);
  const y = p1y + t * (p2y - p1y);
  return { kind: low === high ? 'touch' : 'overlap', x, y };
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
  const results: RingIntersection[] = [];
  const seen = new Set<string>();

  const test = (i: number, j: number): void => {
    const ringI = segmentRing[i] as number;
    const ringJ = segmentRing[j] as number;
    const endI = segmentEnd[i] as number;
    const endJ = segmentEnd[j] as number;
    const contact = intersectSegments(
      xs[i] as number,
      ys[i] as number,
      xs[endI] as number,
      ys[endI] as number,
      xs[j] as number,
      ys[j] as number,
      xs[endJ] as number,
      ys[endJ] as number,
    );
    if (!contact) return;
    if (ringI === ringJ) {
      const gap = Math.abs((segmentPosition[i] as number) - (segmentPosition[j] as number));
      const adjacent = gap === 1 || gap === (ringSizes[ringI] as number) - 1;
      // Neighbours always share their vertex; only doubling back along each other is a defect.
      if (adjacent && contact.kind !== 'overlap') return;
    } else if (contact.kind !== 'cross') {
      return;
    }
    const x = contact.x + ox;
    const y = contact.y + oy;
    const key = `${ringI}:${ringJ}:${x.toFixed(9)}:${y.toFixed(9)}`;
    if (seen.has(key)) return;
    seen.add(key);
    results.push({
      kind: contact.kind,
      point: [x, y],
      a: ringRefs[ringI] as RingRef,
      b: ringRefs[ringJ] as RingRef,
    });
  };

  if (segmentCount <= PAIRWISE_MAX_SEGMENTS) {
    for (let i = 0; i < segmentCount && results.length < maxResults; i++) {
      for (let j = i + 1; j < segmentCount && results.length < maxResults; j++) test(i, j);
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
      test(i, j);
    }
  }
  return results;
}
