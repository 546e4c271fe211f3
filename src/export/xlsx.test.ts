import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../test/support/read-xlsx.ts';
import type { Cell } from './table.ts';
import { columnName, escapeXml, sheetName, writeXlsx } from './xlsx.ts';

describe('writeXlsx', () => {
  const plots: Cell[][] = [
    ['地块编号', '名称', '面积（亩）', '年份'],
    ['GHW-001', '东山头村 <一号> & "二号"', 12.25, 2024],
    ['GHW-002', null, 3, null],
    [],
    ['面积口径：WGS84'],
  ];

  it('writes a package Excel can open: content types first, workbook, sheets, shared strings, styles', () => {
    const files = unzipSync(writeXlsx([{ name: '地块表', rows: plots, headerRows: 1 }]));
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const types = strFromU8(files['[Content_Types].xml'] as Uint8Array);
    expect(types).toContain('PartName="/xl/worksheets/sheet1.xml"');
    expect(types).toContain('spreadsheetml.sheet.main+xml');
    // Every part is well-formed XML.
    for (const [path, bytes] of Object.entries(files)) {
      expect(() => new XMLParser().parse(strFromU8(bytes), true), path).not.toThrow();
    }
  });

  it('reads back the same rows, numbers as numbers and text as text', () => {
    const book = readXlsx(writeXlsx([{ name: '地块表', rows: plots, headerRows: 1 }]));
    expect(book.地块表).toEqual([
      ['地块编号', '名称', '面积（亩）', '年份'],
      ['GHW-001', '东山头村 <一号> & "二号"', 12.25, 2024],
      ['GHW-002', null, 3],
      [],
      ['面积口径：WGS84'],
    ]);
    const sheet = strFromU8(
      unzipSync(writeXlsx([{ name: 'a', rows: plots }]))['xl/worksheets/sheet1.xml'] as Uint8Array,
    );
    expect(sheet).toContain('<c r="C2"><v>12.25</v></c>');
  });

  it('writes text a spreadsheet would run as a formula with a leading apostrophe; numbers stay numbers', () => {
    const rows: Cell[][] = [
      ['=HYPERLINK("http://example.invalid","点击")', '-2+3', '@SUM(A1)', '+1', -12.5, '-12.5', 'GHW-001'],
    ];
    const book = readXlsx(writeXlsx([{ name: 'a', rows }]));
    expect(book.a).toEqual([
      [
        '\'=HYPERLINK("http://example.invalid","点击")',
        "'-2+3",
        "'@SUM(A1)",
        '+1',
        -12.5,
        '-12.5',
        'GHW-001',
      ],
    ]);
  });

  it('writes one sheet per table with valid, unique names', () => {
    const book = readXlsx(
      writeXlsx([
        { name: '观海卫镇', rows: [['a']] },
        { name: '观海卫镇', rows: [['b']] },
        { name: 'a/b:c', rows: [[1]] },
      ]),
    );
    expect(Object.keys(book)).toEqual(['观海卫镇', '观海卫镇 (2)', 'a_b_c']);
    expect(book['观海卫镇 (2)']).toEqual([['b']]);
  });

  it('refuses a workbook without sheets', () => {
    expect(() => writeXlsx([])).toThrow('A workbook needs at least one sheet.');
  });
});

describe('xlsx helpers', () => {
  it('names columns A…Z, AA…', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('cuts sheet names to 31 characters and keeps them unique without case', () => {
    const used = new Set<string>();
    expect(sheetName('x'.repeat(40), used)).toBe('x'.repeat(31));
    expect(sheetName('X'.repeat(40), used)).toBe(`${'X'.repeat(27)} (2)`);
    expect(sheetName('', used)).toBe('Sheet');
  });

  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml('a<b>&"c"\u0001\u000b\t')).toBe('a&lt;b&gt;&amp;&quot;c&quot;\t');
  });
});

describe('readXlsx', () => {
  it('reads inline strings, rich-text shared strings and entities as Excel writes them', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook xmlns:r="r"><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="t" Target="/xl/worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/sharedStrings.xml': strToU8(
        '<sst><si><r><t>东山</t></r><r><t xml:space="preserve">头村 </t></r></si></sst>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        '<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>&#x4E94;&lt;</t></is></c><c r="D2" s="1"><v>-1.5E-3</v></c></row></sheetData></worksheet>',
      ),
    });
    expect(readXlsx(bytes)).toEqual({ 'A & B': [[], [null, '东山头村 ', '五<', -0.0015]] });
  });
});
