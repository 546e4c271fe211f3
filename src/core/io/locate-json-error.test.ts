import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonErrorOffset, lineAndColumn, locateJsonError } from './locate-json-error.ts';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('locateJsonError', () => {
  it.each([
    ['{"a": }', 6],
    ['{"a":1', 6],
    ['[1,2,,]', 5],
    ['{\n  "a": 1,\n  x\n}', 14],
    ['"abc', 4],
    ['nul', 3],
    ['{"a":1}}', 7],
    ['[01]', 2],
    ['["\\x"]', 3],
    ['[1.]', 3],
    ['{"a" 1}', 5],
  ])('finds the first bad character of %j at %i', (text, offset) => {
    expect(findJsonErrorOffset(text)).toBe(offset);
  });

  it('gives 1-based line and column, counting \\r\\n as one line end', () => {
    expect(lineAndColumn('ab\r\ncd\r\nef', 9)).toEqual({ line: 3, column: 2 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(locateJsonError('{\n  "a": 1,\n  x\n}')).toEqual({ offset: 14, line: 3, column: 3, atEnd: false });
    expect(locateJsonError('[1, 2')).toEqual({ offset: 5, line: 1, column: 6, atEnd: true });
  });

  it('agrees with JSON.parse on what is valid', () => {
    const nearlyJson = fc
      .tuple(fc.json(), fc.nat(), fc.string({ maxLength: 2 }))
      .map(([text, at, insert]) => {
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), nearlyJson), (text) => {
        expect(findJsonErrorOffset(text) === -1).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports a truncated valid document as ending early, never as an error before the cut', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (text, at) => {
        const prefix = text.slice(0, at % (text.length + 1)).trimEnd();
        const location = locateJsonError(prefix);
        if (location === undefined) return;
        expect(location.offset).toBe(prefix.length);
        expect(location.atEnd).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
