import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGeoJsonText } from './parse-geojson.ts';

const BAD_INPUT = new URL('../../../test/fixtures/bad-input/', import.meta.url);

function fixtureText(name: string): string {
  return readFileSync(new URL(name, BAD_INPUT), 'utf8');
}

const SQUARE = [
  [
    [121.25, 30.17],
    [121.252, 30.17],
    [121.252, 30.1715],
    [121.25, 30.1715],
    [121.25, 30.17],
  ],
];

describe('parseGeoJsonText', () => {
  it('reads a FeatureCollection and keeps its other members (crs)', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:4490' } },
      features: [
        {
          type: 'Feature',
          properties: { id: 'CX-0001' },
          geometry: { type: 'Polygon', coordinates: SQUARE },
        },
      ],
    });
    const result = parseGeoJsonText(text, 'plots.geojson');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.value.features).toHaveLength(1);
    expect((result.value as unknown as { crs: unknown }).crs).toEqual({
      type: 'name',
      properties: { name: 'EPSG:4490' },
    });
  });

  it('says on which line and column a syntax error is (not-json.geojson)', () => {
    const result = parseGeoJsonText(fixtureText('not-json.geojson'), 'not-json.geojson');
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem?.code).toBe('invalid-json');
    expect(problem?.severity).toBe('error');
    expect(problem?.featureIndex).toBe(-1);
    expect(problem?.message.zh).toContain(
      '文件 not-json.geojson 不是有效的 JSON：第 7 行第 7 列附近有语法错误',
    );
    expect(problem?.message.en).toContain(
      'File not-json.geojson is not valid JSON: syntax error near line 7, column 7',
    );
  });

  it('reports a truncated file as ending unexpectedly, with the last line', () => {
    const result = parseGeoJsonText('{\n  "type": "FeatureCollection",\n  "features": [\n', 'cut.geojson');
    expect(result.problems[0]?.code).toBe('invalid-json');
    expect(result.problems[0]?.message.zh).toContain('文件 cut.geojson');
    expect(result.problems[0]?.message.zh).toContain('第 4 行第 1 列意外结束');
  });

  it('recognises XML (KML) given as GeoJSON', () => {
    const result = parseGeoJsonText('<?xml version="1.0"?><kml></kml>', 'plots.geojson');
    expect(result.problems[0]?.code).toBe('invalid-json');
    expect(result.problems[0]?.message.zh).toContain('KML');
  });

  it('names UTF-16 and prints no NUL byte for text full of NULs (UTF-16 read as 8-bit)', () => {
    const text = Array.from('{"type":"FeatureCollection","features":[]}', (c) => `${c}\u0000`).join('');
    const result = parseGeoJsonText(text, 'wide.geojson');
    expect(result.ok).toBe(false);
    const [problem] = result.problems;
    expect(problem?.code).toBe('invalid-json');
    expect(problem?.message.en).toContain('File wide.geojson is not valid JSON');
    expect(problem?.message.en).toContain('UTF-16');
    expect(problem?.message.zh).toContain('UTF-16');
    expect(`${problem?.message.zh}${problem?.message.en}`).not.toContain('\u0000');
  });

  it('shows control characters near a syntax error as dots', () => {
    const result = parseGeoJsonText('{"type":"FeatureCollection",\u0001\u0000"features":[]}', 'ctl.geojson');
    expect(result.problems[0]?.message.en).toContain('(near ""FeatureCollection",··"features":[]}")');
  });

  it('reports an empty file (empty.geojson) and a file of blanks', () => {
    for (const text of [fixtureText('empty.geojson'), ' \n\t ', '\uFEFF']) {
      const result = parseGeoJsonText(text, 'empty.geojson');
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => p.code)).toEqual(['empty-file']);
      expect(result.problems[0]?.message.zh).toContain('empty.geojson');
      expect(result.problems[0]?.message.en).toContain('empty.geojson');
    }
  });

  it('strips a byte-order mark', () => {
    const text = `\uFEFF${JSON.stringify({ type: 'FeatureCollection', features: [] })}`;
    const result = parseGeoJsonText(text, 'bom.geojson');
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it.each([
    ['[]', '数组'],
    ['42', '数字'],
    ['null', 'null'],
    ['"FeatureCollection"', '字符串'],
  ])('rejects %s as not an object', (text, kind) => {
    const result = parseGeoJsonText(text, 'x.geojson');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('not-an-object');
    expect(result.problems[0]?.message.zh).toContain(`文件 x.geojson 的内容是${kind}`);
  });

  it('wraps a single Feature into a collection, with a warning', () => {
    const feature = {
      type: 'Feature',
      properties: { id: 'CX-0001' },
      geometry: { type: 'Polygon', coordinates: SQUARE },
    };
    const result = parseGeoJsonText(JSON.stringify(feature), 'one.geojson');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.type).toBe('FeatureCollection');
    expect(result.value.features).toEqual([feature]);
    expect(result.problems.map((p) => [p.code, p.severity, p.featureIndex])).toEqual([
      ['wrapped-feature', 'warning', -1],
    ]);
    expect(result.problems[0]?.message.zh).toContain('one.geojson');
  });

  it('wraps a bare geometry into a feature without properties, with a warning', () => {
    const geometry = { type: 'MultiPolygon', coordinates: [SQUARE] };
    const result = parseGeoJsonText(JSON.stringify(geometry), 'geom.geojson');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.features).toEqual([{ type: 'Feature', properties: {}, geometry }]);
    expect(result.problems[0]?.code).toBe('wrapped-geometry');
    expect(result.problems[0]?.message.zh).toContain('MultiPolygon');
  });

  it.each([
    [{ type: 'Topology', objects: {} }, 'TopoJSON'],
    [{ geometryType: 'esriGeometryPolygon', spatialReference: { wkid: 4490 }, features: [] }, 'Esri JSON'],
    [{ type: 'featurecollection', features: [] }, '区分大小写'],
    [{ type: 'Layer' }, '「Layer」'],
    [{ features: [] }, '缺少「type」'],
  ])('rejects an unsupported type (%j)', (value, expected) => {
    const result = parseGeoJsonText(JSON.stringify(value), 'odd.geojson');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('unsupported-type');
    expect(result.problems[0]?.message.zh).toContain('odd.geojson');
    expect(result.problems[0]?.message.zh).toContain(expected);
  });

  it.each([
    [{ type: 'FeatureCollection' }, '缺失'],
    [{ type: 'FeatureCollection', features: {} }, '不是数组'],
  ])('rejects a collection whose features are not an array (%j)', (value, expected) => {
    const result = parseGeoJsonText(JSON.stringify(value), 'fc.geojson');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('features-not-array');
    expect(result.problems[0]?.message.zh).toContain('fc.geojson');
    expect(result.problems[0]?.message.zh).toContain(expected);
  });

  it('never throws, and every problem is file-level and names the file', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = parseGeoJsonText(text, 'fuzz.geojson');
          for (const problem of result.problems) {
            expect(problem.featureIndex).toBe(-1);
            expect(problem.message.zh).toContain('fuzz.geojson');
            expect(problem.message.en).toContain('fuzz.geojson');
          }
          if (!result.ok) expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
        },
      ),
    );
  });
});
