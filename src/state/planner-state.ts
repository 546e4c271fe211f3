/**
 * The type of the app's one store, slice by slice, and the types several slices share. The store
 * holds serialisable data only (layers, analysis rows, scenarios, undo history, selection, filters,
 * jobs) plus its actions; each slice's data and actions are made in src/state/slices/. The rows
 * are read from columns (core/analysis/plot-row-columns.ts): to clone or send them, send their
 * columns (columnsOfRows) or plain copies (plainRow), never the rows themselves.
 */

import type { StateCreator } from 'zustand/vanilla';
import type { PlanAnalysis } from '../core/analysis/analyze-plan.ts';
import type { EfficiencyClass } from '../core/analysis/plot-measures.ts';
import type { BaseMapSetting } from '../core/base-map-setting.ts';
import type { CheckFlag, PlausibilitySummary } from '../core/checks/plausibility-checks.ts';
import type { PlanDiff } from '../core/diff/diff-plans.ts';
import type { DerivedFrom } from '../core/plan/derived-from.ts';
import type { LayerOrigins } from '../core/plan/layer-origins.ts';
import type { CommentStatus, CommentTarget, PlanComment } from '../core/plan/plan-comments.ts';
import type { PlanSuggestion } from '../core/plan/plan-suggestions.ts';
import type { ContextLayer } from '../core/plan/read-context-layers.ts';
import type { Slide } from '../core/plan/slides.ts';
import type { PlotOutlines } from '../core/plot-outlines.ts';
import type { ScenarioEdit } from '../core/scenario/edits/scenario-edit.ts';
import type { Scenario, ScenarioSet } from '../core/scenario/scenario.ts';
import type { ZoneMeasures } from '../core/scenario/zone-measures.ts';
import type { PlanningSettings } from '../core/suggest/suggest-settings.ts';
import type { Suggestion } from '../core/suggest/suggestion.ts';
import type {
  AreaGeometry,
  FeatureCollection,
  LayerKind,
  Message,
  PlotStatus,
  Problem,
} from '../core/types.ts';
import type { Language } from '../i18n/messages.ts';
import type { SourcePreview } from '../worker/source-preview.ts';

export interface PlanLayers {
  boundary: FeatureCollection;
  control: FeatureCollection;
  /**
   * The plots' polygons, packed: the plot features themselves (properties, any third coordinate)
   * stay in the analysis worker, which hands them out for a plan file or an export.
   */
  plots: PlotOutlines;
  /**
   * Where each layer came from: the sample (示例数据（虚构）) or a file; null when nobody recorded it
   * (a plan file saved before origins were kept). Every sample label and credit follows from it
   * (select-sample-data.ts).
   */
  origins: LayerOrigins | null;
}

/** A plan's layers as they are opened: the plot features go to the analysis worker, the store keeps their outlines. */
export type OpenedLayers = Omit<PlanLayers, 'plots'> & { plots: FeatureCollection };

/** The plot table's filter. Empty fields do not filter. */
export interface PlotFilter {
  /** Matches id, name or village (substring, case-insensitive). */
  text: string;
  village: string;
  statuses: PlotStatus[];
  classes: (EfficiencyClass | 'none')[];
  minAreaMu: number | null;
  maxAreaMu: number | null;
  minTaxPerMu: number | null;
  maxTaxPerMu: number | null;
  /** Plausibility findings (src/core/checks); a plot with any of them matches. */
  checks: CheckFlag[];
}

export const EMPTY_FILTER: PlotFilter = Object.freeze({
  text: '',
  village: '',
  statuses: [],
  classes: [],
  minAreaMu: null,
  maxAreaMu: null,
  minTaxPerMu: null,
  maxTaxPerMu: null,
  checks: [],
}) as PlotFilter;

/** The plan's plausibility checks as the worker found them, for the analysis they were made on. */
export interface PlanChecksState {
  analysis: PlanAnalysis;
  /** CHECK_FLAGS of each plot, by plot index. */
  flags: Uint8Array;
  summary: PlausibilitySummary;
  /** Plots failing each check. */
  counts: Record<CheckFlag, number>;
}

export interface PlotSort {
  key: 'id' | 'name' | 'town' | 'village' | 'status' | 'areaMu' | 'inControlShare' | 'taxPerMu' | 'class';
  descending: boolean;
}

/** A job running in the worker: what it is doing and how far it got (0…1). */
export interface Job {
  id: number;
  label: Message;
  progress: number;
}

/** Where a selection came from: the map (the table scrolls to it) or a list (the map zooms to it). */
export type SelectionOrigin = 'map' | 'list';

export type PanelName = 'dashboard' | 'table' | 'scenario' | 'compare' | 'slides' | 'suggest' | 'comments';

/**
 * One step of the undo history and what to call it: a scenario edit with its inverse, or the
 * briefing slides before and after an edit of them.
 */
export type HistoryStep =
  | { label: Message; forward: ScenarioEdit; inverse: ScenarioEdit }
  | { label: Message; slides: { before: Slide[]; after: Slide[] } };

/** The undo history: steps to undo (the last one first) and steps undone that can be redone. */
export interface History {
  past: HistoryStep[];
  future: HistoryStep[];
}

/** What a drag on the map does. */
export type MapMode = 'browse' | 'select-box' | 'draw-zone' | 'edit-zone';

export interface MapView {
  /** [longitude, latitude], WGS84. */
  center: [number, number];
  zoom: number;
}

export interface ImportSession {
  fileNames: string[];
  previews: SourcePreview[];
  /** File-level problems (a broken zip, an unknown file type). */
  problems: Problem[];
  /** Sources already loaded into the plan, by index. */
  accepted: number[];
}

/** The page around the map: its language, the open panel, the job running and a notice. */
export interface PageSlice {
  language: Language;
  /** Which side panel is open. */
  panel: PanelName | null;
  job: Job | null;
  /** A message to show once (a failure or a done import), cleared by the user. */
  /** `done` confirms something the user did (a plan opened or saved) and goes by itself after a while. */
  notice: { kind: 'error' | 'info' | 'done'; message: Message } | null;
  /**
   * Why the map cannot be drawn (no WebGL 2, or MapLibre failed to start), set by the map view; null
   * while it draws. What needs the map (drawing zones, the PNG export) says so instead of acting.
   */
  mapProblem: Message | null;

  setLanguage: (language: Language) => void;
  setPanel: (panel: PanelName | null) => void;
  setJob: (job: Job | null) => void;
  setNotice: (notice: PageSlice['notice']) => void;
  setMapProblem: (problem: Message | null) => void;
}

/** The plan open: its layers, their analysis, what the map draws of the plots, and its name. */
export interface PlanSlice {
  layers: PlanLayers | null;
  analysis: PlanAnalysis | null;
  /**
   * What the map draws for the plots: the version of the vector tiles the plot tile worker cuts
   * (src/services/plots-protocol.ts: polygons and markers), with `index`, `status` and `town` per
   * feature.
   */
  plotMap: { tiles: number } | null;
  /** Layer visibility on the map. */
  visible: Record<LayerKind, boolean>;
  /** The plan's name, used in file names. */
  planName: string;
  /** The plan's horizon, targets and suggestion settings (plan file version 2). */
  planning: PlanningSettings;
  /** The plan's comments (批注, plan file version 3), saved with it. */
  comments: PlanComment[];
  /** Where the plan came from when it is a town's part of a city plan (plan file version 3); null otherwise. */
  derivedFrom: DerivedFrom | null;

  /** Opens a plan's layers and analysis; the selection, town and table filter start afresh. */
  openPlan: (layers: PlanLayers, analysis: PlanAnalysis, plotMap: PlanSlice['plotMap']) => void;
  setVisible: (layer: LayerKind, visible: boolean) => void;
  setPlanName: (name: string) => void;
  setPlanning: (planning: PlanningSettings) => void;
  setComments: (comments: PlanComment[]) => void;
  setDerivedFrom: (derivedFrom: DerivedFrom | null) => void;
}

/** What is selected: one plot, the plots picked for an action, and the town chosen. */
export interface SelectionSlice {
  /** Index of the selected plot in the plot layer. */
  selectedPlot: number | null;
  selectionOrigin: SelectionOrigin;
  /** Plots picked for an action (box selection or the table's filter), by index in the plot layer. */
  pickedPlots: number[];
  /** The town chosen on the dashboard: filters the map and the table. null = whole city. */
  town: string | null;

  selectPlot: (index: number | null, origin: SelectionOrigin) => void;
  setPickedPlots: (plots: number[]) => void;
  setTown: (town: string | null) => void;
}

/** The plot table's filter and sort. */
export interface TableSlice {
  filter: PlotFilter;
  sort: PlotSort;
  /** Null until the worker has checked the plan (and for a plan replaced since: see its `analysis`). */
  planChecks: PlanChecksState | null;

  setFilter: (filter: Partial<PlotFilter>) => void;
  setSort: (sort: PlotSort) => void;
  setPlanChecks: (checks: PlanChecksState | null) => void;
}

/** Where the map looks, and requests to make it look elsewhere. */
export interface CameraSlice {
  /** Where the map looks (kept for the autosave and plan files); written by the map controller. */
  view: MapView | null;
  /**
   * A request to the map to look at a saved view; `serial` makes a repeated request a new value.
   * With `bounds` ([west, south, east, north], WGS84: a slide's extent) the map fits them to the
   * screen and its panels instead of taking the centre and zoom.
   */
  viewRequest:
    | (MapView & {
        bearing?: number;
        pitch?: number;
        bounds?: [number, number, number, number];
        serial: number;
      })
    | null;
  /** A request to the map to show a layer whole; `serial` makes a repeated request a new value. */
  zoomRequest: { target: LayerKind | 'cixi'; serial: number } | null;

  setView: (view: MapView) => void;
  requestView: (view: MapView) => void;
  requestZoom: (target: LayerKind | 'cixi') => void;
}

/** The import dialog. */
export interface ImportSlice {
  /** The import dialog's content while it is open: the files read and a preview of each source. */
  importSession: ImportSession | null;

  setImportSession: (session: ImportSession | null) => void;
  updatePreview: (preview: SourcePreview) => void;
}

/** The scenarios, the undo history (of scenario and slide edits), zone measures and the comparison. */
export interface ScenarioSlice {
  /** The plan's scenarios and which one is being edited. */
  scenarioSet: ScenarioSet;
  history: History;
  /** Measures of the receiving zones (computed in the worker), per scenario id, then zone id. */
  zoneMeasures: Record<string, Record<string, ZoneMeasures>>;
  /** Scenarios shown side by side in the comparison. */
  compareIds: string[];

  /** Applies an edit to the scenarios and records it for undo; returns the problem if it could not apply. */
  edit: (edit: ScenarioEdit) => Message | undefined;
  undo: () => void;
  redo: () => void;
  /**
   * Replaces every scenario (a plan opened or restored); the undo history starts afresh, or is
   * `history` (the autosaved one of a restored plan, whose last step made `scenarioSet`).
   * The accepted suggestions and a suggestion run are dropped (a restored plan sets its own after).
   */
  setScenarioSet: (scenarioSet: ScenarioSet, history?: History) => void;
  setZoneMeasures: (scenarioId: string, measures: Record<string, ZoneMeasures>) => void;
  setCompareIds: (ids: string[]) => void;
}

/** What a drag on the map does, and the zone shape being edited. */
export interface MapModeSlice {
  mapMode: MapMode;
  /** The receiving zone (of the active scenario) whose shape is edited on the map ('edit-zone'). */
  editingZoneId: string | null;
  /** Its shape as edited so far (written by the map controller); null while unchanged. */
  zoneDraft: AreaGeometry | null;

  /** Leaves editing or drawing (the edited shape is dropped) for another mode. */
  setMapMode: (mode: MapMode) => void;
  /** Starts editing the shape of a zone of the active scenario on the map. */
  startZoneEdit: (zoneId: string) => void;
  setZoneDraft: (geometry: AreaGeometry) => void;
  /**
   * Stores the edited shape as one labelled edit and leaves editing; returns the problem (a shape
   * that cuts itself, a refused edit) and stays in editing when it cannot.
   */
  finishZoneEdit: () => Message | undefined;
}

/** Briefing mode (汇报模式) and its slides. */
export interface BriefingSlice {
  /** The plan's slides for briefing mode, in the order they are shown. */
  slides: Slide[];
  /** The slide shown last (its town and plots are highlighted on the map); null: none. */
  currentSlideId: string | null;
  /** Whether briefing mode (汇报模式) fills the screen. */
  briefing: boolean;

  /** Replaces the slides with `next` as one labelled undo step (nothing when they are the same). */
  editSlides: (next: Slide[], label: Message) => void;
  /** The slides of a plan opened or restored (no undo step). */
  setSlides: (slides: Slide[]) => void;
  /** Shows a slide: its camera, layers, town and scenario; highlights its town and plots. null ends the highlight. */
  goToSlide: (id: string | null) => void;
  /** Enters or leaves briefing mode; leaving it ends the highlight. */
  setBriefing: (on: boolean) => void;
}

/** A context layer as the page holds it: the plan file's entry with an id of the page's own. */
export type ContextLayerEntry = ContextLayer & { id: string };

/** The base map in effect on this page: the setting, and the tiles the map draws (null while not drawable). */
export interface BaseMapState {
  setting: BaseMapSetting;
  /** What the map's raster source asks for; null while a local file is read, or when it cannot be. */
  tiles: { url: string; minzoom: number; maxzoom: number; bounds?: [number, number, number, number] } | null;
  /** Why it is not drawn (the local file is gone, not a raster PMTiles …); null when it is. */
  problem: Message | null;
}

/** Context layers (参考图层) and the base map: drawn, never analysed. */
export interface ContextSlice {
  /** In drawing order, the first lowest. */
  contextLayers: ContextLayerEntry[];
  /** The named base map (XYZ/WMTS tiles or a local PMTiles); null: the bundled outline map only. */
  baseMap: BaseMapState | null;

  addContextLayers: (layers: readonly ContextLayer[]) => void;
  /** The context layers of a plan opened or restored. */
  setContextLayers: (layers: readonly ContextLayer[]) => void;
  setContextLayerVisible: (id: string, visible: boolean) => void;
  removeContextLayer: (id: string) => void;
  setBaseMap: (baseMap: BaseMapState | null) => void;
}

/** A run of the plan suggestion (方案建议) in its worker, and its result. */
export interface SuggestRun {
  /** The scenario it starts from, as it was then (an edit since makes another object). */
  baseScenarioId: string;
  baseScenario: Scenario | null;
  state: 'running' | 'done' | 'failed';
  /** 0…1 and the stage in words (with the best objective and bound so far). */
  progress: number;
  stage: Message | null;
  result: Suggestion | null;
  /** Why it failed. */
  error: Message | null;
  /** The scenario made of the result, once accepted. */
  acceptedId: string | null;
}

/**
 * What the page keeps of an accepted suggestion, under the id of the scenario made of it: the proof
 * of its quality and the suggested entries (saved in the plan file's `suggestions`). A plot is marked
 * as suggested while that scenario still holds the very entry suggested for it: the planner's edit of
 * the plot takes the mark away (and an undo of that edit brings it back).
 */
export type SuggestionRecord = PlanSuggestion;

/** The plan suggestion: its run, the accepted suggestions, and the plots the planner locked. */
export interface SuggestSlice {
  suggestRun: SuggestRun | null;
  /** Accepted suggestions by scenario id. */
  suggestions: Record<string, SuggestionRecord>;

  /** A run starts from `baseScenarioId` (the last result is dropped). */
  startSuggestRun: (baseScenarioId: string) => void;
  setSuggestProgress: (progress: number, stage: Message) => void;
  /** The run ended with a result, or failed with a message; null: cancelled (the run is forgotten). */
  finishSuggestRun: (outcome: { result: Suggestion } | { error: Message } | null) => void;
  clearSuggestRun: () => void;
  /**
   * Adds the result as a new scenario, made active, in one undo step, and marks its suggested plots;
   * returns the problem when it cannot.
   */
  acceptSuggestion: () => Message | undefined;
  /** The accepted suggestions of a plan opened or restored. */
  setSuggestions: (suggestions: Record<string, SuggestionRecord>) => void;
  /** Locks (or unlocks) plots for the suggestion: settings.suggestion.lockedPlotIds. */
  lockPlots: (plotIds: readonly string[], locked: boolean) => void;
}

/** Review mode (审阅模式): a review bundle's plan, shown with nothing of it editable. */
export interface ReviewState {
  /** What names the bundle's plan in this browser (the reviewer's comments are kept under it). */
  key: string;
  /** Comments the plan held already (the planner's): the reviewer exports only the others. */
  planCommentIds: string[];
}

/** Review mode and what changes the plan's comments (批注; the comments themselves are the plan slice's). */
export interface ReviewSlice {
  /** Set once a review bundle's plan is open; then every edit of the plan is refused (review-guard.ts). */
  review: ReviewState | null;
  /** What a new comment is pinned to, chosen on the map or in a list; null: not chosen yet. */
  commentTarget: CommentTarget | null;

  /** Enters review mode for the plan open now (not left again: the page is a review bundle). */
  enterReview: (key: string) => void;
  /** Adds one comment (the reviewer's, or the planner's own). */
  addComment: (comment: PlanComment) => void;
  /** Marks a comment resolved (by `by`, now) or open again. */
  setCommentStatus: (id: string, status: CommentStatus, by: string) => void;
  /** Adds the comments not in the plan yet (by id); returns how many were new. */
  importComments: (comments: readonly PlanComment[]) => number;
  setCommentTarget: (target: CommentTarget | null) => void;
}

/** Makes one slice's data and actions; `set` and `get` see the whole store. */
export type SliceCreator<Slice> = StateCreator<PlannerState, [], [], Slice>;

/** 版本对比: the current plan compared with a saved version of it (a plan file). */
export interface VersionsSlice {
  /** What the comparison panel shows: scenarios side by side, or the current plan against a saved version. */
  compareMode: 'scenarios' | 'versions';
  /** The saved plan file chosen: its name, its scenarios (their zones are drawn) and the one compared. */
  savedPlan: { fileName: string; name: string; scenarios: Scenario[]; scenarioId: string } | null;
  /** What changed from the saved scenario to the active one, as last compared; null before. */
  versionDiff: { diff: PlanDiff; scenarioId: string; savedScenarioId: string } | null;

  setCompareMode: (mode: VersionsSlice['compareMode']) => void;
  /** A newly chosen saved plan (the last comparison is dropped). */
  setSavedPlan: (saved: VersionsSlice['savedPlan']) => void;
  setSavedScenario: (scenarioId: string) => void;
  setVersionDiff: (diff: VersionsSlice['versionDiff']) => void;
}

/** 逐年推演: the plan shown as it stands at the end of one year of its horizon. */
export interface PlaybackSlice {
  /** The year the main map, the indicator bars and the quota ledger show; null: the plan as a whole. */
  playbackYear: number | null;
  /** True while the years step by themselves. */
  playing: boolean;

  setPlaybackYear: (year: number | null) => void;
  setPlaying: (playing: boolean) => void;
}

export type PlannerState = PageSlice &
  PlanSlice &
  SelectionSlice &
  TableSlice &
  CameraSlice &
  ImportSlice &
  ScenarioSlice &
  MapModeSlice &
  BriefingSlice &
  ContextSlice &
  SuggestSlice &
  ReviewSlice &
  VersionsSlice &
  PlaybackSlice;
