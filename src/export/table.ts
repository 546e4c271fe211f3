/**
 * A table as the exports write it: a header row, data rows and notes (the area method, the plan, the
 * scenario and the date) printed under the table. CSV and XLSX hold exactly the same rows.
 */

/** One cell: text, a number (written as a number), or empty (a missing figure, never 0). */
export type Cell = string | number | null;

export interface Table {
  /** The sheet's name in a workbook (a town, 地块表 …). */
  name: string;
  header: string[];
  rows: Cell[][];
  /** Lines printed under the table, after an empty row. */
  notes: string[];
}

/** Every row of `table` in the order it is written: header, data, an empty row, one row per note. */
export function tableRows(table: Table): Cell[][] {
  const rows: Cell[][] = [table.header, ...table.rows];
  if (table.notes.length > 0) rows.push([], ...table.notes.map((note) => [note]));
  return rows;
}

/** `value` rounded to `digits` decimals; null for a missing or non-finite figure. */
export function roundTo(value: number | null | undefined, digits: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  // -0 would be written as "-0" by some readers.
  return rounded === 0 ? 0 : rounded;
}
