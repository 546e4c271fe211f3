import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLOT_ACTIONS } from '../../catalogue/action-catalogue.ts';
import type { AreaGeometry } from '../../types.ts';
import {
  type ActionEntry,
  type Assumptions,
  createScenario,
  DEFAULT_ASSUMPTIONS,
  PLAN_YEARS,
  type ReceivingZone,
  type ScenarioSet,
} from '../scenario.ts';
import { applyEdit, createScenarioSet } from './apply-edit.ts';
import type { ScenarioEdit } from './scenario-edit.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function square(x: number): AreaGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [121.2 + x, 30.2],
        [121.21 + x, 30.2],
        [121.21 + x, 30.21],
        [121.2 + x, 30.2],
      ],
    ],
  };
}

function startingSet(): ScenarioSet {
  const first = createScenario('s1', '方案一');
  return deepFreeze({
    scenarios: [
      {
        ...first,
        actions: {
          P1: { action: 'vacate', year: 2023 },
          P2: { action: 'acquire', year: 2024, lease: { years: 10 } },
        },
        zones: [{ id: 'Z1', name: '东区', far: 2, year: 2024, geometry: square(0) }],
        transfers: [{ id: 'T1', from: '甲镇', to: '乙镇', mu: 50, year: 2025 }],
      },
      createScenario('s2', '方案二'),
    ],
    activeScenarioId: 's1',
  });
}

const plotId = fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', '__proto__');
const year = fc.constantFrom(...PLAN_YEARS);
const scenarioId = fc.option(fc.constantFrom('s1', 's2', 's3'), { nil: undefined });
const finite = fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true });

const entry: fc.Arbitrary<ActionEntry> = fc
  .record(
    {
      action: fc.constantFrom(...PLOT_ACTIONS),
      year,
      zoneId: fc.constantFrom('Z1', 'Z2'),
      lease: fc.record({ years: fc.integer({ min: 1, max: 30 }) }),
    },
    { requiredKeys: ['action', 'year'] },
  )
  .map((e) => e as ActionEntry);

const zone: fc.Arbitrary<ReceivingZone> = fc
  .record(
    {
      id: fc.constantFrom('Z1', 'Z2', 'Z3'),
      name: fc.string({ maxLength: 6 }),
      far: fc.double({ min: 0.5, max: 5, noNaN: true }),
      year,
      town: fc.constantFrom('甲镇', '乙镇'),
      geometry: fc.integer({ min: 0, max: 5 }).map((x) => square(x / 100)),
    },
    { requiredKeys: ['id', 'name', 'far', 'year', 'geometry'] },
  )
  .map((z) => z as ReceivingZone);

const assumptions = fc.record(
  Object.fromEntries(Object.keys(DEFAULT_ASSUMPTIONS).map((key) => [key, finite])) as Record<
    keyof Assumptions,
    fc.Arbitrary<number>
  >,
  { requiredKeys: [] },
);

const leafEdit: fc.Arbitrary<ScenarioEdit> = fc.oneof(
  fc.record({
    type: fc.constant('set-actions' as const),
    scenarioId,
    plotIds: fc.array(plotId, { maxLength: 4 }),
    entry: fc.option(entry, { nil: null }),
  }),
  fc.record({
    type: fc.constant('add-zone' as const),
    scenarioId,
    zone,
    index: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ type: fc.constant('update-zone' as const), scenarioId, zone }),
  fc.record({
    type: fc.constant('delete-zone' as const),
    scenarioId,
    zoneId: fc.constantFrom('Z1', 'Z2', 'Z3'),
  }),
  fc.record({ type: fc.constant('set-assumptions' as const), scenarioId, assumptions }),
  fc.record({
    type: fc.constant('add-transfer' as const),
    scenarioId,
    transfer: fc.record({
      id: fc.constantFrom('T1', 'T2'),
      from: fc.constantFrom('甲镇', '乙镇'),
      to: fc.constantFrom('甲镇', '丙镇'),
      mu: finite,
      year,
    }),
  }),
  fc.record({
    type: fc.constant('delete-transfer' as const),
    scenarioId,
    transferId: fc.constantFrom('T1', 'T2'),
  }),
  fc.record({
    type: fc.constant('add-direct-quota' as const),
    scenarioId,
    quota: fc.record({
      id: fc.constantFrom('D1', 'D2'),
      town: fc.constantFrom('甲镇'),
      mu: finite,
      year,
      note: fc.string(),
    }),
  }),
  fc.record({
    type: fc.constant('delete-direct-quota' as const),
    scenarioId,
    quotaId: fc.constantFrom('D1', 'D2'),
  }),
  fc.record({
    type: fc.constant('create-scenario' as const),
    scenario: fc.constantFrom('s1', 's2', 's3').map((id) => createScenario(id, `新方案 ${id}`)),
  }),
  fc.record({
    type: fc.constant('duplicate-scenario' as const),
    scenarioId: fc.constantFrom('s1', 's2', 's3'),
    newId: fc.constantFrom('s3', 's4'),
    name: fc.string({ maxLength: 6 }),
  }),
  fc.record({
    type: fc.constant('rename-scenario' as const),
    scenarioId: fc.constantFrom('s1', 's2', 's3'),
    name: fc.string({ maxLength: 6 }),
  }),
  fc.record({
    type: fc.constant('delete-scenario' as const),
    scenarioId: fc.constantFrom('s1', 's2', 's3', 's4'),
  }),
  fc.record({
    type: fc.constant('activate-scenario' as const),
    scenarioId: fc.constantFrom('s1', 's2', 's3'),
  }),
);

const edit: fc.Arbitrary<ScenarioEdit> = fc.oneof(
  { weight: 5, arbitrary: leafEdit },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('batch' as const),
      edits: fc.array(leafEdit, { maxLength: 3 }),
      label: fc.constant({ zh: '批量', en: 'batch' }),
    }),
  },
);

describe('applyEdit', () => {
  it('gives back the starting state when the inverses are applied in reverse order', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const start = startingSet();
        let state = start;
        const inverses: ScenarioEdit[] = [];
        for (const e of edits) {
          const result = applyEdit(state, e);
          if (result.problem) expect(result.next).toBe(state);
          state = result.next;
          inverses.push(result.inverse);
        }
        for (const inverse of inverses.reverse()) {
          const result = applyEdit(state, inverse);
          expect(result.problem).toBeUndefined();
          state = result.next;
        }
        expect(state).toStrictEqual(start);
      }),
      { numRuns: 300 },
    );
  });

  it('labels setting many plots with the count, the action and the year', () => {
    const plotIds = Array.from({ length: 23 }, (_, i) => `P${i}`);
    const result = applyEdit(startingSet(), {
      type: 'set-actions',
      plotIds,
      entry: { action: 'vacate', year: 2024 },
    });
    expect(result.label).toEqual({
      zh: '将 23 个地块设为腾退复垦 2024',
      en: 'Set 23 plots to vacate (2024)',
    });
    expect(result.inverse.type).toBe('put-actions');
    expect(applyEdit(result.next, result.inverse).label.en).toBe('Restore the actions of 23 plots');
  });

  it('shares everything an edit does not touch', () => {
    const start = startingSet();
    const { next } = applyEdit(start, {
      type: 'set-actions',
      plotIds: ['P3'],
      entry: { action: 'upgrade', year: 2022 },
    });
    expect(next.scenarios[1]).toBe(start.scenarios[1]);
    expect(next.scenarios[0]?.zones).toBe(start.scenarios[0]?.zones);
    expect(next.scenarios[0]?.actions.P1).toBe(start.scenarios[0]?.actions.P1);
    expect(next.scenarios[0]?.actions.P3).toEqual({ action: 'upgrade', year: 2022 });
    expect(start.scenarios[0]?.actions.P3).toBeUndefined();
  });

  it('resets plots to keep by removing their entries', () => {
    const { next } = applyEdit(startingSet(), { type: 'set-actions', plotIds: ['P1', 'P2'], entry: null });
    expect(next.scenarios[0]?.actions).toEqual({});
  });

  it('refuses an edit it cannot apply, as a value', () => {
    const start = startingSet();
    const result = applyEdit(start, { type: 'delete-zone', zoneId: 'nope' });
    expect(result.next).toBe(start);
    expect(result.problem?.en).toContain('nope');
    const badYear = applyEdit(start, {
      type: 'set-actions',
      plotIds: ['P1'],
      entry: { action: 'vacate', year: 2030 as 2026 },
    });
    expect(badYear.next).toBe(start);
    expect(badYear.problem?.zh).toContain('2022–2026');
  });

  it('duplicates a scenario next to the original and makes the copy active', () => {
    const start = startingSet();
    const { next, label } = applyEdit(start, {
      type: 'duplicate-scenario',
      scenarioId: 's1',
      newId: 's9',
      name: '副本',
    });
    expect(next.scenarios.map((s) => s.id)).toEqual(['s1', 's9', 's2']);
    expect(next.activeScenarioId).toBe('s9');
    expect(next.scenarios[1]?.zones).toBe(start.scenarios[0]?.zones);
    expect(label.zh).toBe('复制方案“方案一”为“副本”');
  });

  it('activates the neighbour when the active scenario is deleted', () => {
    const { next } = applyEdit(startingSet(), { type: 'delete-scenario', scenarioId: 's1' });
    expect(next.activeScenarioId).toBe('s2');
    const { next: empty } = applyEdit(next, { type: 'delete-scenario', scenarioId: 's2' });
    expect(empty).toEqual({ scenarios: [], activeScenarioId: '' });
  });

  it('starts a set with one empty scenario', () => {
    expect(createScenarioSet('a', 'A')).toEqual({
      scenarios: [createScenario('a', 'A')],
      activeScenarioId: 'a',
    });
  });
});
