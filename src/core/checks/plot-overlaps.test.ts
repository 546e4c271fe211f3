import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import type { Feature, FeatureCollection } from '../types.ts';
import { CHECK_FLAGS, checkPlausibility } from './plausibility-checks.ts';
import { findPlotOverlaps, MAX_LISTED_PAIRS } from './plot-overlaps.ts';

/** A plot: a square (convex) or an L (not convex), `size` degrees, at x, y. */
function plot(id: string, x: number, y: number, size: number, shape: 'square' | 'L'): Feature {
  const s = size;
  const ring =
    shape === 'square'
      ? [
          [x, y],
          [x + s, y],
          [x + s, y + s],
          [x, y + s],
          [x, y],
        ]
      : [
          [x, y],
          [x + s, y],
          [x + s, y + s / 2],
          [x + s / 2, y + s / 2],
          [x + s / 2, y + s],
          [x, y + s],
          [x, y],
        ];
  return { type: 'Feature', properties: { id }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/**
 * Plots near Cixi with many copies of two of them (one convex, one not, overlapping each other and
 * a few single plots), the copies spread through the layer's order.
 */
function layerWithCopies(seed: number): FeatureCollection {
  const random = mulberry32(seed);
  const features: Feature[] = [];
  const square = () => plot('', 121.2, 30.2, 0.001, 'square');
  const ell = () => plot('', 121.2005, 30.2003, 0.001, 'L');
  for (let k = 0; k < 260; k++) {
    const pick = random();
    const feature =
      pick < 0.3
        ? square()
        : pick < 0.55
          ? ell()
          : plot(
              '',
              121.199 + random() * 0.004,
              30.199 + random() * 0.004,
              0.0005 + random() * 0.001,
              random() < 0.5 ? 'square' : 'L',
            );
    feature.properties = { id: `p${k}` };
    features.push(feature);
  }
  return { type: 'FeatureCollection', features };
}

/** The overlaps found pair by pair: each pair of plots as a layer of its own. */
function pairByPair(layer: FeatureCollection) {
  const pairs: { a: number; b: number; areaM2: number }[] = [];
  const n = layer.features.length;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const two = findPlotOverlaps({
        type: 'FeatureCollection',
        features: [layer.features[a] as Feature, layer.features[b] as Feature],
      });
      for (const pair of two.pairs) pairs.push({ a, b, areaM2: pair.areaM2 });
    }
  return pairs;
}

describe('overlaps among many copies of one plot', () => {
  it('are the pairs found pair by pair: the same pairs, areas and duplicates, counted without an overlay each', () => {
    for (const seed of [1, 2]) {
      const layer = layerWithCopies(seed);
      const found = findPlotOverlaps(layer);
      const expected = pairByPair(layer);
      // Enough copies of each to be counted as a group (64 and more).
      expect(expected.length).toBeGreaterThan(64 * 63);
      expect(found.pairCount).toBe(expected.length);
      expect(found.pairs).toEqual(expected);
      const sum = expected.reduce((total, pair) => total + pair.areaM2, 0);
      expect(found.overlapM2).toBeCloseTo(sum, 3);
      // Every plot of a pair, and no other, is overlapping.
      const inPairs = new Set(expected.flatMap((pair) => [pair.a, pair.b]));
      layer.features.forEach((_, i) => {
        expect(found.overlapping[i]).toBe(inPairs.has(i) ? 1 : 0);
      });
      // The copies of each shape are one group of duplicates; single plots repeat none.
      const groups = found.duplicateGroups.map((group) => group.map((i) => layer.features[i]?.geometry));
      expect(groups).toHaveLength(2);
      for (const group of groups) for (const geometry of group) expect(geometry).toEqual(group[0]);
      expect(found.duplicateGeometries).toBe(found.duplicateGroups.reduce((n, g) => n + g.length - 1, 0));
    }
  });

  it('takes 20,000 copies of one plot at once, listing at most MAX_LISTED_PAIRS pairs and counting them all', () => {
    const features = Array.from({ length: 20_000 }, (_, k) => {
      const feature = plot('', 121.2, 30.2, 0.001, 'square');
      feature.properties = { id: `c${k}` };
      return feature;
    });
    const layer: FeatureCollection = { type: 'FeatureCollection', features };
    const checks = checkPlausibility(layer, 'plots', { reference: null });
    expect(checks.overlappingPairs).toBe((20_000 * 19_999) / 2);
    expect(checks.overlaps).toHaveLength(MAX_LISTED_PAIRS);
    expect(checks.overlaps[0]?.ids).toEqual(['c0', 'c1']);
    expect(checks.duplicateGeometries).toBe(19_999);
    expect(checks.flags.every((flag) => (flag & CHECK_FLAGS.overlapping) !== 0)).toBe(true);
  });
});
