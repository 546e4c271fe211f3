/**
 * The committed sample plan (data/sample/, npm run make:sample), the one the app opens on: it must
 * look like real data to the checks real data goes through, and its headline figures are PostGIS's
 * (test/support/sample-figures.ts says how to re-derive them).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyPlots } from '../../src/core/analysis/classify-plots.ts';
import { cixiCheckReference } from '../../src/core/checks/check-reference.ts';
import { checkPlausibility } from '../../src/core/checks/plausibility-checks.ts';
import type { FeatureCollection } from '../../src/core/types.ts';
import { SAMPLE_FIGURES } from '../support/sample-figures.ts';

const root = new URL('../../', import.meta.url);

function read(path: string): FeatureCollection & { label?: string } {
  return JSON.parse(readFileSync(new URL(path, root), 'utf8')) as FeatureCollection & { label?: string };
}

const plots = read('data/sample/plots.geojson');
const boundary = read('data/sample/boundary.geojson');
const control = read('data/sample/control.geojson');

describe('the sample plan', () => {
  const { results } = classifyPlots(plots, boundary, control);

  it('is labelled as invented in every layer', () => {
    for (const layer of [plots, boundary, control]) expect(layer.label).toBe('示例数据（虚构）');
  });

  it('has the headline figures PostGIS gives it', () => {
    expect(results).toHaveLength(SAMPLE_FIGURES.plots);
    const areaM2 = results.reduce((sum, result) => sum + result.areaM2, 0);
    const inControlM2 = results.reduce((sum, result) => sum + result.inControlM2, 0);
    expect(Math.abs(areaM2 - SAMPLE_FIGURES.areaM2) / SAMPLE_FIGURES.areaM2).toBeLessThan(1e-6);
    expect(inControlM2 / areaM2).toBeCloseTo(SAMPLE_FIGURES.controlShare, 7);
    const counts = { control: 0, boundary: 0, crossing: 0, outside: 0 };
    for (const result of results) if (result.status) counts[result.status]++;
    expect(counts).toEqual(SAMPLE_FIGURES.statusCounts);
  });

  it('puts several per cent of its plots across a boundary, as real surveys do', () => {
    const crossing = results.filter((result) => result.status === 'crossing').length;
    expect(crossing / results.length).toBeGreaterThanOrEqual(0.03);
    expect(crossing / results.length).toBeLessThanOrEqual(0.08);
  });

  it('passes every plausibility check: on land in the county, towns matching their boundaries, no overlaps', () => {
    const reference = cixiCheckReference(
      read('data/basemap/counties.geojson'),
      read('data/basemap/land.geojson'),
    );
    const checks = checkPlausibility(plots, 'plots', { reference, boundary });
    expect({
      outsideCounty: checks.outsideCounty,
      onWater: checks.onWater,
      townMismatch: checks.townMismatch,
      overlappingPairs: checks.overlappingPairs,
      duplicateGeometries: checks.duplicateGeometries,
      shift: checks.shift,
    }).toEqual({
      outsideCounty: 0,
      onWater: 0,
      townMismatch: 0,
      overlappingPairs: 0,
      duplicateGeometries: 0,
      shift: null,
    });
    for (const [layer, kind] of [
      [boundary, 'boundary'],
      [control, 'control'],
    ] as const) {
      const placed = checkPlausibility(layer, kind, { reference });
      expect([placed.outsideCounty, placed.onWater], kind).toEqual([0, 0]);
    }
  });
});
