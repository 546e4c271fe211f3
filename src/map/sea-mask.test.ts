import { describe, expect, it } from 'vitest';
import type { FeatureCollection, PolygonGeometry } from '../core/types.ts';
import { seaMask } from './sea-mask.ts';

const LAND: FeatureCollection = Object.freeze({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [121, 30],
              [121.4, 30],
              [121.4, 30.3],
              [121, 30],
            ],
            // A lake: stays land under the mask.
            [
              [121.2, 30.05],
              [121.3, 30.05],
              [121.3, 30.1],
              [121.2, 30.05],
            ],
          ],
          [
            [
              [121.6, 30.4],
              [121.7, 30.4],
              [121.7, 30.5],
              [121.6, 30.4],
            ],
          ],
        ],
      },
    },
  ],
}) as FeatureCollection;

describe('seaMask', () => {
  it('is a box around the land with each land polygon cut out and lakes left alone', () => {
    const mask = seaMask(LAND, 0.5);
    expect(mask.features).toHaveLength(1);
    const rings = (mask.features[0]?.geometry as PolygonGeometry | undefined)?.coordinates ?? [];
    expect(rings[0]).toEqual([
      [120.5, 29.5],
      [122.2, 29.5],
      [122.2, 31],
      [120.5, 31],
      [120.5, 29.5],
    ]);
    expect(rings.slice(1)).toHaveLength(2);
    expect(rings[1]?.[0]).toEqual([121, 30]);
    expect(rings[2]?.[0]).toEqual([121.6, 30.4]);
  });

  it('is empty without land', () => {
    expect(seaMask({ type: 'FeatureCollection', features: [] }).features).toEqual([]);
  });
});
