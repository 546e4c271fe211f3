/**
 * What one town's part changes in the city plan (merge-town-parts.ts): per scenario, every plot entry,
 * zone, transfer and direct quota whose fingerprint in the part differs from the one recorded when the
 * part was made (`derivedFrom.base`) — the town's own edits — and the city plan's version of it now. An
 * edit is in conflict when the city plan changed that thing too since (to something else), or when it
 * is an action on a plot that is not the town's in the city plan.
 */

import type { ScenarioBase } from '../plan/derived-from.ts';
import type { PlanFile } from '../plan/plan-file.ts';
import { fingerprintOf } from '../plan/plan-fingerprint.ts';
import type {
  ActionEntry,
  DirectQuota,
  QuotaTransfer,
  ReceivingZone,
  Scenario,
} from '../scenario/scenario.ts';

/** The things of a scenario a town part changes. */
export type MergeItemKind = 'plot' | 'zone' | 'transfer' | 'directQuota';

/** A thing's value: an action entry (null: none, kept), a zone, a transfer or a direct quota (null: absent). */
export type MergeValue = ActionEntry | ReceivingZone | QuotaTransfer | DirectQuota | null;

/** One edit of the town: the city plan's value now and the town's. */
export interface MergeChange {
  scenarioId: string;
  item: MergeItemKind;
  /** The plot's id, or the zone's, transfer's or direct quota's id. */
  id: string;
  city: MergeValue;
  town: MergeValue;
  /**
   * Why it cannot simply be applied: the city plan changed it too since the part was made
   * (`city-changed`), or it is an action on a plot that is not the town's in the city plan
   * (`outside-town`; `plotInCity` false when the city plan has no such plot: it can never be applied).
   */
  conflict?: 'city-changed' | 'outside-town';
  plotInCity?: boolean;
}

/** The city plan's plots by id: their town and the fingerprint of their feature (made when asked). */
export interface CityPlots {
  townOf: (plotId: string) => string | undefined;
  printOf: (plotId: string) => string | undefined;
}

/** The city's plots by id, for `changesOf`. */
export function cityPlots(city: PlanFile, towns: readonly { id: string; town: string }[]): CityPlots {
  const index = new Map<string, number>();
  towns.forEach((plot, i) => {
    if (!index.has(plot.id)) index.set(plot.id, i);
  });
  const prints = new Map<string, string>();
  return {
    townOf: (plotId) => {
      const i = index.get(plotId);
      return i === undefined ? undefined : towns[i]?.town;
    },
    printOf: (plotId) => {
      const i = index.get(plotId);
      if (i === undefined) return undefined;
      let print = prints.get(plotId);
      if (print === undefined) {
        print = fingerprintOf(city.layers.plots.features[i]);
        prints.set(plotId, print);
      }
      return print;
    },
  };
}

const NONE = '';
const printOf = (value: MergeValue | undefined): string => (value ? fingerprintOf(value) : NONE);

/** Edits of one list of things with ids (zones, transfers, direct quota). */
function listChanges<T extends ReceivingZone | QuotaTransfer | DirectQuota>(
  scenarioId: string,
  item: MergeItemKind,
  part: readonly T[],
  base: Readonly<Record<string, string>>,
  city: readonly T[],
): MergeChange[] {
  const changes: MergeChange[] = [];
  const inPart = new Map(part.map((value) => [value.id, value]));
  const inCity = new Map(city.map((value) => [value.id, value]));
  const ids = [...inPart.keys(), ...Object.keys(base).filter((id) => !inPart.has(id))];
  for (const id of ids) {
    const town = inPart.get(id) ?? null;
    const basePrint = base[id] ?? NONE;
    const townPrint = printOf(town);
    if (townPrint === basePrint) continue;
    const cityValue = inCity.get(id) ?? null;
    const cityPrint = printOf(cityValue);
    if (townPrint === cityPrint) continue;
    const change: MergeChange = {
      scenarioId,
      item,
      id,
      city: cityValue as MergeValue,
      town: town as MergeValue,
    };
    if (cityPrint !== basePrint) change.conflict = 'city-changed';
    changes.push(change);
  }
  return changes;
}

/**
 * The town's edits in one scenario, with their conflicts.
 * @param part the town part's scenario
 * @param base its fingerprints when the part was made
 * @param city the city plan's scenario of the same id now
 * @param town the part's town
 * @param basePlots derivedFrom.base.plots (the town's plots then)
 */
export function scenarioChanges(
  part: Scenario,
  base: ScenarioBase,
  city: Scenario,
  town: string,
  basePlots: Readonly<Record<string, string>>,
  plots: CityPlots,
): MergeChange[] {
  const changes: MergeChange[] = [];
  const ids = [
    ...Object.keys(part.actions),
    ...Object.keys(base.actions).filter((id) => !Object.hasOwn(part.actions, id)),
  ];
  for (const id of ids) {
    const townValue = Object.hasOwn(part.actions, id) ? (part.actions[id] ?? null) : null;
    const basePrint = base.actions[id] ?? NONE;
    const townPrint = printOf(townValue);
    if (townPrint === basePrint) continue;
    const cityValue = Object.hasOwn(city.actions, id) ? (city.actions[id] ?? null) : null;
    if (townPrint === printOf(cityValue)) continue;
    const change: MergeChange = { scenarioId: part.id, item: 'plot', id, city: cityValue, town: townValue };
    const cityTown = plots.townOf(id);
    if (cityTown === undefined) Object.assign(change, { conflict: 'outside-town', plotInCity: false });
    else if (cityTown !== town || !Object.hasOwn(basePlots, id)) change.conflict = 'outside-town';
    else if (printOf(cityValue) !== basePrint || plots.printOf(id) !== basePlots[id])
      change.conflict = 'city-changed';
    changes.push(change);
  }
  changes.push(
    ...listChanges(part.id, 'zone', part.zones, base.zones, city.zones),
    ...listChanges(part.id, 'transfer', part.transfers, base.transfers, city.transfers),
    ...listChanges(part.id, 'directQuota', part.directQuota, base.directQuota, city.directQuota),
  );
  return changes;
}

/** Applies one change to a scenario copy made by `editableScenario` (the town's value replaces the city's). */
export function applyChange(scenario: Scenario, change: MergeChange): void {
  const value = change.town;
  if (change.item === 'plot') {
    if (value) scenario.actions[change.id] = value as ActionEntry;
    else delete scenario.actions[change.id];
    return;
  }
  const key = change.item === 'zone' ? 'zones' : change.item === 'transfer' ? 'transfers' : 'directQuota';
  const list = scenario[key] as { id: string }[];
  const at = list.findIndex((item) => item.id === change.id);
  if (value && at >= 0) list[at] = value as { id: string };
  else if (value) list.push(value as { id: string });
  else if (at >= 0) list.splice(at, 1);
}

/** A copy of a scenario whose actions and lists can be changed without touching the original. */
export function editableScenario(scenario: Scenario): Scenario {
  return {
    ...scenario,
    actions: { ...scenario.actions },
    zones: [...scenario.zones],
    transfers: [...scenario.transfers],
    directQuota: [...scenario.directQuota],
  };
}
