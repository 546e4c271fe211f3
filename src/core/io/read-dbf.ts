/**
 * Reads the attribute table (.dbf, dBASE III/IV) of a shapefile. Text is decoded in the encoding of
 * the `.cpg` file, else of the language-driver byte, else UTF-8 when valid and GB18030 otherwise;
 * the result says which and how it was found. Never throws: damage is reported as problems.
 */
import type { Message, Problem } from '../types.ts';
import { isAscii, isValidUtf8 } from './decode-text.ts';

/** How the text encoding of a table was found. */
export type EncodingSource = 'cpg' | 'ldid' | 'detected';

/** The text encoding used for a table, for "属性编码：GBK（来自 .cpg 文件）". */
export interface TextEncodingUsed {
  /** Display name: `GBK`, `UTF-8`, `GB18030`, `Big5`, … */
  name: string;
  source: EncodingSource;
}

/** A TextDecoder label and the name shown to the user. */
export interface KnownEncoding {
  label: string;
  name: string;
}

/** One column of a dBASE table. */
export interface DbfField {
  name: string;
  /** dBASE type letter: C text, N/F number, L logical, D date, I integer; others are not read. */
  type: string;
  /** Width in bytes. */
  length: number;
  decimals: number;
}

/** A table read from a .dbf. */
export interface DbfTable {
  ok: true;
  fields: DbfField[];
  /** Records not marked deleted, in file order; keys are the field names. */
  records: Record<string, unknown>[];
  /** For each record, its 0-based position in the file (deleted records leave gaps). */
  recordIndices: number[];
  /** Records the header announces, deleted ones included. */
  recordCount: number;
  encoding: TextEncodingUsed;
  problems: Problem[];
}

/** Result of {@link readDbf}. */
export type ReadDbfResult = DbfTable | { ok: false; problems: Problem[] };

const GBK: KnownEncoding = { label: 'gbk', name: 'GBK' };
const GB18030: KnownEncoding = { label: 'gb18030', name: 'GB18030' };
const UTF8: KnownEncoding = { label: 'utf-8', name: 'UTF-8' };
const BIG5: KnownEncoding = { label: 'big5', name: 'Big5' };

/** `.cpg` contents (upper case, without an `ANSI`/`CP` prefix) → encoding. */
const CPG_NAMES: ReadonlyMap<string, KnownEncoding> = new Map([
  ['UTF-8', UTF8],
  ['UTF8', UTF8],
  ['65001', UTF8],
  ['936', GBK],
  ['GBK', GBK],
  ['GB2312', GBK],
  ['GB_2312-80', GBK],
  ['EUC-CN', GBK],
  ['MS936', GBK],
  ['WINDOWS-936', GBK],
  ['X-GBK', GBK],
  ['GB18030', GB18030],
  ['54936', GB18030],
  ['950', BIG5],
  ['BIG5', BIG5],
  ['1252', { label: 'windows-1252', name: 'Windows-1252' }],
  ['WINDOWS-1252', { label: 'windows-1252', name: 'Windows-1252' }],
  ['ISO-8859-1', { label: 'windows-1252', name: 'ISO-8859-1' }],
  ['88591', { label: 'windows-1252', name: 'ISO-8859-1' }],
  ['8859_1', { label: 'windows-1252', name: 'ISO-8859-1' }],
]);

/**
 * Language-driver ids (byte 29) that name an East Asian code page. The others (0x00 none,
 * 0x57 "the system's ANSI code page", 0x03/0x58 Western) are defaults of the writing software more
 * often than statements about the text, and Chinese data is written under them every day, so they
 * are left to detection.
 */
const LDID_ENCODINGS: ReadonlyMap<number, KnownEncoding> = new Map([
  [0x4d, GBK],
  [0x7a, GBK],
  [0x78, BIG5],
  [0x7b, { label: 'shift_jis', name: 'Shift_JIS' }],
  [0x13, { label: 'shift_jis', name: 'Shift_JIS' }],
  [0x79, { label: 'euc-kr', name: 'EUC-KR' }],
]);

/**
 * The encoding a `.cpg` file names: `UTF-8`, `GBK`, `936`, `CP936`, `GB2312`, `GB18030`, `ANSI 936`,
 * `65001`, … (case and surrounding blanks ignored), or any label TextDecoder knows; null otherwise.
 * @param cpg the text of the `.cpg` file
 */
export function encodingFromCpg(cpg: string): KnownEncoding | null {
  const key = cpg
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase()
    .replace(/^(ANSI|CP|WINDOWS|MS)[\s_-]*(?=\d+$)/, '');
  if (key === '') return null;
  const known = CPG_NAMES.get(key);
  if (known) return known;
  try {
    const decoder = new TextDecoder(key.toLowerCase());
    return { label: decoder.encoding, name: key };
  } catch {
    return null;
  }
}

/**
 * The encoding a dBASE language-driver id states, for the East Asian code pages only
 * (0x4D and 0x7A → GBK, 0x78 → Big5, …); null for the rest, which are left to detection.
 * @param ldid byte 29 of the .dbf header
 */
export function encodingFromLdid(ldid: number): KnownEncoding | null {
  return LDID_ENCODINGS.get(ldid) ?? null;
}

interface RawField extends DbfField {
  nameBytes: Uint8Array;
  offset: number;
}

function fileError(code: string, message: Message): Problem {
  return { code, severity: 'error', featureIndex: -1, message };
}

function readFields(bytes: Uint8Array, headerLength: number): RawField[] {
  const fields: RawField[] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    let end = at;
    while (end < at + 11 && bytes[end] !== 0) end++;
    const type = String.fromCharCode(bytes[at + 11] as number).toUpperCase();
    let length = bytes[at + 16] as number;
    let decimals = bytes[at + 17] as number;
    // Clipper and FoxPro store text widths above 255 with the decimals byte as the high byte.
    if (type === 'C') {
      length += decimals * 256;
      decimals = 0;
    }
    fields.push({ name: '', nameBytes: bytes.subarray(at, end), type, length, decimals, offset });
    offset += length;
  }
  return fields;
}

/** Chooses the encoding: `.cpg`, then the language driver, then UTF-8 if valid, else GB18030. */
function chooseEncoding(
  cpg: string | undefined,
  ldid: number,
  textBytes: () => Iterable<[Uint8Array, boolean]>,
  problems: Problem[],
  fileName: string,
): { encoding: KnownEncoding; source: EncodingSource } {
  if (cpg !== undefined) {
    const fromCpg = encodingFromCpg(cpg);
    if (fromCpg) return { encoding: fromCpg, source: 'cpg' };
    const shown = cpg.trim().slice(0, 40);
    problems.push({
      code: 'unknown-encoding',
      severity: 'warning',
      featureIndex: -1,
      message: {
        zh: `文件 ${fileName} 的 .cpg 写的编码「${shown}」无法识别，已自动判断编码；如属性文字乱码，请把 .cpg 改为 GBK 或 UTF-8`,
        en: `File ${fileName}: the .cpg names an unknown encoding "${shown}", so the encoding was detected; if the attribute text is garbled, set the .cpg to GBK or UTF-8.`,
      },
    });
  }
  const fromLdid = encodingFromLdid(ldid);
  if (fromLdid) return { encoding: fromLdid, source: 'ldid' };
  for (const [text, fillsField] of textBytes()) {
    if (!isAscii(text) && !isValidUtf8(text, fillsField)) return { encoding: GB18030, source: 'detected' };
  }
  return { encoding: UTF8, source: 'detected' };
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function readNumber(text: string, decimals: number): unknown {
  const trimmed = text.trim();
  if (trimmed === '' || /^[*.]+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return trimmed;
  // Long codes stored as numbers (e.g. 330282107208001234567) would lose digits as doubles.
  if (decimals === 0 && !Number.isSafeInteger(value) && /^[+-]?\d+$/.test(trimmed)) return trimmed;
  return value;
}

function readLogical(text: string): boolean | null {
  const letter = text.trim().toUpperCase();
  if (letter === 'T' || letter === 'Y') return true;
  if (letter === 'F' || letter === 'N') return false;
  return null;
}

function readDate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /^0+$/.test(trimmed)) return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : trimmed;
}

/** Field names made unique and non-empty (`名称`, `名称_2`, `FIELD_3`). */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, index) => {
    const base = raw.trim() === '' ? `FIELD_${index + 1}` : raw.trim();
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    return name;
  });
}

/**
 * Reads a dBASE III/IV table (the `.dbf` of a shapefile).
 *
 * Types C (text), N and F (numbers; blank → null, a value that is not a number stays text so the
 * import can report it), L (true/false/null), D (`YYYY-MM-DD`) and I (32-bit integer) are read;
 * other types are null with one `unsupported-dbf-field` warning each. Records marked deleted are
 * skipped (`recordIndices` keeps the pairing with the shapes). Text encoding: the `.cpg`'s, else the
 * language driver's (GBK for 0x4D/0x7A), else UTF-8 when every text field and field name is valid
 * UTF-8, else GB18030.
 *
 * @param bytes the .dbf file
 * @param fileName named in every message, e.g. `plots.zip › 地块.dbf`
 * @param options `cpg`: the text of the `.cpg` beside the table, when there is one
 * @returns the table or `ok: false` with `not-a-dbf`; a table may carry `truncated-dbf`,
 *   `unknown-encoding` and `unsupported-dbf-field` problems
 */
export function readDbf(bytes: Uint8Array, fileName: string, options: { cpg?: string } = {}): ReadDbfResult {
  const notDbf = (detail: Message): ReadDbfResult => ({
    ok: false,
    problems: [
      fileError('not-a-dbf', {
        zh: `文件 ${fileName} 不是有效的 dBASE 属性表（${detail.zh}）；请从 GIS 软件重新导出 Shapefile`,
        en: `File ${fileName} is not a valid dBASE table (${detail.en}); export the shapefile again from GIS software.`,
      }),
    ],
  });
  if (bytes.length < 33) return notDbf({ zh: '文件太短', en: 'the file is too short' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const ldid = bytes[29] as number;
  if (((bytes[0] as number) & 0x07) === 4)
    return notDbf({ zh: '这是 dBASE 7 格式，请另存为 dBASE IV', en: 'it is dBASE 7; save it as dBASE IV' });
  if (headerLength < 33 || headerLength > bytes.length || recordLength < 1)
    return notDbf({ zh: '文件头损坏', en: 'the header is damaged' });
  const rawFields = readFields(bytes, headerLength);
  const fieldBytes = rawFields.reduce((sum, field) => sum + field.length, 1);
  if (fieldBytes > recordLength)
    return notDbf({
      zh: `字段总宽 ${fieldBytes} 字节超过记录长度 ${recordLength} 字节`,
      en: `the fields take ${fieldBytes} bytes, more than the record length of ${recordLength}`,
    });

  const problems: Problem[] = [];
  const available = Math.floor((bytes.length - headerLength) / recordLength);
  const readable = Math.min(recordCount, available);
  if (available < recordCount) {
    problems.push(
      fileError('truncated-dbf', {
        zh: `文件 ${fileName} 的文件头记有 ${recordCount} 条记录，但只能读到 ${readable} 条，文件不完整；请重新复制或导出 .dbf`,
        en: `File ${fileName} announces ${recordCount} records but only ${readable} can be read; the file is incomplete. Copy or export the .dbf again.`,
      }),
    );
  }
  const recordStart = (index: number) => headerLength + index * recordLength;
  const isLive = (index: number) => bytes[recordStart(index)] !== 0x2a;
  const textFields = rawFields.filter((field) => field.type === 'C');

  function* textBytes(): Generator<[Uint8Array, boolean]> {
    for (const field of rawFields) yield [field.nameBytes, false];
    for (let index = 0; index < readable; index++) {
      if (!isLive(index)) continue;
      const start = recordStart(index);
      for (const field of textFields) {
        const cell = bytes.subarray(start + field.offset, start + field.offset + field.length);
        let end = cell.length;
        while (end > 0 && (cell[end - 1] === 0x20 || cell[end - 1] === 0)) end--;
        yield [cell.subarray(0, end), end === cell.length];
      }
    }
  }
  const { encoding, source } = chooseEncoding(options.cpg, ldid, textBytes, problems, fileName);
  const decoder = new TextDecoder(encoding.label);
  const names = uniqueNames(rawFields.map((field) => decoder.decode(field.nameBytes)));
  const fields: RawField[] = rawFields.map((field, k) => ({ ...field, name: names[k] as string }));

  for (const field of fields) {
    if (!['C', 'N', 'F', 'L', 'D', 'I'].includes(field.type) || (field.type === 'I' && field.length !== 4)) {
      problems.push({
        code: 'unsupported-dbf-field',
        severity: 'warning',
        featureIndex: -1,
        message: {
          zh: `文件 ${fileName} 的字段「${field.name}」类型为 ${field.type}，不支持，已按空值读取`,
          en: `File ${fileName}: field "${field.name}" has type ${field.type}, which is not supported; it was read as empty.`,
        },
      });
    }
  }

  const records: Record<string, unknown>[] = [];
  const recordIndices: number[] = [];
  for (let index = 0; index < readable; index++) {
    const start = recordStart(index);
    // 0x1A marks the end of the file; some writers count it as a record.
    if (bytes[start] === 0x1a) break;
    if (!isLive(index)) continue;
    const record: Record<string, unknown> = {};
    for (const field of fields) {
      const cell = bytes.subarray(start + field.offset, start + field.offset + field.length);
      record[field.name] = readCell(field, cell, decoder, view, start);
    }
    records.push(record);
    recordIndices.push(index);
  }
  return {
    ok: true,
    fields: fields.map(({ name, type, length, decimals }) => ({ name, type, length, decimals })),
    records,
    recordIndices,
    recordCount,
    encoding: { name: encoding.name, source },
    problems,
  };
}

function readCell(
  field: RawField,
  cell: Uint8Array,
  decoder: TextDecoder,
  view: DataView,
  recordStart: number,
): unknown {
  switch (field.type) {
    case 'C': {
      const text = decoder.decode(cell).replace(/[\s\0]+$/, '');
      return text === '' ? null : text;
    }
    case 'N':
    case 'F':
      return readNumber(latin1(cell), field.decimals);
    case 'L':
      return readLogical(latin1(cell));
    case 'D':
      return readDate(latin1(cell));
    case 'I':
      return field.length === 4 ? view.getInt32(recordStart + field.offset, true) : null;
    default:
      return null;
  }
}
