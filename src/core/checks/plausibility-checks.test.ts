import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyColumnMapping } from '../io/column-mapping.ts';
import { packPlotOutlines, plotGeometryReader } from '../plot-outlines.ts';
import type { FeatureCollection } from '../types.ts';
import { cixiCheckReference } from './check-reference.ts';
import { CHECK_FLAGS, checkPlausibility, summarizeChecks } from './plausibility-checks.ts';
import {
  concatPackedRings,
  findPackedOverlaps,
  findPlotOverlaps,
  packedGeometry,
  packRings,
} from './plot-overlaps.ts';

const root = new URL('../../../', import.meta.url);
const fixtureDir = new URL('test/fixtures/checks/', root);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function readJson<T = FeatureCollection>(url: URL): T {
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

interface Expected {
  outsideCounty: string[];
  onWater: string[];
  townMismatches: { id: string; town: string; boundaryTown: string }[];
  overlaps: Record<string, number>;
  overlapM2: number;
  duplicates: string[][];
  toleranceM2: number;
}

const reference = cixiCheckReference(
  readJson(new URL('data/basemap/counties.geojson', root)),
  readJson(new URL('data/basemap/land.geojson', root)),
);
// As the import loads it: the 镇街 column mapped onto `town`.
const plots = deepFreeze(
  applyColumnMapping(readJson(new URL('plots.geojson', fixtureDir)), { id: 'id', town: '镇街' }),
);
const boundary = deepFreeze(readJson(new URL('boundary.geojson', fixtureDir)));
const expected = readJson<Expected>(new URL('expected.json', fixtureDir));

describe('checkPlausibility on the hand-made fixture (figures from PostGIS, see the fixture README)', () => {
  const checks = checkPlausibility(plots, 'plots', { reference, boundary });

  it('finds the same with each geometry read into arrays reused from one plot to the next', () => {
    // As the page's worker reads a layer kept packed (CheckOptions.geometryOf).
    const geometryOf = plotGeometryReader(packPlotOutlines(plots));
    expect(checkPlausibility(plots, 'plots', { reference, boundary, geometryOf })).toEqual(checks);
  });

  it('finds the plots outside the county outline and on water', () => {
    expect(checks.outsideCountyIds).toEqual(expected.outsideCounty);
    expect(checks.outsideCounty).toBe(3);
    expect(checks.onWaterIds).toEqual(expected.onWater);
    expect(checks.onWater).toBe(2);
  });

  it('finds the plots whose town attribute disagrees with the boundaries holding most of them', () => {
    expect(checks.townMismatches).toEqual(expected.townMismatches);
    expect(checks.townMismatch).toBe(2);
  });

  it('finds the overlapping pairs with their common areas, and no pair that only touches', () => {
    const found = Object.fromEntries(checks.overlaps.map((o) => [o.ids.join('+'), o.areaM2]));
    expect(Object.keys(found).sort()).toEqual(Object.keys(expected.overlaps).sort());
    for (const [pair, areaM2] of Object.entries(expected.overlaps)) {
      expect(Math.abs((found[pair] as number) - areaM2)).toBeLessThan(expected.toleranceM2);
    }
    expect(checks.overlappingPairs).toBe(7);
    expect(Math.abs(checks.overlapM2 - expected.overlapM2)).toBeLessThan(expected.toleranceM2);
  });

  it('groups duplicate geometries whatever their start, winding or extra vertices', () => {
    expect(checks.duplicates).toEqual(expected.duplicates);
    expect(checks.duplicateGeometries).toBe(2);
  });

  it('flags each plot with the checks it fails', () => {
    const flagsOf = (id: string) => checks.flags[plots.features.findIndex((f) => f.properties?.id === id)];
    expect(flagsOf('ok-1')).toBe(0);
    expect(flagsOf('outside-sea')).toBe(CHECK_FLAGS.outsideCounty | CHECK_FLAGS.onWater);
    expect(flagsOf('town-1')).toBe(CHECK_FLAGS.townMismatch);
    expect(flagsOf('dup-c')).toBe(CHECK_FLAGS.overlapping | CHECK_FLAGS.duplicate);
    expect(flagsOf('ov-b')).toBe(CHECK_FLAGS.overlapping);
    expect(flagsOf('nb-b')).toBe(0);
    expect(flagsOf('in-hole')).toBe(CHECK_FLAGS.overlapping);
  });

  it('does not depend on the order of the plots', () => {
    const reversed = { ...plots, features: [...plots.features].reverse() };
    const again = checkPlausibility(reversed, 'plots', { reference, boundary });
    expect(again.outsideCountyIds.sort()).toEqual([...checks.outsideCountyIds].sort());
    expect(again.townMismatches.map((m) => m.id).sort()).toEqual(['town-1', 'town-2']);
    expect(again.overlappingPairs).toBe(checks.overlappingPairs);
    expect(again.overlapM2).toBeCloseTo(checks.overlapM2, 6);
    expect(again.duplicateGeometries).toBe(2);
  });

  it('summarises without the per-plot flags, as summary.json writes it', () => {
    const summary = summarizeChecks(checks);
    expect(summary).not.toHaveProperty('flags');
    expect(JSON.parse(JSON.stringify(summary)).overlappingPairs).toBe(7);
  });
});

describe('checkPlausibility on other layers and without a reference', () => {
  it('checks only the place of a boundary layer', () => {
    const checks = checkPlausibility(boundary, 'boundary', { reference, boundary });
    expect(checks.features).toBe(3);
    expect(checks.outsideCounty).toBe(0);
    // 浒山街道's two pieces overlap, which is fine for zones: not checked.
    expect(checks.overlappingPairs).toBe(0);
    expect(checks.townMismatch).toBe(0);
  });

  it('checks no place without a reference and no town without boundaries', () => {
    const checks = checkPlausibility(plots, 'plots', { reference: null });
    expect(checks.outsideCounty).toBe(0);
    expect(checks.onWater).toBe(0);
    expect(checks.townMismatch).toBe(0);
    expect(checks.overlappingPairs).toBe(7);
  });
});

describe('overlaps of a layer packed in parts, as the command line finds them when it reads a file in parts', () => {
  it('are those of the whole layer: the same pairs, areas to the bit and duplicate groups', () => {
    const whole = findPlotOverlaps(plots);
    const n = plots.features.length;
    const cuts = [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n];
    const parts = [0, 1, 2].map((k) =>
      packRings({ type: 'FeatureCollection', features: plots.features.slice(cuts[k], cuts[k + 1]) }),
    );
    const rings = concatPackedRings(parts);
    expect(rings.convex.length).toBe(n);
    expect(whole.pairs.length).toBeGreaterThan(3);
    expect(findPackedOverlaps(rings, (i) => packedGeometry(rings, i))).toEqual(whole);
    // Each plot's geometry comes back as it was loaded.
    plots.features.forEach((feature, i) => {
      expect(packedGeometry(rings, i)).toEqual(feature.geometry);
    });
  });
});
