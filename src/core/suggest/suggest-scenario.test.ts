import { describe, expect, it } from 'vitest';
import { plotRow, zoneMeasures } from '../../../test/fixtures/plot-rows.ts';
import type { PlotRow } from '../analysis/analyze-plan.ts';
import type { ScenarioFigures } from '../scenario/indicators/scenario-figures.ts';
import { scenarioIndicators } from '../scenario/indicators/scenario-indicators.ts';
import { type ActionEntry, createScenario, type Scenario } from '../scenario/scenario.ts';
import { objectiveOf, type SuggestInput, suggestScenario } from './suggest-scenario.ts';
import { defaultPlanningSettings, type PlanningSettings, TARGET_KEYS } from './suggest-settings.ts';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [121.2, 30.2],
      [121.201, 30.2],
      [121.201, 30.201],
      [121.2, 30.201],
      [121.2, 30.2],
    ],
  ],
};

/** Only the targets named on, with these values. */
function planning(targets: Partial<Record<(typeof TARGET_KEYS)[number], number>>): PlanningSettings {
  const settings = defaultPlanningSettings();
  for (const key of TARGET_KEYS) {
    const value = targets[key];
    settings.targets[key] = { enabled: value !== undefined, value: value ?? settings.targets[key].value };
  }
  settings.suggestion.rules.firmsMoveToZones = false;
  return settings;
}

/** The figures of a scenario by the last year, from the ordinary indicators. */
function lastFigures(input: SuggestInput, scenario: Scenario): ScenarioFigures {
  return scenarioIndicators(input.rows, input.zoneMeasures, scenario).byYear[input.planning.horizon.lastYear];
}

/** Every enabled target and constraint met, per the ordinary indicators, in every year of the horizon. */
function expectAllMet(input: SuggestInput, scenario: Scenario): void {
  const indicators = scenarioIndicators(input.rows, input.zoneMeasures, scenario);
  const last = indicators.byYear[input.planning.horizon.lastYear];
  for (const key of TARGET_KEYS) {
    const target = input.planning.targets[key];
    if (target.enabled) expect(last[key], key).not.toBeNull();
    if (target.enabled) expect(last[key] as number, key).toBeGreaterThanOrEqual(target.value);
  }
  for (const figures of Object.values(indicators.byYear)) {
    expect(figures.ledger.negativeTowns).toEqual([]);
    for (const capacity of Object.values(figures.capacity)) expect(capacity.isShort).toBe(false);
  }
}

/**
 * The exact optimum by enumeration: every combination of actions (each in the first year it may
 * take), scored by the ordinary indicators. Only for a handful of plots.
 */
function bruteForce(input: SuggestInput, choices: (ActionEntry | null)[][]): number {
  let best = Number.POSITIVE_INFINITY;
  const pick = (i: number, actions: Record<string, ActionEntry>) => {
    if (i === input.rows.length) {
      const scenario = { ...input.base, actions: { ...actions } };
      const indicators = scenarioIndicators(input.rows, input.zoneMeasures, scenario);
      const last = indicators.byYear[2026];
      const ok =
        TARGET_KEYS.every((key) => {
          const target = input.planning.targets[key];
          return !target.enabled || (last[key] !== null && (last[key] as number) >= target.value);
        }) &&
        Object.values(indicators.byYear).every(
          (f) => f.ledger.negativeTowns.length === 0 && Object.values(f.capacity).every((c) => !c.isShort),
        );
      if (ok) best = Math.min(best, objectiveOf(last, input.planning.suggestion.objective));
      return;
    }
    const row = input.rows[i] as PlotRow;
    for (const entry of choices[i] as (ActionEntry | null)[]) {
      if (entry) actions[row.id] = entry;
      else delete actions[row.id];
      pick(i + 1, actions);
    }
    delete actions[row.id];
  };
  pick(0, {});
  return best;
}

const ALL_ACTIONS: (ActionEntry | null)[] = [
  null,
  { action: 'upgrade', year: 2022 },
  { action: 'acquire', year: 2022 },
  { action: 'acquire', year: 2022, lease: { years: 20 } },
  { action: 'vacate', year: 2022 },
  { action: 'relocate', year: 2024, zoneId: 'Z1' },
];

/** Two towns, one zone in 乙镇 from 2024 that uses 40 亩 of quota. */
function smallPlan(targets: Partial<Record<(typeof TARGET_KEYS)[number], number>>): SuggestInput {
  const rows = [
    plotRow(0, 'A', '甲镇', 100, 'boundary', 0, { taxWan: 300, floorAreaM2: 10000, firms: 3, rentWan: 10 }),
    plotRow(1, 'B', '甲镇', 100, 'boundary', 0, { taxWan: 2000, floorAreaM2: 50000, firms: 5, rentWan: 20 }),
    plotRow(2, 'C', '乙镇', 50, 'outside', 0, { taxWan: 20, floorAreaM2: 20000, firms: 1, rentWan: 4 }),
    plotRow(3, 'D', '乙镇', 60, 'control', 60, { taxWan: 900, floorAreaM2: 30000, firms: 2, rentWan: 8 }),
  ];
  const base = createScenario('s1', '基础方案');
  base.zones = [{ id: 'Z1', name: '乙镇承接区', far: 2, year: 2024, town: '乙镇', geometry: square }];
  return {
    rows,
    zoneMeasures: { Z1: zoneMeasures('Z1', '乙镇', 40, 40) },
    base,
    planning: planning(targets),
  };
}

describe('suggestScenario on small plans', () => {
  it('equals the exact optimum found by enumeration, and meets every target per the indicators', async () => {
    for (const targets of [
      { renovatedMu: 150 },
      { renovatedMu: 120, controlShare: 0.3 },
      { renovatedTaxPerMu: 15, newAboveScaleFirms: 1.5 },
      { controlShare: 0.25, renovatedMu: 200, renovatedTaxPerMu: 10 },
    ]) {
      const input = smallPlan(targets);
      const suggestion = await suggestScenario(input);
      // The default rules: C (outside the boundary) is not upgraded or acquired, D (in control) stays.
      const optimum = bruteForce(input, [
        ALL_ACTIONS,
        ALL_ACTIONS,
        ALL_ACTIONS.filter((entry) => entry?.action !== 'upgrade' && entry?.action !== 'acquire'),
        ALL_ACTIONS.filter((entry) => entry?.action !== 'vacate' && entry?.action !== 'relocate'),
      ]);
      expect(suggestion.status, JSON.stringify(targets)).toBe('optimal');
      expect(suggestion.objective).toBeCloseTo(optimum, 6);
      expect(suggestion.bound as number).toBeLessThanOrEqual(suggestion.objective + 1e-9);
      expect(suggestion.objective).toBeCloseTo(
        objectiveOf(lastFigures(input, suggestion.scenario), input.planning.suggestion.objective),
        9,
      );
      expectAllMet(input, suggestion.scenario);
    }
  });

  it('vacates the cheapest land first: 150 亩 by vacating A (15 万元) and C (30 万元)', async () => {
    const input = smallPlan({ renovatedMu: 150 });
    const suggestion = await suggestScenario(input);
    expect(Object.fromEntries(suggestion.actions.map((a) => [a.plotId, a.action]))).toEqual({
      A: 'vacate',
      C: 'vacate',
    });
    // Demolition 150 元/m²: 10,000 m² → 150 万元, 20,000 m² → 300 万元.
    expect(suggestion.objective).toBeCloseTo(450, 9);
    expect(suggestion.actions[0]?.explanation.zh).toMatch(/^腾退复垦 2022：/);
  });

  it('keeps the locked plots as the base scenario has them', async () => {
    const input = smallPlan({ renovatedMu: 150 });
    input.base.actions = { A: { action: 'upgrade', year: 2025 }, C: { action: 'vacate', year: 2023 } };
    input.planning.suggestion.lockedPlotIds = ['A', 'B'];
    const before = structuredClone(input.base);
    const suggestion = await suggestScenario(input);
    expect(suggestion.scenario.actions.A).toEqual({ action: 'upgrade', year: 2025 });
    expect(suggestion.scenario.actions.B).toBeUndefined();
    expect(suggestion.actions.map((a) => a.plotId)).not.toContain('A');
    expect(input.base).toEqual(before);
    expectAllMet(input, suggestion.scenario);
  });

  it('reports a target it cannot meet with the best it reached', async () => {
    const input = smallPlan({ renovatedMu: 1000 });
    const suggestion = await suggestScenario(input);
    expect(suggestion.status).toBe('infeasible');
    expect(suggestion.bound).toBeNull();
    expect(suggestion.shortfalls.map((s) => [s.kind, s.year, s.required])).toEqual([
      ['renovatedMu', 2026, 1000],
    ]);
    // All 310 亩 renovated is the most there is.
    expect(suggestion.shortfalls[0]?.reached).toBeCloseTo(310, 6);
  });

  it('says that zone capacity holds back a control share that needs relocations', async () => {
    const input = smallPlan({ controlShare: 0.9 });
    input.planning.suggestion.rules.firmsMoveToZones = true;
    const suggestion = await suggestScenario(input);
    expect(suggestion.status).toBe('infeasible');
    const shortfall = suggestion.shortfalls.find((s) => s.kind === 'controlShare');
    expect(shortfall?.limitedBy).toContain('capacity');
    expectAllMetExcept(input, suggestion.scenario);
  });

  it('leaves everything as it was when cancelled', async () => {
    const input = smallPlan({ renovatedMu: 150 });
    const before = structuredClone(input);
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the planner'));
    await expect(suggestScenario(input, { signal: controller.signal })).rejects.toThrow(
      'cancelled by the planner',
    );
    expect(input).toEqual(before);
  });
});

/** Quota and capacity hold even when a target cannot be met. */
function expectAllMetExcept(input: SuggestInput, scenario: Scenario): void {
  const indicators = scenarioIndicators(input.rows, input.zoneMeasures, scenario);
  for (const figures of Object.values(indicators.byYear)) {
    expect(figures.ledger.negativeTowns).toEqual([]);
    for (const capacity of Object.values(figures.capacity)) expect(capacity.isShort).toBe(false);
  }
}
