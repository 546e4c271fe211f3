/**
 * The map as a PNG for briefings and print: MapLibre's canvas (kept readable by
 * `preserveDrawingBuffer`) composed on a 2D canvas with a title (plan and scenario), the legend, a
 * scale bar, a north arrow, the data credits, the area method and the sample label. At screen
 * resolution, or for print at the width of an A4 page at 300 dpi (at least 2×): the map is drawn
 * again at that pixel ratio, read, and set back.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import { actionName, DRAWN_ACTIONS } from '../core/catalogue/action-catalogue.ts';
import { AREA_METHOD } from '../core/settings.ts';
import { formatCount, mapAttribution, translate } from '../i18n/messages.ts';
import {
  ACTION_COLORS,
  PLAN_COLORS,
  STATUS_COLORS,
  STATUS_ORDER,
  UNCLASSIFIED_COLOR,
} from '../map/palette.ts';
import { SOURCE } from '../map/style-ids.ts';
import type { PlannerState } from '../state/planner-state.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { selectPlanCredits, selectSampleLabel } from '../state/select-sample-data.ts';
import type { PlannerStore } from '../state/store.ts';
import { download, fileNameFor } from './download.ts';
import { exportText } from './export-text.ts';

/** The map the export reads (the lead's MapView passes its controller's map). */
export type ExportableMap = MapLibreMap;

/** A4 width (210 mm) at 300 dpi, in pixels. */
export const A4_WIDTH_300_DPI = 2480;
/** MapLibre's default maxCanvasSize: a larger drawing buffer is scaled down by MapLibre anyway. */
const MAX_CANVAS_PX = 4096;
/** Equatorial radius of WGS84, m (Web Mercator's sphere). */
const EARTH_RADIUS_M = 6_378_137;
/** MapLibre's tile size in CSS pixels at zoom z: the world is 512 · 2^z pixels wide. */
const TILE_SIZE_PX = 512;
const FONT_FAMILY = '"Planner Noto Sans SC", system-ui, "Microsoft YaHei", sans-serif';

/**
 * Ground metres per CSS pixel of a Web Mercator map at `latitude` (degrees) and MapLibre `zoom`:
 * 2πR·cos φ / (512 · 2^zoom).
 */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (2 * Math.PI * EARTH_RADIUS_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE_PX * 2 ** zoom);
}

/** The longest round length (1, 2 or 5 × 10^k metres) not longer than `maxMetres`. */
export function niceScaleLength(maxMetres: number): number {
  if (!(maxMetres > 0) || !Number.isFinite(maxMetres)) return 0;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((s) => s * power <= maxMetres) ?? 1;
  return step * power;
}

/** A scale bar's label: metres below 1 km, else kilometres. */
export function formatDistance(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

/**
 * The pixel ratio for a print export of a map `cssWidth` × `cssHeight` CSS pixels wide: A4 width at
 * 300 dpi, at least 2, and within MapLibre's largest canvas.
 */
export function printPixelRatio(cssWidth: number, cssHeight: number): number {
  const wanted = Math.max(2, A4_WIDTH_300_DPI / cssWidth);
  return Math.min(wanted, MAX_CANVAS_PX / cssWidth, MAX_CANVAS_PX / cssHeight);
}

export interface MapPngOptions {
  /** Print resolution (A4 at 300 dpi, at least 2×) instead of the screen's. */
  print?: boolean;
  now?: Date;
}

function idle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** Runs `read` on the map drawn at `pixelRatio`, then draws it at its own ratio again. */
async function atPixelRatio<T>(map: MapLibreMap, pixelRatio: number | null, read: () => T): Promise<T> {
  if (pixelRatio === null) {
    await idle(map);
    return read();
  }
  const original = map.getPixelRatio();
  try {
    map.setPixelRatio(pixelRatio);
    refreshRasterTiles(map, original, pixelRatio);
    await idle(map);
    return read();
  } finally {
    map.setPixelRatio(original);
    refreshRasterTiles(map, pixelRatio, original);
    map.triggerRepaint();
  }
}

/**
 * Fetches the county view's raster tiles again when the pixel ratio crosses 2: MapLibre keeps the
 * tiles it has when the ratio changes, and 1× dots scaled up to print resolution are soft.
 */
function refreshRasterTiles(map: MapLibreMap, from: number, to: number): void {
  if (from >= 2 === to >= 2 || !map.getSource(SOURCE.plotRaster)) return;
  map.refreshTiles(SOURCE.plotRaster);
}

interface LegendRow {
  label: string;
  draw: (context: CanvasRenderingContext2D, x: number, y: number, size: number) => void;
}

function swatch(color: string, outline?: string): LegendRow['draw'] {
  return (context, x, y, size) => {
    context.fillStyle = color;
    context.fillRect(x, y, size, size);
    if (outline) {
      context.strokeStyle = outline;
      context.lineWidth = size / 6;
      context.strokeRect(x + size / 12, y + size / 12, size - size / 6, size - size / 6);
    }
  };
}

function lineSymbol(color: string, dashed: boolean): LegendRow['draw'] {
  return (context, x, y, size) => {
    context.strokeStyle = color;
    context.lineWidth = size / 6;
    context.setLineDash(dashed ? [size / 3, size / 6] : []);
    context.beginPath();
    context.moveTo(x, y + size / 2);
    context.lineTo(x + size * 1.4, y + size / 2);
    context.stroke();
    context.setLineDash([]);
  };
}

function legendRows(state: PlannerState): LegendRow[] {
  const { language } = state;
  const baseline = state.analysis?.baseline;
  const rows: LegendRow[] = STATUS_ORDER.map((status) => ({
    label: `${translate(language, `status.${status}`)}${baseline ? `  ${formatCount(language, baseline.statusCounts[status])}` : ''}`,
    draw: swatch(STATUS_COLORS[status]),
  }));
  if (baseline && baseline.unclassified > 0) {
    rows.push({
      label: `${translate(language, 'legend.unclassified')}  ${formatCount(language, baseline.unclassified)}`,
      draw: swatch(UNCLASSIFIED_COLOR),
    });
  }
  const scenario = selectActiveScenario(state);
  const used = new Set(Object.values(scenario?.actions ?? {}).map((entry) => entry.action));
  for (const action of DRAWN_ACTIONS) {
    if (!used.has(action)) continue;
    const label = actionName(action);
    rows.push({
      label: language === 'en' ? label.en : label.zh,
      draw: swatch('#ffffff', ACTION_COLORS[action]),
    });
  }
  rows.push(
    { label: translate(language, 'legend.boundary'), draw: lineSymbol(PLAN_COLORS.boundaryLine, true) },
    { label: translate(language, 'legend.control'), draw: lineSymbol(PLAN_COLORS.controlLine, false) },
  );
  return rows;
}

/** Text wrapped to lines no wider than `maxWidth` (by characters: Chinese has no spaces). */
function wrapText(context: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line !== '' && context.measureText(line + char).width > maxWidth) {
      lines.push(line);
      line = char.trimStart();
    } else line += char;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Draws the map with title, legend, scale bar, north arrow, credits, area method and sample label
 * onto a new canvas. `ratio` is output pixels per CSS pixel of the map.
 */
function compose(
  mapCanvas: HTMLCanvasElement,
  ratio: number,
  state: PlannerState,
  view: { latitude: number; zoom: number },
): HTMLCanvasElement {
  const u = ratio;
  const width = mapCanvas.width;
  const font = (px: number, weight = 500) => `${weight} ${Math.round(px * u)}px ${FONT_FAMILY}`;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('No 2D canvas.');
  const { language } = state;
  const scenario = selectActiveScenario(state);
  const margin = 16 * u;

  // Footer text, wrapped to the width, decides the footer's height.
  measure.font = font(12);
  const footerLines = [
    ...wrapText(measure, language === 'en' ? AREA_METHOD.en : AREA_METHOD.zh, width - 2 * margin),
    ...wrapText(measure, mapAttribution(language, selectPlanCredits(state)), width - 2 * margin),
  ];
  // The sample label beside the title when it fits, else on a line of its own: never cut off.
  const title = scenario ? `${state.planName} · ${scenario.name}` : state.planName;
  const label = selectSampleLabel(state);
  measure.font = font(22, 700);
  const afterTitle = margin + measure.measureText(title).width + 16 * u;
  measure.font = font(17, 700);
  const labelWidth = label ? measure.measureText(label).width + 24 * u : 0;
  const labelFits = afterTitle + labelWidth <= width - margin;
  const titleHeight = (label && !labelFits ? 96 : 56) * u;
  const footerHeight = (footerLines.length * 18 + 16) * u;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = titleHeight + mapCanvas.height + footerHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas.');
  context.textBaseline = 'middle';

  // Title band: plan · scenario, and the sample label where every viewer sees it.
  context.fillStyle = '#1f2a44';
  context.fillRect(0, 0, width, titleHeight);
  context.fillStyle = '#ffffff';
  context.font = font(22, 700);
  context.fillText(title, margin, labelFits ? titleHeight / 2 : 28 * u);
  if (label) {
    context.font = font(17, 700);
    const x = labelFits ? afterTitle : margin;
    const y = labelFits ? titleHeight / 2 : 70 * u;
    context.fillStyle = '#ffd54a';
    context.fillRect(x, y - 16 * u, labelWidth, 32 * u);
    context.fillStyle = '#3a2a00';
    context.fillText(label, x + 12 * u, y);
  }

  // The map itself.
  const mapTop = titleHeight;
  context.drawImage(mapCanvas, 0, mapTop);

  // Legend, top left over the map.
  const rows = legendRows(state);
  context.font = font(14);
  const rowHeight = 24 * u;
  const symbol = 14 * u;
  const legendTitle = translate(language, 'legend.title');
  const textWidth = Math.max(...rows.map((row) => context.measureText(row.label).width));
  context.font = font(16, 700);
  const legendWidth =
    Math.max(context.measureText(legendTitle).width, symbol * 1.4 + 10 * u + textWidth) + 24 * u;
  const legendHeight = 36 * u + rows.length * rowHeight + 8 * u;
  const legendX = margin;
  const legendY = mapTop + margin;
  context.fillStyle = 'rgba(255, 255, 255, 0.92)';
  context.fillRect(legendX, legendY, legendWidth, legendHeight);
  context.strokeStyle = '#9aa0ab';
  context.lineWidth = Math.max(1, u);
  context.strokeRect(legendX, legendY, legendWidth, legendHeight);
  context.fillStyle = '#1a1a1a';
  context.fillText(legendTitle, legendX + 12 * u, legendY + 20 * u);
  context.font = font(14);
  rows.forEach((row, i) => {
    const y = legendY + 36 * u + i * rowHeight;
    row.draw(context, legendX + 12 * u, y + (rowHeight - symbol) / 2, symbol);
    context.fillStyle = '#1a1a1a';
    context.fillText(row.label, legendX + 12 * u + symbol * 1.4 + 10 * u, y + rowHeight / 2);
  });

  // North arrow, top right over the map (the map is never rotated).
  const arrowX = width - margin - 22 * u;
  const arrowY = mapTop + margin + 8 * u;
  context.fillStyle = 'rgba(255, 255, 255, 0.92)';
  context.beginPath();
  context.arc(arrowX, arrowY + 26 * u, 26 * u, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = '#1a1a1a';
  context.beginPath();
  context.moveTo(arrowX, arrowY + 21 * u);
  context.lineTo(arrowX + 10 * u, arrowY + 47 * u);
  context.lineTo(arrowX, arrowY + 41 * u);
  context.lineTo(arrowX - 10 * u, arrowY + 47 * u);
  context.closePath();
  context.fill();
  context.font = font(13, 700);
  context.textAlign = 'center';
  context.fillText(exportText(language, 'export.map.north'), arrowX, arrowY + 12 * u);
  context.textAlign = 'left';

  // Scale bar, bottom left over the map: the ground length of 160 CSS pixels at the centre, rounded down.
  const metresPerOutputPixel = metresPerPixel(view.latitude, view.zoom) / u;
  const lengthM = niceScaleLength(160 * u * metresPerOutputPixel);
  if (lengthM > 0) {
    const barWidth = lengthM / metresPerOutputPixel;
    const barX = margin;
    const barY = mapTop + mapCanvas.height - margin - 10 * u;
    context.fillStyle = 'rgba(255, 255, 255, 0.92)';
    context.fillRect(barX - 8 * u, barY - 30 * u, barWidth + 16 * u, 44 * u);
    context.fillStyle = '#1a1a1a';
    context.fillRect(barX, barY, barWidth / 2, 6 * u);
    context.strokeStyle = '#1a1a1a';
    context.lineWidth = Math.max(1, 1.5 * u);
    context.strokeRect(barX, barY, barWidth, 6 * u);
    context.font = font(13, 700);
    context.fillText(formatDistance(lengthM), barX, barY - 14 * u);
  }

  // Footer: area method and credits.
  context.fillStyle = '#ffffff';
  context.fillRect(0, mapTop + mapCanvas.height, width, footerHeight);
  context.fillStyle = '#333333';
  context.font = font(12);
  footerLines.forEach((line, i) => {
    context.fillText(line, margin, mapTop + mapCanvas.height + (8 + 9 + i * 18) * u);
  });
  return canvas;
}

function toPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The canvas gave no PNG.'))),
      'image/png',
    );
  });
}

/** The composed map as a PNG; for print, drawn again at the print pixel ratio first. */
export async function renderMapPng(
  map: ExportableMap,
  state: PlannerState,
  options: MapPngOptions = {},
): Promise<Blob> {
  // The labels of the composition use the page's font; it is loaded already unless the start gave up.
  await document.fonts.load(`16px ${FONT_FAMILY}`, '工').catch(() => []);
  const container = map.getContainer();
  const cssWidth = container.clientWidth;
  const cssHeight = container.clientHeight;
  const target = options.print ? printPixelRatio(cssWidth, cssHeight) : null;
  const center = map.getCenter();
  const view = { latitude: center.lat, zoom: map.getZoom() };
  const composed = await atPixelRatio(map, target, () => {
    const mapCanvas = map.getCanvas();
    // The ratio MapLibre actually used (it may scale down to its largest canvas).
    return compose(mapCanvas, mapCanvas.width / cssWidth, state, view);
  });
  return toPngBlob(composed);
}

/** Offers the map as a PNG download; false before a plan is open. */
export async function exportMapPng(
  map: ExportableMap,
  store: PlannerStore,
  options: MapPngOptions = {},
): Promise<boolean> {
  const state = store.getState();
  if (!state.layers) return false;
  const blob = await renderMapPng(map, state, options);
  const key = options.print ? 'export.file.mapPrint' : 'export.file.map';
  download(
    blob,
    fileNameFor(
      state.planName,
      `-${exportText(state.language, key)}.png`,
      selectActiveScenario(state)?.name,
      options.now,
    ),
  );
  return true;
}
