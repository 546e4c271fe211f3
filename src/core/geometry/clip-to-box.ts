/**
 * Sutherland–Hodgman clipping of a ring to an axis-aligned box. The result may contain edges that
 * run along the box border; callers clip to a box strictly larger than the geometry they intersect
 * with, so those edges lie outside it and never reach a result.
 */

import type { Ring } from '../types.ts';

export type Box = readonly [minX: number, minY: number, maxX: number, maxY: number];

type Inside = (x: number, y: number) => boolean;
type Cross = (ax: number, ay: number, bx: number, by: number) => number[];

function clipAgainstEdge(points: number[][], inside: Inside, cross: Cross): number[][] {
  const out: number[][] = [];
  const n = points.length;
  if (n === 0) return out;
  let prev = points[n - 1] as number[];
  let prevIn = inside(prev[0] as number, prev[1] as number);
  for (let i = 0; i < n; i++) {
    const point = points[i] as number[];
    const pointIn = inside(point[0] as number, point[1] as number);
    if (pointIn !== prevIn) {
      out.push(cross(prev[0] as number, prev[1] as number, point[0] as number, point[1] as number));
    }
    if (pointIn) out.push(point);
    prev = point;
    prevIn = pointIn;
  }
  return out;
}

/**
 * Clips a closed ring to a box and returns a closed ring, or null when nothing of it is left.
 * @param ring positions [x, y]; closed or open
 * @param box [minX, minY, maxX, maxY] in the same units
 */
export function clipRingToBox(ring: Ring, box: Box): Ring | null {
  const [minX, minY, maxX, maxY] = box;
  let points = ring as number[][];
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) points = points.slice(0, -1);

  points = clipAgainstEdge(
    points,
    (x) => x >= minX,
    (ax, ay, bx, by) => [minX, ay + ((by - ay) * (minX - ax)) / (bx - ax)],
  );
  points = clipAgainstEdge(
    points,
    (x) => x <= maxX,
    (ax, ay, bx, by) => [maxX, ay + ((by - ay) * (maxX - ax)) / (bx - ax)],
  );
  points = clipAgainstEdge(
    points,
    (_x, y) => y >= minY,
    (ax, ay, bx, by) => [ax + ((bx - ax) * (minY - ay)) / (by - ay), minY],
  );
  points = clipAgainstEdge(
    points,
    (_x, y) => y <= maxY,
    (ax, ay, bx, by) => [ax + ((bx - ax) * (maxY - ay)) / (by - ay), maxY],
  );
  if (points.length < 3) return null;
  points.push(points[0] as number[]);
  return points;
}
