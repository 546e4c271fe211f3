/**
 * Finds where a JSON text first breaks the grammar (RFC 8259). Engines word `JSON.parse` errors
 * differently and V8 often gives no position at all, so we scan ourselves: linear, no recursion.
 */

/** Where a JSON text stops being valid. `line` and `column` are 1-based; `column` counts UTF-16 units. */
export interface JsonErrorLocation {
  /** 0-based offset of the first offending character (the text's length when it ends too early). */
  offset: number;
  line: number;
  column: number;
  /** True when the text ends in the middle of a value (a truncated file). */
  atEnd: boolean;
}

type State = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'afterValue';

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHex(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** Returns the offset after a string starting at `start` (a `"`), or `-(offset + 1)` of an error. */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -(i + 1);
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === undefined) return -(text.length + 1);
      if (next === 'u') {
        for (let k = 2; k < 6; k++) {
          if (i + k >= text.length) return -(text.length + 1);
          if (!isHex(text.charCodeAt(i + k))) return -(i + k + 1);
        }
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(next)) return -(i + 2);
      i += 2;
      continue;
    }
    i++;
  }
  return -(text.length + 1);
}

/** Returns the offset after a number starting at `start`, or `-(offset + 1)` of an error. */
function scanNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (i >= text.length) return -(i + 1);
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -(i + 1);
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(text.charCodeAt(i))) return -(i + 1);
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) return -(i + 1);
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/** Returns the offset after `true`/`false`/`null` at `start`, or `-(offset + 1)` of the first mismatch. */
function scanLiteral(text: string, start: number): number {
  const first = text[start];
  const word = first === 't' ? 'true' : first === 'f' ? 'false' : 'null';
  for (let k = 0; k < word.length; k++) {
    if (start + k >= text.length) return -(text.length + 1);
    if (text[start + k] !== word[k]) return -(start + k + 1);
  }
  return start + word.length;
}

/** The first offset at which `text` is not valid JSON, or -1 if it is valid. */
export function findJsonErrorOffset(text: string): number {
  const stack: number[] = [];
  let state: State = 'value';
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= n) return state === 'afterValue' && stack.length === 0 ? -1 : n;
    const code = text.charCodeAt(i);
    if (state === 'value' || state === 'valueOrEnd') {
      if (state === 'valueOrEnd' && code === 0x5d) {
        stack.pop();
        i++;
        state = 'afterValue';
        continue;
      }
      let end: number;
      if (code === 0x7b) {
        stack.push(code);
        i++;
        state = 'keyOrEnd';
        continue;
      }
      if (code === 0x5b) {
        stack.push(code);
        i++;
        state = 'valueOrEnd';
        continue;
      }
      if (code === 0x22) end = scanString(text, i);
      else if (code === 0x2d || isDigit(code)) end = scanNumber(text, i);
      else if (code === 0x74 || code === 0x66 || code === 0x6e) end = scanLiteral(text, i);
      else return i;
      if (end < 0) return -end - 1;
      i = end;
      state = 'afterValue';
    } else if (state === 'key' || state === 'keyOrEnd') {
      if (state === 'keyOrEnd' && code === 0x7d) {
        stack.pop();
        i++;
        state = 'afterValue';
        continue;
      }
      if (code !== 0x22) return i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      state = 'colon';
    } else if (state === 'colon') {
      if (code !== 0x3a) return i;
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (code === 0x2c) {
        i++;
        state = top === 0x7b ? 'key' : 'value';
      } else if ((code === 0x7d && top === 0x7b) || (code === 0x5d && top === 0x5b)) {
        stack.pop();
        i++;
      } else {
        return i;
      }
    }
  }
}

/** 1-based line and column of a 0-based offset; lines end at `\n` (so `\r\n` files count right). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Locates the first syntax error of a JSON text, or returns undefined if the text is valid JSON.
 * @param text the file's text, BOM already removed
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const offset = findJsonErrorOffset(text);
  if (offset < 0) return undefined;
  return { offset, ...lineAndColumn(text, offset), atEnd: offset >= text.length };
}
