/**
 * The county view's raster of the plots, per map: what each map wants painted (its scenario's
 * actions, the town filter) is kept here under the map's key, which the `plots://` protocol looks
 * up when MapLibre asks for a raster tile. A change bumps the revision in the tile URL: MapLibre
 * fetches the tiles again and shows the old ones until the new ones arrive.
 */

import type { Map as MapLibreMap, RasterTileSource } from 'maplibre-gl';
import { PLOT_ACTIONS } from '../core/catalogue/action-catalogue.ts';
import type { PlotRasterPaint, Rgb } from '../core/plot-raster-paint.ts';
import type { ActionEntry } from '../core/scenario/scenario.ts';
import { ACTION_COLORS, hexToRgb, STATUS_COLORS, STATUS_ORDER, UNCLASSIFIED_COLOR } from './palette.ts';
import { plotRasterUrl } from './plot-tile-urls.ts';
import { plotIndexById } from './scenario-layers.ts';
import { SOURCE } from './style-ids.ts';

/** The status colours by status code, as the raster tiles paint them. */
export const RASTER_STATUS_COLORS: readonly Rgb[] = [
  ...STATUS_ORDER.map((status) => hexToRgb(STATUS_COLORS[status])),
  hexToRgb(UNCLASSIFIED_COLOR),
];

/** The action ring colours by action code (PLOT_ACTIONS), as the raster tiles paint them. */
export const RASTER_ACTION_COLORS: readonly Rgb[] = PLOT_ACTIONS.map((action) =>
  action === 'keep' ? ([0, 0, 0] as const) : hexToRgb(ACTION_COLORS[action]),
);

/**
 * The action code of every plot (the position of its action in PLOT_ACTIONS, 0 for keep), by plot
 * index; null when no plot has an action.
 * @param rows the analysed plots, for the index of each plot id
 */
export function actionCodes(
  actions: Readonly<Record<string, ActionEntry>>,
  rows: readonly { index: number; id: string }[],
): Uint8Array | null {
  let codes: Uint8Array | null = null;
  // No actions: no index of 100,000 ids to build (about 90 ms) for nothing.
  if (Object.keys(actions).length === 0) return null;
  const indexOf = plotIndexById(rows);
  for (const id in actions) {
    const index = indexOf.get(id);
    const code = PLOT_ACTIONS.indexOf(actions[id]?.action ?? 'keep');
    if (index === undefined || code <= 0) continue;
    codes ??= new Uint8Array(rows.length);
    codes[index] = code;
  }
  return codes;
}

const paints = new Map<number, PlotRasterPaint>();
let nextKey = 1;

/** What the raster tiles of map `key` are painted with now (undefined: no such map). */
export function plotRasterPaint(key: number): PlotRasterPaint | undefined {
  return paints.get(key);
}

/** One map's raster of the plots: its key, its revision, and what it paints. */
export class PlotRasterSource {
  readonly key = nextKey++;
  private revision = 0;
  private version = 0;
  private actions: Readonly<Record<string, ActionEntry>> | null = null;
  private rows: readonly { index: number; id: string }[] | null = null;
  private town: string | null = null;

  constructor() {
    paints.set(this.key, this.paint(null));
  }

  /** The tile URL for plot tiles of `version`. */
  url(version: number): string {
    return plotRasterUrl(version, this.key, this.revision);
  }

  /**
   * Points the map's raster source at the tiles of `version` painted with `actions` (of `rows`)
   * and `town`; nothing is fetched again when all of them are as before.
   */
  show(
    map: MapLibreMap,
    version: number,
    actions: Readonly<Record<string, ActionEntry>>,
    rows: readonly { index: number; id: string }[] | null,
    town: string | null,
  ): void {
    const paintChanged = actions !== this.actions || rows !== this.rows || town !== this.town;
    if (!paintChanged && version === this.version) return;
    if (paintChanged) {
      this.actions = actions;
      this.rows = rows;
      this.town = town;
      paints.set(this.key, this.paint(rows ? actionCodes(actions, rows) : null));
      this.revision++;
    }
    this.version = version;
    map.getSource<RasterTileSource>(SOURCE.plotRaster)?.setTiles([this.url(version)]);
  }

  destroy(): void {
    paints.delete(this.key);
  }

  private paint(actions: Uint8Array | null): PlotRasterPaint {
    return {
      actions,
      town: this.town,
      statusColors: RASTER_STATUS_COLORS,
      actionColors: RASTER_ACTION_COLORS,
    };
  }
}
