import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../core/analysis/analyze-plan.ts';
import { parsePlanFile } from '../core/plan/parse-plan-file.ts';
import type { Slide } from '../core/plan/slides.ts';
import { createScenario } from '../core/scenario/scenario.ts';
import { boundsAround, REFERENCE_MAP_SIZE } from './slide-bounds.ts';
import {
  createSlide,
  insertSlide,
  moveSlide,
  removeSlide,
  renameSlide,
  SLIDE_LABELS,
  selectCurrentSlide,
  slideSourceOf,
  slideViewChanges,
  steppedSlide,
} from './slide-list.ts';
import { createPlannerStore } from './store.ts';

const CAMERA = { center: [121.25, 30.2] as [number, number], zoom: 12.5, bearing: 0, pitch: 0 };

function slide(id: string, caption = id): Slide {
  return Object.freeze({
    id,
    caption,
    camera: CAMERA,
    layers: { boundary: true, control: true, plots: true },
    scenarioId: 'scenario-1',
  }) as Slide;
}

/** Three frozen slides a, b, c: operations must not mutate them. */
function abc(): Slide[] {
  return Object.freeze([slide('a'), slide('b'), slide('c')]) as Slide[];
}

/** The small plan fixture, analysed: real rows with real plot ids. */
function smallPlan() {
  const text = readFileSync(new URL('../../test/fixtures/plans/small-v1.plan.json', import.meta.url), 'utf8');
  const parsed = parsePlanFile(text, 'small-v1.plan.json');
  if (!parsed.ok) throw new Error('the fixture does not parse');
  return { plan: parsed.plan, analysis: analyzePlan(parsed.plan.layers, parsed.plan.settings) };
}

describe('recording a slide', () => {
  it('takes the camera, the layers, the active scenario, the town and the picked plots', () => {
    const { plan, analysis } = smallPlan();
    const source = slideSourceOf(
      {
        visible: { boundary: false, control: true, plots: true },
        scenarioSet: { scenarios: plan.scenarios, activeScenarioId: 'scenario-2' },
        town: '观海卫镇',
        pickedPlots: [2, 0],
        selectedPlot: 3,
        analysis,
        playbackYear: 2024,
      },
      { center: [121.27, 30.19], zoom: 14.25, bearing: 10, pitch: 20 },
    );
    const recorded = createSlide(source, 'slide-1', '观海卫镇 · 空方案');
    expect(recorded).toEqual({
      id: 'slide-1',
      caption: '观海卫镇 · 空方案',
      camera: { center: [121.27, 30.19], zoom: 14.25, bearing: 10, pitch: 20 },
      layers: { boundary: false, control: true, plots: true },
      scenarioId: 'scenario-2',
      town: '观海卫镇',
      plotIds: [analysis.rows[2]?.id, analysis.rows[0]?.id],
      year: 2024,
    });
    expect(recorded.plotIds?.every((id) => typeof id === 'string')).toBe(true);
  });

  it('takes the selected plot when none is picked, and leaves out an absent town and plots', () => {
    const { plan, analysis } = smallPlan();
    const state = {
      visible: { boundary: true, control: true, plots: true },
      scenarioSet: { scenarios: plan.scenarios, activeScenarioId: 'scenario-1' },
      town: null,
      pickedPlots: [],
      analysis,
      playbackYear: null,
    };
    const selected = createSlide(slideSourceOf({ ...state, selectedPlot: 1 }, CAMERA), 's', 'x');
    expect(selected.plotIds).toEqual([analysis.rows[1]?.id]);
    const plain = createSlide(slideSourceOf({ ...state, selectedPlot: null }, CAMERA), 's', 'x');
    expect('plotIds' in plain).toBe(false);
    // Without the years control the slide shows the whole plan: no year is written.
    expect('year' in plain).toBe(false);
    expect('town' in plain).toBe(false);
  });

  it('copies the camera and layers, so that later changes of the view do not move the slide', () => {
    const camera = { center: [121.2, 30.1] as [number, number], zoom: 10, bearing: 0, pitch: 0 };
    const visible = { boundary: true, control: true, plots: true };
    const recorded = createSlide(
      { camera, visible, scenarioId: 's', town: null, plotIds: [], year: null },
      'slide-1',
      'caption',
    );
    camera.center[0] = 0;
    visible.plots = false;
    expect(recorded.camera.center).toEqual([121.2, 30.1]);
    expect(recorded.layers.plots).toBe(true);
  });
});

describe('editing the list', () => {
  it('inserts at the end or at a place, clamped', () => {
    expect(insertSlide(abc(), slide('d')).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(insertSlide(abc(), slide('d'), 1).map((s) => s.id)).toEqual(['a', 'd', 'b', 'c']);
    expect(insertSlide(abc(), slide('d'), -5).map((s) => s.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('renames one slide and returns the same list when nothing changes', () => {
    const slides = abc();
    const renamed = renameSlide(slides, 'b', '五里村试点');
    expect(renamed.map((s) => s.caption)).toEqual(['a', '五里村试点', 'c']);
    expect(renamed[0]).toBe(slides[0]);
    expect(renameSlide(slides, 'b', 'b')).toBe(slides);
    expect(renameSlide(slides, 'nope', 'x')).toBe(slides);
  });

  it('moves up and down, and not past either end', () => {
    const slides = abc();
    expect(moveSlide(slides, 'c', -1).map((s) => s.id)).toEqual(['a', 'c', 'b']);
    expect(moveSlide(slides, 'a', 1).map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(moveSlide(slides, 'a', -1)).toBe(slides);
    expect(moveSlide(slides, 'c', 1)).toBe(slides);
    expect(moveSlide(slides, 'nope', 1)).toBe(slides);
  });

  it('removes a slide', () => {
    const slides = abc();
    expect(removeSlide(slides, 'b').map((s) => s.id)).toEqual(['a', 'c']);
    expect(removeSlide(slides, 'nope')).toBe(slides);
  });

  it('a move and its opposite give back the order (any slide, any list length)', () => {
    for (let n = 1; n <= 5; n++) {
      const slides = Array.from({ length: n }, (_, i) => slide(`s${i}`));
      for (const target of slides) {
        for (const offset of [-1, 1]) {
          const moved = moveSlide(slides, target.id, offset);
          const back = moved === slides ? slides : moveSlide(moved, target.id, -offset);
          expect(back.map((s) => s.id)).toEqual(slides.map((s) => s.id));
        }
      }
    }
  });
});

describe('stepping', () => {
  it('steps from the current slide and stops at the ends', () => {
    const slides = abc();
    expect(steppedSlide(slides, 'a', 1)?.id).toBe('b');
    expect(steppedSlide(slides, 'c', 1)?.id).toBe('c');
    expect(steppedSlide(slides, 'a', -1)?.id).toBe('a');
    expect(steppedSlide(slides, 'b', -1)?.id).toBe('a');
    expect(steppedSlide(slides, null, 1)?.id).toBe('a');
    expect(steppedSlide([], null, 1)).toBeNull();
  });
});

describe('showing a slide', () => {
  it('sets the layers, the town, the scenario and a new camera request', () => {
    const scenarios = [createScenario('scenario-1', '方案一'), createScenario('scenario-2', '方案二')];
    const shown = {
      ...slide('b'),
      scenarioId: 'scenario-2',
      town: '龙山镇',
      layers: { boundary: false, control: true, plots: false },
    };
    const changes = slideViewChanges(
      { scenarioSet: { scenarios, activeScenarioId: 'scenario-1' }, viewRequest: null },
      shown,
    );
    expect(changes.visible).toEqual({ boundary: false, control: true, plots: false });
    expect(changes.visible).not.toBe(shown.layers);
    expect(changes.town).toBe('龙山镇');
    expect(changes.scenarioSet.activeScenarioId).toBe('scenario-2');
    // A slide recorded without an extent asks for the one around its centre on the reference map.
    expect(changes.viewRequest).toEqual({
      center: [121.25, 30.2],
      zoom: 12.5,
      bearing: 0,
      pitch: 0,
      bounds: boundsAround([121.25, 30.2], 12.5, REFERENCE_MAP_SIZE),
      serial: 1,
    });
    expect(changes.currentSlideId).toBe('b');
    // A slide without a year shows the whole plan, and stops the years playing.
    expect(changes.playbackYear).toBeNull();
    expect(changes.playing).toBe(false);
    expect(
      slideViewChanges({ scenarioSet: changes.scenarioSet, viewRequest: null }, { ...shown, year: 2023 })
        .playbackYear,
    ).toBe(2023);
    // One recorded with its extent asks for exactly that.
    const recorded = { ...shown, camera: { ...shown.camera, bounds: [121.2, 30.15, 121.3, 30.25] } };
    expect(
      slideViewChanges({ scenarioSet: changes.scenarioSet, viewRequest: null }, recorded as Slide).viewRequest
        ?.bounds,
    ).toEqual([121.2, 30.15, 121.3, 30.25]);
  });

  it('keeps the active scenario when the slide names one that has gone', () => {
    const scenarioSet = {
      scenarios: [createScenario('scenario-1', '方案一')],
      activeScenarioId: 'scenario-1',
    };
    const changes = slideViewChanges(
      { scenarioSet, viewRequest: { center: [0, 0], zoom: 1, serial: 7 } },
      { ...slide('a'), scenarioId: 'deleted' },
    );
    expect(changes.scenarioSet).toBe(scenarioSet);
    expect(changes.town).toBeNull();
    expect(changes.viewRequest?.serial).toBe(8);
  });
});

describe('slides in the store', () => {
  it('records each edit as a named undo step, and undo and redo give the lists back', () => {
    const store = createPlannerStore();
    const one = insertSlide([], slide('a', '全市'));
    store.getState().editSlides(one, SLIDE_LABELS.record('全市'));
    const two = insertSlide(store.getState().slides, slide('b', '观海卫镇'));
    store.getState().editSlides(two, SLIDE_LABELS.record('观海卫镇'));
    const renamed = renameSlide(store.getState().slides, 'a', '五里村');
    store.getState().editSlides(renamed, SLIDE_LABELS.rename('五里村'));
    expect(store.getState().history.past.map((step) => step.label.zh)).toEqual([
      '添加汇报页“全市”',
      '添加汇报页“观海卫镇”',
      '重命名汇报页为“五里村”',
    ]);
    store.getState().undo();
    expect(store.getState().slides).toBe(two);
    store.getState().undo();
    expect(store.getState().slides).toBe(one);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().slides).toBe(renamed);
    expect(store.getState().history.future).toEqual([]);
  });

  it('mixes with scenario edits in one history', () => {
    const store = createPlannerStore();
    const before = store.getState().scenarioSet;
    store.getState().editSlides([slide('a')], SLIDE_LABELS.record('a'));
    const scenarioId = before.activeScenarioId;
    expect(store.getState().edit({ type: 'rename-scenario', scenarioId, name: '新名称' })).toBeUndefined();
    store.getState().undo();
    expect(store.getState().scenarioSet.scenarios[0]?.name).not.toBe('新名称');
    expect(store.getState().slides.map((s) => s.id)).toEqual(['a']);
    store.getState().undo();
    expect(store.getState().slides).toEqual([]);
  });

  it('goes to a slide, highlights it until it is deleted or briefing ends, and leaves history alone', () => {
    const store = createPlannerStore();
    const scenarioId = store.getState().scenarioSet.activeScenarioId;
    const slides = [
      { ...slide('a'), scenarioId, town: '龙山镇' },
      { ...slide('b'), scenarioId },
    ];
    store.getState().setSlides(slides);
    store.getState().setBriefing(true);
    store.getState().goToSlide('a');
    expect(selectCurrentSlide(store.getState())?.id).toBe('a');
    expect(store.getState().town).toBe('龙山镇');
    expect(store.getState().viewRequest?.zoom).toBe(12.5);
    expect(store.getState().history.past).toEqual([]);
    store.getState().editSlides(removeSlide(store.getState().slides, 'a'), SLIDE_LABELS.remove('a'));
    expect(store.getState().currentSlideId).toBeNull();
    store.getState().goToSlide('b');
    store.getState().setBriefing(false);
    expect(store.getState().currentSlideId).toBeNull();
  });
});
