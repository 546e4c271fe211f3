import { describe, expect, it } from 'vitest';
import {
  contextRoadLines,
  contextRoadsGeoJson,
  contextRoadsShapefileZip,
} from '../../../test/fixtures/context-roads.ts';
import { loadContextLayer } from './load-context-layer.ts';
import { readLayerFiles } from './read-layer-files.ts';

describe('loadContextLayer', () => {
  it('keeps points, lines and polygons as drawn and skips a feature without geometry, saying so', () => {
    const collection = Object.freeze(contextRoadsGeoJson());
    const result = loadContextLayer({ fileName: 'roads.geojson', collection });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const types = result.layer.features.map((feature) => feature.geometry?.type);
    expect(types.filter((type) => type === 'LineString')).toHaveLength(10);
    expect(types.slice(10)).toEqual(['MultiLineString', 'Polygon', 'Point']);
    expect(result.skipped).toBe(1);
    expect(result.problems.map((problem) => problem.code)).toEqual(['context-features-skipped']);
    expect(result.problems[0]?.message.zh).toContain('roads.geojson');
    expect(result.problems[0]?.message.en).toContain('features 14');
    expect(result.layer.features[0]?.properties).toEqual({ name: '东西路1', kind: 'road' });
    expect(result.crs.crs).toEqual({ kind: 'wgs84' });
  });

  it('reads a line shapefile in Gauss-Krüger zone 40 (prefixed eastings) back onto the roads within 1e-6°', () => {
    const read = readLayerFiles([{ name: 'roads.zip', bytes: contextRoadsShapefileZip() }], {
      anyGeometry: true,
    });
    expect(read.problems).toEqual([]);
    const source = read.sources[0];
    if (!source) throw new Error('no source');
    const result = loadContextLayer(source);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.crs.crs).toMatchObject({ kind: 'gauss-kruger' });
    const expected = contextRoadLines();
    expect(result.layer.features).toHaveLength(expected.length);
    result.layer.features.forEach((feature, index) => {
      expect(feature.geometry?.type).toBe('LineString');
      const line = feature.geometry?.coordinates as number[][];
      expect(line).toHaveLength(expected[index]?.length ?? -1);
      line.forEach(([lon = 0, lat = 0], k) => {
        expect(Math.abs(lon - (expected[index]?.[k]?.[0] ?? 0))).toBeLessThan(1e-6);
        expect(Math.abs(lat - (expected[index]?.[k]?.[1] ?? 0))).toBeLessThan(1e-6);
      });
    });
    expect(result.layer.features[3]?.properties).toEqual({ NAME: '南北路2' });
  });

  it('refuses a line shapefile for the plan layers, as before (only context layers read lines)', () => {
    const read = readLayerFiles([{ name: 'roads.zip', bytes: contextRoadsShapefileZip() }]);
    expect(read.sources).toEqual([]);
    expect(read.problems.map((problem) => problem.code)).toEqual(['not-a-polygon-layer']);
  });

  it('stops a layer that does not land on Cixi, naming the file', () => {
    const far = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [2.35, 48.85],
              [2.36, 48.86],
            ],
          },
        },
      ],
    };
    const result = loadContextLayer({ fileName: 'paris.geojson', collection: far });
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message.zh).toContain('paris.geojson');
  });

  it('names a file that is not a feature collection', () => {
    const result = loadContextLayer({ fileName: 'x.json', collection: [1, 2] });
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'not-a-feature-collection' }] });
  });

  it('rounds positions to 1e-7° and drops heights', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: null,
          geometry: { type: 'Point', coordinates: [121.223456789, 30.22512345678, 12.5] },
        },
      ],
    };
    const result = loadContextLayer({ fileName: 'p.geojson', collection });
    if (!result.ok) throw new Error('not loaded');
    expect(result.layer.features[0]?.geometry?.coordinates).toEqual([121.2234568, 30.2251235]);
    expect(result.layer.features[0]?.properties).toEqual({});
  });
});
