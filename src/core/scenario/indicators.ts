/**
 * Scenario indicators of DESIGN.md "Scenarios", for the plan as a whole and cumulatively for each
 * year 2022…2026 (an action, zone, transfer or direct quota counts from its year on). The per-plot
 * figures are packed once per analysis into typed arrays; the contributions of a scenario's action
 * entries are summed once per action record, and a record made by applyEdit is derived from its
 * parent's sums by the plots the edit changed (1,000 plots of 100,000: about 2 ms). Sums are exact
 * (see FRACTION), so the figures never depend on the order or history of edits.
 *
 * Interpretations where DESIGN.md is silent (also in docs/plan-file.md):
 * - "overall" is the cumulative figure of 2026: every dated item counts by then.
 * - Plots that could not be classified (status null) are left out of controlShare, as in the
 *   baseline, but their area counts for renovatedMu, the ledger and money.
 * - A missing taxWan leaves that plot out of both sums of renovatedTaxPerMu (never counted as 0);
 *   a missing floorAreaM2 leaves it out of demolition and relocation demand; a missing rentWan is
 *   no rent. Each such plot is counted under `data`.
 * - Village collective income is annual: before = Σ rentWan of all plots; after = before − the rent
 *   of vacated, relocated and purchased plots (the land leaves the collective) − the rent of leased
 *   plots + their lease (areaMu × leaseWanPerMuYear). The purchase price is a one-off payment,
 *   reported as villageOneOffWan.
 * - Acquisition cost: purchase = areaMu × purchaseWanPerMu; lease = areaMu × leaseWanPerMuYear ×
 *   years (the whole lease). The reward applies to purchases and leases alike.
 * - A balance counts as negative below −1e-6 亩 (rounding of area sums).
 * - Citywide, transfers in and out are both the total transferred; they cancel in the balance.
 * - A relocation whose zone is missing or unknown adds no demand anywhere and is counted under
 *   data.unassignedRelocations.
 */

import type { PlotRow } from '../analysis/analyze-plan.ts';
import { m2ToMu } from '../geometry/ellipsoidal-area.ts';
import type { Message } from '../types.ts';
import { type ActionsLink, actionsLineage } from './actions-lineage.ts';
import {
  type ActionEntry,
  type Assumptions,
  PLAN_YEARS,
  PLOT_ACTION_LABELS,
  PLOT_ACTIONS,
  type PlanYear,
  type PlotAction,
  type Scenario,
} from './types.ts';
import type { ZoneMeasures } from './zone-measures.ts';

/** The 2026 targets (R1, R7) a scenario is measured against. */
export interface ScenarioTargets {
  /** R1: share of industrial land inside control lines. */
  controlShare: number;
  /** R7: 亩 renovated. */
  renovatedMu: number;
  /** R7: tax per 亩 of renovated land, 万元/亩. */
  renovatedTaxPerMu: number;
  /** R7: new firms above designated size. */
  newAboveScaleFirms: number;
}

export const SCENARIO_TARGETS: Readonly<ScenarioTargets> = Object.freeze({
  controlShare: 0.8,
  renovatedMu: 10_000,
  renovatedTaxPerMu: 15,
  newAboveScaleFirms: 200,
});

/** A balance below minus this many 亩 is negative; above it, rounding. */
export const BALANCE_EPSILON_MU = 1e-6;

/** The keys of DESIGN.md, plus capacity and money. */
export type IndicatorKey =
  | 'controlShare'
  | 'renovatedMu'
  | 'renovatedTaxPerMu'
  | 'newAboveScaleFirms'
  | 'ledger'
  | 'violations'
  | 'capacity'
  | 'money';

export const INDICATOR_KEYS: readonly IndicatorKey[] = Object.freeze([
  'controlShare',
  'renovatedMu',
  'renovatedTaxPerMu',
  'newAboveScaleFirms',
  'ledger',
  'violations',
  'capacity',
  'money',
]);

/** Quota ledger of one town or the city (R3), all in 亩. */
export interface LedgerFigures {
  /** areaMu of vacated and relocated plots. */
  released: number;
  /** Direct quota for listed key projects. */
  directQuotaMu: number;
  transfersIn: number;
  transfersOut: number;
  /** newLandMu of the zones credited to the town. */
  used: number;
  /** released + directQuotaMu + transfersIn − transfersOut − used. */
  balance: number;
}

export interface ZoneCapacity {
  /** Σ floorAreaM2 of plots relocated into the zone × relocationFloorFactor, m². */
  demandM2: number;
  /** newLandM2 × far, m²; 0 before the zone's year. */
  supplyM2: number;
  /** max(0, demand − supply), m². */
  shortfallM2: number;
  isShort: boolean;
  relocatedPlots: number;
}

export interface MoneyFigures {
  /** areaMu purchased × purchaseWanPerMu, 万元. */
  purchaseWan: number;
  /** Σ areaMu leased × leaseWanPerMuYear × lease years, 万元. */
  leaseWan: number;
  /** purchaseWan + leaseWan. */
  acquisitionWan: number;
  /** floorAreaM2 of vacated/relocated plots × demolitionYuanPerM2 / 10000, 万元. */
  demolitionWan: number;
  /** acquired areaMu × rewardWanPerMu, 万元. */
  rewardWan: number;
  /** Σ rentWan of all plots, 万元 per year. */
  villageIncomeBeforeWan: number;
  /** After the scenario, 万元 per year (see the module header). */
  villageIncomeAfterWan: number;
  /** Purchase payments, once, 万元. */
  villageOneOffWan: number;
}

export interface TargetCheck {
  value: number | null;
  /** The threshold; for ledger and violations the value must be ≥ / = this. */
  target: number;
  met: boolean;
}

/** The sums behind the ratios, kept so that each indicator can explain itself. */
export interface IndicatorParts {
  remainingInControlM2: number;
  remainingM2: number;
  zonesNewLandInControlM2: number;
  zonesNewLandM2: number;
  zonesNewLandMu: number;
  /** upgrade + acquire. */
  improvedMu: number;
  /** improved plots whose taxWan is known. */
  improvedTaxWan: number;
  improvedTaxMu: number;
  purchasedMu: number;
  leasedMu: number;
  /** Σ areaMu × lease years. */
  leasedMuYears: number;
  demolishedFloorM2: number;
}

export interface DataGaps {
  /** Action entries whose plot id is not in the plot layer (first 20 ids). */
  unknownPlotIds: string[];
  unknownPlotCount: number;
  /** Entries with an unknown action or a year outside 2022…2026 (left out). */
  invalidEntries: number;
  /** Upgraded or acquired plots without taxWan. */
  missingTaxPlots: number;
  /** Vacated or relocated plots without floorAreaM2. */
  missingFloorAreaPlots: number;
  /** Plots with an action other than keep/upgrade and no rentWan. */
  missingRentPlots: number;
  /** Relocations without a known zone. */
  unassignedRelocations: number;
  /** Zones whose geometry could not be measured. */
  unmeasuredZoneIds: string[];
  /** Plots of the layer that could not be classified. */
  unclassifiedPlots: number;
}

/** Every indicator, cumulative through one year. */
export interface ScenarioFigures {
  year: PlanYear;
  /** R1 after the scenario; null when no land is left. */
  controlShare: number | null;
  renovatedMu: number;
  /** 万元/亩; null when there is nothing renovated with a known tax and no zone. */
  renovatedTaxPerMu: number | null;
  newAboveScaleFirms: number;
  ledger: { city: LedgerFigures; byTown: Record<string, LedgerFigures>; negativeTowns: string[] };
  violations: {
    /** R2 violations: zones whose new land outside the boundary exceeds τ of their area. */
    count: number;
    zoneIds: string[];
    /** upgrade/acquire on plots whose status is outside. */
    warningPlotCount: number;
    /** Zones with new land outside the control lines. */
    warningZoneIds: string[];
  };
  capacity: Record<string, ZoneCapacity>;
  money: MoneyFigures;
  /** Plots and 亩 per action (keep counts plots without an entry too). */
  actions: Record<PlotAction, { plots: number; mu: number }>;
  parts: IndicatorParts;
  data: DataGaps;
  targets: Record<
    'controlShare' | 'renovatedMu' | 'renovatedTaxPerMu' | 'newAboveScaleFirms' | 'ledger' | 'violations',
    TargetCheck
  >;
}

export interface ScenarioIndicators {
  /** The plan as a whole: the cumulative figures of 2026. */
  overall: ScenarioFigures;
  byYear: Record<PlanYear, ScenarioFigures>;
}

export interface ScenarioIndicatorOptions {
  targets?: Partial<ScenarioTargets>;
}

// ---------------------------------------------------------------------------------------------
// Per-plot figures packed once per analysis, and exact sums.

/**
 * Every sum is kept exactly, as two integer-valued doubles: the sum of the whole parts and the sum
 * of the fractional parts in units of 2^-30 (exact below 2^53, i.e. for up to 8 million plots).
 * Adding and removing a plot's contribution is then exact, so figures reached through a sequence
 * of edits equal those of a fresh computation bit for bit, in any order. A fraction below 2^-31
 * (of a m² or 万元) per plot is rounded away.
 */
const FRACTION = 2 ** 30;

function wholePart(value: number): number {
  return Math.floor(value);
}

function fractionPart(value: number): number {
  return Math.round((value - Math.floor(value)) * FRACTION);
}

/** Adds sign × value to the exact sum at slot k of `sums` (slots 2k and 2k + 1). */
function addExact(sums: Float64Array, k: number, value: number, sign: number): void {
  sums[2 * k] = (sums[2 * k] as number) + sign * wholePart(value);
  sums[2 * k + 1] = (sums[2 * k + 1] as number) + sign * fractionPart(value);
}

/** The value of the exact sum at slot k. */
function readExact(sums: Float64Array, k: number): number {
  return (sums[2 * k] as number) + (sums[2 * k + 1] as number) / FRACTION;
}

interface PlotTable {
  n: number;
  indexById: Map<string, number>;
  /** row.index of each position. */
  layerIndex: Int32Array;
  areaM2: Float64Array;
  /** 0 for unclassified plots. */
  inControlM2: Float64Array;
  isClassified: Uint8Array;
  isOutside: Uint8Array;
  /** NaN when missing. */
  taxWan: Float64Array;
  floorAreaM2: Float64Array;
  rentWan: Float64Array;
  townOf: Int32Array;
  towns: string[];
  /** Exact sums: 0 all area, 1 classified area, 2 classified area in control, 3 rent. */
  totals: Float64Array;
  unclassified: number;
  /** Accumulated contributions per action record (scenario.actions object) seen with these rows. */
  states: WeakMap<object, Accumulated>;
}

const Total = { AreaM2: 0, ClassifiedM2: 1, ClassifiedInControlM2: 2, RentWan: 3 } as const;

const tables = new WeakMap<readonly PlotRow[], PlotTable>();

function knownOrNaN(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) ? Number.NaN : value;
}

/** Packs the rows' figures into typed arrays; cached per rows array (rows are immutable). */
function plotTable(rows: readonly PlotRow[]): PlotTable {
  const cached = tables.get(rows);
  if (cached) return cached;
  const n = rows.length;
  const table: PlotTable = {
    n,
    indexById: new Map(),
    layerIndex: new Int32Array(n),
    areaM2: new Float64Array(n),
    inControlM2: new Float64Array(n),
    isClassified: new Uint8Array(n),
    isOutside: new Uint8Array(n),
    taxWan: new Float64Array(n),
    floorAreaM2: new Float64Array(n),
    rentWan: new Float64Array(n),
    townOf: new Int32Array(n),
    towns: [],
    totals: new Float64Array(2 * 4),
    unclassified: 0,
    states: new WeakMap(),
  };
  const townIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const row = rows[i] as PlotRow;
    // Ids are unique after import; should two rows share one, the first takes the action.
    if (!table.indexById.has(row.id)) table.indexById.set(row.id, i);
    table.layerIndex[i] = row.index;
    const areaM2 = Number.isFinite(row.areaM2) ? row.areaM2 : 0;
    table.areaM2[i] = areaM2;
    addExact(table.totals, Total.AreaM2, areaM2, 1);
    const classified = row.status !== null && Number.isFinite(row.inControlM2);
    table.isClassified[i] = classified ? 1 : 0;
    table.isOutside[i] = row.status === 'outside' ? 1 : 0;
    table.inControlM2[i] = classified ? row.inControlM2 : 0;
    if (classified) {
      addExact(table.totals, Total.ClassifiedM2, areaM2, 1);
      addExact(table.totals, Total.ClassifiedInControlM2, row.inControlM2, 1);
    } else table.unclassified++;
    table.taxWan[i] = knownOrNaN(row.properties.taxWan);
    table.floorAreaM2[i] = knownOrNaN(row.properties.floorAreaM2);
    const rent = knownOrNaN(row.properties.rentWan);
    table.rentWan[i] = rent;
    if (!Number.isNaN(rent)) addExact(table.totals, Total.RentWan, rent, 1);
    let town = townIndex.get(row.town);
    if (town === undefined) {
      town = table.towns.length;
      townIndex.set(row.town, town);
      table.towns.push(row.town);
    }
    table.townOf[i] = town;
  }
  tables.set(rows, table);
  return table;
}

// ---------------------------------------------------------------------------------------------
// Contributions of the action entries, per year of the action (summed cumulatively later).

const YEARS = PLAN_YEARS.length;
const ACTIONS = PLOT_ACTIONS.length;

/** Slots of the exact sums kept per year of the action (areas m², money 万元, counts). */
const Field = {
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
  Count: 17,
} as const;
type Field = (typeof Field)[keyof typeof Field];

const ACTION_INDEX: Readonly<Record<PlotAction, number>> = {
  keep: 0,
  upgrade: 1,
  acquire: 2,
  vacate: 3,
  relocate: 4,
};

/** Key of relocations that name no zone. */
const NO_ZONE = '\u0000';

interface Accumulated {
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
  const action = entry.action;
  if (action === 'keep') return;
  addExact(fields, base + Field.RenovatedM2, area, sign);
  const rent = table.rentWan[i] as number;
  const hasRent = !Number.isNaN(rent);
  if (action === 'upgrade' || action === 'acquire') {
    addExact(fields, base + Field.ImprovedM2, area, sign);
    const tax = table.taxWan[i] as number;
    if (Number.isNaN(tax)) addExact(fields, base + Field.MissingTax, 1, sign);
    else {
      addExact(fields, base + Field.ImprovedTaxWan, tax, sign);
      addExact(fields, base + Field.ImprovedTaxM2, area, sign);
    }
    if (table.isOutside[i] === 1) addExact(fields, base + Field.OutsideWarnings, 1, sign);
    if (action === 'acquire') {
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
    return;
  }
  // vacate or relocate: the land leaves the industrial stock and releases quota.
  if (table.isClassified[i] === 1) {
    addExact(fields, base + Field.RemovedM2, area, sign);
    addExact(fields, base + Field.RemovedInControlM2, table.inControlM2[i] as number, sign);
  }
  addExact(acc.releasedByTown, y * table.towns.length + (table.townOf[i] as number), area, sign);
  if (hasRent) addExact(fields, base + Field.RentLostWan, rent, sign);
  else addExact(fields, base + Field.MissingRent, 1, sign);
  const floor = table.floorAreaM2[i] as number;
  if (Number.isNaN(floor)) addExact(fields, base + Field.MissingFloorArea, 1, sign);
  else addExact(fields, base + Field.DemolishedFloorM2, floor, sign);
  if (action === 'relocate') {
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

/**
 * The accumulated contributions of an action record: cached, or derived from a cached ancestor by
 * replaying only the plots its edits changed (see actions-lineage.ts), or computed afresh.
 */
function accumulated(table: PlotTable, actions: Readonly<Record<string, ActionEntry>>): Accumulated {
  const cached = table.states.get(actions);
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
    base = table.states.get(link.parent);
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
  table.states.set(actions, result);
  return result;
}

/** Running totals over the years of exact sums with `width` slots per year, as plain values. */
function cumulative(sums: Float64Array, width: number): Float64Array {
  const whole = new Float64Array(width);
  const fraction = new Float64Array(width);
  const out = new Float64Array(YEARS * width);
  for (let y = 0; y < YEARS; y++) {
    for (let k = 0; k < width; k++) {
      const slot = y * width + k;
      whole[k] = (whole[k] as number) + (sums[2 * slot] as number);
      fraction[k] = (fraction[k] as number) + (sums[2 * slot + 1] as number);
      out[slot] = (whole[k] as number) + (fraction[k] as number) / FRACTION;
    }
  }
  return out;
}

function at(array: Float64Array, index: number): number {
  return array[index] as number;
}

// ---------------------------------------------------------------------------------------------
// From the accumulated contributions to the figures of each year.

function emptyLedger(): LedgerFigures {
  return { released: 0, directQuotaMu: 0, transfersIn: 0, transfersOut: 0, used: 0, balance: 0 };
}

function isActive(item: { year: number }, year: PlanYear): boolean {
  return item.year <= year;
}

interface Cumulated {
  fields: Float64Array;
  releasedByTown: Float64Array;
  byZone: Map<string, Float64Array>;
  actionPlots: Float64Array;
  actionM2: Float64Array;
  unknownPlotIds: string[];
  unknownPlotCount: number;
  invalidEntries: number;
}

function cumulate(acc: Accumulated, towns: number): Cumulated {
  return {
    fields: cumulative(acc.fields, Field.Count),
    releasedByTown: cumulative(acc.releasedByTown, towns),
    byZone: new Map([...acc.byZone].map(([zoneId, values]) => [zoneId, cumulative(values, 2)])),
    actionPlots: cumulative(acc.actionPlots, ACTIONS),
    actionM2: cumulative(acc.actionM2, ACTIONS),
    unknownPlotIds: [...acc.unknownPlotIds].sort().slice(0, 20),
    unknownPlotCount: acc.unknownPlotIds.size,
    invalidEntries: acc.invalidEntries,
  };
}

function figuresFor(
  y: number,
  table: PlotTable,
  acc: Cumulated,
  scenario: Scenario,
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>,
  targets: ScenarioTargets,
): ScenarioFigures {
  const year = PLAN_YEARS[y] as PlanYear;
  const field = (f: Field) => at(acc.fields, y * Field.Count + f);
  const assumptions: Assumptions = scenario.assumptions;

  // Zones counted this year, and the capacity of every zone.
  let zonesNewLandM2 = 0;
  let zonesNewLandInControlM2 = 0;
  let zonesNewLandMu = 0;
  const usedByTown = new Map<string, number>();
  const violationZoneIds: string[] = [];
  const warningZoneIds: string[] = [];
  const unmeasuredZoneIds: string[] = [];
  const capacity: Record<string, ZoneCapacity> = {};
  const zoneIds = new Set<string>();
  for (const zone of scenario.zones) {
    zoneIds.add(zone.id);
    const measures = zoneMeasures[zone.id];
    const active = isActive(zone, year);
    const usable = measures !== undefined && measures.problem === undefined;
    if (!usable) unmeasuredZoneIds.push(zone.id);
    const moving = acc.byZone.get(zone.id);
    const demandM2 = moving ? at(moving, y * 2) * assumptions.relocationFloorFactor : 0;
    const supplyM2 = active && usable ? measures.newLandM2 * zone.far : 0;
    const shortfallM2 = Math.max(0, demandM2 - supplyM2);
    capacity[zone.id] = {
      demandM2,
      supplyM2,
      shortfallM2,
      isShort: shortfallM2 > 0,
      relocatedPlots: moving ? at(moving, y * 2 + 1) : 0,
    };
    if (!active || !usable) continue;
    zonesNewLandM2 += measures.newLandM2;
    zonesNewLandInControlM2 += measures.newLandInControlM2;
    zonesNewLandMu += measures.newLandMu;
    usedByTown.set(measures.town, (usedByTown.get(measures.town) ?? 0) + measures.newLandMu);
    if (measures.r2 === 'violation') violationZoneIds.push(zone.id);
    else if (measures.r2 === 'warning') warningZoneIds.push(zone.id);
  }
  let unassignedRelocations = 0;
  for (const [zoneId, moving] of acc.byZone)
    if (!zoneIds.has(zoneId)) unassignedRelocations += at(moving, y * 2 + 1);

  const remainingM2 = readExact(table.totals, Total.ClassifiedM2) - field(Field.RemovedM2);
  const remainingInControlM2 =
    readExact(table.totals, Total.ClassifiedInControlM2) - field(Field.RemovedInControlM2);
  const landM2 = remainingM2 + zonesNewLandM2;
  const controlShare = landM2 > 0 ? (remainingInControlM2 + zonesNewLandInControlM2) / landM2 : null;

  const renovatedMu = m2ToMu(field(Field.RenovatedM2));
  const improvedMu = m2ToMu(field(Field.ImprovedM2));
  const improvedTaxWan = field(Field.ImprovedTaxWan);
  const improvedTaxMu = m2ToMu(field(Field.ImprovedTaxM2));
  const taxDenominator = improvedTaxMu + zonesNewLandMu;
  const renovatedTaxPerMu =
    taxDenominator > 0
      ? (improvedTaxWan * assumptions.upliftFactor + zonesNewLandMu * assumptions.zoneTaxPerMu) /
        taxDenominator
      : null;
  const newAboveScaleFirms =
    (improvedMu * assumptions.upgradeFirmsPer100Mu) / 100 +
    (zonesNewLandMu * assumptions.zoneFirmsPer100Mu) / 100;

  // Quota ledger.
  const ledgers = new Map<string, LedgerFigures>();
  const ledgerOf = (town: string) => {
    let ledger = ledgers.get(town);
    if (!ledger) {
      ledger = emptyLedger();
      ledgers.set(town, ledger);
    }
    return ledger;
  };
  // Every town the scenario mentions has a line in every year, zeros included.
  for (const zone of scenario.zones) {
    const town = zoneMeasures[zone.id]?.town;
    if (town !== undefined) ledgerOf(town);
  }
  for (const transfer of scenario.transfers) {
    ledgerOf(transfer.from);
    ledgerOf(transfer.to);
  }
  for (const quota of scenario.directQuota) ledgerOf(quota.town);
  const towns = table.towns.length;
  for (let t = 0; t < towns; t++)
    ledgerOf(table.towns[t] as string).released = m2ToMu(at(acc.releasedByTown, y * towns + t));
  for (const [town, used] of usedByTown) ledgerOf(town).used += used;
  const city = emptyLedger();
  for (const quota of scenario.directQuota) {
    if (!isActive(quota, year)) continue;
    ledgerOf(quota.town).directQuotaMu += quota.mu;
    city.directQuotaMu += quota.mu;
  }
  for (const transfer of scenario.transfers) {
    if (!isActive(transfer, year)) continue;
    ledgerOf(transfer.from).transfersOut += transfer.mu;
    ledgerOf(transfer.to).transfersIn += transfer.mu;
    city.transfersIn += transfer.mu;
    city.transfersOut += transfer.mu;
  }
  const negativeTowns: string[] = [];
  const sortedTowns = [...ledgers.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const byTown: Record<string, LedgerFigures> = {};
  for (const town of sortedTowns) {
    const ledger = ledgers.get(town) as LedgerFigures;
    ledger.balance =
      ledger.released + ledger.directQuotaMu + ledger.transfersIn - ledger.transfersOut - ledger.used;
    if (ledger.balance < -BALANCE_EPSILON_MU) negativeTowns.push(town);
    city.released += ledger.released;
    city.used += ledger.used;
    byTown[town] = ledger;
  }
  city.balance = city.released + city.directQuotaMu - city.used;

  const purchasedMu = m2ToMu(field(Field.PurchasedM2));
  const leasedMu = m2ToMu(field(Field.LeasedM2));
  const leasedMuYears = m2ToMu(field(Field.LeasedM2Years));
  const purchaseWan = purchasedMu * assumptions.purchaseWanPerMu;
  const leaseWan = leasedMuYears * assumptions.leaseWanPerMuYear;
  const demolishedFloorM2 = field(Field.DemolishedFloorM2);
  const rentBeforeWan = readExact(table.totals, Total.RentWan);
  const rentEndedWan =
    field(Field.RentLostWan) + field(Field.PurchasedRentLostWan) + field(Field.RentReplacedWan);
  const money: MoneyFigures = {
    purchaseWan,
    leaseWan,
    acquisitionWan: purchaseWan + leaseWan,
    demolitionWan: (demolishedFloorM2 * assumptions.demolitionYuanPerM2) / 10000,
    rewardWan: (purchasedMu + leasedMu) * assumptions.rewardWanPerMu,
    villageIncomeBeforeWan: rentBeforeWan,
    villageIncomeAfterWan: rentBeforeWan - rentEndedWan + leasedMu * assumptions.leaseWanPerMuYear,
    villageOneOffWan: purchaseWan,
  };

  const actions = {} as Record<PlotAction, { plots: number; mu: number }>;
  let changedPlots = 0;
  let changedM2 = 0;
  for (const action of PLOT_ACTIONS) {
    const k = y * ACTIONS + ACTION_INDEX[action];
    actions[action] = { plots: at(acc.actionPlots, k), mu: m2ToMu(at(acc.actionM2, k)) };
    if (action !== 'keep') {
      changedPlots += at(acc.actionPlots, k);
      changedM2 += at(acc.actionM2, k);
    }
  }
  // Plots without an entry (or not yet at their year) are kept.
  actions.keep = {
    plots: table.n - changedPlots,
    mu: m2ToMu(readExact(table.totals, Total.AreaM2) - changedM2),
  };

  const violationCount = violationZoneIds.length;
  return {
    year,
    controlShare,
    renovatedMu,
    renovatedTaxPerMu,
    newAboveScaleFirms,
    ledger: { city, byTown, negativeTowns },
    violations: {
      count: violationCount,
      zoneIds: violationZoneIds,
      warningPlotCount: field(Field.OutsideWarnings),
      warningZoneIds,
    },
    capacity,
    money,
    actions,
    parts: {
      remainingInControlM2,
      remainingM2,
      zonesNewLandInControlM2,
      zonesNewLandM2,
      zonesNewLandMu,
      improvedMu,
      improvedTaxWan,
      improvedTaxMu,
      purchasedMu,
      leasedMu,
      leasedMuYears,
      demolishedFloorM2,
    },
    data: {
      unknownPlotIds: acc.unknownPlotIds,
      unknownPlotCount: acc.unknownPlotCount,
      invalidEntries: acc.invalidEntries,
      missingTaxPlots: field(Field.MissingTax),
      missingFloorAreaPlots: field(Field.MissingFloorArea),
      missingRentPlots: field(Field.MissingRent),
      unassignedRelocations,
      unmeasuredZoneIds,
      unclassifiedPlots: table.unclassified,
    },
    targets: {
      controlShare: {
        value: controlShare,
        target: targets.controlShare,
        met: controlShare !== null && controlShare >= targets.controlShare,
      },
      renovatedMu: {
        value: renovatedMu,
        target: targets.renovatedMu,
        met: renovatedMu >= targets.renovatedMu,
      },
      renovatedTaxPerMu: {
        value: renovatedTaxPerMu,
        target: targets.renovatedTaxPerMu,
        met: renovatedTaxPerMu !== null && renovatedTaxPerMu >= targets.renovatedTaxPerMu,
      },
      newAboveScaleFirms: {
        value: newAboveScaleFirms,
        target: targets.newAboveScaleFirms,
        met: newAboveScaleFirms >= targets.newAboveScaleFirms,
      },
      ledger: { value: negativeTowns.length, target: 0, met: negativeTowns.length === 0 },
      violations: { value: violationCount, target: 0, met: violationCount === 0 },
    },
  };
}

/**
 * Every scenario indicator, overall and cumulatively per year 2022…2026 (DESIGN.md "Scenarios").
 * Cost: the rows are packed into typed arrays on the first call with a rows array; the action
 * entries are summed once per action record, and a record made by applyEdit from one already
 * summed costs only the plots the edit changed. The result never depends on that history.
 * @param rows the baseline per plot (analyzePlan), areas in m² and 亩, tax and rent in 万元
 * @param zoneMeasures measures of the scenario's zones keyed by zone id (measureZones)
 * @param scenario actions, zones, transfers, direct quota and assumptions
 * @returns figures in 亩, m², 万元 and shares 0…1, with the target checks of R1, R3, R2 and R7
 */
export function scenarioIndicators(
  rows: readonly PlotRow[],
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>,
  scenario: Scenario,
  options: ScenarioIndicatorOptions = {},
): ScenarioIndicators {
  const table = plotTable(rows);
  const targets: ScenarioTargets = { ...SCENARIO_TARGETS, ...options.targets };
  const acc = cumulate(accumulated(table, scenario.actions), table.towns.length);
  const byYear = {} as Record<PlanYear, ScenarioFigures>;
  PLAN_YEARS.forEach((year, y) => {
    byYear[year] = figuresFor(y, table, acc, scenario, zoneMeasures, targets);
  });
  return { overall: byYear[PLAN_YEARS[YEARS - 1] as PlanYear], byYear };
}
// ---------------------------------------------------------------------------------------------
// Explanations.

export type IndicatorUnit =
  | 'share'
  | 'mu'
  | 'm2'
  | 'wan'
  | 'wanPerMu'
  | 'count'
  | 'factor'
  | 'firmsPer100Mu'
  | 'yuanPerM2'
  | 'wanPerMuYear';

export interface IndicatorInput {
  label: Message;
  /** null = missing (shown as —). */
  value: number | null;
  unit: IndicatorUnit;
}

export interface IndicatorExplanation {
  key: IndicatorKey;
  year: PlanYear;
  formula: Message;
  inputs: IndicatorInput[];
  result: IndicatorInput;
  /** Layer indices (row.index) of the plots behind the figure, ascending. */
  plots: number[];
  /** Ids of the zones behind it. */
  zoneIds: string[];
  target?: TargetCheck;
}

export interface ExplainOptions {
  /** Cumulative through this year; 2026 (the plan as a whole) by default. */
  year?: PlanYear;
  /** For `ledger`: one town instead of the city. */
  town?: string;
  /** Indicators already computed for the same inputs. */
  indicators?: ScenarioIndicators;
}

const FORMULAS: Readonly<Record<IndicatorKey, Message>> = Object.freeze({
  controlShare: {
    zh: "控制线内占比' =（保留/改造/收购地块控制线内面积 + 承接区块新增用地控制线内面积）÷（保留/改造/收购地块面积 + 承接区块新增用地面积）",
    en: "controlShare' = (Σ remaining inControlM2 + Σ zones newLand∩control) / (Σ remaining areaM2 + Σ zones newLandM2); remaining = keep, upgrade, acquire",
  },
  renovatedMu: {
    zh: '改造提升面积 = Σ 措施不为“保留”的地块面积（亩）',
    en: 'renovatedMu = Σ areaMu of plots whose action is not keep',
  },
  renovatedTaxPerMu: {
    zh: '改造区块亩均税收 =（Σ 改造/收购地块税收 × 提升系数 + Σ 承接区块新增用地亩数 × 区块亩均税收）÷（Σ 改造/收购地块亩数 + Σ 承接区块新增用地亩数）；缺税收数据的地块不计入分子和分母',
    en: 'renovatedTaxPerMu = (Σ upgrade/acquire taxWan × upliftFactor + Σ zones newLandMu × zoneTaxPerMu) / (Σ upgrade/acquire areaMu + Σ zones newLandMu); plots without taxWan are left out of both sums',
  },
  newAboveScaleFirms: {
    zh: '新增规上企业 = Σ 改造/收购地块亩数 × 每百亩新增规上企业数 ÷ 100 + Σ 承接区块新增用地亩数 × 区块每百亩规上企业数 ÷ 100',
    en: 'newAboveScaleFirms = Σ upgrade/acquire areaMu × upgradeFirmsPer100Mu / 100 + Σ zones newLandMu × zoneFirmsPer100Mu / 100',
  },
  ledger: {
    zh: '指标余额 = 存量处置释放（腾退 + 搬迁地块亩数）+ 重点项目直接指标 + 调入 − 调出 − 使用（承接区块新增用地亩数）；任一余额 < 0 为违规',
    en: 'balance = released (vacate + relocate areaMu) + directQuotaMu + transfersIn − transfersOut − used (zones newLandMu); any balance < 0 is a violation',
  },
  violations: {
    zh: '违规数 = 开发边界外新增用地超过区块面积 τ 的承接区块数；开发边界外地块的改造/收购为警告',
    en: 'violations = number of zones whose new land outside the boundary exceeds τ of their area; upgrade/acquire on plots outside the boundary are warnings',
  },
  capacity: {
    zh: '承接能力：需求 = Σ 搬入地块建筑面积 × 搬迁建筑面积系数；供给 = 新增用地面积 × 容积率；缺口 = max(0, 需求 − 供给)',
    en: 'capacity: demand = Σ floorAreaM2 of plots relocated into the zone × relocationFloorFactor; supply = newLandM2 × far; shortfall = max(0, demand − supply)',
  },
  money: {
    zh: '资金：收购 = 收购亩数 × 收购单价（租赁：亩数 × 年租金 × 年限）；拆除 = 腾退/搬迁地块建筑面积 × 拆除单价 ÷ 10000；奖励 = 收购/租赁亩数 × 奖励标准；村集体年收入：租赁租金替代原租金，腾退、搬迁、收购地块的租金不再收取',
    en: 'money: acquisition = purchased areaMu × purchaseWanPerMu (lease: areaMu × leaseWanPerMuYear × years); demolition = floorAreaM2 of vacated/relocated plots × demolitionYuanPerM2 / 10000; reward = acquired areaMu × rewardWanPerMu; village income per year: lease payments replace rent, rent of vacated, relocated and purchased plots ends',
  },
});

function label(zh: string, en: string): Message {
  return { zh, en };
}

/** Layer indices of the plots whose action (counted by `year`) is in `actions`, optionally in one town. */
function plotsWith(
  rows: readonly PlotRow[],
  scenario: Scenario,
  actions: readonly PlotAction[],
  year: PlanYear,
  filter?: (row: PlotRow) => boolean,
): number[] {
  const table = plotTable(rows);
  const plots: number[] = [];
  for (const plotId in scenario.actions) {
    if (!Object.hasOwn(scenario.actions, plotId)) continue;
    const entry = scenario.actions[plotId];
    const i = table.indexById.get(plotId);
    if (!entry || i === undefined || entry.year > year || !actions.includes(entry.action)) continue;
    const row = rows[i] as PlotRow;
    if (filter && !filter(row)) continue;
    plots.push(row.index);
  }
  return plots.sort((a, b) => a - b);
}

/**
 * Explains one indicator: its formula, its inputs with values and units, and the plots and zones
 * behind it. For controlShare the plots are those the scenario takes out (every other plot
 * remains); for renovatedMu every plot with an action other than keep; for renovatedTaxPerMu and
 * newAboveScaleFirms the upgraded and acquired plots; for the ledger the released plots (of the
 * town, if one is given); for violations the zones in violation and the plots with a warning.
 * @param key one of INDICATOR_KEYS
 */
export function explainIndicator(
  key: IndicatorKey,
  input: {
    rows: readonly PlotRow[];
    zoneMeasures: Readonly<Record<string, ZoneMeasures>>;
    scenario: Scenario;
  },
  options: ExplainOptions = {},
): IndicatorExplanation {
  const { rows, zoneMeasures, scenario } = input;
  const year = options.year ?? (PLAN_YEARS[YEARS - 1] as PlanYear);
  const indicators = options.indicators ?? scenarioIndicators(rows, zoneMeasures, scenario);
  const figures = indicators.byYear[year];
  const { parts } = figures;
  const assumptions = scenario.assumptions;
  const activeZones = scenario.zones.filter(
    (zone) => zone.year <= year && zoneMeasures[zone.id] !== undefined && !zoneMeasures[zone.id]?.problem,
  );
  const activeZoneIds = activeZones.map((zone) => zone.id);
  const base = { key, year, formula: FORMULAS[key] };
  switch (key) {
    case 'controlShare':
      return {
        ...base,
        inputs: [
          {
            label: label('保留/改造/收购地块控制线内面积', 'Σ remaining inControlM2'),
            value: parts.remainingInControlM2,
            unit: 'm2',
          },
          {
            label: label('保留/改造/收购地块面积', 'Σ remaining areaM2'),
            value: parts.remainingM2,
            unit: 'm2',
          },
          {
            label: label('承接区块新增用地控制线内面积', 'Σ zones newLand∩control'),
            value: parts.zonesNewLandInControlM2,
            unit: 'm2',
          },
          {
            label: label('承接区块新增用地面积', 'Σ zones newLandM2'),
            value: parts.zonesNewLandM2,
            unit: 'm2',
          },
        ],
        result: { label: label('控制线内占比', 'controlShare'), value: figures.controlShare, unit: 'share' },
        plots: plotsWith(rows, scenario, ['vacate', 'relocate'], year),
        zoneIds: activeZoneIds,
        target: figures.targets.controlShare,
      };
    case 'renovatedMu':
      return {
        ...base,
        inputs: (['upgrade', 'acquire', 'vacate', 'relocate'] as const).map((action) => ({
          label: PLOT_ACTION_LABELS[action],
          value: figures.actions[action].mu,
          unit: 'mu' as const,
        })),
        result: { label: label('改造提升面积', 'renovatedMu'), value: figures.renovatedMu, unit: 'mu' },
        plots: plotsWith(rows, scenario, ['upgrade', 'acquire', 'vacate', 'relocate'], year),
        zoneIds: [],
        target: figures.targets.renovatedMu,
      };
    case 'renovatedTaxPerMu':
      return {
        ...base,
        inputs: [
          {
            label: label('改造/收购地块现状税收（有数据）', 'Σ upgrade/acquire taxWan (known)'),
            value: parts.improvedTaxWan,
            unit: 'wan',
          },
          {
            label: label('提升系数（示例值）', 'upliftFactor (example)'),
            value: assumptions.upliftFactor,
            unit: 'factor',
          },
          {
            label: label('改造/收购地块亩数（有税收数据）', 'Σ upgrade/acquire areaMu (with tax)'),
            value: parts.improvedTaxMu,
            unit: 'mu',
          },
          { label: label('承接区块新增用地', 'Σ zones newLandMu'), value: parts.zonesNewLandMu, unit: 'mu' },
          {
            label: label('区块亩均税收（示例值）', 'zoneTaxPerMu (example)'),
            value: assumptions.zoneTaxPerMu,
            unit: 'wanPerMu',
          },
          {
            label: label('缺税收数据的地块', 'plots without taxWan'),
            value: figures.data.missingTaxPlots,
            unit: 'count',
          },
        ],
        result: {
          label: label('改造区块亩均税收', 'renovatedTaxPerMu'),
          value: figures.renovatedTaxPerMu,
          unit: 'wanPerMu',
        },
        plots: plotsWith(rows, scenario, ['upgrade', 'acquire'], year),
        zoneIds: activeZoneIds,
        target: figures.targets.renovatedTaxPerMu,
      };
    case 'newAboveScaleFirms':
      return {
        ...base,
        inputs: [
          {
            label: label('改造/收购地块亩数', 'Σ upgrade/acquire areaMu'),
            value: parts.improvedMu,
            unit: 'mu',
          },
          {
            label: label('每百亩新增规上企业（示例值）', 'upgradeFirmsPer100Mu (example)'),
            value: assumptions.upgradeFirmsPer100Mu,
            unit: 'firmsPer100Mu',
          },
          { label: label('承接区块新增用地', 'Σ zones newLandMu'), value: parts.zonesNewLandMu, unit: 'mu' },
          {
            label: label('区块每百亩规上企业（示例值）', 'zoneFirmsPer100Mu (example)'),
            value: assumptions.zoneFirmsPer100Mu,
            unit: 'firmsPer100Mu',
          },
        ],
        result: {
          label: label('新增规上工业企业', 'newAboveScaleFirms'),
          value: figures.newAboveScaleFirms,
          unit: 'count',
        },
        plots: plotsWith(rows, scenario, ['upgrade', 'acquire'], year),
        zoneIds: activeZoneIds,
        target: figures.targets.newAboveScaleFirms,
      };
    case 'ledger': {
      const town = options.town;
      const ledger =
        town === undefined ? figures.ledger.city : (figures.ledger.byTown[town] ?? emptyLedger());
      return {
        ...base,
        inputs: [
          { label: label('存量处置释放', 'released'), value: ledger.released, unit: 'mu' },
          { label: label('重点项目直接指标', 'directQuotaMu'), value: ledger.directQuotaMu, unit: 'mu' },
          { label: label('调入', 'transfersIn'), value: ledger.transfersIn, unit: 'mu' },
          { label: label('调出', 'transfersOut'), value: ledger.transfersOut, unit: 'mu' },
          {
            label: label('使用（承接区块新增用地）', 'used (zones newLandMu)'),
            value: ledger.used,
            unit: 'mu',
          },
        ],
        result: {
          label: label(
            `指标余额${town === undefined ? '（全市）' : `（${town}）`}`,
            `balance${town === undefined ? ' (city)' : ` (${town})`}`,
          ),
          value: ledger.balance,
          unit: 'mu',
        },
        plots: plotsWith(
          rows,
          scenario,
          ['vacate', 'relocate'],
          year,
          town === undefined ? undefined : (row) => row.town === town,
        ),
        zoneIds: activeZones
          .filter((zone) => town === undefined || zoneMeasures[zone.id]?.town === town)
          .map((zone) => zone.id),
        target: figures.targets.ledger,
      };
    }
    case 'violations': {
      const table = plotTable(rows);
      return {
        ...base,
        inputs: [
          {
            label: label('违规承接区块（开发边界外新增）', 'zones with new land outside the boundary'),
            value: figures.violations.count,
            unit: 'count',
          },
          {
            label: label('警告：开发边界外地块改造/收购', 'warnings: upgrade/acquire outside the boundary'),
            value: figures.violations.warningPlotCount,
            unit: 'count',
          },
          {
            label: label(
              '警告：新增用地在控制线外的区块',
              'warnings: zones with new land outside the control lines',
            ),
            value: figures.violations.warningZoneIds.length,
            unit: 'count',
          },
        ],
        result: {
          label: label('R2 违规数', 'R2 violations'),
          value: figures.violations.count,
          unit: 'count',
        },
        plots: plotsWith(rows, scenario, ['upgrade', 'acquire'], year, (row) => {
          const i = table.indexById.get(row.id);
          return i !== undefined && table.isOutside[i] === 1;
        }),
        zoneIds: [...figures.violations.zoneIds, ...figures.violations.warningZoneIds],
        target: figures.targets.violations,
      };
    }
    case 'capacity': {
      const capacities = Object.values(figures.capacity);
      const demand = capacities.reduce((sum, c) => sum + c.demandM2, 0);
      const supply = capacities.reduce((sum, c) => sum + c.supplyM2, 0);
      const short = Object.entries(figures.capacity).filter(([, c]) => c.isShort);
      return {
        ...base,
        inputs: [
          { label: label('搬入需求建筑面积', 'Σ demandM2'), value: demand, unit: 'm2' },
          { label: label('可供建筑面积', 'Σ supplyM2'), value: supply, unit: 'm2' },
          {
            label: label('搬迁建筑面积系数（示例值）', 'relocationFloorFactor (example)'),
            value: assumptions.relocationFloorFactor,
            unit: 'factor',
          },
        ],
        result: {
          label: label('承接能力不足的区块', 'zones short of capacity'),
          value: short.length,
          unit: 'count',
        },
        plots: plotsWith(rows, scenario, ['relocate'], year),
        zoneIds: scenario.zones.map((zone) => zone.id),
      };
    }
    case 'money':
      return {
        ...base,
        inputs: [
          { label: label('收购亩数', 'purchased areaMu'), value: parts.purchasedMu, unit: 'mu' },
          {
            label: label('收购单价（示例值）', 'purchaseWanPerMu (example)'),
            value: assumptions.purchaseWanPerMu,
            unit: 'wanPerMu',
          },
          { label: label('租赁亩·年', 'leased areaMu × years'), value: parts.leasedMuYears, unit: 'mu' },
          {
            label: label('年租金（示例值）', 'leaseWanPerMuYear (example)'),
            value: assumptions.leaseWanPerMuYear,
            unit: 'wanPerMuYear',
          },
          {
            label: label('拆除建筑面积', 'demolished floorAreaM2'),
            value: parts.demolishedFloorM2,
            unit: 'm2',
          },
          {
            label: label('拆除单价（示例值）', 'demolitionYuanPerM2 (example)'),
            value: assumptions.demolitionYuanPerM2,
            unit: 'yuanPerM2',
          },
          {
            label: label('奖励标准（示例值）', 'rewardWanPerMu (example)'),
            value: assumptions.rewardWanPerMu,
            unit: 'wanPerMu',
          },
          {
            label: label('村集体年收入（现状）', 'village income before, per year'),
            value: figures.money.villageIncomeBeforeWan,
            unit: 'wan',
          },
          {
            label: label('村集体年收入（实施后）', 'village income after, per year'),
            value: figures.money.villageIncomeAfterWan,
            unit: 'wan',
          },
        ],
        result: {
          label: label('收购 + 拆除 + 奖励', 'acquisition + demolition + reward'),
          value: figures.money.acquisitionWan + figures.money.demolitionWan + figures.money.rewardWan,
          unit: 'wan',
        },
        plots: plotsWith(rows, scenario, ['acquire', 'vacate', 'relocate'], year),
        zoneIds: [],
      };
  }
}
