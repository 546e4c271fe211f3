/**
 * The app's one store (zustand), composed of slices (src/state/slices/); its type is in
 * planner-state.ts. The map controller subscribes to it outside React; components read it through
 * selectors and never call geometry code while rendering.
 */

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { PlannerState } from './planner-state.ts';
import { withReviewGuard } from './review-guard.ts';
import { createBriefingSlice } from './slices/briefing-slice.ts';
import { createCameraSlice } from './slices/camera-slice.ts';
import { createContextSlice } from './slices/context-slice.ts';
import { createImportSlice } from './slices/import-slice.ts';
import { createMapModeSlice } from './slices/map-mode-slice.ts';
import { createPageSlice } from './slices/page-slice.ts';
import { createPlanSlice } from './slices/plan-slice.ts';
import { createPlaybackSlice } from './slices/playback-slice.ts';
import { createReviewSlice } from './slices/review-slice.ts';
import { createScenarioSlice } from './slices/scenario-slice.ts';
import { createSelectionSlice } from './slices/selection-slice.ts';
import { createSuggestSlice } from './slices/suggest-slice.ts';
import { createTableSlice } from './slices/table-slice.ts';
import { createVersionsSlice } from './slices/versions-slice.ts';

export type PlannerStore = ReturnType<typeof createPlannerStore>;

/** A store with every slice in its initial state (the page has one; tests make their own). */
export function createPlannerStore() {
  return createStore<PlannerState>()(
    withReviewGuard((...args) => ({
      ...createPageSlice(...args),
      ...createPlanSlice(...args),
      ...createSelectionSlice(...args),
      ...createTableSlice(...args),
      ...createCameraSlice(...args),
      ...createImportSlice(...args),
      ...createScenarioSlice(...args),
      ...createMapModeSlice(...args),
      ...createBriefingSlice(...args),
      ...createContextSlice(...args),
      ...createSuggestSlice(...args),
      ...createReviewSlice(...args),
      ...createVersionsSlice(...args),
      ...createPlaybackSlice(...args),
    })),
  );
}

/** The page's store. */
export const plannerStore = createPlannerStore();

/** Reads the page's store from a React component. */
export function usePlanner<T>(selector: (state: PlannerState) => T): T {
  return useStore(plannerStore, selector);
}
