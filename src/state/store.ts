/**
 * The app's one store (zustand). Serialisable data only: the language, the plan's layers, their
 * analysis, what is selected and filtered, and the job running in the worker. The map controller
 * subscribes to it outside React; components read it through selectors and never call geometry
 * code while rendering.
 */

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { PlanAnalysis } from '../core/analysis/analyze-plan.ts';
import type { EfficiencyClass } from '../core/analysis/plot-measures.ts';
import { findRingIntersections } from '../core/io/self-intersections.ts';
import type { Slide } from '../core/plan/slides.ts';
import { applyEdit, createScenarioSet } from '../core/scenario/edits/apply-edit.ts';
import type { ScenarioEdit } from '../core/scenario/edits/scenario-edit.ts';
import type { ScenarioSet } from '../core/scenario/scenario.ts';
import type { ZoneMeasures } from '../core/scenario/zone-measures.ts';
import type {
  AreaGeometry,
  FeatureCollection,
  LayerKind,
  Message,
  PlotStatus,
  Problem,
} from '../core/types.ts';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/messages.ts';
import type { SourcePreview } from '../worker/source-preview.ts';
import { slideViewChanges } from './slides.ts';

export interface PlanLayers {
  boundary: FeatureCollection;
  control: FeatureCollection;
  plots: FeatureCollection;
  /** The plan's label, e.g. 示例数据（虚构）; null for a real plan. */
  label: string | null;
  /** Where each layer came from (file names), for the layer list. */
  sources?: Partial<Record<LayerKind, string>>;
}

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
}) as PlotFilter;

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

export type PanelName = 'dashboard' | 'table' | 'scenario' | 'compare' | 'slides';

/**
 * One step of the undo history and what to call it: a scenario edit with its inverse, or the
 * briefing slides before and after an edit of them.
 */
export type HistoryStep =
  | { label: Message; forward: ScenarioEdit; inverse: ScenarioEdit }
  | { label: Message; slides: { before: Slide[]; after: Slide[] } };

/** What a drag on the map does. */
export type MapMode = 'browse' | 'select-box' | 'draw-zone' | 'edit-zone';

/** At most this many steps are kept for undo. */
export const HISTORY_LIMIT = 200;

export interface PlannerState {
  language: Language;
  layers: PlanLayers | null;
  analysis: PlanAnalysis | null;
  /**
   * What the map draws for the plots: the version of the vector tiles the plot tile worker cuts
   * (src/services/plots-protocol.ts), with `index`, `id`, `status` and `town` per feature; and the few
   * marked plots as a small collection.
   */
  plotMap: { tiles: number; markers: FeatureCollection<unknown, unknown> } | null;
  /** Index of the selected plot in the plot layer. */
  selectedPlot: number | null;
  selectionOrigin: SelectionOrigin;
  /** The town chosen on the dashboard: filters the map and the table. null = whole city. */
  town: string | null;
  filter: PlotFilter;
  sort: PlotSort;
  /** Which side panel is open. */
  panel: PanelName | null;
  /** Layer visibility on the map. */
  visible: Record<LayerKind, boolean>;
  job: Job | null;
  /** The plan's scenarios and which one is being edited. */
  scenarioSet: ScenarioSet;
  history: { past: HistoryStep[]; future: HistoryStep[] };
  /** Measures of the receiving zones (computed in the worker), per scenario id, then zone id. */
  zoneMeasures: Record<string, Record<string, ZoneMeasures>>;
  /** Plots picked for an action (box selection or the table's filter), by index in the plot layer. */
  pickedPlots: number[];
  mapMode: MapMode;
  /** The receiving zone (of the active scenario) whose shape is edited on the map ('edit-zone'). */
  editingZoneId: string | null;
  /** Its shape as edited so far (written by the map controller); null while unchanged. */
  zoneDraft: AreaGeometry | null;
  /** Scenarios shown side by side in the comparison. */
  compareIds: string[];
  /** The import dialog's content while it is open: the files read and a preview of each source. */
  importSession: ImportSession | null;
  /** Where the map looks (kept for the autosave and plan files); written by the map controller. */
  view: MapView | null;
  /** A request to the map to look at a saved view; `serial` makes a repeated request a new value. */
  viewRequest: (MapView & { bearing?: number; pitch?: number; serial: number }) | null;
  /** The plan's name, used in file names. */
  planName: string;
  /** A request to the map to show a layer whole; `serial` makes a repeated request a new value. */
  zoomRequest: { target: LayerKind | 'cixi'; serial: number } | null;
  /** A message to show once (a failure or a done import), cleared by the user. */
  notice: { kind: 'error' | 'info'; message: Message } | null;
  /** The plan's slides for briefing mode, in the order they are shown. */
  slides: Slide[];
  /** The slide shown last (its town and plots are highlighted on the map); null: none. */
  currentSlideId: string | null;
  /** Whether briefing mode (汇报模式) fills the screen. */
  briefing: boolean;

  setLanguage: (language: Language) => void;
  openPlan: (layers: PlanLayers, analysis: PlanAnalysis, plotMap: PlannerState['plotMap']) => void;
  selectPlot: (index: number | null, origin: SelectionOrigin) => void;
  setTown: (town: string | null) => void;
  setFilter: (filter: Partial<PlotFilter>) => void;
  setSort: (sort: PlotSort) => void;
  setPanel: (panel: PanelName | null) => void;
  setVisible: (layer: LayerKind, visible: boolean) => void;
  setJob: (job: Job | null) => void;
  setNotice: (notice: PlannerState['notice']) => void;
  setImportSession: (session: ImportSession | null) => void;
  updatePreview: (preview: SourcePreview) => void;
  requestZoom: (target: LayerKind | 'cixi') => void;
  /** Applies an edit to the scenarios and records it for undo; returns the problem if it could not apply. */
  edit: (edit: ScenarioEdit) => Message | undefined;
  undo: () => void;
  redo: () => void;
  /** Replaces every scenario (a plan opened or restored); the undo history starts afresh. */
  setScenarioSet: (scenarioSet: ScenarioSet) => void;
  setZoneMeasures: (scenarioId: string, measures: Record<string, ZoneMeasures>) => void;
  setPickedPlots: (plots: number[]) => void;
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
  setView: (view: MapView) => void;
  requestView: (view: MapView) => void;
  setPlanName: (name: string) => void;
  setCompareIds: (ids: string[]) => void;
  /** Replaces the slides with `next` as one labelled undo step (nothing when they are the same). */
  editSlides: (next: Slide[], label: Message) => void;
  /** The slides of a plan opened or restored (no undo step). */
  setSlides: (slides: Slide[]) => void;
  /** Shows a slide: its camera, layers, town and scenario; highlights its town and plots. null ends the highlight. */
  goToSlide: (id: string | null) => void;
  /** Enters or leaves briefing mode; leaving it ends the highlight. */
  setBriefing: (on: boolean) => void;
}

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

export type PlannerStore = ReturnType<typeof createPlannerStore>;

export function createPlannerStore() {
  return createStore<PlannerState>()((set, get) => ({
    language: DEFAULT_LANGUAGE,
    layers: null,
    analysis: null,
    plotMap: null,
    selectedPlot: null,
    selectionOrigin: 'map',
    town: null,
    filter: EMPTY_FILTER,
    sort: { key: 'id', descending: false },
    panel: 'dashboard',
    visible: { boundary: true, control: true, plots: true },
    job: null,
    notice: null,
    scenarioSet: createScenarioSet(),
    history: { past: [], future: [] },
    zoneMeasures: {},
    pickedPlots: [],
    mapMode: 'browse',
    editingZoneId: null,
    zoneDraft: null,
    compareIds: [],
    importSession: null,
    zoomRequest: null,
    view: null,
    viewRequest: null,
    planName: '慈溪市工业用地整合规划',
    slides: [],
    currentSlideId: null,
    briefing: false,
    setLanguage: (language) => set({ language }),
    openPlan: (layers, analysis, plotMap) =>
      set({
        layers,
        analysis,
        plotMap,
        selectedPlot: null,
        town: null,
        filter: EMPTY_FILTER,
      }),
    selectPlot: (selectedPlot, selectionOrigin) => set({ selectedPlot, selectionOrigin }),
    setTown: (town) => set({ town }),
    setFilter: (filter) => set((state) => ({ filter: { ...state.filter, ...filter } })),
    setSort: (sort) => set({ sort }),
    setPanel: (panel) => set({ panel }),
    setVisible: (layer, visible) => set((state) => ({ visible: { ...state.visible, [layer]: visible } })),
    setJob: (job) => set({ job }),
    setNotice: (notice) => set({ notice }),
    setImportSession: (importSession) => set({ importSession }),
    updatePreview: (preview) =>
      set((state) =>
        state.importSession
          ? {
              importSession: {
                ...state.importSession,
                previews: state.importSession.previews.map((p) =>
                  p.sourceIndex === preview.sourceIndex ? preview : p,
                ),
              },
            }
          : {},
      ),
    edit: (edit) => {
      const result = applyEdit(get().scenarioSet, edit);
      if (result.problem) return result.problem;
      const step: HistoryStep = { label: result.label, forward: edit, inverse: result.inverse };
      set((state) => ({
        scenarioSet: result.next,
        history: { past: [...state.history.past, step].slice(-HISTORY_LIMIT), future: [] },
      }));
      return undefined;
    },
    undo: () => {
      const { history, scenarioSet } = get();
      const step = history.past[history.past.length - 1];
      if (!step) return;
      const moved = { past: history.past.slice(0, -1), future: [...history.future, step] };
      if ('slides' in step) return set(slidesAfterHistory(get(), step.slides.before, moved));
      set({
        scenarioSet: applyEdit(scenarioSet, step.inverse).next,
        history: { past: history.past.slice(0, -1), future: [...history.future, step] },
      });
    },
    redo: () => {
      const { history, scenarioSet } = get();
      const step = history.future[history.future.length - 1];
      if (!step) return;
      if ('slides' in step)
        return set(
          slidesAfterHistory(get(), step.slides.after, {
            past: [...history.past, step],
            future: history.future.slice(0, -1),
          }),
        );
      const result = applyEdit(scenarioSet, step.forward);
      set({
        scenarioSet: result.next,
        history: {
          past: [...history.past, { ...step, inverse: result.inverse }],
          future: history.future.slice(0, -1),
        },
      });
    },
    setScenarioSet: (scenarioSet) =>
      set({ scenarioSet, history: { past: [], future: [] }, zoneMeasures: {}, compareIds: [] }),
    setZoneMeasures: (scenarioId, measures) =>
      set((state) => ({ zoneMeasures: { ...state.zoneMeasures, [scenarioId]: measures } })),
    setPickedPlots: (pickedPlots) => set({ pickedPlots }),
    setMapMode: (mapMode) =>
      set(mapMode === 'edit-zone' ? { mapMode } : { mapMode, editingZoneId: null, zoneDraft: null }),
    startZoneEdit: (editingZoneId) => set({ mapMode: 'edit-zone', editingZoneId, zoneDraft: null }),
    setZoneDraft: (zoneDraft) => set({ zoneDraft }),
    finishZoneEdit: () => {
      const { scenarioSet, editingZoneId, zoneDraft, mapMode } = get();
      const scenario = scenarioSet.scenarios.find((s) => s.id === scenarioSet.activeScenarioId);
      const zone = scenario?.zones.find((z) => z.id === editingZoneId);
      if (mapMode !== 'edit-zone' || !scenario || !zone || !zoneDraft) {
        get().setMapMode('browse');
        return undefined;
      }
      const problem = shapeProblem(zoneDraft);
      if (problem) return problem;
      const refused = get().edit({
        type: 'batch',
        edits: [{ type: 'update-zone', scenarioId: scenario.id, zone: { ...zone, geometry: zoneDraft } }],
        label: { zh: `修改承接区块“${zone.name}”的形状`, en: `Reshape receiving zone "${zone.name}"` },
      });
      if (refused) return refused;
      get().setMapMode('browse');
      return undefined;
    },
    setView: (view) => set({ view }),
    requestView: (view) =>
      set((state) => ({ viewRequest: { ...view, serial: (state.viewRequest?.serial ?? 0) + 1 } })),
    setPlanName: (planName) => set({ planName }),
    setCompareIds: (compareIds) => set({ compareIds }),
    editSlides: (next, label) => {
      const before = get().slides;
      if (next === before) return;
      const step: HistoryStep = { label, slides: { before, after: next } };
      set((state) => ({
        ...slidesAfterHistory(state, next, state.history),
        history: { past: [...state.history.past, step].slice(-HISTORY_LIMIT), future: [] },
      }));
    },
    setSlides: (slides) => set({ slides, currentSlideId: null }),
    goToSlide: (id) => {
      if (id === null) return set({ currentSlideId: null });
      const slide = get().slides.find((candidate) => candidate.id === id);
      if (slide) set((state) => slideViewChanges(state, slide));
    },
    setBriefing: (briefing) => set(briefing ? { briefing } : { briefing, currentSlideId: null }),
    requestZoom: (target) =>
      set((state) => ({ zoomRequest: { target, serial: (state.zoomRequest?.serial ?? 0) + 1 } })),
  }));
}

/** The slides `slides` with the history `history`; the current slide is kept while it exists. */
function slidesAfterHistory(
  state: PlannerState,
  slides: Slide[],
  history: PlannerState['history'],
): Pick<PlannerState, 'slides' | 'currentSlideId' | 'history'> {
  const current = slides.some((slide) => slide.id === state.currentSlideId) ? state.currentSlideId : null;
  return { slides, currentSlideId: current, history };
}

/** Why an edited zone shape cannot be stored (its rings cut or touch themselves), or undefined. */
function shapeProblem(geometry: AreaGeometry): Message | undefined {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const crossing = findRingIntersections(polygons, { maxResults: 1 })[0];
  if (!crossing) return undefined;
  const at = `${crossing.point[0].toFixed(5)}, ${crossing.point[1].toFixed(5)}`;
  return {
    zh: `区块边界自相交（约在 ${at} 处），不能保存；请移动顶点后再点“完成”，或点“取消”。`,
    en: `The zone's outline crosses itself (near ${at}) and cannot be stored; move a vertex and press Done again, or Cancel.`,
  };
}

/** The page's store. */
export const plannerStore = createPlannerStore();

/** Reads the page's store from a React component. */
export function usePlanner<T>(selector: (state: PlannerState) => T): T {
  return useStore(plannerStore, selector);
}
