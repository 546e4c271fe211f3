import { EMPTY_FILTER, type SliceCreator, type TableSlice } from '../planner-state.ts';

/** The plot table's filter and sort, and the plan's plausibility checks its filters use. */
export const createTableSlice: SliceCreator<TableSlice> = (set) => ({
  filter: EMPTY_FILTER,
  sort: { key: 'id', descending: false },
  planChecks: null,
  setFilter: (filter) => set((state) => ({ filter: { ...state.filter, ...filter } })),
  setSort: (sort) => set({ sort }),
  setPlanChecks: (planChecks) => set({ planChecks }),
});
