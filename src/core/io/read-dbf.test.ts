import { describe, expect, it } from 'vitest';
import { type DbfFieldSpec, gbk, writeDbf } from '../../../scripts/make-import-fixtures.ts';
import { encodingFromCpg, encodingFromLdid, readDbf } from './read-dbf.ts';

// Field names of at most 3 Chinese characters fit the 10 bytes of a dBASE name in UTF-8 as well.
const FIELDS: DbfFieldSpec[] = [
  { name: '编号', type: 'C', length: 20 },
  { name: '名称', type: 'C', length: 40 },
  { name: '税收', type: 'N', length: 12, decimals: 2 },
  { name: '隐患', type: 'L', length: 1 },
  { name: '日期', type: 'D', length: 8 },
];

const RECORDS = [
  { 编号: 'P-1', 名称: '慈溪市欣荣电器有限公司', 税收: 58.3, 隐患: true, 日期: '2024-03-15' },
  { 编号: 'P-2', 名称: '东山头村工业集聚点', 税收: null, 隐患: false, 日期: null },
  { 编号: 'P-3', 名称: '五里村', 税收: 0, 隐患: null, 日期: '2023-12-01' },
];

const utf8 = (text: string) => new TextEncoder().encode(text);

function table(result: ReturnType<typeof readDbf>) {
  if (!result.ok) throw new Error(result.problems[0]?.message.en);
  return result;
}

describe('readDbf', () => {
  it('reads GBK text with a .cpg saying GBK, and says so', () => {
    const bytes = writeDbf(FIELDS, RECORDS, { encode: gbk, ldid: 0x57 });
    const result = table(readDbf(bytes, 'a.dbf', { cpg: 'GBK\r\n' }));
    expect(result.encoding).toEqual({ name: 'GBK', source: 'cpg' });
    expect(result.fields.map((f) => f.name)).toEqual(['编号', '名称', '税收', '隐患', '日期']);
    expect(result.records[0]).toEqual({
      编号: 'P-1',
      名称: '慈溪市欣荣电器有限公司',
      税收: 58.3,
      隐患: true,
      日期: '2024-03-15',
    });
    expect(result.records[1]).toEqual({
      编号: 'P-2',
      名称: '东山头村工业集聚点',
      税收: null,
      隐患: false,
      日期: null,
    });
    expect(result.records[2]?.税收).toBe(0);
    expect(result.records[2]?.隐患).toBeNull();
    expect(result.problems).toEqual([]);
  });

  it('reads GBK text from the language driver 0x4D when there is no .cpg', () => {
    const result = table(readDbf(writeDbf(FIELDS, RECORDS, { encode: gbk, ldid: 0x4d }), 'a.dbf'));
    expect(result.encoding).toEqual({ name: 'GBK', source: 'ldid' });
    expect(result.records[1]?.名称).toBe('东山头村工业集聚点');
  });

  it('detects GBK (read as GB18030) with neither .cpg nor a code-page byte', () => {
    const result = table(readDbf(writeDbf(FIELDS, RECORDS, { encode: gbk, ldid: 0 }), 'a.dbf'));
    expect(result.encoding).toEqual({ name: 'GB18030', source: 'detected' });
    expect(result.fields[0]?.name).toBe('编号');
    expect(result.records[0]?.名称).toBe('慈溪市欣荣电器有限公司');
  });

  it('detects UTF-8 when every text field is valid UTF-8, whatever the ANSI byte says', () => {
    const result = table(readDbf(writeDbf(FIELDS, RECORDS, { encode: utf8, ldid: 0x57 }), 'a.dbf'));
    expect(result.encoding).toEqual({ name: 'UTF-8', source: 'detected' });
    expect(result.records[2]?.名称).toBe('五里村');
  });

  it('keeps UTF-8 when a full-width field cuts the last character in two', () => {
    const fields: DbfFieldSpec[] = [{ name: 'NAME', type: 'C', length: 8 }];
    // 7 bytes of two characters and the first byte of 村 (E6 9D 91): the writer truncated it.
    const bytes = writeDbf(fields, [{ NAME: '五里' }], { encode: utf8 });
    bytes[bytes.length - 3] = 0xe6;
    bytes[bytes.length - 2] = 0x9d;
    const result = table(readDbf(bytes, 'a.dbf'));
    expect(result.encoding.name).toBe('UTF-8');
    expect(String(result.records[0]?.NAME).startsWith('五里')).toBe(true);
  });

  it('trusts the .cpg over the language driver, and falls back with a warning on an unknown .cpg', () => {
    const bytes = writeDbf(FIELDS, RECORDS, { encode: utf8, ldid: 0x4d });
    expect(table(readDbf(bytes, 'a.dbf', { cpg: 'UTF-8' })).encoding).toEqual({
      name: 'UTF-8',
      source: 'cpg',
    });
    const unknown = table(readDbf(bytes, 'a.dbf', { cpg: 'KLINGON' }));
    expect(unknown.encoding).toEqual({ name: 'GBK', source: 'ldid' });
    expect(unknown.problems.map((p) => p.code)).toEqual(['unknown-encoding']);
    expect(unknown.problems[0]?.message.zh).toContain('a.dbf');
  });

  it('skips deleted records and keeps their positions', () => {
    const bytes = writeDbf(FIELDS, RECORDS, { encode: gbk, ldid: 0x4d, deleted: new Set([1]) });
    const result = table(readDbf(bytes, 'a.dbf'));
    expect(result.records.map((r) => r.编号)).toEqual(['P-1', 'P-3']);
    expect(result.recordIndices).toEqual([0, 2]);
    expect(result.recordCount).toBe(3);
  });

  it('reads numbers as numbers, long integer codes as text, and keeps unreadable numbers as text', () => {
    const fields: DbfFieldSpec[] = [
      { name: 'CODE', type: 'N', length: 22 },
      { name: 'AREA', type: 'N', length: 10, decimals: 3 },
    ];
    const bytes = writeDbf(fields, [{ CODE: 1, AREA: 1.5 }], {});
    const text = new TextEncoder();
    // Overwrite the cells: a 21-digit code and a comma decimal.
    const start = bytes.length - 1 - 33;
    bytes.set(text.encode('330282107208001234567'.padStart(22)), start + 1);
    bytes.set(text.encode('     12,5'.padStart(10)), start + 23);
    const result = table(readDbf(bytes, 'a.dbf'));
    expect(result.records[0]).toEqual({ CODE: '330282107208001234567', AREA: '12,5' });
  });

  it('makes duplicate and empty field names unique', () => {
    const fields: DbfFieldSpec[] = [
      { name: 'NAME', type: 'C', length: 4 },
      { name: 'NAME', type: 'C', length: 4 },
      { name: '', type: 'C', length: 4 },
    ];
    const result = table(readDbf(writeDbf(fields, [{ NAME: 'a' }]), 'a.dbf'));
    expect(result.fields.map((f) => f.name)).toEqual(['NAME', 'NAME_2', 'FIELD_3']);
  });

  it('reports a truncated table with the counts, and reads the complete records', () => {
    const bytes = writeDbf(FIELDS, RECORDS, { encode: gbk, ldid: 0x4d });
    const result = table(readDbf(bytes.subarray(0, bytes.length - 50), '地块.dbf'));
    expect(result.records).toHaveLength(2);
    expect(result.problems[0]?.code).toBe('truncated-dbf');
    expect(result.problems[0]?.message.zh).toContain('地块.dbf');
    expect(result.problems[0]?.message.zh).toContain('3 条记录');
  });

  it('rejects bytes that are not a table, naming the file', () => {
    const result = readDbf(new Uint8Array(20), 'x.dbf');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('not-a-dbf');
    expect(result.problems[0]?.message.en).toContain('x.dbf');
    const damaged = writeDbf(FIELDS, RECORDS);
    damaged[10] = 3; // record length smaller than the fields
    damaged[11] = 0;
    expect(readDbf(damaged, 'y.dbf').ok).toBe(false);
  });

  it('warns once per field of an unsupported type and reads it as empty', () => {
    const bytes = writeDbf([{ name: 'MEMO', type: 'C', length: 10 }], [{ MEMO: '0000000001' }]);
    bytes[32 + 11] = 'M'.charCodeAt(0);
    const result = table(readDbf(bytes, 'a.dbf'));
    expect(result.records[0]).toEqual({ MEMO: null });
    expect(result.problems.map((p) => p.code)).toEqual(['unsupported-dbf-field']);
  });
});

describe('encodingFromCpg', () => {
  it.each([
    ['UTF-8', 'UTF-8'],
    ['utf8', 'UTF-8'],
    ['65001', 'UTF-8'],
    ['GBK', 'GBK'],
    ['936', 'GBK'],
    ['CP936', 'GBK'],
    ['ANSI 936', 'GBK'],
    ['GB2312', 'GBK'],
    [' gb18030 \n', 'GB18030'],
    ['\uFEFFGBK', 'GBK'],
    ['Big5', 'Big5'],
  ])('reads %j as %s', (cpg, name) => {
    expect(encodingFromCpg(cpg)?.name).toBe(name);
  });

  it('returns null for text no decoder knows, and for an empty file', () => {
    expect(encodingFromCpg('KLINGON')).toBeNull();
    expect(encodingFromCpg('  ')).toBeNull();
  });
});

describe('encodingFromLdid', () => {
  it('names GBK for 0x4D and 0x7A and leaves the ambiguous bytes to detection', () => {
    expect(encodingFromLdid(0x4d)?.name).toBe('GBK');
    expect(encodingFromLdid(0x7a)?.name).toBe('GBK');
    expect(encodingFromLdid(0x00)).toBeNull();
    expect(encodingFromLdid(0x57)).toBeNull();
    expect(encodingFromLdid(0x03)).toBeNull();
  });
});
