/**
 * Deterministic synthetic sample plan for Cixi (示例数据（虚构）): town development boundaries,
 * industrial control zones and industrial plots on the real county outline, coast and town and
 * village names of data/basemap/. Same seed and count, same output; plots never overlap and all
 * their vertices lie inside the 慈溪市 outline and on land.
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { geometryAreaM2, M2_PER_MU } from '../../src/core/geometry/ellipsoidal-area.ts';
import {
  type Bbox,
  bboxOfRings,
  convexPolygonsOverlap,
  type MultiPolygon,
  type Point,
  PointInAreaIndex,
  type Polygon,
  type Ring,
  ringSignedAreaDeg2,
} from './planar.ts';
import { Random } from './prng.ts';

export const SAMPLE_LABEL = '示例数据（虚构）';
export const PILOT_DONGSHANTOU = '东山头村工业集聚点（一期）';
export const PILOT_WULI = '五里村工业集聚点';

const DEFAULT_BASEMAP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'basemap');
const DECIMALS = 7;

export interface SampleOptions {
  /** 32-bit seed. */
  seed: number;
  /** Number of plots wanted; the result has this many unless the land runs out (it is reported). */
  plots: number;
  /** Folder with counties.geojson, land.geojson and divisions.json; data/basemap by default. */
  basemapDir?: string;
}

export interface SampleFeature {
  type: 'Feature';
  id?: string;
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: MultiPolygon };
}

export interface SampleCollection {
  type: 'FeatureCollection';
  name: string;
  label: typeof SAMPLE_LABEL;
  features: SampleFeature[];
}

export interface SamplePlan {
  boundary: SampleCollection;
  control: SampleCollection;
  plots: SampleCollection;
  /** How the plots were placed, for the report; not part of the data. */
  stats: { park: number; village: number; outside: number; crossing: number; pilot: number; missing: number };
}

interface Division {
  code: string;
  name: string;
  lon: number;
  lat: number;
  villages: Array<{ code: string; name: string; virtual?: boolean }>;
}

interface Town {
  code: string;
  name: string;
  seat: Point;
  isZone: boolean;
  radiusM: number;
  weight: number;
  villages: Village[];
  boundary: PointInAreaIndex | null;
  zones: Zone[];
}

interface Village {
  code: string;
  name: string;
  centre: Point;
}

interface Zone {
  id: string;
  town: Town;
  index: PointInAreaIndex;
  areaM2: number;
}

interface PlacedPlot {
  town: Town;
  village: Village;
  kind: 'park' | 'village' | 'outside';
  crossing: boolean;
  pilot?: string;
  /** Polygons in local metres, outer rings counter-clockwise, holes clockwise, closed. */
  polygons: MultiPolygon;
}

// A local equirectangular frame in metres around Cixi; good to well under 1 % over the county,
// which is all the placement needs (plot attributes use the ellipsoidal area of the output).
const LON0 = 121.3;
const LAT0 = 30.2;
const WGS84_A = 6378137;
const WGS84_E2 = 0.00669437999014;
const SIN0 = Math.sin((LAT0 * Math.PI) / 180);
const W0 = Math.sqrt(1 - WGS84_E2 * SIN0 * SIN0);
const M_PER_DEG_LON = (((Math.PI / 180) * WGS84_A) / W0) * Math.cos((LAT0 * Math.PI) / 180);
const M_PER_DEG_LAT = ((Math.PI / 180) * WGS84_A * (1 - WGS84_E2)) / (W0 * W0 * W0);

function toLocal([lon = 0, lat = 0]: Point): Point {
  return [(lon - LON0) * M_PER_DEG_LON, (lat - LAT0) * M_PER_DEG_LAT];
}

function toLonLat([x = 0, y = 0]: Point): Point {
  const factor = 10 ** DECIMALS;
  return [
    Math.round((LON0 + x / M_PER_DEG_LON) * factor) / factor,
    Math.round((LAT0 + y / M_PER_DEG_LAT) * factor) / factor,
  ];
}

function multiToLocal(multiPolygon: MultiPolygon): MultiPolygon {
  return multiPolygon.map((polygon) => polygon.map((ring) => ring.map(toLocal)));
}

function multiToLonLat(multiPolygon: MultiPolygon): MultiPolygon {
  return multiPolygon.map((polygon) => polygon.map((ring) => ring.map(toLonLat)));
}

function distance([x1 = 0, y1 = 0]: Point, [x2 = 0, y2 = 0]: Point): number {
  return Math.hypot(x2 - x1, y2 - y1);
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function geometryOf(multiPolygon: MultiPolygon): SampleFeature['geometry'] {
  return multiPolygon.length === 1
    ? { type: 'Polygon', coordinates: multiPolygon[0] as Polygon }
    : { type: 'MultiPolygon', coordinates: multiPolygon };
}

/** A closed ring from an open list of points, counter-clockwise unless `clockwise`. */
function closedRing(points: Ring, clockwise = false): Ring {
  const ring = [...points, points[0] as Point];
  const isCounterClockwise = ringSignedAreaDeg2(ring) > 0;
  return isCounterClockwise === clockwise ? ring.reverse() : ring;
}

function transform(points: Ring, centre: Point, angle: number): Ring {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const [cx = 0, cy = 0] = centre;
  return points.map(([x = 0, y = 0]) => [cx + x * cos - y * sin, cy + x * sin + y * cos]);
}

/** Clips local-metre polygons to an area given in lon/lat; returns lon/lat polygons rounded to 7 decimals. */
function clipToArea(local: MultiPolygon, areaLonLat: MultiPolygon): MultiPolygon {
  const lonLat = multiToLonLat(local);
  const clipped = polygonClipping.intersection(lonLat as PcMultiPolygon, areaLonLat as PcMultiPolygon);
  const factor = 10 ** DECIMALS;
  return (clipped as MultiPolygon).map((polygon) =>
    polygon.map((ring) =>
      ring.map(([x = 0, y = 0]) => [Math.round(x * factor) / factor, Math.round(y * factor) / factor]),
    ),
  );
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

const INDUSTRIES: ReadonlyArray<{ name: string; word: string; weight: number; pollution: number }> = [
  { name: '家电', word: '电器', weight: 20, pollution: 0.04 },
  { name: '汽配', word: '汽车部件', weight: 12, pollution: 0.05 },
  { name: '轴承', word: '轴承', weight: 8, pollution: 0.05 },
  { name: '五金', word: '五金', weight: 12, pollution: 0.06 },
  { name: '塑料制品', word: '塑业', weight: 10, pollution: 0.1 },
  { name: '纺织', word: '纺织', weight: 7, pollution: 0.1 },
  { name: '化纤', word: '化纤', weight: 4, pollution: 0.2 },
  { name: '电子元件', word: '电子', weight: 8, pollution: 0.05 },
  { name: '模具', word: '模具', weight: 6, pollution: 0.04 },
  { name: '机械', word: '机械', weight: 8, pollution: 0.04 },
  { name: '服装', word: '服饰', weight: 4, pollution: 0.02 },
  { name: '包装', word: '包装', weight: 4, pollution: 0.06 },
  { name: '食品', word: '食品', weight: 3, pollution: 0.05 },
  { name: '新材料', word: '新材料', weight: 3, pollution: 0.08 },
  { name: '印染', word: '印染', weight: 2, pollution: 0.6 },
  { name: '电镀', word: '表面处理', weight: 1, pollution: 0.8 },
];

// Two-character trade names, chosen to sound like local firms; any match with a real firm is chance.
const FIRM_WORDS = [
  '恒利',
  '金鑫',
  '东方',
  '宏达',
  '永丰',
  '华翔',
  '瑞峰',
  '天成',
  '新光',
  '德力',
  '海韵',
  '卓越',
  '联创',
  '顺发',
  '凯旋',
  '汇丰',
  '盛世',
  '博远',
  '三联',
  '兴业',
  '欣荣',
  '嘉禾',
  '明辉',
  '长青',
  '鼎盛',
  '和泰',
  '精工',
  '协力',
  '远航',
  '振华',
  '佳乐',
  '合力',
  '中天',
  '亿达',
  '旭日',
  '宇峰',
  '康达',
  '立新',
  '通宝',
  '润泽',
  '晨光',
  '锦程',
];

/**
 * Generates the sample plan.
 * @param options seed, plot count and the base map folder
 * @returns three FeatureCollections (WGS84 lon/lat, 7 decimals) and placement counts
 */
export function generateSamplePlan(options: SampleOptions): SamplePlan {
  const { seed, plots: plotCount } = options;
  if (!Number.isInteger(plotCount) || plotCount < 1)
    throw new Error(`plots must be a positive integer, got ${plotCount}.`);
  const basemapDir = options.basemapDir ?? DEFAULT_BASEMAP_DIR;
  const random = new Random(seed);

  const counties = readJson<{ features: SampleFeature[] }>(join(basemapDir, 'counties.geojson'));
  const cixiFeature = counties.features.find((feature) => feature.properties.isCixi === true);
  if (!cixiFeature) throw new Error(`No feature with isCixi in ${basemapDir}/counties.geojson.`);
  const land = readJson<{ features: SampleFeature[] }>(join(basemapDir, 'land.geojson'));
  const landLonLat = land.features.flatMap((feature) =>
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates,
  );
  const cixiLonLat =
    cixiFeature.geometry.type === 'Polygon'
      ? [cixiFeature.geometry.coordinates]
      : cixiFeature.geometry.coordinates;
  // Everything is placed on land inside the county: the county outline reaches far into the bay.
  const regionLonLat = polygonClipping.intersection(
    cixiLonLat as PcMultiPolygon,
    landLonLat as PcMultiPolygon,
  ) as MultiPolygon;
  const region = new PointInAreaIndex(multiToLocal(regionLonLat));
  const divisions = readJson<{ towns: Division[] }>(join(basemapDir, 'divisions.json'));

  // Scale for county-sized sets: 100,000 plots of 2–80 亩 would not fit on Cixi's land, so plots
  // shrink (area × sqrt(3000 / n)) and control zones grow to keep them about a third full.
  const plotAreaScale = Math.min(1, Math.sqrt(3000 / plotCount));
  const parkAreaNeededM2 = 0.6 * plotCount * 10_400 * plotAreaScale;
  const zoneScale = Math.max(1, Math.min(2.5, Math.sqrt(parkAreaNeededM2 / (0.3 * 63e6))));
  const boundaryScale = Math.sqrt(zoneScale);

  const towns = makeTowns(divisions.towns, random, region, boundaryScale);
  const boundaryFeatures = makeBoundaries(towns, random, regionLonLat);
  const controlFeatures = makeControlZones(towns, random, region, regionLonLat, zoneScale);
  const allZones = towns.flatMap((town) => town.zones);
  const boundaries = towns.map((town) => town.boundary).filter((index) => index !== null);

  const placer = new PlotPlacer(region);
  const inAnyBoundary = ([x = 0, y = 0]: Point) => boundaries.some((index) => index.contains(x, y));
  const inAnyZone = ([x = 0, y = 0]: Point) => allZones.some((zone) => zone.index.contains(x, y));
  const placed: PlacedPlot[] = [];

  // Drawn within 2.2–75 亩 so that the jittered, corner-cut shapes stay within 2–80 亩.
  const drawAreaM2 = () => Math.min(75, Math.max(2.2, random.logNormal(13, 0.6))) * M2_PER_MU * plotAreaScale;

  // Pilots first, so that they are always there: village clusters near the 观海卫镇 seat.
  const guan = towns.find((town) => town.code === '330282107');
  if (!guan) throw new Error('观海卫镇 (330282107) is missing from divisions.json.');
  for (const [villageCode, pilot, count, offset] of [
    ['330282107211', PILOT_DONGSHANTOU, 10, [1400, 1000]],
    ['330282107208', PILOT_WULI, 8, [-1500, 700]],
  ] as const) {
    const village = guan.villages.find((candidate) => candidate.code === villageCode);
    if (!village) throw new Error(`Pilot village ${villageCode} is missing from divisions.json.`);
    village.centre = [(guan.seat[0] ?? 0) + offset[0], (guan.seat[1] ?? 0) + offset[1]];
    let made = 0;
    for (let attempt = 0; attempt < 400 && made < count; attempt++) {
      const centre = jitter(random, village.centre, 220);
      const polygons = plotShape(random, centre, drawAreaM2(), random.uniform(-0.4, 0.4));
      if (polygons.some((polygon) => (polygon[0] as Ring).some(inAnyZone))) continue;
      if (!placer.tryAdd(polygons)) continue;
      const kind = inAnyBoundary(centre) ? 'village' : 'outside';
      placed.push({ town: guan, village, kind, crossing: false, pilot, polygons });
      made++;
    }
  }

  const villageTowns = towns.filter((town) => !town.isZone && town.boundary !== null);
  let failures = 0;
  const maxFailures = plotCount * 60;
  const tryPlace = (kind: PlacedPlot['kind']): PlacedPlot | null => {
    const areaM2 = drawAreaM2();
    let plot: PlacedPlot | null = null;
    if (kind === 'park') {
      const zone = random.weighted(allZones, (candidate) => candidate.areaM2 * candidate.town.weight);
      const town = zone.town;
      const crossing = random.chance(0.04);
      const centre = randomPointIn(random, zone.index, 20);
      if (centre) {
        const angle = random.uniform(-0.15, 0.15) + (crossing ? random.uniform(0, Math.PI) : 0);
        const polygons = plotShape(random, centre, areaM2, angle);
        const outer = polygons.flatMap((polygon) => polygon[0] as Ring);
        const inside = outer.filter(([x = 0, y = 0]) => zone.index.contains(x, y)).length;
        const ok = crossing ? inside > 0 && inside < outer.length : inside === outer.length;
        if (ok && placer.tryAdd(polygons)) {
          plot = { town, village: nearestVillage(town, centre), kind, crossing, polygons };
        }
      }
    } else {
      const town = random.weighted(villageTowns, (candidate) => candidate.weight);
      const crossing = kind === 'outside' && random.chance(0.05);
      const wantInside = kind === 'village';
      const candidates = town.villages.filter((village) => inAnyBoundary(village.centre) === wantInside);
      const village = candidates.length > 0 ? random.pick(candidates) : random.pick(town.villages);
      const centre = jitter(random, village.centre, 350 * boundaryScale);
      const polygons = plotShape(random, centre, areaM2, random.uniform(-0.6, 0.6));
      const outer = polygons.flatMap((polygon) => polygon[0] as Ring);
      const inBoundary = outer.filter(inAnyBoundary).length;
      const ok = wantInside
        ? inBoundary === outer.length && !outer.some(inAnyZone)
        : crossing
          ? !inAnyBoundary(centre) && inBoundary > 0
          : inBoundary === 0;
      if (ok && placer.tryAdd(polygons)) plot = { town, village, kind, crossing, polygons };
    }
    return plot;
  };
  while (placed.length < plotCount && failures < maxFailures) {
    const roll = random.next();
    const kind = roll < 0.6 ? 'park' : roll < 0.85 ? 'village' : 'outside';
    // Retry within the kind, so that the shares stay as drawn when one kind is harder to place.
    let plot: PlacedPlot | null = null;
    for (let attempt = 0; attempt < 50 && !plot; attempt++) {
      plot = tryPlace(kind);
      if (!plot) failures++;
    }
    if (plot) placed.push(plot);
  }
  if (placed.length < plotCount) {
    console.warn(
      `Placed ${placed.length} of ${plotCount} plots: the land ran out after ${failures} failed tries.`,
    );
  }

  const { features: plotFeatures, missing } = makePlotFeatures(placed, random);
  const stats = {
    park: placed.filter((plot) => plot.kind === 'park').length,
    village: placed.filter((plot) => plot.kind === 'village').length,
    outside: placed.filter((plot) => plot.kind === 'outside').length,
    crossing: placed.filter((plot) => plot.crossing).length,
    pilot: placed.filter((plot) => plot.pilot).length,
    missing,
  };
  return {
    boundary: {
      type: 'FeatureCollection',
      name: '城镇开发边界',
      label: SAMPLE_LABEL,
      features: boundaryFeatures,
    },
    control: {
      type: 'FeatureCollection',
      name: '工业控制线',
      label: SAMPLE_LABEL,
      features: controlFeatures,
    },
    plots: { type: 'FeatureCollection', name: '工业用地地块', label: SAMPLE_LABEL, features: plotFeatures },
    stats,
  };
}

function jitter(random: Random, [x = 0, y = 0]: Point, sigmaM: number): Point {
  return [x + random.normal() * sigmaM, y + random.normal() * sigmaM];
}

function randomPointIn(random: Random, index: PointInAreaIndex, tries: number): Point | null {
  const [minX, minY, maxX, maxY] = index.bbox;
  for (let i = 0; i < tries; i++) {
    const x = random.uniform(minX, maxX);
    const y = random.uniform(minY, maxY);
    if (index.contains(x, y)) return [x, y];
  }
  return null;
}

function nearestVillage(town: Town, point: Point): Village {
  let best = town.villages[0] as Village;
  let bestDistance = Infinity;
  for (const village of town.villages) {
    const d = distance(village.centre, point);
    if (d < bestDistance) {
      bestDistance = d;
      best = village;
    }
  }
  return best;
}

function makeTowns(
  divisions: Division[],
  random: Random,
  region: PointInAreaIndex,
  boundaryScale: number,
): Town[] {
  const seats = divisions.map((division) => toLocal([division.lon, division.lat]));
  return divisions.map((division, i) => {
    const seat = seats[i] as Point;
    const nearest = Math.min(...seats.filter((_, j) => j !== i).map((other) => distance(seat, other)));
    const radiusM = Math.min(2600, 0.55 * nearest) * random.uniform(0.9, 1.1) * boundaryScale;
    const isZone = division.code.slice(6, 7) === '4';
    const isStreet = division.code.slice(6, 7) === '0';
    const weight =
      ({ '330282107': 1.6, '330282121': 1.4, '330282123': 1.3 } as Record<string, number>)[division.code] ??
      (isZone ? 0.6 : isStreet ? 0.7 : 1.1);
    const realVillages = division.villages.filter((village) => village.virtual !== true);
    const villageList = realVillages.length > 0 ? realVillages : division.villages;
    const villages = villageList.map((village) => {
      const isCommunity = !village.name.endsWith('村');
      let centre = seat;
      for (let attempt = 0; attempt < 50; attempt++) {
        const r = radiusM * (isCommunity ? random.uniform(0, 0.75) : random.uniform(0.35, 2.1));
        const angle = random.uniform(0, 2 * Math.PI);
        const candidate = [(seat[0] ?? 0) + r * Math.cos(angle), (seat[1] ?? 0) + r * Math.sin(angle)];
        if (region.contains(candidate[0] ?? 0, candidate[1] ?? 0)) {
          centre = candidate;
          break;
        }
      }
      return { code: village.code, name: village.name, centre };
    });
    return {
      code: division.code,
      name: division.name,
      seat,
      isZone,
      radiusM,
      weight,
      villages,
      boundary: null,
      zones: [],
    };
  });
}

function makeBoundaries(towns: Town[], random: Random, regionLonLat: MultiPolygon): SampleFeature[] {
  const features: SampleFeature[] = [];
  for (const town of towns) {
    const vertexCount = random.int(12, 30);
    const phases = [random.uniform(0, 7), random.uniform(0, 7), random.uniform(0, 7)];
    const amplitudes = [random.uniform(0.05, 0.18), random.uniform(0.03, 0.12), random.uniform(0.02, 0.07)];
    const points: Ring = [];
    for (let i = 0; i < vertexCount; i++) {
      const angle = (2 * Math.PI * i) / vertexCount;
      let factor = 1 + random.uniform(-0.05, 0.05);
      for (let k = 0; k < 3; k++)
        factor += (amplitudes[k] ?? 0) * Math.sin((k + 1) * angle + (phases[k] ?? 0));
      points.push([
        (town.seat[0] ?? 0) + town.radiusM * factor * Math.cos(angle),
        (town.seat[1] ?? 0) + town.radiusM * factor * Math.sin(angle),
      ]);
    }
    const clipped = clipToArea([[closedRing(points)]], regionLonLat);
    if (clipped.length === 0) continue;
    town.boundary = new PointInAreaIndex(multiToLocal(clipped));
    features.push({ type: 'Feature', properties: { town: town.name }, geometry: geometryOf(clipped) });
  }
  return features;
}

function makeControlZones(
  towns: Town[],
  random: Random,
  region: PointInAreaIndex,
  regionLonLat: MultiPolygon,
  zoneScale: number,
): SampleFeature[] {
  const features: SampleFeature[] = [];
  const centres: Point[] = [];
  let serial = 0;
  for (const town of towns) {
    const count = town.isZone || town.weight > 1.2 ? random.int(4, 5) : random.int(2, 5);
    const gridAngle = random.uniform(-0.5, 0.5);
    // Small central streets get smaller blocks, so that most of each block stays inside its boundary.
    const sizeFactor = zoneScale * Math.min(1, town.radiusM / 2000);
    for (let n = 0; n < count; n++) {
      for (let attempt = 0; attempt < 40; attempt++) {
        const crossing = random.chance(0.1);
        const r = town.radiusM * (crossing ? random.uniform(0.9, 1.05) : Math.sqrt(random.next()) * 0.6);
        const angle = random.uniform(0, 2 * Math.PI);
        const centre = [(town.seat[0] ?? 0) + r * Math.cos(angle), (town.seat[1] ?? 0) + r * Math.sin(angle)];
        if (!region.contains(centre[0] ?? 0, centre[1] ?? 0)) continue;
        const length = random.uniform(700, 1600) * sizeFactor;
        const width = random.uniform(400, 900) * sizeFactor;
        // Keep blocks mostly apart: no two centres closer than the mean of the new block's sides.
        if (centres.some((other) => distance(other, centre) < (length + width) / 2)) continue;
        const halfL = length / 2;
        const halfW = width / 2;
        let outline: Ring = [
          [-halfL, -halfW],
          [halfL, -halfW],
          [halfL, halfW],
          [-halfL, halfW],
        ];
        const shape = random.next();
        if (shape < 0.3) {
          // An L: one quadrant-sized corner missing.
          const cutL = halfL * random.uniform(0.6, 1.2);
          const cutW = halfW * random.uniform(0.6, 1.2);
          outline = [
            [-halfL, -halfW],
            [halfL, -halfW],
            [halfL, halfW - cutW],
            [halfL - cutL, halfW - cutW],
            [halfL - cutL, halfW],
            [-halfL, halfW],
          ];
        } else if (shape < 0.6) {
          const cut = halfW * random.uniform(0.3, 0.8);
          outline = [
            [-halfL, -halfW],
            [halfL - cut, -halfW],
            [halfL, -halfW + cut],
            [halfL, halfW],
            [-halfL, halfW],
          ];
        }
        outline = outline.map(([x = 0, y = 0]) => [x + random.uniform(-25, 25), y + random.uniform(-25, 25)]);
        const local = [[closedRing(transform(outline, centre, gridAngle + random.uniform(-0.08, 0.08)))]];
        const clipped = clipToArea(local, regionLonLat);
        if (clipped.length === 0) continue;
        serial++;
        const id = `KZX-${String(serial).padStart(3, '0')}`;
        const localClipped = multiToLocal(clipped);
        const index = new PointInAreaIndex(localClipped);
        town.zones.push({
          id,
          town,
          index,
          areaM2: geometryAreaM2({ type: 'MultiPolygon', coordinates: clipped }),
        });
        centres.push(centre);
        features.push({
          type: 'Feature',
          id,
          properties: { id, name: `${town.name}工业区块${NUMERALS[n] ?? n + 1}`, town: town.name },
          geometry: geometryOf(clipped),
        });
        break;
      }
    }
  }
  return features;
}

/**
 * A plot outline in local metres: a rotated, slightly irregular rectangle, sometimes with a cut
 * corner, a hole (2 %) or as two parts across a lane (2 %). Every outer ring is convex.
 */
function plotShape(random: Random, centre: Point, areaM2: number, angle: number): MultiPolygon {
  const aspect = random.uniform(1, 2.2);
  const twoParts = random.chance(0.02);
  const partArea = twoParts ? areaM2 / 2 : areaM2;
  const length = Math.sqrt(partArea * aspect);
  const width = partArea / length;
  const makeOuter = (dx: number): Ring => {
    const halfL = length / 2;
    const halfW = width / 2;
    const wobble = () => random.uniform(-0.05, 0.05) * width;
    let points: Ring = [
      [dx - halfL + wobble(), -halfW + wobble()],
      [dx + halfL + wobble(), -halfW + wobble()],
      [dx + halfL + wobble(), halfW + wobble()],
      [dx - halfL + wobble(), halfW + wobble()],
    ];
    if (random.chance(0.2)) {
      // Cut one corner: the point becomes two points a quarter of the way along its edges.
      const corner = random.int(0, 3);
      const previous = points[(corner + 3) % 4] as Point;
      const at = points[corner] as Point;
      const next = points[(corner + 1) % 4] as Point;
      const along = (from: Point, to: Point, t: number): Point => [
        (from[0] ?? 0) + ((to[0] ?? 0) - (from[0] ?? 0)) * t,
        (from[1] ?? 0) + ((to[1] ?? 0) - (from[1] ?? 0)) * t,
      ];
      points = [
        ...points.slice(0, corner),
        along(at, previous, 0.25),
        along(at, next, 0.25),
        ...points.slice(corner + 1),
      ];
    }
    return points;
  };
  if (twoParts) {
    // Wider than the two wobbles together (each up to 5 % of the width), so the parts never touch.
    const gap = Math.max(4, width * 0.25);
    return [
      [closedRing(transform(makeOuter(-length / 2 - gap / 2), centre, angle))],
      [closedRing(transform(makeOuter(length / 2 + gap / 2), centre, angle))],
    ];
  }
  const polygon: Polygon = [closedRing(transform(makeOuter(0), centre, angle))];
  if (random.chance(0.02)) {
    const holeL = length * 0.15;
    const holeW = width * 0.15;
    const hole: Ring = [
      [-holeL, -holeW],
      [holeL, -holeW],
      [holeL, holeW],
      [-holeL, holeW],
    ];
    polygon.push(closedRing(transform(hole, centre, angle), true));
  }
  return [polygon];
}

/** Non-overlap bookkeeping: a uniform grid of 200 m cells holding the outer rings of placed plots. */
class PlotPlacer {
  static readonly CELL_M = 200;
  readonly #region: PointInAreaIndex;
  readonly #cells = new Map<number, number[]>();
  readonly #parts: Array<{ ring: Ring; box: Bbox }> = [];

  constructor(region: PointInAreaIndex) {
    this.#region = region;
  }

  #key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  /** Adds the plot if all its vertices (rounded as they will be written) are in the region and it overlaps no other. */
  tryAdd(polygons: MultiPolygon): boolean {
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const point of ring) {
          const [x = 0, y = 0] = toLocal(toLonLat(point));
          if (!this.#region.contains(x, y)) return false;
        }
      }
    }
    const parts = polygons.map((polygon) => {
      const ring = (polygon[0] as Ring).slice(0, -1);
      return { ring, box: bboxOfRings([ring]) };
    });
    for (const part of parts) {
      for (const index of this.#cellIndices(part.box, false)) {
        const other = this.#parts[index] as { ring: Ring; box: Bbox };
        if (
          other.box[0] < part.box[2] &&
          part.box[0] < other.box[2] &&
          other.box[1] < part.box[3] &&
          part.box[1] < other.box[3] &&
          convexPolygonsOverlap(part.ring, other.ring)
        ) {
          return false;
        }
      }
    }
    for (const part of parts) {
      const index = this.#parts.length;
      this.#parts.push(part);
      this.#cellIndices(part.box, true, index);
    }
    return true;
  }

  #cellIndices(box: Bbox, insert: boolean, value = -1): number[] {
    const found: number[] = [];
    const size = PlotPlacer.CELL_M;
    for (let cx = Math.floor(box[0] / size); cx <= Math.floor(box[2] / size); cx++) {
      for (let cy = Math.floor(box[1] / size); cy <= Math.floor(box[3] / size); cy++) {
        const key = this.#key(cx, cy);
        let list = this.#cells.get(key);
        if (insert) {
          if (!list) {
            list = [];
            this.#cells.set(key, list);
          }
          list.push(value);
        } else if (list) {
          found.push(...list);
        }
      }
    }
    return found;
  }
}

function makePlotFeatures(
  placed: PlacedPlot[],
  random: Random,
): { features: SampleFeature[]; missing: number } {
  let missing = 0;
  const serials = new Map<string, number>();
  const features: SampleFeature[] = [];
  for (const plot of placed) {
    const serial = (serials.get(plot.village.code) ?? 0) + 1;
    serials.set(plot.village.code, serial);
    const id = `${plot.village.code}-${String(serial).padStart(4, '0')}`;
    const coordinates = multiToLonLat(plot.polygons);
    const geometry = geometryOf(coordinates);
    const areaM2 = geometryAreaM2(geometry);
    const areaMu = areaM2 / M2_PER_MU;
    const isPark = plot.kind === 'park';
    const industry = random.weighted(
      INDUSTRIES,
      (item) => item.weight * (isPark && item.name === '新材料' ? 3 : 1),
    );
    const firms = isPark ? random.pick([1, 1, 1, 2, 2, 3]) : random.int(1, 6);
    const aboveRoll = random.next();
    const aboveScaleFirms = Math.min(
      firms,
      isPark
        ? aboveRoll < 0.06
          ? 2
          : aboveRoll < 0.3
            ? 1
            : 0
        : aboveRoll < 0.01
          ? 2
          : aboveRoll < 0.06
            ? 1
            : 0,
    );
    // 亩均税收 (万元/亩): parks higher than village land, spread so that all of A–D occur.
    const taxPerMu = isPark
      ? random.logNormal(17, 0.75)
      : random.logNormal(plot.kind === 'village' ? 6 : 4.5, 0.8);
    const taxWan = taxPerMu * areaMu;
    const coverage = isPark ? random.uniform(0.35, 0.7) : random.uniform(0.2, 0.6);
    const far = Math.max(coverage, isPark ? random.uniform(0.8, 2.5) : random.uniform(0.4, 1.3));
    const properties: Record<string, unknown> = {
      id,
      name: `慈溪市${random.pick(FIRM_WORDS)}${industry.word}有限公司`,
      town: plot.town.name,
      village: plot.village.name,
      industry: industry.name,
      firms,
      aboveScaleFirms,
      employees: Math.max(
        firms * 3,
        Math.round(areaMu * (isPark ? random.uniform(1.5, 5) : random.uniform(1, 3))),
      ),
      taxWan: round(taxWan, 1),
      outputWan: round(taxWan * random.uniform(8, 20), 0),
      investmentWan: round(areaMu * (isPark ? random.logNormal(380, 0.45) : random.logNormal(130, 0.5)), 0),
      floorAreaM2: round(areaM2 * far, 0),
      footprintM2: round(areaM2 * coverage, 0),
    };
    if (!isPark) properties.rentWan = round(areaMu * random.uniform(0.5, 1.6), 1);
    properties.safetyRisk = random.chance(isPark ? 0.04 : 0.18);
    properties.pollution = random.chance(Math.min(0.9, industry.pollution * (isPark ? 0.6 : 2)));
    if (plot.pilot) properties.pilot = plot.pilot;
    // About 2 % lack some figures, as survey tables do: the key is left out, never written as 0.
    if (random.chance(0.02)) {
      missing++;
      const numeric = [
        'employees',
        'taxWan',
        'outputWan',
        'investmentWan',
        'floorAreaM2',
        'footprintM2',
        'rentWan',
      ].filter((key) => key in properties);
      const drop = random.int(1, 3);
      for (let i = 0; i < drop; i++) delete properties[random.pick(numeric)];
    }
    features.push({ type: 'Feature', id, properties, geometry });
  }
  features.sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1));
  return { features, missing };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
