import { describe, expect, it } from 'vitest';
import { squarePlot } from '../../test/fixtures/square-plot.ts';
import type { PlotResult } from '../core/analysis/classify-plots.ts';
import { PLOT_MAP_STATUSES } from '../core/plot-raster-paint.ts';
import type { FeatureCollection } from '../core/types.ts';
import { keptPacked } from './packed-layer.ts';
import { plotTileData, plotTileVertex, worldX, worldY } from './plot-map.ts';

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

describe('plotTileData', () => {
  it('packs index, status and town of the plots with a geometry, in Web Mercator', () => {
    const data = plotTileData(PLOTS, [
      { ...RESULTS[0], town: '观海卫镇' } as PlotResult,
      RESULTS[1] as PlotResult,
      RESULTS[2] as PlotResult,
      { ...RESULTS[3], town: '观海卫镇' } as PlotResult,
    ]);
    expect([...data.index]).toEqual([0, 1, 3]);
    expect([...data.status].map((code) => PLOT_MAP_STATUSES[code])).toEqual([
      'control',
      'crossing',
      'unclassified',
    ]);
    expect([...data.town].map((code) => data.towns[code])).toEqual(['观海卫镇', '', '观海卫镇']);
    expect(data.centre[0]).toBeCloseTo(worldX(121.001), 12);
    expect(data.centre[1]).toBeCloseTo(worldY(30.0005), 12);
    // One ring of four vertices (closed) per plot.
    expect([...data.ringStart]).toEqual([0, 1, 2, 3]);
    expect([...data.vertexStart]).toEqual([0, 4, 8, 12]);
  });

  it('winds outer rings clockwise on screen (y down), whichever way the input ran', () => {
    // The fixture's ring runs counter-clockwise in lon/lat, as RFC 7946 wants.
    const data = plotTileData(PLOTS, RESULTS);
    let twiceArea = 0;
    for (let i = 0; i < 3; i++) {
      const [x0, y0, x1, y1] = [
        plotTileVertex(data, 0, i, 0),
        plotTileVertex(data, 0, i, 1),
        plotTileVertex(data, 0, i + 1, 0),
        plotTileVertex(data, 0, i + 1, 1),
      ];
      twiceArea += ((x0 ?? 0) - (x1 ?? 0)) * ((y1 ?? 0) + (y0 ?? 0));
    }
    expect(twiceArea).toBeGreaterThan(0);
    // The input is not changed.
    expect(PLOTS.features[0]?.geometry?.coordinates[0]?.[1]).toEqual([121.002, 30]);
  });

  it('keeps each vertex, as an offset from its plot centre, to 1e-12 of the world (1 km plots too)', () => {
    const big: FeatureCollection = {
      type: 'FeatureCollection',
      features: [squarePlot('big', 121.3, 30.2, 0.01), squarePlot('small', 121.31, 30.21)],
    };
    const data = plotTileData(big, [result(0, 'big', 'control'), result(1, 'small', 'outside')]);
    expect(data.offsets).toBeInstanceOf(Float32Array);
    const ring = (big.features[0]?.geometry?.coordinates[0] ?? []) as number[][];
    // Clockwise on screen: the fixture's counter-clockwise ring read backwards.
    const expected = [...ring].reverse();
    for (let v = 0; v < 5; v++) {
      expect(Math.abs(plotTileVertex(data, 0, v, 0) - worldX(expected[v]?.[0] as number))).toBeLessThan(
        1e-12,
      );
      expect(Math.abs(plotTileVertex(data, 0, v, 1) - worldY(expected[v]?.[1] as number))).toBeLessThan(
        1e-12,
      );
    }
  });

  it('maps longitude and latitude onto the Web Mercator world square', () => {
    expect(worldX(-180)).toBe(0);
    expect(worldX(0)).toBe(0.5);
    expect(worldY(0)).toBeCloseTo(0.5, 15);
    // 85.0511° is the edge of the square.
    expect(worldY(85.0511287798)).toBeCloseTo(0, 9);
    // The Gudermannian's inverse, written another way.
    expect(worldY(30)).toBeCloseTo(0.5 - Math.asinh(Math.tan(Math.PI / 6)) / (2 * Math.PI), 12);
  });
});

describe('a layer kept packed (its coordinates read from its typed arrays)', () => {
  it('gives the same tile data, to the bit, as its features as loaded', () => {
    const holed: FeatureCollection['features'][number] = {
      type: 'Feature',
      properties: { id: 'e' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            // Wound the other way from the map's, with a hole wound the same way as its ring.
            [
              [121.3, 30],
              [121.3, 30.01],
              [121.31, 30.01],
              [121.31, 30],
              [121.3, 30],
            ],
            [
              [121.302, 30.002],
              [121.302, 30.004],
              [121.304, 30.004],
              [121.302, 30.002],
            ],
          ],
          [
            [
              [121.4, 30.2],
              [121.401, 30.2],
              [121.401, 30.201],
              [121.4, 30.2],
            ],
          ],
        ],
      },
    };
    // A feature with a third coordinate is not kept packed: its own geometry is read beside the others.
    const withHeight = plot('f', 121.5);
    const ring = (withHeight.geometry as { coordinates: number[][][] }).coordinates[0] as number[][];
    ring[1] = [121.502, 30, 8];
    const layer: FeatureCollection = {
      type: 'FeatureCollection',
      features: [...PLOTS.features, holed, withHeight],
    };
    const results = [...RESULTS, result(4, 'e', 'crossing'), result(5, 'f', 'crossing')];
    const kept = keptPacked(layer);
    expect(kept.features).not.toBe(layer.features);
    const fromKept = plotTileData(kept, results);
    expect(fromKept).toEqual(plotTileData(layer, results));
    expect(fromKept.index).toEqual(Uint32Array.of(0, 1, 3, 4, 5));
  });
});
