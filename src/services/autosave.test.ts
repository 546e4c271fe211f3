/**
 * Nothing lost: the real store and the real autosave against a real IndexedDB (fake-indexeddb, a
 * spec-conformant implementation in memory). A reload is the page's `pagehide`, the page gone (its
 * saving stopped, its waiting save dropped) and a new store restored from the same database, as
 * main.tsx does it; only the layers are opened directly instead of by the worker. The seeded run
 * makes 1,000 random edits and reloads at random points; NOTHING_LOST_SEED=… repeats a run.
 */

import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, onTestFailed, vi } from 'vitest';
import { Random } from '../../scripts/lib/prng.ts';
import { type FixturePlan, loadFixturePlan } from '../../test/support/fixture-plan-store.ts';
import { applyOperation, planOf, planToEdit, randomOperation } from '../../test/support/random-plan-edits.ts';
import { packPlotOutlines } from '../core/plot-outlines.ts';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../core/settings.ts';
import type { PlannerStore } from '../state/store.ts';
import { createPlannerStore } from '../state/store.ts';
import { selectSuggestedMarks } from '../state/suggested-marks.ts';
import { getAutosaved, putAutosaved } from '../worker/saved-layers.ts';
import { type Autosave, restoreAutosave, type SavedState, startAutosave } from './autosave.ts';
import { type JournalStorage, readJournal, writeJournal } from './unload-journal.ts';

const EDITS = 1_000;
/** About one reload in twelve edits. */
const RELOAD_CHANCE = 1 / 12;
/** Short, so that saves also happen between edits, not only on pagehide. */
const DELAY_MS = 3;
/** Transfers need two towns; the fixture has one. */
const TOWNS = ['观海卫镇', '周巷镇', '坎墩街道', '龙山镇'];

interface OpenPage {
  store: PlannerStore;
  autosave: Autosave;
  /** The page's window, as far as the autosave sees it. */
  window: EventTarget;
}

const fixture: FixturePlan = loadFixturePlan();
const pages: OpenPage[] = [];
/** The analysis settings the last page opened asked the worker to classify the restored plan with. */
let restoredWith: AnalysisSettings | undefined;
/** The origin's web storage, which outlives its pages (as localStorage does). */
let storage: Map<string, string>;

/** `storage` as the Web Storage API's getItem, setItem and removeItem. */
function webStorage(): JournalStorage {
  return {
    getItem: (key) => storage.get(key) ?? null,
    setItem: (key, value) => void storage.set(key, String(value)),
    removeItem: (key) => void storage.delete(key),
  };
}

/**
 * A page started as main.tsx starts it: restore, then save. With `cancelled`, the planner cancels
 * the opening of the saved layers.
 */
async function openPage({ cancelled = false, analysis = fixture.analysis } = {}): Promise<OpenPage> {
  const store = createPlannerStore();
  await restoreAutosave(store, () => Promise.reject(new Error('the layers are always restored here')), {
    restoreLayers: async (target, meta, settings) => {
      restoredWith = settings;
      if (cancelled) return 'not-restored';
      target
        .getState()
        .openPlan(
          { ...fixture.plan.layers, plots: packPlotOutlines(fixture.plan.layers.plots), ...meta },
          analysis,
          null,
        );
      return 'restored';
    },
    storage: webStorage(),
  });
  const window = new EventTarget();
  const autosave = startAutosave(store, { page: window, delayMs: DELAY_MS, storage: webStorage() });
  const page = { store, autosave, window };
  pages.push(page);
  return page;
}

/** The page goes away (a reload, a closed tab): `pagehide`, then nothing of it runs any more. */
function closePage(page: OpenPage): void {
  page.window.dispatchEvent(new Event('pagehide'));
  page.autosave.stop();
}

async function reload(page: OpenPage): Promise<OpenPage> {
  closePage(page);
  return openPage();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  storage = new Map();
});

afterEach(() => {
  for (const page of pages.splice(0)) page.autosave.stop();
});

describe('the autosave across reloads', () => {
  it('keeps the plan and its undo history through 1,000 seeded random edits with reloads at random points', async () => {
    const seed = Number(process.env.NOTHING_LOST_SEED ?? 20261205);
    let at = 'the start';
    onTestFailed(() => {
      console.error(`Nothing-lost run failed at ${at}; repeat it with NOTHING_LOST_SEED=${seed}.`);
    });
    const random = new Random(seed);
    const facts = { plotIds: fixture.analysis.rows.map((row) => row.id), towns: TOWNS };
    let page = await openPage();
    let reloads = 0;
    let immediate = 0;
    for (let step = 1; step <= EDITS; step++) {
      const operation = randomOperation(random, planToEdit(page.store.getState()), facts, step);
      applyOperation(page.store.getState(), operation);
      // Sometimes the save made after the delay, sometimes not yet.
      if (random.chance(0.3)) await sleep(random.int(0, 2 * DELAY_MS));
      if (step < EDITS && !random.chance(RELOAD_CHANCE)) continue;
      const before = planOf(page.store.getState());
      if (random.chance(0.5)) immediate++;
      else await page.autosave.settled();
      page = await reload(page);
      reloads++;
      at = `edit ${step} (${operation.kind === 'edit' ? operation.edit.type : operation.kind}), reload ${reloads}`;
      expect(planOf(page.store.getState()), `seed ${seed}, ${at}`).toEqual(before);
      expect(page.store.getState().notice, `seed ${seed}, ${at}`).toBeNull();
    }
    expect(reloads).toBeGreaterThan(50);
    expect(immediate).toBeGreaterThan(20);
  });

  it('undoes after a reload the last edit made before it, under its label', async () => {
    let page = await openPage();
    const before = page.store.getState().scenarioSet;
    page.store.getState().edit({ type: 'set-assumptions', assumptions: { upliftFactor: 2.5 } });
    const label = page.store.getState().history.past.at(-1)?.label;
    page = await reload(page);
    expect(page.store.getState().history.past.at(-1)?.label).toEqual(label);
    page.store.getState().undo();
    expect(page.store.getState().scenarioSet).toEqual(before);
    page.store.getState().redo();
    expect(page.store.getState().scenarioSet.scenarios[0]?.assumptions.upliftFactor).toBe(2.5);
  });

  it('keeps the planning settings (horizon, targets, suggestion) and the accepted suggestions across a reload', async () => {
    let page = await openPage();
    const state = page.store.getState();
    const planning = {
      horizon: { firstYear: 2023, lastYear: 2025 },
      targets: {
        ...state.planning.targets,
        renovatedMu: { enabled: false, value: 4321 },
        milestones: 'linear',
      },
      suggestion: {
        ...state.planning.suggestion,
        transferLimitMu: 12.5,
        yearlyBudgetWan: 900,
        objective: { costWan: 1, firms: 3, incomeWan: 0 },
        lockedPlotIds: [fixture.analysis.rows[0]?.id ?? ''],
      },
    } as const satisfies typeof state.planning;
    state.setPlanning(structuredClone(planning) as typeof state.planning);
    const plotId = fixture.analysis.rows[1]?.id ?? '';
    const entry = { action: 'vacate', year: 2024 } as const;
    const explanation = { zh: '腾退复垦 2024：开发边界外', en: 'Vacate 2024: outside the boundary' };
    state.edit({ type: 'set-actions', plotIds: [plotId], entry });
    const scenarioId = page.store.getState().scenarioSet.activeScenarioId;
    const record = {
      baseScenarioId: 'base',
      status: 'optimal' as const,
      objective: 12,
      bound: 12,
      gap: 0,
      actions: [{ plotId, ...entry, explanation }],
    };
    state.setSuggestions({ [scenarioId]: record });
    page = await reload(page);
    const restored = page.store.getState();
    expect(restored.planning).toEqual(planning);
    expect(restored.suggestions).toEqual({ [scenarioId]: record });
    expect(selectSuggestedMarks(restored).get(plotId)).toEqual(explanation);
  });

  it('classifies the restored plan with the analysis settings it was classified with before the reload', async () => {
    const settings = { ...DEFAULT_SETTINGS, tolerance: 0.2, classLimits: { A: 40, B: 20, C: 8 } };
    const page = await openPage({ analysis: { ...fixture.analysis, settings } });
    expect(restoredWith).toBeUndefined();
    page.store.getState().setPlanName('设置不变');
    await reload(page);
    expect(restoredWith).toEqual(settings);
  });

  it('opens an autosave from before the undo history was kept, and says that undo starts afresh', async () => {
    const scenario = { ...fixture.scenario, name: '旧方案' };
    await putAutosaved('state', {
      layerMeta: { label: null, sources: {} },
      scenarioSet: { scenarios: [scenario], activeScenarioId: scenario.id },
      view: null,
      language: 'zh',
      planName: '旧规划',
    });
    const page = await openPage();
    const state = page.store.getState();
    expect(state.scenarioSet.scenarios[0]?.name).toBe('旧方案');
    expect(state.planName).toBe('旧规划');
    expect(state.history).toEqual({ past: [], future: [] });
    expect(state.notice?.message.zh).toContain('撤销从现在起重新记录');
    expect(state.notice?.message.en).toContain('undo starts afresh');
  });

  it('keeps the layers’ origins across a reload, and reads the sample label of an older autosave', async () => {
    let page = await openPage();
    const origins = { plots: { source: 'sample' as const }, boundary: { source: 'sample' as const } };
    const { layers, analysis } = page.store.getState();
    if (!layers || !analysis) throw new Error('the fixture plan is not open');
    page.store.getState().openPlan({ ...layers, origins }, analysis, null);
    await sleep(4 * DELAY_MS);
    page = await reload(page);
    expect(page.store.getState().layers?.origins).toEqual(origins);
    // That page's own save (and the journal its reload may have left) done and gone first: else
    // it could land over, or be read instead of, the older state written next.
    await sleep(4 * DELAY_MS);
    await page.autosave.settled();
    closePage(page);

    // Saved before origins were kept: the sample's label, the plots replaced by an import.
    const scenario = fixture.scenario;
    await putAutosaved('state', {
      layerMeta: { label: '示例数据（虚构）', sources: { plots: 'plots.zip' } },
      scenarioSet: { scenarios: [scenario], activeScenarioId: scenario.id },
      view: null,
      language: 'zh',
      planName: '旧规划',
    });
    const old = await openPage();
    expect(old.store.getState().layers?.origins).toEqual({
      boundary: { source: 'sample' },
      control: { source: 'sample' },
    });
  });

  it('keeps the comments and a town part’s origin across a reload (plan file version 3)', async () => {
    let page = await openPage();
    const comment = {
      id: 'c1',
      target: { kind: 'town' as const, id: '观海卫镇' },
      author: '审阅人',
      at: '2026-12-05T08:00:00.000Z',
      text: '指标够吗？',
      status: 'open' as const,
    };
    const derivedFrom = {
      kind: 'town-part' as const,
      town: '观海卫镇',
      madeAt: '2026-12-05T07:00:00.000Z',
      cityPlan: { name: '慈溪市', fingerprint: '00a1b2c3d4e5f6' },
      base: { plots: {}, scenarios: [] },
    };
    page.store.getState().setComments([comment]);
    page.store.getState().setDerivedFrom(derivedFrom);
    await sleep(4 * DELAY_MS);
    page = await reload(page);
    expect(page.store.getState().comments).toEqual([comment]);
    expect(page.store.getState().derivedFrom).toEqual(derivedFrom);
  });

  it('opens the plan of an autosave whose undo history cannot be read, without that history', async () => {
    const scenario = { ...fixture.scenario, name: '方案甲' };
    const unreadable = [
      { past: 'nothing', future: [] },
      {
        past: [
          {
            label: { zh: '某步', en: 'a step' },
            forward: { type: 'fly' },
            inverse: { type: 'batch', edits: [] },
          },
        ],
        future: [],
      },
      { past: [], future: [{ label: 'no languages', slides: { before: [], after: [] } }] },
    ];
    for (const history of unreadable) {
      await putAutosaved('state', {
        scenarioSet: { scenarios: [scenario], activeScenarioId: scenario.id },
        view: null,
        language: 'en',
        planName: 'p',
        history,
      });
      const page = await openPage();
      const state = page.store.getState();
      expect(state.scenarioSet.scenarios[0]?.name).toBe('方案甲');
      expect(state.history).toEqual({ past: [], future: [] });
      expect(state.notice?.kind).toBe('info');
      closePage(page);
    }
  });

  it('writes the undo history again only when it changed, not after a move of the map', async () => {
    const page = await openPage();
    page.store.getState().edit({ type: 'rename-scenario', scenarioId: fixture.scenario.id, name: '甲' });
    await sleep(4 * DELAY_MS);
    await page.autosave.settled();
    const written = await getAutosaved('history');
    expect(written).toEqual(page.store.getState().history);
    // Marked, so that a rewrite shows.
    await putAutosaved('history', { ...(written as object), marked: true });
    page.store.getState().setView({ center: [121.3, 30.2], zoom: 12 });
    await sleep(4 * DELAY_MS);
    await page.autosave.settled();
    expect(await getAutosaved('history')).toMatchObject({ marked: true });
    expect(((await getAutosaved('state')) as SavedState).view).toEqual({ center: [121.3, 30.2], zoom: 12 });
    page.store.getState().edit({ type: 'rename-scenario', scenarioId: fixture.scenario.id, name: '乙' });
    await sleep(4 * DELAY_MS);
    await page.autosave.settled();
    expect(await getAutosaved('history')).toEqual(page.store.getState().history);
  });

  it('of two tabs, lets the one that saved last own the save and tells the other that it no longer saves', async () => {
    const first = await openPage();
    first.store
      .getState()
      .edit({ type: 'rename-scenario', scenarioId: fixture.scenario.id, name: '第一个标签页' });
    await sleep(4 * DELAY_MS);
    await first.autosave.settled();
    // A second tab opens the plan as saved, and edits it.
    const second = await openPage();
    expect(second.store.getState().scenarioSet.scenarios[0]?.name).toBe('第一个标签页');
    second.store
      .getState()
      .edit({ type: 'rename-scenario', scenarioId: fixture.scenario.id, name: '第二个标签页' });
    await sleep(4 * DELAY_MS);
    await second.autosave.settled();
    // The first tab is told, and edited again, it must not write its older plan over the second's.
    await vi.waitFor(() => expect(first.store.getState().notice?.message.zh).toContain('另一个标签页'));
    expect(first.store.getState().notice?.message.en).toContain('another tab');
    first.store.getState().setNotice(null);
    first.store.getState().edit({ type: 'set-assumptions', assumptions: { zoneTaxPerMu: 99 } });
    await sleep(4 * DELAY_MS);
    await first.autosave.settled();
    // Each further change there says again that it is not saved.
    expect(first.store.getState().notice?.message.zh).toContain('另一个标签页');
    closePage(first);
    const reopened = await reload(second);
    expect(reopened.store.getState().scenarioSet.scenarios[0]?.name).toBe('第二个标签页');
    expect(reopened.store.getState().scenarioSet.scenarios[0]?.assumptions.zoneTaxPerMu).not.toBe(99);
  });

  it('leaves the state in the journal when the page goes away before IndexedDB has it, and clears it once stored', async () => {
    let page = await openPage();
    page.store.getState().edit({ type: 'rename-scenario', scenarioId: fixture.scenario.id, name: '离开前' });
    const before = planOf(page.store.getState());
    closePage(page);
    const left = readJournal(webStorage());
    expect((left?.state as SavedState | undefined)?.scenarioSet).toEqual(before.scenarioSet);
    expect((left?.state as SavedState | undefined)?.history).toEqual(before.history);
    page = await openPage();
    expect(planOf(page.store.getState())).toEqual(before);
    await sleep(4 * DELAY_MS);
    await page.autosave.settled();
    expect(readJournal(webStorage())).toBeNull();
  });

  it('restores the journal when it is newer than what IndexedDB holds, and IndexedDB’s state when that is newer', async () => {
    const stored = await openPage();
    stored.store
      .getState()
      .edit({ type: 'rename-scenario', scenarioId: fixture.scenario.id, name: '已存入数据库' });
    await sleep(4 * DELAY_MS);
    await stored.autosave.settled();
    stored.autosave.stop();
    const inDatabase = (await getAutosaved('state')) as SavedState;
    const revision = inDatabase.revision ?? 0;
    const renamed = (name: string): SavedState => ({
      ...inDatabase,
      scenarioSet: { ...inDatabase.scenarioSet, scenarios: [{ ...fixture.scenario, name }] },
    });
    writeJournal(webStorage(), revision + 1, renamed('只在日志中'));
    const fromJournal = await openPage();
    expect(fromJournal.store.getState().scenarioSet.scenarios[0]?.name).toBe('只在日志中');
    await sleep(4 * DELAY_MS);
    await fromJournal.autosave.settled();
    fromJournal.autosave.stop();
    writeJournal(webStorage(), revision - 1, renamed('较旧的日志'));
    await putAutosaved('state', inDatabase);
    expect((await openPage()).store.getState().scenarioSet.scenarios[0]?.name).toBe('已存入数据库');
  });

  it('saves nothing over the saved plan when its opening was cancelled', async () => {
    const first = await openPage();
    first.store
      .getState()
      .edit({ type: 'rename-scenario', scenarioId: fixture.scenario.id, name: '保存的方案' });
    closePage(first);
    await first.autosave.settled();
    const saved = await getAutosaved('state');
    const cancelled = await openPage({ cancelled: true });
    await sleep(4 * DELAY_MS);
    cancelled.window.dispatchEvent(new Event('pagehide'));
    await cancelled.autosave.settled();
    expect(await getAutosaved('state')).toEqual(saved);
  });

  it('says so when the plan cannot be autosaved at all (no IndexedDB)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const page = await openPage();
    page.autosave.stop();
    Reflect.deleteProperty(globalThis, 'indexedDB');
    const unsaved = startAutosave(page.store, { page: page.window, delayMs: DELAY_MS });
    await unsaved.settled();
    await sleep(4 * DELAY_MS);
    expect(page.store.getState().notice?.kind).toBe('error');
    expect(page.store.getState().notice?.message.zh).toContain('无法自动保存');
    expect(warn).toHaveBeenCalled();
    unsaved.stop();
    warn.mockRestore();
  });
});
