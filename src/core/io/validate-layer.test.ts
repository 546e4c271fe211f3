import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LayerKind, Position, Problem } from '../types.ts';
import { parseGeoJsonText } from './parse-geojson.ts';
import { repairFeature } from './repair-feature.ts';
import { validateLayer } from './validate-layer.ts';

const BAD_INPUT = new URL('../../../test/fixtures/bad-input/', import.meta.url);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Parses a bad-input fixture (which must be valid JSON) and freezes it. */
function fixture(name: string): FeatureCollection {
  const result = parseGeoJsonText(readFileSync(new URL(name, BAD_INPUT), 'utf8'), name);
  if (!result.ok) throw new Error(`${name} does not parse`);
  return deepFreeze(result.value);
}

/** A square plot of about 190 m × 170 m with its south-west corner at (lon, lat). */
function square(lon = 121.25, lat = 30.17): Position[][] {
  return [
    [
      [lon, lat],
      [lon + 0.002, lat],
      [lon + 0.002, lat + 0.0015],
      [lon, lat + 0.0015],
      [lon, lat],
    ],
  ];
}

function plot(id: unknown, geometry: unknown = { type: 'Polygon', coordinates: square() }, extra = {}) {
  return { type: 'Feature', properties: id === undefined ? { ...extra } : { id, ...extra }, geometry };
}

function collection(...features: unknown[]): FeatureCollection {
  return deepFreeze({ type: 'FeatureCollection', features }) as unknown as FeatureCollection;
}

function codes(problems: Problem[]): string[] {
  return problems.map((p) => p.code);
}

/** The one problem with `code`; fails if there is not exactly one. */
function only(problems: Problem[], code: string): Problem {
  const found = problems.filter((p) => p.code === code);
  expect(found, `${code} in ${JSON.stringify(codes(problems))}`).toHaveLength(1);
  return found[0] as Problem;
}

describe('validateLayer on the bad-input fixtures', () => {
  it('wrong-type-points.geojson: a Point and a LineString in a polygon layer', () => {
    const { valid, problems } = validateLayer(fixture('wrong-type-points.geojson'), 'plots');
    expect(valid).toEqual([]);
    expect(problems.map((p) => [p.code, p.severity, p.featureIndex, p.featureId])).toEqual([
      ['wrong-geometry-type', 'error', 0, 'CX-0001'],
      ['wrong-geometry-type', 'error', 1, 'CX-0002'],
    ]);
    expect(problems[0]?.message.zh).toContain('第 1 个要素（编号 CX-0001）是点（Point）');
    expect(problems[0]?.message.zh).toContain('Polygon/MultiPolygon');
    expect(problems[1]?.message.en).toContain('Feature 2 (id CX-0002) is a LineString');
  });

  it('self-intersecting.geojson: a bow-tie plot, with the crossing location', () => {
    const { valid, problems } = validateLayer(fixture('self-intersecting.geojson'), 'plots');
    expect(valid).toEqual([0]);
    const problem = only(problems, 'self-intersection');
    expect(problem).toMatchObject({ severity: 'error', featureIndex: 1, featureId: 'CX-0002' });
    expect(problem.message.zh).toBe(
      '第 2 个要素（编号 CX-0002）的第 1 个环（外环）在 121.253000, 30.171750 附近自相交；请在 GIS 软件中修复（如 ArcGIS「修复几何」/ QGIS「修复几何图形」）',
    );
    expect(problem.message.en).toContain('Feature 2 (id CX-0002)');
    expect(problem.message.en).toContain('near 121.253000, 30.171750');
  });

  it('hole-crossing-shell.geojson: a hole that crosses the outer ring', () => {
    const { valid, problems } = validateLayer(fixture('hole-crossing-shell.geojson'), 'plots');
    expect(valid).toEqual([]);
    const problem = only(problems, 'self-intersection');
    expect(problem).toMatchObject({ featureIndex: 0, featureId: 'CX-0001' });
    expect(problem.message.zh).toContain(
      '第 1 个环（外环）与第 2 个环（内环）在 121.252000, 30.170500 附近相交（共 2 处）',
    );
  });

  it('unclosed-ring.geojson: a warning, the feature stays usable and repairFeature closes it', () => {
    const input = fixture('unclosed-ring.geojson');
    const { valid, problems } = validateLayer(input, 'plots');
    expect(valid).toEqual([0]);
    const problem = only(problems, 'unclosed-ring');
    expect(problem).toMatchObject({ severity: 'warning', featureIndex: 0, featureId: 'CX-0001' });
    expect(problem.message.zh).toContain('第 1 个要素（编号 CX-0001）的第 1 个环（外环）首尾点不一致');
    expect(problems).toHaveLength(1);
    const repaired = repairFeature(input.features[0] as never);
    expect(validateLayer(collection(repaired), 'plots').problems).toEqual([]);
  });

  it('duplicate-ids.geojson: the repeat is an error naming both features', () => {
    const { valid, problems } = validateLayer(fixture('duplicate-ids.geojson'), 'plots');
    expect(valid).toEqual([0, 1]);
    const problem = only(problems, 'duplicate-id');
    expect(problem).toMatchObject({ severity: 'error', featureIndex: 2, featureId: 'CX-0001' });
    expect(problem.message.zh).toContain('第 3 个要素（编号 CX-0001）的编号与第 1 个要素相同');
    expect(problem.message.en).toContain('Feature 3 (id CX-0001) has the same id as feature 1');
  });

  it('missing-ids.geojson: a plot without an id is an error', () => {
    const { valid, problems } = validateLayer(fixture('missing-ids.geojson'), 'plots');
    expect(valid).toEqual([0]);
    const problem = only(problems, 'missing-id');
    expect(problem).toMatchObject({ severity: 'error', featureIndex: 1 });
    expect(problem.featureId).toBeUndefined();
    expect(problem.message.zh).toContain('第 2 个要素没有编号');
  });

  it('projected-no-crs.geojson: one file-level problem asking for a .prj', () => {
    const { valid, problems } = validateLayer(fixture('projected-no-crs.geojson'), 'plots', {
      fileName: 'projected-no-crs.geojson',
    });
    expect(valid).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'projected-coordinates', severity: 'error', featureIndex: -1 });
    expect(problems[0]?.message.zh).toContain('projected-no-crs.geojson');
    expect(problems[0]?.message.zh).toContain('坐标值看起来是投影坐标（米），请提供 .prj 或选择坐标系');
    expect(problems[0]?.message.zh).toContain('40620406.52, 3339618.71');
  });

  it('out-of-range.geojson: lon 500, lat 100 is out of range, not projected', () => {
    const { valid, problems } = validateLayer(fixture('out-of-range.geojson'), 'plots');
    expect(valid).toEqual([0]);
    const problem = only(problems, 'coordinate-out-of-range');
    expect(problem).toMatchObject({ severity: 'error', featureIndex: 1, featureId: 'CX-0002' });
    expect(problem.message.zh).toContain(
      '第 2 个要素（编号 CX-0002）的坐标超出经纬度范围（例如 500.000000, 100.000000）',
    );
  });

  it('null-geometry.geojson: a feature without geometry', () => {
    const { valid, problems } = validateLayer(fixture('null-geometry.geojson'), 'plots');
    expect(valid).toEqual([0]);
    const problem = only(problems, 'empty-geometry');
    expect(problem).toMatchObject({ severity: 'error', featureIndex: 1, featureId: 'CX-0002' });
    expect(problem.message.zh).toContain('第 2 个要素（编号 CX-0002）没有几何图形');
  });

  it('bad-attributes.geojson: unreadable attributes are warnings, found through Chinese column names', () => {
    const { valid, problems } = validateLayer(fixture('bad-attributes.geojson'), 'plots');
    expect(valid).toEqual([0]);
    expect(problems.map((p) => [p.code, p.severity, p.featureIndex, p.featureId])).toEqual([
      ['invalid-number', 'warning', 0, 'CX-0001'],
      ['negative-value', 'warning', 0, 'CX-0001'],
      ['invalid-boolean', 'warning', 0, 'CX-0001'],
    ]);
    expect(problems[0]?.message.zh).toContain('第 1 个要素（编号 CX-0001）：字段「税收」的值“abc”不是数字');
  });
});

describe('validateLayer: geometry', () => {
  it('accepts a valid collection without problems', () => {
    const input = collection(
      plot('A', { type: 'Polygon', coordinates: square() }),
      plot('B', { type: 'MultiPolygon', coordinates: [square(121.26), square(121.27)] }),
    );
    expect(validateLayer(input, 'plots')).toEqual({ valid: [0, 1], problems: [] });
  });

  it('reports coordinates that are not numbers, with where they are', () => {
    const bad = square();
    (bad[0] as unknown[])[2] = [121.252, '30.1715'];
    const { problems } = validateLayer(collection(plot('A', { type: 'Polygon', coordinates: bad })), 'plots');
    const problem = only(problems, 'invalid-coordinates');
    expect(problem.message.zh).toContain('第 1 个要素（编号 A）的第 1 个环（外环）第 3 个点的坐标无效');
  });

  it('reports positions with fewer than two numbers', () => {
    const bad = square();
    (bad[0] as unknown[])[1] = [121.252];
    const { valid, problems } = validateLayer(
      collection(plot('A', { type: 'Polygon', coordinates: bad })),
      'plots',
    );
    expect(valid).toEqual([]);
    expect(codes(problems)).toEqual(['invalid-coordinates']);
  });

  it('reports empty coordinates as empty-geometry', () => {
    for (const geometry of [
      { type: 'Polygon', coordinates: [] },
      { type: 'MultiPolygon', coordinates: [] },
      { type: 'MultiPolygon', coordinates: [[]] },
      { type: 'GeometryCollection', geometries: [] },
    ]) {
      const { problems } = validateLayer(collection(plot('A', geometry)), 'plots');
      expect(only(problems, 'empty-geometry').featureIndex).toBe(0);
    }
  });

  it('reports rings with fewer than four positions as degenerate', () => {
    const ring = [
      [121.25, 30.17],
      [121.252, 30.17],
      [121.25, 30.17],
    ];
    const { problems } = validateLayer(
      collection(plot('A', { type: 'Polygon', coordinates: [ring] })),
      'plots',
    );
    const problem = only(problems, 'degenerate-ring');
    expect(problem.severity).toBe('error');
    expect(problem.message.zh).toContain('只有 3 个点');
  });

  it('reports a ring whose points lie on one line as zero-area', () => {
    const ring = [
      [121.25, 30.17],
      [121.251, 30.171],
      [121.252, 30.172],
      [121.25, 30.17],
    ];
    const { valid, problems } = validateLayer(
      collection(plot('A', { type: 'Polygon', coordinates: [ring] })),
      'plots',
    );
    expect(valid).toEqual([]);
    expect(only(problems, 'zero-area').message.zh).toContain('面积为零');
  });

  it('names the polygon of a MultiPolygon in which a ring crosses itself', () => {
    const bowTie = [
      [121.26, 30.17],
      [121.262, 30.172],
      [121.262, 30.17],
      [121.26, 30.172],
      [121.26, 30.17],
    ];
    const { problems } = validateLayer(
      collection(plot('A', { type: 'MultiPolygon', coordinates: [square(), [bowTie]] })),
      'plots',
    );
    expect(only(problems, 'self-intersection').message.zh).toContain(
      '第 2 个面的第 1 个环（外环）在 121.261000, 30.171000',
    );
  });

  it('accepts a GeometryCollection of polygons with a warning, and rejects one with a line', () => {
    const polygons = { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: square() }] };
    const accepted = validateLayer(collection(plot('A', polygons)), 'plots');
    expect(accepted.valid).toEqual([0]);
    expect(only(accepted.problems, 'geometry-collection').severity).toBe('warning');
    const mixed = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', coordinates: square() },
        {
          type: 'LineString',
          coordinates: [
            [121.25, 30.17],
            [121.26, 30.18],
          ],
        },
      ],
    };
    const rejected = validateLayer(collection(plot('A', mixed)), 'plots');
    expect(rejected.valid).toEqual([]);
    expect(only(rejected.problems, 'wrong-geometry-type').message.zh).toContain('线（LineString）');
  });

  it('reports projected coordinates per feature when only some features are projected', () => {
    const projected = [
      [
        [40620406.52, 3339618.71],
        [40620599.18, 3339620.83],
        [40620597.35, 3339787.13],
        [40620406.52, 3339618.71],
      ],
    ];
    const { valid, problems } = validateLayer(
      collection(plot('A'), plot('B', { type: 'Polygon', coordinates: projected })),
      'plots',
    );
    expect(valid).toEqual([0]);
    const problem = only(problems, 'projected-coordinates');
    expect(problem).toMatchObject({ featureIndex: 1, featureId: 'B' });
    expect(problem.message.zh).toContain('第 2 个要素（编号 B）');
    expect(problem.message.zh).toContain('请提供 .prj 或选择坐标系');
  });

  it('skips the range check when asked (data not yet reprojected)', () => {
    const { problems } = validateLayer(fixture('projected-no-crs.geojson'), 'plots', {
      checkCoordinateRange: false,
    });
    expect(problems).toEqual([]);
  });

  it('reports array elements that are not features', () => {
    const { valid, problems } = validateLayer(collection(plot('A'), 42, null), 'plots');
    expect(valid).toEqual([0]);
    expect(problems.map((p) => [p.code, p.featureIndex])).toEqual([
      ['invalid-feature', 1],
      ['invalid-feature', 2],
    ]);
    expect(problems[0]?.message.zh).toContain('第 2 个要素');
  });

  it('summarises structural defects found by geojson-validation as a warning', () => {
    const { valid, problems } = validateLayer(
      collection({ type: 'feature', id: 'A', geometry: { type: 'Polygon', coordinates: square() } }),
      'plots',
    );
    expect(valid).toEqual([0]);
    const problem = only(problems, 'invalid-geojson');
    expect(problem.severity).toBe('warning');
    expect(problem.message.zh).toContain('「type」应为 "Feature"');
    expect(problem.message.zh).toContain('缺少「properties」成员');
  });

  it('reports a collection that is not one at file level', () => {
    const { valid, problems } = validateLayer(
      { type: 'FeatureCollection' } as unknown as FeatureCollection,
      'control',
      {
        fileName: 'control.geojson',
      },
    );
    expect(valid).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'not-a-feature-collection', featureIndex: -1 });
    expect(problems[0]?.message.zh).toContain('文件 control.geojson（工业控制线图层）');
  });
});

describe('validateLayer: ids and layers', () => {
  it('takes the id from properties, an alias column or feature.id, and treats 12 and "12" as the same', () => {
    const input = collection(
      plot(undefined, undefined, { 地块编号: 'X-1' }),
      { ...plot(undefined), id: 'X-2' },
      plot(12),
      plot('12'),
    );
    const { valid, problems } = validateLayer(input, 'plots');
    expect(valid).toEqual([0, 1, 2]);
    expect(problems.map((p) => [p.code, p.featureIndex, p.featureId])).toEqual([['duplicate-id', 3, '12']]);
    expect(problems[0]?.message.zh).toContain('第 3 个要素');
  });

  it('only warns about missing and duplicate ids of control lines', () => {
    const { valid, problems } = validateLayer(collection(plot(undefined), plot('K1'), plot('K1')), 'control');
    expect(valid).toEqual([0, 1, 2]);
    expect(problems.map((p) => [p.code, p.severity, p.featureIndex])).toEqual([
      ['missing-id', 'warning', 0],
      ['duplicate-id', 'warning', 2],
    ]);
    expect(problems[0]?.message.zh).toContain('将自动生成编号');
  });

  it('asks no id of boundaries and does not check plot attributes there', () => {
    const { valid, problems } = validateLayer(
      collection(plot(undefined, undefined, { taxWan: 'abc' })),
      'boundary',
    );
    expect(valid).toEqual([0]);
    expect(problems).toEqual([]);
  });
});

describe('validateLayer: limits and robustness', () => {
  it('caps each code at maxProblemsPerCode with one summary, but counts every feature in valid', () => {
    const features = Array.from({ length: 30 }, () => plot(undefined));
    const { valid, problems } = validateLayer(collection(...features), 'plots', { maxProblemsPerCode: 10 });
    expect(valid).toEqual([]);
    expect(problems.filter((p) => p.code === 'missing-id')).toHaveLength(10);
    const summary = only(problems, 'too-many-problems');
    expect(summary.featureIndex).toBe(-1);
    expect(summary.message.zh).toContain('另有 20 个「missing-id」问题未列出');
  });

  it('checks 10,000 plots and a 20,000-vertex outline in one pass (efficiency smoke test)', () => {
    const plots = Array.from({ length: 10_000 }, (_, i) =>
      plot(`CX-${i}`, {
        type: 'Polygon',
        coordinates: square(121.1 + (i % 100) * 0.003, 30.1 + Math.floor(i / 100) * 0.002),
      }),
    );
    const plotResult = validateLayer(collection(...plots), 'plots');
    expect(plotResult.valid).toHaveLength(10_000);
    expect(plotResult.problems).toEqual([]);
    const outline: Position[] = [];
    for (let k = 0; k < 20_000; k++) {
      const angle = (2 * Math.PI * k) / 20_000;
      const radius = 0.3 + 0.01 * Math.sin(37 * angle);
      outline.push([121.25 + radius * Math.cos(angle), 30.17 + radius * Math.sin(angle)]);
    }
    outline.push([...(outline[0] as Position)]);
    const boundary = validateLayer(
      collection(plot(undefined, { type: 'Polygon', coordinates: [outline] })),
      'boundary',
    );
    expect(boundary).toEqual({ valid: [0], problems: [] });
  });

  const layers = fc.constantFrom<LayerKind>('boundary', 'control', 'plots');
  const coordinate = fc.oneof(
    fc.double({ min: 121.2, max: 121.3, noNaN: true }),
    fc.double(),
    fc.constantFrom(0, -0, 500, 40620406.5, '121.25', null),
  );
  const position = fc.oneof(fc.array(coordinate, { maxLength: 4 }), fc.anything());
  const ringArbitrary = fc.oneof(fc.array(position, { maxLength: 8 }), fc.anything());
  // Rings on a 100 m grid in Cixi: many are simple, many cross or touch themselves exactly.
  const gridPosition = fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
    .map(([i, j]) => [121.25 + i * 0.001, 30.17 + j * 0.001]);
  const gridPolygon = fc.array(fc.array(gridPosition, { minLength: 3, maxLength: 7 }), {
    minLength: 1,
    maxLength: 2,
  });
  const geometry = fc.oneof(
    fc.record({ type: fc.constant('Polygon'), coordinates: gridPolygon }),
    fc.record({
      type: fc.constant('MultiPolygon'),
      coordinates: fc.array(gridPolygon, { minLength: 1, maxLength: 2 }),
    }),
    fc.record({
      type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'GeometryCollection', 'polygon'),
      coordinates: fc.oneof(
        fc.array(ringArbitrary, { maxLength: 3 }),
        fc.array(fc.array(ringArbitrary, { maxLength: 3 }), { maxLength: 3 }),
      ),
      geometries: fc.array(fc.anything(), { maxLength: 2 }),
    }),
    fc.anything(),
  );
  const feature = fc.oneof(
    fc.record(
      {
        type: fc.constantFrom('Feature', 'feature'),
        id: fc.oneof(fc.string(), fc.integer(), fc.anything()),
        properties: fc.oneof(
          fc.dictionary(
            fc.constantFrom('id', '编号', 'taxWan', '税收', '安全隐患', 'name', '__proto__', 'toString'),
            fc.anything(),
          ),
          fc.anything(),
        ),
        geometry,
      },
      { requiredKeys: [] },
    ),
    fc.anything({ withNullPrototype: true }),
  );
  const anyCollection = fc.oneof(
    fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 6 }) }),
    fc.anything({ withNullPrototype: true, withBoxedValues: true }),
  );

  it('never throws, and every problem points at the file or at an existing feature', () => {
    fc.assert(
      fc.property(anyCollection, layers, fc.integer({ min: 1, max: 5 }), (input, layer, cap) => {
        const { valid, problems } = validateLayer(input as FeatureCollection, layer, {
          maxProblemsPerCode: cap,
        });
        const features = (input as { features?: unknown })?.features;
        const count = Array.isArray(features) ? features.length : 0;
        for (const problem of problems) {
          expect(problem.code).not.toBe('internal-error');
          expect(
            problem.featureIndex === -1 || (problem.featureIndex >= 0 && problem.featureIndex < count),
          ).toBe(true);
          expect(problem.message.zh.length).toBeGreaterThan(0);
          expect(problem.message.en.length).toBeGreaterThan(0);
        }
        for (const index of valid) expect(index >= 0 && index < count).toBe(true);
        const withError = new Set(
          problems.filter((p) => p.severity === 'error' && p.featureIndex >= 0).map((p) => p.featureIndex),
        );
        for (const index of valid) expect(withError.has(index)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('lists as valid only features that repairFeature turns into clean Polygon/MultiPolygon features', () => {
    fc.assert(
      fc.property(anyCollection, (input) => {
        const { valid } = validateLayer(input as FeatureCollection, 'boundary');
        if (valid.length === 0) return;
        const features = (input as { features: unknown[] }).features;
        for (const index of valid) {
          const repaired = repairFeature(features[index] as never);
          expect(['Polygon', 'MultiPolygon']).toContain(repaired.geometry?.type);
          const again = validateLayer(collection(repaired), 'boundary');
          expect(again.valid).toEqual([0]);
          expect(again.problems.filter((p) => p.code === 'unclosed-ring')).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
