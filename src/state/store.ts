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
import type { FeatureCollection, LayerKind, Message, PlotStatus, Problem } from '../core/types.ts';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/messages.ts';
import type { SourcePreview } from '../worker/protocol.ts';

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

export type PanelName = 'dashboard' | 'table' | 'layers';

export interface PlannerState {
  language: Language;
  layers: PlanLayers | null;
  analysis: PlanAnalysis | null;
  /**
   * What the map draws for the plots: a data: URL of GeoJSON written by the worker, with
   * `index`, `id`, `status` and `town` per feature; and the few marked plots as a small collection.
   */
  plotMap: { url: string; markers: FeatureCollection<unknown, unknown> } | null;
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
  /** The import dialog's content while it is open: the files read and a preview of each source. */
  importSession: ImportSession | null;
  /** A request to the map to show a layer whole; `serial` makes a repeated request a new value. */
  zoomRequest: { target: LayerKind | 'cixi'; serial: number } | null;
  /** A message to show once (a failure or a done import), cleared by the user. */
  notice: { kind: 'error' | 'info'; message: Message } | null;

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
  return createStore<PlannerState>()((set) => ({
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
    importSession: null,
    zoomRequest: null,
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
    requestZoom: (target) =>
      set((state) => ({ zoomRequest: { target, serial: (state.zoomRequest?.serial ?? 0) + 1 } })),
  }));
}

/** The page's store. */
export const plannerStore = createPlannerStore();

/** Reads the page's store from a React component. */
export function usePlanner<T>(selector: (state: PlannerState) => T): T {
  return useStore(plannerStore, selector);
}
