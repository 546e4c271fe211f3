/**
 * Small planar helpers on longitude/latitude coordinates for the data-making scripts: point in
 * polygon, bounding boxes, ring areas in square degrees, rounding and Douglas–Peucker simplification.
 * They are for building and checking data, not for the numbers the product shows (those are in src/core).
 */

export type Point = number[];
export type Ring = Point[];
export type Polygon = Ring[];
export type MultiPolygon = Polygon[];
export type Bbox = [minX: number, minY: number, maxX: number, maxY: number];

/** True if (x, y) is inside the ring (even–odd rule; points on an edge may go either way). */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as Point;
    const [xj = 0, yj = 0] = ring[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True if (x, y) is inside the polygon's outer ring and in none of its holes. */
export function pointInPolygon(x: number, y: number, polygon: Polygon): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !pointInRing(x, y, outer)) return false;
  return !holes.some((hole) => pointInRing(x, y, hole));
}

/** True if (x, y) is inside any polygon of the multipolygon. */
export function pointInMultiPolygon(x: number, y: number, multiPolygon: MultiPolygon): boolean {
  return multiPolygon.some((polygon) => pointInPolygon(x, y, polygon));
}

/** Bounding box of all points of the rings. */
export function bboxOfRings(rings: Iterable<Ring>): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x = 0, y = 0] of ring) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

/** Bounding box of a multipolygon. */
export function bboxOfMultiPolygon(multiPolygon: MultiPolygon): Bbox {
  return bboxOfRings(multiPolygon.flat());
}

/** True if two boxes share at least a point. */
export function bboxesIntersect(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Shoelace area of a ring in square degrees, positive when counter-clockwise. */
export function ringSignedAreaDeg2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as Point;
    const [xj = 0, yj = 0] = ring[j] as Point;
    sum += (xj - xi) * (yj + yi);
  }
  return -sum / 2;
}

/**
 * Approximate area of a ring in m², from square degrees scaled at the ring's mean latitude
 * (sphere of radius 6371 km). Good to a few per cent: enough to choose what to drop.
 */
export function ringAreaApproxM2(ring: Ring): number {
  const [, minY, , maxY] = bboxOfRings([ring]);
  const metresPerDegree = (6371008.8 * Math.PI) / 180;
  const cosLat = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  return Math.abs(ringSignedAreaDeg2(ring)) * metresPerDegree * metresPerDegree * cosLat;
}

/** Rounds every coordinate to `decimals` places and drops consecutive duplicates that this creates. */
export function roundRing(ring: Ring, decimals: number): Ring {
  const factor = 10 ** decimals;
  const out: Ring = [];
  for (const [x = 0, y = 0] of ring) {
    const point = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
    const last = out[out.length - 1];
    if (last && last[0] === point[0] && last[1] === point[1]) continue;
    out.push(point);
  }
  return out;
}

/** Squared distance from p to the segment a–b, in the units of the coordinates. */
function segmentDistance2(p: Point, a: Point, b: Point): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  let dx = bx - ax;
  let dy = by - ay;
  let x = ax;
  let y = ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/**
 * Douglas–Peucker simplification of a closed ring (first point = last point). The longitude is
 * scaled by cos(latitude) so that the tolerance means the same distance in both directions.
 * @param ring closed ring, [lon, lat] degrees
 * @param toleranceDeg tolerance in degrees of latitude (1e-4° ≈ 11 m)
 * @returns the simplified closed ring, or null when fewer than 4 points remain
 */
export function simplifyRing(ring: Ring, toleranceDeg: number): Ring | null {
  if (ring.length <= 4) return ring.length === 4 ? ring : null;
  const cosLat = Math.cos(((ring[0]?.[1] ?? 0) * Math.PI) / 180);
  const scaled = ring.map(([x = 0, y = 0]) => [x * cosLat, y]);
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  // A closed ring has coincident ends, so split it at the point farthest from the start first.
  let far = 0;
  let farDistance = -1;
  const start = scaled[0] as Point;
  for (let i = 1; i < scaled.length - 1; i++) {
    const [x = 0, y = 0] = scaled[i] as Point;
    const d = (x - (start[0] ?? 0)) ** 2 + (y - (start[1] ?? 0)) ** 2;
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  keep[far] = 1;
  const tolerance2 = toleranceDeg * toleranceDeg;
  // avoid recursion by using a stack
  const stack: number[] = [0, far, far, ring.length - 1];
  while (stack.length > 0) {
    const last = stack.pop() as number;
    const first = stack.pop() as number;
    let maxDistance = tolerance2;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(scaled[i] as Point, scaled[first] as Point, scaled[last] as Point);
      if (d > maxDistance) {
        maxDistance = d;
        index = i;
      }
    }
    if (index !== -1) {
      keep[index] = 1;
      stack.push(first, index, index, last);
    }
  }
  const out = ring.filter((_, i) => keep[i] === 1);
  return out.length >= 4 ? out : null;
}

/**
 * Sutherland–Hodgman clip of a ring to an axis-aligned box. Where the ring leaves and re-enters
 * the box the result runs along the box edge, so it may touch itself there; use it to cut a huge
 * ring down to the neighbourhood of a box before an exact overlay, not as the final result.
 * @returns the clipped closed ring, or null when nothing is left
 */
export function clipRingToBbox(ring: Ring, box: Bbox): Ring | null {
  const edges: Array<(p: Point) => number> = [
    (p) => (p[0] ?? 0) - box[0],
    (p) => box[2] - (p[0] ?? 0),
    (p) => (p[1] ?? 0) - box[1],
    (p) => box[3] - (p[1] ?? 0),
  ];
  let points = ring.slice(0, ring.length - 1);
  for (const inside of edges) {
    if (points.length === 0) break;
    const next: Ring = [];
    for (let i = 0; i < points.length; i++) {
      const current = points[i] as Point;
      const previous = points[(i + points.length - 1) % points.length] as Point;
      const dc = inside(current);
      const dp = inside(previous);
      if (dc >= 0) {
        if (dp < 0) next.push(intersect(previous, current, dp, dc));
        next.push(current);
      } else if (dp >= 0) {
        next.push(intersect(previous, current, dp, dc));
      }
    }
    points = next;
  }
  if (points.length < 3) return null;
  return [...points, points[0] as Point];
}

function intersect(a: Point, b: Point, da: number, db: number): Point {
  const t = da / (da - db);
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  return [ax + (bx - ax) * t, ay + (by - ay) * t];
}

/**
 * Point-in-area test for a multipolygon with many edges, answered by looking only at the edges
 * that cross the query's horizontal band (even–odd rule over all rings of all polygons, which is
 * right for valid, non-overlapping multipolygons).
 */
export class PointInAreaIndex {
  readonly bbox: Bbox;
  readonly #bands: Float64Array[];
  readonly #bandHeight: number;

  constructor(multiPolygon: MultiPolygon) {
    this.bbox = bboxOfMultiPolygon(multiPolygon);
    const edges: number[][] = [];
    for (const polygon of multiPolygon) {
      for (const ring of polygon) {
        for (let i = 1; i < ring.length; i++) {
          const [x1 = 0, y1 = 0] = ring[i - 1] as Point;
          const [x2 = 0, y2 = 0] = ring[i] as Point;
          if (y1 !== y2) edges.push([x1, y1, x2, y2]);
        }
      }
    }
    const bandCount = Math.max(1, Math.min(4096, Math.ceil(edges.length / 4)));
    this.#bandHeight = (this.bbox[3] - this.bbox[1]) / bandCount || 1;
    const lists: number[][] = Array.from({ length: bandCount }, () => []);
    for (const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] of edges) {
      const first = this.#band(Math.min(y1, y2));
      const last = this.#band(Math.max(y1, y2));
      for (let band = first; band <= last; band++) lists[band]?.push(x1, y1, x2, y2);
    }
    this.#bands = lists.map((list) => Float64Array.from(list));
  }

  #band(y: number): number {
    const band = Math.floor((y - this.bbox[1]) / this.#bandHeight);
    return Math.max(0, Math.min(band, Math.ceil((this.bbox[3] - this.bbox[1]) / this.#bandHeight) - 1));
  }

  /** True if (x, y) lies inside the area. */
  contains(x: number, y: number): boolean {
    if (x < this.bbox[0] || x > this.bbox[2] || y < this.bbox[1] || y > this.bbox[3]) return false;
    const edges = this.#bands[this.#band(y)];
    if (!edges) return false;
    let inside = false;
    for (let i = 0; i < edges.length; i += 4) {
      const x1 = edges[i] as number;
      const y1 = edges[i + 1] as number;
      const x2 = edges[i + 2] as number;
      const y2 = edges[i + 3] as number;
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  }
}

/**
 * True if two convex polygons (open rings, any orientation) overlap in more than a boundary,
 * by the separating axis theorem.
 */
export function convexPolygonsOverlap(a: Ring, b: Ring): boolean {
  return !hasSeparatingAxis(a, b) && !hasSeparatingAxis(b, a);
}

function hasSeparatingAxis(a: Ring, b: Ring): boolean {
  for (let i = 0; i < a.length; i++) {
    const [x1 = 0, y1 = 0] = a[i] as Point;
    const [x2 = 0, y2 = 0] = a[(i + 1) % a.length] as Point;
    const nx = y2 - y1;
    const ny = x1 - x2;
    let minA = Infinity;
    let maxA = -Infinity;
    for (const [x = 0, y = 0] of a) {
      const d = x * nx + y * ny;
      if (d < minA) minA = d;
      if (d > maxA) maxA = d;
    }
    let minB = Infinity;
    let maxB = -Infinity;
    for (const [x = 0, y = 0] of b) {
      const d = x * nx + y * ny;
      if (d < minB) minB = d;
      if (d > maxB) maxB = d;
    }
    if (maxA <= minB || maxB <= minA) return true;
  }
  return false;
}
