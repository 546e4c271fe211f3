/**
 * Store → map sync as a list of small syncs. Each follows a few store values (its selector) and
 * writes to the map only when one of them is not, by identity, what it saw last; on the first state
 * it sees it writes, so a new map is drawn whole. The syncs here serve the main map and the swipe's.
 */

import {
  AttributionControl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type Map as MapLibreMap,
} from 'maplibre-gl';
import type { ActionEntry, Scenario } from '../core/scenario/scenario.ts';
import type { FeatureCollection, LayerKind } from '../core/types.ts';
import { mapAttribution } from '../i18n/messages.ts';
import type { PlannerState } from '../state/planner-state.ts';
import { selectCommentPins } from '../state/select-comment-pins.ts';
import { selectPlanCredits } from '../state/select-sample-data.ts';
import type { PlannerStore } from '../state/store.ts';
import { labelSizes, PROJECTOR_LABEL_SCALE } from './base-layers.ts';
import { asSourceData } from './build-style.ts';
import { LAYERS_OF, PLOT_FILL_OPACITY, TOWN_FILTERED_LAYERS } from './plan-layers.ts';
import type { PlotRasterSource } from './plot-raster-source.ts';
import {
  changedActions,
  drawActions,
  PLOT_STATE_SOURCES,
  plotPoints,
  plotShapes,
  showPlotTiles,
  zoneFeatures,
} from './scenario-layers.ts';
import { townFilter } from './style-expressions.ts';
import { LAYER, PLAN_GEOJSON_SOURCES, SOURCE } from './style-ids.ts';

/** One store → map sync. */
export interface MapSync {
  /** Writes to the map what `state` changed among the values this sync follows. */
  step(state: PlannerState): void;
}

/**
 * A sync that follows the values `select` picks (compared one by one by identity) and calls `write`
 * when one of them changed, and on the first state it sees (`previous` undefined).
 */
export function follow<Values extends readonly unknown[]>(
  select: (state: PlannerState) => Values,
  write: (values: Values, state: PlannerState, previous: Values | undefined) => void,
): MapSync {
  let previous: Values | undefined;
  return {
    step(state) {
      const values = select(state);
      if (previous && values.every((value, i) => Object.is(value, previous?.[i]))) return;
      const before = previous;
      // Noted before writing: a write that changes the store (a camera move writes the view back)
      // must not write the same values again.
      previous = values;
      write(values, state, before);
    },
  };
}

/** Syncs that write to the map's style: they wait until it has loaded (`isLoaded`). */
export function afterLoad(isLoaded: () => boolean, syncs: readonly MapSync[]): MapSync {
  return {
    step(state) {
      if (!isLoaded()) return;
      for (const sync of syncs) sync.step(state);
    },
  };
}

/**
 * The function that runs `syncs` in order on the store's state. A store change made while they run
 * runs them again once they are done, so that no sync writes an older state after a newer one.
 */
export function syncRunner(store: PlannerStore, syncs: readonly MapSync[]): () => void {
  let running = false;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const state = store.getState();
        for (const sync of syncs) sync.step(state);
      } while (again);
    } finally {
      running = false;
    }
  };
}

/**
 * The plan's GeoJSON sources of one map. An empty collection is not sent to a source that holds
 * none already: every upload costs the map a frame (hundreds of milliseconds on a software GL).
 */
export class PlanSources {
  /** The sources that hold no features now (all of them in a new style). */
  private readonly empty: Set<string>;

  /**
   * @param restored the style was rebuilt from a snapshot (after a lost WebGL context), so its
   *   sources may hold what the store no longer has: every collection is sent, empty ones too
   */
  constructor(
    private readonly map: MapLibreMap,
    restored = false,
  ) {
    this.empty = new Set(restored ? [] : PLAN_GEOJSON_SOURCES);
  }

  set(sourceId: string, data: FeatureCollection<unknown, unknown> | null | undefined): void {
    const isEmpty = !data || data.features.length === 0;
    if (isEmpty && this.empty.has(sourceId)) return;
    if (isEmpty) this.empty.add(sourceId);
    else this.empty.delete(sourceId);
    this.map.getSource<GeoJSONSource>(sourceId)?.setData(asSourceData(data));
  }
}

/** The credit line: the base map's sources and each layer's source (selectPlanCredits), in the page's language. */
export function attributionSync(map: MapLibreMap): MapSync {
  let control: AttributionControl | null = null;
  return follow(
    (state) => [state.language, selectPlanCredits(state)] as const,
    ([language, credits]) => {
      if (control) map.removeControl(control);
      control = new AttributionControl({
        compact: false,
        customAttribution: mapAttribution(language, credits),
      });
      map.addControl(control, 'bottom-right');
    },
  );
}

/**
 * The plan's layers: boundary and control zones (each uploaded only when it changed: an import
 * replaces one), the plot tiles and markers, the layer switches and the town filter.
 */
export function planLayerSyncs(map: MapLibreMap, sources: PlanSources): MapSync[] {
  return [
    follow(
      (state) => [state.layers?.boundary] as const,
      ([boundary]) => sources.set(SOURCE.boundary, boundary),
    ),
    follow(
      (state) => [state.layers?.control] as const,
      ([control]) => sources.set(SOURCE.control, control),
    ),
    follow(
      (state) => [state.plotMap] as const,
      ([plotMap]) => showPlotTiles(map, plotMap?.tiles ?? 0),
    ),
    follow(
      (state) => [state.town] as const,
      ([town]) => {
        const filter = town === null ? null : townFilter(town);
        // An unchanged filter is not set again: MapLibre would lay out every tile of its source again.
        for (const id of TOWN_FILTERED_LAYERS)
          if (JSON.stringify(map.getFilter(id) ?? null) !== JSON.stringify(filter)) map.setFilter(id, filter);
      },
    ),
    follow(
      (state) => [state.visible] as const,
      ([visible]) => {
        for (const kind of Object.keys(LAYERS_OF) as LayerKind[]) {
          for (const id of LAYERS_OF[kind]) {
            map.setLayoutProperty(id, 'visibility', visible[kind] ? 'visible' : 'none');
          }
        }
      },
    ),
  ];
}

/** No actions: the baseline, and a map whose scenario has none. */
export const NO_ACTIONS: Readonly<Record<string, ActionEntry>> = Object.freeze({});

/**
 * A scenario's actions: as feature state on the plot polygons (only the plots whose action changed)
 * and painted into the county view's raster.
 * @param actionsOf the actions drawn; undefined leaves the feature state as it is
 */
export function actionSyncs(
  map: MapLibreMap,
  raster: PlotRasterSource,
  actionsOf: (state: PlannerState) => Readonly<Record<string, ActionEntry>> | undefined,
): MapSync[] {
  /** The actions drawn as feature state now. */
  let drawn: Readonly<Record<string, ActionEntry>> = NO_ACTIONS;
  return [
    follow(
      (state) => [state.plotMap, state.analysis, actionsOf(state)] as const,
      ([plotMap, analysis, actions], _state, previous) => {
        if (plotMap !== previous?.[0] && Object.keys(drawn).length > 0) {
          // New plot data: draw every action afresh. (Only when there are any: feature state, even
          // emptied, makes MapLibre decode every loaded tile again.)
          for (const target of PLOT_STATE_SOURCES) map.removeFeatureState(target);
          drawn = NO_ACTIONS;
        }
        if (plotMap && analysis && actions && actions !== drawn) {
          drawActions(map, changedActions(drawn, actions), analysis.rows);
          drawn = actions;
        }
      },
    ),
    follow(
      (state) =>
        [
          state.plotMap?.tiles ?? 0,
          actionsOf(state) ?? NO_ACTIONS,
          state.analysis?.rows ?? null,
          state.town,
        ] as const,
      ([tiles, actions, rows, town]) => raster.show(map, tiles, actions, rows, town),
    ),
  ];
}

/**
 * The receiving zones of a scenario with their R2 verdict.
 * @param hiddenZoneOf a zone left out (the one being edited, which Terra Draw draws); null for none
 */
export function zonesSync(
  sources: PlanSources,
  scenarioOf: (state: PlannerState) => Scenario | undefined,
  hiddenZoneOf: (state: PlannerState) => string | null = () => null,
): MapSync {
  return follow(
    (state) => [scenarioOf(state), state.zoneMeasures, hiddenZoneOf(state)] as const,
    ([scenario, measures, hiddenZone]) => {
      const zones = zoneFeatures(scenario, scenario && measures[scenario.id]);
      if (hiddenZone !== null) zones.features = zones.features.filter((feature) => feature.id !== hiddenZone);
      sources.set(SOURCE.zones, zones);
    },
  );
}

/**
 * The picked and the selected plot: dots for the county view (the raster cannot show them),
 * polygons for the close view (a filter on the tiles' layers would lay out every tile again).
 */
export function pickedPlotsSync(sources: PlanSources): MapSync {
  return follow(
    (state) => [state.pickedPlots, state.selectedPlot, state.analysis] as const,
    ([picked, selected, analysis], state) => {
      const rows = analysis?.rows ?? [];
      const plots = state.layers?.plots;
      const points = plotPoints(rows, picked, 'picked');
      const shapes = plotShapes(plots, rows, picked, 'picked');
      if (selected !== null) {
        points.features.push(...plotPoints(rows, [selected], 'selected').features);
        shapes.features.push(...plotShapes(plots, rows, [selected], 'selected').features);
      }
      sources.set(SOURCE.plotPoints, points);
      sources.set(SOURCE.plotShapes, shapes);
    },
  );
}

/** The comments' numbered pins (comment-pins.ts) whenever the comments, the plots or the scenarios change. */
export function commentPinsSync(sources: PlanSources): MapSync {
  return follow(
    (state) => [selectCommentPins(state)] as const,
    ([pins]) => sources.set(SOURCE.commentPins, pins),
  );
}

/** The map's names at projector size in briefing mode, at their usual size otherwise. */
export function labelSizeSync(map: MapLibreMap): MapSync {
  return follow(
    (state) => [state.briefing] as const,
    ([briefing], _state, previous) => {
      // A new map already has the usual size.
      if (!previous && !briefing) return;
      for (const [layer, size] of Object.entries(labelSizes(briefing ? PROJECTOR_LABEL_SCALE : 1)))
        if (map.getLayer(layer)) map.setLayoutProperty(layer, 'text-size', size);
    },
  );
}

/** A vacated or relocated plot's fill in 逐年推演 once its year has come: faded, its land given up. */
const PLAYBACK_FILL_OPACITY: ExpressionSpecification = [
  'match',
  ['coalesce', ['feature-state', 'action'], 'keep'],
  ['vacate', 'relocate'],
  0.18,
  PLOT_FILL_OPACITY,
];

/** In 逐年推演 the plots given up by the year shown fade (their action is drawn as feature state). */
export function playbackFadeSync(map: MapLibreMap): MapSync {
  return follow(
    (state) => [state.playbackYear !== null] as const,
    ([playing], _state, previous) => {
      if (!previous && !playing) return;
      map.setPaintProperty(
        LAYER.plotsFill,
        'fill-opacity',
        playing ? PLAYBACK_FILL_OPACITY : PLOT_FILL_OPACITY,
      );
    },
  );
}
