import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '../types.ts';
import { findRingIntersections, intersectSegments } from './self-intersections.ts';

const X = 121.25;
const Y = 30.17;
const D = 0.001;

/** A ring in Cixi from offsets in units of D (about 100 m), closed. */
function ring(...offsets: [number, number][]): Position[] {
  const positions = offsets.map(([dx, dy]) => [X + dx * D, Y + dy * D]);
  return [...positions, [...(positions[0] as Position)]];
}

function rotate(positions: Position[], by: number): Position[] {
  const open = positions.slice(0, -1);
  const shift = by % open.length;
  const rotated = [...open.slice(shift), ...open.slice(0, shift)];
  return [...rotated, [...(rotated[0] as Position)]];
}

/** A regular polygon (convex, simple) with `n` vertices around Cixi. */
function regularRing(n: number, radius: number, phase: number): Position[] {
  const positions: Position[] = [];
  for (let k = 0; k < n; k++) {
    const angle = phase + (2 * Math.PI * k) / n;
    positions.push([X + radius * Math.cos(angle), Y + radius * Math.sin(angle)]);
  }
  return [...positions, [...(positions[0] as Position)]];
}

const square = ring([0, 0], [2, 0], [2, 2], [0, 2]);
const bowTie = ring([0, 0], [2, 2], [2, 0], [0, 2]);

describe('intersectSegments', () => {
  it('classifies crossings, touches, overlaps and misses', () => {
    expect(intersectSegments(0, 0, 2, 2, 0, 2, 2, 0)).toEqual({ kind: 'cross', x: 1, y: 1 });
    expect(intersectSegments(0, 0, 2, 0, 1, 0, 1, 1)).toEqual({ kind: 'touch', x: 1, y: 0 });
    expect(intersectSegments(0, 0, 2, 0, 1, 0, 3, 0)).toEqual({ kind: 'overlap', x: 1, y: 0 });
    expect(intersectSegments(0, 0, 1, 0, 1, 0, 2, 0)).toEqual({ kind: 'touch', x: 1, y: 0 });
    expect(intersectSegments(0, 0, 1, 0, 2, 0, 3, 0)).toBeUndefined();
    expect(intersectSegments(0, 0, 1, 1, 0, 1, 0.4, 0.6000001)).toBeUndefined();
  });
});

describe('findRingIntersections', () => {
  it('finds nothing in a simple square, open or closed', () => {
    expect(findRingIntersections([[square]])).toEqual([]);
    expect(findRingIntersections([[square.slice(0, -1)]])).toEqual([]);
  });

  it('finds the crossing of a bow-tie, at the crossing point', () => {
    const found = findRingIntersections([[bowTie]]);
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe('cross');
    expect(found[0]?.a).toEqual({ polygon: 0, ring: 0 });
    expect(found[0]?.b).toEqual({ polygon: 0, ring: 0 });
    expect(found[0]?.point[0]).toBeCloseTo(X + D, 12);
    expect(found[0]?.point[1]).toBeCloseTo(Y + D, 12);
  });

  it('reports a figure-8 ring that touches itself at one vertex', () => {
    const figureEight = ring([0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2]);
    const found = findRingIntersections([[figureEight]]);
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe('touch');
    expect(found[0]?.point).toEqual([X + D, Y + D]);
  });

  it('reports a vertex lying on another edge of the same ring', () => {
    // The vertex (1, 0) sits on the bottom edge of the outer loop.
    const pinched = ring([0, 0], [2, 0], [2, 2], [1, 2], [1, 0], [0.5, 2], [0, 2]);
    const found = findRingIntersections([[pinched]]);
    expect(found.some((i) => i.kind === 'touch' && i.point[0] === X + D && i.point[1] === Y)).toBe(true);
  });

  it('ignores repeated consecutive vertices but reports a spike that doubles back', () => {
    const withRepeats = [
      square[0],
      square[0],
      square[1],
      square[2],
      square[2],
      square[3],
      square[4],
    ] as Position[];
    expect(findRingIntersections([[withRepeats]])).toEqual([]);
    const spike = ring([0, 0], [2, 0], [2, 2], [1, 2], [1, 3], [1, 2.5], [0, 2]);
    // [1,2] → [1,3] → [1,2.5] doubles back along itself: adjacent segments that overlap.
    const found = findRingIntersections([[spike]]);
    expect(found.map((i) => i.kind)).toContain('overlap');
  });

  it('reports a hole crossing its shell, but not a hole touching it at a point', () => {
    const crossingHole = ring([1, 0.5], [2.5, 0.5], [2.5, 1], [1, 1]);
    const found = findRingIntersections([[square, crossingHole]]);
    expect(found).toHaveLength(2);
    expect(found.every((i) => i.kind === 'cross')).toBe(true);
    expect(found[0]?.a).toEqual({ polygon: 0, ring: 0 });
    expect(found[0]?.b).toEqual({ polygon: 0, ring: 1 });
    const touchingHole = ring([1, 0], [1.5, 1], [0.5, 1]);
    expect(findRingIntersections([[square, touchingHole]])).toEqual([]);
  });

  it('tolerates MultiPolygon parts that share an edge, but not parts that cross', () => {
    const neighbour = ring([2, 0], [4, 0], [4, 2], [2, 2]);
    expect(findRingIntersections([[square], [neighbour]])).toEqual([]);
    const overlapping = ring([1, 1], [3, 1], [3, 3], [1, 3]);
    const found = findRingIntersections([[square], [overlapping]]);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.b.polygon).toBe(1);
  });

  it('uses the index on large rings: none in a 5,000-vertex circle, one where two vertices are swapped', () => {
    const circle = regularRing(5000, 0.1, 0.1);
    expect(findRingIntersections([[circle]])).toEqual([]);
    const swapped = circle.map((p) => [...p]);
    const a = swapped[2000] as Position;
    swapped[2000] = swapped[2001] as Position;
    swapped[2001] = a;
    const found = findRingIntersections([[swapped]]);
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe('cross');
  });

  it('stops at maxResults', () => {
    // A zigzag ring whose closing edge cuts every tooth.
    const zigzag: [number, number][] = [];
    for (let k = 0; k < 40; k++) zigzag.push([k, k % 2 === 0 ? 0 : 2]);
    const found = findRingIntersections([[ring(...zigzag, [39, 1], [0, 1])]], { maxResults: 5 });
    expect(found).toHaveLength(5);
  });

  it('finds nothing in any convex polygon, whatever the start vertex and direction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 200 }),
        fc.double({ min: 1e-5, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 6.3, noNaN: true }),
        fc.nat(),
        fc.boolean(),
        (n, radius, phase, start, reverse) => {
          let positions = rotate(regularRing(n, radius, phase), start);
          if (reverse) positions = positions.reverse();
          expect(findRingIntersections([[positions]])).toEqual([]);
        },
      ),
    );
  });

  it('finds the same bow-tie crossing whatever the start vertex and direction', () => {
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), (start, reverse) => {
        let positions = rotate(bowTie, start);
        if (reverse) positions = positions.reverse();
        const found = findRingIntersections([[positions]]);
        expect(found).toHaveLength(1);
        expect(found[0]?.point[0]).toBeCloseTo(X + D, 12);
        expect(found[0]?.point[1]).toBeCloseTo(Y + D, 12);
      }),
    );
  });

  it('finds the same intersections through the index as pairwise (grid rings, many exact touches)', () => {
    const gridRing = fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
        .map(([i, j]) => [X + i * D, Y + j * D]),
      { minLength: 3, maxLength: 30 },
    );
    // A convex 40-gon far away pushes the geometry over the pairwise limit without meeting the ring.
    const farAway = regularRing(40, 0.01, 0).map(([x, y]) => [(x as number) + 1, y as number]);
    fc.assert(
      fc.property(gridRing, (positions) => {
        const pairwise = findRingIntersections([[positions]], { maxResults: 10_000 });
        const indexed = findRingIntersections([[positions], [farAway]], { maxResults: 10_000 });
        const key = (i: { kind: string; point: number[] }) => `${i.kind}:${i.point.map((v) => v.toFixed(9))}`;
        expect(indexed.map(key).sort()).toEqual(pairwise.map(key).sort());
      }),
      { numRuns: 1000 },
    );
  });
});
