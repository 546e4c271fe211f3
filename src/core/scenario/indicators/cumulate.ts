/**
 * From the sums per year of the action to running totals through each year, as plain values:
 * an action counts from its year on.
 */

import { ACTIONS, type Accumulated, Field, YEARS } from './accumulate.ts';
import { FRACTION } from './exact-sums.ts';

/** The accumulated contributions as cumulative values [year × slot]. */
export interface Cumulated {
  fields: Float64Array;
  releasedByTown: Float64Array;
  byZone: Map<string, Float64Array>;
  actionPlots: Float64Array;
  actionM2: Float64Array;
  unknownPlotIds: string[];
  unknownPlotCount: number;
  invalidEntries: number;
}

/** Running totals over the years of exact sums with `width` slots per year, as plain values. */
function cumulative(sums: Float64Array, width: number): Float64Array {
  const whole = new Float64Array(width);
  const fraction = new Float64Array(width);
  const out = new Float64Array(YEARS * width);
  for (let y = 0; y < YEARS; y++) {
    for (let k = 0; k < width; k++) {
      const slot = y * width + k;
      whole[k] = (whole[k] as number) + (sums[2 * slot] as number);
      fraction[k] = (fraction[k] as number) + (sums[2 * slot + 1] as number);
      out[slot] = (whole[k] as number) + (fraction[k] as number) / FRACTION;
    }
  }
  return out;
}

/** Cumulative values of `acc`, with the first 20 unknown plot ids in order. */
export function cumulate(acc: Accumulated, towns: number): Cumulated {
  return {
    fields: cumulative(acc.fields, Field.Count),
    releasedByTown: cumulative(acc.releasedByTown, towns),
    byZone: new Map([...acc.byZone].map(([zoneId, values]) => [zoneId, cumulative(values, 2)])),
    actionPlots: cumulative(acc.actionPlots, ACTIONS),
    actionM2: cumulative(acc.actionM2, ACTIONS),
    unknownPlotIds: [...acc.unknownPlotIds].sort().slice(0, 20),
    unknownPlotCount: acc.unknownPlotIds.size,
    invalidEntries: acc.invalidEntries,
  };
}
