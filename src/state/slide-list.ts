/**
 * The slides of briefing mode as pure functions on lists: record the working view as a slide,
 * rename, move, remove, step, and what showing a slide changes in the store. Lists are never
 * mutated; an operation that changes nothing returns the list it was given.
 */

import type { Slide, SlideCamera } from '../core/plan/slides.ts';
import type { LayerKind, Message } from '../core/types.ts';
import type { History, PlannerState } from './planner-state.ts';
import { slideBounds } from './slide-bounds.ts';

/** What a slide is recorded from: the working view. */
export interface SlideSource {
  camera: SlideCamera;
  visible: Readonly<Record<LayerKind, boolean>>;
  /** The active scenario. */
  scenarioId: string;
  /** The town chosen on the dashboard, or null for the whole city. */
  town: string | null;
  /** Plots picked or selected, by plot id. */
  plotIds: readonly string[];
  /** The year the years control shows (逐年推演), or null for the whole plan. */
  year: number | null;
}

/**
 * The working view of `state` as a slide's source, with `camera` read from the map. The plots
 * highlighted are those picked (box selection, the table's filter), else the selected plot.
 */
export function slideSourceOf(
  state: Pick<
    PlannerState,
    'visible' | 'scenarioSet' | 'town' | 'pickedPlots' | 'selectedPlot' | 'analysis' | 'playbackYear'
  >,
  camera: SlideCamera,
): SlideSource {
  const rows = state.analysis?.rows ?? [];
  const indices =
    state.pickedPlots.length > 0
      ? state.pickedPlots
      : state.selectedPlot === null
        ? []
        : [state.selectedPlot];
  const plotIds = indices.map((index) => rows[index]?.id).filter((id): id is string => id !== undefined);
  return {
    camera,
    visible: state.visible,
    scenarioId: state.scenarioSet.activeScenarioId,
    town: state.town,
    plotIds,
    year: state.playbackYear,
  };
}

/** A new slide of `source`; the town and plots are left out when there are none. */
export function createSlide(source: SlideSource, id: string, caption: string): Slide {
  const { center, zoom, bearing, pitch, bounds } = source.camera;
  const slide: Slide = {
    id,
    caption,
    camera: {
      center: [center[0], center[1]],
      zoom,
      bearing,
      pitch,
      ...(bounds ? { bounds: [bounds[0], bounds[1], bounds[2], bounds[3]] } : {}),
    },
    layers: {
      boundary: source.visible.boundary,
      control: source.visible.control,
      plots: source.visible.plots,
    },
    scenarioId: source.scenarioId,
  };
  if (source.town !== null) slide.town = source.town;
  if (source.plotIds.length > 0) slide.plotIds = [...source.plotIds];
  if (source.year !== null) slide.year = source.year;
  return slide;
}

/** `slides` with `slide` added at `index` (the end by default). */
export function insertSlide(slides: readonly Slide[], slide: Slide, index = slides.length): Slide[] {
  const at = Math.min(Math.max(0, index), slides.length);
  return [...slides.slice(0, at), slide, ...slides.slice(at)];
}

/** `slides` with the caption of slide `id` changed. */
export function renameSlide(slides: Slide[], id: string, caption: string): Slide[] {
  const index = slides.findIndex((slide) => slide.id === id);
  const slide = slides[index];
  if (!slide || slide.caption === caption) return slides;
  return slides.map((s, i) => (i === index ? { ...slide, caption } : s));
}

/** `slides` with slide `id` moved `offset` places (−1 up, +1 down); unchanged at either end. */
export function moveSlide(slides: Slide[], id: string, offset: number): Slide[] {
  const from = slides.findIndex((slide) => slide.id === id);
  const to = from + offset;
  if (from < 0 || offset === 0 || to < 0 || to >= slides.length) return slides;
  const next = [...slides];
  const [slide] = next.splice(from, 1);
  if (slide) next.splice(to, 0, slide);
  return next;
}

/** `slides` without slide `id`. */
export function removeSlide(slides: Slide[], id: string): Slide[] {
  const next = slides.filter((slide) => slide.id !== id);
  return next.length === slides.length ? slides : next;
}

/**
 * The slide `step` places from slide `currentId` (clamped to the first and the last); with no
 * current slide, the first. null when there are no slides.
 */
export function steppedSlide(slides: readonly Slide[], currentId: string | null, step: number): Slide | null {
  if (slides.length === 0) return null;
  const current = slides.findIndex((slide) => slide.id === currentId);
  if (current < 0) return slides[0] ?? null;
  const next = Math.min(slides.length - 1, Math.max(0, current + step));
  return slides[next] ?? null;
}

/**
 * What showing `slide` changes in the store: the layers, the town, the active scenario (when it
 * still exists; going to a slide is not an edit and leaves the undo history alone), a request for
 * its extent (fitted to the screen it is shown on: slide-bounds.ts), the year it recorded (逐年推演:
 * the plan as at the end of that year, still; none shows the whole plan), and the slide as the
 * current one (its town and plots are highlighted).
 */
export function slideViewChanges(
  state: Pick<PlannerState, 'scenarioSet' | 'viewRequest'>,
  slide: Slide,
): Pick<
  PlannerState,
  'visible' | 'town' | 'scenarioSet' | 'viewRequest' | 'currentSlideId' | 'playbackYear' | 'playing'
> {
  const exists = state.scenarioSet.scenarios.some((scenario) => scenario.id === slide.scenarioId);
  const { center, zoom, bearing, pitch } = slide.camera;
  return {
    visible: { ...slide.layers },
    town: slide.town ?? null,
    scenarioSet:
      exists && state.scenarioSet.activeScenarioId !== slide.scenarioId
        ? { ...state.scenarioSet, activeScenarioId: slide.scenarioId }
        : state.scenarioSet,
    viewRequest: {
      center: [center[0], center[1]],
      zoom,
      bearing,
      pitch,
      bounds: slideBounds(slide),
      serial: (state.viewRequest?.serial ?? 0) + 1,
    },
    currentSlideId: slide.id,
    playbackYear: slide.year ?? null,
    playing: false,
  };
}

/** The slides `slides` with the history `history`; the current slide is kept while it exists. */
export function slidesAfterHistory(
  state: Pick<PlannerState, 'currentSlideId'>,
  slides: Slide[],
  history: History,
): Pick<PlannerState, 'slides' | 'currentSlideId' | 'history'> {
  const current = slides.some((slide) => slide.id === state.currentSlideId) ? state.currentSlideId : null;
  return { slides, currentSlideId: current, history };
}

/** The slide shown last (highlighted on the map), or null. */
export function selectCurrentSlide(state: Pick<PlannerState, 'slides' | 'currentSlideId'>): Slide | null {
  if (state.currentSlideId === null) return null;
  return state.slides.find((slide) => slide.id === state.currentSlideId) ?? null;
}

/** The text of a caption inside a label: “…”, shortened. */
function quoted(caption: string): Message {
  const short = caption.length > 24 ? `${caption.slice(0, 24)}…` : caption;
  return { zh: `“${short}”`, en: `"${short}"` };
}

/** Names of the undo steps of slide edits. */
export const SLIDE_LABELS = {
  record: (caption: string): Message => ({
    zh: `添加汇报页${quoted(caption).zh}`,
    en: `Add slide ${quoted(caption).en}`,
  }),
  rename: (caption: string): Message => ({
    zh: `重命名汇报页为${quoted(caption).zh}`,
    en: `Rename slide to ${quoted(caption).en}`,
  }),
  move: (caption: string, offset: number): Message =>
    offset < 0
      ? { zh: `上移汇报页${quoted(caption).zh}`, en: `Move slide ${quoted(caption).en} up` }
      : { zh: `下移汇报页${quoted(caption).zh}`, en: `Move slide ${quoted(caption).en} down` },
  remove: (caption: string): Message => ({
    zh: `删除汇报页${quoted(caption).zh}`,
    en: `Delete slide ${quoted(caption).en}`,
  }),
} as const;
