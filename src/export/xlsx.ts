/**
 * A minimal XLSX writer (Office Open XML SpreadsheetML, ECMA-376): a zip (fflate) of the content
 * types, the workbook, one worksheet per sheet, shared strings and a small style sheet (bold header
 * row). Numbers are written as numbers, text as shared strings (with a leading apostrophe where it
 * would begin a formula: core/spreadsheet-cell.ts), empty cells are left out. Loaded
 * with a dynamic import when a workbook is first exported.
 */

import { strToU8, zipSync } from 'fflate';
import { neutraliseFormula } from '../core/spreadsheet-cell.ts';
import type { Cell } from './table.ts';

export interface Sheet {
  name: string;
  rows: readonly (readonly Cell[])[];
  /** Rows at the top drawn bold and kept in view when scrolling (the header). */
  headerRows?: number;
  /** Column widths in characters. */
  widths?: readonly number[];
}

/** Excel's limit on a sheet name. */
const SHEET_NAME_MAX = 31;

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * A name Excel accepts for a sheet: without []:*?/\, not empty, at most 31 characters, and unlike
 * every name in `used` (compared without case, as Excel does); the name is added to `used`.
 */
export function sheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  let candidate = base.slice(0, SHEET_NAME_MAX);
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Whether XML 1.0 allows the character with this UTF-16 code unit (tab, LF, CR, U+0020 up, not U+FFFE/F). */
function isXmlCharacter(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

/** Text for XML character data and attributes; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  let allowed = '';
  for (const char of text) if (isXmlCharacter(char.charCodeAt(0))) allowed += char;
  return allowed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;

  add(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list
      .map((text) => {
        const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
        return `<si><t${space}>${escapeXml(text)}</t></si>`;
      })
      .join('');
    return `${XML_HEADER}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function worksheetXml(sheet: Sheet, strings: SharedStrings): string {
  const headerRows = sheet.headerRows ?? 0;
  const rows: string[] = [];
  let lastColumn = 0;
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    const style = r < headerRows ? ' s="1"' : '';
    row.forEach((value, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return;
        cells.push(`<c r="${ref}"${style}><v>${value}</v></c>`);
      } else if (typeof value === 'string' && value !== '') {
        cells.push(`<c r="${ref}"${style} t="s"><v>${strings.add(neutraliseFormula(value))}</v></c>`);
      } else return;
      lastColumn = Math.max(lastColumn, c);
    });
    if (cells.length > 0) rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const dimension = rows.length > 0 ? `A1:${columnName(lastColumn)}${sheet.rows.length}` : 'A1';
  const pane =
    headerRows > 0
      ? `<pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/>`
      : '';
  const cols =
    sheet.widths && sheet.widths.length > 0
      ? `<cols>${sheet.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`
      : '';
  return (
    `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join('')}</sheetData></worksheet>`
  );
}

const STYLES_XML =
  `${XML_HEADER}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The sheets as the bytes of an .xlsx file. Sheet names are made valid and unique. */
export function writeXlsx(sheets: readonly Sheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('A workbook needs at least one sheet.');
  const strings = new SharedStrings();
  const used = new Set<string>();
  const names = sheets.map((sheet) => sheetName(sheet.name, used));
  // [Content_Types].xml first: some readers look for it at the start of the archive.
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': new Uint8Array() };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheetXml(sheet, strings));
  });
  const sheetOverrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  files['[Content_Types].xml'] = strToU8(
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheetOverrides +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  files['_rels/.rels'] = strToU8(
    `${XML_HEADER}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
      names
        .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('') +
      '</sheets></workbook>',
  );
  const n = sheets.length;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_HEADER}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      '</Relationships>',
  );
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  files['xl/styles.xml'] = strToU8(STYLES_XML);
  return zipSync(files, { level: 6 });
}
