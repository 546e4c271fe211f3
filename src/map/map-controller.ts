/**
 * The one owner of the MapLibre map. React creates it once with a container and the store; from
 * then on the map follows the store (layers, plot map data, town, selection, visibility, language,
 * scenario, camera requests) through a list of small syncs (map-syncs.ts), each writing to MapLibre
 * only when the store values it follows change. Clicks on plots go back to the store as a selection.
 */

import { type LngLatBoundsLike, Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { LayerKind } from '../core/types.ts';
import type { PlannerState } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { BoxSelect } from './box-select.ts';
import { SlideHighlighter } from './briefing-highlight.ts';
import { type BasemapData, buildStyle } from './build-style.ts';
import { followContext } from './context-loss.ts';
import { contextSyncs } from './context-syncs.ts';
import { addControlHatch } from './control-hatch.ts';
import { featureBounds, plotOutlinesBounds } from './feature-bounds.ts';
import {
  actionSyncs,
  afterLoad,
  attributionSync,
  follow,
  type MapSync,
  PlanSources,
  pickedPlotsSync,
  planLayerSyncs,
  syncRunner,
  zonesSync,
} from './map-syncs.ts';
import { lngLatBoxOf, nearestPlot, plotsInBox, type ScreenPoint } from './plot-hit.ts';
import { PlotRasterSource } from './plot-raster-source.ts';
import { POLYGONS_FROM_ZOOM } from './plot-tile-urls.ts';
import { activeScenario } from './scenario-layers.ts';
import { LAYER } from './style-ids.ts';
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

/** Padding around the area fitted on open, in CSS pixels: room for the legend on the left. */
const FIT_PADDING = { top: 40, bottom: 50, left: 320, right: 60 };

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
  private readonly zoneTools: ZoneTools;
  /** The county view's raster of the plots (painted with the active scenario's actions). */
  private readonly raster = new PlotRasterSource();
  private loaded = false;

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
      fitBoundsOptions: { padding: FIT_PADDING },
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
    this.map.on('moveend', () => {
      const center = this.map.getCenter();
      this.store.getState().setView({ center: [center.lng, center.lat], zoom: this.map.getZoom() });
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
    this.zoneTools = new ZoneTools(this.map, this.store, FIT_PADDING);
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
  }

  /** Shows the whole of Cixi again. */
  fitToCixi(): void {
    this.map.fitBounds(this.initialBounds, { padding: FIT_PADDING, animate: false });
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
    this.map.fitBounds(bounds, { padding: FIT_PADDING, maxZoom: 16 });
    return true;
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
    this.zoneTools.stopEditing();
    this.unsubscribe();
    this.highlighter.destroy();
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
      ...actionSyncs(this.map, this.raster, (state) => activeScenario(state.scenarioSet)?.actions),
      zonesSync(
        sources,
        (state) => activeScenario(state.scenarioSet),
        (state) => state.editingZoneId,
      ),
      pickedPlotsSync(sources),
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
          // A slide's camera also turns and tilts; a saved plan view keeps the bearing and pitch as they are.
          const { center, zoom, bearing, pitch } = request;
          this.map.jumpTo({
            center,
            zoom,
            ...(bearing === undefined ? {} : { bearing }),
            ...(pitch === undefined ? {} : { pitch }),
          });
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
    if (box) this.map.fitBounds(box, { padding: FIT_PADDING, maxZoom: 16 });
  }

  /** Brings a plot chosen in a list into view (pickedPlotsSync outlines the selected plot). */
  private showSelection(state: PlannerState): void {
    const index = state.selectedPlot;
    const box = index === null ? null : state.analysis?.rows[index]?.box;
    if (box && state.selectionOrigin === 'list') {
      this.map.fitBounds([box[0], box[1], box[2], box[3]], {
        padding: FIT_PADDING,
        maxZoom: 17,
        duration: 400,
      });
    }
  }
}
