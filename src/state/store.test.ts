import { describe, expect, it } from 'vitest';
import type { PlannerState, SliceCreator } from './planner-state.ts';
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
import { createPlannerStore } from './store.ts';

const SLICES: Record<string, SliceCreator<object>> = {
  page: createPageSlice,
  plan: createPlanSlice,
  selection: createSelectionSlice,
  table: createTableSlice,
  camera: createCameraSlice,
  import: createImportSlice,
  scenario: createScenarioSlice,
  mapMode: createMapModeSlice,
  briefing: createBriefingSlice,
  context: createContextSlice,
  suggest: createSuggestSlice,
  review: createReviewSlice,
  versions: createVersionsSlice,
  playback: createPlaybackSlice,
};

/** The keys a slice makes, without a store around it (its actions are not called). */
function keysOf(slice: SliceCreator<object>): string[] {
  const unused = () => {
    throw new Error('a slice called set or get while it was made');
  };
  const api = { setState: unused, getState: unused, getInitialState: unused, subscribe: unused };
  return Object.keys(slice(unused, unused as () => PlannerState, api));
}

describe('the store composed of slices', () => {
  it('has each key from exactly one slice, and every key of the store from some slice', () => {
    const owners = new Map<string, string[]>();
    for (const [name, slice] of Object.entries(SLICES))
      for (const key of keysOf(slice)) owners.set(key, [...(owners.get(key) ?? []), name]);
    const shared = [...owners].filter(([, names]) => names.length > 1);
    expect(shared).toEqual([]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(createPlannerStore().getState()).sort());
  });

  it('holds serialisable data only (every value but the actions survives a structured clone)', () => {
    const state = createPlannerStore().getState();
    const data = Object.fromEntries(Object.entries(state).filter(([, value]) => typeof value !== 'function'));
    expect(Object.keys(data).length).toBeGreaterThan(25);
    expect(structuredClone(data)).toEqual(data);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('gives each store its own state', () => {
    const first = createPlannerStore();
    const second = createPlannerStore();
    first.getState().setTown('观海卫镇');
    first.getState().setFilter({ minAreaMu: 5 });
    expect(second.getState().town).toBeNull();
    expect(second.getState().filter.minAreaMu).toBeNull();
    expect(first.getState().filter.minAreaMu).toBe(5);
  });
});
