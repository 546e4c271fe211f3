/**
 * What a map shows at the plots' dots, read back from its canvas: for the end-to-end tests (and
 * the benchmark), which cannot ask MapLibre about raster tiles. Reads the pixels in a `render`
 * event, while the frame is still in the drawing buffer, so it needs no `preserveDrawingBuffer`.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import { STATUS_COLORS, STATUS_ORDER } from '../map/palette.ts';

/** What the readers need of an analysed plot. */
export interface DrawnPlot {
  index: number;
  town: string;
  status: string | null;
  box: readonly number[] | null;
}

interface Frame {
  width: number;
  height: number;
  ratio: number;
  pixels: Uint8Array;
}

/** The next frame's pixels (RGBA, bottom row first as WebGL reads them). */
function readFrame(map: MapLibreMap): Promise<Frame> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const canvas = map.getCanvas();
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const { drawingBufferWidth: width, drawingBufferHeight: height } = gl;
      const pixels = new Uint8Array(width * height * 4);
      gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
      resolve({ width, height, ratio: width / canvas.clientWidth, pixels });
    });
    map.triggerRepaint();
  });
}

function hex(pixels: Uint8Array, at: number): string {
  return `#${[pixels[at], pixels[at + 1], pixels[at + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The colours drawn within `radiusPx` CSS pixels of each plot's dot (its box centre), for the
 * plots of `indices` (all when null) that are on screen and of `town` (null: any).
 */
export async function plotDotColours(
  map: MapLibreMap,
  plots: readonly DrawnPlot[],
  town: string | null,
  indices: readonly number[] | null,
  radiusPx = 0,
): Promise<Record<number, string[]>> {
  const frame = await readFrame(map);
  const colours: Record<number, string[]> = {};
  for (const index of indices ?? plots.map((plot) => plot.index)) {
    const plot = plots[index];
    const box = plot?.box;
    if (!plot || !box || (town !== null && plot.town !== town)) continue;
    const at = map.project([
      ((box[0] as number) + (box[2] as number)) / 2,
      ((box[1] as number) + (box[3] as number)) / 2,
    ]);
    const found = new Set<string>();
    const reach = Math.round(radiusPx * frame.ratio);
    const cx = Math.floor(at.x * frame.ratio);
    const cy = Math.floor(at.y * frame.ratio);
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= frame.width || y >= frame.height) continue;
        found.add(hex(frame.pixels, ((frame.height - 1 - y) * frame.width + x) * 4));
      }
    }
    if (found.size > 0) colours[index] = [...found];
  }
  return colours;
}

function near(a: string, b: string, tolerance: number): boolean {
  for (const shift of [1, 3, 5]) {
    const d = Number.parseInt(a.slice(shift, shift + 2), 16) - Number.parseInt(b.slice(shift, shift + 2), 16);
    if (Math.abs(d) > tolerance) return false;
  }
  return true;
}

/**
 * The plots on screen whose own status colour shows at their dot (within `radiusPx` of its
 * centre: a later plot's dot may cover most of it), and which statuses are seen so: the county
 * view drew them, in the right place and colour.
 */
export async function drawnPlotDots(
  map: MapLibreMap,
  plots: readonly DrawnPlot[],
  town: string | null,
  radiusPx = 1,
): Promise<{ count: number; statuses: string[] }> {
  const colours = await plotDotColours(map, plots, town, null, radiusPx);
  let count = 0;
  const statuses = new Set<string>();
  for (const [index, seen] of Object.entries(colours)) {
    const status = plots[Number(index)]?.status;
    const own = STATUS_ORDER.find((s) => s === status);
    if (!own || !seen.some((colour) => near(colour, STATUS_COLORS[own], 24))) continue;
    count++;
    statuses.add(own);
  }
  return { count, statuses: [...statuses].sort() };
}
