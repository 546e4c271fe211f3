/**
 * The one reader of numbers typed or written as text: every numeric field of the page and the
 * number cells of imported attribute tables go through it, so that they accept the same forms.
 * Pure; the result says whether the text was a number, empty, or not a number.
 */

/** What a text reads as: a finite number, nothing (blank), or not a number. */
export type ParsedNumber = { kind: 'number'; value: number } | { kind: 'empty' } | { kind: 'invalid' };

export interface ParseNumberOptions {
  /**
   * Accept a trailing 万 (× 10,000), e.g. `1.2万` = 12,000. Only for fields whose unit is a plain
   * count or amount (亩, 元/平方米); never where the unit already holds 万 (万元/亩), where it
   * would read as 万万.
   */
  wan?: boolean;
}

/**
 * Characters a Chinese input method types in place of ASCII ones: full-width digits ０-９, the
 * full-width signs ＋ and －, the minus sign −, the full-width comma ，, and the full-width and
 * ideographic full stops ．and 。(a Chinese punctuation mode types 。 for the decimal point).
 */
const NARROW: Readonly<Record<string, string>> = {
  '\uff0b': '+',
  '\uff0d': '-',
  '\u2212': '-',
  '\uff0c': ',',
  '\uff0e': '.',
  '\u3002': '.',
};
const WIDE_CHARACTER = /[\uff10-\uff19\uff0b\uff0d\u2212\uff0c\uff0e\u3002]/g;

/**
 * Sign, whole part (plain digits, or thousands grouped by commas: 1,234,567), fraction, exponent.
 * A comma elsewhere (12,34) is refused rather than dropped: 1,5 may be a decimal comma.
 */
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

const WAN = '万';

/**
 * Reads a number typed by the planner or written in an attribute cell.
 *
 * Accepted: ASCII and full-width digits; a leading `+`, `-`, `＋`, `－` or `−`; a decimal point `.`,
 * `．` or `。`; commas `,` or `，` between groups of three digits; an exponent (`1.5e3`, as
 * spreadsheets write); spaces around (full-width ones too); with `{ wan: true }`, a trailing `万`
 * (spaces before it allowed). Not accepted: other grouping (`12,34`, `1 234`), hex, `Infinity`,
 * units other than 万. The value is the decimal text correctly rounded (`1.1万` is exactly 11000);
 * `-0` reads as 0.
 *
 * @example
 * parseNumberText('１２，３４５．６') // { kind: 'number', value: 12345.6 }
 * parseNumberText('1.2万', { wan: true }) // { kind: 'number', value: 12000 }
 * parseNumberText('  ') // { kind: 'empty' }
 * parseNumberText('12,34') // { kind: 'invalid' }
 */
export function parseNumberText(text: string, options: ParseNumberOptions = {}): ParsedNumber {
  let narrow = text.replace(WIDE_CHARACTER, toNarrow).trim();
  if (narrow === '') return { kind: 'empty' };
  let shift = 0;
  if (options.wan && narrow.endsWith(WAN)) {
    narrow = narrow.slice(0, -WAN.length).trimEnd();
    shift = 4;
  }
  const match = NUMBER.exec(narrow);
  if (!match) return { kind: 'invalid' };
  const [, sign = '', whole = '', fraction, exponent] = match;
  if (whole === '' && (fraction === undefined || fraction === '')) return { kind: 'invalid' };
  // The exponent carries 万, so the decimal text is rounded once (1.1 × 10000 in floats is 11000.000000000002).
  const power = Number(exponent ?? 0) + shift;
  const value = Number(`${sign}${whole.replace(/,/g, '') || '0'}.${fraction ?? ''}0e${power}`);
  if (!Number.isFinite(value)) return { kind: 'invalid' };
  return { kind: 'number', value: value === 0 ? 0 : value };
}

function toNarrow(char: string): string {
  return NARROW[char] ?? String.fromCharCode(char.charCodeAt(0) - 0xfee0);
}
