import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '../../types.ts';
import { findRingIntersections } from '../self-intersections.ts';
import { isClearlyConvex } from './check-rings.ts';

/** A closed ring of lon/lat positions around Cixi from offsets in metres (about). */
function ring(offsets: readonly (readonly [number, number])[]): Position[] {
  const positions = offsets.map(([x, y]): Position => [121.25 + x / 96_000, 30.2 + y / 111_000]);
  return [...positions, positions[0] as Position];
}

describe('isClearlyConvex', () => {
  it('takes plain convex plots, drawn either way round', () => {
    const square = ring([
      [0, 0],
      [80, 0],
      [80, 60],
      [0, 60],
    ]);
    expect(isClearlyConvex([[square]])).toBe(true);
    expect(isClearlyConvex([[[...square].reverse()]])).toBe(true);
  });

  it('leaves to the full check what is not clearly one convex ring', () => {
    const cases: Record<string, Position[][][]> = {
      'a vertex on a straight stretch': [
        [
          ring([
            [0, 0],
            [40, 0],
            [80, 0],
            [80, 60],
            [0, 60],
          ]),
        ],
      ],
      'a spike': [
        [
          ring([
            [0, 0],
            [80, 0],
            [80, 60],
            [80, 0.000001],
            [0, 60],
          ]),
        ],
      ],
      'a pentagram, every turn the same way': [
        [
          ring(
            [0, 2, 4, 1, 3].map(
              (k) => [100 * Math.cos((2 * Math.PI * k) / 5), 100 * Math.sin((2 * Math.PI * k) / 5)] as const,
            ),
          ),
        ],
      ],
      'a square drawn twice round': [
        [
          ring([
            [0, 0],
            [80, 0],
            [80, 60],
            [0, 60],
            [0, 0],
            [80, 0],
            [80, 60],
            [0, 60],
          ]),
        ],
      ],
      'a repeated vertex': [
        [
          ring([
            [0, 0],
            [80, 0],
            [80, 0],
            [80, 60],
            [0, 60],
          ]),
        ],
      ],
      'a hole': [
        [
          ring([
            [0, 0],
            [80, 0],
            [80, 60],
            [0, 60],
          ]),
          ring([
            [10, 10],
            [10, 20],
            [20, 20],
          ]),
        ],
      ],
      'an open ring': [
        [
          [
            [121.25, 30.2],
            [121.251, 30.2],
            [121.251, 30.201],
          ],
        ],
      ],
    };
    for (const [name, polygons] of Object.entries(cases)) expect(isClearlyConvex(polygons), name).toBe(false);
  });

  it('is true only of rings in which findRingIntersections finds nothing', () => {
    // Random rings of 3 to 9 vertices: convex ones (points on a circle in order), stars, zigzags.
    const point = fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }));
    const angles = fc
      .uniqueArray(fc.integer({ min: 0, max: 35_999 }), { minLength: 3, maxLength: 9 })
      .map((list) => list.map((k) => (k / 36_000) * 2 * Math.PI));
    const onCircle = angles.map((list) =>
      [...list].sort((a, b) => a - b).map((t) => [50 * Math.cos(t), 30 * Math.sin(t)] as const),
    );
    const shuffled = angles.map((list) => list.map((t) => [50 * Math.cos(t), 30 * Math.sin(t)] as const));
    const anyPoints = fc.array(point, { minLength: 3, maxLength: 9 });
    let convex = 0;
    fc.assert(
      fc.property(fc.oneof(onCircle, shuffled, anyPoints), (offsets) => {
        const polygons = [[ring(offsets)]];
        if (!isClearlyConvex(polygons)) return;
        convex++;
        expect(findRingIntersections(polygons)).toEqual([]);
      }),
      { numRuns: 3000, seed: 7 },
    );
    // The property was not checked on nothing.
    expect(convex).toBeGreaterThan(300);
  });
});
