/**
 * The one owner of the MapLibre map. React creates it once with a container and the store; from
 * then on the map follows the store (layers, plot map data, town, selection, visibility, language,
 * scenario, camera requests) through a list of small syncs (map-syncs.ts), each writing to MapLibre
 * only when the store values it follows change. Clicks on plots go back to the store as a selection.
 */

import {
  type FitBoundsOptions,
  type LngLatBoundsLike,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
} from 'maplibre-gl';
import type { LayerKind } from '../core/types.ts';
import type { PlannerState } from '../state/planner-state.ts';
import { selectShownScenario } from '../state/select-playback.ts';
import type { PlannerStore } from '../state/store.ts';
import { selectSuggestedMarks } from '../state/suggested-marks.ts';
import { BoxSelect } from './box-select.ts';
import { SlideHighlighter } from './briefing-highlight.ts';
import { type BasemapData, buildStyle } from './build-style.ts';
import { followContext } from './context-loss.ts';
import { contextSyncs } from './context-syncs.ts';
import { addControlHatch } from './control-hatch.ts';
import { DiffHighlighter } from './diff-highlight.ts';
import { featureBounds, plotOutlinesBounds } from './feature-bounds.ts';
import { fitPaddingIn, fitPaddingOf, MAP_COVER_ATTRIBUTE, watchCovers } from './map-covers.ts';
import {
  actionSyncs,
  afterLoad,
  attributionSync,
  commentPinsSync,
  follow,
  labelSizeSync,
  type MapSync,
  PlanSources,
  pickedPlotsSync,
  planLayerSyncs,
  playbackFadeSync,
  syncRunner,
  zonesSync,
} from './map-syncs.ts';
import { lngLatBoxOf, nearestPlot, plotsInBox, type ScreenPoint } from './plot-hit.ts';
import { PlotRasterSource } from './plot-raster-source.ts';
import { POLYGONS_FROM_ZOOM } from './plot-tile-urls.ts';
import { activeScenario } from './scenario-layers.ts';
import { LAYER } from './style-ids.ts';
import { suggestedMarksSync } from './suggested-marks-sync.ts';
import { ZoneTools } from './zone-tools.ts';

export interface MapControllerOptions {
  container: HTMLElement;
  store: PlannerStore;
  basemap: BasemapData;
  /** Absolute URL of the label font (woff2) on the page's origin. */
  fontUrl: string;
  /** The area to show first, [[west, south], [east, north]], WGS84. */
  initialBounds: LngLatBoundsLike;
}

/** How near a click must be to a plot's dot at county scale, in CSS pixels. */
const DOT_HIT_RADIUS_PX = 6;

export class MapController {
  readonly map: MapLibreMap;
  private readonly store: PlannerStore;
  private readonly initialBounds: LngLatBoundsLike;
  private readonly unsubscribe: () => void;
  /** Runs the store → map syncs: the credit line, then (once the style has loaded) the rest. */
  private readonly runSyncs: () => void;
  /** The syncs that write to the style (see styleSyncs()); made afresh when a lost WebGL context comes back. */
  private styleSyncs: MapSync[];
  private readonly boxSelect: BoxSelect;
  private readonly highlighter: SlideHighlighter;
  private readonly diffHighlighter: DiffHighlighter;
  private readonly zoneTools: ZoneTools;
  /** The county view's raster of the plots (painted with the active scenario's actions). */
  private readonly raster = new PlotRasterSource();
  private loaded = false;
  /**
   * The last fit, run again when a panel over the map or the map's size changes, until the planner
   * moves the map (a slide, a zoom to a plot stays whole in view when the plot card or the side panel
   * opens, closes or collapses); null after a move of the planner's own.
   */
  private refit: (() => void) | null = null;
  /** The padding and size the last fit had, so that only a real change fits again. */
  private fittedRoom = '';
  /** True while the controller moves the camera itself (its movestart is not the planner's). */
  private movingItself = false;
  private pendingFit = 0;
  /** Whether the move under way is a fit's, and whether it is a resize. */
  private moveIsOwn = false;
  private moveIsResize = false;
  private readonly stopWatchingCovers: () => void;

  constructor(options: MapControllerOptions) {
    this.store = options.store;
    this.initialBounds = options.initialBounds;
    this.map = new MapLibreMap({
      container: options.container,
      style: buildStyle(
        options.basemap,
        options.fontUrl,
        options.store.getState().plotMap?.tiles ?? 0,
        this.raster.url(options.store.getState().plotMap?.tiles ?? 0),
      ),
      bounds: options.initialBounds,
      // The legend is on the page already (React made it with the map's container).
      fitBoundsOptions: { padding: fitPaddingIn(options.container) },
      attributionControl: false,
      // Planners compare sheets side by side: no rotation, north stays up.
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 19,
      minZoom: 7,
      // No label fade: each fade frame costs a software GL (SwiftShader) hundreds of milliseconds.
      fadeDuration: 0,
      // Exports (PNG) read the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.touchZoomRotate.disableRotation();
    addControlHatch(this.map);
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 160 }), 'bottom-left');
    // The zoom buttons, the scale and the credit line are over the map too: fits leave them room.
    for (const corner of options.container.querySelectorAll(
      '.maplibregl-ctrl-top-right, .maplibregl-ctrl-bottom-left, .maplibregl-ctrl-bottom-right',
    ))
      corner.setAttribute(MAP_COVER_ATTRIBUTE, '');
    this.map.on('moveend', () => {
      const center = this.map.getCenter();
      this.store.getState().setView({ center: [center.lng, center.lat], zoom: this.map.getZoom() });
    });
    // A move that is not a fit's (the planner's, a linked swipe map's, a saved view) ends the last
    // fit; a resize (the side panel, full screen: movestart, move, resize, moveend) keeps it.
    this.map.on('movestart', () => {
      this.moveIsOwn = this.movingItself;
      this.moveIsResize = false;
    });
    this.map.on('resize', () => {
      this.moveIsResize = true;
    });
    this.map.on('moveend', () => {
      if (!this.moveIsOwn && !this.moveIsResize) this.refit = null;
    });
    this.map.on('load', () => {
      this.loaded = true;
      this.runSyncs();
    });
    this.map.on('click', (event) => {
      if (this.store.getState().mapMode !== 'browse') return;
      this.store.getState().selectPlot(this.plotAt(event.point), 'map');
    });
    this.map.on('mouseenter', LAYER.plotsFill, () => {
      this.map.getCanvas().style.cursor = 'pointer';
    });
    this.map.on('mouseleave', LAYER.plotsFill, () => {
      this.map.getCanvas().style.cursor = '';
    });
    this.boxSelect = new BoxSelect(
      this.map,
      (min, max) => this.plotsIn(min, max),
      (indices, add) => {
        const state = this.store.getState();
        state.setPickedPlots(add ? [...new Set([...state.pickedPlots, ...indices])] : indices);
      },
    );
    this.zoneTools = new ZoneTools(this.map, this.store, () => fitPaddingOf(this.map));
    this.styleSyncs = this.makeStyleSyncs(false);
    const styleSyncs: MapSync = {
      step: (state) => {
        for (const sync of this.styleSyncs) sync.step(state);
      },
    };
    this.runSyncs = syncRunner(this.store, [
      attributionSync(this.map),
      afterLoad(() => this.loaded, [styleSyncs, ...this.viewSyncs()]),
    ]);
    this.unsubscribe = this.store.subscribe(() => this.runSyncs());
    this.highlighter = new SlideHighlighter(this.map, this.store);
    this.diffHighlighter = new DiffHighlighter(this.map, this.store);
    followContext(this.map, {
      lost: () => {
        this.loaded = false;
      },
      restored: () => {
        // A zone being drawn or edited was Terra Draw's, on the style that is gone: it ends.
        this.zoneTools.setMode('browse');
        this.zoneTools.stopEditing();
        const { mapMode, setMapMode } = this.store.getState();
        if (mapMode === 'draw-zone' || mapMode === 'edit-zone') setMapMode('browse');
        // Syncs that remember nothing: the rebuilt style gets every source, filter and action again.
        // The camera stays where it was.
        this.styleSyncs = this.makeStyleSyncs(true);
        this.loaded = true;
        this.runSyncs();
      },
    });
    this.runSyncs();
    // The start view is a fit too: the legend grows once the plan is classified.
    this.refit = () => this.fitNow(this.initialBounds, { animate: false });
    this.fittedRoom = this.roomKey();
    this.stopWatchingCovers = watchCovers(options.container, () => this.coversChanged());
  }

  /** Shows the whole of Cixi again. */
  fitToCixi(): void {
    this.fit(this.initialBounds, { animate: false });
  }

  /** Fits the map to one of the plan's layers; false when the layer is empty. */
  zoomToLayer(kind: LayerKind): boolean {
    const layers = this.store.getState().layers;
    const bounds = !layers
      ? null
      : kind === 'plots'
        ? plotOutlinesBounds(layers.plots)
        : featureBounds(layers[kind]);
    if (!bounds) return false;
    this.fit(bounds, { maxZoom: 16 });
    return true;
  }

  /**
   * Fits `bounds` into the part of the map no panel covers (padding from the panels' rectangles),
   * one frame later, when React has drawn the panels the same change opened (the plot card); and
   * again whenever the panels or the map's size change, until the planner moves the map.
   */
  private fit(bounds: LngLatBoundsLike, options: FitBoundsOptions): void {
    cancelAnimationFrame(this.pendingFit);
    this.refit = () => this.fitNow(bounds, { ...options, animate: false });
    this.pendingFit = requestAnimationFrame(() => {
      this.pendingFit = 0;
      this.fitNow(bounds, options);
    });
  }

  private fitNow(bounds: LngLatBoundsLike, options: FitBoundsOptions): void {
    const container = this.map.getContainer();
    const canvas = this.map.getCanvas();
    // The container may have changed size this frame, before MapLibre's own observer told it.
    if (container.clientWidth !== canvas.clientWidth || container.clientHeight !== canvas.clientHeight)
      this.map.resize();
    this.fittedRoom = this.roomKey();
    this.moveItself(() => this.map.fitBounds(bounds, { ...options, padding: fitPaddingOf(this.map) }));
  }

  private moveItself(move: () => void): void {
    this.movingItself = true;
    try {
      move();
    } finally {
      this.movingItself = false;
    }
  }

  /** The map's size and the fit padding, as one comparable value. */
  private roomKey(): string {
    const container = this.map.getContainer();
    return JSON.stringify([container.clientWidth, container.clientHeight, fitPaddingOf(this.map)]);
  }

  private coversChanged(): void {
    const room = this.roomKey();
    if (room === this.fittedRoom) return;
    this.fittedRoom = room;
    if (this.refit && this.pendingFit === 0) this.refit();
  }

  /** Resolves when the map has drawn everything it has (sources loaded, no transition running). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.loaded && this.map.loaded() && !this.map.isMoving()) {
        // loaded() can be true a frame before the last tiles are placed; idle settles it.
        this.map.once('idle', () => resolve());
        this.map.triggerRepaint();
      } else this.map.once('idle', () => resolve());
    });
  }

  destroy(): void {
    cancelAnimationFrame(this.pendingFit);
    this.stopWatchingCovers();
    this.zoneTools.stopEditing();
    this.unsubscribe();
    this.highlighter.destroy();
    this.diffHighlighter.destroy();
    this.raster.destroy();
    this.map.remove();
  }

  /** The plot drawn at a screen point: a polygon, a county-scale dot or a marker; null for none. */
  private plotAt(point: ScreenPoint): number | null {
    const hit = this.map.queryRenderedFeatures([point.x, point.y], {
      layers: [LAYER.plotsFill, LAYER.plotMarkers],
    })[0];
    const index = hit?.properties.index;
    if (typeof index === 'number') return index;
    const state = this.store.getState();
    if (!this.showsDots(state) || !state.analysis) return null;
    const r = DOT_HIT_RADIUS_PX;
    const area = lngLatBoxOf(
      [
        [point.x - r, point.y - r],
        [point.x + r, point.y - r],
        [point.x - r, point.y + r],
        [point.x + r, point.y + r],
      ].map((corner) => this.map.unproject(corner as [number, number])),
    );
    return nearestPlot(state.analysis.rows, point, r, state.town, area, (lngLat) => this.map.project(lngLat));
  }

  /** The plots drawn in a screen box: polygons, or at county scale the dots. */
  private plotsIn(min: ScreenPoint, max: ScreenPoint): number[] {
    const state = this.store.getState();
    if (this.showsDots(state)) {
      if (!state.analysis) return [];
      const area = lngLatBoxOf(
        [
          [min.x, min.y],
          [max.x, min.y],
          [min.x, max.y],
          [max.x, max.y],
        ].map((corner) => this.map.unproject(corner as [number, number])),
      );
      return plotsInBox(state.analysis.rows, min, max, state.town, area, (lngLat) =>
        this.map.project(lngLat),
      );
    }
    const indices: number[] = [];
    for (const feature of this.map.queryRenderedFeatures(
      [
        [min.x, min.y],
        [max.x, max.y],
      ],
      { layers: [LAYER.plotsFill] },
    )) {
      const index = feature.properties.index;
      if (typeof index === 'number') indices.push(index);
    }
    return indices;
  }

  /** True while the plots are drawn as the raster's dots (county scale, plots shown). */
  private showsDots(state: PlannerState): boolean {
    return state.visible.plots && this.map.getZoom() < POLYGONS_FROM_ZOOM;
  }

  /**
   * The store → map syncs that write to the style, in the order they write.
   * @param restored the style was rebuilt from a snapshot after a lost context (its sources hold data)
   */
  private makeStyleSyncs(restored: boolean): MapSync[] {
    const sources = new PlanSources(this.map, restored);
    return [
      ...contextSyncs(this.map),
      ...planLayerSyncs(this.map, sources),
      // In 逐年推演 the scenario as it stands at the end of the year shown.
      ...actionSyncs(this.map, this.raster, (state) => selectShownScenario(state)?.actions),
      suggestedMarksSync(this.map, selectSuggestedMarks),
      zonesSync(
        sources,
        (state) => selectShownScenario(state),
        (state) => state.editingZoneId,
      ),
      pickedPlotsSync(sources),
      commentPinsSync(sources),
      labelSizeSync(this.map),
      playbackFadeSync(this.map),
    ];
  }

  /** The syncs that move the camera or change what a drag does: made once, so that a restored map stays put. */
  private viewSyncs(): MapSync[] {
    return [
      follow(
        (state) => [state.town] as const,
        (_values, state) => this.fitToTown(state),
      ),
      follow(
        (state) => [state.selectedPlot] as const,
        (_values, state) => this.showSelection(state),
      ),
      follow(
        (state) => [state.mapMode] as const,
        ([mode]) => this.setMode(mode),
      ),
      follow(
        (state) => [state.mapMode, state.editingZoneId, activeScenario(state.scenarioSet)] as const,
        (_values, state) => this.zoneTools.syncEditing(state),
      ),
      follow(
        (state) => [state.viewRequest] as const,
        ([request]) => {
          if (!request) return;
          // A slide's recorded extent is fitted to this screen and its panels.
          const { center, zoom, bearing, pitch, bounds } = request;
          if (bounds) {
            this.fit(bounds, { animate: false, ...(bearing === undefined ? {} : { bearing }) });
            return;
          }
          // A saved plan view keeps the bearing and pitch as they are.
          cancelAnimationFrame(this.pendingFit);
          this.pendingFit = 0;
          this.refit = null;
          this.moveItself(() =>
            this.map.jumpTo({
              center,
              zoom,
              ...(bearing === undefined ? {} : { bearing }),
              ...(pitch === undefined ? {} : { pitch }),
            }),
          );
        },
      ),
      follow(
        (state) => [state.zoomRequest] as const,
        ([request]) => {
          if (!request) return;
          if (request.target === 'cixi') this.fitToCixi();
          else this.zoomToLayer(request.target);
        },
      ),
    ];
  }

  /** What a drag on the map does: pan, select plots in a box, or draw a receiving zone. */
  private setMode(mode: PlannerState['mapMode']): void {
    if (mode === 'select-box') this.boxSelect.enable();
    else this.boxSelect.disable();
    this.zoneTools.setMode(mode);
  }

  /** Fits the map to the chosen town's plots (planLayerSyncs filters them). */
  private fitToTown(state: PlannerState): void {
    if (state.town === null || !state.analysis) return;
    let box: [number, number, number, number] | null = null;
    for (const row of state.analysis.rows) {
      if (row.town !== state.town || !row.box) continue;
      box = box
        ? [
            Math.min(box[0], row.box[0]),
            Math.min(box[1], row.box[1]),
            Math.max(box[2], row.box[2]),
            Math.max(box[3], row.box[3]),
          ]
        : [...row.box];
    }
    if (box) this.fit(box, { maxZoom: 16 });
  }

  /** Brings a plot chosen in a list into view (pickedPlotsSync outlines the selected plot). */
  private showSelection(state: PlannerState): void {
    const index = state.selectedPlot;
    const box = index === null ? null : state.analysis?.rows[index]?.box;
    if (box && state.selectionOrigin === 'list') {
      this.fit([box[0], box[1], box[2], box[3]], { maxZoom: 17, duration: 400 });
    }
  }
}
