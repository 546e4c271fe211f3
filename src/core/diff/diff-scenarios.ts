/**
 * What changed between two versions of one scenario: the plots whose action, year, receiving zone or
 * lease changed, the receiving zones added, removed or changed (with their ellipsoidal areas and the
 * difference), the quota transfers and direct quota added, removed or changed, the assumptions and
 * the name. Items are matched by id; a list's order is not a change. Nothing here reads the layers.
 */

import { geometryAreaM2, m2ToMu } from '../geometry/ellipsoidal-area.ts';
import { ASSUMPTION_LABELS } from '../scenario/edits/assumption-edits.ts';
import type {
  ActionEntry,
  Assumptions,
  DirectQuota,
  QuotaTransfer,
  ReceivingZone,
  Scenario,
} from '../scenario/scenario.ts';
import type { ZoneMeasures } from '../scenario/zone-measures.ts';
import type { Message } from '../types.ts';
import { sameValue } from './same-value.ts';

/** What may change of a plot's entry. */
export type PlotChangeField = 'action' | 'year' | 'zone' | 'lease';

/** A plot whose entry differs; `null`: no entry (kept). */
export interface PlotChange {
  plotId: string;
  before: ActionEntry | null;
  after: ActionEntry | null;
  /** What differs, in this order: action, year, zone, lease. */
  changed: PlotChangeField[];
}

export type ItemChangeKind = 'added' | 'removed' | 'changed';

/** A receiving zone as the diff shows it: its members and areas (m², 亩), ellipsoidal. */
export interface ZoneSide {
  name: string;
  far: number;
  year: number;
  /** The zone's own `town`, null when it has none (its town then comes from the boundary). */
  town: string | null;
  areaM2: number;
  areaMu: number;
  /** New land (the area less existing plots), null when the zone was not measured against the plots. */
  newLandM2: number | null;
  newLandMu: number | null;
}

export type ZoneChangeField = 'name' | 'far' | 'year' | 'town' | 'geometry';

export interface ZoneChange {
  zoneId: string;
  kind: ItemChangeKind;
  /** For `changed`: what differs; `geometry` is a reshape. Empty for added and removed zones. */
  changed: ZoneChangeField[];
  before: ZoneSide | null;
  after: ZoneSide | null;
  /** after − before of the zone's area (a removed zone: −its area; an added one: its area), m² and 亩. */
  areaDifferenceM2: number;
  areaDifferenceMu: number;
  /** after − before of its new land, 亩; null when a side was not measured. */
  newLandDifferenceMu: number | null;
}

/** A transfer or direct quota added, removed or changed. */
export interface ItemChange<T> {
  id: string;
  kind: ItemChangeKind;
  /** For `changed`: the members that differ. */
  changed: (keyof T & string)[];
  before: T | null;
  after: T | null;
}

export interface AssumptionChange {
  key: keyof Assumptions;
  name: Message;
  before: number;
  after: number;
  difference: number;
}

export interface ScenarioChanges {
  /** The name, when it changed. */
  name: { before: string; after: string } | null;
  plots: PlotChange[];
  zones: ZoneChange[];
  transfers: ItemChange<QuotaTransfer>[];
  directQuota: ItemChange<DirectQuota>[];
  assumptions: AssumptionChange[];
}

function plotChangeFields(before: ActionEntry | null, after: ActionEntry | null): PlotChangeField[] {
  const changed: PlotChangeField[] = [];
  if ((before?.action ?? 'keep') !== (after?.action ?? 'keep')) changed.push('action');
  if ((before?.year ?? null) !== (after?.year ?? null)) changed.push('year');
  if ((before?.zoneId ?? null) !== (after?.zoneId ?? null)) changed.push('zone');
  if ((before?.lease?.years ?? null) !== (after?.lease?.years ?? null)) changed.push('lease');
  return changed;
}

function entryOf(scenario: Scenario, plotId: string): ActionEntry | null {
  return Object.hasOwn(scenario.actions, plotId) ? (scenario.actions[plotId] as ActionEntry) : null;
}

/**
 * The plots whose entry differs between two scenarios, sorted by plot id. Entries shared by identity
 * (an edit shares every entry it does not change) are skipped without a look inside.
 */
export function diffPlotActions(before: Scenario, after: Scenario): PlotChange[] {
  const changes: PlotChange[] = [];
  const ids = new Set([...Object.keys(before.actions), ...Object.keys(after.actions)]);
  for (const plotId of ids) {
    const old = entryOf(before, plotId);
    const next = entryOf(after, plotId);
    if (old === next) continue;
    const changed = plotChangeFields(old, next);
    if (changed.length === 0 && sameValue(old, next)) continue;
    // An entry that differs in nothing the fields name (an unknown member): still a change.
    changes.push({ plotId, before: old, after: next, changed: changed.length > 0 ? changed : ['action'] });
  }
  return changes.sort((a, b) => (a.plotId < b.plotId ? -1 : a.plotId > b.plotId ? 1 : 0));
}

function zoneSide(zone: ReceivingZone, measures: ZoneMeasures | undefined): ZoneSide {
  const areaM2 = measures && !measures.problem ? measures.areaM2 : geometryAreaM2(zone.geometry);
  const newLandM2 = measures && !measures.problem ? measures.newLandM2 : null;
  return {
    name: zone.name,
    far: zone.far,
    year: zone.year,
    town: zone.town ?? null,
    areaM2,
    areaMu: m2ToMu(areaM2),
    newLandM2,
    newLandMu: newLandM2 === null ? null : m2ToMu(newLandM2),
  };
}

function zoneChangeFields(before: ReceivingZone, after: ReceivingZone): ZoneChangeField[] {
  const changed: ZoneChangeField[] = [];
  if (before.name !== after.name) changed.push('name');
  if (before.far !== after.far) changed.push('far');
  if (before.year !== after.year) changed.push('year');
  if ((before.town ?? null) !== (after.town ?? null)) changed.push('town');
  if (before.geometry !== after.geometry && !sameValue(before.geometry, after.geometry))
    changed.push('geometry');
  return changed;
}

/**
 * The receiving zones added, removed or changed, in the order of the later scenario (removed ones
 * after, in the order they had).
 * @param measuresBefore, measuresAfter each scenario's zone measures by zone id (measureZones); a
 *   zone without them is measured here (its area only)
 */
export function diffZones(
  before: Scenario,
  after: Scenario,
  measuresBefore: Readonly<Record<string, ZoneMeasures>> = {},
  measuresAfter: Readonly<Record<string, ZoneMeasures>> = {},
): ZoneChange[] {
  const old = new Map(before.zones.map((zone) => [zone.id, zone]));
  const next = new Set(after.zones.map((zone) => zone.id));
  const changes: ZoneChange[] = [];
  const change = (
    zoneId: string,
    kind: ItemChangeKind,
    changed: ZoneChangeField[],
    a: ZoneSide | null,
    b: ZoneSide | null,
  ) => {
    const areaDifferenceM2 = (b?.areaM2 ?? 0) - (a?.areaM2 ?? 0);
    const newLand = (side: ZoneSide | null) => (side === null ? 0 : side.newLandMu);
    const newLandBefore = newLand(a);
    const newLandAfter = newLand(b);
    changes.push({
      zoneId,
      kind,
      changed,
      before: a,
      after: b,
      areaDifferenceM2,
      areaDifferenceMu: m2ToMu(areaDifferenceM2),
      newLandDifferenceMu:
        newLandBefore === null || newLandAfter === null ? null : newLandAfter - newLandBefore,
    });
  };
  for (const zone of after.zones) {
    const was = old.get(zone.id);
    if (!was) {
      change(zone.id, 'added', [], null, zoneSide(zone, measuresAfter[zone.id]));
      continue;
    }
    if (was === zone) continue;
    const changed = zoneChangeFields(was, zone);
    if (changed.length === 0) continue;
    change(
      zone.id,
      'changed',
      changed,
      zoneSide(was, measuresBefore[zone.id]),
      zoneSide(zone, measuresAfter[zone.id]),
    );
  }
  for (const zone of before.zones)
    if (!next.has(zone.id)) change(zone.id, 'removed', [], zoneSide(zone, measuresBefore[zone.id]), null);
  return changes;
}

/** Items of a list matched by id: added, removed, or changed in one of their members. */
export function diffItems<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
): ItemChange<T>[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Set(after.map((item) => item.id));
  const changes: ItemChange<T>[] = [];
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) {
      changes.push({ id: item.id, kind: 'added', changed: [], before: null, after: item });
      continue;
    }
    if (was === item) continue;
    const keys = new Set([...Object.keys(was), ...Object.keys(item)]) as Set<keyof T & string>;
    const changed = [...keys].filter((key) => !sameValue(was[key], item[key]));
    if (changed.length > 0) changes.push({ id: item.id, kind: 'changed', changed, before: was, after: item });
  }
  for (const item of before)
    if (!next.has(item.id))
      changes.push({ id: item.id, kind: 'removed', changed: [], before: item, after: null });
  return changes;
}

/** The assumptions whose value differs, in the order of the assumption keys. */
export function diffAssumptions(before: Assumptions, after: Assumptions): AssumptionChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Assumptions>;
  const changes: AssumptionChange[] = [];
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (Object.is(a, b)) continue;
    changes.push({
      key,
      name: ASSUMPTION_LABELS[key] ?? { zh: key, en: key },
      before: a,
      after: b,
      difference: b - a,
    });
  }
  return changes;
}

/**
 * Everything that changed from `before` to `after` (two versions of one scenario).
 * @example diffScenarios(a, a) // → { name: null, plots: [], zones: [], transfers: [], directQuota: [], assumptions: [] }
 */
export function diffScenarios(
  before: Scenario,
  after: Scenario,
  measures: {
    before?: Readonly<Record<string, ZoneMeasures>>;
    after?: Readonly<Record<string, ZoneMeasures>>;
  } = {},
): ScenarioChanges {
  return {
    name: before.name === after.name ? null : { before: before.name, after: after.name },
    plots: diffPlotActions(before, after),
    zones: diffZones(before, after, measures.before, measures.after),
    transfers: diffItems(before.transfers, after.transfers),
    directQuota: diffItems(before.directQuota, after.directQuota),
    assumptions: diffAssumptions(before.assumptions, after.assumptions),
  };
}

/** True when nothing of the scenario changed. */
export function hasNoChanges(changes: ScenarioChanges): boolean {
  return (
    changes.name === null &&
    changes.plots.length === 0 &&
    changes.zones.length === 0 &&
    changes.transfers.length === 0 &&
    changes.directQuota.length === 0 &&
    changes.assumptions.length === 0
  );
}
