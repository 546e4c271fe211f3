/**
 * What a map asks the plot tile worker to paint its county-scale raster with, by code: the page
 * (src/map) builds it, the worker (src/worker/plot-raster.ts) paints with it. Pure data, no DOM.
 */

import type { PlotStatus } from './types.ts';

export type PlotMapStatus = PlotStatus | 'unclassified';

/** Status codes of the packed plots (src/worker/plot-map.ts) and of `statusColors`: the position in this list. */
export const PLOT_MAP_STATUSES: readonly PlotMapStatus[] = [
  'control',
  'boundary',
  'crossing',
  'outside',
  'unclassified',
];

/** A colour as 0…255 red, green, blue. */
export type Rgb = readonly [number, number, number];

/** What one map wants painted: its scenario's actions, its town filter and the colours. */
export interface PlotRasterPaint {
  /** Action code per plot index, the position in PLOT_ACTIONS (0: keep, no ring; code c is ringed in `actionColors[c]`); null: every plot kept. */
  actions: Uint8Array | null;
  /** Only the plots of this town (null: every plot). */
  town: string | null;
  /** Fill colour per status code (PLOT_MAP_STATUSES). */
  statusColors: readonly Rgb[];
  /** Ring colour per action code (PLOT_ACTIONS; entry 0, keep, is never drawn). */
  actionColors: readonly Rgb[];
}
