/**
 * The plots as the map draws them, packed into typed arrays (transferred, never copied feature by
 * feature): per plot its index, id, status, town, the centre of its box (the county-scale dot) and
 * its rings, all in Web Mercator world coordinates (0…1, y down) ready to be cut into vector tiles.
 */

import { geometryBox } from '../core/analysis/classify-plots.ts';
import { PLOT_MAP_STATUSES, type PlotMapStatus } from '../core/plot-raster-paint.ts';
import type { FeatureCollection, PlotStatus } from '../core/types.ts';

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
  /** Plot ids, per entry. */
  ids: string[];
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
  const entries: number[] = [];
  let ringCount = 0;
  let vertexCount = 0;
  for (let i = 0; i < plots.features.length; i++) {
    const geometry = plots.features[i]?.geometry;
    if (!geometry || !results[i]) continue;
    entries.push(i);
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      ringCount += polygon.length;
      for (const ring of polygon) vertexCount += ring.length;
    }
  }
  const n = entries.length;
  const data: PlotTileData = {
    index: new Uint32Array(n),
    ids: new Array<string>(n),
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
  entries.forEach((plotIndex, k) => {
    const geometry = plots.features[plotIndex]?.geometry as NonNullable<
      FeatureCollection['features'][number]['geometry']
    >;
    const result = results[plotIndex] as PlotMapInput;
    data.index[k] = plotIndex;
    data.ids[k] = result.id;
    data.status[k] = PLOT_MAP_STATUSES.indexOf(result.status ?? 'unclassified');
    const town = townOf(plotIndex);
    let code = townCodes.get(town);
    if (code === undefined) {
      code = data.towns.length;
      townCodes.set(town, code);
      data.towns.push(town);
    }
    data.town[k] = code;
    const [west, south, east, north] = geometryBox(geometry);
    data.centre[2 * k] = worldX((west + east) / 2);
    data.centre[2 * k + 1] = worldY((south + north) / 2);
    data.box.set([worldX(west), worldY(north), worldX(east), worldY(south)], 4 * k);
    data.ringStart[k] = ring;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      polygon.forEach((positions, r) => {
        data.vertexStart[ring++] = vertex;
        const start = vertex;
        for (const position of positions) {
          data.coords[2 * vertex] = worldX(position[0] as number);
          data.coords[2 * vertex + 1] = worldY(position[1] as number);
          vertex++;
        }
        // Outer rings clockwise on screen (positive area with y down), holes counter-clockwise.
        const area = signedArea(data.coords, start, vertex);
        if (r === 0 ? area < 0 : area > 0) reverseRing(data.coords, start, vertex);
      });
    }
  });
  data.ringStart[n] = ring;
  data.vertexStart[ring] = vertex;
  return data;
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
  const features = [];
  for (let index = 0; index < plots.features.length; index++) {
    const geometry = plots.features[index]?.geometry;
    const result = results[index];
    const status: PlotMapStatus = result?.status ?? 'unclassified';
    if (!geometry || !result || !statuses.includes(status)) continue;
    const box = geometryBox(geometry);
    features.push({
      type: 'Feature' as const,
      properties: { index, id: result.id, status, town: townOf(index) },
      geometry: { type: 'Point' as const, coordinates: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] },
    });
  }
  return { type: 'FeatureCollection', features };
}
