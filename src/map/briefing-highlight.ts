/**
 * The highlight of the current slide on a map: the development boundary of its town and its plots,
 * outlined in yellow on a black casing (a colour no status, action or zone uses), above the plan
 * layers and below the Cixi outline and the labels. Follows the store; writes to MapLibre only when
 * the highlighted slide (or the plot data) changes. The same class serves the main map and the swipe's maps.
 */

import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Slide } from '../core/plan/slides.ts';
import type { PlotOutlines } from '../core/plot-outlines.ts';
import type { PlannerState } from '../state/planner-state.ts';
import { selectCurrentSlide } from '../state/slide-list.ts';
import type { PlannerStore } from '../state/store.ts';
import { asSourceData } from './build-style.ts';
import { keepOverlay } from './keep-overlay.ts';
import { HIGHLIGHT_COLORS, TRANSPARENT } from './palette.ts';
import { POLYGONS_FROM_ZOOM } from './plot-tile-urls.ts';
import { plotIndexById, plotPoints, plotShapes } from './scenario-layers.ts';
import { NOTHING_SELECTED, townFilter } from './style-expressions.ts';
import { LAYER, SOURCE } from './style-ids.ts';

export const HIGHLIGHT_LAYER = {
  townCasing: 'briefing-town-casing',
  town: 'briefing-town',
  plotsCasing: 'briefing-plots-casing',
  plots: 'briefing-plots',
  dots: 'briefing-plot-dots',
} as const;

/** The highlighted plots' centres, for the county view (where plots are raster dots). */
export const HIGHLIGHT_POINTS_SOURCE = 'briefing-plot-points';
/** The highlighted plots' polygons, for the close view. */
export const HIGHLIGHT_SHAPES_SOURCE = 'briefing-plot-shapes';

/** The layer the highlight goes under: the Cixi outline's halo (base-layers.ts). */
const BELOW_LAYER = LAYER.cixiHalo;

/** The filter of the town highlight layers for `slide` (nothing when it has no town). */
export function highlightTownFilter(slide: Pick<Slide, 'town'> | null): FilterSpecification {
  return slide?.town === undefined || slide.town === null ? NOTHING_SELECTED : townFilter(slide.town);
}

/**
 * `slide`'s plots, found by id among the analysed rows (unknown ids skipped): their box centres for
 * the county view and their polygons for the close view. Their own small sources, not a filter on
 * the plot tiles: a new filter there would make MapLibre lay out every loaded tile again.
 */
export function highlightPlots(
  slide: Pick<Slide, 'plotIds'> | null,
  rows: readonly { index: number; id: string; box: readonly number[] | null }[],
  plots: PlotOutlines | null | undefined,
): { points: ReturnType<typeof plotPoints>; shapes: ReturnType<typeof plotShapes> } {
  const ids = slide?.plotIds ?? [];
  // No plots: no index of 100,000 ids to build (about 90 ms) for nothing.
  if (ids.length === 0)
    return { points: plotPoints(rows, [], 'highlight'), shapes: plotShapes(plots, rows, [], 'highlight') };
  const indexOf = plotIndexById(rows);
  const indices = ids.flatMap((id) => {
    const index = indexOf.get(id);
    return index === undefined ? [] : [index];
  });
  return {
    points: plotPoints(rows, indices, 'highlight'),
    shapes: plotShapes(plots, rows, indices, 'highlight'),
  };
}

/** The highlight layers, showing nothing until their filter and sources are set. */
export function highlightLayers(): LayerSpecification[] {
  return [
    {
      id: HIGHLIGHT_LAYER.townCasing,
      type: 'line',
      source: SOURCE.boundary,
      filter: NOTHING_SELECTED,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': HIGHLIGHT_COLORS.casing,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 5, 15, 9],
      },
    },
    {
      id: HIGHLIGHT_LAYER.town,
      type: 'line',
      source: SOURCE.boundary,
      filter: NOTHING_SELECTED,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': HIGHLIGHT_COLORS.line,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 15, 5],
      },
    },
    {
      id: HIGHLIGHT_LAYER.plotsCasing,
      type: 'line',
      source: HIGHLIGHT_SHAPES_SOURCE,
      minzoom: POLYGONS_FROM_ZOOM,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_COLORS.casing, 'line-width': 7 },
    },
    {
      id: HIGHLIGHT_LAYER.plots,
      type: 'line',
      source: HIGHLIGHT_SHAPES_SOURCE,
      minzoom: POLYGONS_FROM_ZOOM,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_COLORS.line, 'line-width': 4 },
    },
    {
      id: HIGHLIGHT_LAYER.dots,
      type: 'circle',
      source: HIGHLIGHT_POINTS_SOURCE,
      maxzoom: POLYGONS_FROM_ZOOM,
      paint: {
        'circle-radius': 6,
        'circle-color': TRANSPARENT,
        'circle-stroke-color': HIGHLIGHT_COLORS.line,
        'circle-stroke-width': 3,
      },
    },
  ];
}

export class SlideHighlighter {
  private readonly map: MapLibreMap;
  private readonly store: PlannerStore;
  private readonly unsubscribe: () => void;
  /** The slide highlighted now; undefined until the layers are on the map. */
  private shown: Slide | null | undefined = undefined;
  /** The analysis and plot layer the highlighted plots were placed from. */
  private placedFrom: { analysis: PlannerState['analysis']; layers: PlannerState['layers'] } | undefined =
    undefined;
  private plotCount = 0;

  constructor(map: MapLibreMap, store: PlannerStore) {
    this.map = map;
    this.store = store;
    this.unsubscribe = store.subscribe(() => this.sync());
    // While the WebGL context is lost the map has no style; the rebuilt one is highlighted afresh.
    keepOverlay(map, {
      sources: [HIGHLIGHT_POINTS_SOURCE, HIGHLIGHT_SHAPES_SOURCE],
      layers: highlightLayers,
      below: BELOW_LAYER,
      lost: () => {
        this.shown = undefined;
        this.placedFrom = undefined;
      },
      added: () => {
        this.shown = null;
        this.sync();
      },
    });
  }

  destroy(): void {
    this.unsubscribe();
  }

  private sync(): void {
    if (this.shown === undefined) return;
    const state = this.store.getState();
    const slide = selectCurrentSlide(state);
    const placed = this.placedFrom?.analysis === state.analysis && this.placedFrom?.layers === state.layers;
    if (slide === this.shown && placed) return;
    if (slide !== this.shown) {
      const town = highlightTownFilter(slide);
      this.map.setFilter(HIGHLIGHT_LAYER.townCasing, town);
      this.map.setFilter(HIGHLIGHT_LAYER.town, town);
    }
    this.shown = slide;
    this.placedFrom = { analysis: state.analysis, layers: state.layers };
    const { points, shapes } = highlightPlots(slide, state.analysis?.rows ?? [], state.layers?.plots);
    // None before and none now: no upload (each costs the map a frame).
    if (points.features.length > 0 || this.plotCount > 0) {
      this.map.getSource<GeoJSONSource>(HIGHLIGHT_POINTS_SOURCE)?.setData(asSourceData(points));
      this.map.getSource<GeoJSONSource>(HIGHLIGHT_SHAPES_SOURCE)?.setData(asSourceData(shapes));
    }
    this.plotCount = points.features.length;
  }
}
