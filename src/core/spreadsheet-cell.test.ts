import { describe, expect, it } from 'vitest';
import { isFormulaLike, neutraliseFormula } from './spreadsheet-cell.ts';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://example.invalid","点击")', '\'=HYPERLINK("http://example.invalid","点击")'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
  ])('prefixes %j with an apostrophe', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
    expect(isFormulaLike(text)).toBe(true);
  });

  it.each(['-12.5', '+3', '-1e-3', '-.5', '东山头村', 'GHW-001', "'=already", ' =1', ''])(
    'leaves %j as it is',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
      expect(isFormulaLike(text)).toBe(false);
    },
  );
});
