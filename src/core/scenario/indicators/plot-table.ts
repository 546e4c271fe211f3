/**
 * The per-plot figures the indicators need, packed once per analysis into typed arrays (cached per
 * rows array, which is never mutated), with exact totals over all plots.
 */

import type { PlotRow } from '../../analysis/analyze-plan.ts';
import { addExact } from './exact-sums.ts';

export interface PlotTable {
  n: number;
  indexById: Map<string, number>;
  /** row.index of each position. */
  layerIndex: Int32Array;
  areaM2: Float64Array;
  /** 0 for unclassified plots. */
  inControlM2: Float64Array;
  isClassified: Uint8Array;
  isOutside: Uint8Array;
  /** NaN when missing. */
  taxWan: Float64Array;
  floorAreaM2: Float64Array;
  rentWan: Float64Array;
  /** Firms on the plot; 0 when missing. */
  firms: Float64Array;
  townOf: Int32Array;
  towns: string[];
  /** Exact sums: 0 all area, 1 classified area, 2 classified area in control, 3 rent. */
  totals: Float64Array;
  unclassified: number;
}

/** Slots of PlotTable.totals. */
export const Total = { AreaM2: 0, ClassifiedM2: 1, ClassifiedInControlM2: 2, RentWan: 3 } as const;

const tables = new WeakMap<readonly PlotRow[], PlotTable>();

function knownOrNaN(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) ? Number.NaN : value;
}

/** Packs the rows' figures into typed arrays; cached per rows array (rows are immutable). */
export function plotTable(rows: readonly PlotRow[]): PlotTable {
  const cached = tables.get(rows);
  if (cached) return cached;
  const n = rows.length;
  const table: PlotTable = {
    n,
    indexById: new Map(),
    layerIndex: new Int32Array(n),
    areaM2: new Float64Array(n),
    inControlM2: new Float64Array(n),
    isClassified: new Uint8Array(n),
    isOutside: new Uint8Array(n),
    taxWan: new Float64Array(n),
    floorAreaM2: new Float64Array(n),
    rentWan: new Float64Array(n),
    firms: new Float64Array(n),
    townOf: new Int32Array(n),
    towns: [],
    totals: new Float64Array(2 * 4),
    unclassified: 0,
  };
  const townIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const row = rows[i] as PlotRow;
    // Ids are unique after import; should two rows share one, the first takes the action.
    if (!table.indexById.has(row.id)) table.indexById.set(row.id, i);
    table.layerIndex[i] = row.index;
    const areaM2 = Number.isFinite(row.areaM2) ? row.areaM2 : 0;
    table.areaM2[i] = areaM2;
    addExact(table.totals, Total.AreaM2, areaM2, 1);
    const classified = row.status !== null && Number.isFinite(row.inControlM2);
    table.isClassified[i] = classified ? 1 : 0;
    table.isOutside[i] = row.status === 'outside' ? 1 : 0;
    table.inControlM2[i] = classified ? row.inControlM2 : 0;
    if (classified) {
      addExact(table.totals, Total.ClassifiedM2, areaM2, 1);
      addExact(table.totals, Total.ClassifiedInControlM2, row.inControlM2, 1);
    } else table.unclassified++;
    table.taxWan[i] = knownOrNaN(row.properties.taxWan);
    table.floorAreaM2[i] = knownOrNaN(row.properties.floorAreaM2);
    const rent = knownOrNaN(row.properties.rentWan);
    table.rentWan[i] = rent;
    const firms = row.properties.firms;
    table.firms[i] = firms !== undefined && Number.isFinite(firms) ? firms : 0;
    if (!Number.isNaN(rent)) addExact(table.totals, Total.RentWan, rent, 1);
    let town = townIndex.get(row.town);
    if (town === undefined) {
      town = table.towns.length;
      townIndex.set(row.town, town);
      table.towns.push(row.town);
    }
    table.townOf[i] = town;
  }
  tables.set(rows, table);
  return table;
}
