/**
 * Nothing lost, in headless Chromium: 60 seeded random edits of the sample plan (actions, zones,
 * transfers, quota, assumptions, scenarios, slides, undo, redo) with real page reloads at random
 * points, some the instant an edit is made; after each reload the plan and its undo history are
 * those of the moment before it, and the undo button names the last step. A number typed into an
 * assumption's field and never confirmed survives a reload too. NOTHING_LOST_SEED=… repeats a run.
 * (The 1,000-edit run is src/services/autosave.test.ts, against the same code in Node.)
 */

import type { Page } from 'playwright-core';
import { beforeAll, expect, it, onTestFailed } from 'vitest';
import { Random } from '../../scripts/lib/prng.ts';
import { createPlannerStore } from '../../src/state/store.ts';
import { waitForPlanner } from '../support/planner-harness.ts';
import {
  applyOperation,
  PLAN_KEYS,
  type PlanOperation,
  planOf,
  planToEdit,
  randomOperation,
  type StoredPlan,
} from '../support/random-plan-edits.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const EDITS = 60;
/** Reloads after edits chosen at random, the last after the last edit. */
const RELOADS = 8;

/** An operation and the pause after it. */
interface Step {
  operation: PlanOperation;
  pauseMs: number;
}

/** Runs in the page: the plan and its undo history as its store holds them, null before a plan is open. */
function readPlanInPage(keys: readonly string[]): StoredPlan | null {
  const state = window.__plannerInternals?.store.getState();
  if (!state?.layers) return null;
  return Object.fromEntries(
    keys.map((key) => [key, state[key as keyof typeof state]]),
  ) as unknown as StoredPlan;
}

describeInBrowser('nothing lost across reloads', () => {
  const planner = usePlanner({ waitFor: 'legend' });
  let page: Page;

  /**
   * Applies the operations in the page as a planner's clicks would, each followed by its pause, and
   * returns the plan right after the last (so that a reload can follow at once).
   */
  const applyInPage = (steps: Step[]): Promise<StoredPlan | null> =>
    page.evaluate(
      async ([all, keys]) => {
        const store = window.__plannerInternals?.store;
        if (!store) throw new Error('the planner has no store');
        for (const { operation: op, pauseMs } of all) {
          const state = store.getState();
          if (op.kind === 'edit') state.edit(op.edit);
          else if (op.kind === 'slides') state.editSlides(op.slides, op.label);
          else if (op.kind === 'undo') state.undo();
          else state.redo();
          if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
        const after = store.getState();
        return Object.fromEntries(
          keys.map((key) => [key, after[key as keyof typeof after]]),
        ) as unknown as StoredPlan;
      },
      [steps, PLAN_KEYS] as const,
    );

  /**
   * Reloads and waits for the plan to be restored: the saved scenarios, slides and history go into
   * the store in the same task as the layers, so a plan open is a plan restored.
   */
  const reload = async () => {
    await page.reload();
    await page.waitForFunction(() => Boolean(window.__plannerInternals?.store.getState().layers), null, {
      timeout: 120_000,
    });
  };

  beforeAll(() => {
    page = planner.page;
  });

  it('keeps the plan and its undo history through 60 seeded random edits and 8 reloads at random points', async () => {
    const seed = Number(process.env.NOTHING_LOST_SEED ?? 20261205);
    let at = 'the start';
    onTestFailed(() => {
      console.error(
        `Nothing-lost run in the page failed at ${at}; repeat it with NOTHING_LOST_SEED=${seed}.`,
      );
    });
    const random = new Random(seed);
    const reloadAfter = new Set([EDITS]);
    while (reloadAfter.size < RELOADS) reloadAfter.add(random.int(1, EDITS - 1));
    const facts = await page.evaluate(() => {
      const rows = window.__plannerInternals?.store.getState().analysis?.rows ?? [];
      return { plotIds: rows.map((row) => row.id), towns: [...new Set(rows.map((row) => row.town))] };
    });
    expect(facts.towns.length).toBeGreaterThanOrEqual(2);
    // The same operations on a store in Node: the page must hold what it holds.
    const start = await readPlan();
    const mirror = createPlannerStore();
    mirror.getState().setScenarioSet(start.scenarioSet, start.history);
    mirror.getState().setSlides(start.slides);
    let steps: Step[] = [];
    let reloads = 0;
    let immediate = 0;
    for (let step = 1; step <= EDITS; step++) {
      const operation = randomOperation(random, planToEdit(mirror.getState()), facts, step);
      applyOperation(mirror.getState(), operation);
      // Sometimes longer than the autosave's delay, so that some saves happen between edits.
      steps.push({ operation, pauseMs: random.chance(0.25) ? random.int(0, 500) : 0 });
      if (!reloadAfter.has(step)) continue;
      const expected = { ...planOf(mirror.getState()), planName: start.planName, language: start.language };
      const last = steps[steps.length - 1] as Step;
      // The first two reloads come the instant the last edit is made, the autosave's delay not over.
      last.pauseMs = reloads < 2 || random.chance(0.4) ? 0 : random.int(0, 800);
      if (last.pauseMs === 0) immediate++;
      const applied = await applyInPage(steps);
      steps = [];
      await reload();
      reloads++;
      at = `edit ${step} (${operation.kind === 'edit' ? operation.edit.type : operation.kind}), reload ${reloads}`;
      expect(applied, `seed ${seed}, ${at}: the page applied the edits as Node did`).toEqual(expected);
      expect(await readPlan(), `seed ${seed}, ${at}`).toEqual(expected);
      expect(await page.locator('[data-testid="notice"]').count(), `seed ${seed}, ${at}`).toBe(0);
    }
    expect(reloads).toBe(RELOADS);
    expect(immediate).toBeGreaterThanOrEqual(2);

    // The undo button names the last step made before the reload, and undoes it.
    const last = (await readPlan()).history.past.at(-1);
    await openScenarioPanel();
    const undo = page.locator('[data-testid="undo"]');
    if (last) {
      expect(await undo.textContent()).toContain(last.label.zh);
      await undo.click();
      expect((await readPlan()).history.future.at(-1)?.label).toEqual(last.label);
    } else {
      expect(await undo.isDisabled()).toBe(true);
    }
  }, 300_000);

  it('keeps a number typed into an assumption and not yet confirmed when the page is reloaded', async () => {
    await openScenarioPanel();
    const field = page.locator('[data-testid="assumption-zoneTaxPerMu"]');
    if (!(await field.isVisible())) await page.click('details[data-section="assumptions"] > summary');
    await field.fill('37.5');
    // No Enter, no click elsewhere: the field still has the focus when the page goes.
    await page.reload();
    await waitForPlanner(page, 'legend');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const state = window.__plannerInternals?.store.getState();
          const scenario = state?.scenarioSet.scenarios.find(
            (s) => s.id === state.scenarioSet.activeScenarioId,
          );
          return scenario?.assumptions.zoneTaxPerMu;
        }),
      )
      .toBe(37.5);
  });

  it('makes no request that leaves the local server and logs no error', () => {
    planner.network.assertNoExternalRequests();
    // A reload aborts what the page was still fetching; that is not an error of the app.
    expectNoPageProblems(planner.problems, { ignore: /net::ERR_ABORTED/ });
  });

  async function openScenarioPanel(): Promise<void> {
    const panel = page.locator('[data-testid="scenario-panel"]');
    if (!(await panel.isVisible())) await page.click('[data-testid="tab-scenario"]');
    await panel.waitFor();
  }

  async function readPlan(): Promise<StoredPlan> {
    const plan = await page.evaluate(readPlanInPage, PLAN_KEYS);
    if (!plan) throw new Error('the planner has no plan open');
    return plan;
  }
});
