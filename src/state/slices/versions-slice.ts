import type { SliceCreator, VersionsSlice } from '../planner-state.ts';

/**
 * 版本对比: the saved plan file the current plan is compared with and the last comparison. Not part
 * of the plan: nothing here is saved or undone.
 */
export const createVersionsSlice: SliceCreator<VersionsSlice> = (set) => ({
  compareMode: 'scenarios',
  savedPlan: null,
  versionDiff: null,
  setCompareMode: (compareMode) => set({ compareMode }),
  setSavedPlan: (savedPlan) => set({ savedPlan, versionDiff: null }),
  setSavedScenario: (scenarioId) =>
    set((state) => (state.savedPlan ? { savedPlan: { ...state.savedPlan, scenarioId } } : {})),
  setVersionDiff: (versionDiff) => set({ versionDiff }),
});
