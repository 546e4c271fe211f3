import { describe, expect, it } from 'vitest';
import { squareRing } from '../../test/fixtures/square-plot.ts';
import {
  emptyPlotOutlines,
  extendBoxByPairs,
  forEachPlotRing,
  packPlotOutlines,
  plotGeometryReader,
  plotOutlineBuffers,
  plotOutlineGeometry,
  plotOutlinesBox,
} from './plot-outlines.ts';
import type { AreaGeometry, Feature, FeatureCollection } from './types.ts';

const polygon: AreaGeometry = {
  type: 'Polygon',
  coordinates: [squareRing(121.1, 30.1, 0.01), squareRing(121.102, 30.102, 0.002)],
};
const multi: AreaGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [squareRing(121.3, 30.2, 0.001)],
    [squareRing(121.4, 30.25, 0.003), squareRing(121.401, 30.251, 0.0005)],
  ],
};
const feature = (geometry: AreaGeometry | null): Feature => ({ type: 'Feature', properties: {}, geometry });
const layer = Object.freeze({
  type: 'FeatureCollection',
  features: [feature(polygon), feature(null), feature(multi)],
}) as FeatureCollection;

describe('packPlotOutlines', () => {
  it('gives back each plot geometry with the same numbers, Polygon or MultiPolygon, and none for a plot without', () => {
    const outlines = packPlotOutlines(layer);
    expect(outlines.count).toBe(3);
    expect(plotOutlineGeometry(outlines, 0)).toEqual(polygon);
    expect(plotOutlineGeometry(outlines, 1)).toBeNull();
    expect(plotOutlineGeometry(outlines, 2)).toEqual(multi);
    expect(plotOutlineGeometry(outlines, 3)).toBeNull();
  });

  it('keeps lon/lat of positions with a height and drops the height', () => {
    const withHeight = feature({
      type: 'Polygon',
      coordinates: [squareRing(121, 30, 1).map(([x, y]) => [x, y, 12.5] as number[])],
    });
    const outlines = packPlotOutlines({ type: 'FeatureCollection', features: [withHeight] });
    expect(plotOutlineGeometry(outlines, 0)).toEqual({
      type: 'Polygon',
      coordinates: [squareRing(121, 30, 1)],
    });
  });

  it('visits the rings of one plot as vertex ranges, outer ring first', () => {
    const outlines = packPlotOutlines(layer);
    const visited: [number, number, number][] = [];
    forEachPlotRing(outlines, 2, (start, end, _, ringInPolygon) => visited.push([start, end, ringInPolygon]));
    expect(visited).toEqual([
      [10, 15, 0],
      [15, 20, 0],
      [20, 25, 1],
    ]);
  });

  it('bounds every vertex of every plot, and nothing without plots', () => {
    expect(plotOutlinesBox(packPlotOutlines(layer))).toEqual([121.1, 30.1, 121.403, 30.253]);
    expect(plotOutlinesBox(emptyPlotOutlines())).toBeNull();
  });

  it('is a few buffers, whatever the number of plots', () => {
    const outlines = packPlotOutlines(layer);
    expect(plotOutlineBuffers(outlines)).toHaveLength(5);
    expect(outlines.coords.length).toBe(2 * 25);
  });
});

describe('plotGeometryReader', () => {
  it('gives each plot geometry with the same numbers, in arrays it reuses from one call to the next', () => {
    const outlines = packPlotOutlines(layer);
    const read = plotGeometryReader(outlines);
    // The MultiPolygon first, so that the Polygon after it reuses (and shortens) its arrays.
    const order = [2, 0, 1, 2, 2, 0];
    for (const index of order) {
      const geometry = read(index);
      expect(geometry).toEqual(plotOutlineGeometry(outlines, index));
      expect(structuredClone(geometry)).toEqual(layer.features[index]?.geometry);
    }
    const first = read(0);
    const positions = first?.type === 'Polygon' ? first.coordinates[0] : [];
    expect(read(0)?.coordinates[0]).toBe(positions);
    // Past the count, as for a plot without geometry.
    expect(read(5)).toBeNull();
  });
});

describe('extendBoxByPairs', () => {
  it('takes in every pair, or only pairs from … to', () => {
    const flat = [1, 2, 3, 0, -5, 9, 7, 7];
    const all = [Infinity, Infinity, -Infinity, -Infinity];
    extendBoxByPairs(all, flat);
    expect(all).toEqual([-5, 0, 7, 9]);
    const some = [Infinity, Infinity, -Infinity, -Infinity];
    extendBoxByPairs(some, flat, 1, 3);
    expect(some).toEqual([-5, 0, 3, 9]);
  });
});
