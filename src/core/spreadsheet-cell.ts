/**
 * Text that a spreadsheet would run as a formula, made inert (OWASP "CSV injection"): a cell that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe. Shared by
 * the page's CSV and XLSX exports and the command line's CSV, with the CSV quoting (RFC 4180).
 */

/** What Excel, LibreOffice and Google Sheets read as the start of a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A plain decimal number written as text (`-12.5`, `+3`, `-1e-3`): it runs nothing, and a spreadsheet
 * reads it as the same number with or without an apostrophe, so it is left as it is.
 */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether `text` would begin a formula in a spreadsheet (and so needs {@link neutraliseFormula}). */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * `text` as a spreadsheet cell that cannot run: with a leading `'` when it begins with `=`, `+`, `-`,
 * `@`, tab or CR, unless it is a plain number such as `-12.5` (left unchanged).
 *
 * @example neutraliseFormula('=HYPERLINK("http://x","y")') // → `'=HYPERLINK("http://x","y")`
 * @example neutraliseFormula('-12.5') // → '-12.5'
 */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * `text` as one CSV field: neutralised as {@link neutraliseFormula} does, and quoted (quotes doubled)
 * when it was neutralised or holds a comma, a quote, a line break or leading/trailing space.
 *
 * @example csvText('=1+1') // → `"'=1+1"`
 * @example csvText('a,b') // → '"a,b"'
 */
export function csvText(text: string): string {
  const formula = isFormulaLike(text);
  const cell = formula ? `'${text}` : text;
  return formula || /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
