import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeDbf, writeShp } from '../../../scripts/make-import-fixtures.ts';
import type { AreaGeometry } from '../types.ts';
import { type InputFile, type LayerSource, readLayerFiles } from './read-layer-files.ts';
import { decodeZipEntryName } from './read-zip.ts';

const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);
const fixture = (name: string): InputFile => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))),
});
const EXPECTED = JSON.parse(
  readFileSync(new URL('plots-cgcs2000-gk40-gbk.expected.json', FIXTURES), 'utf8'),
) as {
  features: {
    id: string;
    name: string;
    town: string;
    village: string;
    geometryType: string;
    holes: number;
  }[];
};

type Collection = { features: { geometry: AreaGeometry | null; properties: Record<string, unknown> }[] };

function only(files: InputFile[]): LayerSource {
  const result = readLayerFiles(files);
  expect(result.problems).toEqual([]);
  expect(result.sources).toHaveLength(1);
  return result.sources[0] as LayerSource;
}

/** The fixture's parts as loose files, named without the folder. */
function looseParts(zipName: string): InputFile[] {
  return Object.entries(unzipSync(fixture(zipName).bytes)).map(([name, bytes]) => ({
    name: decodeZipEntryName(name).replace(/^.*\//, ''),
    bytes,
  }));
}

function holes(geometry: AreaGeometry | null): number {
  if (!geometry) return -1;
  return geometry.type === 'Polygon'
    ? geometry.coordinates.length - 1
    : geometry.coordinates.reduce((sum, polygon) => sum + polygon.length - 1, 0);
}

function expectPlotsRead(source: LayerSource): void {
  const { features } = source.collection as Collection;
  expect(features.map((f) => f.properties.地块编号)).toEqual(EXPECTED.features.map((f) => f.id));
  expect(features.map((f) => [f.properties.企业名称, f.properties.镇街, f.properties.村])).toEqual(
    EXPECTED.features.map((f) => [f.name, f.town, f.village]),
  );
  expect(features.map((f) => f.geometry?.type)).toEqual(EXPECTED.features.map((f) => f.geometryType));
  expect(features.map((f) => holes(f.geometry))).toEqual(EXPECTED.features.map((f) => f.holes));
}

describe('readLayerFiles on the fixtures', () => {
  it('reads the zipped GBK shapefile (GBK entry names in a sub-folder) with its .prj and .cpg', () => {
    const source = only([fixture('plots-cgcs2000-gk40-gbk.zip')]);
    expect(source.fileName).toBe('plots-cgcs2000-gk40-gbk.zip › 工业用地/地块.shp');
    expect(source.format).toBe('shapefile');
    expect(source.encoding).toEqual({ name: 'GBK', source: 'cpg' });
    expect(source.prj).toContain('Gauss_Kruger');
    expect(source.problems).toEqual([]);
    expectPlotsRead(source);
    expect(EXPECTED.features.some((f) => f.village === '东山头村')).toBe(true);
  });

  it('reads the shapefile without .cpg from its language driver', () => {
    const source = only([fixture('plots-gbk-no-cpg.zip')]);
    expect(source.fileName).toBe('plots-gbk-no-cpg.zip › 地块.shp');
    expect(source.encoding).toEqual({ name: 'GBK', source: 'ldid' });
    expectPlotsRead(source);
  });

  it('detects GBK when neither .cpg nor language driver says it', () => {
    const parts = looseParts('plots-gbk-no-cpg.zip').map((part) => {
      if (!part.name.endsWith('.dbf')) return part;
      const bytes = part.bytes.slice();
      bytes[29] = 0;
      return { ...part, bytes };
    });
    const source = only(parts);
    expect(source.encoding).toEqual({ name: 'GB18030', source: 'detected' });
    expectPlotsRead(source);
  });

  it('reads the loose parts of a shapefile given together, in any order and case', () => {
    const parts = looseParts('plots-cgcs2000-gk40-gbk.zip')
      .reverse()
      .map((part) =>
        part.name.endsWith('.dbf') ? { ...part, name: part.name.replace('.dbf', '.DBF') } : part,
      );
    const source = only(parts);
    expect(source.fileName).toBe('地块.shp');
    expect(source.encoding?.source).toBe('cpg');
    expectPlotsRead(source);
  });

  it('reads KML as WGS84 by definition, and the KML inside a KMZ', () => {
    const kml = only([fixture('boundary.kml')]);
    expect(kml).toMatchObject({ fileName: 'boundary.kml', format: 'kml', crsFromFormat: 'wgs84' });
    expect((kml.collection as Collection).features).toHaveLength(2);
    const kmz = zipSync({ 'files/icon.png': new Uint8Array(4), 'doc.kml': fixture('boundary.kml').bytes });
    const fromKmz = only([{ name: '边界.kmz', bytes: kmz }]);
    expect(fromKmz.fileName).toBe('边界.kmz › doc.kml');
    expect(fromKmz.collection).toEqual(kml.collection);
  });

  it('says which file is not a zip', () => {
    const result = readLayerFiles([fixture('broken-not-a-zip.zip')]);
    expect(result.sources).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['not-a-zip']);
    expect(result.problems[0]?.message.zh).toContain('broken-not-a-zip.zip 不是有效的 ZIP 压缩包');
  });

  it('says which shapefile lacks its .dbf and what to do', () => {
    const result = readLayerFiles([fixture('broken-missing-dbf.zip')]);
    expect(result.sources).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['missing-dbf']);
    expect(result.problems[0]?.message.zh).toContain(
      'broken-missing-dbf.zip › plots.shp 缺少属性表 plots.dbf',
    );
    expect(result.problems[0]?.message.zh).toContain('一起压缩');
  });
});

describe('readLayerFiles on other input', () => {
  const square = [
    [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ],
  ];

  it('reads GeoJSON with a BOM and attaches a .prj of the same name', () => {
    const text = '\uFEFF{"type":"FeatureCollection","features":[]}';
    const result = readLayerFiles([
      { name: 'plots.geojson', bytes: new TextEncoder().encode(text) },
      { name: 'plots.prj', bytes: new TextEncoder().encode('PROJCS["x"]') },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.sources[0]).toMatchObject({
      fileName: 'plots.geojson',
      format: 'geojson',
      prj: 'PROJCS["x"]',
    });
  });

  it('reads GeoJSON saved as UTF-16 (Notepad\'s "Unicode"), names kept, with a note naming UTF-16LE', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'P1', name: '观海卫镇五里村' }, geometry: null }],
    });
    const bytes = Uint8Array.from([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]);
    const result = readLayerFiles([{ name: '地块-utf16.geojson', bytes }]);
    expect(result.problems).toEqual([]);
    const collection = result.sources[0]?.collection as { features: { properties: unknown }[] } | undefined;
    const [feature] = collection?.features ?? [];
    expect(feature?.properties).toEqual({
      id: 'P1',
      name: '观海卫镇五里村',
    });
    expect(result.sources[0]?.problems).toEqual([
      expect.objectContaining({ code: 'not-utf8', severity: 'warning' }),
    ]);
    expect(result.sources[0]?.problems?.[0]?.message.en).toBe(
      'File 地块-utf16.geojson is UTF-16LE (GeoJSON should be UTF-8) and was read as UTF-16LE; other software may not read it, so save it as UTF-8.',
    );
  });

  it('reads GBK GeoJSON with a warning, and reports invalid JSON as the parser does', () => {
    const gbk = new Uint8Array(
      iconv.encode(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"村":"五里村"},"geometry":null}]}',
        'gbk',
      ),
    );
    const source = only([{ name: 'a.json', bytes: gbk }]);
    expect((source.collection as Collection).features[0]?.properties.村).toBe('五里村');
    expect(source.problems.map((p) => p.code)).toEqual(['not-utf8']);
    const broken = readLayerFiles([{ name: 'b.geojson', bytes: new TextEncoder().encode('{"type":') }]);
    expect(broken.problems[0]?.code).toBe('invalid-json');
  });

  it('reads every shapefile of a zip, and GeoJSON inside a zip', () => {
    const { shp } = writeShp([square]);
    const dbf = writeDbf([{ name: 'ID', type: 'C', length: 4 }], [{ ID: 'a' }]);
    const zip = zipSync({
      'a/one.shp': shp,
      'a/one.dbf': dbf,
      'b/two.shp': shp,
      'b/two.dbf': dbf,
      'c.geojson': new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
      '__MACOSX/a/._one.shp': new Uint8Array(3),
    });
    const result = readLayerFiles([{ name: 'layers.zip', bytes: zip }]);
    expect(result.problems).toEqual([]);
    expect(result.sources.map((s) => s.fileName)).toEqual([
      'layers.zip › c.geojson',
      'layers.zip › a/one.shp',
      'layers.zip › b/two.shp',
    ]);
  });

  it('explains an empty zip, a zip without layers, an unknown file and a .dbf without .shp', () => {
    const result = readLayerFiles([
      { name: 'empty.zip', bytes: zipSync({}) },
      { name: 'docs.zip', bytes: zipSync({ 'readme.txt': new Uint8Array(2) }) },
      { name: '地块.xlsx', bytes: new Uint8Array(8) },
      { name: 'orphan.dbf', bytes: writeDbf([{ name: 'ID', type: 'C', length: 2 }], []) },
    ]);
    expect(result.sources).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual([
      'empty-zip',
      'no-layer-in-zip',
      'unknown-file-type',
      'missing-shp',
    ]);
    const [empty, noLayer, unknown, missing] = result.problems.map((p) => p.message.zh);
    expect(empty).toContain('压缩包 empty.zip 是空的');
    expect(noLayer).toContain('压缩包 docs.zip 中没有 .shp 文件');
    expect(noLayer).toContain('请把 .shp、.dbf、.prj 一起压缩');
    expect(unknown).toContain('地块.xlsx');
    expect(unknown).toContain('.xlsx');
    expect(missing).toContain('orphan.dbf 没有对应的 .shp 文件（orphan.shp）');
  });

  it('rejects a point shapefile with a clear problem, not a throw', () => {
    const { shp } = writeShp([]);
    new DataView(shp.buffer).setInt32(32, 1, true);
    const result = readLayerFiles([
      { name: 'wells.shp', bytes: shp },
      { name: 'wells.dbf', bytes: writeDbf([{ name: 'ID', type: 'C', length: 2 }], []) },
    ]);
    expect(result.sources).toEqual([]);
    expect(result.problems[0]?.code).toBe('not-a-polygon-layer');
  });

  it('drops the shape of a deleted record and warns when shapes and records do not pair up', () => {
    const { shp } = writeShp([square, square, square]);
    const fields = [{ name: 'ID', type: 'C', length: 2 }] as const;
    const deleted = readLayerFiles([
      { name: 'x.shp', bytes: shp },
      {
        name: 'x.dbf',
        bytes: writeDbf(fields, [{ ID: 'a' }, { ID: 'b' }, { ID: 'c' }], { deleted: new Set([1]) }),
      },
    ]);
    const features = ((deleted.sources[0] as LayerSource).collection as Collection).features;
    expect(features.map((f) => f.properties.ID)).toEqual(['a', 'c']);
    expect(deleted.sources[0]?.problems).toEqual([]);
    const short = readLayerFiles([
      { name: 'x.shp', bytes: shp },
      { name: 'x.dbf', bytes: writeDbf(fields, [{ ID: 'a' }]) },
    ]);
    expect(
      ((short.sources[0] as LayerSource).collection as Collection).features.map((f) => f.properties),
    ).toEqual([{ ID: 'a' }, {}, {}]);
    expect(short.sources[0]?.problems.map((p) => p.code)).toEqual(['record-count-mismatch']);
  });

  it('never throws, whatever the bytes and the extension', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('a.zip', 'a.kmz', 'a.shp', 'a.kml', 'a.geojson', 'a.dbf', 'a'),
        (bytes, name) => {
          const files: InputFile[] = [{ name, bytes }];
          if (name === 'a.shp') files.push({ name: 'a.dbf', bytes });
          const result = readLayerFiles(files);
          expect(result.sources.length + result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('decodeZipEntryName', () => {
  it('reads names stored as GBK or UTF-8 bytes without the UTF-8 flag', () => {
    const asLatin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);
    expect(decodeZipEntryName(asLatin1(new Uint8Array(iconv.encode('工业用地/地块.shp', 'gbk'))))).toBe(
      '工业用地/地块.shp',
    );
    expect(decodeZipEntryName(asLatin1(new TextEncoder().encode('五里村.dbf')))).toBe('五里村.dbf');
    expect(decodeZipEntryName('地块.shp')).toBe('地块.shp');
    expect(decodeZipEntryName('plots.shp')).toBe('plots.shp');
  });
});
