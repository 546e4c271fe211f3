import { describe, expect, it } from 'vitest';
import { csvBytes, csvField, toCsv } from './csv.ts';

describe('csvField', () => {
  it('writes numbers as they are and missing figures as empty', () => {
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces (RFC 4180), doubling quotes', () => {
    expect(csvField('观海卫镇')).toBe('观海卫镇');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('keeps Excel from running imported text as a formula', () => {
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('-5')).toBe('-5');
  });

  it('neutralises every formula start OWASP lists (=, +, -, @, tab, CR) and quotes the cell', () => {
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe("\"'-2+3+cmd|' /C calc'!A0\"");
    expect(csvField('=HYPERLINK("http://example.invalid","x")')).toBe(
      '"\'=HYPERLINK(""http://example.invalid"",""x"")"',
    );
    expect(csvField('\t=1')).toBe('"\'\t=1"');
    expect(csvField('+1')).toBe('+1');
    expect(csvField(-12.5)).toBe('-12.5');
  });
});

describe('csvBytes', () => {
  const rows = [
    ['地块编号', '名称', '面积（亩）'],
    ['GHW-001', '东山头村, "一号"', 12.25],
    ['GHW-002', null, 3],
  ];

  it('starts with the UTF-8 byte order mark', () => {
    expect([...csvBytes(rows).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('ends every line with CRLF and decodes back to the same text', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes(rows));
    expect(text).toBe(
      '\uFEFF地块编号,名称,面积（亩）\r\nGHW-001,"东山头村, ""一号""",12.25\r\nGHW-002,,3\r\n',
    );
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(toCsv([[]])).toBe('\r\n');
  });
});
