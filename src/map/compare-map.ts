/**
 * A second map that draws one scenario (or the baseline: every plot kept, no zones) with the main
 * map's style, for the swipe comparison. It follows the store as the main controller does (plots,
 * layers, visibility, town filter, the scenario's actions and zones) but owns no selection, drawing or
 * editing, and never moves by itself: `linkCameras` keeps it on the main map's camera.
 */

import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { Scenario } from '../core/scenario/scenario.ts';
import type { PlannerState } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { suggestedMarksOf } from '../state/suggested-marks.ts';
import { SlideHighlighter } from './briefing-highlight.ts';
import { type BasemapData, buildStyle } from './build-style.ts';
import { followContext } from './context-loss.ts';
import { contextSyncs } from './context-syncs.ts';
import { addControlHatch } from './control-hatch.ts';
import {
  actionSyncs,
  afterLoad,
  attributionSync,
  labelSizeSync,
  type MapSync,
  NO_ACTIONS,
  PlanSources,
  planLayerSyncs,
  syncRunner,
  zonesSync,
} from './map-syncs.ts';
import { PlotRasterSource } from './plot-raster-source.ts';
import { suggestedMarksSync } from './suggested-marks-sync.ts';

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
  /** Runs the store → map syncs. */
  private readonly runSyncs: () => void;
  /** The syncs that write to the style; made afresh when a lost WebGL context comes back. */
  private styleSyncs: MapSync[];
  private readonly highlighter: SlideHighlighter;
  /** This side's raster of the plots, painted with its own scenario's actions. */
  private readonly raster = new PlotRasterSource();
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
    this.styleSyncs = this.makeStyleSyncs(false);
    this.runSyncs = syncRunner(this.store, [
      attributionSync(this.map),
      afterLoad(
        () => this.loaded,
        [
          {
            step: (state) => {
              for (const sync of this.styleSyncs) sync.step(state);
            },
          },
        ],
      ),
    ]);
    this.map.on('load', () => {
      this.loaded = true;
      this.runSyncs();
    });
    followContext(this.map, {
      lost: () => {
        this.loaded = false;
      },
      restored: () => {
        this.styleSyncs = this.makeStyleSyncs(true);
        this.loaded = true;
        this.runSyncs();
      },
    });
    this.unsubscribe = this.store.subscribe(() => this.runSyncs());
    this.runSyncs();
  }

  /** Draws another scenario; null draws the baseline. */
  setScenario(scenarioId: string | null): void {
    if (scenarioId === this.scenarioId) return;
    this.scenarioId = scenarioId;
    this.runSyncs();
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

  /**
   * The store → map syncs that write to the style.
   * @param restored the style was rebuilt from a snapshot after a lost context (its sources hold data)
   */
  private makeStyleSyncs(restored: boolean): MapSync[] {
    const sources = new PlanSources(this.map, restored);
    return [
      ...contextSyncs(this.map),
      ...planLayerSyncs(this.map, sources),
      ...actionSyncs(this.map, this.raster, (state) => this.scenarioOf(state)?.actions ?? NO_ACTIONS),
      suggestedMarksSync(this.map, (state) => {
        const scenario = this.scenarioOf(state);
        return suggestedMarksOf(scenario && state.suggestions[scenario.id], scenario);
      }),
      zonesSync(sources, (state) => this.scenarioOf(state)),
      labelSizeSync(this.map),
    ];
  }

  /** The scenario this side draws; undefined for the baseline (or a scenario that has gone). */
  private scenarioOf(state: PlannerState): Scenario | undefined {
    return this.scenarioId === null
      ? undefined
      : state.scenarioSet.scenarios.find((candidate) => candidate.id === this.scenarioId);
  }
}
