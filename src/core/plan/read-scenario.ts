/**
 * Reads the `scenarios` of a plan file: per scenario its action entries, receiving zones, quota
 * transfers, direct quota and assumptions (missing assumptions are filled in from the examples,
 * with a warning).
 */

import { PLOT_ACTIONS, type PlotAction } from '../catalogue/action-catalogue.ts';
import {
  type ActionEntry,
  ASSUMPTION_KEYS,
  type Assumptions,
  DEFAULT_ASSUMPTIONS,
  type DirectQuota,
  type QuotaTransfer,
  type ReceivingZone,
  type Scenario,
} from '../scenario/scenario.ts';
import { checkPlanZones } from './check-plan-zones.ts';
import { childPath } from './plan-problems.ts';
import { EXPECT, type PlanReader, readList } from './plan-reader.ts';
import { isAreaGeometry } from './read-plan-layers.ts';

function readActionEntry(reader: PlanReader, value: unknown, path: string): ActionEntry | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['action', 'year', 'zoneId', 'lease'], path);
  const action = reader.required(record, 'action', path);
  if (action !== undefined && !PLOT_ACTIONS.includes(action as PlotAction))
    return reader.wrong(childPath(path, 'action'), EXPECT.action, action);
  const year = reader.year(record, 'year', path);
  if (action === undefined || year === undefined) return undefined;
  const entry: ActionEntry = { action: action as PlotAction, year };
  if (record.zoneId !== undefined) {
    if (typeof record.zoneId !== 'string')
      return reader.wrong(childPath(path, 'zoneId'), EXPECT.string, record.zoneId);
    entry.zoneId = record.zoneId;
  }
  if (record.lease !== undefined) {
    const leasePath = childPath(path, 'lease');
    const lease = reader.object(record.lease, leasePath);
    if (!lease) return undefined;
    reader.extraKeys(lease, ['years'], leasePath);
    const years = reader.number(lease, 'years', leasePath, (n) => n > 0, EXPECT.positive);
    if (years === undefined) return undefined;
    entry.lease = { years };
  }
  return entry;
}

function readZone(reader: PlanReader, value: unknown, path: string): ReceivingZone | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['id', 'name', 'far', 'year', 'town', 'geometry'], path);
  const id = reader.string(record, 'id', path, true);
  const name = reader.string(record, 'name', path);
  const far = reader.number(record, 'far', path, (n) => n > 0, EXPECT.positive);
  const year = reader.year(record, 'year', path);
  const geometry = reader.required(record, 'geometry', path);
  if (geometry !== undefined && !isAreaGeometry(geometry))
    reader.wrong(childPath(path, 'geometry'), EXPECT.areaGeometry, geometry);
  let town: string | undefined;
  if (record.town !== undefined) {
    if (typeof record.town !== 'string')
      return reader.wrong(childPath(path, 'town'), EXPECT.string, record.town);
    town = record.town;
  }
  if (
    id === undefined ||
    name === undefined ||
    far === undefined ||
    year === undefined ||
    !isAreaGeometry(geometry)
  )
    return undefined;
  const zone: ReceivingZone = { id, name, far, year, geometry };
  if (town !== undefined) zone.town = town;
  return zone;
}

function readTransfer(reader: PlanReader, value: unknown, path: string): QuotaTransfer | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['id', 'from', 'to', 'mu', 'year'], path);
  const id = reader.string(record, 'id', path, true);
  const from = reader.string(record, 'from', path);
  const to = reader.string(record, 'to', path);
  const mu = reader.number(record, 'mu', path, (n) => n >= 0, EXPECT.nonNegative);
  const year = reader.year(record, 'year', path);
  if (id === undefined || from === undefined || to === undefined || mu === undefined || year === undefined)
    return undefined;
  return { id, from, to, mu, year };
}

function readDirectQuota(reader: PlanReader, value: unknown, path: string): DirectQuota | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['id', 'town', 'mu', 'year', 'note'], path);
  const id = reader.string(record, 'id', path, true);
  const town = reader.string(record, 'town', path);
  const mu = reader.number(record, 'mu', path, (n) => n >= 0, EXPECT.nonNegative);
  const year = reader.year(record, 'year', path);
  const note = reader.string(record, 'note', path);
  if (id === undefined || town === undefined || mu === undefined || year === undefined || note === undefined)
    return undefined;
  return { id, town, mu, year, note };
}

function readAssumptions(reader: PlanReader, value: unknown, path: string): Assumptions | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ASSUMPTION_KEYS, path);
  const assumptions = { ...DEFAULT_ASSUMPTIONS };
  const filled: string[] = [];
  let ok = true;
  for (const key of ASSUMPTION_KEYS) {
    if (record[key] === undefined) {
      filled.push(key);
      continue;
    }
    const number = reader.number(record, key, path);
    if (number === undefined) ok = false;
    else assumptions[key] = number;
  }
  if (filled.length > 0)
    reader.warn('default-assumption', path, {
      zh: `方案文件 ${reader.fileName} 的 ${path} 缺少 ${filled.join('、')}，已按示例默认值补齐。`,
      en: `Plan file ${reader.fileName}: ${path} lacked ${filled.join(', ')}; the example defaults were filled in.`,
    });
  return ok ? assumptions : undefined;
}

/** One scenario; undefined when any of its parts is wrong (the reader then holds the problems). */
export function readScenario(reader: PlanReader, value: unknown, path: string): Scenario | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(
    record,
    ['id', 'name', 'actions', 'zones', 'transfers', 'directQuota', 'assumptions'],
    path,
  );
  const id = reader.string(record, 'id', path, true);
  const name = reader.string(record, 'name', path);
  const actionsValue = reader.required(record, 'actions', path);
  const actionsPath = childPath(path, 'actions');
  const actionsRecord = actionsValue === undefined ? undefined : reader.object(actionsValue, actionsPath);
  let actions: Record<string, ActionEntry> | undefined;
  if (actionsRecord) {
    const entries: [string, ActionEntry][] = [];
    let ok = true;
    for (const [plotId, entryValue] of Object.entries(actionsRecord)) {
      const entry = readActionEntry(reader, entryValue, childPath(actionsPath, plotId));
      if (entry) entries.push([plotId, entry]);
      else ok = false;
    }
    // fromEntries defines own properties, so even a plot id "__proto__" stays an ordinary key.
    if (ok) actions = Object.fromEntries(entries);
  }
  const zonesRead = readList(reader, record, 'zones', path, readZone);
  const zones = zonesRead && checkPlanZones(reader, zonesRead, childPath(path, 'zones'), name ?? id ?? path);
  const transfers = readList(reader, record, 'transfers', path, readTransfer);
  const directQuota = readList(reader, record, 'directQuota', path, readDirectQuota);
  const assumptionsValue = reader.required(record, 'assumptions', path);
  const assumptions =
    assumptionsValue === undefined
      ? undefined
      : readAssumptions(reader, assumptionsValue, childPath(path, 'assumptions'));
  if (
    id === undefined ||
    name === undefined ||
    !actions ||
    !zones ||
    !transfers ||
    !directQuota ||
    !assumptions
  )
    return undefined;
  return { id, name, actions, zones, transfers, directQuota, assumptions };
}
