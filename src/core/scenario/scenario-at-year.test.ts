import { describe, expect, it } from 'vitest';
import { Random } from '../../../scripts/lib/prng.ts';
import { loadFixturePlan } from '../../../test/support/fixture-plan-store.ts';
import { scenarioIndicators } from './indicators/scenario-indicators.ts';
import { PLAN_YEARS, type Scenario } from './scenario.ts';
import { planYearOf, scenarioAtYear } from './scenario-at-year.ts';
import { measureZones, prepareZoneContext } from './zone-measures.ts';

const fixture = loadFixturePlan();

/** The fixture's scenario with random actions on every plot, each in a random year. */
function randomScenario(seed: number): Scenario {
  const random = new Random(seed);
  const actions: Scenario['actions'] = {};
  for (const row of fixture.analysis.rows) {
    if (random.chance(0.3)) continue;
    const action = random.pick(['upgrade', 'acquire', 'vacate', 'relocate'] as const);
    const zoneId = fixture.scenario.zones[0]?.id;
    actions[row.id] =
      action === 'relocate' && zoneId
        ? { action, year: random.pick(PLAN_YEARS), zoneId }
        : { action, year: random.pick(PLAN_YEARS) };
  }
  return { ...fixture.scenario, actions };
}

describe('scenarioAtYear', () => {
  it('has, for every year, the figures the whole scenario has through that year', () => {
    for (const seed of [1, 2, 3]) {
      const scenario = randomScenario(seed);
      const whole = scenarioIndicators(fixture.analysis.rows, fixture.measures, scenario);
      for (const year of PLAN_YEARS) {
        const atYear = scenarioAtYear(scenario, year);
        const measures = measureZones(atYear.zones, prepareZoneContext(fixture.plan.layers));
        const figures = scenarioIndicators(fixture.analysis.rows, measures, atYear).overall;
        const expected = whole.byYear[year];
        expect(figures.renovatedMu, `seed ${seed}, ${year}`).toBe(expected.renovatedMu);
        expect(figures.controlShare, `seed ${seed}, ${year}`).toBe(expected.controlShare);
        expect(figures.ledger.city, `seed ${seed}, ${year}`).toEqual(expected.ledger.city);
        expect(figures.newAboveScaleFirms, `seed ${seed}, ${year}`).toBe(expected.newAboveScaleFirms);
      }
    }
  });

  it('keeps only what counts by the year, the same object for the same year, the entries shared', () => {
    const scenario = randomScenario(4);
    const early = scenarioAtYear(scenario, 2023);
    expect(scenarioAtYear(scenario, 2023)).toBe(early);
    const ids = Object.keys(early.actions);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(early.actions[id]).toBe(scenario.actions[id]);
    expect(Object.values(scenario.actions).filter((entry) => entry.year <= 2023)).toHaveLength(ids.length);
    expect(scenarioAtYear(scenario, 2021).actions).toEqual({});
    expect(Object.keys(scenarioAtYear(scenario, 2026).actions)).toHaveLength(
      Object.keys(scenario.actions).length,
    );
  });

  it('reads a year outside the action plan as its nearest year', () => {
    expect(planYearOf(2019)).toBe(2022);
    expect(planYearOf(2024)).toBe(2024);
    expect(planYearOf(2030)).toBe(2026);
  });
});
