import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FileOrigin,
  type LayerOrigin,
  type LayerOrigins,
  sampleKindsOf,
  sampleOrigins,
  sourceFilesOf,
  withOrigin,
} from './layer-origins.ts';
import { parsePlanFile } from './parse-plan-file.ts';
import { serializePlan } from './plan-file.ts';

const V1 = readFileSync(new URL('../../../test/fixtures/plans/small-v1.plan.json', import.meta.url), 'utf8');

const SHAPEFILE: FileOrigin = Object.freeze({
  source: 'file',
  files: ['地块.shp', '地块.dbf', '地块.prj', '地块.cpg'],
  format: 'shapefile',
  crs: 'EPSG:4528',
  featureCount: 2000,
  importedAt: '2026-12-05T08:30:00.000Z',
}) as FileOrigin;

/** The small v1 fixture with `layerOrigins` set to `value` (any JSON). */
function withLayerOrigins(value: unknown): string {
  return JSON.stringify({ ...JSON.parse(V1), layerOrigins: value });
}

function read(text: string) {
  const result = parsePlanFile(text, 'origins.plan.json');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message.en).join('\n'));
  return result;
}

describe('layer origins', () => {
  it('lists the sample layers in plots, boundary, control order', () => {
    expect(sampleKindsOf(sampleOrigins())).toEqual(['plots', 'boundary', 'control']);
    const mixed = withOrigin(sampleOrigins(), 'plots', SHAPEFILE);
    expect(sampleKindsOf(mixed)).toEqual(['boundary', 'control']);
    expect(sampleKindsOf(withOrigin(mixed, 'control', null))).toEqual(['boundary']);
    expect(sampleKindsOf(null)).toEqual([]);
    expect(sampleKindsOf({})).toEqual([]);
  });

  it('replaces or removes one entry without touching the origins given', () => {
    const origins = Object.freeze(sampleOrigins());
    const replaced = withOrigin(origins, 'boundary', SHAPEFILE);
    expect(replaced).toEqual({
      plots: { source: 'sample' },
      boundary: SHAPEFILE,
      control: { source: 'sample' },
    });
    expect(withOrigin(origins, 'plots', null)).toEqual({
      boundary: { source: 'sample' },
      control: { source: 'sample' },
    });
    expect(origins).toEqual(sampleOrigins());
    // A plan of unknown origins that gets one layer imported knows that layer only.
    expect(withOrigin(null, 'plots', SHAPEFILE)).toEqual({ plots: SHAPEFILE });
  });

  it("names a loose shapefile's parts with it, and a zipped or other source alone", () => {
    const picked = ['地块.shp', '地块.DBF', '地块.prj', '边界.shp', '边界.dbf', 'other.geojson'];
    expect(sourceFilesOf('地块.shp', picked)).toEqual(['地块.shp', '地块.DBF', '地块.prj']);
    expect(sourceFilesOf('plots.zip › 地块.shp', ['plots.zip'])).toEqual(['plots.zip › 地块.shp']);
    expect(sourceFilesOf('other.geojson', picked)).toEqual(['other.geojson']);
    expect(sourceFilesOf('doc.kmz › doc.kml', ['doc.kmz'])).toEqual(['doc.kmz › doc.kml']);
  });
});

describe('layerOrigins in the plan file', () => {
  it('reads a file without it (every file before it) as origins not recorded, with no warning', () => {
    const result = read(V1);
    expect(result.plan.layerOrigins).toBeUndefined();
    expect(result.warnings).toEqual([]);
    expect(serializePlan(result.plan)).not.toContain('layerOrigins');
  });

  it('writes the origins after the other members of version 2, and reads them back equal', () => {
    const origins: LayerOrigins = withOrigin(sampleOrigins(), 'plots', SHAPEFILE);
    const plan = { ...read(V1).plan, layerOrigins: origins };
    const text = serializePlan(plan);
    const keys = Object.keys(JSON.parse(text));
    expect(keys.slice(-2)).toEqual(['layerOrigins', 'comments']);
    const back = read(text);
    expect(back.warnings).toEqual([]);
    expect(back.plan.layerOrigins).toStrictEqual(origins);
    expect(serializePlan(back.plan)).toBe(text);
  });

  it('round-trips any origins', () => {
    const base = read(V1).plan;
    const origin: fc.Arbitrary<LayerOrigin> = fc.oneof(
      fc.constant({ source: 'sample' } as const),
      fc.record({
        source: fc.constant('file' as const),
        files: fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }),
        format: fc.constantFrom('geojson' as const, 'shapefile' as const, 'kml' as const),
        crs: fc.option(fc.constantFrom('EPSG:4528', 'EPSG:4490', 'GCJ02', 'GK:120:41'), { nil: null }),
        featureCount: fc.nat(),
        importedAt: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((date) => date.toISOString()),
      }),
    );
    const origins = fc.record(
      { plots: origin, boundary: origin, control: origin },
      { requiredKeys: [] },
    ) as fc.Arbitrary<LayerOrigins>;
    fc.assert(
      fc.property(origins, (layerOrigins) => {
        const back = read(serializePlan({ ...base, layerOrigins }));
        expect(back.warnings).toEqual([]);
        expect(JSON.stringify(back.plan.layerOrigins)).toBe(JSON.stringify(layerOrigins));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves out a wrong entry with a warning naming it, keeps the others, and still opens the plan', () => {
    const result = read(
      withLayerOrigins({
        plots: { ...SHAPEFILE, featureCount: -3 },
        boundary: { source: 'sample' },
        control: { source: 'invented' },
        roads: { source: 'sample' },
      }),
    );
    expect(result.plan.layerOrigins).toEqual({ boundary: { source: 'sample' } });
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      ['unknown-part', 'layerOrigins'],
      ['dropped-part', 'layerOrigins.plots'],
      ['dropped-part', 'layerOrigins.control'],
    ]);
    expect(result.warnings[1]?.message.zh).toContain('origins.plan.json');
    expect(result.warnings[1]?.message.en).toContain("that layer's origin is unknown");
  });

  it('ignores a layerOrigins that is not an object, with a warning: the origins are then unknown', () => {
    for (const value of [null, 'sample', ['plots'], 3]) {
      const result = read(withLayerOrigins(value));
      expect(result.plan.layerOrigins).toBeUndefined();
      expect(result.warnings.map((w) => [w.code, w.path])).toEqual([['dropped-part', 'layerOrigins']]);
    }
  });

  it('refuses entries that are almost right: extra members, an empty file list, a date that is not one', () => {
    const wrong = [
      { source: 'sample', files: ['x'] },
      { ...SHAPEFILE, files: [] },
      { ...SHAPEFILE, files: [''] },
      { ...SHAPEFILE, format: 'dwg' },
      { ...SHAPEFILE, crs: '' },
      { ...SHAPEFILE, featureCount: 1.5 },
      { ...SHAPEFILE, importedAt: 'yesterday' },
      { ...SHAPEFILE, importedAt: '2026-13-45T00:00:00Z' },
      { ...SHAPEFILE, note: 'extra' },
    ];
    for (const plots of wrong) {
      const result = read(withLayerOrigins({ plots }));
      expect(result.plan.layerOrigins, JSON.stringify(plots)).toEqual({});
      expect(result.warnings.map((w) => w.path)).toEqual(['layerOrigins.plots']);
    }
  });
});
