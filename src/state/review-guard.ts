/**
 * Review mode refuses, in the store itself, every action that changes the plan: whatever a button,
 * a shortcut, the map or a panel added later calls, the plan of a review bundle stays as it came.
 * Looking stays free: the panels, the selection, the town, the filters, the camera, the layer
 * switches, briefing, the comparison, choosing which scenario is shown, and adding a comment.
 */

import type { StateCreator } from 'zustand/vanilla';
import type { ScenarioEdit } from '../core/scenario/edits/scenario-edit.ts';
import type { Message } from '../core/types.ts';
import type { MapMode, PlannerState } from './planner-state.ts';

/** What a refused action returns where it returns a problem. */
export const REVIEW_REFUSAL: Message = {
  zh: '审阅模式下不能修改规划：可以查看并添加批注。',
  en: 'The plan cannot be changed in review mode: look at it and add comments.',
};

/** The store's actions that change the plan (or start changing it), refused in review mode. */
export const REVIEW_REFUSED_ACTIONS = [
  'edit',
  'undo',
  'redo',
  'setScenarioSet',
  'editSlides',
  'setSlides',
  'setPlanName',
  'setPlanning',
  'openPlan',
  'setImportSession',
  'addContextLayers',
  'setContextLayers',
  'removeContextLayer',
  'setMapMode',
  'startZoneEdit',
  'setZoneDraft',
  'finishZoneEdit',
  'setComments',
  'setCommentStatus',
  'importComments',
  'acceptSuggestion',
  'lockPlots',
] as const satisfies readonly (keyof PlannerState)[];

/** Map modes that only look (a drag pans the map). */
const LOOKING_MODES: readonly MapMode[] = ['browse'];

/** True when review mode lets `action` run with `args`: showing another scenario, going back to browsing. */
function isLooking(action: (typeof REVIEW_REFUSED_ACTIONS)[number], args: unknown[]): boolean {
  if (action === 'edit') return (args[0] as ScenarioEdit | undefined)?.type === 'activate-scenario';
  if (action === 'setMapMode') return LOOKING_MODES.includes(args[0] as MapMode);
  return false;
}

/** What the refused action returns: the refusal where it returns a problem, 0 for a count. */
function refusedResult(action: (typeof REVIEW_REFUSED_ACTIONS)[number]): unknown {
  if (action === 'edit' || action === 'finishZoneEdit' || action === 'acceptSuggestion')
    return REVIEW_REFUSAL;
  if (action === 'importComments') return 0;
  return undefined;
}

/** The store's creator with REVIEW_REFUSED_ACTIONS refused while `review` is set. */
export function withReviewGuard(create: StateCreator<PlannerState>): StateCreator<PlannerState> {
  return (set, get, api) => {
    const state = create(set, get, api);
    const guarded: Record<string, unknown> = { ...state };
    for (const action of REVIEW_REFUSED_ACTIONS) {
      const run = state[action] as (...args: unknown[]) => unknown;
      guarded[action] = (...args: unknown[]) =>
        get().review && !isLooking(action, args) ? refusedResult(action) : run(...args);
    }
    return guarded as unknown as PlannerState;
  };
}
