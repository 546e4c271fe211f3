import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { squareRing } from '../../../test/fixtures/square-plot.ts';
import { packPlotOutlines } from '../plot-outlines.ts';
import type { AreaGeometry, Feature, FeatureCollection } from '../types.ts';
import { CHECK_FLAGS, checkPlausibility } from './plausibility-checks.ts';
import { findPlotOverlaps, MAX_LISTED_PAIRS, packRings, packRingsOfOutlines } from './plot-overlaps.ts';

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

describe('rings read from packed outlines', () => {
  const layer: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      plot('a', 121.2, 30.2, 0.001, 'L'),
      // Clockwise: convex the other way round.
      {
        type: 'Feature',
        properties: { id: 'b' },
        geometry: { type: 'Polygon', coordinates: [squareRing(121.3, 30.2, 0.001).reverse()] },
      },
      { type: 'Feature', properties: { id: 'c' }, geometry: null },
      // A hole, then a MultiPolygon whose second part is a square.
      {
        type: 'Feature',
        properties: { id: 'd' },
        geometry: {
          type: 'Polygon',
          coordinates: [squareRing(121.2, 30.3, 0.01), squareRing(121.201, 30.301, 0.001).reverse()],
        },
      },
      {
        type: 'Feature',
        properties: { id: 'e' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[squareRing(121.4, 30.2, 0.001)], [squareRing(121.5, 30.2, 0.001)]],
        },
      },
      plot('f', 121.2, 30.2, 0.001, 'square'),
    ],
  };

  it('are the rings packRings packs from the features, read in place', () => {
    const outlines = packPlotOutlines(layer);
    const fromOutlines = packRingsOfOutlines(outlines);
    const { xy, ...packed } = packRings(layer);
    expect(fromOutlines).not.toBeNull();
    const { xy: inPlace, ...rest } = fromOutlines ?? packRings(layer);
    expect(rest).toEqual(packed);
    expect(inPlace).toBe(outlines.coords);
    // packRings leaves room to close each ring; the positions it wrote are the same.
    expect([...inPlace]).toEqual([...xy.subarray(0, inPlace.length)]);
    expect(findPlotOverlaps(layer, undefined, outlines)).toEqual(findPlotOverlaps(layer));
  });

  it('are refused where packRings would close a ring or leave one out', () => {
    const open = structuredClone(layer);
    const geometryOf = (of: FeatureCollection, index: number) => of.features[index]?.geometry as AreaGeometry;
    (geometryOf(open, 0).coordinates[0] as number[][]).pop();
    expect(packRingsOfOutlines(packPlotOutlines(open))).toBeNull();
    const short = structuredClone(layer);
    (geometryOf(short, 3).coordinates as number[][][]).push([
      [121.2, 30.3],
      [121.2, 30.3],
    ]);
    expect(packRingsOfOutlines(packPlotOutlines(short))).toBeNull();
  });

  it('find the same overlaps among copies and single plots', () => {
    const copies = layerWithCopies(7);
    const overlaps = findPlotOverlaps(copies, undefined, packPlotOutlines(copies));
    expect(overlaps.pairCount).toBeGreaterThan(0);
    expect(overlaps).toEqual(findPlotOverlaps(copies));
  });
});

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
