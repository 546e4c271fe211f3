/**
 * The control zones' hatch, drawn in code rather than fetched from a sprite (no request, no file to
 * ship), and added to a map the first time its style asks for it.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import { CONTROL_HATCH_ALPHA, hexToRgb, PLAN_COLORS } from './palette.ts';
import { CONTROL_HATCH_IMAGE } from './style-ids.ts';

/**
 * A diagonal hatch as RGBA pixels for `map.addImage`: lines of `color` on transparent.
 * @param sizePx side of the square tile in image pixels
 * @param rgba line colour, each channel 0…255
 * @param lineWidthPx line width in image pixels
 */
export function hatchPattern(
  sizePx: number,
  rgba: readonly [number, number, number, number],
  lineWidthPx: number,
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(sizePx * sizePx * 4);
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      // Distance to the nearest "/" diagonal, wrapping so that tiles join seamlessly.
      const d = (x + y) % sizePx;
      const distance = Math.min(d, sizePx - d);
      if (distance >= lineWidthPx / 2 + 0.5) continue;
      const coverage = Math.min(1, lineWidthPx / 2 + 0.5 - distance);
      const offset = (y * sizePx + x) * 4;
      data[offset] = rgba[0];
      data[offset + 1] = rgba[1];
      data[offset + 2] = rgba[2];
      data[offset + 3] = Math.round(rgba[3] * coverage);
    }
  }
  return { width: sizePx, height: sizePx, data };
}

/** Makes `map` draw the control hatch (CONTROL_HATCH_IMAGE) when its style first asks for it. */
export function addControlHatch(map: MapLibreMap): void {
  map.setMissingStyleImageResolver((id) => {
    if (id !== CONTROL_HATCH_IMAGE || map.hasImage(id)) return;
    const rgba = [...hexToRgb(PLAN_COLORS.controlLine), CONTROL_HATCH_ALPHA] as const;
    map.addImage(id, hatchPattern(16, rgba, 3), { pixelRatio: 2 });
  });
}
