/**
 * Reads the CRS of a shapefile `.prj`: ESRI WKT and OGC WKT1 (and the keywords of WKT2), as written
 * by ArcGIS, QGIS and GDAL for Chinese data. Parameters are authoritative over the name; systems on
 * other datums (Beijing 1954, Xian 1980) or other projections are `unsupported`, never guessed.
 */
import type { Message } from '../types.ts';
import { type Crs, type CrsReading, gaussKrugerCrs, unsupportedMessage } from './crs.ts';

/** One bracketed WKT node: `KEYWORD["name", 1.0, CHILD[...]]`. */
interface WktNode {
  keyword: string;
  args: (string | number | WktNode)[];
}

const TOKEN =
  /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|"((?:[^"]|"")*)"|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([[\](),]))/y;

/** Parses WKT into a tree, or returns null when the text is not well-formed WKT. */
function parseWkt(text: string): WktNode | null {
  TOKEN.lastIndex = 0;
  const tokens: { kind: 'word' | 'string' | 'number' | 'punct'; value: string }[] = [];
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      // Trailing whitespace is fine; anything else is not WKT.
      if (text.slice(start).trim() === '') break;
      return null;
    }
    if (match[1] !== undefined) tokens.push({ kind: 'word', value: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'string', value: match[2].replace(/""/g, '"') });
    else if (match[3] !== undefined) tokens.push({ kind: 'number', value: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'punct', value: match[4] });
  }
  let index = 0;
  const parseNode = (): WktNode | null => {
    const word = tokens[index];
    if (word?.kind !== 'word') return null;
    index++;
    const open = tokens[index];
    if (open?.kind !== 'punct' || (open.value !== '[' && open.value !== '(')) return null;
    index++;
    const node: WktNode = { keyword: word.value.toUpperCase(), args: [] };
    for (;;) {
      const token = tokens[index];
      if (!token) return null;
      if (token.kind === 'string') {
        node.args.push(token.value);
        index++;
      } else if (token.kind === 'number') {
        node.args.push(Number(token.value));
        index++;
      } else if (token.kind === 'word') {
        // WKT2 enumerations (AXIS["x", east]) are bare words without brackets.
        if (tokens[index + 1]?.value === '[' || tokens[index + 1]?.value === '(') {
          const child = parseNode();
          if (!child) return null;
          node.args.push(child);
        } else {
          node.args.push(token.value);
          index++;
        }
      } else {
        return null;
      }
      const separator = tokens[index];
      if (separator?.value === ',') {
        index++;
        continue;
      }
      if (separator?.value === ']' || separator?.value === ')') {
        index++;
        return node;
      }
      return null;
    }
  };
  const root = parseNode();
  return root && index === tokens.length ? root : null;
}

function childNodes(node: WktNode, keywords: readonly string[]): WktNode[] {
  return node.args.filter((arg): arg is WktNode => typeof arg === 'object' && keywords.includes(arg.keyword));
}

function firstChild(node: WktNode, keywords: readonly string[]): WktNode | undefined {
  return childNodes(node, keywords)[0];
}

function nodeName(node: WktNode | undefined): string {
  const name = node?.args[0];
  return typeof name === 'string' ? name : '';
}

/** Lower case, words separated by single spaces, "Gauss-Krüger" spelled `gk`. */
function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/ü/g, 'u')
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/gauss kruger/g, 'gk')
    .trim();
}

type Datum = 'cgcs2000' | 'wgs84' | { other: string };

const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GEOGRAPHIC = [
  'GEOGCS',
  'GEOGCRS',
  'GEODCRS',
  'GEOGRAPHICCRS',
  'GEODETICCRS',
  'BASEGEOGCRS',
  'BASEGEODCRS',
];

/** The datum of a CRS, from the names of the CRS, its geographic CRS, its datum and its ellipsoid. */
function readDatum(root: WktNode, geographic: WktNode | undefined): Datum {
  const datumNode = geographic ? firstChild(geographic, ['DATUM', 'TRF', 'GEODETICDATUM']) : undefined;
  const spheroid = datumNode ? firstChild(datumNode, ['SPHEROID', 'ELLIPSOID']) : undefined;
  const names = [root, geographic, datumNode, spheroid].map((node) => nodeName(node));
  const text = ` ${normalise(names.join(' '))} `;
  if (/ new beijing /.test(text)) return { other: 'New Beijing' };
  if (/ beijing ?1954 |beijing54| bj54 /.test(text)) return { other: 'Beijing 1954' };
  if (/ xi ?an ?1980 | xian80 | xa80 /.test(text)) return { other: 'Xian 1980' };
  if (/china 2000|cgcs ?2000|china geodetic coordinate system 2000/.test(text)) return 'cgcs2000';
  if (/ wgs ?1984 | wgs ?84 /.test(text)) return 'wgs84';
  const datumName = nodeName(datumNode) || nodeName(geographic) || nodeName(root);
  return { other: datumName || 'unknown datum' };
}

/** PARAMETER values by normalised name (`central meridian`, `false easting`, ...). */
function readParameters(root: WktNode): Map<string, number> {
  const parameters = new Map<string, number>();
  const holders = [root, ...childNodes(root, ['CONVERSION'])];
  for (const holder of holders) {
    for (const parameter of childNodes(holder, ['PARAMETER'])) {
      const value = parameter.args[1];
      if (typeof value === 'number') parameters.set(normalise(nodeName(parameter)), value);
    }
  }
  return parameters;
}

function parameter(parameters: Map<string, number>, names: readonly string[]): number | undefined {
  for (const name of names) {
    const value = parameters.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** What the name of a Gauss-Krüger CRS says, e.g. `CGCS2000_3_Degree_GK_CM_120E`. */
function readGaussKrugerName(name: string): { zoneWidth?: 3 | 6; zone?: number; centralMeridian?: number } {
  const match = /(?:^| )(?:([36]) degree )?gk (?:zone (\d+)|cm (\d+) ?e)(?: |$)/.exec(normalise(name));
  if (!match) return {};
  const zoneWidth = match[1] === '3' ? 3 : 6;
  if (match[2] !== undefined) return { zoneWidth, zone: Number(match[2]) };
  return { zoneWidth, centralMeridian: Number(match[3]) };
}

const isClose = (value: number, expected: number) => Math.abs(value - expected) < 1e-9;

function readTransverseMercator(name: string, datum: Datum, parameters: Map<string, number>): CrsReading {
  if (datum !== 'cgcs2000') {
    const datumName = datum === 'wgs84' ? 'WGS 84' : datum.other;
    return unsupported(name, {
      zh: `横轴墨卡托投影的基准为 ${datumName}，不是 CGCS2000`,
      en: `a transverse Mercator projection on ${datumName}, not CGCS2000`,
    });
  }
  const fromName = readGaussKrugerName(name);
  let centralMeridian = parameter(parameters, [
    'central meridian',
    'longitude of natural origin',
    'longitude of origin',
  ]);
  let falseEasting = parameter(parameters, ['false easting']);
  if (centralMeridian === undefined) {
    if (fromName.centralMeridian !== undefined) centralMeridian = fromName.centralMeridian;
    else if (fromName.zone !== undefined)
      centralMeridian = fromName.zoneWidth === 3 ? fromName.zone * 3 : fromName.zone * 6 - 3;
  }
  if (falseEasting === undefined) {
    if (fromName.zone !== undefined) falseEasting = fromName.zone * 1e6 + 500000;
    else if (fromName.centralMeridian !== undefined) falseEasting = 500000;
  }
  if (centralMeridian === undefined || falseEasting === undefined) {
    return unsupported(name, {
      zh: '缺少中央经线或东伪偏移参数',
      en: 'the central meridian or false easting is missing',
    });
  }
  const scale = parameter(parameters, ['scale factor', 'scale factor at natural origin']) ?? 1;
  const falseNorthing = parameter(parameters, ['false northing']) ?? 0;
  const latitudeOfOrigin =
    parameter(parameters, ['latitude of origin', 'latitude of natural origin', 'latitude of center']) ?? 0;
  if (!isClose(scale, 1) || !isClose(falseNorthing, 0) || !isClose(latitudeOfOrigin, 0)) {
    return unsupported(name, {
      zh: `比例因子 ${scale}、北伪偏移 ${falseNorthing} m、原点纬度 ${latitudeOfOrigin}° 不是国家标准分带（应为 1、0、0）`,
      en: `scale factor ${scale}, false northing ${falseNorthing} m, latitude of origin ${latitudeOfOrigin}° are not a national zone (expected 1, 0, 0)`,
    });
  }
  const prefixZone = isClose(falseEasting, 500000) ? undefined : (falseEasting - 500000) / 1e6;
  let zoneWidth: 3 | 6;
  if (prefixZone !== undefined) {
    zoneWidth = prefixZone >= 25 && prefixZone <= 45 ? 3 : 6;
  } else if (fromName.zoneWidth !== undefined) {
    zoneWidth = fromName.zoneWidth;
  } else {
    // A meridian on both grids (e.g. 117°E) reads as 3°, the grid of cadastral and planning data.
    zoneWidth = centralMeridian % 3 === 0 ? 3 : 6;
  }
  const crs = gaussKrugerCrs(zoneWidth, centralMeridian, prefixZone !== undefined);
  if (!crs || (prefixZone !== undefined && crs.zone !== prefixZone)) {
    return unsupported(name, {
      zh: `中央经线 ${centralMeridian}°E、东伪偏移 ${falseEasting} m 不是国家标准分带`,
      en: `central meridian ${centralMeridian}°E with false easting ${falseEasting} m is not a national zone`,
    });
  }
  return { status: 'supported', crs };
}

function unsupported(name: string, detail?: Message): CrsReading {
  const label = name || 'unnamed';
  return { status: 'unsupported', name: label, message: unsupportedMessage(label, detail) };
}

function readProjected(root: WktNode): CrsReading {
  const name = nodeName(root);
  const geographic = firstChild(root, GEOGRAPHIC);
  const datum = readDatum(root, geographic);
  const parameters = readParameters(root);
  const conversion = firstChild(root, ['CONVERSION']);
  const projection =
    nodeName(firstChild(root, ['PROJECTION'])) || nodeName(conversion && firstChild(conversion, ['METHOD']));
  const unit = firstChild(root, ['UNIT', 'LENGTHUNIT'])?.args[1];
  if (typeof unit === 'number' && !isClose(unit, 1)) {
    return unsupported(name, {
      zh: `长度单位不是米（${unit} m）`,
      en: `the length unit is not the metre (${unit} m)`,
    });
  }
  const names = ` ${normalise(`${name} ${projection}`)} `;
  if (/pseudo mercator|auxiliary sphere|web mercator|popular visuali[sz]ation/.test(names)) {
    const offset = [parameter(parameters, ['false easting']), parameter(parameters, ['false northing'])];
    if (offset.some((value) => value !== undefined && !isClose(value, 0))) {
      return unsupported(name, {
        zh: 'Web 墨卡托的伪偏移不为 0',
        en: 'Web Mercator with a non-zero false origin',
      });
    }
    return { status: 'supported', crs: { kind: 'web-mercator' } };
  }
  const projectionName = normalise(projection);
  const isTransverseMercator =
    projectionName === 'gk' ||
    projectionName.includes('transverse mercator') ||
    (projection === '' && / gk /.test(names));
  if (isTransverseMercator) return readTransverseMercator(name, datum, parameters);
  return unsupported(name, {
    zh: `投影方式 ${projection || '未知'} 不受支持`,
    en: `the projection ${projection || 'unknown'} is not supported`,
  });
}

function readGeographic(root: WktNode): CrsReading {
  const datum = readDatum(root, root);
  const name = nodeName(root);
  const unit = firstChild(root, ['UNIT', 'ANGLEUNIT'])?.args[1];
  if (typeof unit === 'number' && Math.abs(unit - Math.PI / 180) > 1e-12) {
    return unsupported(name, { zh: '角度单位不是度', en: 'the angular unit is not the degree' });
  }
  if (datum === 'cgcs2000') return { status: 'supported', crs: { kind: 'cgcs2000-geographic' } };
  if (datum === 'wgs84') return { status: 'supported', crs: { kind: 'wgs84' } };
  return unsupported(name, { zh: `基准为 ${datum.other}`, en: `datum ${datum.other}` });
}

function findRoot(node: WktNode): WktNode | undefined {
  if (PROJECTED.includes(node.keyword) || GEOGRAPHIC.includes(node.keyword)) return node;
  // A compound CRS (COMPD_CS / COMPOUNDCRS) holds the horizontal CRS first.
  if (node.keyword === 'COMPD_CS' || node.keyword === 'COMPOUNDCRS') {
    return firstChild(node, [...PROJECTED, ...GEOGRAPHIC]);
  }
  return undefined;
}

/**
 * Reads a `.prj` (WKT) and says whether its CRS is supported, recognised but unsupported (with a
 * message naming it), or unreadable.
 * @param wkt the text of the `.prj` (ESRI WKT, OGC WKT1 or WKT2)
 */
export function readPrj(wkt: string): CrsReading {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  const excerpt = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const parsed = text === '' ? null : parseWkt(text);
  const root = parsed ? findRoot(parsed) : undefined;
  if (!root) {
    return {
      status: 'unreadable',
      message: {
        zh: text === '' ? '.prj 文件为空' : `.prj 文件无法解析（不是有效的 WKT：“${excerpt}”）`,
        en:
          text === ''
            ? 'The .prj file is empty'
            : `The .prj file cannot be read (not valid WKT: "${excerpt}")`,
      },
    };
  }
  return PROJECTED.includes(root.keyword) ? readProjected(root) : readGeographic(root);
}

/**
 * The CRS of a `.prj`, or null when it is unreadable or not supported (use `readPrj` for the reason).
 * @param wkt the text of the `.prj` (ESRI WKT, OGC WKT1 or WKT2)
 * @example parsePrj('PROJCS["CGCS2000_3_Degree_GK_Zone_40", ...]') // → Gauss-Krüger zone 40, CM 120°E
 */
export function parsePrj(wkt: string): Crs | null {
  const reading = readPrj(wkt);
  return reading.status === 'supported' ? reading.crs : null;
}

/**
 * Reads a bare CRS name such as `CGCS2000_3_Degree_GK_Zone_40`, `WGS 84 / Pseudo-Mercator` or
 * `China Geodetic Coordinate System 2000` (as found in a GeoJSON `crs` member), by the same rules
 * as a `.prj` without parameters.
 */
export function readCrsName(name: string): CrsReading {
  const normalised = ` ${normalise(name)} `;
  const isProjected = / gk |mercator| zone | utm /.test(normalised);
  const escaped = name.replace(/"/g, '""');
  return readPrj(isProjected ? `PROJCS["${escaped}"]` : `GEOGCS["${escaped}"]`);
}
