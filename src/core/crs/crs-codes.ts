/**
 * The codes by which a user chooses a coordinate system by hand: in the import dialog's selector and
 * with `--crs` on the command line. One table of the systems worth offering for Cixi, and a reader
 * for every code the core can use: EPSG:4326, EPSG:4490, EPSG:3857, EPSG:4491–4554 (CGCS2000
 * Gauss-Krüger), GCJ02, and `GK:<central meridian>[:<prefix>]` for Gauss-Krüger eastings that carry
 * a wrong zone number in front; `/yx` after any of them reads the coordinates the other way round.
 */
import type { Message } from '../types.ts';
import { type Crs, gaussKrugerCrs, readEpsg, zonePrefixOf } from './crs.ts';

const SWAPPED_SUFFIX = '/yx';

/** A system the dialog offers and the command line names. */
export interface CrsChoice {
  /** What `--crs` takes and the dialog's selector keeps, e.g. `EPSG:4528`. */
  code: string;
  crs: Crs;
  /** Short name for a list. */
  name: Message;
}

function gk(zoneWidth: 3 | 6, centralMeridian: number, withZonePrefix: boolean): Crs {
  const crs = gaussKrugerCrs(zoneWidth, centralMeridian, withZonePrefix);
  if (!crs) throw new Error(`No Gauss-Krüger zone with central meridian ${centralMeridian}°E`);
  return crs;
}

function gkChoice(zoneWidth: 3 | 6, centralMeridian: number, withZonePrefix: boolean): CrsChoice {
  const crs = gk(zoneWidth, centralMeridian, withZonePrefix);
  const zone = crs.kind === 'gauss-kruger' ? crs.zone : 0;
  return {
    code: crsCode(crs),
    crs,
    name: {
      zh: `CGCS2000 ${zoneWidth}度带 第${zone}带（中央经线 ${centralMeridian}°E，${withZonePrefix ? '含' : '不含'}带号）`,
      en: `CGCS2000 ${zoneWidth}° Gauss-Krüger zone ${zone} (CM ${centralMeridian}°E, ${withZonePrefix ? 'with' : 'without'} zone prefix)`,
    },
  };
}

/**
 * The systems offered for Cixi (121.25°E, 30.17°N): longitude-latitude on the two datums, GCJ-02 of
 * Chinese web maps, the 3° zones 40 (120°E, Cixi's own) and 41 (123°E) and the 6° zone 21 (123°E),
 * each with and without the zone prefix, and Web Mercator.
 */
export const CRS_CHOICES: readonly CrsChoice[] = [
  {
    code: 'EPSG:4490',
    crs: { kind: 'cgcs2000-geographic' },
    name: { zh: 'CGCS2000 经纬度', en: 'CGCS2000 longitude/latitude' },
  },
  {
    code: 'EPSG:4326',
    crs: { kind: 'wgs84' },
    name: { zh: 'WGS84 经纬度（GPS）', en: 'WGS 84 longitude/latitude (GPS)' },
  },
  {
    code: 'GCJ02',
    crs: { kind: 'gcj02' },
    name: {
      zh: 'GCJ-02 经纬度（从高德、腾讯等国内网络地图描绘的数据）',
      en: 'GCJ-02 longitude/latitude (traced from Chinese web maps: Amap, Tencent…)',
    },
  },
  gkChoice(3, 120, true),
  gkChoice(3, 120, false),
  gkChoice(3, 123, true),
  gkChoice(3, 123, false),
  gkChoice(6, 123, true),
  gkChoice(6, 123, false),
  { code: 'EPSG:3857', crs: { kind: 'web-mercator' }, name: { zh: 'Web 墨卡托', en: 'Web Mercator' } },
];

/**
 * The code of a CRS: `EPSG:n` where EPSG has one, `GCJ02`, `GK:<central meridian>:<prefix>` for
 * Gauss-Krüger eastings with a prefix other than their zone's; `/yx` appended for swapped axes.
 */
export function crsCode(crs: Crs): string {
  const suffix = crs.swapXY ? SWAPPED_SUFFIX : '';
  switch (crs.kind) {
    case 'wgs84':
      return `EPSG:4326${suffix}`;
    case 'cgcs2000-geographic':
      return `EPSG:4490${suffix}`;
    case 'web-mercator':
      return `EPSG:3857${suffix}`;
    case 'gcj02':
      return `GCJ02${suffix}`;
    case 'gauss-kruger': {
      if (crs.epsg) return `EPSG:${crs.epsg}${suffix}`;
      const prefix = zonePrefixOf(crs);
      return `GK:${crs.centralMeridian}${prefix === null ? '' : `:${prefix}`}${suffix}`;
    }
  }
}

/** A Gauss-Krüger CRS of central meridian `cm` whose eastings carry `prefix` (null: none) in front. */
export function gaussKrugerWithPrefix(cm: number, prefix: number | null): Crs | null {
  const threeDegree = gaussKrugerCrs(3, cm, prefix !== null);
  const sixDegree = gaussKrugerCrs(6, cm, prefix !== null);
  // The 6° reading when the prefix is that zone's number (21 for 123°E), else the 3° one.
  const standard = sixDegree && prefix === sixDegree.zone ? sixDegree : (threeDegree ?? sixDegree);
  if (!standard || prefix === null || prefix === standard.zone) return standard;
  if (!Number.isInteger(prefix) || prefix < 1 || prefix > 99) return null;
  const { epsg: _, ...rest } = standard;
  return { ...rest, falseEasting: prefix * 1e6 + 500000 };
}

/**
 * The CRS a code names (case and spaces ignored), or null for a code the core cannot use.
 * @param code `EPSG:4528`, `epsg:4490`, `GCJ02`, `GK:120:41`, `EPSG:4549/yx`, …
 */
export function parseCrsCode(code: string): Crs | null {
  let text = code.trim().toUpperCase().replace(/\s+/g, '');
  const swapped = text.endsWith(SWAPPED_SUFFIX.toUpperCase());
  if (swapped) text = text.slice(0, -SWAPPED_SUFFIX.length);
  let crs: Crs | null = null;
  const epsg = /^EPSG:(\d+)$/.exec(text);
  const gkCode = /^GK:(\d+(?:\.\d+)?)(?::(\d+))?$/.exec(text);
  if (epsg) {
    const reading = readEpsg(Number(epsg[1]));
    crs = reading.status === 'supported' ? reading.crs : null;
  } else if (text === 'GCJ02' || text === 'GCJ-02') {
    crs = { kind: 'gcj02' };
  } else if (gkCode) {
    crs = gaussKrugerWithPrefix(Number(gkCode[1]), gkCode[2] === undefined ? null : Number(gkCode[2]));
  }
  return crs && swapped ? { ...crs, swapXY: true } : crs;
}

/** What to say of a code that names nothing the core reads: every code it takes. */
export function unknownCrsCodeMessage(code: string): Message {
  const list = CRS_CHOICES.map((choice) => `  ${choice.code.padEnd(10)} ${choice.name.zh}`).join('\n');
  const listEn = CRS_CHOICES.map((choice) => `  ${choice.code.padEnd(10)} ${choice.name.en}`).join('\n');
  return {
    zh: `未知的坐标系代码 ${code}。可用的代码：\n${list}\n  以及 EPSG:4491–4554（CGCS2000 高斯-克吕格各带）、GK:<中央经线>:<带号>（东坐标带号写错时，如 GK:120:41）；代码后加 /yx 表示 x、y 互换（如 EPSG:4549/yx）。`,
    en: `Unknown coordinate system code ${code}. Codes that can be used:\n${listEn}\n  and EPSG:4491–4554 (every CGCS2000 Gauss-Krüger zone), GK:<central meridian>:<prefix> (eastings with a wrong zone number in front, e.g. GK:120:41); append /yx when x and y are swapped (e.g. EPSG:4549/yx).`,
  };
}
