import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCrsCode } from '../crs/crs-codes.ts';
import type { Position } from '../types.ts';
import { columnsOf, suggestColumnMapping } from './column-mapping.ts';
import { loadLayerFromGeoJson, loadLayerFromSource } from './load-layer.ts';
import { normalizePlotProperties } from './normalize-plot-properties.ts';
import { type LayerSource, readLayerFiles } from './read-layer-files.ts';

const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);
const EXPECTED = JSON.parse(
  readFileSync(new URL('plots-cgcs2000-gk40-gbk.expected.json', FIXTURES), 'utf8'),
) as {
  features: { id: string; name: string; town: string; village: string; vertex: [number, number] }[];
};

function source(name: string): LayerSource {
  const read = readLayerFiles([{ name, bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))) }]);
  const first = read.sources[0];
  if (!first) throw new Error(read.problems[0]?.message.en);
  return first;
}

function positions(coordinates: unknown): Position[] {
  if (!Array.isArray(coordinates)) return [];
  return typeof coordinates[0] === 'number' ? [coordinates as Position] : coordinates.flatMap(positions);
}

const SQUARE_FEATURE = {
  type: 'Feature',
  properties: { id: 'a' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [121.3, 30.2],
        [121.301, 30.2],
        [121.301, 30.201],
        [121.3, 30.201],
        [121.3, 30.2],
      ],
    ],
  },
};

describe('loadLayerFromSource', () => {
  it('places the Gauss-Krüger zone 40 shapefile where the sample plots are, with canonical properties', () => {
    const plots = source('plots-cgcs2000-gk40-gbk.zip');
    const mapping = suggestColumnMapping(columnsOf(plots.collection)).mapping;
    const result = loadLayerFromSource(plots, 'plots', { columnMapping: mapping });
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    expect(result.problems).toEqual([]);
    expect(result.crs).toMatchObject({ source: 'prj', confidence: 'certain' });
    expect(result.crs.crs).toMatchObject({ kind: 'gauss-kruger', zone: 40, falseEasting: 40_500_000 });
    expect(result.layer.features).toHaveLength(EXPECTED.features.length);
    result.layer.features.forEach((feature, i) => {
      const expected = EXPECTED.features[i];
      expect(feature.properties).toMatchObject({
        id: expected?.id,
        name: expected?.name,
        town: expected?.town,
        village: expected?.village,
      });
      const [lon, lat] = expected?.vertex ?? [0, 0];
      const nearest = Math.min(
        ...positions(feature.geometry?.coordinates).map((p) =>
          Math.hypot((p[0] ?? 0) - lon, (p[1] ?? 0) - lat),
        ),
      );
      expect(nearest).toBeLessThan(1e-9);
    });
  });

  it('gives, when asked, each kept plot’s properties as the checks read them, beside its feature', () => {
    const plots = source('plots-cgcs2000-gk40-gbk.zip');
    const mapping = suggestColumnMapping(columnsOf(plots.collection)).mapping;
    const result = loadLayerFromSource(plots, 'plots', { columnMapping: mapping, plotProperties: true });
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    expect(result.plotProperties).toHaveLength(result.layer.features.length);
    result.layer.features.forEach((feature, i) => {
      const raw = feature.properties as Record<string, unknown>;
      expect(result.plotProperties?.[i]).toEqual(normalizePlotProperties(raw).properties);
      expect(result.plotProperties?.[i]?.id).toBe(EXPECTED.features[i]?.id);
    });
    const without = loadLayerFromSource(plots, 'plots', { columnMapping: mapping });
    expect(without.ok && without.plotProperties).toBeUndefined();
  });

  it('finds the plot ids through the aliases even without a mapping', () => {
    const result = loadLayerFromSource(source('plots-gbk-no-cpg.zip'), 'plots');
    expect(result.ok && result.layer.features.length).toBe(EXPECTED.features.length);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('takes KML as WGS84 because the format says so', () => {
    const result = loadLayerFromSource(source('boundary.kml'), 'boundary');
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    expect(result.crs).toMatchObject({ crs: { kind: 'wgs84' }, confidence: 'certain' });
    expect(result.crs.message.zh).toContain('KML 规定坐标为 WGS84');
    expect(result.crs.warning).toBeUndefined();
    expect(result.layer.features).toHaveLength(2);
  });

  it('stops a KML far from Cixi, saying where it lies', () => {
    const far = {
      fileName: 'far.kml',
      format: 'kml',
      crsFromFormat: 'wgs84',
      problems: [],
      collection: {
        type: 'FeatureCollection',
        features: [
          {
            ...SQUARE_FEATURE,
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [2, 48],
                  [2.01, 48],
                  [2.01, 48.01],
                  [2, 48],
                ],
              ],
            },
          },
        ],
      },
    } satisfies LayerSource;
    const result = loadLayerFromSource(far, 'boundary');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message.zh).toMatch(
      /^文件 far\.kml：KML 规定坐标为 WGS84.*数据落在 2\.005°E, 48\.005°N/,
    );
  });

  it('loads latitude-longitude data in the proposed swapped reading where the lon/lat file lies', () => {
    const latLon = {
      type: 'FeatureCollection',
      features: [
        {
          ...SQUARE_FEATURE,
          geometry: {
            type: 'Polygon',
            coordinates: SQUARE_FEATURE.geometry.coordinates.map((ring) => ring.map(([x, y]) => [y, x])),
          },
        },
      ],
    };
    const source: LayerSource = {
      fileName: 'lat-lon.json',
      format: 'geojson',
      collection: latLon,
      problems: [],
    };
    const stopped = loadLayerFromSource(source, 'plots');
    expect(!stopped.ok && stopped.crsProposals?.map((p) => p.code)).toEqual(['EPSG:4326/yx']);
    const swapped = loadLayerFromSource(source, 'plots', { crs: parseCrsCode('EPSG:4326/yx') ?? undefined });
    const lonLat = loadLayerFromSource(
      { ...source, collection: { type: 'FeatureCollection', features: [SQUARE_FEATURE] } },
      'plots',
    );
    if (!swapped.ok || !lonLat.ok) throw new Error('not loaded');
    expect(swapped.layer).toEqual(lonLat.layer);
  });

  it('reads the coordinates in the CRS chosen by hand, in place of the .prj, and proposes a fix when it stops', () => {
    const text = readFileSync(new URL('../bad-input/gk-wrong-zone-prefix.geojson', FIXTURES), 'utf8');
    const stopped = loadLayerFromGeoJson(text, 'wrong-zone.geojson', 'plots');
    expect(stopped.ok).toBe(false);
    expect(!stopped.ok && stopped.crsProposals?.map((p) => p.code)).toEqual(['GK:120:41']);
    const collection = JSON.parse(text);
    const source: LayerSource = {
      fileName: 'wrong-zone.geojson',
      format: 'geojson',
      collection,
      problems: [],
    };
    const chosen = loadLayerFromSource(source, 'plots', { crs: parseCrsCode('GK:120:41') ?? undefined });
    if (!chosen.ok) throw new Error(chosen.problems[0]?.message.en);
    expect(chosen.crs).toMatchObject({
      source: 'user',
      crs: { centralMeridian: 120, falseEasting: 41_500_000 },
    });
    const right = loadLayerFromGeoJson(
      readFileSync(new URL('../bad-input/projected-no-crs.geojson', FIXTURES), 'utf8'),
      'right.geojson',
      'plots',
    );
    if (!right.ok) throw new Error(right.problems[0]?.message.en);
    expect(chosen.layer).toEqual(right.layer);
  });

  it('reports the source reading problems first, and refuses what is not a collection', () => {
    const warning = {
      code: 'not-utf8',
      severity: 'warning',
      featureIndex: -1,
      message: { zh: 'w', en: 'w' },
    } as const;
    const ok = loadLayerFromSource(
      {
        fileName: 'a.json',
        format: 'geojson',
        collection: { type: 'FeatureCollection', features: [SQUARE_FEATURE] },
        problems: [warning],
      },
      'plots',
    );
    expect(ok.problems[0]).toBe(warning);
    const bad = loadLayerFromSource(
      { fileName: 'b.json', format: 'geojson', collection: [1, 2], problems: [] },
      'plots',
    );
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.code)).toEqual(['not-a-feature-collection']);
  });

  it('gives the same layer as loadLayerFromGeoJson for the same GeoJSON and does not touch the source', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [SQUARE_FEATURE] });
    const read = readLayerFiles([{ name: 'a.geojson', bytes: new TextEncoder().encode(text) }]);
    const geoJsonSource = read.sources[0] as LayerSource;
    const before = JSON.stringify(geoJsonSource);
    const fromSource = loadLayerFromSource(geoJsonSource, 'plots', { columnMapping: { id: 'id' } });
    expect(fromSource).toEqual(loadLayerFromGeoJson(text, 'a.geojson', 'plots'));
    expect(JSON.stringify(geoJsonSource)).toBe(before);
  });
});

describe('loadLayerFromGeoJson', () => {
  it('still reads a .prj passed beside the text and reports parse errors', () => {
    const projected = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'a' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [40_629_000, 3_341_000],
                [40_629_100, 3_341_000],
                [40_629_100, 3_341_100],
                [40_629_000, 3_341_000],
              ],
            ],
          },
        },
      ],
    });
    const prj = readFileSync(
      new URL('../crs/fixtures/esri-cgcs2000-3-degree-gk-zone-40.prj', import.meta.url),
      'utf8',
    );
    const result = loadLayerFromGeoJson(projected, 'p.geojson', 'plots', prj);
    expect(result.ok && result.crs.source).toBe('prj');
    const [lon] = result.ok ? (positions(result.layer.features[0]?.geometry?.coordinates)[0] ?? []) : [];
    expect(lon).toBeCloseTo(121.34, 1);
    const broken = loadLayerFromGeoJson('{', 'x.geojson', 'plots');
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]?.code).toBe('invalid-json');
  });
});
