/**
 * Slides of the briefing mode (汇报模式) as plan data: a prepared view (camera, visible layers,
 * scenario, highlighted town or plots) with a caption. `readSlides` checks the `slides` member of
 * a plan file entry by entry and names the part that is wrong; it never throws.
 */

import type { Message } from '../types.ts';
import { childPath } from './plan-problems.ts';
import type { PlanReader } from './plan-reader.ts';

/** Where the map looks: longitude/latitude in WGS84 degrees, MapLibre zoom, bearing and pitch in degrees. */
export interface SlideCamera {
  center: [number, number];
  zoom: number;
  /** Degrees clockwise from north, −360…360. */
  bearing: number;
  /** Degrees from looking straight down, 0…85. */
  pitch: number;
  /**
   * The extent the planner saw, the panels over the map left out: [west, south, east, north], WGS84
   * degrees. Briefing fits it to the screen it is shown on. Absent in slides recorded before it was
   * kept: their extent is taken around `center` at `zoom` (state/slide-bounds.ts).
   */
  bounds?: [number, number, number, number];
}

/** Which of the plan's layers the slide shows. */
export interface SlideLayers {
  boundary: boolean;
  control: boolean;
  plots: boolean;
}

export interface Slide {
  /** Unique among the plan's slides. */
  id: string;
  /** The title shown in briefing mode; the planner edits it. */
  caption: string;
  camera: SlideCamera;
  layers: SlideLayers;
  /** The scenario shown (made active); '' keeps whichever is active. */
  scenarioId: string;
  /** The town highlighted (only its plots shown); absent for the whole city. */
  town?: string;
  /** Plots highlighted, by plot id (the plot's `id` property, as scenario actions name them). */
  plotIds?: string[];
  /**
   * The plan year shown (逐年推演): the map, the targets' bars and the quota ledger as they stand at
   * the end of that year. Absent for the whole plan.
   */
  year?: number;
}

/** The keys of a slide in the order they are written. */
export const SLIDE_KEYS = [
  'id',
  'caption',
  'camera',
  'layers',
  'scenarioId',
  'town',
  'plotIds',
  'year',
] as const;

/** The years a slide may record (a plan's horizon lies within them). */
export const SLIDE_YEARS = { min: 1990, max: 2100 } as const;

/** Limits of the camera, the same as MapLibre's. */
export const MAX_ZOOM = 24;
export const MAX_PITCH = 85;

const EXPECT = {
  center: {
    zh: '[经度, 纬度]（WGS84，经度 −180…180，纬度 −90…90）',
    en: '[longitude, latitude] (WGS84 degrees)',
  },
  zoom: { zh: `0 到 ${MAX_ZOOM} 之间的缩放级别`, en: `a zoom level from 0 to ${MAX_ZOOM}` },
  bearing: { zh: '−360 到 360 之间的角度', en: 'an angle from −360 to 360 degrees' },
  pitch: { zh: `0 到 ${MAX_PITCH} 之间的角度`, en: `an angle from 0 to ${MAX_PITCH} degrees` },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  string: { zh: '文本', en: 'a text (string)' },
  plotIds: { zh: '地块编号（文本）的数组', en: 'an array of plot ids (texts)' },
  year: {
    zh: `${SLIDE_YEARS.min} 到 ${SLIDE_YEARS.max} 之间的整数年份`,
    en: `a whole year from ${SLIDE_YEARS.min} to ${SLIDE_YEARS.max}`,
  },
  bounds: {
    zh: '[西, 南, 东, 北]（WGS84 经纬度，西 < 东，南 < 北）',
    en: '[west, south, east, north] (WGS84 degrees, west < east, south < north)',
  },
} satisfies Record<string, Message>;

function isFiniteIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function readCamera(reader: PlanReader, value: unknown, path: string): SlideCamera | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['center', 'zoom', 'bearing', 'pitch', 'bounds'], path);
  const center = reader.required(record, 'center', path);
  let lonLat: [number, number] | undefined;
  if (center !== undefined) {
    if (
      Array.isArray(center) &&
      center.length === 2 &&
      isFiniteIn(center[0], -180, 180) &&
      isFiniteIn(center[1], -90, 90)
    )
      lonLat = [center[0], center[1]];
    else reader.wrong(childPath(path, 'center'), EXPECT.center, center);
  }
  const zoom = reader.number(record, 'zoom', path, (n) => n >= 0 && n <= MAX_ZOOM, EXPECT.zoom);
  const bearing = reader.number(record, 'bearing', path, (n) => n >= -360 && n <= 360, EXPECT.bearing);
  const pitch = reader.number(record, 'pitch', path, (n) => n >= 0 && n <= MAX_PITCH, EXPECT.pitch);
  const bounds = readBounds(reader, record.bounds, childPath(path, 'bounds'));
  if (!lonLat || zoom === undefined || bearing === undefined || pitch === undefined || bounds === null)
    return undefined;
  return bounds ? { center: lonLat, zoom, bearing, pitch, bounds } : { center: lonLat, zoom, bearing, pitch };
}

/** A camera's optional `bounds`: undefined when absent, null (a problem noted) when wrong. */
function readBounds(
  reader: PlanReader,
  value: unknown,
  path: string,
): [number, number, number, number] | undefined | null {
  if (value === undefined) return undefined;
  if (
    Array.isArray(value) &&
    value.length === 4 &&
    isFiniteIn(value[0], -180, 180) &&
    isFiniteIn(value[1], -90, 90) &&
    isFiniteIn(value[2], -180, 180) &&
    isFiniteIn(value[3], -90, 90) &&
    value[0] < value[2] &&
    value[1] < value[3]
  )
    return [value[0], value[1], value[2], value[3]];
  reader.wrong(path, EXPECT.bounds, value);
  return null;
}

function readLayers(reader: PlanReader, value: unknown, path: string): SlideLayers | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['boundary', 'control', 'plots'], path);
  const layers: Partial<SlideLayers> = {};
  let ok = true;
  for (const key of ['boundary', 'control', 'plots'] as const) {
    const shown = reader.required(record, key, path);
    if (shown === undefined) ok = false;
    else if (typeof shown !== 'boolean') {
      reader.wrong(childPath(path, key), EXPECT.boolean, shown);
      ok = false;
    } else layers[key] = shown;
  }
  return ok ? (layers as SlideLayers) : undefined;
}

function readSlide(reader: PlanReader, value: unknown, path: string): Slide | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, SLIDE_KEYS, path);
  const id = reader.string(record, 'id', path, true);
  const caption = reader.string(record, 'caption', path);
  const cameraValue = reader.required(record, 'camera', path);
  const camera =
    cameraValue === undefined ? undefined : readCamera(reader, cameraValue, childPath(path, 'camera'));
  const layersValue = reader.required(record, 'layers', path);
  const layers =
    layersValue === undefined ? undefined : readLayers(reader, layersValue, childPath(path, 'layers'));
  const scenarioId = reader.string(record, 'scenarioId', path);
  let ok = true;
  let town: string | undefined;
  if (record.town !== undefined) {
    if (typeof record.town === 'string') town = record.town;
    else {
      reader.wrong(childPath(path, 'town'), EXPECT.string, record.town);
      ok = false;
    }
  }
  let plotIds: string[] | undefined;
  if (record.plotIds !== undefined) {
    const ids = record.plotIds;
    if (Array.isArray(ids) && ids.every((item) => typeof item === 'string')) plotIds = [...ids];
    else {
      reader.wrong(childPath(path, 'plotIds'), EXPECT.plotIds, ids);
      ok = false;
    }
  }
  let year: number | undefined;
  if (record.year !== undefined) {
    const value = record.year;
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= SLIDE_YEARS.min &&
      value <= SLIDE_YEARS.max
    )
      year = value;
    else {
      reader.wrong(childPath(path, 'year'), EXPECT.year, value);
      ok = false;
    }
  }
  if (!ok || id === undefined || caption === undefined || !camera || !layers || scenarioId === undefined)
    return undefined;
  const slide: Slide = { id, caption, camera, layers, scenarioId };
  if (town !== undefined) slide.town = town;
  if (plotIds !== undefined) slide.plotIds = plotIds;
  if (year !== undefined) slide.year = year;
  return slide;
}

/**
 * Reads the `slides` member of a plan file. A damaged entry is a problem naming it (`slides[2].camera.zoom`):
 * slides are the planner's own work, so a file whose slides cannot all be read is not opened rather
 * than saved again without some of them.
 * @param value the member as parsed from JSON
 * @returns the slides, or undefined when any is wrong (the reader then holds the problems)
 */
export function readSlides(reader: PlanReader, value: unknown): Slide[] | undefined {
  const list = reader.array(value, 'slides');
  if (!list) return undefined;
  const slides: Slide[] = [];
  const ids = new Set<string>();
  let ok = true;
  list.forEach((item, index) => {
    const slide = readSlide(reader, item, childPath('slides', index));
    if (!slide) {
      ok = false;
      return;
    }
    if (ids.has(slide.id)) {
      reader.duplicate('slides', slide.id);
      ok = false;
    }
    ids.add(slide.id);
    slides.push(slide);
  });
  return ok ? slides : undefined;
}
