/**
 * The one owner of the MapLibre map. React creates it once with a container and the store; from
 * then on the map follows the store (layers, plot map data, town, selection, visibility, language)
 * through a subscription; each is written to MapLibre only when the store holds a different value
 * than last time. Clicks on plots go back to the store as a selection.
 */

import {
  AttributionControl,
  type FilterSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
} from 'maplibre-gl';
import { type ActionEntry, DEFAULT_ZONE_FAR } from '../core/scenario/types.ts';
import type { FeatureCollection, LayerKind } from '../core/types.ts';
import { mapAttribution } from '../i18n/messages.ts';
import { isTypingTarget, undoShortcut } from '../state/scenario-view.ts';
import type { PlannerState, PlannerStore } from '../state/store.ts';
import { BoxSelect } from './box-select.ts';
import { SlideHighlighter } from './briefing-highlight.ts';
import { asSourceData, type BasemapData, buildStyle } from './build-style.ts';
import { addControlHatch } from './control-hatch.ts';
import { featureBounds } from './feature-bounds.ts';
import { LAYERS_OF, TOWN_FILTERED_LAYERS } from './plan-layers.ts';
import { lngLatBoxOf, nearestPlot, plotsInBox, type ScreenPoint } from './plot-hit.ts';
import { PlotRaster } from './plot-raster-source.ts';
import { POLYGONS_FROM_ZOOM } from './plot-tile-urls.ts';
import {
  activeScenario,
  changedActions,
  drawActions,
  PLOT_STATE_SOURCES,
  plotPoints,
  plotShapes,
  showPlotTiles,
  zoneFeatures,
} from './scenario-layers.ts';
import { LAYER, PLAN_GEOJSON_SOURCES, SOURCE } from './style-ids.ts';
import { startZoneDrawing, type ZoneDrawer } from './zone-drawing.ts';
import { isEditableShape, startZoneEditing, type ZoneEditor } from './zone-editing.ts';

export interface MapControllerOptions {
  container: HTMLElement;
  store: PlannerStore;
  basemap: BasemapData;
  /** Absolute URL of the label font (woff2) on the page's origin. */
  fontUrl: string;
  /** The area to show first, [[west, south], [east, north]], WGS84. */
  initialBounds: LngLatBoundsLike;
}

const NO_ACTIONS: Readonly<Record<string, ActionEntry>> = Object.freeze({});

/** How near a click must be to a plot's dot at county scale, in CSS pixels. */
const DOT_HIT_RADIUS_PX = 6;

/** Padding around the area fitted on open, in CSS pixels: room for the legend on the left. */
const FIT_PADDING = { top: 40, bottom: 50, left: 320, right: 60 };

export class MapController {
  readonly map: MapLibreMap;
  private readonly store: PlannerStore;
  private readonly initialBounds: LngLatBoundsLike;
  private attribution: AttributionControl | null = null;
  private unsubscribe: () => void;
  /** What the map shows now, as store values: compared by identity on every store change. */
  private shown: Pick<
    PlannerState,
    | 'layers'
    | 'plotMap'
    | 'town'
    | 'selectedPlot'
    | 'visible'
    | 'zoomRequest'
    | 'scenarioSet'
    | 'zoneMeasures'
    | 'pickedPlots'
    | 'mapMode'
    | 'editingZoneId'
    | 'viewRequest'
  > | null = null;
  /** The actions drawn as feature state now (the active scenario's, once the plots are loaded). */
  private drawnActions: Readonly<Record<string, ActionEntry>> = {};
  private readonly boxSelect: BoxSelect;
  private readonly highlighter: SlideHighlighter;
  /** The county view's raster of the plots (painted with the active scenario's actions). */
  private readonly raster = new PlotRaster();
  private drawer: Promise<ZoneDrawer> | null = null;
  /** The zone whose shape is being edited and its editor (loading or running). */
  private editing: { zoneId: string; editor: Promise<ZoneEditor | null> } | null = null;
  private language: PlannerState['language'] | null = null;
  /** The plan label the credit line names now. */
  private attributionLabel: string | null = null;
  /** The analysis whose rows the picked and selected points were placed from. */
  private pointsOf: PlannerState['analysis'] | undefined = undefined;
  /** The plan's GeoJSON sources that hold no features now (all of them in a new style). */
  private readonly emptySources = new Set<string>(PLAN_GEOJSON_SOURCES);
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
      this.sync(this.store.getState());
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
    this.unsubscribe = this.store.subscribe((state) => this.sync(state));
    this.highlighter = new SlideHighlighter(this.map, this.store);
    this.sync(this.store.getState());
  }

  /** Shows the whole of Cixi again. */
  fitToCixi(): void {
    this.map.fitBounds(this.initialBounds, { padding: FIT_PADDING, animate: false });
  }

  /** Fits the map to one of the plan's layers; false when the layer is empty. */
  zoomToLayer(kind: LayerKind): boolean {
    const layer = this.store.getState().layers?.[kind];
    const bounds = layer ? featureBounds(layer) : null;
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
    this.stopEditing();
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

  private sync(state: PlannerState): void {
    const label = state.layers?.label ?? null;
    if (state.language !== this.language || label !== this.attributionLabel) {
      this.language = state.language;
      this.attributionLabel = label;
      this.setAttribution(mapAttribution(state.language, label));
    }
    if (!this.loaded) return;
    const shown = this.shown;
    // Each layer only when it changed: an import replaces one, and every upload costs a frame.
    if (shown === null || state.layers?.boundary !== shown.layers?.boundary)
      this.setSourceData(SOURCE.boundary, state.layers?.boundary);
    if (shown === null || state.layers?.control !== shown.layers?.control)
      this.setSourceData(SOURCE.control, state.layers?.control);
    if (state.plotMap !== shown?.plotMap) {
      showPlotTiles(this.map, state.plotMap?.tiles ?? 0);
      this.setSourceData(SOURCE.plotMarkers, state.plotMap?.markers);
    }
    if (state.town !== shown?.town) this.showTown(state);
    if (state.selectedPlot !== shown?.selectedPlot) this.showSelection(state);
    if (state.visible !== shown?.visible) {
      for (const kind of Object.keys(LAYERS_OF) as LayerKind[]) {
        for (const id of LAYERS_OF[kind]) {
          this.map.setLayoutProperty(id, 'visibility', state.visible[kind] ? 'visible' : 'none');
        }
      }
    }
    const scenario = activeScenario(state.scenarioSet);
    if (state.plotMap !== shown?.plotMap && Object.keys(this.drawnActions).length > 0) {
      // New plot data: draw every action of the scenario afresh. (Only when there are any: feature
      // state, even emptied, makes MapLibre decode every loaded tile again.)
      for (const target of PLOT_STATE_SOURCES) this.map.removeFeatureState(target);
      this.drawnActions = {};
    }
    if (state.plotMap && state.analysis && scenario && scenario.actions !== this.drawnActions) {
      drawActions(this.map, changedActions(this.drawnActions, scenario.actions), state.analysis.rows);
      this.drawnActions = scenario.actions;
    }
    this.raster.show(
      this.map,
      state.plotMap?.tiles ?? 0,
      scenario?.actions ?? NO_ACTIONS,
      state.analysis?.rows ?? null,
      state.town,
    );
    if (
      state.scenarioSet !== shown?.scenarioSet ||
      state.zoneMeasures !== shown?.zoneMeasures ||
      state.editingZoneId !== shown?.editingZoneId
    ) {
      const zones = zoneFeatures(scenario, scenario && state.zoneMeasures[scenario.id]);
      // The zone being edited is drawn by Terra Draw only; cancelling shows the stored shape again.
      if (state.editingZoneId !== null)
        zones.features = zones.features.filter((feature) => feature.id !== state.editingZoneId);
      this.setSourceData(SOURCE.zones, zones);
    }
    if (
      state.pickedPlots !== shown?.pickedPlots ||
      state.selectedPlot !== shown?.selectedPlot ||
      state.analysis !== this.pointsOf
    ) {
      // The picked and the selected plot: dots for the county view (the raster cannot show them),
      // polygons for the close view (a filter on the tiles' layers would lay out every tile again).
      const rows = state.analysis?.rows ?? [];
      const plots = state.layers?.plots;
      const points = plotPoints(rows, state.pickedPlots, 'picked');
      const shapes = plotShapes(plots, rows, state.pickedPlots, 'picked');
      if (state.selectedPlot !== null) {
        points.features.push(...plotPoints(rows, [state.selectedPlot], 'selected').features);
        shapes.features.push(...plotShapes(plots, rows, [state.selectedPlot], 'selected').features);
      }
      this.setSourceData(SOURCE.plotPoints, points);
      this.setSourceData(SOURCE.plotShapes, shapes);
      this.pointsOf = state.analysis;
    }
    if (state.mapMode !== shown?.mapMode) this.setMode(state.mapMode);
    if (
      state.mapMode !== shown?.mapMode ||
      state.editingZoneId !== shown?.editingZoneId ||
      state.scenarioSet !== shown?.scenarioSet
    ) {
      this.syncZoneEditing(state);
    }
    if (state.viewRequest && state.viewRequest !== shown?.viewRequest) {
      // A slide's camera also turns and tilts; a saved plan view keeps the bearing and pitch as they are.
      const { center, zoom, bearing, pitch } = state.viewRequest;
      this.map.jumpTo({
        center,
        zoom,
        ...(bearing === undefined ? {} : { bearing }),
        ...(pitch === undefined ? {} : { pitch }),
      });
    }
    if (state.zoomRequest && state.zoomRequest !== shown?.zoomRequest) {
      if (state.zoomRequest.target === 'cixi') this.fitToCixi();
      else this.zoomToLayer(state.zoomRequest.target);
    }
    this.shown = {
      viewRequest: state.viewRequest,
      scenarioSet: state.scenarioSet,
      zoneMeasures: state.zoneMeasures,
      pickedPlots: state.pickedPlots,
      mapMode: state.mapMode,
      editingZoneId: state.editingZoneId,
      zoomRequest: state.zoomRequest,
      layers: state.layers,
      plotMap: state.plotMap,
      town: state.town,
      selectedPlot: state.selectedPlot,
      visible: state.visible,
    };
  }

  /** What a drag on the map does: pan, select plots in a box, or draw a receiving zone. */
  private setMode(mode: PlannerState['mapMode']): void {
    if (mode === 'select-box') this.boxSelect.enable();
    else this.boxSelect.disable();
    if (mode !== 'draw-zone' && this.drawer) {
      this.drawer.then((drawer) => drawer.stop());
      this.drawer = null;
      delete this.map.getContainer().dataset.drawing;
    }
    if (mode === 'draw-zone' && !this.drawer) {
      this.drawer = startZoneDrawing(
        this.map,
        [LAYER.plotsFill, LAYER.boundaryLine, LAYER.controlLine, LAYER.zonesFill],
        (geometry) => {
          const state = this.store.getState();
          const scenario = activeScenario(state.scenarioSet);
          const number = (scenario?.zones.length ?? 0) + 1;
          state.edit({
            type: 'add-zone',
            zone: {
              id: `zone-${Date.now().toString(36)}`,
              name: `承接区块 ${number}`,
              far: DEFAULT_ZONE_FAR,
              year: 2024,
              geometry,
            },
          });
          state.setMapMode('browse');
        },
      );
      // Terra Draw loads on first use; the container says when clicks start drawing.
      this.drawer.then(() => {
        if (this.store.getState().mapMode === 'draw-zone') this.map.getContainer().dataset.drawing = 'ready';
      });
    }
  }

  /**
   * Starts or stops editing a zone's shape as the store says. A zone that has gone (undone, another
   * scenario chosen) or that has holes ends the editing.
   */
  private syncZoneEditing(state: PlannerState): void {
    const zoneId = state.mapMode === 'edit-zone' ? state.editingZoneId : null;
    if (this.editing && this.editing.zoneId !== zoneId) this.stopEditing();
    if (zoneId === null) {
      // Entering 'edit-zone' without a zone: nothing to edit.
      if (state.mapMode === 'edit-zone') queueMicrotask(() => this.store.getState().setMapMode('browse'));
      return;
    }
    const zone = activeScenario(state.scenarioSet)?.zones.find((z) => z.id === zoneId);
    if (!zone || !isEditableShape(zone.geometry)) {
      // Not from inside this store notification: the store would notify again while we are in it.
      this.stopEditing();
      queueMicrotask(() => {
        if (this.store.getState().editingZoneId === zoneId) this.store.getState().setMapMode('browse');
      });
      return;
    }
    if (this.editing) return;
    const box = featureBounds({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: zone.geometry }],
    });
    const view = this.map.getBounds();
    // A zone chosen in the list may lie off screen: bring it whole into view before its vertices are shown.
    if (box && !(view.contains(box[0]) && view.contains(box[1]))) {
      this.map.fitBounds(box, { padding: FIT_PADDING, maxZoom: 17, animate: false });
    }
    const container = this.map.getContainer();
    const session: { zoneId: string; editor: Promise<ZoneEditor | null> } = {
      zoneId,
      editor: Promise.resolve(null),
    };
    session.editor = startZoneEditing(this.map, zone.geometry, {
      snapLayers: [LAYER.plotsFill, LAYER.boundaryLine, LAYER.controlLine, LAYER.zonesFill],
      onChange: (geometry) => {
        if (this.editing === session) this.store.getState().setZoneDraft(geometry);
      },
    }).then(
      (editor) => {
        if (this.editing !== session) {
          editor.stop();
          return null;
        }
        // Terra Draw loads on first use; the container says when the vertices can be dragged.
        container.dataset.drawing = 'ready';
        return editor;
      },
      () => {
        if (this.editing === session) this.store.getState().setMapMode('browse');
        return null;
      },
    );
    this.editing = session;
    window.addEventListener('keydown', this.onEditingKey, true);
  }

  /** While a shape is edited, Escape cancels, and Ctrl+Z does not undo scenario edits underneath it. */
  private readonly onEditingKey = (event: KeyboardEvent): void => {
    if (isTypingTarget(event.target as HTMLElement | null)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.store.getState().setMapMode('browse');
    } else if (undoShortcut(event)) event.preventDefault();
  };

  private stopEditing(): void {
    if (!this.editing) return;
    this.editing.editor.then((editor) => editor?.stop());
    this.editing = null;
    window.removeEventListener('keydown', this.onEditingKey, true);
    delete this.map.getContainer().dataset.drawing;
  }

  /** Shows only the chosen town's plots and fits the map to them; all plots when no town is chosen. */
  private showTown(state: PlannerState): void {
    const filter: FilterSpecification | null =
      state.town === null ? null : ['==', ['get', 'town'], state.town];
    for (const id of TOWN_FILTERED_LAYERS) this.map.setFilter(id, filter);
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

  /** Brings a plot chosen in a list into view (sync outlines the selected plot). */
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

  /**
   * Sends `data` to a GeoJSON source, unless it is empty and so is what the source holds: every
   * upload costs the map a frame (hundreds of milliseconds on a software GL).
   */
  private setSourceData(sourceId: string, data: FeatureCollection<unknown, unknown> | undefined): void {
    const isEmpty = !data || data.features.length === 0;
    if (isEmpty && this.emptySources.has(sourceId)) return;
    if (isEmpty) this.emptySources.add(sourceId);
    else this.emptySources.delete(sourceId);
    this.map.getSource<GeoJSONSource>(sourceId)?.setData(asSourceData(data));
  }

  private setAttribution(text: string): void {
    if (this.attribution) this.map.removeControl(this.attribution);
    this.attribution = new AttributionControl({ compact: false, customAttribution: text });
    this.map.addControl(this.attribution, 'bottom-right');
  }
}
