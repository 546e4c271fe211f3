import { describe, expect, it } from 'vitest';
import type { PlanComment } from '../core/plan/plan-comments.ts';
import { createScenario } from '../core/scenario/scenario.ts';
import { REVIEW_REFUSAL } from './review-guard.ts';
import { createPlannerStore } from './store.ts';

const COMMENT: PlanComment = {
  id: 'comment-1',
  target: { kind: 'scenario', id: 'b' },
  author: '王审阅',
  at: '2026-12-05T08:00:00.000Z',
  text: '请补充资金来源。',
  status: 'open',
};

/** A store with two scenarios, a slide, a plan name and one comment: a plan as a bundle opens it. */
function storeWithPlan() {
  const store = createPlannerStore();
  const state = store.getState();
  state.setScenarioSet({
    scenarios: [createScenario('a', '方案甲'), createScenario('b', '方案乙')],
    activeScenarioId: 'a',
  });
  state.setPlanName('审阅的规划');
  state.setSlides([]);
  state.setComments([COMMENT]);
  return store;
}

describe('review mode in the store', () => {
  it('lets the planner edit before, and refuses every edit of the plan after, entering review mode', () => {
    const store = storeWithPlan();
    expect(
      store.getState().edit({ type: 'rename-scenario', scenarioId: 'a', name: '方案一' }),
    ).toBeUndefined();
    expect(store.getState().scenarioSet.scenarios[0]?.name).toBe('方案一');
    store.getState().enterReview('0123456789abcd');
    const before = store.getState();
    expect(before.edit({ type: 'rename-scenario', scenarioId: 'a', name: '改名' })).toEqual(REVIEW_REFUSAL);
    expect(before.edit({ type: 'set-assumptions', assumptions: { upliftFactor: 9 } })).toEqual(
      REVIEW_REFUSAL,
    );
    before.undo();
    before.setPlanName('另一个名字');
    before.editSlides([{ id: 's', caption: 'x' } as never], { zh: '加', en: 'add' });
    before.setMapMode('draw-zone');
    before.startZoneEdit('zone-1');
    before.setCommentStatus('comment-1', 'resolved', '王审阅');
    expect(before.importComments([{ ...COMMENT, id: 'comment-2' }])).toBe(0);
    before.setImportSession({ fileNames: ['a.geojson'], previews: [], problems: [], accepted: [] });
    const after = store.getState();
    expect(after.scenarioSet).toBe(before.scenarioSet);
    expect(after.history).toBe(before.history);
    expect(after.planName).toBe('审阅的规划');
    expect(after.slides).toEqual([]);
    expect(after.mapMode).toBe('browse');
    expect(after.editingZoneId).toBeNull();
    expect(after.comments).toEqual([COMMENT]);
    expect(after.importSession).toBeNull();
  });

  it('lets the reviewer look: show another scenario, pick a town, go back to browsing, and add a comment', () => {
    const store = storeWithPlan();
    store.getState().enterReview('0123456789abcd');
    expect(store.getState().edit({ type: 'activate-scenario', scenarioId: 'b' })).toBeUndefined();
    expect(store.getState().scenarioSet.activeScenarioId).toBe('b');
    store.getState().setTown('观海卫镇');
    store.getState().setMapMode('browse');
    const own = { ...COMMENT, id: 'comment-2', target: { kind: 'town', id: '观海卫镇' } } as const;
    store.getState().addComment(own);
    expect(store.getState().town).toBe('观海卫镇');
    expect(store.getState().comments.map((comment) => comment.id)).toEqual(['comment-1', 'comment-2']);
    // The plan's own comments are remembered, so that the reviewer exports only theirs.
    expect(store.getState().review?.planCommentIds).toEqual(['comment-1']);
  });

  it("marks a comment resolved and open again in the planner's app, and imports only comments it lacks", () => {
    const store = storeWithPlan();
    store.getState().setCommentStatus('comment-1', 'resolved', '李规划');
    const resolved = store.getState().comments[0];
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: '李规划' });
    expect(Number.isNaN(Date.parse(resolved?.resolvedAt ?? ''))).toBe(false);
    store.getState().setCommentStatus('comment-1', 'open', '李规划');
    expect(store.getState().comments[0]).toEqual(COMMENT);
    expect(store.getState().importComments([COMMENT, { ...COMMENT, id: 'comment-9' }])).toBe(1);
    expect(store.getState().comments).toHaveLength(2);
  });
});
