/**
 * Reads the polygons of a KML file (Google Earth, 奥维, 91 卫图 exports) into a FeatureCollection.
 * KML coordinates are WGS84 longitude/latitude by definition (OGC KML 2.2, §16.9), so no CRS detection
 * is needed. Pure: fast-xml-parser, no DOM. Never throws: failures are problems naming the file.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type {
  AreaGeometry,
  Feature,
  FeatureCollection,
  PolygonCoords,
  Position,
  Problem,
  Ring,
} from '../types.ts';
import { decodeUtf8OrGb18030 } from './decode-text.ts';
import { isRecord } from './describe-feature.ts';
import { windRing } from './read-shp.ts';

/** Result of {@link readKml}. */
export type ReadKmlResult =
  | { ok: true; collection: FeatureCollection<AreaGeometry, Record<string, unknown>>; problems: Problem[] }
  | { ok: false; problems: Problem[] };

const ALWAYS_ARRAYS = new Set([
  'Document',
  'Folder',
  'Placemark',
  'Polygon',
  'MultiGeometry',
  'innerBoundaryIs',
  'LinearRing',
  'Data',
  'SchemaData',
  'SimpleData',
  'Point',
  'LineString',
  'Track',
  'Model',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Descriptions often hold HTML; keep them raw and reduce them to text ourselves.
  stopNodes: ['*.description'],
  isArray: (name) => ALWAYS_ARRAYS.has(name),
});

const CONTAINERS = ['Document', 'Folder'] as const;

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of a parsed element: a string, or the `#text` of an element that has attributes. */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (isRecord(node)) return textOf(node['#text']);
  return '';
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return HTML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * A `<description>` as plain text: CDATA unwrapped, entities decoded, HTML tags removed (line and
 * cell breaks become spaces), whitespace collapsed.
 * @param raw the element's content as written in the file
 */
export function descriptionText(raw: string): string {
  let text = '';
  let last = 0;
  for (const match of raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    text += decodeEntities(raw.slice(last, match.index)) + (match[1] ?? '');
    last = (match.index ?? 0) + match[0].length;
  }
  text += decodeEntities(raw.slice(last));
  if (/<[a-z!/]/i.test(text)) {
    text = decodeEntities(
      text
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<(br|\/p|\/tr|\/td|\/th|\/li|\/div)\b[^>]*>/gi, ' ')
        .replace(/<[^>]*>/g, ''),
    );
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** "lon,lat[,alt] lon,lat[,alt] …" → positions (altitude dropped; unreadable numbers become NaN). */
function parseCoordinates(text: string): Ring {
  const ring: Ring = [];
  for (const tuple of text.trim().split(/\s+/)) {
    if (tuple === '') continue;
    const [lon = '', lat = ''] = tuple.split(',');
    ring.push([Number(lon === '' ? Number.NaN : lon), Number(lat === '' ? Number.NaN : lat)] as Position);
  }
  return ring;
}

function ringsOf(boundary: unknown): Ring[] {
  return asArray(isRecord(boundary) ? boundary.LinearRing : undefined)
    .map((ring) => parseCoordinates(textOf(isRecord(ring) ? ring.coordinates : undefined)))
    .filter((ring) => ring.length > 0);
}

function polygonOf(node: unknown): PolygonCoords | null {
  if (!isRecord(node)) return null;
  const [outer] = ringsOf(node.outerBoundaryIs);
  if (!outer) return null;
  const holes = asArray(node.innerBoundaryIs).flatMap(ringsOf);
  return [windRing(outer, true), ...holes.map((hole) => windRing(hole, false))];
}

/** The polygons of a Placemark or MultiGeometry, recursively, and the names of other geometries. */
function collectPolygons(
  node: Record<string, unknown>,
  polygons: PolygonCoords[],
  others: Set<string>,
): void {
  for (const polygon of asArray(node.Polygon)) {
    const coordinates = polygonOf(polygon);
    if (coordinates) polygons.push(coordinates);
  }
  for (const multi of asArray(node.MultiGeometry))
    if (isRecord(multi)) collectPolygons(multi, polygons, others);
  for (const name of ['Point', 'LineString', 'Track', 'Model'])
    if (node[name] !== undefined) others.add(name);
}

function propertiesOf(placemark: Record<string, unknown>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  if (placemark.name !== undefined) properties.name = textOf(placemark.name);
  if (placemark.description !== undefined)
    properties.description = descriptionText(textOf(placemark.description));
  const extended = placemark.ExtendedData;
  if (isRecord(extended)) {
    for (const data of asArray(extended.Data)) {
      if (isRecord(data) && typeof data['@_name'] === 'string')
        properties[data['@_name']] = textOf(data.value);
    }
    for (const schemaData of asArray(extended.SchemaData)) {
      if (!isRecord(schemaData)) continue;
      for (const simple of asArray(schemaData.SimpleData)) {
        if (isRecord(simple) && typeof simple['@_name'] === 'string')
          properties[simple['@_name']] = textOf(simple);
      }
    }
  }
  return properties;
}

/** Every Placemark under `node`: its own first, then those of its Documents and Folders, depth first. */
function* placemarksOf(node: Record<string, unknown>): Generator<Record<string, unknown>> {
  for (const placemark of asArray(node.Placemark)) if (isRecord(placemark)) yield placemark;
  for (const name of CONTAINERS) {
    for (const child of asArray(node[name])) if (isRecord(child)) yield* placemarksOf(child);
  }
}

function fail(code: string, zh: string, en: string): ReadKmlResult {
  return { ok: false, problems: [{ code, severity: 'error', featureIndex: -1, message: { zh, en } }] };
}

/**
 * Reads the polygons of a KML file. Placemarks with a Polygon or a MultiGeometry of Polygons
 * (nested in any Documents and Folders) become features; outer rings are wound counter-clockwise and
 * holes clockwise; altitudes are dropped. Properties: `name`, `description` (as plain text), every
 * `ExtendedData/Data[@name]/value` and `ExtendedData/SchemaData/SimpleData[@name]`, all as text.
 * A Placemark's `id` attribute becomes the feature id. Placemarks without polygons are skipped with
 * one `skipped-placemark` warning; text that is not XML or KML gives `invalid-kml`.
 *
 * @param text the document's text
 * @param fileName named in every message, e.g. `边界.kmz › doc.kml`
 * @returns features in WGS84 longitude/latitude, or the problems
 */
export function readKml(text: string, fileName: string): ReadKmlResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return fail(
      'invalid-kml',
      `文件 ${fileName} 不是有效的 KML：第 ${valid.err.line} 行第 ${valid.err.col} 列有 XML 错误（${valid.err.msg}）；请从原软件重新导出`,
      `File ${fileName} is not valid KML: XML error at line ${valid.err.line}, column ${valid.err.col} (${valid.err.msg}); export it again from the original software.`,
    );
  let root: unknown;
  try {
    root = parser.parse(text);
  } catch (error) {
    return fail(
      'invalid-kml',
      `文件 ${fileName} 不是有效的 KML（${(error as Error).message}）；请从原软件重新导出`,
      `File ${fileName} is not valid KML (${(error as Error).message}); export it again from the original software.`,
    );
  }
  const kml = isRecord(root) ? root.kml : undefined;
  if (!isRecord(kml))
    return fail(
      'invalid-kml',
      `文件 ${fileName} 是 XML，但不是 KML（没有 <kml> 根元素）`,
      `File ${fileName} is XML but not KML (no <kml> root element).`,
    );
  const features: Feature<AreaGeometry, Record<string, unknown>>[] = [];
  const others = new Set<string>();
  let skipped = 0;
  for (const placemark of placemarksOf(kml)) {
    const polygons: PolygonCoords[] = [];
    collectPolygons(placemark, polygons, others);
    if (polygons.length === 0) {
      skipped++;
      continue;
    }
    const geometry: AreaGeometry =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] as PolygonCoords }
        : { type: 'MultiPolygon', coordinates: polygons };
    const feature: Feature<AreaGeometry, Record<string, unknown>> = {
      type: 'Feature',
      geometry,
      properties: propertiesOf(placemark),
    };
    const id = placemark['@_id'];
    if (typeof id === 'string' && id.trim() !== '') feature.id = id.trim();
    features.push(feature);
  }
  const problems: Problem[] = [];
  if (skipped > 0) {
    const kinds = [...others].join('、');
    problems.push({
      code: 'skipped-placemark',
      severity: 'warning',
      featureIndex: -1,
      message: {
        zh: `文件 ${fileName} 中有 ${skipped} 个地标不是面${kinds ? `（${kinds}）` : ''}，已跳过；这里只读取面（Polygon）`,
        en: `File ${fileName}: ${skipped} placemark(s) are not polygons${kinds ? ` (${[...others].join(', ')})` : ''} and were skipped; only polygons are read here.`,
      },
    });
  }
  return { ok: true, collection: { type: 'FeatureCollection', features }, problems };
}

/**
 * Decodes the bytes of a KML file: the encoding its XML declaration names (some Chinese tools write
 * `encoding="GB2312"`), else UTF-8 when valid, else GB18030.
 * @param bytes the file's content
 */
export function decodeKmlBytes(bytes: Uint8Array): string {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared.toLowerCase()).decode(bytes);
    } catch {
      // An encoding TextDecoder does not know: fall through to detection.
    }
  }
  return decodeUtf8OrGb18030(bytes).text;
}
