/**
 * Seeded random edits of a plan, as a planner makes them: plot actions, receiving zones (add,
 * reshape, delete), quota transfers and direct quota, assumptions, scenarios (add, copy, rename,
 * delete, switch), slides (add, rename, reorder, delete), undo and redo. Each operation is plain
 * data, so the end-to-end test makes it in Node and applies it in the page with `applyOperation`'s
 * twin. The same seed gives the same operations from the same plan.
 */

import type { Random } from '../../scripts/lib/prng.ts';
import type { PlotAction } from '../../src/core/catalogue/action-catalogue.ts';
import type { Slide } from '../../src/core/plan/slides.ts';
import type { ScenarioEdit } from '../../src/core/scenario/edits/scenario-edit.ts';
import {
  type ActionEntry,
  ASSUMPTION_KEYS,
  createScenario,
  PLAN_YEARS,
  type ReceivingZone,
  type Scenario,
  type ScenarioSet,
} from '../../src/core/scenario/scenario.ts';
import type { Message, PolygonGeometry } from '../../src/core/types.ts';
import type { PlannerState } from '../../src/state/planner-state.ts';
import {
  createSlide,
  insertSlide,
  moveSlide,
  removeSlide,
  renameSlide,
  SLIDE_LABELS,
} from '../../src/state/slide-list.ts';

/** One thing the planner does. */
export type PlanOperation =
  | { kind: 'edit'; edit: ScenarioEdit }
  | { kind: 'slides'; slides: Slide[]; label: Message }
  | { kind: 'undo' }
  | { kind: 'redo' };

/** What the next operation is chosen from. */
export interface PlanToEdit {
  scenarioSet: ScenarioSet;
  slides: Slide[];
  /** Steps that can be undone and redone. */
  undoable: number;
  redoable: number;
}

/** The plan's plot ids and towns (transfers need two towns, so there are more than the plan's). */
export interface PlanFacts {
  plotIds: readonly string[];
  towns: readonly string[];
}

/** The part of the store an operation goes through. */
export type EditingStore = Pick<PlannerState, 'edit' | 'editSlides' | 'undo' | 'redo'>;

/** Applies `operation` to the store (the page does the same with the same data). */
export function applyOperation(state: EditingStore, operation: PlanOperation): void {
  if (operation.kind === 'edit') state.edit(operation.edit);
  else if (operation.kind === 'slides') state.editSlides(operation.slides, operation.label);
  else if (operation.kind === 'undo') state.undo();
  else state.redo();
}

/** What the planner edits of a plan and its undo history: all of it must survive a reload. */
export const PLAN_KEYS = ['scenarioSet', 'slides', 'planName', 'language', 'history'] as const;

export type StoredPlan = Pick<PlannerState, (typeof PLAN_KEYS)[number]>;

/** The plan and its undo history of `state` (PLAN_KEYS). */
export function planOf(state: StoredPlan): StoredPlan {
  const { scenarioSet, slides, planName, language, history } = state;
  return { scenarioSet, slides, planName, language, history };
}

const CHANGING_ACTIONS: readonly PlotAction[] = ['upgrade', 'acquire', 'vacate', 'relocate'];

type Maker = (random: Random, plan: PlanToEdit, facts: PlanFacts, serial: number) => PlanOperation | null;

function activeScenario(plan: PlanToEdit): Scenario | undefined {
  return plan.scenarioSet.scenarios.find((s) => s.id === plan.scenarioSet.activeScenarioId);
}

function year(random: Random) {
  return random.pick(PLAN_YEARS);
}

/** A small square (a few hundred metres) near Cixi, WGS84. */
function square(random: Random): PolygonGeometry {
  const lon = random.uniform(121.15, 121.45);
  const lat = random.uniform(30.12, 30.3);
  const half = random.uniform(0.001, 0.006);
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
      ],
    ],
  };
}

function entry(random: Random, scenario: Scenario): ActionEntry | null {
  if (random.chance(0.2)) return null;
  const action = random.pick(CHANGING_ACTIONS);
  const zone = scenario.zones.length > 0 ? random.pick(scenario.zones) : undefined;
  if (action === 'relocate') return zone ? { action, year: year(random), zoneId: zone.id } : null;
  if (action === 'acquire' && random.chance(0.3))
    return { action, year: year(random), lease: { years: random.int(5, 30) } };
  return { action, year: year(random) };
}

function someOf<T>(random: Random, items: readonly T[], most: number): T[] {
  const count = random.int(1, Math.min(most, items.length));
  return Array.from({ length: count }, () => random.pick(items));
}

function newZone(random: Random, serial: number): ReceivingZone {
  return {
    id: `zone-${serial}`,
    name: `承接区块${serial}`,
    far: Math.round(random.uniform(1, 3) * 10) / 10,
    year: year(random),
    geometry: square(random),
  };
}

const MAKERS: readonly { weight: number; make: Maker }[] = [
  {
    weight: 14,
    make: (random, plan, facts) => {
      const scenario = activeScenario(plan);
      if (!scenario) return null;
      const plotIds = someOf(random, facts.plotIds, 6);
      return { kind: 'edit', edit: { type: 'set-actions', plotIds, entry: entry(random, scenario) } };
    },
  },
  {
    weight: 6,
    make: (random, _, __, serial) => ({
      kind: 'edit',
      edit: { type: 'add-zone', zone: newZone(random, serial) },
    }),
  },
  {
    // Reshaped, renamed or given another FAR, as the zone editor does.
    weight: 5,
    make: (random, plan, _, serial) => {
      const zones = activeScenario(plan)?.zones ?? [];
      if (zones.length === 0) return null;
      const zone = random.pick(zones);
      const changed = random.chance(0.6)
        ? { ...zone, geometry: square(random) }
        : { ...zone, name: `区块${serial}`, far: Math.round(random.uniform(1, 3) * 10) / 10 };
      return { kind: 'edit', edit: { type: 'update-zone', zone: changed } };
    },
  },
  {
    weight: 3,
    make: (random, plan) => {
      const zones = activeScenario(plan)?.zones ?? [];
      return zones.length === 0
        ? null
        : { kind: 'edit', edit: { type: 'delete-zone', zoneId: random.pick(zones).id } };
    },
  },
  {
    weight: 4,
    make: (random, _, facts, serial) => {
      const from = random.pick(facts.towns);
      const to = random.pick(facts.towns.filter((town) => town !== from));
      const transfer = { id: `transfer-${serial}`, from, to, mu: random.int(1, 200), year: year(random) };
      return { kind: 'edit', edit: { type: 'add-transfer', transfer } };
    },
  },
  {
    weight: 2,
    make: (random, plan) => {
      const transfers = activeScenario(plan)?.transfers ?? [];
      if (transfers.length === 0) return null;
      return { kind: 'edit', edit: { type: 'delete-transfer', transferId: random.pick(transfers).id } };
    },
  },
  {
    weight: 3,
    make: (random, _, facts, serial) => {
      const quota = {
        id: `quota-${serial}`,
        town: random.pick(facts.towns),
        mu: random.int(1, 80),
        year: year(random),
        note: `重点项目${serial}`,
      };
      return { kind: 'edit', edit: { type: 'add-direct-quota', quota } };
    },
  },
  {
    weight: 2,
    make: (random, plan) => {
      const quotas = activeScenario(plan)?.directQuota ?? [];
      if (quotas.length === 0) return null;
      return { kind: 'edit', edit: { type: 'delete-direct-quota', quotaId: random.pick(quotas).id } };
    },
  },
  {
    weight: 4,
    make: (random) => {
      const key = random.pick(ASSUMPTION_KEYS);
      return {
        kind: 'edit',
        edit: { type: 'set-assumptions', assumptions: { [key]: random.int(1, 400) / 4 } },
      };
    },
  },
  {
    weight: 2,
    make: (_, __, ___, serial) => ({
      kind: 'edit',
      edit: { type: 'create-scenario', scenario: createScenario(`scenario-${serial}`, `方案${serial}`) },
    }),
  },
  {
    weight: 2,
    make: (random, plan, _, serial) => {
      const from = random.pick(plan.scenarioSet.scenarios);
      return {
        kind: 'edit',
        edit: {
          type: 'duplicate-scenario',
          scenarioId: from.id,
          newId: `scenario-${serial}`,
          name: `副本${serial}`,
        },
      };
    },
  },
  {
    weight: 2,
    make: (random, plan, _, serial) => {
      const scenario = random.pick(plan.scenarioSet.scenarios);
      return {
        kind: 'edit',
        edit: { type: 'rename-scenario', scenarioId: scenario.id, name: `方案 ${serial}` },
      };
    },
  },
  {
    weight: 1,
    make: (random, plan) => {
      const { scenarios } = plan.scenarioSet;
      if (scenarios.length < 2) return null;
      return { kind: 'edit', edit: { type: 'delete-scenario', scenarioId: random.pick(scenarios).id } };
    },
  },
  {
    weight: 3,
    make: (random, plan) => ({
      kind: 'edit',
      edit: { type: 'activate-scenario', scenarioId: random.pick(plan.scenarioSet.scenarios).id },
    }),
  },
  {
    // A zone and the plots that move there, as one step (as an import of zones is one batch).
    weight: 2,
    make: (random, _, facts, serial) => {
      const zone = newZone(random, serial);
      return {
        kind: 'edit',
        edit: {
          type: 'batch',
          label: { zh: `迁入承接区块${serial}`, en: `Move into zone ${serial}` },
          edits: [
            { type: 'add-zone', zone },
            {
              type: 'set-actions',
              plotIds: someOf(random, facts.plotIds, 3),
              entry: { action: 'relocate', year: zone.year, zoneId: zone.id },
            },
          ],
        },
      };
    },
  },
  {
    weight: 5,
    make: (random, plan, facts, serial) => {
      const caption = `汇报页 ${serial}`;
      const source = {
        camera: {
          center: [random.uniform(121.1, 121.5), random.uniform(30.1, 30.35)] as [number, number],
          zoom: random.int(80, 160) / 10,
          bearing: random.int(-30, 30),
          pitch: random.int(0, 45),
        },
        visible: { boundary: random.chance(0.8), control: random.chance(0.5), plots: true },
        scenarioId: plan.scenarioSet.activeScenarioId,
        town: random.chance(0.5) ? random.pick(facts.towns) : null,
        plotIds: random.chance(0.5) ? someOf(random, facts.plotIds, 3) : [],
        year: null,
      };
      const slide = createSlide(source, `slide-${serial}`, caption);
      return { kind: 'slides', slides: insertSlide(plan.slides, slide), label: SLIDE_LABELS.record(caption) };
    },
  },
  {
    weight: 2,
    make: (random, plan, _, serial) => {
      if (plan.slides.length === 0) return null;
      const caption = `第 ${serial} 页`;
      const slides = renameSlide(plan.slides, random.pick(plan.slides).id, caption);
      return { kind: 'slides', slides, label: SLIDE_LABELS.rename(caption) };
    },
  },
  {
    weight: 2,
    make: (random, plan) => {
      if (plan.slides.length < 2) return null;
      const slide = random.pick(plan.slides);
      const offset = random.chance(0.5) ? -1 : 1;
      const slides = moveSlide(plan.slides, slide.id, offset);
      return slides === plan.slides
        ? null
        : { kind: 'slides', slides, label: SLIDE_LABELS.move(slide.caption, offset) };
    },
  },
  {
    weight: 2,
    make: (random, plan) => {
      if (plan.slides.length === 0) return null;
      const slide = random.pick(plan.slides);
      return {
        kind: 'slides',
        slides: removeSlide(plan.slides, slide.id),
        label: SLIDE_LABELS.remove(slide.caption),
      };
    },
  },
  { weight: 10, make: (_, plan) => (plan.undoable > 0 ? { kind: 'undo' } : null) },
  { weight: 6, make: (_, plan) => (plan.redoable > 0 ? { kind: 'redo' } : null) },
];

/**
 * The next operation on `plan`, chosen by weight among those that can apply (an undo needs a step
 * to undo, a zone edit a zone). `serial` makes new ids and names unique.
 */
export function randomOperation(
  random: Random,
  plan: PlanToEdit,
  facts: PlanFacts,
  serial: number,
): PlanOperation {
  for (;;) {
    const operation = random.weighted(MAKERS, (maker) => maker.weight).make(random, plan, facts, serial);
    if (operation) return operation;
  }
}

/** The plan as `randomOperation` reads it, from the store's state. */
export function planToEdit(state: Pick<PlannerState, 'scenarioSet' | 'slides' | 'history'>): PlanToEdit {
  return {
    scenarioSet: state.scenarioSet,
    slides: state.slides,
    undoable: state.history.past.length,
    redoable: state.history.future.length,
  };
}
