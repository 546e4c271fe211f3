import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from '../core/types.ts';
import { boundsOnLand, featureBounds } from './feature-bounds.ts';

function square(minX: number, minY: number, maxX: number, maxY: number): FeatureCollection {
  return Object.freeze({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [minX, minY],
              [maxX, minY],
              [maxX, maxY],
              [minX, maxY],
              [minX, minY],
            ],
          ],
        },
      },
    ],
  }) as FeatureCollection;
}

describe('featureBounds', () => {
  it('spans the outer rings of all features', () => {
    const a = square(121, 30, 121.2, 30.1);
    const b = square(121.1, 29.9, 121.5, 30.05);
    expect(featureBounds({ type: 'FeatureCollection', features: [...a.features, ...b.features] })).toEqual([
      [121, 29.9],
      [121.5, 30.1],
    ]);
  });

  it('is null for an empty collection', () => {
    expect(featureBounds({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});

describe('boundsOnLand', () => {
  it('is the bounds of the part of the outline that is land', () => {
    // A county reaching north into the sea; the land ends at y = 2.
    expect(boundsOnLand(square(0, 0, 4, 4), square(-1, -1, 2, 2))).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });

  it('is null when the outline is all sea', () => {
    expect(boundsOnLand(square(10, 10, 11, 11), square(0, 0, 1, 1))).toBeNull();
  });
});
