/**
 * Reads a plan file's `settings`: the analysis settings (version 1) and the planning settings of
 * version 2 (horizon, targets, suggestion), checking every part and naming the one that is wrong.
 */

import { isPlanYear } from '../scenario/scenario.ts';
import {
  type ObjectiveWeights,
  type PlanHorizon,
  type PlanTargets,
  type SuggestRules,
  type SuggestSettings,
  TARGET_KEYS,
  type TargetSetting,
} from '../suggest/suggest-settings.ts';
import type { Message } from '../types.ts';
import type { PlanSettings } from './plan-file.ts';
import { childPath } from './plan-problems.ts';
import { EXPECT, type PlanReader } from './plan-reader.ts';

const EXPECT_BOOLEAN: Message = { zh: 'true 或 false', en: 'true or false' };
const EXPECT_MILESTONES: Message = { zh: '"none" 或 "linear"', en: '"none" or "linear"' };
const EXPECT_NUMBER_OR_NULL: Message = { zh: '非负数或 null', en: 'a number ≥ 0 or null' };
const EXPECT_LEASE: Message = { zh: '正数或 null', en: 'a positive number or null' };
const EXPECT_HORIZON: Message = {
  zh: '{ firstYear, lastYear }，2022–2026 之间且 firstYear ≤ lastYear',
  en: '{ firstYear, lastYear } within 2022–2026 with firstYear ≤ lastYear',
};

/** A member that is an object, or undefined (with a problem). */
function member(reader: PlanReader, record: Record<string, unknown>, key: string, path: string) {
  const value = reader.required(record, key, path);
  return value === undefined ? undefined : reader.object(value, childPath(path, key));
}

function boolean(reader: PlanReader, record: Record<string, unknown>, key: string, path: string) {
  const value = reader.required(record, key, path);
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') return reader.wrong(childPath(path, key), EXPECT_BOOLEAN, value);
  return value;
}

/** A number ≥ 0 (with `valid`), or null. Returns undefined on a problem. */
function numberOrNull(
  reader: PlanReader,
  record: Record<string, unknown>,
  key: string,
  path: string,
  expected: Message = EXPECT_NUMBER_OR_NULL,
  valid: (n: number) => boolean = (n) => n >= 0,
): number | null | undefined {
  const value = reader.required(record, key, path);
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || !valid(value))
    return reader.wrong(childPath(path, key), expected, value);
  return value;
}

function readHorizon(
  reader: PlanReader,
  record: Record<string, unknown>,
  path: string,
): PlanHorizon | undefined {
  reader.extraKeys(record, ['firstYear', 'lastYear'], path);
  const firstYear = reader.year(record, 'firstYear', path);
  const lastYear = reader.year(record, 'lastYear', path);
  if (firstYear === undefined || lastYear === undefined) return undefined;
  if (!isPlanYear(firstYear) || firstYear > lastYear) return reader.wrong(path, EXPECT_HORIZON, record);
  return { firstYear, lastYear };
}

function readTargets(
  reader: PlanReader,
  record: Record<string, unknown>,
  path: string,
): PlanTargets | undefined {
  reader.extraKeys(record, [...TARGET_KEYS, 'milestones'], path);
  const targets: Partial<PlanTargets> = {};
  let ok = true;
  for (const key of TARGET_KEYS) {
    const targetPath = childPath(path, key);
    const target = member(reader, record, key, path);
    if (target) reader.extraKeys(target, ['enabled', 'value'], targetPath);
    const enabled = target && boolean(reader, target, 'enabled', targetPath);
    const value = target && reader.number(target, 'value', targetPath, (n) => n >= 0, EXPECT.nonNegative);
    if (enabled === undefined || value === undefined) ok = false;
    else targets[key] = { enabled, value } satisfies TargetSetting;
  }
  const milestones = reader.required(record, 'milestones', path);
  if (milestones !== undefined && milestones !== 'none' && milestones !== 'linear')
    return reader.wrong(childPath(path, 'milestones'), EXPECT_MILESTONES, milestones);
  if (!ok || milestones === undefined) return undefined;
  return { ...(targets as Omit<PlanTargets, 'milestones'>), milestones };
}

const RULE_SWITCHES = [
  'noRenewalOutsideBoundary',
  'noKeepRiskOrPollution',
  'keepControlLand',
  'firmsMoveToZones',
] as const;

function readRules(
  reader: PlanReader,
  record: Record<string, unknown>,
  path: string,
): SuggestRules | undefined {
  reader.extraKeys(record, [...RULE_SWITCHES, 'minKeepTaxPerMu'], path);
  const switches = RULE_SWITCHES.map((key) => boolean(reader, record, key, path));
  const minKeepTaxPerMu = numberOrNull(reader, record, 'minKeepTaxPerMu', path);
  if (switches.some((value) => value === undefined) || minKeepTaxPerMu === undefined) return undefined;
  const [noRenewalOutsideBoundary, noKeepRiskOrPollution, keepControlLand, firmsMoveToZones] =
    switches as boolean[];
  return {
    noRenewalOutsideBoundary: noRenewalOutsideBoundary as boolean,
    noKeepRiskOrPollution: noKeepRiskOrPollution as boolean,
    keepControlLand: keepControlLand as boolean,
    firmsMoveToZones: firmsMoveToZones as boolean,
    minKeepTaxPerMu,
  };
}

function readObjective(
  reader: PlanReader,
  record: Record<string, unknown>,
  path: string,
): ObjectiveWeights | undefined {
  reader.extraKeys(record, ['costWan', 'firms', 'incomeWan'], path);
  const weight = (key: string) => reader.number(record, key, path, (n) => n >= 0, EXPECT.nonNegative);
  const costWan = weight('costWan');
  const firms = weight('firms');
  const incomeWan = weight('incomeWan');
  if (costWan === undefined || firms === undefined || incomeWan === undefined) return undefined;
  return { costWan, firms, incomeWan };
}

function readSuggestion(
  reader: PlanReader,
  record: Record<string, unknown>,
  path: string,
): SuggestSettings | undefined {
  reader.extraKeys(
    record,
    ['rules', 'transferLimitMu', 'yearlyBudgetWan', 'objective', 'leaseYears', 'lockedPlotIds'],
    path,
  );
  const rulesRecord = member(reader, record, 'rules', path);
  const rules = rulesRecord && readRules(reader, rulesRecord, childPath(path, 'rules'));
  const transferLimitMu = reader.number(record, 'transferLimitMu', path, (n) => n >= 0, EXPECT.nonNegative);
  const yearlyBudgetWan = numberOrNull(reader, record, 'yearlyBudgetWan', path);
  const objectiveRecord = member(reader, record, 'objective', path);
  const objective = objectiveRecord && readObjective(reader, objectiveRecord, childPath(path, 'objective'));
  const leaseYears = numberOrNull(reader, record, 'leaseYears', path, EXPECT_LEASE, (n) => n > 0);
  const lockedValue = reader.required(record, 'lockedPlotIds', path);
  const lockedPath = childPath(path, 'lockedPlotIds');
  const locked = lockedValue === undefined ? undefined : reader.array(lockedValue, lockedPath);
  const lockedPlotIds: string[] = [];
  let lockedOk = locked !== undefined;
  locked?.forEach((id, i) => {
    if (typeof id === 'string') lockedPlotIds.push(id);
    else lockedOk = reader.wrong(childPath(lockedPath, i), EXPECT.string, id) ?? false;
  });
  if (!rules || transferLimitMu === undefined || yearlyBudgetWan === undefined || !objective)
    return undefined;
  if (leaseYears === undefined || !lockedOk) return undefined;
  return { rules, transferLimitMu, yearlyBudgetWan, objective, leaseYears, lockedPlotIds };
}

/** The `settings` of a plan file (version 2), or undefined when a part is missing or wrong. */
export function readSettings(reader: PlanReader, value: unknown, path: string): PlanSettings | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(
    record,
    ['tolerance', 'screening', 'classLimits', 'horizon', 'targets', 'suggestion'],
    path,
  );
  const tolerance = reader.number(record, 'tolerance', path, (n) => n >= 0 && n < 0.5, EXPECT.tolerance);
  const screeningPath = childPath(path, 'screening');
  const screening = member(reader, record, 'screening', path);
  const limitsPath = childPath(path, 'classLimits');
  const limits = member(reader, record, 'classLimits', path);
  if (screening)
    reader.extraKeys(screening, ['investmentPerMu', 'far', 'coverage', 'taxPerMu'], screeningPath);
  if (limits) reader.extraKeys(limits, ['A', 'B', 'C'], limitsPath);
  const investmentPerMu = screening && reader.number(screening, 'investmentPerMu', screeningPath);
  const far = screening && reader.number(screening, 'far', screeningPath);
  const coverage = screening && reader.number(screening, 'coverage', screeningPath);
  const taxPerMu = screening && reader.number(screening, 'taxPerMu', screeningPath);
  const A = limits && reader.number(limits, 'A', limitsPath);
  const B = limits && reader.number(limits, 'B', limitsPath);
  const C = limits && reader.number(limits, 'C', limitsPath);
  const horizonRecord = member(reader, record, 'horizon', path);
  const horizon = horizonRecord && readHorizon(reader, horizonRecord, childPath(path, 'horizon'));
  const targetsRecord = member(reader, record, 'targets', path);
  const targets = targetsRecord && readTargets(reader, targetsRecord, childPath(path, 'targets'));
  const suggestionRecord = member(reader, record, 'suggestion', path);
  const suggestion =
    suggestionRecord && readSuggestion(reader, suggestionRecord, childPath(path, 'suggestion'));
  if (
    tolerance === undefined ||
    investmentPerMu === undefined ||
    far === undefined ||
    coverage === undefined ||
    taxPerMu === undefined ||
    A === undefined ||
    B === undefined ||
    C === undefined ||
    !horizon ||
    !targets ||
    !suggestion
  )
    return undefined;
  return {
    tolerance,
    screening: { investmentPerMu, far, coverage, taxPerMu },
    classLimits: { A, B, C },
    horizon,
    targets,
    suggestion,
  };
}
