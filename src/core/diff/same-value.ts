/**
 * Equality of plain JSON data (what a plan file holds): numbers, text, booleans, null, arrays and
 * objects, compared member by member. A member that is absent and one that is `undefined` are the
 * same, as they are once written to a file.
 */

/**
 * True when `a` and `b` hold the same JSON data.
 * @example sameValue({ far: 2, year: 2024 }, { year: 2024, far: 2 }) // → true
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], other[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}
