/**
 * Where a plan file came from when it is a town's part of a city plan (plan file version 3,
 * docs/plan-file.md "derivedFrom"): the town, when the part was made, the city plan it was made from
 * (its name and fingerprint) and, per scenario, the fingerprints of what the town's plots, actions,
 * zones, transfers and direct quotas were in the city plan then. Merging the part back compares
 * those with the city plan as it is now: what differs changed in the city plan since the part was made.
 * The member is made by the split and only read by the merge, so a damaged one is left out with a
 * warning: the file is then read as a plan of its own.
 */

import type { Message } from '../types.ts';
import { isIsoDateTime, isRecord, type PlanReader } from './plan-reader.ts';

/** The fingerprints (plan-fingerprint.ts) of one scenario's parts of the town, by id. */
export interface ScenarioBase {
  /** The city plan's scenario id (the town part keeps it). */
  id: string;
  /** Per plot of the town with an action entry: the entry's fingerprint. A plot of the town not listed had none (kept). */
  actions: Record<string, string>;
  /** Per receiving zone of the town: the zone's fingerprint (name, far, year, town, geometry). */
  zones: Record<string, string>;
  /** Per transfer from or to the town: its fingerprint. */
  transfers: Record<string, string>;
  /** Per direct quota of the town: its fingerprint. */
  directQuota: Record<string, string>;
}

/** What the town's part of the city plan was when the part was made. */
export interface TownPartBase {
  /** Per plot of the town (every one, by plot id): the fingerprint of its feature (geometry and properties). */
  plots: Record<string, string>;
  /** Per scenario of the city plan, in its order. */
  scenarios: ScenarioBase[];
}

/** The origin of a town's part (镇街上报): made from a city plan by the split (src/core/chain). */
export interface DerivedFrom {
  kind: 'town-part';
  /** The town's name as the plan uses it (the plots' and boundary's `town` property). */
  town: string;
  /** When the part was made, ISO 8601 date-time. */
  madeAt: string;
  /** The city plan it was made from: its name and the fingerprint of its settings, layers and scenarios. */
  cityPlan: { name: string; fingerprint: string };
  base: TownPartBase;
}

const EXPECTED: Message = {
  zh: '{ kind: "town-part", town, madeAt, cityPlan: { name, fingerprint }, base: { plots, scenarios } }（由“导出镇街部分”生成）',
  en: '{ kind: "town-part", town, madeAt, cityPlan: { name, fingerprint }, base: { plots, scenarios } } (made by "Export a town\'s part")',
};

function hasOnly(record: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(record).every((key) => keys.includes(key));
}

/** `{ id: fingerprint, … }` with every fingerprint a non-empty text, copied; else undefined. */
function readFingerprints(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const copy: Record<string, string> = {};
  for (const [key, print] of Object.entries(value)) {
    if (typeof print !== 'string' || print === '') return undefined;
    copy[key] = print;
  }
  return copy;
}

function readScenarioBase(value: unknown): ScenarioBase | undefined {
  if (!isRecord(value) || !hasOnly(value, ['id', 'actions', 'zones', 'transfers', 'directQuota']))
    return undefined;
  const actions = readFingerprints(value.actions);
  const zones = readFingerprints(value.zones);
  const transfers = readFingerprints(value.transfers);
  const directQuota = readFingerprints(value.directQuota);
  if (typeof value.id !== 'string' || value.id === '' || !actions || !zones || !transfers || !directQuota)
    return undefined;
  return { id: value.id, actions, zones, transfers, directQuota };
}

function readBase(value: unknown): TownPartBase | undefined {
  if (!isRecord(value) || !hasOnly(value, ['plots', 'scenarios'])) return undefined;
  const plots = readFingerprints(value.plots);
  if (!plots || !Array.isArray(value.scenarios)) return undefined;
  const scenarios: ScenarioBase[] = [];
  const ids = new Set<string>();
  for (const item of value.scenarios) {
    const scenario = readScenarioBase(item);
    if (!scenario || ids.has(scenario.id)) return undefined;
    ids.add(scenario.id);
    scenarios.push(scenario);
  }
  return { plots, scenarios };
}

function readDerived(value: unknown): DerivedFrom | undefined {
  if (!isRecord(value) || !hasOnly(value, ['kind', 'town', 'madeAt', 'cityPlan', 'base'])) return undefined;
  const { kind, town, madeAt, cityPlan } = value;
  if (kind !== 'town-part' || typeof town !== 'string' || town === '' || !isIsoDateTime(madeAt))
    return undefined;
  if (
    !isRecord(cityPlan) ||
    !hasOnly(cityPlan, ['name', 'fingerprint']) ||
    typeof cityPlan.name !== 'string' ||
    typeof cityPlan.fingerprint !== 'string' ||
    cityPlan.fingerprint === ''
  )
    return undefined;
  const base = readBase(value.base);
  if (!base) return undefined;
  return { kind, town, madeAt, cityPlan: { name: cityPlan.name, fingerprint: cityPlan.fingerprint }, base };
}

/**
 * Reads `derivedFrom`. A damaged one is left out with a `dropped-part` warning saying what that means.
 * @returns the origin, or undefined when it is damaged
 */
export function readDerivedFrom(
  reader: PlanReader,
  value: unknown,
  path = 'derivedFrom',
): DerivedFrom | undefined {
  const derived = readDerived(value);
  if (derived) return derived;
  reader.warn('dropped-part', path, {
    zh: `方案文件 ${reader.fileName} 的 ${path} 应为${EXPECTED.zh}，已忽略：该文件按普通规划读取，合并到市级规划时无法判断哪些改动来自镇街。`,
    en: `Plan file ${reader.fileName}: ${path} must be ${EXPECTED.en}; it was ignored, so the file is read as a plan of its own and a merge into the city plan cannot tell which changes the town made.`,
  });
  return undefined;
}
