/**
 * The analysed rows as they arrive from the worker hold a copy of every string of every row (a
 * structured clone never shares one): a town's name 100,000 times, a plot's id and name twice. This
 * makes equal strings, and equal screening verdicts, one value again, so that the rows the page
 * keeps cost about a fifth less. Values are only replaced by equal ones: nothing a row says changes.
 */

import type { PlotRow } from '../core/analysis/analyze-plan.ts';

/** Makes the equal strings and screening verdicts of `rows` shared values (in place). */
export function shareRowValues(rows: readonly PlotRow[]): void {
  const strings = new Map<string, string>();
  const share = <T>(value: T): T => {
    if (typeof value !== 'string') return value;
    const known = strings.get(value);
    if (known !== undefined) return known as T;
    strings.set(value, value);
    return value;
  };
  const shareStrings = (record: Record<string, unknown>) => {
    for (const key in record) {
      const value = record[key];
      if (typeof value === 'string') record[key] = share(value);
    }
  };
  const verdicts = new Map<string, PlotRow['measures']['screening']>();
  for (const row of rows) {
    shareStrings(row as unknown as Record<string, unknown>);
    shareStrings(row.properties as unknown as Record<string, unknown>);
    shareStrings(row.measures as unknown as Record<string, unknown>);
    const { screening } = row.measures;
    const key = JSON.stringify(screening);
    const known = verdicts.get(key);
    if (known) row.measures.screening = known;
    else verdicts.set(key, screening);
  }
}
