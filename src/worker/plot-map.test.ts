import { describe, expect, it } from 'vitest';
import type { PlotResult } from '../core/analysis/classify-plots.ts';
import type { FeatureCollection } from '../core/types.ts';
import { plotFeatures, plotMarkers } from './plot-map.ts';

function plot(id: string, x: number): FeatureCollection['features'][number] {
  return {
    type: 'Feature',
    properties: { id, name: `${id} 有限公司`, taxWan: 12 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, 30],
          [x + 0.002, 30],
          [x + 0.002, 30.001],
          [x, 30],
        ],
      ],
    },
  };
}

const PLOTS: FeatureCollection = Object.freeze({
  type: 'FeatureCollection',
  features: [
    plot('a', 121),
    plot('b', 121.1),
    { type: 'Feature', properties: { id: 'c' }, geometry: null },
    plot('d', 121.2),
  ],
}) as FeatureCollection;

function result(index: number, id: string, status: PlotResult['status']): PlotResult {
  return { index, id, areaM2: 1, areaMu: 0.0015, inBoundaryM2: 0, inControlM2: 0, status };
}

const RESULTS: readonly PlotResult[] = Object.freeze([
  result(0, 'a', 'control'),
  result(1, 'b', 'crossing'),
  result(2, 'c', null),
  result(3, 'd', null),
]);

describe('plotFeatures', () => {
  it('keeps geometry, id and status only, and marks plots without a status', () => {
    const features = plotFeatures(PLOTS, RESULTS).features;
    expect(features.map((feature) => feature.properties)).toEqual([
      { index: 0, id: 'a', status: 'control', town: '' },
      { index: 1, id: 'b', status: 'crossing', town: '' },
      { index: 3, id: 'd', status: 'unclassified', town: '' },
    ]);
    expect(features[0]?.geometry).toBe(PLOTS.features[0]?.geometry);
  });
});

describe('plotMarkers', () => {
  it('puts a point at the box centre of each plot with a marked status', () => {
    const markers = plotMarkers(PLOTS, RESULTS, ['crossing']).features;
    expect(markers).toHaveLength(1);
    expect(markers[0]?.properties).toEqual({ index: 1, id: 'b', status: 'crossing', town: '' });
    const [x, y] = markers[0]?.geometry?.coordinates ?? [];
    expect(x).toBeCloseTo(121.101, 9);
    expect(y).toBeCloseTo(30.0005, 9);
  });
});
