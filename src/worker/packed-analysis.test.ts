import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePlan, type PlanLayerSet } from '../core/analysis/analyze-plan.ts';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import type { Feature, FeatureCollection } from '../core/types.ts';
import { analyzePlanPacked } from './packed-analysis.ts';
import { keptPacked } from './packed-layer.ts';
import { packRecords, recordPacker, unpackRecords } from './packed-records.ts';
import { plotMarkers, plotTileData } from './plot-map.ts';

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
    [
      'the sample with odd plots among them, in pieces of 7',
      [...oddPlots, ...sample.features, ...oddPlots],
      7,
    ],
    ['the sample in pieces that divide it exactly', sample.features, 1000],
    ['fewer plots than a piece', oddPlots, 10_000],
    ['one plot a piece', oddPlots, 1],
    ['no plots', [], 7],
  ])('gives the rows, baseline and problems of analyzePlan: %s', async (_, plots, pieceRecords) => {
    const layers = layersWith(plots as Feature[]);
    const expected = analyzePlan(layers, settings);
    const { analysis, map } = analyzePlanPacked(layers, settings, {}, pieceRecords);
    // Packed as packRecords packs the whole rows (the same pieces, strings and key lists) …
    expect(analysis.rows).toStrictEqual(packRecords(expected.rows, pieceRecords));
    const { rows, ...rest } = analysis;
    const { rows: expectedRows, ...expectedRest } = expected;
    expect(rest).toStrictEqual(expectedRest);
    // … and unpacked, the rows themselves, to the bit.
    expect(JSON.stringify(await unpackRecords(rows))).toBe(JSON.stringify(expectedRows));
    // The map's inputs are the rows' id, status and town, so its data is what the rows gave.
    expect(expectedRows.map((_, index) => map.townOf(index))).toEqual(expectedRows.map((row) => row.town));
    expect(plotTileData(layers.plots, map.results, map.townOf)).toEqual(
      plotTileData(layers.plots, expectedRows),
    );
    expect(plotMarkers(layers.plots, map.results, ['crossing', 'unclassified'], map.townOf)).toEqual(
      plotMarkers(layers.plots, expectedRows, ['crossing', 'unclassified']),
    );
  });

  it('gives the same from the plots kept packed as the worker keeps them, with progress up to 1', () => {
    const plots = [...sample.features.slice(0, 500), ...oddPlots];
    const progress: number[] = [];
    const packed = analyzePlanPacked(
      { ...layersWith(plots), plots: keptPacked(layersWith(plots).plots) },
      DEFAULT_SETTINGS,
      { onProgress: (done) => progress.push(done) },
    );
    expect(packed.analysis.rows).toStrictEqual(packRecords(analyzePlan(layersWith(plots)).rows));
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});

describe('recordPacker', () => {
  it('packs pieces given one by one as packRecords packs the whole list; an empty piece adds nothing', () => {
    const records = [
      { a: 1, b: 'x', c: { d: [1.5, 'y'] } },
      { a: -0, b: 'x', c: { d: [] } },
      { b: 'z', a: Number.NaN },
      [undefined, null, true],
      'text',
    ];
    const packer = recordPacker();
    packer.add(records.slice(0, 2));
    packer.add([]);
    packer.add(records.slice(2, 4));
    packer.add(records.slice(4));
    expect(packer.finish()).toStrictEqual(packRecords(records, 2));
    expect(recordPacker().finish()).toStrictEqual(packRecords([]));
  });
});
