/**
 * The plots as the map draws them, packed into typed arrays (transferred, never copied feature by
 * feature): per plot its index, id, status, town, the centre of its box (the county-scale dot) and
 * its rings, all in Web Mercator world coordinates (0…1, y down) ready to be cut into vector tiles.
 */

import { extendBoxByPairs, forEachPlotRing } from '../core/plot-outlines.ts';
import { PLOT_MAP_STATUSES, type PlotMapStatus } from '../core/plot-raster-paint.ts';
import type { FeatureCollection, PlotStatus } from '../core/types.ts';
import { keptOutlines } from './packed-layer.ts';

/** What the map needs of a plot's analysis (a PlotRow or a PlotResult). */
export interface PlotMapInput {
  id: string;
  status: PlotStatus | null;
  town?: string;
}

export interface PlotMapProperties {
  index: number;
  id: string;
  status: PlotMapStatus;
  town: string;
}

/**
 * The plots with a polygon geometry, entry `k` for plot `index[k]`. Rings are closed as in GeoJSON;
 * outer rings wind clockwise on screen (positive shoelace area with y down), holes the other way,
 * as the vector tile specification wants.
 */
export interface PlotTileData {
  /** Plot index in the plot layer, per entry. */
  index: Uint32Array;
  /**
   * The plot ids, entry k's the UTF-16 code units `idChars[idStart[k]] … idChars[idStart[k + 1] - 1]`
   * (read with plotTileId, plot-tile-ids.ts): in a transferred buffer, not 516,000 strings that the page would
   * make and clone again to pass them on to the tile worker.
   */
  idChars: Uint16Array;
  /** Where each entry's id starts in `idChars` (length entries + 1). */
  idStart: Uint32Array;
  /** Position in {@link PLOT_MAP_STATUSES}, per entry. */
  status: Uint8Array;
  /** Position in `towns`, per entry. */
  town: Uint16Array;
  towns: string[];
  /** x, y of the box centre, per entry. */
  centre: Float64Array;
  /** minX, minY, maxX, maxY, per entry. */
  box: Float64Array;
  /** Entry k's rings are `ringStart[k] … ringStart[k + 1] - 1` (length entries + 1). */
  ringStart: Uint32Array;
  /** Ring r's vertices are `vertexStart[r] … vertexStart[r + 1] - 1` (length rings + 1). */
  vertexStart: Uint32Array;
  /** x, y per vertex. */
  coords: Float64Array;
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
    data.idChars,
    data.idStart,
    data.status,
    data.town,
    data.centre,
    data.box,
    data.ringStart,
    data.vertexStart,
    data.coords,
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
  let idLength = 0;
  for (const plotIndex of entries) idLength += (results[plotIndex] as PlotMapInput).id.length;
  const data: PlotTileData = {
    index: new Uint32Array(n),
    idChars: new Uint16Array(idLength),
    idStart: new Uint32Array(n + 1),
    status: new Uint8Array(n),
    town: new Uint16Array(n),
    towns: [],
    centre: new Float64Array(2 * n),
    box: new Float64Array(4 * n),
    ringStart: new Uint32Array(n + 1),
    vertexStart: new Uint32Array(ringCount + 1),
    coords: new Float64Array(2 * vertexCount),
  };
  const townCodes = new Map<string, number>();
  let ring = 0;
  let vertex = 0;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  entries.forEach((plotIndex, k) => {
    const result = results[plotIndex] as PlotMapInput;
    data.index[k] = plotIndex;
    const { id } = result;
    const start = data.idStart[k] as number;
    for (let c = 0; c < id.length; c++) data.idChars[start + c] = id.charCodeAt(c);
    data.idStart[k + 1] = start + id.length;
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
    rings(plotIndex, (coords, from, to, ringInPolygon) => {
      // The outer rings bound the holes: the box is theirs (as geometryBox's).
      if (ringInPolygon === 0) extendBoxByPairs(box, coords, from, to);
      data.vertexStart[ring++] = vertex;
      const start = vertex;
      for (let v = from; v < to; v++) {
        data.coords[2 * vertex] = worldX(coords[2 * v] as number);
        data.coords[2 * vertex + 1] = worldY(coords[2 * v + 1] as number);
        vertex++;
      }
      // Outer rings clockwise on screen (positive area with y down), holes counter-clockwise.
      const area = signedArea(data.coords, start, vertex);
      if (ringInPolygon === 0 ? area < 0 : area > 0) reverseRing(data.coords, start, vertex);
    });
    const [west, south, east, north] = box as [number, number, number, number];
    data.centre[2 * k] = worldX((west + east) / 2);
    data.centre[2 * k + 1] = worldY((south + north) / 2);
    data.box.set([worldX(west), worldY(north), worldX(east), worldY(south)], 4 * k);
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

function reverseRing(coords: Float64Array, start: number, end: number): void {
  for (let i = start, j = end - 1; i < j; i++, j--) {
    for (const axis of [0, 1]) {
      const a = coords[2 * i + axis] as number;
      coords[2 * i + axis] = coords[2 * j + axis] as number;
      coords[2 * j + axis] = a;
    }
  }
}

/**
 * One point per plot with one of `statuses` (the centre of its bounding box), so that a few such
 * plots stay visible as rings at county scale, where a plot is a speck of a pixel or two.
 */
export function plotMarkers(
  plots: FeatureCollection,
  results: readonly PlotMapInput[],
  statuses: readonly PlotMapStatus[],
  townOf: TownOf = townsOfResults(results),
): FeatureCollection<{ type: 'Point'; coordinates: number[] }, PlotMapProperties> {
  const rings = ringReader(plots);
  const features = [];
  for (let index = 0; index < plots.features.length; index++) {
    const result = results[index];
    const status: PlotMapStatus = result?.status ?? 'unclassified';
    if (!result || !statuses.includes(status)) continue;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    const hasGeometry = rings(index, (coords, from, to, ringInPolygon) => {
      if (ringInPolygon === 0) extendBoxByPairs(box, coords, from, to);
    });
    if (!hasGeometry) continue;
    features.push({
      type: 'Feature' as const,
      properties: { index, id: result.id, status, town: townOf(index) },
      geometry: {
        type: 'Point' as const,
        coordinates: [
          ((box[0] as number) + (box[2] as number)) / 2,
          ((box[1] as number) + (box[3] as number)) / 2,
        ],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
