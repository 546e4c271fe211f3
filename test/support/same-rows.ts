/**
 * Whether two lists of rows are the same to the bit and in the order of every object's keys: what
 * toStrictEqual does not check (key order) and JSON does not keep (undefined members, -0, NaN).
 */
export function sameRows(actual: readonly unknown[], expected: readonly unknown[]): boolean {
  return exact(actual) === exact(expected);
}

function exact(value: unknown): string {
  return JSON.stringify(value, (_, member: unknown) =>
    typeof member === 'number'
      ? `n${Object.is(member, -0) ? '-0' : String(member)}`
      : typeof member === 'string'
        ? `s${member}`
        : member === undefined
          ? 'u'
          : member,
  );
}
