import { describe, expect, it } from 'vitest';
import { squarePlot } from '../../../test/fixtures/square-plot.ts';
import { gaussKrugerCrs } from '../crs/crs.ts';
import { makeInverseTransform } from '../crs/make-transform.ts';
import { loadLayerFromGeoJson } from './load-layer.ts';

/** Twelve square plots in a row near Cixi, ids P1…P12, in longitude/latitude. */
function twelvePlots(): {
  type: string;
  properties: { id: string };
  geometry: { type: string; coordinates: unknown };
}[] {
  return Array.from({ length: 12 }, (_, i) => {
    const plot = squarePlot(`P${i + 1}`, 121.2 + i * 0.002, 30.2, 0.001);
    return {
      type: 'Feature',
      properties: { id: `P${i + 1}` },
      geometry: { type: 'Polygon', coordinates: plot.geometry?.coordinates },
    };
  });
}

/** The outer ring of a plot, to put a hostile vertex in. */
function outerRing(plot: { geometry: { coordinates: unknown } } | undefined): unknown[] {
  const ring = (plot?.geometry.coordinates as unknown[][] | undefined)?.[0];
  if (!ring) throw new Error('no ring');
  return ring;
}

function text(features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function load(features: unknown[]) {
  return loadLayerFromGeoJson(text(features), 'plots.geojson', 'plots');
}

describe('loadLayerFromGeoJson on hostile coordinates (issue 12)', () => {
  it.each([
    ['strings', ['121.x', '30.x'], '["121.x", "30.x"]; the coordinates are written as text, not numbers'],
    ['nulls', [null, null], '[null, null]'],
    ['a null position', null, 'null'],
  ])('skips the one plot with a vertex of %s and loads the other eleven', (_name, vertex, shown) => {
    const plots = twelvePlots();
    outerRing(plots[2]).splice(1, 1, vertex);
    const result = load(plots);
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    expect(result.layer.features.map((f) => f.properties?.id)).not.toContain('P3');
    expect(result.layer.features).toHaveLength(11);
    expect(result.crs.crs.kind).toBe('wgs84');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'invalid-coordinates',
      featureIndex: 2,
      featureId: 'P3',
    });
    expect(result.problems[0]?.message.en).toContain(
      `position 2 of ring 1 (outer) is invalid (value: ${shown})`,
    );
  });

  it('skips a plot whose coordinates are nested 100,000 arrays deep, without a stack overflow', () => {
    const plots = twelvePlots().map((plot) => JSON.stringify(plot));
    plots[4] = `{"type":"Feature","properties":{"id":"P5"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(100_000)}121.2,30.2${']'.repeat(100_000)}}}`;
    const result = loadLayerFromGeoJson(
      `{"type":"FeatureCollection","features":[${plots.join(',')}]}`,
      'deep.geojson',
      'plots',
    );
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    expect(result.layer.features).toHaveLength(11);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'invalid-coordinates',
      featureIndex: 4,
      featureId: 'P5',
    });
    expect(result.problems[0]?.message.en).toContain('nested in more arrays than a polygon allows');
  });

  it('reports one vertex [200.5, 95.25] in 1 of 12 lon/lat plots against that plot, not the file', () => {
    const plots = twelvePlots();
    outerRing(plots[11]).splice(2, 1, [200.5, 95.25]);
    const result = load(plots);
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    expect(result.crs.crs.kind).toBe('wgs84');
    expect(result.layer.features).toHaveLength(11);
    expect(result.sourceIndex).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'crs-outlier', severity: 'error', featureIndex: 11, featureId: 'P12' }),
    ]);
    expect(result.problems[0]?.message.en).toMatch(
      /^Feature 12 \(id P12\): position 3 of ring 1 \(outer\) \(200\.5, 95\.25\) does not fit the coordinate system of the other 11 features \(WGS 84/,
    );
    expect(result.problems[0]?.message.zh).toContain(
      '第 12 个要素（编号 P12）的第 1 个环（外环）第 3 个点（200.5, 95.25）',
    );
  });

  it('reports a stray vertex in 1 of 12 Gauss-Krüger plots against that plot, and places the other eleven', () => {
    const zone40 = gaussKrugerCrs(3, 120, true);
    if (!zone40) throw new Error('zone 40');
    const toZone40 = makeInverseTransform(zone40);
    const plots = twelvePlots().map((plot) => ({
      ...plot,
      geometry: {
        type: 'Polygon',
        coordinates: (plot.geometry.coordinates as number[][][]).map((ring) =>
          ring.map(([lon, lat]) => toZone40(lon ?? 0, lat ?? 0)),
        ),
      },
    }));
    outerRing(plots[0]).splice(1, 1, [200.5, 95.25]);
    const result = load(plots);
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    expect(result.crs.crs).toMatchObject({ kind: 'gauss-kruger', zone: 40 });
    expect(result.layer.features).toHaveLength(11);
    expect(result.problems.map((p) => [p.code, p.featureIndex])).toEqual([['crs-outlier', 0]]);
    const first = result.layer.features[0]?.geometry?.coordinates[0] as number[][][];
    expect(first[0]?.[0]).toBeCloseTo(121.202, 6);
  });

  it('still refuses a file whose features agree on no system', () => {
    const plots = twelvePlots().map((plot) => ({
      ...plot,
      geometry: {
        type: 'Polygon',
        coordinates: (plot.geometry.coordinates as number[][][]).map((ring) =>
          ring.map(([lon, lat]) => [(lon ?? 0) + 200, (lat ?? 0) + 70]),
        ),
      },
    }));
    const result = load(plots);
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('crs');
  });
});
