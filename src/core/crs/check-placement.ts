/**
 * Whether a layer, read in the CRS that was detected or chosen, lands on Cixi — and when it does not,
 * which other reading of the same numbers would: another zone prefix, another central meridian,
 * swapped axes, Web Mercator. A layer far from Cixi is stopped with a message that says where it
 * landed and proposes the fix; a `.prj` that names the wrong zone is stopped like a guess would be.
 */
import type { Message, Problem } from '../types.ts';
import { CIXI_LON_LAT, type Crs, type CrsDetectionResult, describeCrs, zonePrefixOf } from './crs.ts';
import { crsCode, gaussKrugerWithPrefix } from './crs-codes.ts';
import { type CoordinateBox, distanceKm, isDegreeBox, joinMessages } from './detect-crs-from-coordinates.ts';
import { makeTransform } from './make-transform.ts';

/**
 * 慈溪市's county outline (data/basemap/counties.geojson, isCixi), degrees, including the tidal flats
 * in Hangzhou Bay; a unit test keeps it equal to the outline.
 */
export const CIXI_BOX = { west: 121.037, south: 30.041, east: 121.629, north: 30.511 } as const;

/**
 * A layer whose box comes no nearer Cixi's box than this is "far", kilometres. Wrong zones and
 * meridians move data by 140 km or more (1.5° of longitude); wrong datums (~100 m) and GCJ-02
 * (~500 m) never reach it.
 */
export const NEAR_CIXI_KM = 50;

/** A box of longitudes and latitudes, degrees. */
export interface LonLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Another reading of a layer's coordinates, one that puts it on Cixi. */
export interface CrsProposal {
  /** The code for `--crs` and the dialog's selector (see crs-codes.ts). */
  code: string;
  crs: Crs;
  /** What was probably wrong, e.g. "坐标带号可能应为 40（中央经线 120°E）". */
  reason: Message;
  /** The whole proposal in a sentence, with where the data then lies. */
  message: Message;
}

/** A layer stopped because of its coordinate system, with the readings that would place it on Cixi. */
export interface CrsStop {
  problem: Problem;
  proposals: CrsProposal[];
}

/**
 * Where a box of raw coordinates lands when read in `crs`: the box around its corners and edge
 * midpoints, or null when one of them cannot be transformed or is not on the Earth.
 */
export function landedBox(crs: Crs, [minX, minY, maxX, maxY]: CoordinateBox): LonLatBox | null {
  const transform = makeTransform(crs);
  const midX = (minX + maxX) / 2;
  const midY = (minY + maxY) / 2;
  const landed: LonLatBox = { west: 180, south: 90, east: -180, north: -90 };
  for (const x of [minX, midX, maxX]) {
    for (const y of [minY, midY, maxY]) {
      const [lon, lat] = transform(x, y);
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return null;
      landed.west = Math.min(landed.west, lon);
      landed.east = Math.max(landed.east, lon);
      landed.south = Math.min(landed.south, lat);
      landed.north = Math.max(landed.north, lat);
    }
  }
  return landed;
}

const KM_PER_DEGREE_LAT = 110.6;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((30.3 * Math.PI) / 180);

/** Kilometres between a box and Cixi's (0 when they overlap), on a flat map around Cixi. */
export function kmFromCixi(box: LonLatBox): number {
  const dLon = Math.max(0, box.west - CIXI_BOX.east, CIXI_BOX.west - box.east);
  const dLat = Math.max(0, box.south - CIXI_BOX.north, CIXI_BOX.south - box.north);
  return Math.hypot(dLon * KM_PER_DEGREE_LON, dLat * KM_PER_DEGREE_LAT);
}

function centreOf(box: LonLatBox): [number, number] {
  return [(box.west + box.east) / 2, (box.south + box.north) / 2];
}

function formatLonLat([lon, lat]: readonly number[]): string {
  return `${(lon ?? 0).toFixed(3)}°E, ${(lat ?? 0).toFixed(3)}°N`;
}

/** The readings of a box tried for a proposal: each orientation, in degrees or in metres. */
function readings(box: CoordinateBox): Crs[] {
  const crsList: Crs[] = [];
  for (const swapped of [false, true]) {
    const [minE, minN, maxE, maxN] = swapped ? [box[1], box[0], box[3], box[2]] : box;
    const oriented: Crs[] = [];
    if (isDegreeBox([minE, minN, maxE, maxN])) oriented.push({ kind: 'wgs84' });
    else {
      const prefix = Math.floor(minE / 1e6);
      const sharedPrefix = prefix >= 1 && prefix === Math.floor(maxE / 1e6) ? prefix : null;
      for (const cm of [117, 120, 123]) {
        const crs = gaussKrugerWithPrefix(cm, sharedPrefix);
        if (crs) oriented.push(crs);
      }
      oriented.push({ kind: 'web-mercator' });
    }
    for (const crs of oriented) crsList.push(swapped ? { ...crs, swapXY: true } : crs);
  }
  return crsList;
}

/** What was probably wrong, going from `current` to `proposed`. */
function reasonFor(proposed: Crs, current: Crs | null): Message {
  const name = describeCrs(proposed);
  if (proposed.swapXY && !current?.swapXY) {
    return {
      zh: `x、y 可能颠倒了（北坐标写在了前面），应按 ${name.zh}读取`,
      en: `x and y are probably swapped (the northing comes first); read as ${name.en}`,
    };
  }
  if (proposed.kind === 'gauss-kruger' && current?.kind === 'gauss-kruger') {
    const prefix = zonePrefixOf(proposed);
    if (prefix !== null && prefix === zonePrefixOf(current) && prefix !== proposed.zone) {
      return {
        zh: `坐标带号可能应为 ${proposed.zone}（中央经线 ${proposed.centralMeridian}°E）：东坐标前写的是 ${prefix}`,
        en: `the zone prefix should probably be ${proposed.zone} (central meridian ${proposed.centralMeridian}°E): the eastings begin with ${prefix}`,
      };
    }
    if (prefix === null && zonePrefixOf(current) === null) {
      return {
        zh: `中央经线可能应为 ${proposed.centralMeridian}°E（东坐标不含带号，数值看不出所在的带）`,
        en: `the central meridian should probably be ${proposed.centralMeridian}°E (the eastings carry no zone prefix, so the numbers do not tell the zone)`,
      };
    }
  }
  return { zh: `坐标系可能应为 ${name.zh}`, en: `the coordinate system should probably be ${name.en}` };
}

/**
 * The readings of `box` that place it on Cixi (within NEAR_CIXI_KM), nearest Cixi's seat first;
 * `current` itself is left out. GCJ-02 is never proposed: it moves data by a few hundred metres only,
 * so the numbers cannot reveal it (the user chooses it by hand).
 * @param box the layer's raw coordinates
 * @param current the reading that failed, if any
 */
export function proposeCrs(box: CoordinateBox, current: Crs | null): CrsProposal[] {
  const currentCode = current ? crsCode(current) : null;
  const found: { proposal: CrsProposal; km: number }[] = [];
  for (const crs of readings(box)) {
    const code = crsCode(crs);
    const landed = landedBox(crs, box);
    if (code === currentCode || !landed || kmFromCixi(landed) > NEAR_CIXI_KM) continue;
    const centre = centreOf(landed);
    const reason = reasonFor(crs, current);
    found.push({
      km: distanceKm(centre, CIXI_LON_LAT),
      proposal: {
        code,
        crs,
        reason,
        message: {
          zh: `建议：${reason.zh}。按此读取，数据位于 ${formatLonLat(centre)}，正在慈溪（命令行：--crs ${code}）。`,
          en: `Proposed: ${reason.en}. Read so, the data lies at ${formatLonLat(centre)}, on Cixi (command line: --crs ${code}).`,
        },
      },
    });
  }
  return found.sort((a, b) => a.km - b.km).map((entry) => entry.proposal);
}

const DECLARED_BY: Partial<Record<string, Message>> = {
  prj: { zh: '.prj 文件', en: 'the .prj file' },
  'crs-member': { zh: 'GeoJSON 的 crs 成员', en: 'the GeoJSON crs member' },
};

/** Why the layer was not loaded and what to do, after where it landed. */
function farMessage(
  fileName: string,
  detection: CrsDetectionResult & { ok: true },
  landed: LonLatBox | null,
): Message {
  const km = landed ? Math.round(distanceKm(centreOf(landed), CIXI_LON_LAT)) : 0;
  const where: Message = landed
    ? {
        zh: `数据落在 ${formatLonLat(centreOf(landed))}，距慈溪约 ${km} 公里，不可能是慈溪的数据，文件未载入。`,
        en: `the data lands at ${formatLonLat(centreOf(landed))}, about ${km} km from Cixi, so it cannot be Cixi's data and the file was not loaded.`,
      }
    : {
        zh: '这些坐标无法换算为经纬度，文件未载入。',
        en: 'these coordinates cannot be converted to longitude/latitude, and the file was not loaded.',
      };
  const declaredBy = DECLARED_BY[detection.source];
  if (detection.confidence === 'assumed') {
    return {
      zh: `文件 ${fileName}：无法确定坐标系。${detection.message.zh}按此读取，${where.zh}`,
      en: `File ${fileName}: the coordinate system cannot be determined. ${detection.message.en} Read so, ${where.en}`,
    };
  }
  const blame: Message | undefined = declaredBy && {
    zh: `${declaredBy.zh}中的坐标系很可能写错了（数据提供方常见的疏忽）。`,
    en: `The coordinate system in ${declaredBy.en} is probably wrong (a common slip of data suppliers).`,
  };
  return joinMessages(
    {
      zh: `文件 ${fileName}：${detection.message.zh}但按此坐标系，${where.zh}`,
      en: `File ${fileName}: ${detection.message.en} But read in it, ${where.en}`,
    },
    blame,
  );
}

const WHAT_TO_DO: Message = {
  zh: '可在导入对话框中按建议重试或手动选择坐标系；命令行用 --crs <代码>（只用于一个输入时：--plots-crs、--boundary-crs、--control-crs）。',
  en: 'Retry with the proposal or choose the coordinate system by hand in the import dialog; on the command line use --crs <code> (for one input only: --plots-crs, --boundary-crs, --control-crs).',
};

const NO_PROPOSAL: Message = {
  zh: '没有哪种常见的坐标系读法能让数据落在慈溪；请向数据提供方确认坐标系。',
  en: 'No usual reading of the coordinates places the data on Cixi; ask the data supplier which coordinate system it is in.',
};

/**
 * The stop for a layer whose coordinate system cannot be used: detection failed, or the layer read in
 * the detected (or chosen) CRS lies more than NEAR_CIXI_KM from Cixi — whatever the CRS came from,
 * a `.prj` included. Null when the layer lands on Cixi (or has no coordinates).
 * @param fileName named in the message
 * @param detection the detected or chosen CRS
 * @param box the layer's raw coordinates (null: none)
 */
export function checkPlacement(
  fileName: string,
  detection: CrsDetectionResult,
  box: CoordinateBox | null,
): CrsStop | null {
  let message: Message;
  if (!detection.ok) {
    message = {
      zh: `文件 ${fileName}：${detection.message.zh}`,
      en: `File ${fileName}: ${detection.message.en}`,
    };
    // A declared system on another datum is no slip of the numbers: it needs converting in a GIS.
    if (detection.reason === 'unsupported-crs') {
      return { problem: { code: 'crs', severity: 'error', featureIndex: -1, message }, proposals: [] };
    }
  } else {
    if (!box) return null;
    const landed = landedBox(detection.crs, box);
    if (landed && kmFromCixi(landed) <= NEAR_CIXI_KM) return null;
    message = farMessage(fileName, detection, landed);
  }
  const proposals = box ? proposeCrs(box, detection.ok ? detection.crs : null) : [];
  const advice =
    proposals.length > 0 ? joinMessages(...proposals.map((p) => p.message), WHAT_TO_DO) : NO_PROPOSAL;
  return {
    problem: { code: 'crs', severity: 'error', featureIndex: -1, message: joinMessages(message, advice) },
    proposals,
  };
}
