/**
 * The plan suggestion in the store, run for real: the suggestion worker's table on a MessageChannel
 * (HiGHS in Node), the small fixture plan, accept as one undo step, cancel leaving the plan as it
 * was, and the suggested marks that an edit of the plot takes away.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixturePlan, openFixturePlan } from '../../../test/support/fixture-plan-store.ts';
import { startMessageChannelWorker } from '../../../test/support/message-channel-worker.ts';
import { DEFAULT_ASSUMPTIONS } from '../../core/scenario/scenario.ts';
import { runSuggestion, stopSuggestWorker } from '../../services/suggest-jobs.ts';
import { suggestApi } from '../../worker/suggest-api.ts';
import { selectActiveScenario } from '../scenario-selectors.ts';
import { createPlannerStore, type PlannerStore } from '../store.ts';
import { selectSuggestedMarks } from '../suggested-marks.ts';

const fixture = loadFixturePlan();
const failure = (message: string) => ({ zh: message, en: message });
const options = {
  createWorker: () => startMessageChannelWorker(suggestApi, failure),
  timeLimitS: 30,
};

let store: PlannerStore;

beforeEach(() => {
  store = createPlannerStore();
  openFixturePlan(store, store.getState(), fixture);
  // The fixture is a version 1 file: its assumptions lack the subsidies version 2 added.
  const { scenarios, activeScenarioId } = store.getState().scenarioSet;
  store.getState().setScenarioSet({
    scenarios: scenarios.map((s) => ({ ...s, assumptions: { ...DEFAULT_ASSUMPTIONS, ...s.assumptions } })),
    activeScenarioId,
  });
  store.getState().setZoneMeasures(fixture.scenario.id, fixture.measures);
  // The fixture's targets are out of reach of 4 plots: ask for what they can give.
  const planning = store.getState().planning;
  store.getState().setPlanning({
    ...planning,
    targets: {
      ...planning.targets,
      controlShare: { enabled: true, value: 0.5 },
      renovatedMu: { enabled: true, value: 1 },
      renovatedTaxPerMu: { enabled: false, value: 15 },
      newAboveScaleFirms: { enabled: false, value: 200 },
    },
  });
});

afterEach(() => stopSuggestWorker());

async function runToResult(): Promise<void> {
  await runSuggestion(store, fixture.plan.activeScenarioId, options);
  const run = store.getState().suggestRun;
  expect(run?.state, JSON.stringify(run?.error)).toBe('done');
}

describe('the plan suggestion in the store', () => {
  it('runs in the worker, reports progress, and changes nothing of the plan until accepted', async () => {
    const before = store.getState();
    const stages: string[] = [];
    const unsubscribe = store.subscribe((state) => {
      if (state.suggestRun?.stage) stages.push(state.suggestRun.stage.en);
    });
    await runToResult();
    unsubscribe();
    expect(stages.length).toBeGreaterThan(0);
    const after = store.getState();
    expect(after.scenarioSet).toBe(before.scenarioSet);
    expect(after.history).toBe(before.history);
    expect(after.planning).toBe(before.planning);
    expect(after.suggestRun?.result?.actions.length).toBeGreaterThan(0);
  });

  it('accepts the result as a new, active scenario in one undo step, and undo takes it all back', async () => {
    await runToResult();
    const before = store.getState();
    const result = before.suggestRun?.result;
    expect(store.getState().acceptSuggestion()).toBeUndefined();
    const after = store.getState();
    expect(after.history.past.length).toBe(before.history.past.length + 1);
    expect(after.history.past.at(-1)?.label.zh).toMatch(/^接受方案建议为新方案“/);
    expect(after.scenarioSet.scenarios.length).toBe(before.scenarioSet.scenarios.length + 1);
    const accepted = selectActiveScenario(after);
    expect(accepted?.id).toBe(after.suggestRun?.acceptedId);
    expect(accepted?.actions).toEqual(result?.scenario.actions);
    expect(after.suggestions[accepted?.id ?? '']?.gap).toBe(result?.gap);
    // A second accept of the same result is refused: it is a scenario already.
    expect(store.getState().acceptSuggestion()).toBeDefined();
    store.getState().undo();
    expect(store.getState().scenarioSet).toEqual(before.scenarioSet);
    expect(store.getState().history.past).toEqual(before.history.past);
    expect(selectSuggestedMarks(store.getState()).size).toBe(0);
    // Redo brings the scenario back with its marks.
    store.getState().redo();
    expect(selectSuggestedMarks(store.getState()).size).toBe(result?.actions.length);
  });

  it('leaves the plan unchanged when the run is cancelled', async () => {
    const before = store.getState();
    const running = runSuggestion(store, fixture.plan.activeScenarioId, options);
    expect(store.getState().suggestRun?.state).toBe('running');
    const { cancelSuggestion } = await import('../../services/suggest-jobs.ts');
    cancelSuggestion();
    await running;
    const after = store.getState();
    expect(after.suggestRun).toBeNull();
    expect(after.scenarioSet).toBe(before.scenarioSet);
    expect(after.history).toBe(before.history);
    expect(after.planning).toBe(before.planning);
    expect(after.suggestions).toBe(before.suggestions);
  });

  it('marks the suggested plots until the planner edits them; undoing the edit marks the plot again', async () => {
    await runToResult();
    store.getState().acceptSuggestion();
    const marks = selectSuggestedMarks(store.getState());
    const suggested = store.getState().suggestRun?.result?.actions ?? [];
    expect([...marks.keys()].sort()).toEqual(suggested.map((a) => a.plotId).sort());
    for (const action of suggested) expect(marks.get(action.plotId)).toEqual(action.explanation);
    const [first] = suggested;
    if (!first) throw new Error('the fixture gave no suggested action');
    const other = first.action === 'vacate' ? 'upgrade' : 'vacate';
    store
      .getState()
      .edit({ type: 'set-actions', plotIds: [first.plotId], entry: { action: other, year: first.year } });
    const edited = selectSuggestedMarks(store.getState());
    expect(edited.has(first.plotId)).toBe(false);
    expect(edited.size).toBe(marks.size - 1);
    // The same year but another action, or back to keep: no mark either.
    store.getState().edit({ type: 'set-actions', plotIds: [first.plotId], entry: null });
    expect(selectSuggestedMarks(store.getState()).has(first.plotId)).toBe(false);
    store.getState().undo();
    store.getState().undo();
    expect(selectSuggestedMarks(store.getState()).get(first.plotId)).toEqual(first.explanation);
    // Another scenario shows no marks.
    store.getState().edit({ type: 'activate-scenario', scenarioId: fixture.plan.activeScenarioId });
    expect(selectSuggestedMarks(store.getState()).size).toBe(0);
  });

  it('locks and unlocks plots in the plan settings', () => {
    const ids = fixture.analysis.rows.map((row) => row.id);
    store.getState().lockPlots(ids.slice(0, 2), true);
    expect(store.getState().planning.suggestion.lockedPlotIds).toEqual(ids.slice(0, 2));
    const planning = store.getState().planning;
    store.getState().lockPlots(ids.slice(0, 1), true);
    expect(store.getState().planning).toBe(planning);
    store.getState().lockPlots(ids.slice(0, 1), false);
    expect(store.getState().planning.suggestion.lockedPlotIds).toEqual(ids.slice(1, 2));
  });
});
