/**
 * Short fingerprints of plan content (docs/plan-file.md, "derivedFrom"): a town part records those of
 * the city plan and of each of its plots, actions, zones, transfers and direct quotas when it was made,
 * so that a merge can tell what changed in the city plan since. A fingerprint is the 53-bit cyrb53 hash
 * of the value's canonical JSON (object keys sorted, no spaces), written as 14 hexadecimal digits:
 * equal values give equal fingerprints whatever the order their members were made in.
 */

import type { PlanLayerSet } from '../analysis/analyze-plan.ts';
import type { Scenario } from '../scenario/scenario.ts';

/** JSON with every object's keys sorted (members that are undefined left out, as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash, as 14 hexadecimal digits. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

/** The fingerprint of one value (a plot feature, an action entry, a zone, a transfer, a direct quota). */
export function fingerprintOf(value: unknown): string {
  return hashText(canonicalJson(value));
}

/**
 * The fingerprint of what a plan's figures depend on: its settings, layers and scenarios (not its
 * name, dates, view, slides, context layers, origins, comments or origin as a town part).
 */
export function planFingerprint(plan: {
  settings: unknown;
  layers: PlanLayerSet;
  scenarios: readonly Scenario[];
}): string {
  return fingerprintOf({ settings: plan.settings, layers: plan.layers, scenarios: plan.scenarios });
}
