/**
 * The highlight of the current slide on a map: the development boundary of its town and its plots,
 * outlined in yellow on a black casing (a colour no status, action or zone uses), above the plan
 * layers and below the Cixi outline and the labels. Follows the store; writes filters to MapLibre
 * only when the highlighted slide changes. The same class serves the main map and the swipe's maps.
 */

import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Slide } from '../core/plan/slides.ts';
import { selectCurrentSlide } from '../state/slides.ts';
import type { PlannerState, PlannerStore } from '../state/store.ts';
import { plotIndexById, plotPoints } from './scenario-layers.ts';
import { asSourceData, NOTHING_SELECTED, PLOT_SOURCE_LAYER, POLYGONS_FROM_ZOOM, SOURCE } from './style.ts';

export const HIGHLIGHT_COLOR = '#ffd400';
export const HIGHLIGHT_CASING = '#111111';

export const HIGHLIGHT_LAYER = {
  townCasing: 'briefing-town-casing',
  town: 'briefing-town',
  plotsCasing: 'briefing-plots-casing',
  plots: 'briefing-plots',
  dots: 'briefing-plot-dots',
} as const;

/** The highlighted plots' centres, for the county view (where plots are raster dots). */
export const HIGHLIGHT_POINTS_SOURCE = 'briefing-plot-points';

/** The layer the highlight goes under: the Cixi outline's halo (style.ts). */
const BELOW_LAYER = 'cixi-halo';

/**
 * The filters of the highlight layers for `slide` (null: nothing highlighted). The county view's
 * dots need none: their source holds only the highlighted plots.
 */
export function highlightFilters(slide: Pick<Slide, 'town' | 'plotIds'> | null): {
  town: FilterSpecification;
  plots: FilterSpecification;
} {
  const town: FilterSpecification =
    slide?.town === undefined || slide.town === null ? NOTHING_SELECTED : ['==', ['get', 'town'], slide.town];
  const ids = slide?.plotIds ?? [];
  if (ids.length === 0) return { town, plots: NOTHING_SELECTED };
  return { town, plots: ['in', ['get', 'id'], ['literal', [...ids]]] };
}

/** The county-view points of `slide`'s plots, placed from the analysed rows. */
export function highlightPoints(
  slide: Pick<Slide, 'plotIds'> | null,
  rows: readonly { index: number; id: string; box: readonly number[] | null }[],
): ReturnType<typeof plotPoints> {
  const ids = slide?.plotIds ?? [];
  // No plots: no index of 100,000 ids to build (about 90 ms) for nothing.
  if (ids.length === 0) return plotPoints(rows, [], 'highlight');
  const indexOf = plotIndexById(rows);
  const indices = ids.flatMap((id) => {
    const index = indexOf.get(id);
    return index === undefined ? [] : [index];
  });
  return plotPoints(rows, indices, 'highlight');
}

/** The highlight layers, showing nothing until their filters are set. */
export function highlightLayers(): LayerSpecification[] {
  return [
    {
      id: HIGHLIGHT_LAYER.townCasing,
      type: 'line',
      source: SOURCE.boundary,
      filter: NOTHING_SELECTED,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': HIGHLIGHT_CASING,
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
        'line-color': HIGHLIGHT_COLOR,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 15, 5],
      },
    },
    {
      id: HIGHLIGHT_LAYER.plotsCasing,
      type: 'line',
      source: SOURCE.plots,
      'source-layer': PLOT_SOURCE_LAYER.plots,
      minzoom: POLYGONS_FROM_ZOOM,
      filter: NOTHING_SELECTED,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_CASING, 'line-width': 7 },
    },
    {
      id: HIGHLIGHT_LAYER.plots,
      type: 'line',
      source: SOURCE.plots,
      'source-layer': PLOT_SOURCE_LAYER.plots,
      minzoom: POLYGONS_FROM_ZOOM,
      filter: NOTHING_SELECTED,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': 4 },
    },
    {
      id: HIGHLIGHT_LAYER.dots,
      type: 'circle',
      source: HIGHLIGHT_POINTS_SOURCE,
      maxzoom: POLYGONS_FROM_ZOOM,
      paint: {
        'circle-radius': 6,
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-stroke-color': HIGHLIGHT_COLOR,
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
  /** The analysis the highlighted points were placed from. */
  private pointsOf: PlannerState['analysis'] | undefined = undefined;
  private pointCount = 0;

  constructor(map: MapLibreMap, store: PlannerStore) {
    this.map = map;
    this.store = store;
    this.unsubscribe = store.subscribe(() => this.sync());
    if (map.isStyleLoaded()) this.addLayers();
    else map.once('load', () => this.addLayers());
  }

  destroy(): void {
    this.unsubscribe();
  }

  private addLayers(): void {
    const before = this.map.getLayer(BELOW_LAYER) ? BELOW_LAYER : undefined;
    if (!this.map.getSource(HIGHLIGHT_POINTS_SOURCE))
      this.map.addSource(HIGHLIGHT_POINTS_SOURCE, { type: 'geojson', data: asSourceData(null) });
    for (const layer of highlightLayers()) if (!this.map.getLayer(layer.id)) this.map.addLayer(layer, before);
    this.shown = null;
    this.sync();
  }

  private sync(): void {
    if (this.shown === undefined) return;
    const state = this.store.getState();
    const slide = selectCurrentSlide(state);
    if (slide === this.shown && state.analysis === this.pointsOf) return;
    if (slide !== this.shown) {
      const filters = highlightFilters(slide);
      this.map.setFilter(HIGHLIGHT_LAYER.townCasing, filters.town);
      this.map.setFilter(HIGHLIGHT_LAYER.town, filters.town);
      this.map.setFilter(HIGHLIGHT_LAYER.plotsCasing, filters.plots);
      this.map.setFilter(HIGHLIGHT_LAYER.plots, filters.plots);
    }
    this.shown = slide;
    this.pointsOf = state.analysis;
    const points = highlightPoints(slide, state.analysis?.rows ?? []);
    // None before and none now: no upload (each costs the map a frame).
    if (points.features.length > 0 || this.pointCount > 0)
      this.map.getSource<GeoJSONSource>(HIGHLIGHT_POINTS_SOURCE)?.setData(asSourceData(points));
    this.pointCount = points.features.length;
  }
}
