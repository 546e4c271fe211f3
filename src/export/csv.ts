/**
 * CSV for Excel on Chinese Windows: UTF-8 with a byte order mark (without it Excel reads the file as
 * GBK and shows mojibake), CRLF line ends and RFC 4180 quoting.
 */

import { csvText } from '../core/spreadsheet-cell.ts';
import type { Cell } from './table.ts';

const BOM = '\uFEFF';

/**
 * One field: numbers as they are, text quoted when it holds a comma, a quote, a line break or
 * leading/trailing space (quotes doubled). Text that Excel would run as a formula (=, +, -, @, tab,
 * CR first; not a plain number such as -12.5) gets a leading apostrophe and quotes, so that an
 * imported plot name cannot execute anything (see core/spreadsheet-cell.ts).
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return csvText(value);
}

/** The rows as CSV text (no BOM), each line ended by CRLF. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** The rows as the bytes of a .csv file: BOM + UTF-8. */
export function csvBytes(rows: readonly (readonly Cell[])[]): Uint8Array {
  return new TextEncoder().encode(BOM + toCsv(rows));
}
