import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { BoxPairs } from './box-pairs.ts';

/** Every later item whose box overlaps item i's with a positive area, ascending: the plain way. */
function bruteForce(boxes: Float64Array, items: Int32Array, i: number): number[] {
  const found: number[] = [];
  for (const j of items) {
    if (
      j > i &&
      (boxes[4 * j] as number) < (boxes[4 * i + 2] as number) &&
      (boxes[4 * j + 2] as number) > (boxes[4 * i] as number) &&
      (boxes[4 * j + 1] as number) < (boxes[4 * i + 3] as number) &&
      (boxes[4 * j + 3] as number) > (boxes[4 * i + 1] as number)
    )
      found.push(j);
  }
  return found;
}

/**
 * A layer of `plotCount` plots around Cixi, a few left out of the items (as plots without a usable
 * geometry are), shaped by `kind`: plots of about one size, with some large ones among them, with
 * copies and neighbours sharing edges (boxes that touch), or all in one row (no height to the layer).
 */
function randomLayer(seed: number, plotCount: number, kind: 'plain' | 'large' | 'touching' | 'row' | 'far') {
  const random = mulberry32(seed);
  const boxes = new Float64Array(4 * plotCount);
  const items: number[] = [];
  for (let i = 0; i < plotCount; i++) {
    if (random() < 0.05) continue;
    let w = 0.0005 + random() * 0.002;
    let h = kind === 'row' ? 0 : 0.0005 + random() * 0.002;
    if (kind === 'large' && random() < 0.03) {
      w *= 10 + random() * 200;
      h *= 10 + random() * 200;
    }
    // Far: half the plots near 0°, 0° (coordinates of another system read as degrees).
    const far = kind === 'far' && random() < 0.5;
    let x = (far ? 0 : 121.1) + random() * 0.3;
    let y = kind === 'row' ? 30.2 : (far ? 0 : 30.1) + random() * 0.2;
    if (kind === 'touching' && i > 0 && random() < 0.5) {
      // Next to, or on, the previous plot's box: a shared edge, a shared corner, or a copy.
      const p = i - 1;
      const how = Math.floor(random() * 3);
      x = how === 0 ? (boxes[4 * p + 2] as number) : (boxes[4 * p] as number);
      y = how === 1 ? (boxes[4 * p + 3] as number) : (boxes[4 * p + 1] as number);
      w = (boxes[4 * p + 2] as number) - (boxes[4 * p] as number);
      h = (boxes[4 * p + 3] as number) - (boxes[4 * p + 1] as number);
    }
    boxes.set([x, y, x + w, y + h], 4 * i);
    items.push(i);
  }
  return { boxes, items: Int32Array.from(items) };
}

describe('BoxPairs, the overlap check’s search for neighbouring plots', () => {
  for (const kind of ['plain', 'large', 'touching', 'row', 'far'] as const) {
    it(`finds exactly the later boxes that overlap each box, ascending (${kind} layers)`, () => {
      let pairs = 0;
      for (let seed = 1; seed <= 12; seed++) {
        const plotCount = 20 + seed * 150;
        const { boxes, items } = randomLayer(seed, plotCount, kind);
        const grid = new BoxPairs(boxes, items, plotCount);
        // Two clusters 130 km apart crowd into a few cells: the R-tree answers instead.
        if (kind === 'far' && plotCount >= 1000) expect(grid.crowded).toBe(true);
        if (kind === 'plain' || kind === 'large') expect(grid.crowded).toBe(false);
        const found: number[] = [];
        for (const i of items) {
          grid.laterNeighbours(i, found);
          expect(found).toEqual(bruteForce(boxes, items, i));
          pairs += found.length;
        }
      }
      // Enough pairs to mean something (a row of boxes without height has no area to share).
      if (kind === 'row') expect(pairs).toBe(0);
      else expect(pairs).toBeGreaterThan(100);
    });
  }

  it('finds the neighbours of one box spanning the whole layer, and of a single box', () => {
    const { boxes, items } = randomLayer(7, 500, 'plain');
    boxes.set([121, 30, 122, 31], 4 * (items[3] as number));
    const grid = new BoxPairs(boxes, items, 500);
    const found: number[] = [];
    for (const i of items) {
      grid.laterNeighbours(i, found);
      expect(found).toEqual(bruteForce(boxes, items, i));
    }
    grid.laterNeighbours(items[0] as number, found);
    expect(found).toContain(items[3]);

    const one = new BoxPairs(new Float64Array([121, 30, 121.001, 30.001]), Int32Array.of(0), 1);
    one.laterNeighbours(0, found);
    expect(found).toEqual([]);
  });
});
