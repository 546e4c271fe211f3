import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeTextFile, decodeUtf8OrGb18030, isValidUtf8 } from './decode-text.ts';

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

describe('decodeTextFile (issue 12: GeoJSON saved as UTF-16 or UTF-32)', () => {
  const text = '{"type":"FeatureCollection","name":"观海卫镇 😀"}';
  const utf16be = (value: string) => {
    const le = new Uint8Array(iconv.encode(value, 'utf16le'));
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
    return le;
  };
  const utf32 = (value: string, littleEndian: boolean) => {
    const points = [...value].map((c) => c.codePointAt(0) as number);
    const bytes = new Uint8Array(points.length * 4);
    const view = new DataView(bytes.buffer);
    points.forEach((point, i) => {
      view.setUint32(i * 4, point, littleEndian);
    });
    return bytes;
  };
  const withBom = (bom: number[], body: Uint8Array) => Uint8Array.from([...bom, ...body]);

  it.each([
    ['UTF-16LE with a BOM', withBom([0xff, 0xfe], new Uint8Array(iconv.encode(text, 'utf16le'))), 'UTF-16LE'],
    ['UTF-16LE without a BOM', new Uint8Array(iconv.encode(text, 'utf16le')), 'UTF-16LE'],
    ['UTF-16BE with a BOM', withBom([0xfe, 0xff], utf16be(text)), 'UTF-16BE'],
    ['UTF-16BE without a BOM', utf16be(text), 'UTF-16BE'],
    ['UTF-32LE with a BOM', withBom([0xff, 0xfe, 0, 0], utf32(text, true)), 'UTF-32LE'],
    ['UTF-32BE without a BOM', utf32(text, false), 'UTF-32BE'],
  ])('reads %s', (_name, bytes, encoding) => {
    expect(decodeTextFile(bytes)).toEqual({ text, encoding });
  });

  it('still reads UTF-8 and GB18030 as before', () => {
    expect(decodeTextFile(new TextEncoder().encode(text))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeTextFile(new Uint8Array(iconv.encode('{"a":"东山头村"}', 'gbk'))).encoding).toBe('GB18030');
  });
});

describe('decodeTextFile with a host UTF-8 decoder (issue 12: the command line decodes through Buffer)', () => {
  const calls: Uint8Array[] = [];
  const viaBuffer = (bytes: Uint8Array): string | null => {
    calls.push(bytes);
    return isValidUtf8(bytes) ? Buffer.from(bytes).toString('utf8') : null;
  };

  it('gives what TextDecoder gives: the byte-order mark removed, GBK still read as GB18030', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"名称":"慈溪"}')]);
    expect(decodeTextFile(withBom, viaBuffer)).toEqual(decodeTextFile(withBom));
    expect(decodeTextFile(withBom, viaBuffer).text).toBe('{"名称":"慈溪"}');
    const gbk = new Uint8Array(iconv.encode('{"名称":"慈溪"}', 'gbk'));
    expect(decodeTextFile(gbk, viaBuffer)).toEqual({ text: '{"名称":"慈溪"}', encoding: 'GB18030' });
    expect(calls).toHaveLength(3);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]);
    expect(decodeTextFile(utf16, viaBuffer)).toEqual({ text: '{}', encoding: 'UTF-16LE' });
    expect(calls).toHaveLength(3);
  });
});
