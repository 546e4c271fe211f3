/**
 * Reads the text of a GeoJSON file into a FeatureCollection. Never throws: every failure is a
 * Problem (featureIndex -1) whose message names the file. Features themselves are checked later by
 * `validateLayer`; members other than `features` (e.g. `crs`, read by CRS detection) are kept.
 */
import type { Feature, FeatureCollection, Problem } from '../types.ts';
import { isRecord, shortText } from './describe-feature.ts';
import { locateJsonError } from './locate-json-error.ts';

/** Result of {@link parseGeoJsonText}: a collection (possibly with warnings) or only problems. */
export type ParseGeoJsonResult =
  | { ok: true; value: FeatureCollection; problems: Problem[] }
  | { ok: false; problems: Problem[] };

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

const SNIPPET_CHARS = 20;

function fileProblem(code: string, severity: Problem['severity'], zh: string, en: string): Problem {
  return { code, severity, featureIndex: -1, message: { zh, en } };
}

function fail(code: string, zh: string, en: string): ParseGeoJsonResult {
  return { ok: false, problems: [fileProblem(code, 'error', zh, en)] };
}

/** The text around `offset` on one line, for "附近内容". */
function snippetAt(text: string, offset: number): string {
  const from = Math.max(0, offset - SNIPPET_CHARS);
  const to = Math.min(text.length, offset + SNIPPET_CHARS);
  const shown = text.slice(from, to).replace(/\s+/g, ' ').trim();
  // Control characters (NUL bytes of a UTF-16 file read as UTF-8, say) shown as "·", never raw.
  let visible = '';
  for (const char of shown) {
    const code = char.charCodeAt(0);
    visible += code < 0x20 || code === 0x7f ? '·' : char;
  }
  return visible;
}

/** A hint when the "JSON" is recognisably another kind of file. */
function otherFormatHint(text: string): { zh: string; en: string } | undefined {
  const start = text.trimStart();
  if (start.startsWith('<'))
    return {
      zh: '内容看起来是 XML/KML，请按 KML 文件导入',
      en: 'the content looks like XML/KML; import it as a KML file',
    };
  const firstNul = start.indexOf('\u0000');
  if (firstNul === 0 || firstNul === 1)
    return {
      zh: '内容含有空字节（NUL），看起来是 UTF-16 或 UTF-32 编码的文本或二进制文件；请在文本编辑器中另存为 UTF-8 后重新导入',
      en: 'the content holds NUL bytes, so it looks like UTF-16 or UTF-32 text or a binary file; save it as UTF-8 in a text editor and import it again',
    };
  if (start.startsWith('PK'))
    return {
      zh: '内容看起来是 ZIP 压缩包，请先解压或按 Shapefile（.zip）导入',
      en: 'the content looks like a ZIP archive; unzip it or import it as a zipped shapefile',
    };
  return undefined;
}

function invalidJson(text: string, fileName: string): ParseGeoJsonResult {
  const hint = otherFormatHint(text);
  if (hint)
    return fail(
      'invalid-json',
      `文件 ${fileName} 不是有效的 JSON：${hint.zh}`,
      `File ${fileName} is not valid JSON: ${hint.en}.`,
    );
  // JSON.parse failed, so the scanner finds an error; the fallback keeps this total.
  const where = locateJsonError(text) ?? { offset: 0, line: 1, column: 1, atEnd: false };
  if (where.atEnd)
    return fail(
      'invalid-json',
      `文件 ${fileName} 不是有效的 JSON：在第 ${where.line} 行第 ${where.column} 列意外结束，文件可能不完整（被截断）；请重新导出`,
      `File ${fileName} is not valid JSON: it ends unexpectedly at line ${where.line}, column ${where.column}; the file may be truncated. Export it again.`,
    );
  const snippet = snippetAt(text, where.offset);
  return fail(
    'invalid-json',
    `文件 ${fileName} 不是有效的 JSON：第 ${where.line} 行第 ${where.column} 列附近有语法错误（附近内容：「${snippet}」）；请用文本编辑器或 GIS 软件修正后重新导入`,
    `File ${fileName} is not valid JSON: syntax error near line ${where.line}, column ${where.column} (near "${snippet}"). Fix it in a text editor or re-export it from GIS software.`,
  );
}

function describeJsonValue(value: unknown): { zh: string; en: string } {
  if (Array.isArray(value)) return { zh: '数组', en: 'an array' };
  if (value === null) return { zh: 'null', en: 'null' };
  if (typeof value === 'string') return { zh: '字符串', en: 'a string' };
  if (typeof value === 'number') return { zh: '数字', en: 'a number' };
  return { zh: '布尔值', en: 'a boolean' };
}

/** Copies the members of a wrapped object that a collection may carry (`crs`, `bbox`). */
function collectionOf(features: Feature[], source: Record<string, unknown>): FeatureCollection {
  const collection: FeatureCollection & Record<string, unknown> = { type: 'FeatureCollection', features };
  if ('crs' in source) collection.crs = source.crs;
  return collection;
}

function unsupportedType(root: Record<string, unknown>, fileName: string): ParseGeoJsonResult {
  const type = root.type;
  if (type === 'Topology')
    return fail(
      'unsupported-type',
      `文件 ${fileName} 是 TopoJSON，不是 GeoJSON；请在 GIS 软件或 mapshaper 中转换为 GeoJSON`,
      `File ${fileName} is TopoJSON, not GeoJSON; convert it to GeoJSON in GIS software or mapshaper.`,
    );
  if (
    type === undefined &&
    Array.isArray(root.features) &&
    ('geometryType' in root || 'spatialReference' in root)
  )
    return fail(
      'unsupported-type',
      `文件 ${fileName} 是 Esri JSON，不是 GeoJSON；请在 ArcGIS 中用「要素转 JSON」并勾选「输出为 GeoJSON」重新导出`,
      `File ${fileName} is Esri JSON, not GeoJSON; re-export it from ArcGIS with "Features To JSON" and "Output to GeoJSON" checked.`,
    );
  if (type === undefined)
    return fail(
      'unsupported-type',
      `文件 ${fileName} 缺少「type」成员，不是 GeoJSON；应为 "FeatureCollection"`,
      `File ${fileName} has no "type" member and is not GeoJSON; expected "FeatureCollection".`,
    );
  const shown = shortText(type);
  const caseHint =
    typeof type === 'string' &&
    (type.toLowerCase() === 'featurecollection' ||
      type.toLowerCase() === 'feature' ||
      [...GEOMETRY_TYPES].some((known) => known.toLowerCase() === type.toLowerCase()));
  return fail(
    'unsupported-type',
    `文件 ${fileName} 的类型「${shown}」不是 GeoJSON 类型；应为 "FeatureCollection"、"Feature" 或几何类型${caseHint ? '（类型名区分大小写）' : ''}`,
    `File ${fileName} has type "${shown}", which is not a GeoJSON type; expected "FeatureCollection", "Feature" or a geometry type${caseHint ? ' (type names are case-sensitive)' : ''}.`,
  );
}

/**
 * Parses the text of a GeoJSON file. Never throws.
 *
 * Accepts a FeatureCollection; a single Feature or a bare Geometry is wrapped into a collection with a
 * warning (`wrapped-feature`, `wrapped-geometry`). A leading byte-order mark is removed. Errors:
 * `empty-file`, `invalid-json` (with 1-based line and column of the first syntax error),
 * `not-an-object`, `unsupported-type`, `features-not-array`. All problems have featureIndex -1.
 *
 * @param text the file's decoded text
 * @param fileName the name shown to the user in messages, e.g. `plots.geojson`
 * @returns the collection (the parsed object itself, other members such as `crs` kept) and warnings,
 *   or `ok: false` with the problems
 */
export function parseGeoJsonText(text: string, fileName: string): ParseGeoJsonResult {
  try {
    return parseUnsafe(text, fileName);
  } catch {
    // Only a runtime limit (e.g. out of memory in JSON.parse) can get here.
    return fail(
      'invalid-json',
      `文件 ${fileName} 无法读取（文件可能过大或已损坏）`,
      `File ${fileName} could not be read (it may be too large or damaged).`,
    );
  }
}

function parseUnsafe(rawText: string, fileName: string): ParseGeoJsonResult {
  const text = typeof rawText === 'string' ? rawText.replace(/^\uFEFF/, '') : '';
  if (text.trim() === '')
    return fail(
      'empty-file',
      `文件 ${fileName} 是空的；请检查导出是否成功`,
      `File ${fileName} is empty; check that the export succeeded.`,
    );
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return invalidJson(text, fileName);
  }
  if (!isRecord(root)) {
    const kind = describeJsonValue(root);
    return fail(
      'not-an-object',
      `文件 ${fileName} 的内容是${kind.zh}，不是 GeoJSON 对象；应为 {"type": "FeatureCollection", "features": [...]}`,
      `File ${fileName} contains ${kind.en}, not a GeoJSON object; expected {"type": "FeatureCollection", "features": [...]}.`,
    );
  }
  const type = root.type;
  if (type === 'FeatureCollection') {
    if (!Array.isArray(root.features))
      return fail(
        'features-not-array',
        `文件 ${fileName} 的「features」${root.features === undefined ? '缺失' : '不是数组'}；FeatureCollection 需要一个要素数组`,
        `File ${fileName}: "features" is ${root.features === undefined ? 'missing' : 'not an array'}; a FeatureCollection needs an array of features.`,
      );
    return { ok: true, value: root as unknown as FeatureCollection, problems: [] };
  }
  if (type === 'Feature') {
    const problem = fileProblem(
      'wrapped-feature',
      'warning',
      `文件 ${fileName} 只含一个要素（Feature），已当作含 1 个要素的集合读取`,
      `File ${fileName} holds a single Feature; it was read as a collection of one feature.`,
    );
    return { ok: true, value: collectionOf([root as unknown as Feature], root), problems: [problem] };
  }
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    const feature = { type: 'Feature', properties: {}, geometry: root } as unknown as Feature;
    const problem = fileProblem(
      'wrapped-geometry',
      'warning',
      `文件 ${fileName} 只含一个几何对象（${type}），没有属性；已当作含 1 个要素的集合读取`,
      `File ${fileName} holds a bare ${type} geometry without properties; it was read as a collection of one feature.`,
    );
    return { ok: true, value: collectionOf([feature], root), problems: [problem] };
  }
  return unsupportedType(root, fileName);
}
