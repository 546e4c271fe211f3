/**
 * Sutherland–Hodgman clipping of a ring (any simple ring, convex or not) to a convex ring. The
 * result may run back and forth along the convex ring's border where the clipped ring leaves and
 * re-enters it; those doubled edges enclose nothing, so the result's signed area is exactly the area
 * of the intersection (Sutherland & Hodgman, "Reentrant polygon clipping", CACM 17(1), 1974).
 */

import type { Ring } from '../types.ts';

/**
 * The distinct vertices of a convex ring, counter-clockwise in x/y, or null when the ring is not
 * strictly convex and simple (a collinear or reflex vertex, a repeated position, or a ring that
 * winds more than once).
 * @param ring positions [x, y]; closed or open
 */
export function convexVertices(ring: Ring): number[][] | null {
  let points = ring as number[][];
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) points = points.slice(0, -1);
  const n = points.length;
  if (n < 3) return null;
  let sign = 0;
  // Turning one way throughout, a ring that winds once reverses its x direction exactly twice.
  let xReversals = 0;
  let firstXSign = 0;
  let lastXSign = 0;
  for (let i = 0; i < n; i++) {
    const a = points[i] as number[];
    const b = points[(i + 1) % n] as number[];
    const c = points[(i + 2) % n] as number[];
    const dx = (b[0] as number) - (a[0] as number);
    const dy = (b[1] as number) - (a[1] as number);
    const cross = dx * ((c[1] as number) - (b[1] as number)) - dy * ((c[0] as number) - (b[0] as number));
    // A zero (or NaN) cross product is a collinear or repeated vertex.
    if (!(cross > 0 || cross < 0) || (sign !== 0 && Math.sign(cross) !== sign)) return null;
    sign = Math.sign(cross);
    const xSign = Math.sign(dx);
    if (xSign === 0) continue;
    if (firstXSign === 0) firstXSign = xSign;
    else if (xSign !== lastXSign) xReversals++;
    lastXSign = xSign;
  }
  if (firstXSign !== lastXSign) xReversals++;
  if (xReversals !== 2) return null;
  return sign > 0 ? points : points.slice().reverse();
}

/**
 * Clips a ring to a convex polygon and returns a closed ring, or null when nothing of it is left.
 * The result keeps the ring's orientation.
 * @param ring positions [x, y]; closed or open
 * @param convex the convex polygon's vertices as {@link convexVertices} returns them
 */
export function clipRingToConvex(ring: Ring, convex: readonly (readonly number[])[]): Ring | null {
  let points = ring as number[][];
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) points = points.slice(0, -1);
  const n = convex.length;
  // Only a polygon of many vertices gains from skipping edges (see below).
  const skipping = n > SKIP_FROM_VERTICES;
  let box = skipping ? boxOf(points) : NO_BOX;
  for (let k = 0; k < n && points.length > 0; k++) {
    const a = convex[k] as number[];
    const b = convex[(k + 1) % n] as number[];
    const ax = a[0] as number;
    const ay = a[1] as number;
    const ex = (b[0] as number) - ax;
    const ey = (b[1] as number) - ay;
    // An edge with the whole ring's box well inside it leaves the ring as it is (every point kept,
    // in order): skipped, so that a convex polygon of thousands of vertices costs the ring only
    // the edges that cut it (a circle of 30,000 vertices took 11 s against the zones).
    if (skipping && boxInside(box, ax, ay, ex, ey)) continue;
    // Positive on the left of a→b, the inside of a counter-clockwise polygon.
    const out: number[][] = [];
    let previous = points[points.length - 1] as number[];
    let previousSide = ex * ((previous[1] as number) - ay) - ey * ((previous[0] as number) - ax);
    for (const point of points) {
      const pointSide = ex * ((point[1] as number) - ay) - ey * ((point[0] as number) - ax);
      if (pointSide >= 0 !== previousSide >= 0) {
        const t = previousSide / (previousSide - pointSide);
        const px = previous[0] as number;
        const py = previous[1] as number;
        out.push([px + t * ((point[0] as number) - px), py + t * ((point[1] as number) - py)]);
      }
      if (pointSide >= 0) out.push(point);
      previous = point;
      previousSide = pointSide;
    }
    points = out;
    if (skipping) box = boxOf(points);
  }
  if (points.length < 3) return null;
  points.push(points[0] as number[]);
  return points;
}

/** Vertices of the convex polygon from which edges that leave the ring as it is are skipped. */
const SKIP_FROM_VERTICES = 32;
const NO_BOX: [number, number, number, number] = [0, 0, 0, 0];

/** The box of the points: min x, min y, max x, max y. */
function boxOf(points: readonly (readonly number[])[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const point of points) {
    const x = point[0] as number;
    const y = point[1] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/**
 * True when every point of the box lies on the left of the line through a along e, by far more
 * than the rounding of clipRingToConvex's side test (a linear function of the point, so its least
 * value over the box is at a corner): each point of the box then tests inside there too.
 */
function boxInside(box: readonly number[], ax: number, ay: number, ex: number, ey: number): boolean {
  const [minX, minY, maxX, maxY] = box as [number, number, number, number];
  const dx = Math.max(Math.abs(minX - ax), Math.abs(maxX - ax));
  const dy = Math.max(Math.abs(minY - ay), Math.abs(maxY - ay));
  const margin = 1e-12 * (Math.abs(ex) * dy + Math.abs(ey) * dx);
  return (
    ex * (minY - ay) - ey * (minX - ax) > margin &&
    ex * (minY - ay) - ey * (maxX - ax) > margin &&
    ex * (maxY - ay) - ey * (minX - ax) > margin &&
    ex * (maxY - ay) - ey * (maxX - ax) > margin
  );
}
