import { describe, expect, it } from 'vitest';
import type { AreaGeometry, FeatureCollection } from '../types.ts';
import { gaussKrugerCrs } from './crs.ts';
import { makeInverseTransform } from './make-transform.ts';
import { reprojectFeatureCollection } from './reproject-feature-collection.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const zone40 = gaussKrugerCrs(3, 120, true);
if (!zone40) throw new Error('zone 40');
const toZone40 = makeInverseTransform(zone40);

/** A square plot of ±0.001° around a point, written in zone-40 metres. */
function squareInZone40(lon: number, lat: number): number[][] {
  const corners = [
    [lon - 0.001, lat - 0.001],
    [lon + 0.001, lat - 0.001],
    [lon + 0.001, lat + 0.001],
    [lon - 0.001, lat + 0.001],
    [lon - 0.001, lat - 0.001],
  ] as const;
  return corners.map(([cornerLon, cornerLat]) => toZone40(cornerLon, cornerLat));
}

function collection(): FeatureCollection<AreaGeometry> & { crs: unknown } {
  return deepFreeze({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } },
    features: [
      {
        type: 'Feature',
        id: 'p1',
        geometry: { type: 'Polygon', coordinates: [squareInZone40(121.25, 30.17)] },
        properties: { id: 'p1', name: '五里村 1 号' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [squareInZone40(120, 30)],
            [squareInZone40(121.4, 30.3).map(([x, y]) => [x ?? 0, y ?? 0, 12.5])],
          ],
        },
        properties: { id: 'p2' },
      },
      { type: 'Feature', geometry: null, properties: null },
    ],
  });
}

describe('reprojectFeatureCollection', () => {
  it('returns Gauss-Krüger plots as longitude/latitude to 1e-9°', () => {
    const result = reprojectFeatureCollection(collection(), zone40);
    const [first, second] = result.features;
    const ring = first?.geometry?.type === 'Polygon' ? first.geometry.coordinates[0] : undefined;
    expect(ring?.[0]?.[0]).toBeCloseTo(121.249, 9);
    expect(ring?.[0]?.[1]).toBeCloseTo(30.169, 9);
    expect(ring?.[2]?.[0]).toBeCloseTo(121.251, 9);
    const parts = second?.geometry?.type === 'MultiPolygon' ? second.geometry.coordinates : [];
    expect(parts[0]?.[0]?.[0]?.[0]).toBeCloseTo(119.999, 9);
    // Heights are carried through unchanged.
    expect(parts[1]?.[0]?.[0]).toHaveLength(3);
    expect(parts[1]?.[0]?.[0]?.[2]).toBe(12.5);
    expect(parts[1]?.[0]?.[0]?.[1]).toBeCloseTo(30.299, 9);
  });

  it('never mutates or shares the input, and drops the obsolete crs member', () => {
    const input = collection();
    const before = JSON.stringify(input);
    const result = reprojectFeatureCollection(input, zone40);
    expect(JSON.stringify(input)).toBe(before);
    expect(result).not.toBe(input);
    expect(result.features[0]).not.toBe(input.features[0]);
    expect(result.features[0]?.properties).not.toBe(input.features[0]?.properties);
    expect(result.features[0]?.properties).toEqual({ id: 'p1', name: '五里村 1 号' });
    expect(result.features[0]?.id).toBe('p1');
    expect(result.features[2]).toEqual({ type: 'Feature', geometry: null, properties: null });
    expect('crs' in result).toBe(false);
  });

  it('passes longitude/latitude input through without copying a coordinate', () => {
    const input = deepFreeze({
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [121.25, 30.17],
                [121.26, 30.17],
                [121.26, 30.18],
                [121.25, 30.17],
              ],
            ],
          },
          properties: {},
        },
      ],
    });
    const result = reprojectFeatureCollection(input, { kind: 'cgcs2000-geographic' });
    expect(result).toEqual(input);
    expect(result.features[0]).not.toBe(input.features[0]);
    // Nothing to transform: the coordinate arrays are the input's own (issue 12: 0.5 s on 100,000 plots).
    expect(result.features[0]?.geometry?.coordinates).toBe(input.features[0]?.geometry.coordinates);
    // Nor the properties (issue 12: a copy of each plot's properties for nothing).
    expect(result.features[0]?.properties).toBe(input.features[0]?.properties);
  });

  it('passes on what is not a pair of finite numbers, for validation to report, at any depth', () => {
    let deep: unknown = [500_000, 3_340_000];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    // Not deep-frozen: freezing 100,000 levels would itself overflow the stack.
    const input = Object.freeze({
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          geometry: {
            type: 'Polygon' as const,
            coordinates: [[[40_500_000, 3_340_000], ['40500100', '3340000'], [null, null], null, deep]],
          },
          properties: {},
        },
        {
          type: 'Feature' as const,
          geometry: { type: 'Polygon' as const, coordinates: deep },
          properties: {},
        },
      ],
    });
    const result = reprojectFeatureCollection(input as unknown as FeatureCollection<AreaGeometry>, zone40);
    const ring = (result.features[0]?.geometry?.coordinates as unknown[][] | undefined)?.[0] ?? [];
    expect((ring[0] as number[])[0]).toBeCloseTo(119.99, 1);
    expect(ring.slice(1)).toEqual([['40500100', '3340000'], [null, null], null, deep]);
    expect(ring[4]).toBe(deep);
    expect(result.features[1]?.geometry?.coordinates).toEqual(deep);
  });
});
