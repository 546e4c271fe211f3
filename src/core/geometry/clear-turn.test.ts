import fc from 'fast-check';
import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import type { Position } from '../types.ts';
import { clearTurn, convexRingsApart } from './clear-turn.ts';

/** A closed ring around Cixi from offsets in metres (about). */
function ring(offsets: readonly (readonly [number, number])[]): Position[] {
  const positions = offsets.map(([x, y]): Position => [121.25 + x / 96_000, 30.2 + y / 111_000]);
  return [...positions, positions[0] as Position];
}

/** Twice the planar signed area of a closed ring, in squared degrees. */
function twiceArea(part: readonly Position[]): number {
  let twice = 0;
  for (let k = 0; k + 1 < part.length; k++)
    twice +=
      (part[k]?.[0] as number) * (part[k + 1]?.[1] as number) -
      (part[k + 1]?.[0] as number) * (part[k]?.[1] as number);
  return twice;
}

/** The planar area two rings share, by polygon-clipping (what findOverlaps measures). */
function commonArea(a: Position[], b: Position[]): number {
  let area = 0;
  for (const polygon of polygonClipping.intersection([a as [number, number][]], [b as [number, number][]]))
    polygon.forEach((part, index) => {
      area += ((index === 0 ? 1 : -1) * Math.abs(twiceArea(part))) / 2;
    });
  return area;
}

const square = (x: number, y: number, size: number) =>
  ring([
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
  ]);

describe('convexRingsApart', () => {
  it('tells apart parts that share an edge or a corner, or lie apart, drawn either way round', () => {
    const a = square(0, 0, 50);
    for (const b of [square(50, 0, 50), square(50, 50, 30), square(120, 0, 10), square(0, -20, 20)]) {
      expect(convexRingsApart(a, clearTurn(a), b, clearTurn(b))).toBe(true);
      const back = [...b].reverse();
      expect(convexRingsApart(a, clearTurn(a), back, clearTurn(back))).toBe(true);
    }
  });

  it('never calls apart parts that share area, however little', () => {
    const a = square(0, 0, 50);
    const cases = {
      'the same part': square(0, 0, 50),
      'a part inside': square(10, 10, 5),
      'a part around': square(-10, -10, 80),
      'a sliver of a millimetre': square(49.999, 0, 50),
      'a corner': square(45, 45, 50),
    };
    for (const [name, b] of Object.entries(cases))
      expect(convexRingsApart(a, clearTurn(a), b, clearTurn(b)), name).toBe(false);
  });

  it('is true only of convex rings that polygon-clipping finds sharing no area', () => {
    const part = fc
      .uniqueArray(fc.integer({ min: 0, max: 35_999 }), { minLength: 3, maxLength: 8 })
      .chain((angles) =>
        fc.tuple(
          fc.constant([...angles].sort((a, b) => a - b).map((k) => (k / 36_000) * 2 * Math.PI)),
          fc.integer({ min: -80, max: 80 }),
          fc.integer({ min: -80, max: 80 }),
          fc.integer({ min: 5, max: 60 }),
          fc.boolean(),
        ),
      )
      .map(([angles, x, y, r, clockwise]) => {
        const offsets = angles.map((t) => [x + r * Math.cos(t), y + r * Math.sin(t)] as const);
        return ring(clockwise ? offsets.reverse() : offsets);
      });
    let apart = 0;
    fc.assert(
      fc.property(part, part, (a, b) => {
        const turnA = clearTurn(a);
        const turnB = clearTurn(b);
        if (turnA === 0 || turnB === 0 || !convexRingsApart(a, turnA, b, turnB)) return;
        apart++;
        // findOverlaps's own measure: a common area above 1e-9 of the smaller part is an overlap.
        const smaller = Math.min(Math.abs(twiceArea(a)), Math.abs(twiceArea(b))) / 2;
        expect(commonArea(a, b)).toBeLessThanOrEqual(1e-9 * smaller);
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(apart).toBeGreaterThan(300);
  });
});
