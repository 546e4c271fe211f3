/**
 * The contributions of a scenario's action entries, summed exactly per year of the action: once per
 * action record, or, for a record made by applyEdit, from its parent's sums by the plots the edit
 * changed (see actions-lineage.ts). Sums are exact, so both ways give the same figures bit for bit.
 */

import {
  type ActionRecord,
  actionRecord,
  PLOT_ACTIONS,
  type PlotAction,
} from '../../catalogue/action-catalogue.ts';
import { type ActionsLink, actionsLineage } from '../actions-lineage.ts';
import { type ActionEntry, PLAN_YEARS } from '../scenario.ts';
import { addExact } from './exact-sums.ts';
import type { PlotTable } from './plot-table.ts';

export const YEARS = PLAN_YEARS.length;
export const ACTIONS = PLOT_ACTIONS.length;

/** Slots of the exact sums kept per year of the action (areas m², money 万元, counts). */
export const Field = {
  RemovedM2: 0,
  RemovedInControlM2: 1,
  RenovatedM2: 2,
  ImprovedM2: 3,
  ImprovedTaxWan: 4,
  ImprovedTaxM2: 5,
  MissingTax: 6,
  OutsideWarnings: 7,
  PurchasedM2: 8,
  LeasedM2: 9,
  LeasedM2Years: 10,
  DemolishedFloorM2: 11,
  MissingFloorArea: 12,
  RentLostWan: 13,
  RentReplacedWan: 14,
  PurchasedRentLostWan: 15,
  MissingRent: 16,
  UpgradedM2: 17,
  RelocatedM2: 18,
  DisturbedFirms: 19,
  Count: 20,
} as const;
export type Field = (typeof Field)[keyof typeof Field];

/** Each action's slot in the per-action sums: its place in PLOT_ACTIONS. */
export const ACTION_INDEX: Readonly<Record<PlotAction, number>> = Object.freeze(
  Object.fromEntries(PLOT_ACTIONS.map((action, index) => [action, index])) as Record<PlotAction, number>,
);

/** The catalogue's record of each action, by slot. */
const ACTION_RECORDS: readonly ActionRecord[] = PLOT_ACTIONS.map(actionRecord);

/** Key of relocations that name no zone. */
const NO_ZONE = '\u0000';

export interface Accumulated {
  /** Exact sums [year × Field.Count]. */
  fields: Float64Array;
  /** Exact sums [year × towns]: released area (vacate + relocate), m². */
  releasedByTown: Float64Array;
  /** Per zone id named by relocations, exact sums [year × 2]: floor area moving in (m²), plots. */
  byZone: Map<string, Float64Array>;
  /** Exact sums [year × actions]: plots, and area (m²), per action. */
  actionPlots: Float64Array;
  actionM2: Float64Array;
  /** Entries whose plot is not in the layer. */
  unknownPlotIds: Set<string>;
  invalidEntries: number;
}

function emptyAccumulated(table: PlotTable): Accumulated {
  return {
    fields: new Float64Array(2 * YEARS * Field.Count),
    releasedByTown: new Float64Array(2 * YEARS * table.towns.length),
    byZone: new Map(),
    actionPlots: new Float64Array(2 * YEARS * ACTIONS),
    actionM2: new Float64Array(2 * YEARS * ACTIONS),
    unknownPlotIds: new Set(),
    invalidEntries: 0,
  };
}

function cloneAccumulated(acc: Accumulated): Accumulated {
  return {
    fields: acc.fields.slice(),
    releasedByTown: acc.releasedByTown.slice(),
    byZone: new Map([...acc.byZone].map(([zoneId, values]) => [zoneId, values.slice()])),
    actionPlots: acc.actionPlots.slice(),
    actionM2: acc.actionM2.slice(),
    unknownPlotIds: new Set(acc.unknownPlotIds),
    invalidEntries: acc.invalidEntries,
  };
}

function isValidEntry(entry: ActionEntry | undefined): entry is ActionEntry {
  if (!entry || ACTION_INDEX[entry.action] === undefined) return false;
  const y = entry.year - (PLAN_YEARS[0] as number);
  return Number.isInteger(y) && y >= 0 && y < YEARS;
}

/** Adds (sign 1) or removes (sign −1) the contribution of one plot's entry. */
function contribute(
  acc: Accumulated,
  table: PlotTable,
  plotId: string,
  entry: ActionEntry,
  sign: 1 | -1,
): void {
  const i = table.indexById.get(plotId);
  if (i === undefined) {
    if (sign > 0) acc.unknownPlotIds.add(plotId);
    else acc.unknownPlotIds.delete(plotId);
    return;
  }
  if (!isValidEntry(entry)) {
    acc.invalidEntries += sign;
    return;
  }
  const y = entry.year - (PLAN_YEARS[0] as number);
  const base = y * Field.Count;
  const { fields } = acc;
  const area = table.areaM2[i] as number;
  const a = ACTION_INDEX[entry.action] as number;
  addExact(acc.actionPlots, y * ACTIONS + a, 1, sign);
  addExact(acc.actionM2, y * ACTIONS + a, area, sign);
  // What the action does is the catalogue's (action-catalogue.ts): a new action is a record there.
  const record = ACTION_RECORDS[a] as ActionRecord;
  if (!record.isRenovation) return;
  addExact(fields, base + Field.RenovatedM2, area, sign);
  addExact(fields, base + Field.DisturbedFirms, table.firms[i] as number, sign);
  const rent = table.rentWan[i] as number;
  const hasRent = !Number.isNaN(rent);
  if (record.isImprovement) {
    addExact(fields, base + Field.ImprovedM2, area, sign);
    const tax = table.taxWan[i] as number;
    if (Number.isNaN(tax)) addExact(fields, base + Field.MissingTax, 1, sign);
    else {
      addExact(fields, base + Field.ImprovedTaxWan, tax, sign);
      addExact(fields, base + Field.ImprovedTaxM2, area, sign);
    }
    if (table.isOutside[i] === 1) addExact(fields, base + Field.OutsideWarnings, 1, sign);
    if (!record.isAcquisition) addExact(fields, base + Field.UpgradedM2, area, sign);
  }
  if (record.isAcquisition) {
    if (!hasRent) addExact(fields, base + Field.MissingRent, 1, sign);
    const years = entry.lease?.years;
    if (years !== undefined) {
      addExact(fields, base + Field.LeasedM2, area, sign);
      addExact(fields, base + Field.LeasedM2Years, area * years, sign);
      if (hasRent) addExact(fields, base + Field.RentReplacedWan, rent, sign);
    } else {
      addExact(fields, base + Field.PurchasedM2, area, sign);
      if (hasRent) addExact(fields, base + Field.PurchasedRentLostWan, rent, sign);
    }
  }
  if (record.quotaEffect === 'releases') {
    addExact(acc.releasedByTown, y * table.towns.length + (table.townOf[i] as number), area, sign);
  }
  if (record.landAfter !== 'reclaimed') return;
  // The land leaves the industrial stock: its rent ends and its buildings are demolished.
  if (table.isClassified[i] === 1) {
    addExact(fields, base + Field.RemovedM2, area, sign);
    addExact(fields, base + Field.RemovedInControlM2, table.inControlM2[i] as number, sign);
  }
  if (hasRent) addExact(fields, base + Field.RentLostWan, rent, sign);
  else addExact(fields, base + Field.MissingRent, 1, sign);
  const floor = table.floorAreaM2[i] as number;
  if (Number.isNaN(floor)) addExact(fields, base + Field.MissingFloorArea, 1, sign);
  else addExact(fields, base + Field.DemolishedFloorM2, floor, sign);
  if (record.movesToZone) {
    addExact(fields, base + Field.RelocatedM2, area, sign);
    const key = entry.zoneId ?? NO_ZONE;
    let zone = acc.byZone.get(key);
    if (!zone) {
      zone = new Float64Array(2 * YEARS * 2);
      acc.byZone.set(key, zone);
    }
    if (!Number.isNaN(floor)) addExact(zone, y * 2, floor, sign);
    addExact(zone, y * 2 + 1, 1, sign);
  }
}

function ownEntry(actions: Readonly<Record<string, ActionEntry>>, plotId: string): ActionEntry | undefined {
  return Object.hasOwn(actions, plotId) ? actions[plotId] : undefined;
}

function accumulateAll(table: PlotTable, actions: Readonly<Record<string, ActionEntry>>): Accumulated {
  const acc = emptyAccumulated(table);
  for (const plotId of Object.keys(actions))
    contribute(acc, table, plotId, actions[plotId] as ActionEntry, 1);
  return acc;
}

/** Longest chain of edits followed back to a state already accumulated. */
const MAX_CHAIN = 64;

/** Accumulated contributions per plot table and action record (scenario.actions object). */
const statesByTable = new WeakMap<PlotTable, WeakMap<object, Accumulated>>();

function statesOf(table: PlotTable): WeakMap<object, Accumulated> {
  let states = statesByTable.get(table);
  if (!states) {
    states = new WeakMap();
    statesByTable.set(table, states);
  }
  return states;
}

/**
 * The accumulated contributions of an action record: cached, or derived from a cached ancestor by
 * replaying only the plots its edits changed (see actions-lineage.ts), or computed afresh.
 */
export function accumulated(table: PlotTable, actions: Readonly<Record<string, ActionEntry>>): Accumulated {
  const states = statesOf(table);
  const cached = states.get(actions);
  if (cached) return cached;
  const chain: { child: Readonly<Record<string, ActionEntry>>; link: ActionsLink }[] = [];
  let base: Accumulated | undefined;
  let touched = 0;
  let current = actions;
  while (chain.length < MAX_CHAIN) {
    const link = actionsLineage(current);
    if (!link) break;
    chain.push({ child: current, link });
    touched += link.plotIds.length;
    base = states.get(link.parent);
    if (base) break;
    current = link.parent;
  }
  let result: Accumulated;
  // Replaying more than a quarter of the plots costs about as much as starting afresh.
  if (!base || touched > table.n / 4) result = accumulateAll(table, actions);
  else {
    result = cloneAccumulated(base);
    for (let k = chain.length - 1; k >= 0; k--) {
      const { child, link } = chain[k] as (typeof chain)[number];
      for (const plotId of link.plotIds) {
        const before = ownEntry(link.parent, plotId);
        const after = ownEntry(child, plotId);
        if (before === after) continue;
        if (before) contribute(result, table, plotId, before, -1);
        if (after) contribute(result, table, plotId, after, 1);
      }
    }
  }
  states.set(actions, result);
  return result;
}
