/**
 * Writes the import fixtures under test/fixtures/import/ (deterministic; the output is committed):
 *   npx tsx scripts/make-import-fixtures.ts
 * A zipped shapefile in CGCS2000 3° Gauss-Krüger zone 40 with GBK attributes (with and without .cpg),
 * a KML of two boundaries, and broken archives. The writers are exported for the readers' tests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import proj4 from 'proj4';
import type { AreaGeometry, Feature, FeatureCollection, PolygonCoords, Ring } from '../src/core/types.ts';
import { mulberry32 } from './lib/prng.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(root, 'test/fixtures/import');

/** CGCS2000 3-degree Gauss-Krüger zone 40 with the zone prefix (EPSG:4528). */
const GK40 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const GK40_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_40",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** A local-time date, so that the zip's DOS timestamps are the same in every time zone. */
const FIXED_MTIME = new Date(2024, 0, 1, 0, 0, 0);

/** One column of a dBASE table to write. */
export interface DbfFieldSpec {
  name: string;
  type: 'C' | 'N' | 'L' | 'D';
  length: number;
  decimals?: number;
}

/** Options of {@link writeDbf}. */
export interface WriteDbfOptions {
  /** Text → bytes (e.g. GBK through iconv-lite); UTF-8 by default. */
  encode?: (text: string) => Uint8Array;
  /** Language-driver byte 29 (0x4D GBK, 0x57 ANSI, 0 none). */
  ldid?: number;
  /** 0-based records to mark deleted. */
  deleted?: ReadonlySet<number>;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Encodes text as GBK bytes (iconv-lite). */
export const gbk = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'gbk'));

/** Writes a dBASE III table (types C, N, L, D), the way ArcGIS writes a shapefile's .dbf. */
export function writeDbf(
  fields: readonly DbfFieldSpec[],
  records: readonly Record<string, unknown>[],
  options: WriteDbfOptions = {},
): Uint8Array {
  const encode = options.encode ?? utf8;
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, field) => sum + field.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * records.length + 1);
  const view = new DataView(bytes.buffer);
  bytes.set([0x03, 124, 1, 1]);
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = options.ldid ?? 0;
  fields.forEach((field, k) => {
    const at = 32 + 32 * k;
    const name = encode(field.name);
    if (name.length > 10) throw new Error(`DBF field name ${field.name} is ${name.length} bytes (max 10)`);
    bytes.set(name, at);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
    bytes[at + 17] = field.decimals ?? 0;
  });
  bytes[headerLength - 1] = 0x0d;
  records.forEach((record, index) => {
    let at = headerLength + index * recordLength;
    bytes[at++] = options.deleted?.has(index) ? 0x2a : 0x20;
    for (const field of fields) {
      const cell = encode(formatCell(field, record[field.name]));
      if (cell.length > field.length) throw new Error(`${field.name}: "${record[field.name]}" does not fit`);
      bytes.fill(0x20, at, at + field.length);
      bytes.set(cell, field.type === 'N' ? at + field.length - cell.length : at);
      at += field.length;
    }
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

function formatCell(field: DbfFieldSpec, value: unknown): string {
  if (value === undefined || value === null) return field.type === 'L' ? '?' : '';
  switch (field.type) {
    case 'N':
      return (value as number).toFixed(field.decimals ?? 0);
    case 'L':
      return value ? 'T' : 'F';
    case 'D':
      return String(value).replace(/-/g, '');
    default:
      return String(value);
  }
}

function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as number[];
    const [xj = 0, yj = 0] = ring[j] as number[];
    sum += (xj - xi) * (yj + yi);
  }
  return sum / 2;
}

function orient(ring: Ring, clockwise: boolean): Ring {
  return signedArea(ring) < 0 === clockwise ? ring : [...ring].reverse();
}

/** The rings of a geometry as a shapefile stores them: outer rings clockwise, holes counter-clockwise. */
export function shapefileRings(geometry: AreaGeometry): Ring[] {
  const polygons: PolygonCoords[] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((polygon) => polygon.map((ring, k) => orient(ring, k === 0)));
}

/**
 * Writes a Polygon (type 5) .shp and its .shx; each shape is a list of rings (null: a Null shape).
 * With `shapeType` 3 (PolyLine, whose records are laid out alike) each shape is a list of line parts.
 */
export function writeShp(
  shapes: readonly (Ring[] | null)[],
  shapeType: 3 | 5 = 5,
): { shp: Uint8Array; shx: Uint8Array } {
  const contents = shapes.map((rings) => {
    if (!rings) {
      const content = new Uint8Array(4);
      return content;
    }
    const points = rings.flat();
    const content = new Uint8Array(44 + 4 * rings.length + 16 * points.length);
    const view = new DataView(content.buffer);
    view.setInt32(0, shapeType, true);
    const box = boxOf(points);
    box.forEach((value, k) => {
      view.setFloat64(4 + 8 * k, value, true);
    });
    view.setInt32(36, rings.length, true);
    view.setInt32(40, points.length, true);
    let start = 0;
    rings.forEach((ring, k) => {
      view.setInt32(44 + 4 * k, start, true);
      start += ring.length;
    });
    points.forEach(([x = 0, y = 0], k) => {
      view.setFloat64(44 + 4 * rings.length + 16 * k, x, true);
      view.setFloat64(44 + 4 * rings.length + 16 * k + 8, y, true);
    });
    return content;
  });
  const shpLength = 100 + contents.reduce((sum, content) => sum + 8 + content.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * contents.length);
  const box = boxOf(shapes.flatMap((rings) => (rings ? rings.flat() : [])));
  for (const [bytes, length] of [
    [shp, shpLength],
    [shx, shx.length],
  ] as const) {
    const view = new DataView(bytes.buffer);
    view.setInt32(0, 9994, false);
    view.setInt32(24, length / 2, false);
    view.setInt32(28, 1000, true);
    view.setInt32(32, shapeType, true);
    box.forEach((value, k) => {
      view.setFloat64(36 + 8 * k, value, true);
    });
  }
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let offset = 100;
  contents.forEach((content, index) => {
    shxView.setInt32(100 + 8 * index, offset / 2, false);
    shxView.setInt32(104 + 8 * index, content.length / 2, false);
    shpView.setInt32(offset, index + 1, false);
    shpView.setInt32(offset + 4, content.length / 2, false);
    shp.set(content, offset + 8);
    offset += 8 + content.length;
  });
  return { shp, shx };
}

function boxOf(points: readonly number[][]): [number, number, number, number] {
  if (points.length === 0) return [0, 0, 0, 0];
  const xs = points.map((p) => p[0] ?? 0);
  const ys = points.map((p) => p[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A zip entry; `nameBytes` writes the name as raw bytes without the UTF-8 flag (a GBK name from Windows). */
export interface ZipEntry {
  name: string;
  nameBytes?: Uint8Array;
  data: Uint8Array;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Zips entries deterministically (fixed timestamps). fflate always writes names as UTF-8, so a raw
 * name is written as an ASCII placeholder of the same length and patched in the local and central
 * headers afterwards.
 */
export function zipEntries(entries: readonly ZipEntry[]): Uint8Array {
  const placeholders = entries.map((entry, k) =>
    entry.nameBytes ? `${String.fromCharCode(0x21 + k)}`.repeat(entry.nameBytes.length) : entry.name,
  );
  const zipped = zipSync(
    Object.fromEntries(
      entries.map((entry, k) => [placeholders[k] as string, [entry.data, { mtime: FIXED_MTIME, level: 6 }]]),
    ),
  );
  entries.forEach((entry, k) => {
    if (!entry.nameBytes) return;
    const placeholder = utf8(placeholders[k] as string);
    let found = 0;
    // Names sit right after a 30-byte local header and a 46-byte central header.
    for (
      let at = indexOfBytes(zipped, placeholder, 0);
      at >= 0;
      at = indexOfBytes(zipped, placeholder, at + 1)
    ) {
      const local = at >= 30 && new DataView(zipped.buffer).getUint32(at - 30, true) === 0x04034b50;
      const central = at >= 46 && new DataView(zipped.buffer).getUint32(at - 46, true) === 0x02014b50;
      if (local || central) {
        zipped.set(entry.nameBytes, at);
        found++;
      }
    }
    if (found !== 2) throw new Error(`zip name patch for ${entry.name} found ${found} headers`);
  });
  return zipped;
}

/** The plot columns written to the fixture's .dbf (Chinese names, GBK: at most 10 bytes each). */
export const PLOT_DBF_FIELDS: readonly DbfFieldSpec[] = [
  { name: '地块编号', type: 'C', length: 20 },
  { name: '企业名称', type: 'C', length: 60 },
  { name: '镇街', type: 'C', length: 20 },
  { name: '村', type: 'C', length: 20 },
  { name: '行业', type: 'C', length: 20 },
  { name: '企业数', type: 'N', length: 6 },
  { name: '规上企业数', type: 'N', length: 6 },
  { name: '从业人员', type: 'N', length: 8 },
  { name: '税收', type: 'N', length: 14, decimals: 2 },
  { name: '产值', type: 'N', length: 14, decimals: 2 },
  { name: '投资', type: 'N', length: 14, decimals: 2 },
  { name: '建筑面积', type: 'N', length: 14, decimals: 2 },
  { name: '占地面积', type: 'N', length: 14, decimals: 2 },
  { name: '租金', type: 'N', length: 12, decimals: 2 },
  { name: '安全隐患', type: 'L', length: 1 },
  { name: '污染', type: 'L', length: 1 },
  { name: '用地面积', type: 'N', length: 16, decimals: 2 },
  { name: '调查日期', type: 'D', length: 8 },
];

/** Canonical property → fixture column. */
const COLUMN_OF: Record<string, string> = {
  id: '地块编号',
  name: '企业名称',
  town: '镇街',
  village: '村',
  industry: '行业',
  firms: '企业数',
  aboveScaleFirms: '规上企业数',
  employees: '从业人员',
  taxWan: '税收',
  outputWan: '产值',
  investmentWan: '投资',
  floorAreaM2: '建筑面积',
  footprintM2: '占地面积',
  rentWan: '租金',
  safetyRisk: '安全隐患',
  pollution: '污染',
};

type SamplePlot = Feature<AreaGeometry, Record<string, unknown>>;

/** About 20 sample plots: the pilot villages 五里村 and 东山头村 (one with a hole), a two-part plot, one with a missing value. */
function selectPlots(sample: FeatureCollection<AreaGeometry, Record<string, unknown>>): SamplePlot[] {
  const pilot = sample.features.filter(
    (f) => f.properties?.village === '五里村' || f.properties?.village === '东山头村',
  );
  const chosen = pilot.slice(0, 18);
  const withHole = pilot.find((f) => f.geometry?.type === 'Polygon' && f.geometry.coordinates.length > 1);
  if (withHole && !chosen.includes(withHole)) chosen[chosen.length - 1] = withHole;
  const multi = sample.features.find((f) => f.geometry?.type === 'MultiPolygon');
  const missing = sample.features.find(
    (f) => f.properties?.taxWan === undefined && f.geometry?.type === 'Polygon' && !chosen.includes(f),
  );
  for (const extra of [multi, missing]) if (extra && !chosen.includes(extra)) chosen.push(extra);
  return chosen;
}

function projectGeometry(geometry: AreaGeometry): AreaGeometry {
  const project = (ring: Ring): Ring =>
    ring.map((p) => proj4('WGS84', GK40, [p[0] as number, p[1] as number]));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(project) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(project)) };
}

function plotRecord(plot: SamplePlot, projected: AreaGeometry): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN_OF)) record[column] = plot.properties?.[field];
  const polygons = projected.type === 'Polygon' ? [projected.coordinates] : projected.coordinates;
  const planarM2 = polygons.reduce(
    (sum, polygon) =>
      sum + polygon.reduce((s, ring, k) => s + Math.abs(signedArea(ring)) * (k === 0 ? 1 : -1), 0),
    0,
  );
  record.用地面积 = Math.round(planarM2 * 100) / 100;
  record.调查日期 = '2024-03-15';
  return record;
}

/** Shapefile parts for the plots, `.cpg` optional. */
function plotShapefileParts(plots: SamplePlot[], options: { cpg: boolean; ldid: number }) {
  const projected = plots.map((plot) => projectGeometry(plot.geometry as AreaGeometry));
  const { shp, shx } = writeShp(projected.map(shapefileRings));
  const dbf = writeDbf(
    PLOT_DBF_FIELDS,
    plots.map((plot, k) => plotRecord(plot, projected[k] as AreaGeometry)),
    { encode: gbk, ldid: options.ldid },
  );
  return { shp, shx, dbf, prj: utf8(GK40_PRJ), ...(options.cpg ? { cpg: utf8('GBK') } : {}) };
}

function writeKml(features: Feature<AreaGeometry, Record<string, unknown>>[]): string {
  const ring = (r: Ring) => r.map(([lon, lat]) => `${lon},${lat},0`).join(' ');
  const polygon = (p: PolygonCoords) =>
    `<Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(p[0] as Ring)}</coordinates></LinearRing></outerBoundaryIs>${p
      .slice(1)
      .map(
        (hole) =>
          `<innerBoundaryIs><LinearRing><coordinates>${ring(hole)}</coordinates></LinearRing></innerBoundaryIs>`,
      )
      .join('')}</Polygon>`;
  const placemarks = features.map((feature, k) => {
    const town = String(feature.properties?.town);
    const geometry = feature.geometry as AreaGeometry;
    const shape =
      geometry.type === 'Polygon'
        ? polygon(geometry.coordinates)
        : `<MultiGeometry>${geometry.coordinates.map(polygon).join('')}</MultiGeometry>`;
    const data =
      k === 0
        ? `<ExtendedData><Data name="town"><value>${town}</value></Data></ExtendedData>`
        : `<ExtendedData><SchemaData schemaUrl="#boundary"><SimpleData name="town">${town}</SimpleData></SchemaData></ExtendedData>`;
    return `      <Placemark id="boundary-${k + 1}">
        <name>${town}城镇开发边界</name>
        <description><![CDATA[<b>示例数据（虚构）</b><br/>${town}]]></description>
        ${data}
        ${shape}
      </Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>城镇开发边界（示例数据，虚构）</name>
    <Schema name="boundary" id="boundary"><SimpleField name="town" type="string"/></Schema>
    <Folder>
      <name>边界</name>
${placemarks.join('\n')}
    </Folder>
  </Document>
</kml>
`;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const sample = JSON.parse(readFileSync(join(root, 'data/sample/plots.geojson'), 'utf8'));
  const plots = selectPlots(sample);

  // As Chinese Windows zips them: a sub-folder, GBK names without the UTF-8 flag.
  const withCpg = plotShapefileParts(plots, { cpg: true, ldid: 0x57 });
  const gbkEntries: ZipEntry[] = Object.entries(withCpg).map(([ext, data]) => ({
    name: `工业用地/地块.${ext}`,
    nameBytes: gbk(`工业用地/地块.${ext}`),
    data,
  }));
  writeFileSync(join(OUT, 'plots-cgcs2000-gk40-gbk.zip'), zipEntries(gbkEntries));

  const noCpg = plotShapefileParts(plots, { cpg: false, ldid: 0x4d });
  writeFileSync(
    join(OUT, 'plots-gbk-no-cpg.zip'),
    zipEntries(Object.entries(noCpg).map(([ext, data]) => ({ name: `地块.${ext}`, data }))),
  );
  writeFileSync(
    join(OUT, 'broken-missing-dbf.zip'),
    zipEntries((['shp', 'shx', 'prj'] as const).map((ext) => ({ name: `plots.${ext}`, data: withCpg[ext] }))),
  );
  const random = mulberry32(20240101);
  writeFileSync(
    join(OUT, 'broken-not-a-zip.zip'),
    Uint8Array.from({ length: 1024 }, () => Math.floor(random() * 256)),
  );

  const expected = {
    description:
      'Plots of plots-cgcs2000-gk40-gbk.zip and plots-gbk-no-cpg.zip, in record order, from data/sample/plots.geojson; vertex is the first vertex of the first ring, WGS84 lon/lat.',
    crs: 'EPSG:4528',
    features: plots.map((plot) => {
      const geometry = plot.geometry as AreaGeometry;
      const first =
        geometry.type === 'Polygon' ? geometry.coordinates[0]?.[0] : geometry.coordinates[0]?.[0]?.[0];
      return {
        id: plot.properties?.id,
        name: plot.properties?.name,
        town: plot.properties?.town,
        village: plot.properties?.village,
        taxWan: plot.properties?.taxWan ?? null,
        geometryType: geometry.type,
        holes:
          geometry.type === 'Polygon'
            ? geometry.coordinates.length - 1
            : geometry.coordinates.reduce((sum, polygon) => sum + polygon.length - 1, 0),
        vertex: first,
      };
    }),
  };
  // Number pairs on one line, as the formatter (Biome) writes them, so that lint passes on the output.
  const json = JSON.stringify(expected, null, 2).replace(
    /\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g,
    '[$1, $2]',
  );
  writeFileSync(join(OUT, 'plots-cgcs2000-gk40-gbk.expected.json'), `${json}\n`);

  const boundary = JSON.parse(readFileSync(join(root, 'data/sample/boundary.geojson'), 'utf8'));
  const towns = ['观海卫镇', '新浦镇'];
  const boundaries = towns.map((town) =>
    boundary.features.find((f: SamplePlot) => f.properties?.town === town),
  ) as SamplePlot[];
  writeFileSync(join(OUT, 'boundary.kml'), writeKml(boundaries));
  console.error(`wrote ${plots.length} plots and ${boundaries.length} boundaries to ${OUT}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
