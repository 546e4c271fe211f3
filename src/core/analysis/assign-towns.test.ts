import { describe, expect, it } from 'vitest';
import { squarePlot } from '../../../test/fixtures/square-plot.ts';
import type { Feature, FeatureCollection } from '../types.ts';
import { assignTowns } from './assign-towns.ts';

/** The geometry of a square of `size` degrees with its south-west corner at x, y. */
const square = (x: number, y: number, size: number) => squarePlot('', x, y, size).geometry;

const layer = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const boundary = layer([
  { type: 'Feature', geometry: square(121.2, 30.1, 0.01), properties: { town: '宗汉街道' } },
  { type: 'Feature', geometry: square(121.3, 30.1, 0.01), properties: { town: '坎墩街道' } },
]);

describe('assignTowns', () => {
  it("takes a plot's own town, else the boundary holding most of it, else the nearest", () => {
    const plots = layer([
      { type: 'Feature', geometry: square(121.3, 30.1, 0.001), properties: { town: ' 周巷镇 ' } },
      { type: 'Feature', geometry: square(121.201, 30.101, 0.001), properties: {} },
      { type: 'Feature', geometry: square(121.35, 30.1, 0.001), properties: { town: '' } },
      { type: 'Feature', geometry: null, properties: {} },
    ]);
    expect(assignTowns(plots, boundary)).toEqual([
      { town: '周巷镇', source: 'attribute' },
      { town: '宗汉街道', source: 'boundary-majority' },
      { town: '坎墩街道', source: 'nearest-boundary' },
      { town: undefined, source: 'none' },
    ]);
  });

  it('gives the plots of one named town one assignment, and those of none another', () => {
    const plots = layer(
      Array.from({ length: 6 }, (_, i) => ({
        type: 'Feature' as const,
        geometry: i < 4 ? square(121.2 + i * 0.002, 30.1, 0.001) : null,
        properties: i < 4 ? { town: i % 2 === 0 ? '宗汉街道' : ' 宗汉街道' } : {},
      })),
    );
    const towns = assignTowns(plots, boundary);
    expect(new Set(towns.slice(0, 4)).size).toBe(1);
    expect(towns[4]).toBe(towns[5]);
    expect(towns[0]).toEqual({ town: '宗汉街道', source: 'attribute' });
  });
});
