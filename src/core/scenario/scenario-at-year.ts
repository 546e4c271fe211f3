/**
 * A scenario as it stands at the end of one year (逐年推演): only the actions, zones, transfers and
 * direct quota whose year has come. Its figures are exactly those of the whole scenario cumulated
 * through that year (scenarioIndicators(...).byYear[year]), so the map and the bars of a year agree.
 */

import {
  type ActionEntry,
  FIRST_PLAN_YEAR,
  LAST_PLAN_YEAR,
  type PlanYear,
  type Scenario,
} from './scenario.ts';

const cache = new WeakMap<Scenario, Map<number, Scenario>>();

/** The plan year whose cumulative figures stand for `year` (a year of a later horizon: the last one). */
export function planYearOf(year: number): PlanYear {
  return Math.min(LAST_PLAN_YEAR, Math.max(FIRST_PLAN_YEAR, Math.floor(year))) as PlanYear;
}

/**
 * The scenario with only what counts by the end of `year`. The same scenario and year give the same
 * object (so a map redraws only what changed), and an entry kept is the scenario's own entry.
 * @example scenarioAtYear(s, 2023).actions // → the entries of s whose year ≤ 2023
 */
export function scenarioAtYear(scenario: Scenario, year: number): Scenario {
  let byYear = cache.get(scenario);
  if (!byYear) {
    byYear = new Map();
    cache.set(scenario, byYear);
  }
  const known = byYear.get(year);
  if (known) return known;
  const actions: Record<string, ActionEntry> = {};
  for (const [plotId, entry] of Object.entries(scenario.actions))
    if (entry.year <= year)
      Object.defineProperty(actions, plotId, {
        value: entry,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  const counts = <T extends { year: number }>(items: readonly T[]) =>
    items.filter((item) => item.year <= year);
  const atYear: Scenario = {
    ...scenario,
    actions,
    zones: counts(scenario.zones),
    transfers: counts(scenario.transfers),
    directQuota: counts(scenario.directQuota),
  };
  byYear.set(year, atYear);
  return atYear;
}
