import { newId, uniqueName } from '../new-id.ts';
import type { SliceCreator, SuggestionRecord, SuggestSlice } from '../planner-state.ts';

/**
 * The plan suggestion (方案建议): the run in its worker (started and cancelled by
 * src/services/suggest-jobs.ts), accepting its result as a new scenario (one undo step), the accepted
 * suggestions whose plots are marked, and the plots locked for the suggestion (a plan setting).
 */
export const createSuggestSlice: SliceCreator<SuggestSlice> = (set, get) => ({
  suggestRun: null,
  suggestions: {},
  startSuggestRun: (baseScenarioId) =>
    set((state) => ({
      suggestRun: {
        baseScenarioId,
        baseScenario: state.scenarioSet.scenarios.find((s) => s.id === baseScenarioId) ?? null,
        state: 'running',
        progress: 0,
        stage: null,
        result: null,
        error: null,
        acceptedId: null,
      },
    })),
  setSuggestProgress: (progress, stage) => {
    const run = get().suggestRun;
    if (run?.state === 'running') set({ suggestRun: { ...run, progress, stage } });
  },
  finishSuggestRun: (outcome) => {
    const run = get().suggestRun;
    if (run?.state !== 'running') return;
    if (outcome === null) return set({ suggestRun: null });
    if ('error' in outcome) return set({ suggestRun: { ...run, state: 'failed', error: outcome.error } });
    set({ suggestRun: { ...run, state: 'done', progress: 1, result: outcome.result } });
  },
  clearSuggestRun: () => set({ suggestRun: null }),
  acceptSuggestion: () => {
    const { suggestRun: run, scenarioSet } = get();
    const result = run?.state === 'done' ? run.result : null;
    if (!run || !result) return { zh: '没有可接受的方案建议', en: 'there is no suggestion to accept' };
    if (run.acceptedId !== null && scenarioSet.scenarios.some((s) => s.id === run.acceptedId))
      return { zh: '这个方案建议已接受为新方案', en: 'this suggestion was accepted already' };
    const id = newId(
      'suggested',
      scenarioSet.scenarios.map((s) => s.id),
    );
    const name = uniqueName(
      result.scenario.name,
      scenarioSet.scenarios.map((s) => s.name),
    );
    const problem = get().edit({
      type: 'batch',
      edits: [{ type: 'create-scenario', scenario: { ...result.scenario, id, name } }],
      label: {
        zh: `接受方案建议为新方案“${name}”`,
        en: `Accept the suggestion as the new scenario "${name}"`,
      },
    });
    if (problem) return problem;
    const record: SuggestionRecord = {
      baseScenarioId: run.baseScenarioId,
      status: result.status,
      objective: result.objective,
      bound: result.bound,
      gap: result.gap,
      actions: result.actions,
    };
    set((state) => ({
      suggestions: { ...state.suggestions, [id]: record },
      suggestRun: { ...run, acceptedId: id },
    }));
    return undefined;
  },
  setSuggestions: (suggestions) => set({ suggestions }),
  lockPlots: (plotIds, locked) => {
    const { planning } = get();
    const current = planning.suggestion.lockedPlotIds;
    const next = new Set(current);
    for (const id of plotIds) {
      if (locked) next.add(id);
      else next.delete(id);
    }
    // Nothing added (locking) or removed (unlocking): the settings stay the same object.
    if (next.size === current.length) return;
    set({
      planning: { ...planning, suggestion: { ...planning.suggestion, lockedPlotIds: [...next] } },
    });
  },
});
