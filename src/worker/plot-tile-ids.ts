/**
 * The plot ids of the map's tile data (PlotTileData in plot-map.ts), read from the UTF-16 code units
 * they are kept in.
 */

import type { PlotTileData } from './plot-map.ts';

/** Code units made into a string at a time (String.fromCharCode takes them as arguments). */
const ID_CHUNK = 8192;

/** The id of entry `k` of `data`, to the code unit (a lone surrogate too). */
export function plotTileId(data: Pick<PlotTileData, 'idChars' | 'idStart'>, k: number): string {
  const start = data.idStart[k] as number;
  const end = data.idStart[k + 1] as number;
  let id = '';
  for (let at = start; at < end; at += ID_CHUNK)
    id += String.fromCharCode(...data.idChars.subarray(at, Math.min(end, at + ID_CHUNK)));
  return id;
}
