import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberText } from './parse-number-text.ts';

/** `text` as a Chinese input method in full-width mode types it. */
function toFullWidth(text: string): string {
  return text.replace(/[0-9+\-,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe('parseNumberText', () => {
  it.each([
    ['12.5', 12.5],
    ['１２３', 123],
    ['１．５', 1.5],
    ['－５', -5],
    ['−5', -5],
    ['＋５', 5],
    ['１２，３４５．６', 12345.6],
    ['1,234,567.8', 1234567.8],
    ['3。5', 3.5],
    ['  42\u3000', 42],
    ['.5', 0.5],
    ['5.', 5],
    ['1.5e3', 1500],
    ['-0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberText(text)).toEqual({ kind: 'number', value });
  });

  it.each(['', '   ', '\u3000'])('reads %j as empty', (text) => {
    expect(parseNumberText(text)).toEqual({ kind: 'empty' });
  });

  it.each([
    'abc',
    '12,34',
    '1,5',
    '1 234',
    '0x10',
    'Infinity',
    '1e999',
    '1.2.3',
    '-',
    '.',
    '- 5',
    '12万',
    '5亩',
  ])('refuses %j', (text) => {
    expect(parseNumberText(text)).toEqual({ kind: 'invalid' });
  });

  it.each([
    ['1.2万', 12_000],
    ['１．１万', 11_000],
    ['3 万', 30_000],
    ['-0.5万', -5_000],
    ['2,500万', 25_000_000],
  ])('reads %j as %d where 万 is allowed', (text, value) => {
    expect(parseNumberText(text, { wan: true })).toEqual({ kind: 'number', value });
  });

  it('refuses 万 alone, 万 twice and 万 before the number', () => {
    for (const text of ['万', '1万万', '万1'])
      expect(parseNumberText(text, { wan: true })).toEqual({ kind: 'invalid' });
  });

  it('reads back every finite number as JavaScript writes it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const parsed = parseNumberText(String(value));
        expect(parsed).toEqual({ kind: 'number', value: value === 0 ? 0 : value });
      }),
    );
  });

  it('reads full-width text as its ASCII form', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]?[0-9,]{0,9}(\.[0-9]{0,4})?$/), (text) => {
        expect(parseNumberText(toFullWidth(text))).toEqual(parseNumberText(text));
      }),
    );
  });

  it('reads integers grouped by thousands, with either comma, as the integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(',', '，'), (value, comma) => {
        const grouped = value.toLocaleString('en-US').replace(/,/g, comma);
        expect(parseNumberText(grouped)).toEqual({ kind: 'number', value: value === 0 ? 0 : value });
      }),
    );
  });

  it('reads n万 as the decimal n × 10,000 exactly, and refuses 万 unless allowed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 9999 }),
        (whole, fraction) => {
          const text = `${whole}.${String(fraction).padStart(4, '0')}`;
          expect(parseNumberText(`${text}万`, { wan: true })).toEqual({
            kind: 'number',
            value: whole * 10_000 + fraction,
          });
          expect(parseNumberText(`${text}万`)).toEqual({ kind: 'invalid' });
        },
      ),
    );
  });

  it('never throws, ignores spaces around, and gives a finite number or empty or invalid', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('', ' ', '\u3000', '\t'), (text, space) => {
        const parsed = parseNumberText(text, { wan: true });
        expect(parseNumberText(`${space}${text}${space}`, { wan: true })).toEqual(parsed);
        if (parsed.kind === 'number') expect(Number.isFinite(parsed.value)).toBe(true);
        else expect(['empty', 'invalid']).toContain(parsed.kind);
      }),
    );
  });
});
