/**
 * The analysed rows as the page unpacks them (worker/packed-records.ts) hold their strings once each
 * already, but an object of screening verdicts per row: this makes equal verdicts one object again,
 * so that 100,000 rows hold a few dozen of them. Values are only replaced by equal ones: nothing a
 * row says changes.
 */

import type { PlotRow } from '../core/analysis/analyze-plan.ts';

/** Makes the equal screening verdicts of `rows` shared values (in place). */
export function shareRowValues(rows: readonly PlotRow[]): void {
  const verdicts = new Map<string, PlotRow['measures']['screening']>();
  for (const row of rows) {
    const { screening } = row.measures;
    const key = JSON.stringify(screening);
    const known = verdicts.get(key);
    if (known) row.measures.screening = known;
    else verdicts.set(key, screening);
  }
}
