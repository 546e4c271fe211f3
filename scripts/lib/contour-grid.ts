/**
 * The area where a sampled field is positive, as polygons: marching squares with linear
 * interpolation along the cell edges. Used by the sample generator to draw organic outlines.
 */

import { type MultiPolygon, type Point, pointInRing, type Ring, ringSignedAreaDeg2 } from './planar.ts';

/** A field sampled on a regular grid: `values[j * width + i]` at (originX + i × cell, originY + j × cell). */
export interface SampledGrid {
  originX: number;
  originY: number;
  cell: number;
  width: number;
  height: number;
  values: Float32Array | Float64Array;
}

/**
 * Polygons of the area where the field is positive (outside the grid counts as negative, so every
 * ring closes). Outer rings counter-clockwise, holes clockwise, rings closed; a saddle cell is
 * resolved by the mean of its four corners.
 */
export function contourPolygons(grid: SampledGrid): MultiPolygon {
  const { width, height, values, cell, originX, originY } = grid;
  // Sample (i, j) for i in -1..width, j in -1..height; outside the grid it is negative.
  const value = (i: number, j: number): number =>
    i < 0 || j < 0 || i >= width || j >= height ? -1 : (values[j * width + i] as number);
  const stride = width + 2;
  /** Horizontal edge from sample (i, j) to (i + 1, j): even keys; vertical edge to (i, j + 1): odd keys. */
  const horizontal = (i: number, j: number) => ((j + 1) * stride + (i + 1)) * 2;
  const vertical = (i: number, j: number) => ((j + 1) * stride + (i + 1)) * 2 + 1;
  const next = new Map<number, number>();
  const points = new Map<number, Point>();
  const crossing = (key: number, i1: number, j1: number, v1: number, i2: number, j2: number, v2: number) => {
    if (!points.has(key)) {
      const t = Math.min(0.999, Math.max(0.001, v1 / (v1 - v2)));
      points.set(key, [originX + (i1 + (i2 - i1) * t) * cell, originY + (j1 + (j2 - j1) * t) * cell]);
    }
  };
  for (let j = -1; j < height; j++) {
    for (let i = -1; i < width; i++) {
      const a = value(i, j);
      const b = value(i + 1, j);
      const c = value(i + 1, j + 1);
      const d = value(i, j + 1);
      const inside = [a > 0, b > 0, c > 0, d > 0];
      if (inside.every((x) => x) || inside.every((x) => !x)) continue;
      // The cell's edges counter-clockwise: bottom a→b, right b→c, top c→d, left d→a.
      const edges = [
        { key: horizontal(i, j), from: 0, to: 1, p: [i, j, a], q: [i + 1, j, b] },
        { key: vertical(i + 1, j), from: 1, to: 2, p: [i + 1, j, b], q: [i + 1, j + 1, c] },
        { key: horizontal(i, j + 1), from: 2, to: 3, p: [i + 1, j + 1, c], q: [i, j + 1, d] },
        { key: vertical(i, j), from: 3, to: 0, p: [i, j + 1, d], q: [i, j, a] },
      ];
      // A crossing where the walk leaves the area starts a segment (the area stays on its left);
      // one where it enters ends a segment.
      const crossings: Array<{ key: number; starts: boolean }> = [];
      for (const edge of edges) {
        const fromIn = inside[edge.from] as boolean;
        if (fromIn === inside[edge.to]) continue;
        const [i1 = 0, j1 = 0, v1 = 0] = edge.p;
        const [i2 = 0, j2 = 0, v2 = 0] = edge.q;
        crossing(edge.key, i1, j1, v1, i2, j2, v2);
        crossings.push({ key: edge.key, starts: fromIn });
      }
      if (crossings.length === 2) {
        const [first, second] = crossings as [
          { key: number; starts: boolean },
          { key: number; starts: boolean },
        ];
        if (first.starts) next.set(first.key, second.key);
        else next.set(second.key, first.key);
      } else {
        // Saddle: with the centre inside, each start joins the next crossing counter-clockwise,
        // else the previous one.
        const centreInside = (a + b + c + d) / 4 > 0;
        for (let k = 0; k < 4; k++) {
          const here = crossings[k] as { key: number; starts: boolean };
          if (!here.starts) continue;
          const other = crossings[(k + (centreInside ? 1 : 3)) % 4] as { key: number };
          next.set(here.key, other.key);
        }
      }
    }
  }
  const outers: Array<{ ring: Ring; area: number; holes: Ring[] }> = [];
  const holes: Ring[] = [];
  const seen = new Set<number>();
  for (const start of next.keys()) {
    if (seen.has(start)) continue;
    const ring: Ring = [];
    let key: number | undefined = start;
    while (key !== undefined && !seen.has(key)) {
      seen.add(key);
      ring.push(points.get(key) as Point);
      key = next.get(key);
    }
    if (ring.length < 3) continue;
    ring.push(ring[0] as Point);
    // ringSignedAreaDeg2 is negative for a counter-clockwise ring.
    const area = -ringSignedAreaDeg2(ring);
    if (area > 0) outers.push({ ring, area, holes: [] });
    else holes.push(ring);
  }
  for (const hole of holes) {
    const [x = 0, y = 0] = hole[0] as Point;
    let owner: (typeof outers)[number] | undefined;
    for (const outer of outers) {
      if ((owner === undefined || outer.area < owner.area) && pointInRing(x, y, outer.ring)) owner = outer;
    }
    owner?.holes.push(hole);
  }
  return outers.map((outer) => [outer.ring, ...outer.holes]);
}
