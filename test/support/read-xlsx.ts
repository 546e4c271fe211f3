/**
 * Reads the cells of an XLSX workbook back (shared strings, inline strings, numbers, booleans), by
 * sheet name, each sheet as rows of cells with gaps as null. Enough to prove that an exported
 * workbook holds what was written, and to read workbooks Excel saves; no formulas, dates or styles.
 */

import { strFromU8, unzipSync } from 'fflate';
import type { Cell } from '../../src/export/table.ts';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data with XML's entities and character references resolved. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? match;
  });
}

/** The text of every <t> in `xml` (a shared string or an inline string, with rich-text runs), joined. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
    .map((m) => decodeXml(m[1] ?? ''))
    .join('');
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** 0-based column of a cell reference such as "AB12". */
function columnOf(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? 'A';
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** The workbook's sheets in order, by name, as rows of cells. */
export function readXlsx(bytes: Uint8Array): Record<string, Cell[][]> {
  const files = unzipSync(bytes);
  const text = (path: string): string | undefined => {
    const file = files[path.replace(/^\//, '')];
    return file ? strFromU8(file) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  const relations = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !relations) throw new Error('Not an XLSX workbook: xl/workbook.xml is missing.');
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
  const targets = new Map<string, string>();
  for (const [tag] of relations.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const result: Record<string, Cell[][]> = {};
  for (const [tag] of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = decodeXml(attribute(tag, 'name') ?? '');
    const sheet = text(targets.get(attribute(tag, 'r:id') ?? '') ?? '');
    if (sheet === undefined) throw new Error(`The sheet ${name} has no worksheet part.`);
    const rows: Cell[][] = [];
    for (const row of sheet.matchAll(/<row\s([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(attribute(` ${row[1]}`, 'r')) - 1;
      const cells: Cell[] = [];
      for (const cell of (row[2] ?? '').matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attributes = ` ${cell[1]}`;
        const body = cell[2] ?? '';
        const column = columnOf(attribute(attributes, 'r') ?? '');
        const type = attribute(attributes, 't');
        const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        let content: Cell = null;
        if (type === 's') content = shared[Number(value)] ?? null;
        else if (type === 'inlineStr') content = textOf(body);
        else if (type === 'str' || type === 'e') content = decodeXml(value ?? '');
        else if (type === 'b') content = value === '1' ? 'TRUE' : 'FALSE';
        else if (value !== undefined) content = Number(value);
        while (cells.length < column) cells.push(null);
        cells[column] = content;
      }
      rows[r] = cells;
    }
    result[name] = Array.from(rows, (cells) => cells ?? []);
  }
  return result;
}
