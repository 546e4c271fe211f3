/** Shapes of the sample generator in local metres: rings, plot outlines and the non-overlap bookkeeping. */

import { toLocal, toLonLat } from './local-frame.ts';
import {
  type Bbox,
  bboxOfRings,
  convexPolygonsOverlap,
  type MultiPolygon,
  type Point,
  type PointInAreaIndex,
  type Polygon,
  type Ring,
  ringSignedAreaDeg2,
} from './planar.ts';
import type { Random } from './prng.ts';

/** A closed ring from an open list of points, counter-clockwise unless `clockwise`. */
export function closedRing(points: Ring, clockwise = false): Ring {
  const ring = [...points, points[0] as Point];
  // ringSignedAreaDeg2 is negative for a counter-clockwise ring (its sum runs over the edges backwards).
  const isCounterClockwise = ringSignedAreaDeg2(ring) < 0;
  return isCounterClockwise === clockwise ? ring.reverse() : ring;
}

/** Rotates points by `angle` about the origin and moves them to `centre`. */
export function transform(points: Ring, centre: Point, angle: number): Ring {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const [cx = 0, cy = 0] = centre;
  return points.map(([x = 0, y = 0]) => [cx + x * cos - y * sin, cy + x * sin + y * cos]);
}

/**
 * A plot outline in local metres: a rotated, slightly irregular rectangle, sometimes with a cut
 * corner, a hole (2 %) or as two parts across a lane (2 %). Every outer ring is convex.
 */
export function plotShape(random: Random, centre: Point, areaM2: number, angle: number): MultiPolygon {
  const aspect = random.uniform(1, 2.2);
  const twoParts = random.chance(0.02);
  const partArea = twoParts ? areaM2 / 2 : areaM2;
  const length = Math.sqrt(partArea * aspect);
  const width = partArea / length;
  const makeOuter = (dx: number): Ring => {
    const halfL = length / 2;
    const halfW = width / 2;
    const wobble = () => random.uniform(-0.05, 0.05) * width;
    let points: Ring = [
      [dx - halfL + wobble(), -halfW + wobble()],
      [dx + halfL + wobble(), -halfW + wobble()],
      [dx + halfL + wobble(), halfW + wobble()],
      [dx - halfL + wobble(), halfW + wobble()],
    ];
    if (random.chance(0.2)) {
      // Cut one corner: the point becomes two points a quarter of the way along its edges.
      const corner = random.int(0, 3);
      const previous = points[(corner + 3) % 4] as Point;
      const at = points[corner] as Point;
      const next = points[(corner + 1) % 4] as Point;
      const along = (from: Point, to: Point, t: number): Point => [
        (from[0] ?? 0) + ((to[0] ?? 0) - (from[0] ?? 0)) * t,
        (from[1] ?? 0) + ((to[1] ?? 0) - (from[1] ?? 0)) * t,
      ];
      points = [
        ...points.slice(0, corner),
        along(at, previous, 0.25),
        along(at, next, 0.25),
        ...points.slice(corner + 1),
      ];
    }
    return points;
  };
  if (twoParts) {
    // Wider than the two wobbles together (each up to 5 % of the width), so the parts never touch.
    const gap = Math.max(4, width * 0.25);
    return [
      [closedRing(transform(makeOuter(-length / 2 - gap / 2), centre, angle))],
      [closedRing(transform(makeOuter(length / 2 + gap / 2), centre, angle))],
    ];
  }
  const polygon: Polygon = [closedRing(transform(makeOuter(0), centre, angle))];
  if (random.chance(0.02)) {
    const holeL = length * 0.15;
    const holeW = width * 0.15;
    const hole: Ring = [
      [-holeL, -holeW],
      [holeL, -holeW],
      [holeL, holeW],
      [-holeL, holeW],
    ];
    polygon.push(closedRing(transform(hole, centre, angle), true));
  }
  return [polygon];
}

/** Non-overlap bookkeeping: a uniform grid of 200 m cells holding the outer rings of placed plots. */
export class PlotPlacer {
  static readonly CELL_M = 200;
  readonly #region: PointInAreaIndex;
  readonly #cells = new Map<number, number[]>();
  readonly #parts: Array<{ ring: Ring; box: Bbox }> = [];

  constructor(region: PointInAreaIndex) {
    this.#region = region;
  }

  #key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  /** Adds the plot if all its vertices (rounded as they will be written) are in the region and it overlaps no other. */
  tryAdd(polygons: MultiPolygon): boolean {
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const point of ring) {
          const [x = 0, y = 0] = toLocal(toLonLat(point));
          if (!this.#region.contains(x, y)) return false;
        }
      }
    }
    const parts = polygons.map((polygon) => {
      const ring = (polygon[0] as Ring).slice(0, -1);
      return { ring, box: bboxOfRings([ring]) };
    });
    for (const part of parts) {
      for (const index of this.#cellIndices(part.box, false)) {
        const other = this.#parts[index] as { ring: Ring; box: Bbox };
        if (
          other.box[0] < part.box[2] &&
          part.box[0] < other.box[2] &&
          other.box[1] < part.box[3] &&
          part.box[1] < other.box[3] &&
          convexPolygonsOverlap(part.ring, other.ring)
        ) {
          return false;
        }
      }
    }
    for (const part of parts) {
      const index = this.#parts.length;
      this.#parts.push(part);
      this.#cellIndices(part.box, true, index);
    }
    return true;
  }

  #cellIndices(box: Bbox, insert: boolean, value = -1): number[] {
    const found: number[] = [];
    const size = PlotPlacer.CELL_M;
    for (let cx = Math.floor(box[0] / size); cx <= Math.floor(box[2] / size); cx++) {
      for (let cy = Math.floor(box[1] / size); cy <= Math.floor(box[3] / size); cy++) {
        const key = this.#key(cx, cy);
        let list = this.#cells.get(key);
        if (insert) {
          if (!list) {
            list = [];
            this.#cells.set(key, list);
          }
          list.push(value);
        } else if (list) {
          found.push(...list);
        }
      }
    }
    return found;
  }
}
