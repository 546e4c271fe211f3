import { applyEdit, createScenarioSet } from '../../core/scenario/edits/apply-edit.ts';
import { pushHistoryStep } from '../history.ts';
import type { ScenarioSlice, SliceCreator } from '../planner-state.ts';
import { slidesAfterHistory } from '../slide-list.ts';

/**
 * The scenarios and the one undo history of the plan: a step is a labelled scenario edit with its
 * inverse, or an edit of the briefing slides (recorded by the briefing slice), undone in the order made.
 */
export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get) => ({
  scenarioSet: createScenarioSet(),
  history: { past: [], future: [] },
  zoneMeasures: {},
  compareIds: [],
  edit: (edit) => {
    const result = applyEdit(get().scenarioSet, edit);
    if (result.problem) return result.problem;
    set((state) => ({
      scenarioSet: result.next,
      history: pushHistoryStep(state.history, {
        label: result.label,
        forward: edit,
        inverse: result.inverse,
      }),
    }));
    return undefined;
  },
  undo: () => {
    const { history, scenarioSet } = get();
    const step = history.past[history.past.length - 1];
    if (!step) return;
    const moved = { past: history.past.slice(0, -1), future: [...history.future, step] };
    if ('slides' in step) return set(slidesAfterHistory(get(), step.slides.before, moved));
    set({ scenarioSet: applyEdit(scenarioSet, step.inverse).next, history: moved });
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
        // The inverse of the edit as redone now (it may differ from the first time's).
        past: [...history.past, { ...step, inverse: result.inverse }],
        future: history.future.slice(0, -1),
      },
    });
  },
  // Other scenarios: the suggestions accepted into the ones before, and a run from them, are gone.
  setScenarioSet: (scenarioSet, history = { past: [], future: [] }) =>
    set({ scenarioSet, history, zoneMeasures: {}, compareIds: [], suggestions: {}, suggestRun: null }),
  setZoneMeasures: (scenarioId, measures) =>
    set((state) => ({ zoneMeasures: { ...state.zoneMeasures, [scenarioId]: measures } })),
  setCompareIds: (compareIds) => set({ compareIds }),
});
