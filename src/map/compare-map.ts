/**
 * A second map that draws one scenario (or the baseline: every plot kept, no zones) with the main
 * map's style, for the swipe comparison. It follows the store as the main controller does (plots,
 * layers, visibility, town filter, the scenario's actions and zones) but owns no selection, drawing or
 * editing, and never moves by itself: `linkCameras` keeps it on the main map's camera.
 */

import {
  AttributionControl,
  type FilterSpecification,
  type GeoJSONSource,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
} from 'maplibre-gl';
import type { ActionEntry, Scenario } from '../core/scenario/types.ts';
import type { FeatureCollection, LayerKind } from '../core/types.ts';
import { mapAttribution } from '../i18n/messages.ts';
import type { PlannerState, PlannerStore } from '../state/store.ts';
import { SlideHighlighter } from './briefing-highlight.ts';
import { asSourceData, type BasemapData, buildStyle } from './build-style.ts';
import { addControlHatch } from './control-hatch.ts';
import { LAYERS_OF, TOWN_FILTERED_LAYERS } from './plan-layers.ts';
import { PlotRaster } from './plot-raster-source.ts';
import {
  changedActions,
  drawActions,
  PLOT_STATE_SOURCES,
  showPlotTiles,
  zoneFeatures,
} from './scenario-layers.ts';
import { PLAN_GEOJSON_SOURCES, SOURCE } from './style-ids.ts';

/** Where a map looks: what `jumpTo` needs to put another map on the same spot. */
export interface CameraView {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface CompareMapOptions {
  container: HTMLElement;
  store: PlannerStore;
  basemap: BasemapData;
  /** Absolute URL of the label font (woff2) on the page's origin: the main map's. */
  fontUrl: string;
  /** The scenario drawn; null draws the baseline. */
  scenarioId: string | null;
  /** The camera to open on (the main map's). */
  camera: CameraView;
}

const NO_ACTIONS: Readonly<Record<string, ActionEntry>> = Object.freeze({});

/** The camera of `map`, north up as the planner's maps are. */
export function cameraOf(map: MapLibreMap): CameraView {
  const center = map.getCenter();
  return {
    center: [center.lng, center.lat],
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
  };
}

/**
 * Keeps every map on the camera of whichever of them moved last: a move of one (a drag, a wheel,
 * an animation, a `jumpTo` from code) jumps the others there. Returns the function that unlinks them.
 */
export function linkCameras(maps: readonly MapLibreMap[]): () => void {
  // Jumping a map fires its own `move`: while one move is copied, the echoes are ignored.
  let copying = false;
  const listeners = maps.map((source) => {
    const listener = () => {
      if (copying) return;
      copying = true;
      try {
        const camera = cameraOf(source);
        for (const target of maps) if (target !== source) target.jumpTo(camera);
      } finally {
        copying = false;
      }
    };
    source.on('move', listener);
    return listener;
  });
  return () => {
    maps.forEach((map, i) => {
      const listener = listeners[i];
      if (listener) map.off('move', listener);
    });
  };
}

export class CompareMap {
  readonly map: MapLibreMap;
  private readonly store: PlannerStore;
  private scenarioId: string | null;
  private readonly unsubscribe: () => void;
  private readonly highlighter: SlideHighlighter;
  /** This side's raster of the plots, painted with its own scenario's actions. */
  private readonly raster = new PlotRaster();
  private attribution: AttributionControl | null = null;
  private language: PlannerState['language'] | null = null;
  /** The plan label the credit line names now. */
  private attributionLabel: string | null = null;
  /** The store values drawn now, compared by identity; null until the style has loaded. */
  private shown:
    | (Pick<PlannerState, 'layers' | 'plotMap' | 'town' | 'visible' | 'zoneMeasures'> & {
        scenario: Scenario | undefined;
      })
    | null = null;
  /** The actions drawn as feature state now. */
  private drawnActions: Readonly<Record<string, ActionEntry>> = NO_ACTIONS;
  /** The plan's GeoJSON sources that hold no features now (all of them in a new style). */
  private readonly emptySources = new Set<string>(PLAN_GEOJSON_SOURCES);
  private loaded = false;

  constructor(options: CompareMapOptions) {
    this.store = options.store;
    this.scenarioId = options.scenarioId;
    this.map = new MapLibreMap({
      container: options.container,
      style: buildStyle(
        options.basemap,
        options.fontUrl,
        options.store.getState().plotMap?.tiles ?? 0,
        this.raster.url(options.store.getState().plotMap?.tiles ?? 0),
      ),
      center: options.camera.center,
      zoom: options.camera.zoom,
      bearing: options.camera.bearing,
      pitch: options.camera.pitch,
      attributionControl: false,
      // The same limits and gestures as the main map, so that the two never disagree on a camera.
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 19,
      minZoom: 7,
      // No label fade: each fade frame costs a software GL (SwiftShader) hundreds of milliseconds.
      fadeDuration: 0,
    });
    this.map.touchZoomRotate.disableRotation();
    addControlHatch(this.map);
    // The main map's controls, in the same places: on one camera, the two sides' copies meet
    // seamlessly at the divider and read as one.
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 160 }), 'bottom-left');
    // The current slide's town and plots are highlighted on both sides, as on the main map. Made
    // before the load handler below: its layers join the plot sources before their tiles are asked for.
    this.highlighter = new SlideHighlighter(this.map, this.store);
    this.map.on('load', () => {
      this.loaded = true;
      this.sync(this.store.getState());
    });
    this.unsubscribe = this.store.subscribe((state) => this.sync(state));
    this.sync(this.store.getState());
  }

  /** Draws another scenario; null draws the baseline. */
  setScenario(scenarioId: string | null): void {
    if (scenarioId === this.scenarioId) return;
    this.scenarioId = scenarioId;
    this.sync(this.store.getState());
  }

  /** Resolves when the map has drawn everything it has (sources loaded, no transition running). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      if (this.loaded && this.map.loaded() && !this.map.isMoving()) this.map.triggerRepaint();
    });
  }

  /** How many features of `layerId` are drawn in the viewport now. */
  renderedFeatureCount(layerId: string): number {
    if (!this.loaded) return 0;
    return this.map.queryRenderedFeatures({ layers: [layerId] }).length;
  }

  destroy(): void {
    this.unsubscribe();
    this.highlighter.destroy();
    this.raster.destroy();
    this.map.remove();
  }

  private sync(state: PlannerState): void {
    const label = state.layers?.label ?? null;
    if (state.language !== this.language || label !== this.attributionLabel) {
      this.language = state.language;
      this.attributionLabel = label;
      if (this.attribution) this.map.removeControl(this.attribution);
      this.attribution = new AttributionControl({
        compact: false,
        customAttribution: mapAttribution(state.language, label),
      });
      this.map.addControl(this.attribution, 'bottom-right');
    }
    if (!this.loaded) return;
    const shown = this.shown;
    const scenario =
      this.scenarioId === null
        ? undefined
        : state.scenarioSet.scenarios.find((candidate) => candidate.id === this.scenarioId);
    // Each layer only when it changed: an import replaces one, and every upload costs a frame.
    if (shown === null || state.layers?.boundary !== shown.layers?.boundary)
      this.setSourceData(SOURCE.boundary, state.layers?.boundary);
    if (shown === null || state.layers?.control !== shown.layers?.control)
      this.setSourceData(SOURCE.control, state.layers?.control);
    if (state.plotMap !== shown?.plotMap) {
      showPlotTiles(this.map, state.plotMap?.tiles ?? 0);
      this.setSourceData(SOURCE.plotMarkers, state.plotMap?.markers);
      if (Object.keys(this.drawnActions).length > 0) {
        // New plot data: draw every action afresh (and only then: feature state, even emptied,
        // makes MapLibre decode every loaded tile again).
        for (const target of PLOT_STATE_SOURCES) this.map.removeFeatureState(target);
        this.drawnActions = NO_ACTIONS;
      }
    }
    if (state.town !== shown?.town) this.showTown(state.town);
    if (state.visible !== shown?.visible) {
      for (const kind of Object.keys(LAYERS_OF) as LayerKind[]) {
        for (const id of LAYERS_OF[kind]) {
          this.map.setLayoutProperty(id, 'visibility', state.visible[kind] ? 'visible' : 'none');
        }
      }
    }
    const actions = scenario?.actions ?? NO_ACTIONS;
    if (state.plotMap && state.analysis && actions !== this.drawnActions) {
      drawActions(this.map, changedActions(this.drawnActions, actions), state.analysis.rows);
      this.drawnActions = actions;
    }
    this.raster.show(this.map, state.plotMap?.tiles ?? 0, actions, state.analysis?.rows ?? null, state.town);
    if (scenario !== shown?.scenario || state.zoneMeasures !== shown?.zoneMeasures || shown === null) {
      this.setSourceData(SOURCE.zones, zoneFeatures(scenario, scenario && state.zoneMeasures[scenario.id]));
    }
    this.shown = {
      layers: state.layers,
      plotMap: state.plotMap,
      town: state.town,
      visible: state.visible,
      zoneMeasures: state.zoneMeasures,
      scenario,
    };
  }

  /** Shows only the chosen town's plots (the main map fits the camera to them). */
  private showTown(town: string | null): void {
    const filter: FilterSpecification | null = town === null ? null : ['==', ['get', 'town'], town];
    for (const id of TOWN_FILTERED_LAYERS) this.map.setFilter(id, filter);
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
}
