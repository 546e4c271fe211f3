/**
 * A list of plain records (the analysed rows: one object per plot, with nested objects and arrays)
 * packed into three typed arrays, a string table and a table of key lists, so that it crosses to
 * the page as transferred buffers instead of a structured clone. A clone writes every key's name
 * and every string again for each record, and lies whole in the page's message queue beside the
 * worker's objects and the page's copy (a 95 MB GeoJSON's 172,000 rows: more than 100 MB); packed,
 * the same rows take about a third of that, and nothing is copied. The buffers come in pieces of
 * a few thousand records, each let go as soon as it is read, so that the page never holds all of
 * them beside the records made from them. Unpacked, the records are equal to the packed ones in
 * every respect a clone keeps: key order, keys holding undefined, -0, NaN; equal strings come back
 * as one value.
 */

/** One tag per value, in the order the values are met (depth first). */
const TAG = {
  undefined: 0,
  null: 1,
  false: 2,
  true: 3,
  /** In `numbers`. */
  float: 4,
  /** A 32-bit integer, in `ints`. */
  int: 5,
  /** Its index in `strings`, in `ints`. */
  string: 6,
  /** Its key list's index in `shapes`, in `ints`; then its values, in that order. */
  object: 7,
  /** Its length, in `ints`; then its items. */
  array: 8,
} as const;

/** The values of a run of records (see TAG for what is where). */
export interface PackedPiece {
  /** How many records. */
  count: number;
  tags: Uint8Array;
  numbers: Float64Array;
  ints: Int32Array;
}

export interface PackedRecords {
  /** How many records, in all pieces. */
  count: number;
  pieces: PackedPiece[];
  /** The strings of all pieces, each once. */
  strings: string[];
  /** The key lists of the objects of all pieces, each once. */
  shapes: string[][];
}

/**
 * Records in a piece, unless told otherwise (the 172,000 rows of a 95 MB file: 172 pieces of about
 * 240 KB). The worker makes the rows of one piece, packs them and lets them go before the next
 * (packed-analysis.ts): a piece of 1,000 rows (670 KB as objects) dies young, where one of 10,000
 * outlived the young generation's collections and reached the old one, whose heap then grew by
 * 100 MB of rows already packed.
 */
export const PIECE_RECORDS = 1000;

/** The buffers of `packed`, for postMessage's transfer list. */
export function packedRecordBuffers(packed: PackedRecords): ArrayBuffer[] {
  return packed.pieces.flatMap(pieceBuffers);
}

function pieceBuffers(piece: PackedPiece): ArrayBuffer[] {
  return [piece.tags, piece.numbers, piece.ints].map((array) => array.buffer as ArrayBuffer);
}

/**
 * Lets go of the buffers of `piece` at once where the browser can (detached by
 * ArrayBuffer.prototype.transfer, not left until the next full garbage collection).
 */
function letGo(piece: PackedPiece): void {
  for (const buffer of pieceBuffers(piece))
    (buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
}

function isInt32(value: number): boolean {
  return (value | 0) === value && !Object.is(value, -0);
}

/** Where a walk of the records puts what it meets (see packRecords: counted first, then written). */
interface Sink {
  tag(tag: number): void;
  float(value: number): void;
  int(value: number): void;
  string(value: string): void;
  shape(keys: string[]): void;
}

/** Walks `value` depth first into `sink`; refuses what is not plain data. */
function walk(value: unknown, sink: Sink): void {
  switch (typeof value) {
    case 'undefined':
      sink.tag(TAG.undefined);
      return;
    case 'boolean':
      sink.tag(value ? TAG.true : TAG.false);
      return;
    case 'number':
      if (isInt32(value)) {
        sink.tag(TAG.int);
        sink.int(value);
      } else {
        sink.tag(TAG.float);
        sink.float(value);
      }
      return;
    case 'string':
      sink.tag(TAG.string);
      sink.string(value);
      return;
    case 'object': {
      if (value === null) {
        sink.tag(TAG.null);
        return;
      }
      if (Array.isArray(value)) {
        sink.tag(TAG.array);
        sink.int(value.length);
        for (let index = 0; index < value.length; index++) walk(value[index], sink);
        return;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) break;
      const keys = Object.keys(value);
      sink.tag(TAG.object);
      sink.shape(keys);
      for (const key of keys) walk((value as Record<string, unknown>)[key], sink);
      return;
    }
  }
  throw new Error(
    `expected plain data in the records (objects, arrays, strings, numbers, booleans, null); got ${describe(value)}`,
  );
}

/**
 * Packs `records`, `pieceRecords` to a piece: plain data only (objects whose prototype is Object's,
 * arrays, strings, numbers, booleans, null, undefined), as a structured clone would copy it; holes
 * of an array come back as undefined. Anything else is refused (an error naming what it is). Each
 * piece's records are walked twice, counting and then writing, so that its arrays are made once, of
 * their size.
 */
export function packRecords(records: readonly unknown[], pieceRecords = PIECE_RECORDS): PackedRecords {
  const packer = recordPacker();
  for (let from = 0; from < records.length; from += pieceRecords)
    packer.add(records.slice(from, Math.min(records.length, from + pieceRecords)));
  return packer.finish();
}

/**
 * Packs records a piece at a time, as packRecords does (the same pieces, strings and key lists for
 * the same records given in the same pieces), so that the records of one piece can be made, packed
 * and let go before the next are made: all of them never exist at once.
 */
export interface RecordPacker {
  /** Packs `records` as the next piece (see packRecords for what they may hold). */
  add(records: readonly unknown[]): void;
  /** The records packed so far, in their pieces. */
  finish(): PackedRecords;
}

export function recordPacker(): RecordPacker {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shapes: string[][] = [];
  const shapeIndex = new Map<string, number>();
  // The shape of the n-th object of the last record: most records have the same shapes in the same
  // places, found so without making a name of the keys.
  const lastShapes: number[] = [];
  let objectInRecord = 0;
  const shapeOf = (keys: string[]): number => {
    const last = lastShapes[objectInRecord];
    const lastKeys = last === undefined ? undefined : shapes[last];
    if (lastKeys && lastKeys.length === keys.length && lastKeys.every((key, index) => key === keys[index]))
      return last as number;
    const name = keys.join('\u0000');
    let shape = shapeIndex.get(name);
    if (shape === undefined) {
      shape = shapes.push(keys) - 1;
      shapeIndex.set(name, shape);
    }
    lastShapes[objectInRecord] = shape;
    return shape;
  };
  const pieces: PackedPiece[] = [];
  let count = 0;
  return {
    add(records) {
      if (records.length === 0) return;
      const size = { tags: 0, numbers: 0, ints: 0 };
      const counter: Sink = {
        tag: () => size.tags++,
        float: () => size.numbers++,
        int: () => size.ints++,
        string: () => size.ints++,
        shape: () => size.ints++,
      };
      for (const record of records) walk(record, counter);
      const piece: PackedPiece = {
        count: records.length,
        tags: new Uint8Array(size.tags),
        numbers: new Float64Array(size.numbers),
        ints: new Int32Array(size.ints),
      };
      const { tags, numbers, ints } = piece;
      const at = { tags: 0, numbers: 0, ints: 0 };
      const writer: Sink = {
        tag: (tag) => {
          tags[at.tags++] = tag;
        },
        float: (value) => {
          numbers[at.numbers++] = value;
        },
        int: (value) => {
          ints[at.ints++] = value;
        },
        string: (value) => {
          let index = stringIndex.get(value);
          if (index === undefined) {
            index = strings.push(value) - 1;
            stringIndex.set(value, index);
          }
          ints[at.ints++] = index;
        },
        shape: (keys) => {
          ints[at.ints++] = shapeOf(keys);
          objectInRecord++;
        },
      };
      for (const record of records) {
        objectInRecord = 0;
        walk(record, writer);
      }
      pieces.push(piece);
      count += records.length;
    },
    finish: () => ({ count, pieces, strings, shapes }),
  };
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  return `an object of class ${Object.getPrototypeOf(value)?.constructor?.name ?? 'null'}`;
}

/**
 * An object with `keys`, in that order, to copy for each record of that shape (null for a shape
 * with `__proto__`, which an assignment would not make an own key). Made by JSON.parse, it holds all
 * its keys within itself (an object given its keys one by one grows a separate array of them step
 * by step: for 172,000 rows, about 60 MB of garbage on the page beside 45 MB of rows); each key is
 * given values of every kind once, so that setting any value in a copy keeps the copy's layout.
 */
function objectTemplate(keys: readonly string[]): Record<string, unknown> | null {
  if (keys.includes('__proto__')) return null;
  const template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, null])))) as Record<
    string,
    unknown
  >;
  for (const key of keys) for (const value of ['', 0.5, undefined, {}, null]) template[key] = value;
  return template;
}

/**
 * Reads the records of `packed` in order, a few at a time (so that the page can do other work
 * between); each piece's buffers are let go once its records are read (`packed` cannot be read again).
 */
export interface RecordReader {
  /** The next `count` records (fewer at the end; none once all were read). */
  read(count: number): unknown[];
  /** How many records are left to read. */
  readonly left: number;
}

export function recordReader(packed: PackedRecords): RecordReader {
  const { strings, shapes } = packed;
  const templates: (Record<string, unknown> | null)[] = [];
  let pieceIndex = 0;
  let piece = packed.pieces[0];
  let inPiece = 0;
  let tag = 0;
  let number = 0;
  let int = 0;
  let read = 0;
  const value = (): unknown => {
    const { tags, numbers, ints } = piece as PackedPiece;
    switch (tags[tag++]) {
      case TAG.undefined:
        return undefined;
      case TAG.null:
        return null;
      case TAG.false:
        return false;
      case TAG.true:
        return true;
      case TAG.float:
        return numbers[number++];
      case TAG.int:
        return ints[int++];
      case TAG.string:
        return strings[ints[int++] as number];
      case TAG.array: {
        const items = new Array<unknown>(ints[int++] as number);
        for (let index = 0; index < items.length; index++) items[index] = value();
        return items;
      }
      case TAG.object: {
        const shape = ints[int++] as number;
        const keys = shapes[shape] as string[];
        let template = templates[shape];
        if (template === undefined) template = templates[shape] = objectTemplate(keys);
        // A copy of the template holds every key in place at once; the values are then set in it.
        const object: Record<string, unknown> = template ? { ...template } : {};
        for (const key of keys) {
          // An own property, as a clone makes it (an assignment would set the prototype).
          if (key === '__proto__')
            Object.defineProperty(object, key, {
              value: value(),
              enumerable: true,
              writable: true,
              configurable: true,
            });
          else object[key] = value();
        }
        return object;
      }
      default:
        throw new Error(
          `expected a value tag 0–8 at ${tag - 1} of piece ${pieceIndex} of the packed records; got ${tags[tag - 1]}`,
        );
    }
  };
  return {
    read(count: number): unknown[] {
      const records: unknown[] = [];
      const end = Math.min(packed.count, read + count);
      while (read < end) {
        const current = piece as PackedPiece;
        records.push(value());
        read++;
        if (++inPiece < current.count) continue;
        letGo(current);
        piece = packed.pieces[++pieceIndex];
        inPiece = tag = number = int = 0;
      }
      return records;
    },
    get left() {
      return packed.count - read;
    },
  };
}

/**
 * All the records of `packed`, read a slice at a time with a pause between (`pause`: a task
 * boundary on the page); each piece's buffers are let go once read (see recordReader).
 */
export async function unpackRecords(
  packed: PackedRecords,
  { slice = 5000, pause }: { slice?: number; pause?: () => Promise<void> } = {},
): Promise<unknown[]> {
  const reader = recordReader(packed);
  const records: unknown[] = [];
  while (reader.left > 0) {
    for (const record of reader.read(slice)) records.push(record);
    if (reader.left > 0 && pause) await pause();
  }
  return records;
}
