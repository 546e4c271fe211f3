/**
 * The plots as the map draws them, packed into typed arrays (transferred, never copied feature by
 * feature): per plot its index, status, town, the centre of its box (the county-scale dot) and
 * its rings, all in Web Mercator world coordinates (0…1, y down) ready to be cut into vector tiles;
 * the vertices as 32-bit offsets from their plot's centre.
 */

import { extendBoxByPairs, forEachPlotRing } from '../core/plot-outlines.ts';
import { PLOT_MAP_STATUSES } from '../core/plot-raster-paint.ts';
import type { FeatureCollection, PlotStatus } from '../core/types.ts';
import { keptOutlines } from './packed-layer.ts';

/** What the map needs of a plot's analysis (a PlotRow or a PlotResult). */
export interface PlotMapInput {
  status: PlotStatus | null;
  town?: string;
}

/**
 * The plots with a polygon geometry, entry `k` for plot `index[k]`. Rings are closed as in GeoJSON;
 * outer rings wind clockwise on screen (positive shoelace area with y down), holes the other way,
 * as the vector tile specification wants.
 */
export interface PlotTileData {
  /** Plot index in the plot layer, per entry. */
  index: Uint32Array;
  /** Position in {@link PLOT_MAP_STATUSES}, per entry. */
  status: Uint8Array;
  /** Position in `towns`, per entry. */
  town: Uint16Array;
  towns: string[];
  /** x, y of the box centre, per entry. */
  centre: Float64Array;
  /** Entry k's rings are `ringStart[k] … ringStart[k + 1] - 1` (length entries + 1). */
  ringStart: Uint32Array;
  /** Ring r's vertices are `vertexStart[r] … vertexStart[r + 1] - 1` (length rings + 1). */
  vertexStart: Uint32Array;
  /**
   * x, y per vertex, less its entry's centre (read with plotTileVertex). A plot spans a tiny part of
   * the world, so 32 bits keep its vertices to about 1e-12 of the world even for a plot 1 km wide:
   * a few hundredths of a millimetre, below a tile unit at the last tile zoom (0.15 m); 64-bit
   * world coordinates took twice the memory (26 MB more for 516,000 plots).
   */
  offsets: Float32Array;
}

/** Vertex `v` of entry `k` of `data` (world x when `axis` is 0, y when 1). */
export function plotTileVertex(data: PlotTileData, k: number, v: number, axis: 0 | 1): number {
  return (data.centre[2 * k + axis] as number) + (data.offsets[2 * v + axis] as number);
}

/** Longitude (degrees) → Web Mercator world x (0…1). */
export function worldX(lon: number): number {
  return (lon + 180) / 360;
}

/** Latitude (degrees) → Web Mercator world y (0…1, north at 0). */
export function worldY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

/** The buffers of `data`, for postMessage's transfer list. */
export function plotTileBuffers(data: PlotTileData): ArrayBuffer[] {
  return [
    data.index,
    data.status,
    data.town,
    data.centre,
    data.ringStart,
    data.vertexStart,
    data.offsets,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** The town of plot `index`: its result's own, unless a list of towns is given beside the results. */
export type TownOf = (index: number) => string;

function townsOfResults(results: readonly PlotMapInput[]): TownOf {
  return (index) => results[index]?.town ?? '';
}

/**
 * @param plots the plot layer, WGS84 lon/lat
 * @param results classification results, `results[i]` for `plots.features[i]`
 * @param townOf the town of each plot (by default its result's)
 * @returns the packed plots; plots without a polygon geometry are left out
 */
export function plotTileData(
  plots: FeatureCollection,
  results: readonly PlotMapInput[],
  townOf: TownOf = townsOfResults(results),
): PlotTileData {
  const rings = ringReader(plots);
  const entries: number[] = [];
  let ringCount = 0;
  let vertexCount = 0;
  for (let i = 0; i < plots.features.length; i++) {
    if (!results[i]) continue;
    const hasGeometry = rings(i, (_, start, end) => {
      ringCount++;
      vertexCount += end - start;
    });
    if (hasGeometry) entries.push(i);
  }
  const n = entries.length;
  const data: PlotTileData = {
    index: new Uint32Array(n),
    status: new Uint8Array(n),
    town: new Uint16Array(n),
    towns: [],
    centre: new Float64Array(2 * n),
    ringStart: new Uint32Array(n + 1),
    vertexStart: new Uint32Array(ringCount + 1),
    offsets: new Float32Array(2 * vertexCount),
  };
  const townCodes = new Map<string, number>();
  let ring = 0;
  let vertex = 0;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  /** A ring in world coordinates, to wind it before its offsets are kept. */
  let world = new Float64Array(64);
  entries.forEach((plotIndex, k) => {
    const result = results[plotIndex] as PlotMapInput;
    data.index[k] = plotIndex;
    data.status[k] = PLOT_MAP_STATUSES.indexOf(result.status ?? 'unclassified');
    const town = townOf(plotIndex);
    let code = townCodes.get(town);
    if (code === undefined) {
      code = data.towns.length;
      townCodes.set(town, code);
      data.towns.push(town);
    }
    data.town[k] = code;
    data.ringStart[k] = ring;
    box.fill(Infinity, 0, 2).fill(-Infinity, 2);
    // The outer rings bound the holes: the box is theirs (as geometryBox's).
    rings(plotIndex, (coords, from, to, ringInPolygon) => {
      if (ringInPolygon === 0) extendBoxByPairs(box, coords, from, to);
    });
    const [west, south, east, north] = box as [number, number, number, number];
    const centreX = worldX((west + east) / 2);
    const centreY = worldY((south + north) / 2);
    data.centre[2 * k] = centreX;
    data.centre[2 * k + 1] = centreY;
    rings(plotIndex, (coords, from, to, ringInPolygon) => {
      data.vertexStart[ring++] = vertex;
      if (world.length < 2 * (to - from)) world = new Float64Array(4 * (to - from));
      for (let v = from; v < to; v++) {
        world[2 * (v - from)] = worldX(coords[2 * v] as number);
        world[2 * (v - from) + 1] = worldY(coords[2 * v + 1] as number);
      }
      // Outer rings clockwise on screen (positive area with y down), holes counter-clockwise.
      const area = signedArea(world, 0, to - from);
      const reversed = ringInPolygon === 0 ? area < 0 : area > 0;
      for (let i = 0; i < to - from; i++) {
        const w = reversed ? to - from - 1 - i : i;
        data.offsets[2 * vertex] = (world[2 * w] as number) - centreX;
        data.offsets[2 * vertex + 1] = (world[2 * w + 1] as number) - centreY;
        vertex++;
      }
    });
  });
  data.ringStart[n] = ring;
  data.vertexStart[ring] = vertex;
  return data;
}

/**
 * Visits a ring: its vertices are `from … to - 1`, vertex v at `coords[2v]`, `coords[2v + 1]`
 * (lon, lat); `ringInPolygon` 0 for an outer ring.
 */
type RingVisit = (coords: ArrayLike<number>, from: number, to: number, ringInPolygon: number) => void;

/**
 * Reads the rings of the plots of `plots` in order, outer ring of each polygon first: a packed
 * plot's from the layer's typed arrays (packed-layer.ts), any other from its geometry. The reader
 * returns false for a plot without geometry.
 */
function ringReader(plots: FeatureCollection): (index: number, visit: RingVisit) => boolean {
  const kept = keptOutlines(plots);
  return (index, visit) => {
    if (kept?.isPacked(index)) {
      const { outlines } = kept;
      forEachPlotRing(outlines, index, (from, to, _, ringInPolygon) =>
        visit(outlines.coords, from, to, ringInPolygon),
      );
      return true;
    }
    const geometry = plots.features[index]?.geometry;
    if (!geometry) return false;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons)
      polygon.forEach((positions, ringInPolygon) => {
        const flat = positions.flatMap((position) => [position[0] as number, position[1] as number]);
        visit(flat, 0, positions.length, ringInPolygon);
      });
    return true;
  };
}

/** Twice the shoelace area of the ring of vertices `start … end - 1` in `coords`. */
function signedArea(coords: Float64Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start, j = end - 1; i < end; j = i++) {
    sum +=
      ((coords[2 * j] as number) - (coords[2 * i] as number)) *
      ((coords[2 * i + 1] as number) + (coords[2 * j + 1] as number));
  }
  return sum;
}
