/**
 * Where the sample's towns are built up: each town's territory (a seat-weighted partition of the land
 * with wandering edges) and its development boundary (城镇开发边界), drawn as the contour of a
 * "built-up" field: a stretched core around the seat, ribbons along the roads between neighbouring
 * seats (as Cixi's towns grew), a few outlying industrial clusters and fractal noise; cut to the town's
 * territory and to the land inside the county. Deterministic for a given random state.
 */

import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { contourPolygons } from './contour-grid.ts';
import { multiToLonLat, roundLonLat } from './local-frame.ts';
import {
  type MultiPolygon,
  type Point,
  type PointInAreaIndex,
  type Ring,
  ringAreaApproxM2,
  ringSignedAreaDeg2,
  simplifyRing,
} from './planar.ts';
import type { Random } from './prng.ts';

/** What the land use needs to know of a town. */
export interface TownSite {
  seat: Point;
  /** Typical radius of the built-up core, metres. */
  radiusM: number;
  /** A functional zone on reclaimed land: laid out on a grid, so its core is boxy. */
  isZone: boolean;
}

export interface LandUse {
  /** Per town (same order as the input), its development boundary in lon/lat, 7 decimals; may be empty. */
  boundaries: MultiPolygon[];
  /** Index of the town whose territory holds a local point. */
  ownerAt(point: Point): number;
}

/** Grid spacing of the fields, metres. */
const CELL_M = 100;
/** Half the gap left between neighbouring towns' boundaries, metres (a road or a river). */
const HALF_GAP_M = 40;
/** Douglas–Peucker tolerance of the outlines: 3e-4° of latitude ≈ 33 m. */
const SIMPLIFY_DEG = 3e-4;
/** Parts of a boundary smaller than this are dropped, holes smaller than this filled: 0.12 km². */
const MIN_PART_M2 = 120_000;
/** How far the built-up field's positions are warped, metres. */
const LOBE_M = 450;

/** Seeded value noise with smooth interpolation; `fbm` sums octaves, result about in [-1, 1]. */
class ValueNoise {
  readonly #values = new Float64Array(256);
  readonly #perm = new Uint8Array(512);

  constructor(random: Random) {
    for (let i = 0; i < 256; i++) this.#values[i] = random.uniform(-1, 1);
    const order = Array.from({ length: 256 }, (_, i) => i);
    for (let i = 255; i > 0; i--) {
      const j = random.int(0, i);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (let i = 0; i < 512; i++) this.#perm[i] = order[i & 255] as number;
  }

  #lattice(i: number, j: number): number {
    return this.#values[this.#perm[(this.#perm[i & 255] as number) + (j & 255)] as number] as number;
  }

  at(x: number, y: number): number {
    const i = Math.floor(x);
    const j = Math.floor(y);
    const fx = x - i;
    const fy = y - j;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const bottom = this.#lattice(i, j) + (this.#lattice(i + 1, j) - this.#lattice(i, j)) * sx;
    const top = this.#lattice(i, j + 1) + (this.#lattice(i + 1, j + 1) - this.#lattice(i, j + 1)) * sx;
    return bottom + (top - bottom) * sy;
  }

  fbm(x: number, y: number, wavelength: number, octaves: number): number {
    let sum = 0;
    let amplitude = 1;
    let norm = 0;
    let scale = 1 / wavelength;
    for (let k = 0; k < octaves; k++) {
      // Each octave is shifted so that lattice points of different octaves do not line up.
      sum += amplitude * this.at(x * scale + 17.3 * k, y * scale - 9.1 * k);
      norm += amplitude;
      amplitude *= 0.6;
      scale *= 2;
    }
    return sum / norm;
  }
}

/** A road between two seats: a polyline bent by two rounds of midpoint displacement. */
function roadBetween(random: Random, from: Point, to: Point): Ring {
  let line: Ring = [from, to];
  for (let round = 0; round < 3; round++) {
    const bent: Ring = [line[0] as Point];
    for (let k = 1; k < line.length; k++) {
      const [x1 = 0, y1 = 0] = line[k - 1] as Point;
      const [x2 = 0, y2 = 0] = line[k] as Point;
      const length = Math.hypot(x2 - x1, y2 - y1);
      const offset = random.uniform(-0.12, 0.12) * length;
      bent.push([
        (x1 + x2) / 2 + (-(y2 - y1) / length) * offset,
        (y1 + y2) / 2 + ((x2 - x1) / length) * offset,
      ]);
      bent.push(line[k] as Point);
    }
    line = bent;
  }
  return line;
}

function segmentDistance(px: number, py: number, [x1 = 0, y1 = 0]: Point, [x2 = 0, y2 = 0]: Point): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / length2)) : 0;
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Drops small parts and fills small holes of local-metre polygons. */
function withoutSpecks(multiPolygon: MultiPolygon, minM2: number): MultiPolygon {
  return multiPolygon
    .filter((polygon) => Math.abs(ringSignedAreaDeg2(polygon[0] as Ring)) >= minM2)
    .map((polygon) => [
      polygon[0] as Ring,
      ...polygon.slice(1).filter((hole) => Math.abs(ringSignedAreaDeg2(hole)) >= minM2),
    ]);
}

/**
 * Draws the territories and development boundaries.
 * @param region land inside the county, local metres (for the grid and the threshold)
 * @param regionLonLat the same in lon/lat (for the exact cut)
 * @param targetAreaM2 about how much land all boundaries together cover
 */
export function makeLandUse(
  towns: readonly TownSite[],
  random: Random,
  region: PointInAreaIndex,
  regionLonLat: MultiPolygon,
  targetAreaM2: number,
): LandUse {
  const [minX, minY, maxX, maxY] = region.bbox;
  const originX = Math.floor(minX / CELL_M) * CELL_M - CELL_M;
  const originY = Math.floor(minY / CELL_M) * CELL_M - CELL_M;
  const width = Math.ceil((maxX - originX) / CELL_M) + 2;
  const height = Math.ceil((maxY - originY) / CELL_M) + 2;
  const size = width * height;

  // Territories: nearest seat, seats weighted by their town's size, measured from a warped position
  // so that the edges between towns wander.
  const meanRadius = towns.reduce((sum, town) => sum + town.radiusM, 0) / towns.length;
  const weights = towns.map((town) => Math.min(1.3, Math.max(0.75, town.radiusM / meanRadius)));
  const warpX = new ValueNoise(random);
  const warpY = new ValueNoise(random);
  const wx = new Float64Array(size);
  const wy = new Float64Array(size);
  const owner = new Int16Array(size);
  const margin = new Float64Array(size);
  const score = (t: number, k: number) => {
    const [sx = 0, sy = 0] = (towns[t] as TownSite).seat;
    return Math.hypot((wx[k] as number) - sx, (wy[k] as number) - sy) / (weights[t] as number);
  };
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const k = j * width + i;
      const x = originX + i * CELL_M;
      const y = originY + j * CELL_M;
      wx[k] = x + 900 * warpX.fbm(x, y, 5000, 3);
      wy[k] = y + 900 * warpY.fbm(x, y, 5000, 3);
      let best = Infinity;
      let second = Infinity;
      let bestTown = 0;
      for (let t = 0; t < towns.length; t++) {
        const s = score(t, k);
        if (s < best) {
          second = best;
          best = s;
          bestTown = t;
        } else if (s < second) second = s;
      }
      owner[k] = bestTown;
      margin[k] = second - best;
    }
  }

  // The built-up field, from positions warped on a shorter scale than the territories' (lobes, not ellipses).
  const noise = new ValueNoise(random);
  const lobesX = new ValueNoise(random);
  const lobesY = new ValueNoise(random);
  const kx = new Float64Array(size);
  const ky = new Float64Array(size);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const x = originX + i * CELL_M;
      const y = originY + j * CELL_M;
      kx[j * width + i] = x + LOBE_M * lobesX.fbm(x, y, 1800, 3);
      ky[j * width + i] = y + LOBE_M * lobesY.fbm(x, y, 1800, 3);
    }
  }
  const built = new Float64Array(size);
  /** A bump of height `peak`, stretched and turned; `power` 2 is an ellipse, higher powers squarer. */
  const addKernel = (
    [cx = 0, cy = 0]: Point,
    along: number,
    across: number,
    angle: number,
    peak: number,
    power: number,
  ) => {
    const reach = 2.5 * Math.max(along, across) + LOBE_M;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const i0 = Math.max(0, Math.floor((cx - reach - originX) / CELL_M));
    const i1 = Math.min(width - 1, Math.ceil((cx + reach - originX) / CELL_M));
    const j0 = Math.max(0, Math.floor((cy - reach - originY) / CELL_M));
    const j1 = Math.min(height - 1, Math.ceil((cy + reach - originY) / CELL_M));
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const k = j * width + i;
        const dx = (kx[k] as number) - cx;
        const dy = (ky[k] as number) - cy;
        const u = (dx * cos + dy * sin) / along;
        const v = (-dx * sin + dy * cos) / across;
        built[k] = Math.max(
          built[k] as number,
          peak * Math.exp(-(Math.abs(u) ** power + Math.abs(v) ** power)),
        );
      }
    }
  };
  for (const town of towns) {
    const [sx = 0, sy = 0] = town.seat;
    // Cixi's towns stretch east–west along the old roads at the foot of the hills.
    const stretch = random.uniform(1.1, 1.7);
    const radius = town.radiusM * 1.15;
    const angle = random.uniform(-0.6, 0.6);
    addKernel(town.seat, radius * stretch, radius / stretch, angle, 1, town.isZone ? 5 : 2);
    // Outlying clusters: village industrial points and older estates, some of them squarish.
    const clusters = random.int(2, 6);
    for (let n = 0; n < clusters; n++) {
      const direction = random.uniform(0, 2 * Math.PI);
      const r = town.radiusM * random.uniform(0.9, 2.6);
      const centre = [sx + r * Math.cos(direction), sy + r * Math.sin(direction)];
      if (!region.contains(centre[0] ?? 0, centre[1] ?? 0)) continue;
      const cluster = random.uniform(250, 750) * Math.sqrt(town.radiusM / meanRadius);
      addKernel(
        centre,
        cluster * random.uniform(1, 2),
        cluster,
        angle + random.pick([0, Math.PI / 2]) + random.uniform(-0.2, 0.2),
        random.uniform(0.7, 1),
        random.pick([2, 3, 5]),
      );
    }
  }
  // Roads from each seat to its two nearest neighbours; ribbons of building along them.
  const pairs = new Set<string>();
  towns.forEach((town, t) => {
    const nearest = towns
      .map((other, u) => ({
        u,
        d: Math.hypot((other.seat[0] ?? 0) - (town.seat[0] ?? 0), (other.seat[1] ?? 0) - (town.seat[1] ?? 0)),
      }))
      .filter(({ u }) => u !== t)
      .sort((a, b) => a.d - b.d)
      .slice(0, 2);
    for (const { u } of nearest) pairs.add(t < u ? `${t},${u}` : `${u},${t}`);
  });
  const ROAD_REACH_M = 900 + LOBE_M;
  for (const pair of [...pairs].sort()) {
    const [t = 0, u = 0] = pair.split(',').map(Number);
    const road = roadBetween(random, (towns[t] as TownSite).seat, (towns[u] as TownSite).seat);
    const widthM = random.uniform(280, 480);
    const peak = random.uniform(0.55, 0.8);
    for (let s = 1; s < road.length; s++) {
      const a = road[s - 1] as Point;
      const b = road[s] as Point;
      const i0 = Math.max(0, Math.floor((Math.min(a[0] ?? 0, b[0] ?? 0) - ROAD_REACH_M - originX) / CELL_M));
      const i1 = Math.min(
        width - 1,
        Math.ceil((Math.max(a[0] ?? 0, b[0] ?? 0) + ROAD_REACH_M - originX) / CELL_M),
      );
      const j0 = Math.max(0, Math.floor((Math.min(a[1] ?? 0, b[1] ?? 0) - ROAD_REACH_M - originY) / CELL_M));
      const j1 = Math.min(
        height - 1,
        Math.ceil((Math.max(a[1] ?? 0, b[1] ?? 0) + ROAD_REACH_M - originY) / CELL_M),
      );
      for (let j = j0; j <= j1; j++) {
        for (let i = i0; i <= i1; i++) {
          const k = j * width + i;
          const d = segmentDistance(kx[k] as number, ky[k] as number, a, b) / widthM;
          built[k] = Math.max(built[k] as number, peak * Math.exp(-d * d));
        }
      }
    }
  }
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const k = j * width + i;
      built[k] = (built[k] as number) + 0.5 * noise.fbm(originX + i * CELL_M, originY + j * CELL_M, 2600, 6);
    }
  }

  // The threshold that gives about the target area on land.
  const onLand: number[] = [];
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      if (region.contains(originX + i * CELL_M, originY + j * CELL_M))
        onLand.push(built[j * width + i] as number);
    }
  }
  onLand.sort((a, b) => b - a);
  const wanted = Math.min(onLand.length - 1, Math.max(0, Math.round(targetAreaM2 / (CELL_M * CELL_M))));
  const threshold = onLand[wanted] as number;

  const boundaries = towns.map((_, t) => {
    const values = new Float64Array(size);
    for (let k = 0; k < size; k++) {
      // The signed distance (in score units) to the edge of town t's territory: positive inside.
      const edge = owner[k] === t ? (margin[k] as number) : score(owner[k] as number, k) - score(t, k);
      values[k] = Math.min((built[k] as number) - threshold, (edge - 2 * HALF_GAP_M) / 400);
    }
    const local = withoutSpecks(
      contourPolygons({ originX, originY, cell: CELL_M, width, height, values }),
      MIN_PART_M2,
    );
    const simplified = multiToLonLat(local)
      .map((polygon) =>
        polygon.map((ring) => simplifyRing(ring, SIMPLIFY_DEG)).filter((ring) => ring !== null),
      )
      .filter((polygon) => polygon.length > 0 && polygon[0] !== undefined);
    if (simplified.length === 0) return [];
    const clean = polygonClipping.union(simplified as PcMultiPolygon) as MultiPolygon;
    const cut = roundLonLat(
      polygonClipping.intersection(clean as PcMultiPolygon, regionLonLat as PcMultiPolygon) as MultiPolygon,
    );
    return cut
      .filter((polygon) => ringAreaApproxM2(polygon[0] as Ring) >= MIN_PART_M2 / 2)
      .map((polygon) => [
        polygon[0] as Ring,
        ...polygon.slice(1).filter((hole) => ringAreaApproxM2(hole) >= MIN_PART_M2 / 4),
      ]);
  });

  return {
    boundaries,
    ownerAt([x = 0, y = 0]: Point): number {
      const i = Math.max(0, Math.min(width - 1, Math.round((x - originX) / CELL_M)));
      const j = Math.max(0, Math.min(height - 1, Math.round((y - originY) / CELL_M)));
      return owner[j * width + i] as number;
    },
  };
}
