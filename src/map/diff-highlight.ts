/**
 * 版本对比 on a map: while the comparison panel shows a diff, everything is faded under a white veil
 * except the plots whose action changed (outlined in the highlight yellow on a dark casing, a ring in
 * their new action's colour inside) and the changed receiving zones (their new shape outlined the
 * same way, their former shape dashed). Follows the store; writes to MapLibre only when the diff,
 * the plot data or whether it is shown changes.
 */

import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { PlanDiff } from '../core/diff/diff-plans.ts';
import type { PlotOutlines } from '../core/plot-outlines.ts';
import type { Scenario } from '../core/scenario/scenario.ts';
import type { FeatureCollection } from '../core/types.ts';
import type { PlannerState } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { asSourceData } from './build-style.ts';
import { keepOverlay } from './keep-overlay.ts';
import { ACTION_COLORS, HIGHLIGHT_COLORS } from './palette.ts';
import { POLYGONS_FROM_ZOOM } from './plot-tile-urls.ts';
import { plotIndexById, plotPoints, plotShapes } from './scenario-layers.ts';
import { LAYER } from './style-ids.ts';

export const DIFF_LAYER = {
  fade: 'diff-fade',
  zonesBefore: 'diff-zones-before',
  zonesCasing: 'diff-zones-casing',
  zones: 'diff-zones',
  plotsCasing: 'diff-plots-casing',
  plots: 'diff-plots',
  plotsAction: 'diff-plots-action',
  dots: 'diff-plot-dots',
} as const;

export const DIFF_ZONES_SOURCE = 'diff-zones';
export const DIFF_SHAPES_SOURCE = 'diff-plot-shapes';
export const DIFF_POINTS_SOURCE = 'diff-plot-points';

/** How much the veil hides of what did not change. */
const FADE_OPACITY = 0.62;

/** The colour of a plot's new action (`action` property), white for keep. */
const ACTION_COLOR: ExpressionSpecification = [
  'match',
  ['get', 'action'],
  ...Object.entries(ACTION_COLORS).flatMap(([action, color]) => [
    action,
    action === 'keep' ? '#ffffff' : color,
  ]),
  '#ffffff',
] as unknown as ExpressionSpecification;

/** The diff shown on the map now: only while the comparison panel shows versions (not in briefing). */
export function shownDiff(state: PlannerState): PlanDiff | null {
  const shown = state.panel === 'compare' && state.compareMode === 'versions' && !state.briefing;
  return shown ? (state.versionDiff?.diff ?? null) : null;
}

/**
 * The changed zones as features with `role` `before` (the former shape) or `after` (the new one).
 * @param before, after the saved and current scenario compared
 */
export function diffZoneFeatures(
  diff: PlanDiff,
  before: Scenario | undefined,
  after: Scenario | undefined,
): FeatureCollection<unknown, { id: string; role: string }> {
  const features = [];
  for (const change of diff.scenario.zones) {
    const old = change.kind === 'added' ? undefined : before?.zones.find((z) => z.id === change.zoneId);
    const next = change.kind === 'removed' ? undefined : after?.zones.find((z) => z.id === change.zoneId);
    // A zone whose shape did not change is outlined once, as it is now.
    if (old && (!next || change.changed.includes('geometry')))
      features.push({
        type: 'Feature' as const,
        properties: { id: change.zoneId, role: 'before' },
        geometry: old.geometry,
      });
    if (next)
      features.push({
        type: 'Feature' as const,
        properties: { id: change.zoneId, role: 'after' },
        geometry: next.geometry,
      });
  }
  return { type: 'FeatureCollection', features };
}

/** The changed plots' centres and polygons, each with its new action as `action`. */
export function diffPlotFeatures(
  diff: PlanDiff,
  rows: readonly { index: number; id: string; box: readonly number[] | null }[],
  plots: PlotOutlines | null | undefined,
) {
  if (diff.scenario.plots.length === 0)
    return { points: plotPoints(rows, [], 'diff'), shapes: plotShapes(plots, rows, [], 'diff') };
  const indexOf = plotIndexById(rows);
  const actionAt = new Map<number, string>();
  for (const change of diff.scenario.plots) {
    const index = indexOf.get(change.plotId);
    if (index !== undefined) actionAt.set(index, change.after?.action ?? 'keep');
  }
  const withAction = <T extends { features: { properties: { index: number } | null }[] }>(
    collection: T,
  ): T => {
    for (const { properties } of collection.features)
      if (properties) Object.assign(properties, { action: actionAt.get(properties.index) ?? 'keep' });
    return collection;
  };
  return {
    points: withAction(plotPoints(rows, actionAt.keys(), 'diff')),
    shapes: withAction(plotShapes(plots, rows, actionAt.keys(), 'diff')),
  };
}

const HIDDEN = { visibility: 'none' as const };

/** A hidden line layer of `source` (only the features whose `role` is `role`, when given). */
function line(
  id: string,
  source: string,
  paint: Record<string, unknown>,
  options: { role?: string; minzoom?: number } = {},
): LayerSpecification {
  return {
    id,
    type: 'line',
    source,
    ...(options.role === undefined
      ? {}
      : { filter: ['==', ['get', 'role'], options.role] as ExpressionSpecification }),
    ...(options.minzoom === undefined ? {} : { minzoom: options.minzoom }),
    layout: { ...HIDDEN, 'line-join': 'round' },
    paint,
  } as LayerSpecification;
}

/** The layers, hidden until a diff is shown. */
export function diffLayers(): LayerSpecification[] {
  const casing = { 'line-color': HIGHLIGHT_COLORS.casing, 'line-width': 7 };
  const highlight = { 'line-color': HIGHLIGHT_COLORS.line, 'line-width': 4 };
  const plots = { minzoom: POLYGONS_FROM_ZOOM };
  return [
    {
      id: DIFF_LAYER.fade,
      type: 'background',
      layout: HIDDEN,
      paint: { 'background-color': '#ffffff', 'background-opacity': FADE_OPACITY },
    },
    line(
      DIFF_LAYER.zonesBefore,
      DIFF_ZONES_SOURCE,
      { 'line-color': HIGHLIGHT_COLORS.casing, 'line-width': 2.5, 'line-dasharray': [2, 2] },
      { role: 'before' },
    ),
    line(DIFF_LAYER.zonesCasing, DIFF_ZONES_SOURCE, casing, { role: 'after' }),
    line(DIFF_LAYER.zones, DIFF_ZONES_SOURCE, highlight, { role: 'after' }),
    line(DIFF_LAYER.plotsCasing, DIFF_SHAPES_SOURCE, casing, plots),
    line(DIFF_LAYER.plots, DIFF_SHAPES_SOURCE, highlight, plots),
    line(
      DIFF_LAYER.plotsAction,
      DIFF_SHAPES_SOURCE,
      { 'line-color': ACTION_COLOR, 'line-width': 2, 'line-offset': 3 },
      plots,
    ),
    {
      id: DIFF_LAYER.dots,
      type: 'circle',
      source: DIFF_POINTS_SOURCE,
      maxzoom: POLYGONS_FROM_ZOOM,
      layout: HIDDEN,
      paint: {
        'circle-radius': 5,
        'circle-color': ACTION_COLOR,
        'circle-stroke-color': HIGHLIGHT_COLORS.line,
        'circle-stroke-width': 2.5,
      },
    },
  ];
}

export class DiffHighlighter {
  private readonly map: MapLibreMap;
  private readonly store: PlannerStore;
  private readonly unsubscribe: () => void;
  /** What the map shows now; undefined until the layers are on the map. */
  private shown: { diff: PlanDiff | null; analysis: unknown; layers: unknown } | undefined = undefined;

  constructor(map: MapLibreMap, store: PlannerStore) {
    this.map = map;
    this.store = store;
    this.unsubscribe = store.subscribe(() => this.sync());
    keepOverlay(map, {
      sources: [DIFF_ZONES_SOURCE, DIFF_SHAPES_SOURCE, DIFF_POINTS_SOURCE],
      layers: diffLayers,
      below: LAYER.cixiHalo,
      lost: () => {
        this.shown = undefined;
      },
      added: () => {
        this.shown = { diff: null, analysis: null, layers: null };
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
    const diff = shownDiff(state);
    const { shown } = this;
    if (
      shown.diff === diff &&
      (!diff || (shown.analysis === state.analysis && shown.layers === state.layers))
    )
      return;
    if ((shown.diff === null) !== (diff === null))
      for (const id of Object.values(DIFF_LAYER))
        this.map.setLayoutProperty(id, 'visibility', diff ? 'visible' : 'none');
    this.shown = { diff, analysis: state.analysis, layers: state.layers };
    if (!diff) return;
    const saved = state.savedPlan?.scenarios.find((s) => s.id === state.versionDiff?.savedScenarioId);
    const current = state.scenarioSet.scenarios.find((s) => s.id === state.versionDiff?.scenarioId);
    const { points, shapes } = diffPlotFeatures(diff, state.analysis?.rows ?? [], state.layers?.plots);
    this.map
      .getSource<GeoJSONSource>(DIFF_ZONES_SOURCE)
      ?.setData(asSourceData(diffZoneFeatures(diff, saved, current)));
    this.map.getSource<GeoJSONSource>(DIFF_SHAPES_SOURCE)?.setData(asSourceData(shapes));
    this.map.getSource<GeoJSONSource>(DIFF_POINTS_SOURCE)?.setData(asSourceData(points));
  }
}
