/**
 * Coordinate reference systems the importer understands, their EPSG codes and their names in both
 * UI languages. Every `Crs` value here can be reprojected (`makeTransform`); anything else is an
 * `unsupported` reading that carries a message telling the user what to do.
 */
import type { Message } from '../types.ts';

/** A CGCS2000 Gauss-Krüger projection (transverse Mercator, scale 1, false northing 0, GRS80). */
export interface GaussKrugerCrs {
  kind: 'gauss-kruger';
  /** 3° zones 25–45 (central meridian = 3 × zone) or 6° zones 13–23 (central meridian = 6 × zone − 3). */
  zoneWidth: 3 | 6;
  zone: number;
  /** Degrees east. */
  centralMeridian: number;
  /** Metres: 500 000 without the zone prefix, zone × 1 000 000 + 500 000 with it. */
  falseEasting: number;
  /** EPSG code of the matching CGCS2000 system (4491–4554). */
  epsg?: number;
}

/** A coordinate reference system of input data. */
export type Crs = (
  | { kind: 'wgs84' }
  | { kind: 'cgcs2000-geographic' }
  | { kind: 'web-mercator' }
  | GaussKrugerCrs
  | { kind: 'gcj02' }
) & {
  /**
   * Set when the file holds the coordinates the other way round (northing or latitude first, as
   * surveyors write X = north): read as (y, x). Only a user's choice or a proposed fix sets it.
   */
  swapXY?: true;
};

/** Where a detection came from, strongest first: `user` > `prj` > `crs-member` > `coordinates` > `default`. */
export type CrsSource = 'prj' | 'crs-member' | 'coordinates' | 'default' | 'user';

/** A CRS that was found (`certain`) or guessed (`assumed`), and a message that says which and why. */
export interface CrsDetection {
  ok: true;
  crs: Crs;
  source: CrsSource;
  confidence: 'certain' | 'assumed';
  /** The full explanation for the user, including `warning` when there is one. */
  message: Message;
  /** Set when something contradicts the result (a `.prj` that does not fit the coordinates, data far from Cixi). */
  warning?: Message;
}

/** Why the coordinates of a file cannot be placed on the map. */
export type CrsFailureReason = 'unsupported-crs' | 'out-of-range' | 'axis-swapped';

/** No usable CRS: the message names the values or the system found, and what to do. */
export interface CrsDetectionFailure {
  ok: false;
  reason: CrsFailureReason;
  source: CrsSource;
  message: Message;
}

export type CrsDetectionResult = CrsDetection | CrsDetectionFailure;

/**
 * What a `.prj`, a GeoJSON `crs` member or an EPSG code says: a supported CRS, a recognised but
 * unsupported one (other datum, other projection), or nothing readable.
 */
export type CrsReading =
  | { status: 'supported'; crs: Crs }
  | { status: 'unsupported'; name: string; message: Message }
  | { status: 'unreadable'; message: Message };

/** Cixi's government seat (慈溪市政府, 浒山), degrees WGS84; the anchor for "nearest plausible" guesses. */
export const CIXI_LON_LAT: readonly [number, number] = [121.25, 30.17];

/** Largest Web Mercator coordinate, metres (π × 6 378 137). */
export const WEB_MERCATOR_MAX_M = 20037508.342789244;

/**
 * The CGCS2000 Gauss-Krüger system with a given central meridian, or null when the meridian is
 * not one of China's zones (3°: 75°E–135°E in steps of 3, zones 25–45; 6°: 75°E–135°E in steps of 6,
 * zones 13–23).
 * @param zoneWidth 3 or 6 (degrees)
 * @param centralMeridian degrees east
 * @param withZonePrefix whether eastings carry the zone number in front (false easting zone × 1e6 + 500 000 m)
 */
export function gaussKrugerCrs(
  zoneWidth: 3 | 6,
  centralMeridian: number,
  withZonePrefix: boolean,
): GaussKrugerCrs | null {
  const zone = zoneWidth === 3 ? centralMeridian / 3 : (centralMeridian + 3) / 6;
  const [first, last] = zoneWidth === 3 ? [25, 45] : [13, 23];
  if (!Number.isInteger(zone) || zone < first || zone > last) return null;
  // EPSG numbers the four CGCS2000 series in zone order (verified against the EPSG registry:
  // 4528 = 3-degree zone 40, 4549 = 3-degree CM 120E, 4491 = zone 13, 4504 = CM 87E).
  const base = zoneWidth === 3 ? (withZonePrefix ? 4513 : 4534) : withZonePrefix ? 4491 : 4502;
  return {
    kind: 'gauss-kruger',
    zoneWidth,
    zone,
    centralMeridian,
    falseEasting: withZonePrefix ? zone * 1e6 + 500000 : 500000,
    epsg: base + zone - first,
  };
}

/** True when the eastings of a Gauss-Krüger system carry the zone number (e.g. 40 512 345 m). */
export function hasZonePrefix(crs: GaussKrugerCrs): boolean {
  return crs.falseEasting !== 500000;
}

/** The number the eastings carry in front (40 for 40 512 345 m), or null when they carry none. */
export function zonePrefixOf(crs: GaussKrugerCrs): number | null {
  return hasZonePrefix(crs) ? Math.round((crs.falseEasting - 500000) / 1e6) : null;
}

const WEB_MERCATOR_CODES = new Set([3857, 3785, 900913, 102100, 102113]);

/** Ranges of EPSG codes on China's older datums, named so that the message can say what was found. */
const OLD_CHINESE_DATUMS: readonly [from: number, to: number, name: string][] = [
  [4214, 4214, 'Beijing 1954'],
  [2401, 2442, 'Beijing 1954'],
  [21413, 21483, 'Beijing 1954'],
  [4610, 4610, 'Xian 1980'],
  [2327, 2390, 'Xian 1980'],
  [4555, 4555, 'New Beijing'],
  [4568, 4589, 'New Beijing'],
];

/**
 * What an EPSG code means for the importer. 4326 → WGS84, 4490 → CGCS2000 geographic, 3857 (and its
 * aliases 3785, 900913, ESRI 102100/102113) → Web Mercator, 4491–4554 → CGCS2000 Gauss-Krüger:
 * 4513–4533 3° zones 25–45 with the zone prefix, 4534–4554 3° CM 75E–135E without,
 * 4491–4501 6° zones 13–23 with the prefix, 4502–4512 6° CM 75E–135E without.
 */
export function readEpsg(code: number): CrsReading {
  if (code === 4326) return { status: 'supported', crs: { kind: 'wgs84' } };
  if (code === 4490) return { status: 'supported', crs: { kind: 'cgcs2000-geographic' } };
  if (WEB_MERCATOR_CODES.has(code)) return { status: 'supported', crs: { kind: 'web-mercator' } };
  let crs: GaussKrugerCrs | null = null;
  if (code >= 4513 && code <= 4533) crs = gaussKrugerCrs(3, (code - 4513 + 25) * 3, true);
  else if (code >= 4534 && code <= 4554) crs = gaussKrugerCrs(3, 75 + (code - 4534) * 3, false);
  else if (code >= 4491 && code <= 4501) crs = gaussKrugerCrs(6, (code - 4491 + 13) * 6 - 3, true);
  else if (code >= 4502 && code <= 4512) crs = gaussKrugerCrs(6, 75 + (code - 4502) * 6, false);
  if (crs) return { status: 'supported', crs };
  const datum = OLD_CHINESE_DATUMS.find(([from, to]) => code >= from && code <= to)?.[2];
  const name = datum ? `EPSG:${code} (${datum})` : `EPSG:${code}`;
  return { status: 'unsupported', name, message: unsupportedMessage(name) };
}

/** The message for a CRS that is recognised but cannot be used. */
export function unsupportedMessage(name: string, detail?: Message): Message {
  return {
    zh: `不支持的坐标系 ${name}${detail ? `（${detail.zh}）` : ''}；请在 GIS 软件中转换为 CGCS2000（经纬度 EPSG:4490 或高斯-克吕格投影 EPSG:4513–4554）后再导入`,
    en: `Unsupported coordinate system ${name}${detail ? ` (${detail.en})` : ''}; convert it to CGCS2000 (longitude/latitude EPSG:4490 or Gauss-Krüger EPSG:4513–4554) in a GIS and import again`,
  };
}

/**
 * The name of a CRS in both languages, e.g. "CGCS2000 3度带高斯-克吕格投影 第40带（中央经线 120°E，
 * 坐标含带号，EPSG:4528）".
 */
export function describeCrs(crs: Crs): Message {
  const name = describeSystem(crs);
  if (!crs.swapXY) return name;
  return { zh: `${name.zh}，x、y 互换`, en: `${name.en}, x and y swapped` };
}

function describeSystem(crs: Crs): Message {
  switch (crs.kind) {
    case 'wgs84':
      return { zh: 'WGS84 经纬度（EPSG:4326）', en: 'WGS 84 longitude/latitude (EPSG:4326)' };
    case 'cgcs2000-geographic':
      return {
        zh: 'CGCS2000 经纬度（EPSG:4490，与 WGS84 相差不足 1 米，按 WGS84 处理）',
        en: 'CGCS2000 longitude/latitude (EPSG:4490; within 1 m of WGS 84, used as WGS 84)',
      };
    case 'web-mercator':
      return { zh: 'Web 墨卡托投影（EPSG:3857）', en: 'Web Mercator (EPSG:3857)' };
    case 'gcj02':
      return {
        zh: 'GCJ-02 坐标（国内网络地图的偏移坐标）',
        en: 'GCJ-02 (the offset coordinates of Chinese web maps)',
      };
    case 'gauss-kruger': {
      const prefix = zonePrefixOf(crs);
      const epsg = crs.epsg ? `，EPSG:${crs.epsg}` : '';
      const epsgEn = crs.epsg ? `, EPSG:${crs.epsg}` : '';
      // A prefix other than the zone's own: the supplier wrote a wrong zone number in front.
      const written = prefix === null || prefix === crs.zone;
      const zh = written ? `坐标${prefix === null ? '不含' : '含'}带号` : `东坐标前的带号误写为 ${prefix}`;
      const en = written
        ? `easting ${prefix === null ? 'without' : 'with'} zone prefix`
        : `easting prefixed ${prefix} by mistake`;
      return {
        zh: `CGCS2000 ${crs.zoneWidth}度带高斯-克吕格投影 第${crs.zone}带（中央经线 ${crs.centralMeridian}°E，${zh}${epsg}）`,
        en: `CGCS2000 ${crs.zoneWidth}-degree Gauss-Krüger zone ${crs.zone} (central meridian ${crs.centralMeridian}°E, ${en}${epsgEn})`,
      };
    }
  }
}

/**
 * True when coordinates in `crs` are already WGS84/CGCS2000 longitude-latitude in (x, y) order, so
 * that reprojection would change nothing (a fast path may skip it).
 */
export function isLonLatAsIs(crs: Crs): boolean {
  return (crs.kind === 'wgs84' || crs.kind === 'cgcs2000-geographic') && !crs.swapXY;
}

/** True for the CRSs whose coordinates are degrees of longitude and latitude. */
export function isGeographic(crs: Crs): boolean {
  return crs.kind === 'wgs84' || crs.kind === 'cgcs2000-geographic' || crs.kind === 'gcj02';
}
