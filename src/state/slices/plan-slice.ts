import { defaultPlanningSettings } from '../../core/suggest/suggest-settings.ts';
import { EMPTY_FILTER, type PlanSlice, type SliceCreator } from '../planner-state.ts';

/** The name of a plan nobody named yet (the sample's, a new plan's). */
export const DEFAULT_PLAN_NAME = '慈溪市工业用地整合规划';

/** The plan open: layers, analysis, the plots' map data, layer visibility and the plan's name. */
export const createPlanSlice: SliceCreator<PlanSlice> = (set) => ({
  layers: null,
  analysis: null,
  plotMap: null,
  visible: { boundary: true, control: true, plots: true },
  planName: DEFAULT_PLAN_NAME,
  planning: defaultPlanningSettings(),
  comments: [],
  derivedFrom: null,
  // Indices and towns of the plan before mean nothing in this one.
  openPlan: (layers, analysis, plotMap) =>
    set({ layers, analysis, plotMap, selectedPlot: null, town: null, filter: EMPTY_FILTER }),
  setVisible: (layer, visible) => set((state) => ({ visible: { ...state.visible, [layer]: visible } })),
  setPlanName: (planName) => set({ planName }),
  setPlanning: (planning) => set({ planning }),
  setComments: (comments) => set({ comments }),
  setDerivedFrom: (derivedFrom) => set({ derivedFrom }),
});
