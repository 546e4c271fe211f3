import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeUtf8OrGb18030, isValidUtf8 } from './decode-text.ts';

describe('isValidUtf8', () => {
  it('accepts UTF-8 and rejects GBK, overlong forms and surrogates', () => {
    expect(isValidUtf8(new TextEncoder().encode('观海卫镇 😀 abc'))).toBe(true);
    expect(isValidUtf8(new Uint8Array(iconv.encode('观海卫镇', 'gbk')))).toBe(false);
    expect(isValidUtf8(Uint8Array.from([0xc0, 0x80]))).toBe(false);
    expect(isValidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(false);
    expect(isValidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(false);
  });

  it('accepts a sequence cut at the very end only when asked to', () => {
    const cut = new TextEncoder().encode('五里村').subarray(0, 8);
    expect(isValidUtf8(cut)).toBe(false);
    expect(isValidUtf8(cut, true)).toBe(true);
  });
});

describe('decodeUtf8OrGb18030', () => {
  it('decodes UTF-8 (dropping a BOM) and falls back to GB18030', () => {
    expect(decodeUtf8OrGb18030(new TextEncoder().encode('\uFEFF五里村'))).toEqual({
      text: '五里村',
      encoding: 'UTF-8',
    });
    expect(decodeUtf8OrGb18030(new Uint8Array(iconv.encode('东山头村', 'gbk')))).toEqual({
      text: '东山头村',
      encoding: 'GB18030',
    });
  });
});
