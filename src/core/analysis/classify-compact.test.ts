import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from '../types.ts';
import { classifyPlots, type PlotResult } from './classify-plots.ts';

const read = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../data/sample/${name}.geojson`, import.meta.url), 'utf8'),
  ) as FeatureCollection;

const FIELDS = ['index', 'id', 'areaM2', 'areaMu', 'inBoundaryM2', 'inControlM2', 'status'] as const;

describe('compact classification results', () => {
  it('read back every field of the plain results to the bit', () => {
    const sample = read('plots');
    const odd: Feature[] = [
      { type: 'Feature', geometry: null, properties: { id: 'none' } },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121.2, 30.2] },
        properties: {},
      } as unknown as Feature,
    ];
    const plots = { ...sample, features: [...odd, ...sample.features] };
    const [boundary, control] = [read('boundary'), read('control')];
    const plain = classifyPlots(plots, boundary, control, { tolerance: 0.05 });
    const compact = classifyPlots(plots, boundary, control, { tolerance: 0.05, compact: true });
    expect(compact.problems).toStrictEqual(plain.problems);
    const fields = (results: readonly PlotResult[]) =>
      results.map((result) => FIELDS.map((field) => result[field]));
    expect(fields(compact.results)).toStrictEqual(fields(plain.results));
    expect(new Set(plain.results.map((result) => result.status))).toEqual(
      new Set([null, 'control', 'boundary', 'crossing', 'outside']),
    );
  });
});
