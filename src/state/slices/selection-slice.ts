import type { SelectionSlice, SliceCreator } from '../planner-state.ts';

/** The selected plot, the plots picked for an action, and the town chosen on the dashboard. */
export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedPlot: null,
  selectionOrigin: 'map',
  pickedPlots: [],
  town: null,
  selectPlot: (selectedPlot, selectionOrigin) => set({ selectedPlot, selectionOrigin }),
  setPickedPlots: (pickedPlots) => set({ pickedPlots }),
  setTown: (town) => set({ town }),
});
