import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sameRows } from '../../test/support/same-rows.ts';
import { analyzePlan, type PlanLayerSet } from '../core/analysis/analyze-plan.ts';
import { plainRow, rowsOfColumns } from '../core/analysis/plot-row-columns.ts';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import type { Feature, FeatureCollection } from '../core/types.ts';
import { analyzePlanPacked } from './packed-analysis.ts';
import { keptPacked, plotOutlinesOf } from './packed-layer.ts';
import { plotTileData } from './plot-map.ts';

const read = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../data/sample/${name}.geojson`, import.meta.url), 'utf8'),
  ) as FeatureCollection;
const sample = read('plots');
const boundary = read('boundary');
const control = read('control');

const square = (x: number, y: number, size = 0.001) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];

/**
 * The sample's plots and the odd ones a loaded layer may hold: no geometry, a hole, no properties, no
 * town (found from the boundary or the nearest one), a MultiPolygon, an id only on the feature,
 * numbers written as text, a name that would start a formula.
 */
const oddPlots: Feature[] = [
  { type: 'Feature', geometry: null, properties: { id: 'no-geometry', town: '宗汉街道' } },
  {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [...square(121.21, 30.19, 0.004), ...square(121.211, 30.191, 0.001)],
    },
    properties: { id: 'with-a-hole', town: '' },
  },
  { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(121.2, 30.19) }, properties: null },
  {
    type: 'Feature',
    id: 'feature-id-only',
    geometry: { type: 'Polygon', coordinates: square(121.3, 30.2) },
    properties: { taxWan: '12.5', floorAreaM2: '1,200', name: '=HYPERLINK("x")' },
  },
  {
    type: 'Feature',
    geometry: {
      type: 'MultiPolygon',
      coordinates: [square(121.25, 30.18), square(121.26, 30.18, 0.002)],
    },
    properties: { id: 'multi', village: '曙光社区', investmentWan: 0, employees: -3 },
  },
  // Far from every boundary: its town is the nearest boundary's.
  { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(121.9, 30.5) }, properties: {} },
];

function layersWith(plots: Feature[]): PlanLayerSet {
  return { plots: { type: 'FeatureCollection', features: plots }, boundary, control };
}

describe('analyzePlanPacked', () => {
  const settings = {
    ...DEFAULT_SETTINGS,
    tolerance: 0.05,
    classLimits: { A: 40, B: 20, C: 8 },
  };

  it.each([
    ['the sample with odd plots among them', [...oddPlots, ...sample.features, ...oddPlots]],
    ['the odd plots alone', oddPlots],
    ['no plots', []],
  ])('gives the rows, baseline and problems of analyzePlan: %s', (_, plots) => {
    const layers = layersWith(plots as Feature[]);
    const expected = analyzePlan(layers, settings);
    const { analysis, map } = analyzePlanPacked(layers, settings, {});
    // Every row fits the columns: none is kept whole …
    expect(analysis.rows.others.size).toBe(0);
    const { rows, ...rest } = analysis;
    const { rows: expectedRows, ...expectedRest } = expected;
    expect(rest).toStrictEqual(expectedRest);
    // … and read back, after a clone as to another worker, the rows are the rows themselves, to the
    // bit and in the order of their keys.
    expect(sameRows(rowsOfColumns(structuredClone(rows)).map(plainRow), expectedRows)).toBe(true);
    // The map's inputs are the rows' id, status and town, so its data is what the rows gave.
    expect(expectedRows.map((_, index) => map.townOf(index))).toEqual(expectedRows.map((row) => row.town));
    expect(plotTileData(layers.plots, map.results, map.townOf)).toEqual(
      plotTileData(layers.plots, expectedRows),
    );
  });

  it('gives the same from the plots kept packed as the worker keeps them, with progress up to 1', () => {
    const plots = [...sample.features.slice(0, 500), ...oddPlots];
    const progress: number[] = [];
    const kept = keptPacked(layersWith(plots).plots);
    const packed = analyzePlanPacked({ ...layersWith(plots), plots: kept }, DEFAULT_SETTINGS, {
      onProgress: (done) => progress.push(done),
    });
    const expected = analyzePlan(layersWith(plots)).rows;
    // The boxes are read from the outlines the page gets.
    expect(packed.analysis.rows.box).toBeNull();
    const rows = rowsOfColumns(structuredClone(packed.analysis.rows), plotOutlinesOf(kept));
    expect(sameRows(rows.map(plainRow), expected)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});
