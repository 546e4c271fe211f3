/**
 * Reads the `crs` member of a GeoJSON file (GeoJSON 2008; RFC 7946 dropped it, but GDAL, QGIS and
 * many Chinese tools still write it): named CRSs by EPSG code or OGC URN, and the old `EPSG` type.
 */
import { type Crs, type CrsReading, readEpsg } from './crs.ts';
import { readCrsName } from './parse-prj.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The CRS a name such as `urn:ogc:def:crs:EPSG::4528`, `EPSG:4490` or `OGC:CRS84` stands for. */
function readName(name: string): CrsReading {
  const trimmed = name.trim();
  if (/^(?:urn:ogc:def:crs:)?OGC:(?:[\d.]*:)?CRS84$|^CRS84$|\/def\/crs\/OGC\/[\d.]+\/CRS84$/i.test(trimmed)) {
    return { status: 'supported', crs: { kind: 'wgs84' } };
  }
  // urn:ogc:def:crs:EPSG::4528, urn:ogc:def:crs:EPSG:6.6:4528, EPSG:4528, http://www.opengis.net/def/crs/EPSG/0/4528.
  // EPSG:4326 formally has latitude first, but GeoJSON writers use it for longitude-latitude data.
  const epsg =
    /^(?:urn:ogc:def:crs:)?EPSG:(?:[\d.]*:)?(\d+)$/i.exec(trimmed) ??
    /\/def\/crs\/EPSG\/[\d.]+\/(\d+)$/i.exec(trimmed);
  if (epsg?.[1] !== undefined) return readEpsg(Number(epsg[1]));
  // ESRI writes 102100 for Web Mercator.
  const esri = /^(?:urn:ogc:def:crs:)?ESRI:(?:[\d.]*:)?(\d+)$/i.exec(trimmed);
  if (esri?.[1] !== undefined) return readEpsg(Number(esri[1]));
  return readCrsName(trimmed);
}

/**
 * Reads a GeoJSON `crs` member: `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4528"}}`
 * (also `EPSG:4490`, `urn:ogc:def:crs:OGC:1.3:CRS84`, or a CRS name) and the GeoJSON 2008
 * `{"type":"EPSG","properties":{"code":4490}}`. Linked CRSs cannot be followed offline.
 * @param member the value of the `crs` member, as parsed from JSON
 */
export function readCrsMember(member: unknown): CrsReading {
  const unreadable = (detail: string, detailEn: string): CrsReading => ({
    status: 'unreadable',
    message: {
      zh: `GeoJSON 的 crs 成员无法识别（${detail}）`,
      en: `The GeoJSON crs member cannot be read (${detailEn})`,
    },
  });
  if (!isRecord(member)) return unreadable('不是对象', 'not an object');
  const properties = isRecord(member.properties) ? member.properties : {};
  if (member.type === 'name' && typeof properties.name === 'string') return readName(properties.name);
  if (
    member.type === 'EPSG' &&
    (typeof properties.code === 'number' || typeof properties.code === 'string')
  ) {
    const code = Number(properties.code);
    if (Number.isInteger(code)) return readEpsg(code);
  }
  if (member.type === 'link')
    return unreadable('链接形式的 crs 无法离线读取', 'a linked crs cannot be read offline');
  return unreadable(JSON.stringify(member).slice(0, 80), JSON.stringify(member).slice(0, 80));
}

/**
 * The CRS of a GeoJSON `crs` member, or null when it is unreadable or not supported (use
 * `readCrsMember` for the reason).
 * @example crsFromMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } }) // → GK zone 40
 */
export function crsFromMember(member: unknown): Crs | null {
  const reading = readCrsMember(member);
  return reading.status === 'supported' ? reading.crs : null;
}
