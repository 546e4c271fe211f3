import fc from 'fast-check';
import * as polyclip from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import type { Ring } from '../types.ts';
import { clipRingToConvex, convexVertices } from './clip-to-convex.ts';

/** Planar signed area (counter-clockwise positive). */
function shoelace(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as number[];
    const b = ring[i + 1] as number[];
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum / 2;
}

const square: Ring = [
  [0, 0],
  [0, 2],
  [2, 2],
  [2, 0],
  [0, 0],
];

describe('convexVertices', () => {
  it('returns the distinct vertices counter-clockwise, from a closed or an open ring', () => {
    const expected = [
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(convexVertices(square)).toEqual(expected);
    expect(convexVertices(square.slice(0, -1))).toEqual(expected);
    expect(convexVertices([...square].reverse())).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });

  it('refuses reflex, collinear and repeated vertices, and a ring that winds twice', () => {
    const lShape: Ring = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ];
    const collinear: Ring = [
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    const repeated: Ring = [
      [0, 0],
      [2, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    const pentagram: Ring = [0, 2, 4, 1, 3, 0].map((k) => [
      Math.cos((2 * Math.PI * k) / 5),
      Math.sin((2 * Math.PI * k) / 5),
    ]);
    expect(convexVertices(lShape)).toBeNull();
    expect(convexVertices(collinear)).toBeNull();
    expect(convexVertices(repeated)).toBeNull();
    expect(convexVertices(pentagram)).toBeNull();
    expect(
      convexVertices([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe('clipRingToConvex', () => {
  it('keeps a ring inside, drops a ring outside', () => {
    const inside: Ring = [
      [0.5, 0.5],
      [1.5, 0.5],
      [1.5, 1.5],
      [0.5, 0.5],
    ];
    const outside: Ring = [
      [5, 5],
      [6, 5],
      [6, 6],
      [5, 5],
    ];
    const convex = convexVertices(square) as number[][];
    expect(shoelace(clipRingToConvex(inside, convex) as Ring)).toBeCloseTo(shoelace(inside), 15);
    expect(clipRingToConvex(outside, convex)).toBeNull();
  });

  // A star-shaped ring (often not convex) around a random centre, and a convex polygon on an ellipse.
  const starRing = fc
    .tuple(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.array(fc.double({ min: 0.2, max: 2, noNaN: true }), { minLength: 3, maxLength: 16 }),
    )
    .map(([cx, cy, radii]): Ring => {
      const ring: Ring = radii.map((r, i) => {
        const angle = (2 * Math.PI * i) / radii.length;
        return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
      });
      ring.push([...(ring[0] as number[])]);
      return ring;
    });
  const convexRing = fc
    .uniqueArray(fc.integer({ min: 0, max: 71 }), { minLength: 3, maxLength: 8 })
    .map((steps): Ring => {
      // Points on an ellipse in angular order (5° steps) make a convex polygon.
      const ring: Ring = [...steps]
        .sort((a, b) => a - b)
        .map((step) => [1.5 * Math.cos((step * Math.PI) / 36), Math.sin((step * Math.PI) / 36)]);
      ring.push([...(ring[0] as number[])]);
      return ring;
    });

  it('leaves a ring whose area is that of the intersection (polyclip-ts as reference)', () => {
    fc.assert(
      fc.property(starRing, convexRing, (ring, clip) => {
        const convex = convexVertices(clip);
        fc.pre(convex !== null && Math.abs(shoelace(clip)) > 1e-3);
        const clipped = clipRingToConvex(ring, convex as number[][]);
        const ours = clipped ? Math.abs(shoelace(clipped)) : 0;
        // Not polygon-clipping 0.15: it answers some of these wrong (a star and a triangle whose
        // overlap is 0.1381, ours and by sampling, came out 0.1955) and cannot close others.
        const overlay = polyclip.intersection([ring as [number, number][]], [clip as [number, number][]]);
        let reference = 0;
        for (const polygon of overlay) {
          polygon.forEach((part, k) => {
            reference += (k === 0 ? 1 : -1) * Math.abs(shoelace(part));
          });
        }
        expect(Math.abs(ours - reference)).toBeLessThan(1e-9 * Math.abs(shoelace(clip)));
      }),
    );
  });
});

/** Sutherland–Hodgman as written out plainly, every edge of the convex polygon applied. */
function clipEveryEdge(ring: Ring, convex: readonly (readonly number[])[]): Ring | null {
  let points = ring.slice(0, -1) as number[][];
  for (let k = 0; k < convex.length && points.length > 0; k++) {
    const [ax, ay] = convex[k] as [number, number];
    const [bx, by] = convex[(k + 1) % convex.length] as [number, number];
    const side = (p: number[]) => (bx - ax) * ((p[1] as number) - ay) - (by - ay) * ((p[0] as number) - ax);
    const out: number[][] = [];
    let previous = points[points.length - 1] as number[];
    for (const point of points) {
      const [s, e] = [side(previous), side(point)];
      if (e >= 0 !== s >= 0) {
        const t = s / (s - e);
        out.push([
          (previous[0] as number) + t * ((point[0] as number) - (previous[0] as number)),
          (previous[1] as number) + t * ((point[1] as number) - (previous[1] as number)),
        ]);
      }
      if (e >= 0) out.push(point);
      previous = point;
    }
    points = out;
  }
  if (points.length < 3) return null;
  points.push(points[0] as number[]);
  return points;
}

describe('clipRingToConvex against a convex polygon of many vertices', () => {
  it('skips only edges that change nothing: the same ring, to the bit, as applying every edge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 33, max: 3000 }),
        fc.array(
          fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })),
          {
            minLength: 3,
            maxLength: 40,
          },
        ),
        (vertices, positions) => {
          // A circle of radius 1 around (121.25, 30.2), and a ring of random positions near it.
          const circle = Array.from({ length: vertices }, (_, k) => [
            121.25 + Math.cos((2 * Math.PI * k) / vertices),
            30.2 + Math.sin((2 * Math.PI * k) / vertices),
          ]);
          const ring: Ring = positions.map(([x, y]) => [121.25 + x, 30.2 + y]);
          ring.push(ring[0] as number[]);
          expect(clipRingToConvex(ring, circle)).toEqual(clipEveryEdge(ring, circle));
        },
      ),
      { numRuns: 200 },
    );
  });
});
