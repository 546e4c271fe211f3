/**
 * Problems found in a plan file, as values with a machine-readable code, the part of the file they
 * concern (a JSON path such as `scenarios[0].zones[2].far`) and a message in both languages.
 */

import type { Message } from '../types.ts';

export type PlanProblemCode =
  /** The text is not JSON. */
  | 'not-json'
  /** JSON, but not a plan file (no `format: "industrial-land-plan"`). */
  | 'not-a-plan'
  /** Written by a newer version of the app. */
  | 'newer-version'
  /** A required part is missing. */
  | 'missing-part'
  /** A part has the wrong type or value. */
  | 'wrong-part'
  /** Two scenarios, zones, transfers, direct quotas or slides share an id. */
  | 'duplicate-id'
  // Warnings: the plan is read.
  /** An older version was converted. */
  | 'migrated'
  /** A member this version does not know was left out. */
  | 'unknown-part'
  /** An optional part, or a receiving zone whose geometry fails the layer checks, was left out. */
  | 'dropped-part'
  /** A receiving zone's geometry was repaired as an imported zone's would be (closed, merged). */
  | 'repaired-part'
  /** Missing assumptions were filled with the example defaults. */
  | 'default-assumption'
  /** Actions name plots that are not in the plot layer. */
  | 'unknown-plot'
  /** Relocations name a zone that is not in the scenario. */
  | 'unknown-zone'
  /** The active scenario was not found; the first one is active. */
  | 'active-scenario'
  /** A slide names a scenario that is not in the plan; showing it keeps the active one. */
  | 'slide-scenario';

export interface PlanProblem {
  code: PlanProblemCode;
  /** The part of the file, as a JSON path; absent for the file as a whole. */
  path?: string;
  message: Message;
}

/** `scenarios[0].zones` + `far` → `scenarios[0].zones.far`; + 2 → `scenarios[0].zones[2]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (path === '') return safe;
  return /^[A-Za-z_$]/.test(safe) ? `${path}.${safe}` : `${path}[${safe}]`;
}
