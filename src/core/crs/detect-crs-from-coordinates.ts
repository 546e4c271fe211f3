/**
 * Guesses the CRS of coordinates from their magnitudes alone. Every numerically plausible reading
 * (longitude-latitude, Gauss-Krüger with or without the zone prefix, Web Mercator) is reprojected,
 * and the one that lands nearest Cixi wins; the message says what was assumed and what was rejected.
 */
import type { Message, Position } from '../types.ts';
import {
  CIXI_LON_LAT,
  type Crs,
  type CrsDetection,
  type CrsDetectionResult,
  describeCrs,
  type GaussKrugerCrs,
  gaussKrugerCrs,
  hasZonePrefix,
  isGeographic,
  WEB_MERCATOR_MAX_M,
} from './crs.ts';
import { makeTransform } from './make-transform.ts';

/** Bounding box of raw input coordinates, in the input's own units. */
export type CoordinateBox = readonly [minX: number, minY: number, maxX: number, maxY: number];

/** Rough envelope of China including the South China Sea islands, degrees. */
const CHINA = { west: 73, south: 3, east: 136, north: 54 };
/** Northings of Gauss-Krüger data in China (about 18°N to 54°N), metres. */
const NORTHING_RANGE = [2e6, 6e6] as const;
/** Eastings within a zone once the prefix is removed, metres (±400 km around 500 000). */
const EASTING_RANGE = [1e5, 9e5] as const;
/** Beyond this distance from Cixi a result gets a warning, kilometres. */
const FAR_FROM_CIXI_KM = 500;

function isBox(input: Iterable<Position> | CoordinateBox): input is CoordinateBox {
  return Array.isArray(input) && input.length === 4 && input.every((value) => typeof value === 'number');
}

/**
 * The bounding box of the finite positions, or null when there are none.
 * @param input positions (x, y in any units) or an already computed box
 */
export function coordinateBox(input: Iterable<Position> | CoordinateBox): CoordinateBox | null {
  if (isBox(input)) return input.every(Number.isFinite) ? input : null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const position of input) {
    const x = position[0];
    const y = position[1];
    // Bad vertices are reported by validation; they must not decide the CRS.
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

/** True when every value can be a longitude (x) and a latitude (y) in degrees. */
export function isDegreeBox([minX, minY, maxX, maxY]: CoordinateBox): boolean {
  return minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
}

/** Where a reading of the coordinates puts them. */
export interface Placement {
  crs: Crs;
  /** Centre of the box, degrees. */
  centre: [number, number];
  distanceKm: number;
  insideChina: boolean;
}

/** Great-circle distance on a sphere of radius 6371 km (haversine); enough to rank guesses. */
export function distanceKm([lon1, lat1]: readonly number[], [lon2, lat2]: readonly number[]): number {
  const rad = Math.PI / 180;
  const dLat = ((lat2 ?? 0) - (lat1 ?? 0)) * rad;
  const dLon = ((lon2 ?? 0) - (lon1 ?? 0)) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos((lat1 ?? 0) * rad) * Math.cos((lat2 ?? 0) * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Where the box lands when read in `crs`, or null when any corner cannot be transformed or is not
 * on the Earth.
 */
export function placeBox(crs: Crs, box: CoordinateBox): Placement | null {
  const transform = makeTransform(crs);
  const [minX, minY, maxX, maxY] = box;
  const points = [
    transform(minX, minY),
    transform(maxX, maxY),
    transform(minX, maxY),
    transform(maxX, minY),
    transform((minX + maxX) / 2, (minY + maxY) / 2),
  ];
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return null;
  }
  const centre = points[4] as [number, number];
  const insideChina = points.every(
    ([lon, lat]) => lon >= CHINA.west && lon <= CHINA.east && lat >= CHINA.south && lat <= CHINA.north,
  );
  return { crs, centre, distanceKm: distanceKm(centre, CIXI_LON_LAT), insideChina };
}

/** The projected readings whose value ranges fit the box. */
function projectedCandidates([minX, minY, maxX, maxY]: CoordinateBox): Crs[] {
  const candidates: Crs[] = [];
  const northingFits = minY >= NORTHING_RANGE[0] && maxY <= NORTHING_RANGE[1];
  const zone = Math.floor(minX / 1e6);
  if (northingFits && zone === Math.floor(maxX / 1e6)) {
    const inZone = [minX - zone * 1e6, maxX - zone * 1e6];
    const eastingFits = inZone.every((value) => value >= EASTING_RANGE[0] && value <= EASTING_RANGE[1]);
    let prefixed: GaussKrugerCrs | null = null;
    if (zone >= 25 && zone <= 45) prefixed = gaussKrugerCrs(3, zone * 3, true);
    else if (zone >= 13 && zone <= 23) prefixed = gaussKrugerCrs(6, zone * 6 - 3, true);
    if (eastingFits && prefixed) candidates.push(prefixed);
  }
  if (northingFits && minX >= EASTING_RANGE[0] && maxX <= EASTING_RANGE[1]) {
    // Without the prefix the zone cannot be read from the numbers: Cixi's own zone is assumed.
    const cixiZone = gaussKrugerCrs(3, 120, false);
    if (cixiZone) candidates.push(cixiZone);
  }
  if (Math.max(Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY)) <= WEB_MERCATOR_MAX_M) {
    candidates.push({ kind: 'web-mercator' });
  }
  return candidates;
}

/** Readings of the box that land on the Earth, best first: inside China, then nearest Cixi. */
function placements(box: CoordinateBox): Placement[] {
  const crsList: Crs[] = isDegreeBox(box) ? [{ kind: 'wgs84' }] : projectedCandidates(box);
  return crsList
    .map((crs) => placeBox(crs, box))
    .filter((placement): placement is Placement => placement !== null)
    .sort((a, b) => Number(b.insideChina) - Number(a.insideChina) || a.distanceKm - b.distanceKm);
}

/** A number as a message shows it: metres to the metre, degrees to 1e-6. */
export function formatCoordinate(value: number): string {
  return Math.abs(value) >= 1000 ? String(Math.round(value)) : String(Number(value.toFixed(6)));
}

/** "x 40512345–40519876, y 3338000–3342000" in both languages. */
export function describeBox([minX, minY, maxX, maxY]: CoordinateBox): Message {
  const text = `x ${formatCoordinate(minX)}…${formatCoordinate(maxX)}, y ${formatCoordinate(minY)}…${formatCoordinate(maxY)}`;
  return { zh: text, en: text };
}

function formatLonLat([lon, lat]: readonly number[]): string {
  return `${(lon ?? 0).toFixed(3)}°E, ${(lat ?? 0).toFixed(3)}°N`;
}

/** Warning when a result lies far from Cixi or outside China, or undefined. */
export function distanceWarning(placement: Placement): Message | undefined {
  if (placement.insideChina && placement.distanceKm <= FAR_FROM_CIXI_KM) return undefined;
  const km = Math.round(placement.distanceKm);
  const where = formatLonLat(placement.centre);
  return {
    zh: `注意：数据中心位于 ${where}，距慈溪约 ${km} 公里${placement.insideChina ? '' : '，不在中国境内'}，请核对坐标系。`,
    en: `Note: the data is centred on ${where}, about ${km} km from Cixi${placement.insideChina ? '' : ', outside China'}; check the coordinate system.`,
  };
}

/** Why a reading was chosen, beyond its name. */
function assumption(crs: Crs): Message {
  if (crs.kind === 'gauss-kruger' && hasZonePrefix(crs)) {
    return {
      zh: `东坐标的前两位 ${crs.zone} 是带号；假定基准为 CGCS2000，若数据实为西安80或北京54坐标，位置会偏差数十至上百米。`,
      en: `the leading digits ${crs.zone} of the easting are the zone number; the datum is assumed to be CGCS2000 (data on Xian 1980 or Beijing 1954 would be off by tens to a hundred metres or more).`,
    };
  }
  if (crs.kind === 'gauss-kruger') {
    return {
      zh: `东坐标不含带号，无法从数值判断中央经线，假定为慈溪所在的 3 度带第 ${crs.zone} 带（中央经线 ${crs.centralMeridian}°E）；若数据属于其他带，请手动选择坐标系。`,
      en: `the easting has no zone prefix, so the central meridian cannot be read from the numbers; Cixi's own 3-degree zone ${crs.zone} (central meridian ${crs.centralMeridian}°E) is assumed. If the data is in another zone, choose the coordinate system by hand.`,
    };
  }
  if (crs.kind === 'web-mercator') {
    return { zh: '数值在 Web 墨卡托的范围内。', en: 'the values are in the Web Mercator range.' };
  }
  return {
    zh: '数值为经纬度，按 WGS84/CGCS2000 经纬度处理（两者相差不足 1 米）。',
    en: 'the values are degrees, used as WGS 84/CGCS2000 longitude/latitude (the two differ by less than 1 m).',
  };
}

/** Joins messages into one, sentence by sentence. */
export function joinMessages(...messages: (Message | undefined)[]): Message {
  const present = messages.filter((message): message is Message => message !== undefined);
  return { zh: present.map((m) => m.zh).join(''), en: present.map((m) => m.en).join(' ') };
}

function detectionFor(best: Placement, box: CoordinateBox, rejected: Placement[]): CrsDetection {
  const name = describeCrs(best.crs);
  const range = describeBox(box);
  const why = assumption(best.crs);
  const alternatives = rejected.map((other) => {
    const otherName = describeCrs(other.crs);
    const where = formatLonLat(other.centre);
    const km = Math.round(other.distanceKm);
    return {
      zh: `也可解释为 ${otherName.zh}，但那样数据会落在 ${where}（距慈溪约 ${km} 公里），已采用距慈溪最近的解释。`,
      en: `The values could also be ${otherName.en}, but the data would then lie at ${where} (about ${km} km from Cixi); the reading nearest Cixi was taken.`,
    };
  });
  const warning = distanceWarning(best);
  return {
    ok: true,
    crs: best.crs,
    source: 'coordinates',
    // Longitude-latitude is what RFC 7946 prescribes; anything else from magnitudes alone is a guess.
    confidence: isGeographic(best.crs) ? 'certain' : 'assumed',
    message: joinMessages(
      {
        zh: `根据坐标数值（${range.zh}）推断为 ${name.zh}：${why.zh}`,
        en: `Inferred ${name.en} from the coordinate values (${range.en}): ${why.en}`,
      },
      ...alternatives,
      warning,
    ),
    ...(warning ? { warning } : {}),
  };
}

/**
 * Guesses the CRS from coordinate magnitudes. |x| ≤ 180 and |y| ≤ 90 → longitude-latitude
 * (`certain`); x with a zone prefix (13–23 or 25–45) and y in 2e6–6e6 m → Gauss-Krüger of that zone;
 * x in 1e5–9e5 m → Gauss-Krüger without prefix, Cixi's zone 40 (120°E) assumed; |x|, |y| ≤ 20 037 508 m
 * → Web Mercator. Where several readings fit, each is reprojected and the one nearest Cixi (121.25°E,
 * 30.17°N) inside China wins. Swapped axes (northing first) and impossible values are failures.
 * @param input positions (x = easting or longitude) or their bounding box [minX, minY, maxX, maxY]
 * @returns a detection (source `coordinates`, or `default` when there are no finite coordinates) or a failure
 */
export function detectCrsFromCoordinates(input: Iterable<Position> | CoordinateBox): CrsDetectionResult {
  const box = coordinateBox(input);
  if (!box) {
    return {
      ok: true,
      crs: { kind: 'wgs84' },
      source: 'default',
      confidence: 'assumed',
      message: {
        zh: '没有可用的坐标，按 WGS84 经纬度处理。',
        en: 'There are no usable coordinates; WGS 84 longitude/latitude is assumed.',
      },
    };
  }
  const [best, ...rejected] = placements(box);
  if (best?.insideChina) {
    return detectionFor(
      best,
      box,
      rejected.filter((other) => other.insideChina),
    );
  }
  const [minX, minY, maxX, maxY] = box;
  const swapped = placements([minY, minX, maxY, maxX])[0];
  if (swapped?.insideChina) {
    const swappedName = describeCrs(swapped.crs);
    return {
      ok: false,
      reason: 'axis-swapped',
      source: 'coordinates',
      message: {
        zh: `坐标的 x、y 似乎颠倒了（${describeBox(box).zh}）：交换后可解释为 ${swappedName.zh}，位于 ${formatLonLat(swapped.centre)}。测绘习惯中 X 为北坐标，而 GIS 文件要求 x 为东坐标或经度；请在 GIS 软件或表格中交换两列后再导入。`,
        en: `The x and y coordinates seem to be swapped (${describeBox(box).en}): swapped, they read as ${swappedName.en} at ${formatLonLat(swapped.centre)}. Surveyors write the northing as X, but GIS files need x to be the easting or longitude; swap the two columns in a GIS or spreadsheet and import again.`,
      },
    };
  }
  if (best) return detectionFor(best, box, []);
  return {
    ok: false,
    reason: 'out-of-range',
    source: 'coordinates',
    message: {
      zh: `无法识别坐标（${describeBox(box).zh}）：既不是经纬度（x 在 ±180、y 在 ±90 之内），也不是高斯-克吕格坐标（北坐标 2000000–6000000 米，东坐标 100000–900000 米或带带号）或 Web 墨卡托坐标（±20037508 米）。请确认坐标系，或在 GIS 软件中导出为 CGCS2000 经纬度（EPSG:4490）后再导入。`,
      en: `The coordinates cannot be recognised (${describeBox(box).en}): they are neither degrees (x within ±180, y within ±90), nor Gauss-Krüger (northing 2,000,000–6,000,000 m, easting 100,000–900,000 m or with a zone prefix), nor Web Mercator (±20,037,508 m). Check the coordinate system, or export to CGCS2000 longitude/latitude (EPSG:4490) in a GIS and import again.`,
    },
  };
}
