import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geometryAreaM2 } from '../geometry/ellipsoidal-area.ts';
import type { PolygonCoords } from '../types.ts';
import { loadLayerFromGeoJson } from './load-layer.ts';
import { findOverlaps, mergeOverlaps } from './overlaps.ts';

const REPAIRS = readFileSync(
  new URL('../../../test/fixtures/hostile/repairs.geojson', import.meta.url),
  'utf8',
);

/** ST_Area(geography(…)) of each feature after the repair, from PostGIS 3.3 (see the fixture README). */
const POSTGIS_M2: Record<string, number> = {
  'hole-outside': 7687.938,
  'half-copy': 3843.592,
  'hole-in-hole': 6833.719,
  'repeated-part': 3203.314,
  plain: 2669.428,
};

/** A ring from unit-grid points around 121.3°E, 30.2°N (1 unit = 0.0001°). */
function ring(...points: [number, number][]): number[][] {
  return points.map(([x, y]) => [121.3 + x * 1e-4, 30.2 + y * 1e-4]);
}

describe('land counted once (issue 12)', () => {
  it('gives every repaired feature the area PostGIS gives it, and says what was changed', () => {
    const result = loadLayerFromGeoJson(REPAIRS, 'repairs.geojson', 'plots');
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    const areas = Object.fromEntries(
      result.layer.features.map((feature) => [feature.properties?.id, geometryAreaM2(feature.geometry)]),
    );
    for (const [id, expected] of Object.entries(POSTGIS_M2)) expect(areas[id]).toBeCloseTo(expected, 2);
    expect(result.problems.map((p) => [p.code, p.severity, p.featureId])).toEqual([
      ['hole-outside-shell', 'warning', 'hole-outside'],
      ['overlapping-rings', 'warning', 'half-copy'],
      ['overlapping-rings', 'warning', 'hole-in-hole'],
      ['overlapping-rings', 'warning', 'repeated-part'],
    ]);
    expect(result.problems[0]?.message.zh).toBe(
      '第 1 个要素（编号 hole-outside）的第 2 个环（内环）不在外环之内，不扣除任何土地，已删除该内环',
    );
    expect(result.problems[1]?.message.en).toContain(
      'polygon 1 overlaps polygon 2; the polygons were merged',
    );
  });

  it('refuses a hole that passes through the shell at its vertices, half inside and half outside', () => {
    const shell = ring([0, 0], [10, 0], [10, 5], [10, 10], [0, 10], [0, 0]);
    const hole = ring([5, 5], [10, 10], [15, 5], [5, 5]);
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'across' },
          geometry: { type: 'Polygon', coordinates: [shell, hole] },
        },
      ],
    });
    const result = loadLayerFromGeoJson(text, 'across.geojson', 'plots');
    expect(result.ok && result.layer.features).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['hole-outside-shell', 'error']]);
    expect(result.problems[0]?.message.en).toContain('ring 2 (hole) lies partly outside the outer ring');
  });

  it('leaves alone parts that only share an edge, and holes that touch their shell', () => {
    const polygons: PolygonCoords[] = [
      [ring([0, 0], [10, 0], [10, 10], [0, 10], [0, 0]), ring([0, 2], [4, 4], [2, 6], [0, 2])],
      [ring([10, 0], [20, 0], [20, 10], [10, 10], [10, 0])],
    ];
    const found = findOverlaps(polygons);
    expect(found).toEqual({ holesOutside: [], holesAcross: [], overlappingHoles: [], overlappingParts: [] });
    expect(mergeOverlaps(polygons, found)).toEqual(polygons);
  });

  it('measures the same land whatever the order of the parts', () => {
    const big = [ring([0, 0], [10, 0], [10, 10], [0, 10], [0, 0])];
    const small = [ring([2, 2], [4, 2], [4, 4], [2, 4], [2, 2])];
    const apart = [ring([20, 0], [25, 0], [25, 5], [20, 5], [20, 0])];
    const area = (polygons: PolygonCoords[]) =>
      geometryAreaM2({ type: 'MultiPolygon', coordinates: mergeOverlaps(polygons, findOverlaps(polygons)) });
    const once = geometryAreaM2({ type: 'MultiPolygon', coordinates: [big, apart] });
    expect(area([big, small, apart])).toBeCloseTo(once, 6);
    expect(area([small, apart, big])).toBeCloseTo(once, 6);
  });
});
