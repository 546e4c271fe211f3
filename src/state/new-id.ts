/** Ids and names for new scenarios, zones, quotas and slides: unique among those that exist. */

/**
 * An id `${prefix}-${time in base 36}` that none of `existing` has (a suffix -2, -3, … when two
 * are made in the same millisecond).
 */
export function newId(prefix: string, existing: Iterable<string>, now: number = Date.now()): string {
  const taken = new Set(existing);
  const base = `${prefix}-${Math.max(0, Math.floor(now)).toString(36)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** `name` itself when no scenario has it, else `name 2`, `name 3`, … */
export function uniqueName(name: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
