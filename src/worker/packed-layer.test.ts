import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { squarePlot } from '../../test/fixtures/square-plot.ts';
import { analyzePlan } from '../core/analysis/analyze-plan.ts';
import { geometryBox } from '../core/analysis/classify-plots.ts';
import { packPlotOutlines } from '../core/plot-outlines.ts';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import type { Feature, FeatureCollection } from '../core/types.ts';
import {
  isPackedLayer,
  keptPacked,
  packedBoxReader,
  packedLayerOf,
  plainFeature,
  plotOutlinesOf,
  propertyInterner,
  unpackLayer,
} from './packed-layer.ts';

const read = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../data/sample/${name}.geojson`, import.meta.url), 'utf8'),
  ) as FeatureCollection;
/** The sample plots with their members in the order the loading gives them (repair-feature.ts). */
const plots: FeatureCollection = {
  type: 'FeatureCollection',
  features: read('plots').features.map(({ type, geometry, properties, id }) =>
    id === undefined ? { type, geometry, properties } : { type, geometry, properties, id },
  ),
};
const boundary = read('boundary');
const control = read('control');

describe('keptPacked', () => {
  it('keeps the plots with their coordinates in typed arrays, each geometry made anew as read, to the bit', () => {
    const kept = keptPacked(plots);
    const saved = packedLayerOf(kept);
    expect(saved?.outlines.coords).toBeInstanceOf(Float64Array);
    const positions = plots.features.reduce(
      (sum, feature) => sum + (feature.geometry?.coordinates.flat(3).length ?? 0) / 2,
      0,
    );
    expect(saved?.outlines.coords.length).toBe(positions * 2);
    // No feature holds its coordinates as nested arrays: the geometry is not an own member.
    expect(kept.features.every((feature) => !Object.hasOwn(feature, 'geometry'))).toBe(true);
    expect(kept.features.map(plainFeature)).toEqual(plots.features);
    expect(Object.is(kept.features[0]?.geometry, kept.features[0]?.geometry)).toBe(true);
    // The page's outlines are a copy of the kept ones (they are transferred).
    expect(plotOutlinesOf(kept)).toEqual(packPlotOutlines(plots));
    expect(plotOutlinesOf(kept).coords).not.toBe(saved?.outlines.coords);
    // Kept again: the same layer (the checks cached for it stay valid).
    expect(keptPacked(kept)).toBe(kept);
  });

  it('gives the same analysis as the plots as read', () => {
    const kept = keptPacked(plots);
    const plain = analyzePlan({ plots, boundary, control }, DEFAULT_SETTINGS);
    const packed = analyzePlan({ plots: kept, boundary, control }, DEFAULT_SETTINGS);
    expect(JSON.stringify(packed)).toBe(JSON.stringify(plain));
  });

  it('keeps what is not a plain polygon as it is (null, other members or order, a height, a polygon without rings); -0 stays -0', () => {
    const square = [
      [
        [121, 30],
        [121.1, 30],
        [121.1, 30.1],
        [121, 30],
      ],
    ];
    const features = [
      { type: 'Feature', geometry: null, properties: { id: 'a' } },
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: square, bbox: [0, 0, 1, 1] },
        properties: {},
      },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[121, 30, 5]]] }, properties: {} },
      {
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: [square, square] },
        properties: {},
        id: 7,
      },
      { type: 'Feature', id: 8, geometry: { type: 'Polygon', coordinates: square }, properties: {} },
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [[[-0, 30]]] },
        properties: null,
        extra: 1,
      },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[-0, 30]]] }, properties: null },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [square, []] }, properties: {} },
    ] as unknown as Feature[];
    const kept = keptPacked({ type: 'FeatureCollection', features });
    expect(kept.features.map((feature, i) => feature === features[i])).toEqual([
      true,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
    ]);
    expect(kept.features.map(plainFeature)).toEqual(features);
    expect(Object.is(kept.features[6]?.geometry?.coordinates[0]?.[0]?.[0], -0)).toBe(true);
  });

  it('is saved as its typed arrays and read back the same (IndexedDB keeps what structuredClone keeps)', () => {
    const kept = keptPacked(plots);
    const saved = structuredClone(packedLayerOf(kept));
    expect(isPackedLayer(saved)).toBe(true);
    const back = unpackLayer(saved as NonNullable<typeof saved>);
    expect(back.features.map(plainFeature)).toEqual(plots.features);
    expect(packedLayerOf(back)?.outlines.coords).toEqual(packedLayerOf(kept)?.outlines.coords);
    expect(packedLayerOf(plots)).toBeNull();
  });

  it('is saved without making any geometry: the features with geometry null, their members in order', () => {
    const kept = keptPacked(plots);
    const read = kept.features[5]?.geometry;
    const saved = packedLayerOf(kept);
    // The geometry made last is still the one read before: saving made none.
    expect(kept.features[5]?.geometry).toBe(read);
    expect(saved?.features).toEqual(plots.features.map((feature) => ({ ...feature, geometry: null })));
    expect(saved?.features.map((feature) => Object.keys(feature).join())).toEqual(
      plots.features.map((feature) => Object.keys(feature).join()),
    );
  });
});

describe('packedBoxReader', () => {
  it("gives a kept plot's box as geometryBox does, to the bit; nothing for a plot not kept packed", () => {
    const ring = (x: number, y: number, size: number) =>
      (squarePlot('', x, y, size).geometry as { coordinates: number[][][] }).coordinates[0] as number[][];
    const odd: Feature[] = [
      // A hole reaching past its shell (the box is the outer rings'), a MultiPolygon, a Point, none.
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [ring(121.2, 30.1, 0.01), ring(121.19, 30.09, 0.05)] },
        properties: { id: 'hole' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[ring(121.3, 30.2, 0.001)], [ring(121.1, 30.3, 0.002)]],
        },
        properties: { id: 'multi' },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121, 30] },
        properties: { id: 'point' },
      } as unknown as Feature,
      { type: 'Feature', geometry: null, properties: { id: 'none' } },
    ];
    const layer = { ...plots, features: [...odd, ...plots.features] };
    const kept = keptPacked(layer);
    const boxOf = packedBoxReader(kept);
    const into: [number, number, number, number] = [0, 0, 0, 0];
    const intoGeometry: [number, number, number, number] = [0, 0, 0, 0];
    for (const [index, feature] of layer.features.entries()) {
      const geometry = feature.geometry;
      const packable = geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
      expect(boxOf(index)).toStrictEqual(packable ? geometryBox(geometry) : undefined);
      // Written into a given box (the same array back), and into one given to geometryBox.
      if (!packable) continue;
      expect(boxOf(index, into)).toBe(into);
      expect(geometryBox(geometry, intoGeometry)).toBe(intoGeometry);
      expect(into).toStrictEqual(geometryBox(geometry));
      expect(intoGeometry).toStrictEqual(into);
    }
    // A layer not kept packed: every box comes from the geometry.
    expect(packedBoxReader(layer)(5)).toBeUndefined();
  });
});

describe('propertyInterner', () => {
  it('changes no value and no key order of any properties, and leaves frozen ones alone', () => {
    const intern = propertyInterner();
    const made = Array.from({ length: 6000 }, (_, i) => ({
      id: `p${i}`,
      town: ['宗汉街道', '坎墩街道'][i % 2],
      taxWan: i / 7,
      name: i % 3 === 0 ? undefined : `厂${i % 50}`,
      nested: { town: '宗汉街道' },
    }));
    const before = structuredClone(made);
    for (const properties of made) intern(properties);
    intern(null);
    const frozen = Object.freeze({ town: '宗汉街道' });
    expect(() => intern(frozen)).not.toThrow();
    expect(made).toStrictEqual(before);
    expect(made.map((properties) => Object.keys(properties).join())).toEqual(
      before.map((properties) => Object.keys(properties).join()),
    );
  });
});
