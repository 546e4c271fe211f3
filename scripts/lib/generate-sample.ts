/**
 * Deterministic synthetic sample plan for Cixi (示例数据（虚构）): town development boundaries,
 * industrial control zones and industrial plots on the real county outline, coast and town and
 * village names of data/basemap/. Boundaries are organic outlines of a built-up field (see
 * sample-land-use.ts), control zones are blocks inside them, and a few per cent of the plots lie
 * across a boundary, as in real survey data. Same seed and count, same output; plots never overlap
 * and all their vertices lie inside the 慈溪市 outline and on land.
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { M2_PER_MU } from '../../src/core/geometry/ellipsoidal-area.ts';
import { multiToLocal, toLocal } from './local-frame.ts';
import { type MultiPolygon, type Point, PointInAreaIndex, pointInRing, type Ring } from './planar.ts';
import { Random } from './prng.ts';
import { makeControlZones } from './sample-control-zones.ts';
import { makeLandUse } from './sample-land-use.ts';
import {
  geometryOf,
  isCleanGeometry,
  type PlacedPlot,
  SAMPLE_LABEL,
  type SampleCollection,
  type SampleFeature,
  type Town,
  type Village,
} from './sample-model.ts';
import { makePlotFeatures } from './sample-plot-features.ts';
import { PlotPlacer, plotShape } from './sample-shapes.ts';

export const PILOT_DONGSHANTOU = '东山头村工业集聚点（一期）';
export const PILOT_WULI = '五里村工业集聚点';

const DEFAULT_BASEMAP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'basemap');
/** All boundaries together cover about this much land in the 3,000-plot sample: 330 km². */
const BOUNDARY_AREA_M2 = 330e6;

export interface SampleOptions {
  /** 32-bit seed. */
  seed: number;
  /** Number of plots wanted; the result has this many unless the land runs out (it is reported). */
  plots: number;
  /** Folder with counties.geojson, land.geojson and divisions.json; data/basemap by default. */
  basemapDir?: string;
}

export interface SamplePlan {
  boundary: SampleCollection;
  control: SampleCollection;
  plots: SampleCollection;
  /** How the plots were placed, for the report; not part of the data. */
  stats: {
    park: number;
    village: number;
    edge: number;
    outside: number;
    crossingZone: number;
    pilot: number;
    missing: number;
  };
}

interface Division {
  code: string;
  name: string;
  lon: number;
  lat: number;
  villages: Array<{ code: string; name: string; virtual?: boolean }>;
}

function distance([x1 = 0, y1 = 0]: Point, [x2 = 0, y2 = 0]: Point): number {
  return Math.hypot(x2 - x1, y2 - y1);
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

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
  // shrink (area × sqrt(3000 / n)), control zones grow to keep them about a third full and the
  // boundaries grow with them.
  const plotAreaScale = Math.min(1, Math.sqrt(3000 / plotCount));
  const parkAreaNeededM2 = 0.6 * plotCount * 10_400 * plotAreaScale;
  const zoneScale = Math.max(1, Math.min(2.5, Math.sqrt(parkAreaNeededM2 / (0.3 * 63e6))));
  const boundaryScale = Math.sqrt(zoneScale);

  const towns = makeTowns(divisions.towns, random, boundaryScale);
  const landUse = makeLandUse(towns, random, region, regionLonLat, BOUNDARY_AREA_M2 * zoneScale);
  const boundaryFeatures: SampleFeature[] = [];
  towns.forEach((town, t) => {
    const lonLat = landUse.boundaries[t] ?? [];
    if (lonLat.length === 0) return;
    if (!isCleanGeometry(lonLat)) throw new Error(`The boundary of ${town.name} is not a clean polygon.`);
    const local = multiToLocal(lonLat);
    town.boundaryLonLat = lonLat;
    town.boundary = new PointInAreaIndex(local);
    town.outline = local.flat();
    boundaryFeatures.push({ type: 'Feature', properties: { town: town.name }, geometry: geometryOf(lonLat) });
  });
  placeVillages(towns, random, region, landUse.ownerAt);
  const controlFeatures = makeControlZones(towns, random, regionLonLat, zoneScale);
  const allZones = towns.flatMap((town) => town.zones);
  const boundaries = towns.map((town) => town.boundary).filter((index) => index !== null);

  const placer = new PlotPlacer(region);
  const inAnyBoundary = ([x = 0, y = 0]: Point) => boundaries.some((index) => index.contains(x, y));
  const inAnyZone = ([x = 0, y = 0]: Point) => allZones.some((zone) => zone.index.contains(x, y));
  const inOwnBoundary =
    (town: Town) =>
    ([x = 0, y = 0]: Point) =>
      town.boundary?.contains(x, y) ?? false;
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
      const outer = polygons.flatMap((polygon) => polygon[0] as Ring);
      if (outer.some(inAnyZone)) continue;
      // Wholly inside 观海卫镇's boundary or wholly outside every boundary, never across.
      const inside = outer.filter(inOwnBoundary(guan)).length;
      if (
        inside > 0 &&
        (inside < outer.length || outer.some((p) => inAnyBoundary(p) !== inOwnBoundary(guan)(p)))
      )
        continue;
      if (inside === 0 && outer.some(inAnyBoundary)) continue;
      if (!placer.tryAdd(polygons)) continue;
      const kind = inside > 0 ? 'village' : 'outside';
      placed.push({ town: guan, village, kind, crossing: false, pilot, polygons });
      made++;
    }
  }

  const villageTowns = towns.filter((town) => !town.isZone && town.boundary !== null);
  const edgeTowns = towns.filter((town) => town.outline.length > 0);
  let failures = 0;
  const maxFailures = plotCount * 60;
  const tryPlace = (kind: PlacedPlot['kind']): PlacedPlot | null => {
    const areaM2 = drawAreaM2();
    if (kind === 'park') {
      const zone = random.weighted(allZones, (candidate) => candidate.areaM2 * candidate.town.weight);
      const town = zone.town;
      const crossing = random.chance(0.04);
      const centre = randomPointIn(random, zone.index, 20);
      if (!centre) return null;
      const angle = random.uniform(-0.15, 0.15) + (crossing ? random.uniform(0, Math.PI) : 0);
      const polygons = plotShape(random, centre, areaM2, angle);
      const outer = polygons.flatMap((polygon) => polygon[0] as Ring);
      const inside = outer.filter(([x = 0, y = 0]) => zone.index.contains(x, y)).length;
      const ok = crossing ? inside > 0 && inside < outer.length : inside === outer.length;
      if (!ok || !placer.tryAdd(polygons)) return null;
      return { town, village: nearestVillage(town, centre), kind, crossing, polygons };
    }
    if (kind === 'edge') {
      // Across the town's boundary: a plot centred near a point of its outline, partly in and partly out.
      const town = random.weighted(edgeTowns, (candidate) => candidate.weight);
      const centre = jitter(random, pointOnOutline(random, town.outline), 0.25 * Math.sqrt(areaM2));
      const polygons = plotShape(random, centre, areaM2, random.uniform(-0.6, 0.6));
      const outer = polygons.flatMap((polygon) => polygon[0] as Ring);
      if (outer.some(inAnyZone)) return null;
      const own = insideShare(polygons, inOwnBoundary(town));
      if (own < 0.15 || own > 0.85 || insideShare(polygons, inAnyBoundary) !== own) return null;
      if (!placer.tryAdd(polygons)) return null;
      return { town, village: nearestVillage(town, centre), kind, crossing: true, polygons };
    }
    const town = random.weighted(villageTowns, (candidate) => candidate.weight);
    const wantInside = kind === 'village';
    const candidates = town.villages.filter((village) => inOwnBoundary(town)(village.centre) === wantInside);
    const village = candidates.length > 0 ? random.pick(candidates) : random.pick(town.villages);
    const centre = jitter(random, village.centre, 350 * boundaryScale);
    const polygons = plotShape(random, centre, areaM2, random.uniform(-0.6, 0.6));
    const outer = polygons.flatMap((polygon) => polygon[0] as Ring);
    const ok = wantInside
      ? outer.every(inOwnBoundary(town)) && !outer.some(inAnyZone)
      : !outer.some(inAnyBoundary) && towns[landUse.ownerAt(centre)] === town;
    if (!ok || !placer.tryAdd(polygons)) return null;
    return { town, village, kind, crossing: false, polygons };
  };
  while (placed.length < plotCount && failures < maxFailures) {
    const roll = random.next();
    const kind = roll < 0.58 ? 'park' : roll < 0.83 ? 'village' : roll < 0.885 ? 'edge' : 'outside';
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
  const count = (test: (plot: PlacedPlot) => boolean) => placed.filter(test).length;
  const stats = {
    park: count((plot) => plot.kind === 'park'),
    village: count((plot) => plot.kind === 'village'),
    edge: count((plot) => plot.kind === 'edge'),
    outside: count((plot) => plot.kind === 'outside'),
    crossingZone: count((plot) => plot.kind === 'park' && plot.crossing),
    pilot: count((plot) => plot.pilot !== undefined),
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

/** A point on the rings, uniformly by length. */
function pointOnOutline(random: Random, rings: Ring[]): Point {
  let total = 0;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) total += distance(ring[i - 1] as Point, ring[i] as Point);
  let at = random.uniform(0, total);
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] as Point;
      const b = ring[i] as Point;
      const length = distance(a, b);
      if (at <= length && length > 0) {
        const t = at / length;
        return [(a[0] ?? 0) + ((b[0] ?? 0) - (a[0] ?? 0)) * t, (a[1] ?? 0) + ((b[1] ?? 0) - (a[1] ?? 0)) * t];
      }
      at -= length;
    }
  }
  return rings[0]?.[0] ?? [0, 0];
}

/** The share of a plot's area (estimated on a 12 × 12 lattice) where `inside` holds. */
function insideShare(polygons: MultiPolygon, inside: (point: Point) => boolean): number {
  const outer = polygons.flatMap((polygon) => polygon[0] as Ring);
  const xs = outer.map((point) => point[0] ?? 0);
  const ys = outer.map((point) => point[1] ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let inPlot = 0;
  let hits = 0;
  for (let i = 0; i < 12; i++) {
    for (let j = 0; j < 12; j++) {
      const x = minX + ((i + 0.5) / 12) * (maxX - minX);
      const y = minY + ((j + 0.5) / 12) * (maxY - minY);
      const covered = polygons.some(
        ([ring, ...holes]) =>
          pointInRing(x, y, ring as Ring) && !holes.some((hole) => pointInRing(x, y, hole)),
      );
      if (!covered) continue;
      inPlot++;
      if (inside([x, y])) hits++;
    }
  }
  return inPlot === 0 ? 0 : hits / inPlot;
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

function makeTowns(divisions: Division[], random: Random, boundaryScale: number): Town[] {
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
    return {
      code: division.code,
      name: division.name,
      seat,
      isZone,
      radiusM,
      weight,
      villages: villageList.map((village) => ({ code: village.code, name: village.name, centre: seat })),
      boundaryLonLat: [],
      boundary: null,
      outline: [],
      zones: [],
    };
  });
}

/**
 * Places each village on land in its own town's territory: communities (社区) near the seat, inside
 * the boundary where they can be; villages (村) farther out.
 */
function placeVillages(
  towns: Town[],
  random: Random,
  region: PointInAreaIndex,
  ownerAt: (point: Point) => number,
): void {
  towns.forEach((town, t) => {
    const [sx = 0, sy = 0] = town.seat;
    for (const village of town.villages) {
      const isCommunity = !village.name.endsWith('村');
      for (let attempt = 0; attempt < 80; attempt++) {
        const spread = attempt < 40 ? 1 : 1.5;
        const r = town.radiusM * spread * (isCommunity ? random.uniform(0, 0.75) : random.uniform(0.35, 2.1));
        const angle = random.uniform(0, 2 * Math.PI);
        const candidate = [sx + r * Math.cos(angle), sy + r * Math.sin(angle)];
        if (!region.contains(candidate[0] ?? 0, candidate[1] ?? 0) || ownerAt(candidate) !== t) continue;
        if (
          isCommunity &&
          attempt < 40 &&
          town.boundary &&
          !town.boundary.contains(candidate[0] ?? 0, candidate[1] ?? 0)
        )
          continue;
        village.centre = candidate;
        break;
      }
    }
  });
}
