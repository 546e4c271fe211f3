/**
 * Which plots a click or a box meets at county scale, where the plots are dots in raster tiles and
 * MapLibre cannot tell which is which: the dots are the centres of the rows' boxes, tested on
 * screen. Only the plots of the town filter count, as only they are drawn.
 */

/** What the tests need of an analysed plot. */
export interface HitPlot {
  index: number;
  town: string;
  /** [west, south, east, north], WGS84; null: not drawn. */
  box: readonly number[] | null;
}

/** A screen point in CSS pixels. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** WGS84 longitude, latitude → screen point (the map's `project`). */
export type Project = (lngLat: [number, number]) => ScreenPoint;

/** [west, south, east, north] in WGS84 degrees. */
export type LngLatBox = readonly [number, number, number, number];

/** Calls `visit` with the dot centre of every drawn plot of `town` (null: all) inside `area`. */
function forEachDot(
  plots: readonly HitPlot[],
  town: string | null,
  area: LngLatBox,
  visit: (plot: HitPlot, lngLat: [number, number]) => void,
): void {
  for (const plot of plots) {
    const box = plot.box;
    if (!box || (town !== null && plot.town !== town)) continue;
    const lng = ((box[0] as number) + (box[2] as number)) / 2;
    const lat = ((box[1] as number) + (box[3] as number)) / 2;
    if (lng < area[0] || lng > area[2] || lat < area[1] || lat > area[3]) continue;
    visit(plot, [lng, lat]);
  }
}

/**
 * The plot whose dot is nearest `point`, within `radiusPx`; of equally near ones the later (drawn
 * on top).
 * @param area a WGS84 box holding every place within `radiusPx` of `point` (to skip the rest quickly)
 * @returns the plot index, or null when no dot is that near
 */
export function nearestPlot(
  plots: readonly HitPlot[],
  point: ScreenPoint,
  radiusPx: number,
  town: string | null,
  area: LngLatBox,
  project: Project,
): number | null {
  let best: number | null = null;
  let bestDistance = radiusPx * radiusPx;
  forEachDot(plots, town, area, (plot, lngLat) => {
    const at = project(lngLat);
    const distance = (at.x - point.x) ** 2 + (at.y - point.y) ** 2;
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = plot.index;
    }
  });
  return best;
}

/**
 * The plots whose dot lies in the screen box from `min` to `max`, by index, ascending.
 * @param area a WGS84 box holding the whole screen box
 */
export function plotsInBox(
  plots: readonly HitPlot[],
  min: ScreenPoint,
  max: ScreenPoint,
  town: string | null,
  area: LngLatBox,
  project: Project,
): number[] {
  const indices: number[] = [];
  forEachDot(plots, town, area, (plot, lngLat) => {
    const at = project(lngLat);
    if (at.x >= min.x && at.x <= max.x && at.y >= min.y && at.y <= max.y) indices.push(plot.index);
  });
  return indices.sort((a, b) => a - b);
}

/** The WGS84 box around screen points (their unprojections), for `area` above. */
export function lngLatBoxOf(lngLats: readonly { lng: number; lat: number }[]): LngLatBox {
  const lngs = lngLats.map((p) => p.lng);
  const lats = lngLats.map((p) => p.lat);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}
