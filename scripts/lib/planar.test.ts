import { describe, expect, it } from 'vitest';
import {
  clipRingToBbox,
  convexPolygonsOverlap,
  PointInAreaIndex,
  pointInPolygon,
  simplifyRing,
} from './planar.ts';

const square = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];
const hole = [
  [4, 4],
  [4, 6],
  [6, 6],
  [6, 4],
  [4, 4],
];

describe('planar helpers', () => {
  it('answers point-in-polygon with holes the same way through the band index', () => {
    const index = new PointInAreaIndex([[square, hole]]);
    for (const [x, y, inside] of [
      [1, 1, true],
      [5, 5, false],
      [9.5, 3, true],
      [11, 5, false],
      [-0.5, 5, false],
    ] as const) {
      expect(pointInPolygon(x, y, [square, hole])).toBe(inside);
      expect(index.contains(x, y)).toBe(inside);
    }
  });

  it('detects overlap of convex polygons but not mere touching', () => {
    const a = square.slice(0, -1);
    const shifted = (dx: number) => a.map(([x = 0, y = 0]) => [x + dx, y]);
    expect(convexPolygonsOverlap(a, shifted(9))).toBe(true);
    expect(convexPolygonsOverlap(a, shifted(10))).toBe(false);
    expect(convexPolygonsOverlap(a, shifted(10.5))).toBe(false);
  });

  it('clips a ring to a box', () => {
    const clipped = clipRingToBbox(square, [5, -1, 20, 5]);
    expect(clipped).not.toBeNull();
    const xs = (clipped ?? []).map(([x = 0]) => x);
    expect(Math.min(...xs)).toBe(5);
    expect(Math.max(...xs)).toBe(10);
    expect(clipRingToBbox(square, [20, 20, 30, 30])).toBeNull();
  });

  it('simplifies away points closer than the tolerance and keeps the corners', () => {
    const noisy = [
      [0, 0],
      [5, 0.00001],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    expect(simplifyRing(noisy, 0.001)).toEqual(square);
  });
});
