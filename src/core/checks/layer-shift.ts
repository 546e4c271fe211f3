/**
 * Whether a whole layer looks moved: when many of its features lie outside the county or on water,
 * the one translation that puts most of them back inside the county and on land is searched for,
 * and named by its size: the GCJ-02 offset (about 500 m here), a wrong Gauss-Krüger zone (3° or 6°
 * of longitude), a datum read as another (Xi'an 80 or Beijing 54 as CGCS2000, up to a few hundred
 * metres), or another consistent offset. A hint only: it never moves anything.
 */

import {
  boxStateInZones,
  INSIDE,
  isPointInZones,
  NEAR_EDGE,
  type ZoneLayer,
} from '../analysis/zone-layer.ts';
import { gcj02ToWgs84 } from '../crs/gcj02.ts';
import type { Message } from '../types.ts';
import type { PreparedReference } from './check-reference.ts';

export type LayerShiftKind = 'gcj02' | 'zone' | 'datum' | 'offset';

export interface LayerShift {
  kind: LayerShiftKind;
  /** The move that would put the layer in place, metres east and north (rounded to 10 m). */
  eastM: number;
  northM: number;
  /** Share of the sampled features inside the county and on land as read, and after the move. */
  placedBefore: number;
  placedAfter: number;
  message: Message;
}

/** At most this many features are sampled (evenly through the layer). */
const SAMPLE_SIZE = 200;
/** The search: a grid of moves up to GRID_RADIUS_M in steps of GRID_STEP_M, then a finer one around the best. */
const GRID_RADIUS_M = 5000;
const GRID_STEP_M = 250;
const FINE_RADIUS_M = 250;
const FINE_STEP_M = 25;
/** Metres per degree of latitude near 30°N (an approximation is enough for a hint). */
const M_PER_DEGREE = 110_900;
/** A move within this of the GCJ-02 offset (or of a zone width) is named as that, metres. */
const NAMED_WITHIN_M = 300;
/** Larger moves than this (and not GCJ-02 or a zone) are "another offset" rather than a datum, metres. */
const DATUM_MAX_M = 400;

function isPointIn(zones: ZoneLayer, x: number, y: number): boolean {
  const state = boxStateInZones(zones, [x, y, x, y]);
  return state === NEAR_EDGE ? isPointInZones(zones, x, y) : state === INSIDE;
}

/**
 * The move, if any, that would put a misplaced layer in place.
 * @param centres feature centres, lon/lat pairs (NaN for features without geometry)
 * @param misplaced how many features lie outside the county or on water
 * @returns null when few features are misplaced (under 3, or under a tenth) or no move places most of them
 */
export function detectLayerShift(
  centres: Float64Array,
  misplaced: number,
  reference: PreparedReference,
): LayerShift | null {
  let placeable = 0;
  for (let i = 0; i < centres.length / 2; i++) if (Number.isFinite(centres[2 * i])) placeable++;
  if (misplaced < 3 || misplaced < 0.1 * placeable) return null;
  const valid: number[] = [];
  for (let i = 0; i < centres.length / 2; i++) if (Number.isFinite(centres[2 * i])) valid.push(i);
  const step = Math.max(1, valid.length / SAMPLE_SIZE);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < valid.length; k += step) {
    const i = valid[Math.floor(k)] as number;
    xs.push(centres[2 * i] as number);
    ys.push(centres[2 * i + 1] as number);
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
  const cx = sorted(xs);
  const cy = sorted(ys);
  const mPerDegreeX = M_PER_DEGREE * Math.cos((cy * Math.PI) / 180);
  const { county, land, landExtent } = reference;
  const placedBy = (eastM: number, northM: number): number => {
    const dx = eastM / mPerDegreeX;
    const dy = northM / M_PER_DEGREE;
    let placed = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = (xs[k] as number) + dx;
      const y = (ys[k] as number) + dy;
      if (!isPointIn(county, x, y)) continue;
      const known =
        land &&
        landExtent &&
        x >= landExtent[0] &&
        x <= landExtent[2] &&
        y >= landExtent[1] &&
        y <= landExtent[3];
      if (!known || isPointIn(land, x, y)) placed++;
    }
    return placed;
  };
  const before = placedBy(0, 0);

  // Many moves place nearly as many features as the best: the shortest of those is the one meant.
  const tried: { eastM: number; northM: number; placed: number }[] = [];
  const consider = (eastM: number, northM: number) => {
    tried.push({ eastM, northM, placed: placedBy(eastM, northM) });
  };
  const searchAround = (east0: number, north0: number, radius: number, stepM: number) => {
    for (let east = -radius; east <= radius; east += stepM)
      for (let north = -radius; north <= radius; north += stepM) consider(east0 + east, north0 + north);
  };
  const slack = Math.max(1, Math.floor(0.02 * xs.length));
  const shortestNearBest = () => {
    const most = Math.max(...tried.map((move) => move.placed));
    let chosen = { eastM: 0, northM: 0, placed: before };
    for (const move of tried) {
      if (move.placed < most - slack) continue;
      if (
        chosen.placed < most - slack ||
        Math.hypot(move.eastM, move.northM) < Math.hypot(chosen.eastM, chosen.northM)
      )
        chosen = move;
    }
    return chosen;
  };
  searchAround(0, 0, GRID_RADIUS_M, GRID_STEP_M);
  const [gcjX, gcjY] = gcj02ToWgs84(cx, cy);
  const gcj = { eastM: (gcjX - cx) * mPerDegreeX, northM: (gcjY - cy) * M_PER_DEGREE };
  consider(gcj.eastM, gcj.northM);
  const zoneMoves = [3, -3, 6, -6].map((degrees) => degrees * mPerDegreeX);
  for (const east of zoneMoves) searchAround(east, 0, GRID_RADIUS_M, GRID_STEP_M * 4);
  const coarse = shortestNearBest();
  searchAround(coarse.eastM, coarse.northM, FINE_RADIUS_M, FINE_STEP_M);
  const best = shortestNearBest();

  const n = xs.length;
  const fixesMost = best.placed - before >= Math.max(2, 0.5 * (n - before)) && best.placed >= 0.8 * n;
  if (!fixesMost || Math.hypot(best.eastM, best.northM) < 30) return null;

  // A named cause is preferred when it places (nearly) as many as the best move.
  const gcjPlaced = placedBy(gcj.eastM, gcj.northM);
  const near = (a: { eastM: number; northM: number }, b: { eastM: number; northM: number }) =>
    Math.hypot(a.eastM - b.eastM, a.northM - b.northM) <= NAMED_WITHIN_M;
  let kind: LayerShiftKind;
  let move = best;
  if (near(best, gcj) || gcjPlaced >= best.placed - slack) {
    kind = 'gcj02';
    move = { ...gcj, placed: Math.max(gcjPlaced, best.placed) };
  } else if (zoneMoves.some((east) => Math.abs(best.eastM - east) <= GRID_RADIUS_M)) kind = 'zone';
  else if (Math.hypot(best.eastM, best.northM) <= DATUM_MAX_M) kind = 'datum';
  else kind = 'offset';
  const eastM = Math.round(move.eastM / 10) * 10;
  const northM = Math.round(move.northM / 10) * 10;
  return {
    kind,
    eastM,
    northM,
    placedBefore: before / n,
    placedAfter: move.placed / n,
    message: shiftMessage(kind, eastM, northM, before / n, move.placed / n),
  };
}

function shiftMessage(
  kind: LayerShiftKind,
  eastM: number,
  northM: number,
  before: number,
  after: number,
): Message {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const distance = Math.hypot(eastM, northM);
  const size = {
    zh: distance >= 10_000 ? `${Math.round(distance / 1000)} 公里` : `${Math.round(distance)} 米`,
    en: distance >= 10_000 ? `${Math.round(distance / 1000)} km` : `${Math.round(distance)} m`,
  };
  const direction = {
    zh: `${eastM >= 0 ? '向东' : '向西'} ${Math.abs(eastM)} 米、${northM >= 0 ? '向北' : '向南'} ${Math.abs(northM)} 米`,
    en: `${Math.abs(eastM)} m ${eastM >= 0 ? 'east' : 'west'}, ${Math.abs(northM)} m ${northM >= 0 ? 'north' : 'south'}`,
  };
  const lead = {
    zh: `整个图层似乎整体偏移了：按现在的读法只有 ${percent(before)} 的要素落在县界内的陆地上，整体移动约 ${size.zh}（${direction.zh}）后为 ${percent(after)}。`,
    en: `The whole layer looks shifted: as read, ${percent(before)} of its features lie on land inside the county; moved by about ${size.en} (${direction.en}) ${percent(after)} would.`,
  };
  const cause: Record<LayerShiftKind, Message> = {
    gcj02: {
      zh: '这正是 GCJ-02 坐标（高德、腾讯等国内网络地图使用的加密坐标）与 WGS84 之间的偏移：如果数据是从这类地图上描绘的，请在“坐标系”中选择 GCJ-02 重新读取。',
      en: 'This is the offset between GCJ-02 (the coordinates of Chinese web maps such as Amap and Tencent) and WGS84: if the data were traced from such a map, choose GCJ-02 under "Coordinate system" and read it again.',
    },
    zone: {
      zh: '移动量约为一个高斯-克吕格投影带的宽度（经度 3° 或 6°）：可能用错了投影带（中央经线）。请在“坐标系”中选择正确的投影带重新读取。',
      en: 'The move is about one Gauss-Krüger zone width (3° or 6° of longitude): the zone (central meridian) is probably wrong. Choose the right zone under "Coordinate system" and read it again.',
    },
    datum: {
      zh: '几百米以内的整体偏移常见于大地基准用错：把西安80或北京54坐标当作 CGCS2000 读取（或反过来）。请确认数据的坐标系，必要时先在 GIS 软件中转换到 CGCS2000 再导入。',
      en: 'A consistent offset of up to a few hundred metres is typical of a datum read as another: Xi’an 80 or Beijing 54 coordinates read as CGCS2000 (or the reverse). Check the data’s coordinate system and, if needed, convert it to CGCS2000 in a GIS before importing.',
    },
    offset: {
      zh: '整个图层有一致的偏移。请检查数据的坐标系（投影带、大地基准、东向加常数）和来源。',
      en: 'The whole layer is offset consistently. Check its coordinate system (zone, datum, false easting) and where it came from.',
    },
  };
  return { zh: lead.zh + cause[kind].zh, en: `${lead.en} ${cause[kind].en}` };
}
