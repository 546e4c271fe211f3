/**
 * The analysed rows of a plan (PlotRow, analyze-plan.ts) kept as columns: typed arrays, the ids, and
 * one table of their other strings, instead of one object per row with its properties,
 * measures and box (about 400 bytes a row in the page: 205 MB for the 516,000 plots of a 274 MB
 * GeoJSON). The analysis worker writes them as it makes the rows and transfers the arrays; the page
 * reads them through rows made by {@link rowsOfColumns}, whose members are getters on the columns
 * (a row is two fields), and whose properties, measures and box are made when read. Read back, a
 * row is equal to the row written in every member and in the order of its objects' keys (see
 * {@link plainRow}); a row the columns cannot say so exactly (none that analyzePlan makes) is kept
 * whole beside them.
 */

import { m2ToMu } from '../geometry/ellipsoidal-area.ts';
import { BOOLEAN_FIELDS, NUMERIC_FIELDS, TEXT_FIELDS } from '../io/normalize-plot-properties.ts';
import { outlineBox, type PlotOutlines } from '../plot-outlines.ts';
import { releaseBuffers } from '../release-buffers.ts';
import type { PlotProperties, PlotStatus } from '../types.ts';
import type { PlotRow } from './analyze-plan.ts';
import { type EfficiencyClass, measureRatios, type PlotMeasures } from './plot-measures.ts';

/** The text members of a row of few values, in `rowText`, in this order (status: -1 when null). */
const ROW_TEXT = ['town', 'townSource', 'status'] as const;
/** The areas of a row, in `areas`; areaMu is areaM2's. */
const AREAS = ['areaM2', 'inBoundaryM2', 'inControlM2'] as const;
/** In `text`'s first place: the property id is the row's. */
const ROW_ID = -2;
/** The ratios of the measures, not kept: measureRatios gives them again from the properties and the area. */
const RATIOS = ['taxPerMu', 'investmentPerMu', 'far', 'coverage'] as const;
const SCREENING = ['investmentPerMu', 'far', 'coverage', 'taxPerMu'] as const;
const CLASSES: readonly (EfficiencyClass | undefined)[] = [undefined, 'A', 'B', 'C', 'D'];
/** Keys of a row as plotRowOf makes it, before its optional name and village. */
const ROW_KEYS = [
  'index',
  'id',
  'town',
  'townSource',
  'status',
  'areaM2',
  'areaMu',
  'inBoundaryM2',
  'inControlM2',
  'properties',
  'measures',
  'box',
];
const MEASURE_KEYS = [
  'taxPerMu',
  'investmentPerMu',
  'far',
  'coverage',
  'screening',
  'passesScreening',
  'efficiencyClass',
];
/** Every property key in the order normalizePlotProperties adds them. */
const PROPERTY_KEYS: readonly string[] = ['id', ...NUMERIC_FIELDS, ...BOOLEAN_FIELDS, ...TEXT_FIELDS];
/** In an Int32Array column of `numbers`: the property is absent. */
const ABSENT_INTEGER = -2147483648;
/** Values a row has in each column (written and read with these strides). */
const FLAGS = BOOLEAN_FIELDS.length;
/** Per row in `text`: the id property, then TEXT_FIELDS. */
const TEXTS = TEXT_FIELDS.length + 1;
const NAME_TEXT = 1 + TEXT_FIELDS.indexOf('name');
const VILLAGE_TEXT = 1 + TEXT_FIELDS.indexOf('village');
const VERDICTS = SCREENING.length + 2;

export interface PlotRowColumns {
  count: number;
  /**
   * The row's id. The ids, one a plot, are not in `strings`: the worker would hold a map of them
   * all while it writes the rows (14 MB for 172,000 plots, kept until the load ends).
   */
  ids: string[];
  /** The other strings of the rows (names, towns, sources, statuses, villages, industries), each once. */
  strings: string[];
  /** Per row, ROW_TEXT's members: their indexes in `strings` (-1: a null status). */
  rowText: Int32Array;
  /** Per row, AREAS. */
  areas: Float64Array;
  /**
   * Per row, its box [west, south, east, north]; NaN: no box. Null: each row's box is its plot's
   * in the plan's outlines (outlineBox), which {@link rowsOfColumns} is given to read them (16.5 MB
   * fewer for 516,000 plots in the page, which holds the outlines anyway).
   */
  box: Float64Array | null;
  /**
   * Per numeric property, in NUMERIC_FIELDS' order, its column: an Int32Array where each row's value
   * is an integer that fits (ABSENT_INTEGER: absent), else a Float64Array (NaN: absent). Counts and
   * floor areas are mostly integers: 4 bytes a value instead of 8 (15 MB for 516,000 plots).
   */
  numbers: (Float64Array | Int32Array)[];
  /** Per row, the yes/no properties in BOOLEAN_FIELDS' order: 0 no, 1 yes, -1 absent. */
  flags: Int8Array;
  /**
   * Per row, the id property (ROW_ID: the row's id, else its index in `strings`), then
   * TEXT_FIELDS's properties: their indexes in `strings` (-1: absent).
   */
  text: Int32Array;
  /**
   * Per row, the screening verdicts in SCREENING's order and passesScreening (0 undefined, 1 false,
   * 2 true), then the efficiency class's index in CLASSES.
   */
  verdicts: Uint8Array;
  /** Rows the columns cannot give back exactly, whole, by index. */
  others: Map<number, PlotRow>;
}

/** The arrays of `columns`, for postMessage's transfer list. */
export function plotRowColumnBuffers(columns: PlotRowColumns): ArrayBuffer[] {
  const { rowText, areas, box, numbers, flags, text, verdicts } = columns;
  return [rowText, areas, ...(box ? [box] : []), ...numbers, flags, text, verdicts].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

function sameKeys(value: object, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && own.every((key, index) => key === keys[index]);
}

/** Whether `keys` lists some of PROPERTY_KEYS, in their order, the id among them. */
function inPropertyOrder(keys: readonly string[]): boolean {
  let at = 0;
  for (const key of keys) {
    while (at < PROPERTY_KEYS.length && PROPERTY_KEYS[at] !== key) at++;
    if (at === PROPERTY_KEYS.length) return false;
  }
  return keys[0] === 'id';
}

const isNumber = (value: unknown) => typeof value === 'number' && !Number.isNaN(value);
const isVerdict = (value: unknown) => value === undefined || typeof value === 'boolean';

/** Whether two boxes (or nulls) are the same numbers. */
function sameBox(a: PlotRow['box'], b: PlotRow['box']): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((value, k) => Object.is(value, b[k]));
}

/**
 * Whether the columns give `row` (plot `index`) back exactly; `boxOf`: the box they will give, when
 * they keep none.
 */
function fits(row: PlotRow, index: number, boxOf?: (index: number) => PlotRow['box']): boolean {
  const { properties, measures, box } = row;
  const optional = [
    ...(row.name !== undefined ? ['name'] : []),
    ...(row.village !== undefined ? ['village'] : []),
  ];
  if (!sameKeys(row, [...ROW_KEYS, ...optional]) || row.index !== index) return false;
  if (row.name !== properties.name || row.village !== properties.village) return false;
  // An area may be NaN (a plot without geometry): the areas' column marks nothing absent.
  if (!AREAS.every((key) => typeof row[key] === 'number') || !Object.is(row.areaMu, m2ToMu(row.areaM2)))
    return false;
  if (typeof row.id !== 'string' || typeof row.town !== 'string' || typeof row.townSource !== 'string')
    return false;
  if (row.status !== null && typeof row.status !== 'string') return false;
  if (box !== null && !(Array.isArray(box) && box.length === 4 && box.every(isNumber))) return false;
  if (boxOf && !sameBox(box, boxOf(index))) return false;
  const keys = Object.keys(properties);
  if (Object.getPrototypeOf(properties) !== Object.prototype || !inPropertyOrder(keys)) return false;
  for (const key of keys) {
    const value = (properties as unknown as Record<string, unknown>)[key];
    const fitting = (NUMERIC_FIELDS as readonly string[]).includes(key)
      ? isNumber(value)
      : (BOOLEAN_FIELDS as readonly string[]).includes(key)
        ? typeof value === 'boolean'
        : typeof value === 'string';
    if (!fitting) return false;
  }
  if (!sameKeys(measures, MEASURE_KEYS) || !sameKeys(measures.screening, SCREENING)) return false;
  const ratios = measureRatios(properties, row.areaM2);
  if (!RATIOS.every((key) => Object.is(measures[key], ratios[key]))) return false;
  if (!SCREENING.every((key) => isVerdict(measures.screening[key])) || !isVerdict(measures.passesScreening))
    return false;
  return CLASSES.includes(measures.efficiencyClass);
}

const verdictCode = (verdict: boolean | undefined) => (verdict === undefined ? 0 : verdict ? 2 : 1);
const verdictOf = (code: number) => (code === 0 ? undefined : code === 2);

/** Writes rows into columns, one after another (plot 0 first), without keeping them. */
export interface PlotRowColumnWriter {
  add(row: PlotRow): void;
  finish(): PlotRowColumns;
}

/** `column` as an Int32Array when each of its values is absent (NaN) or an integer that fits one. */
function integerColumn(column: Float64Array): Int32Array | null {
  // Indexed loops: iterating the array (for…of, Int32Array.from) made an object a value.
  for (let index = 0; index < column.length; index++) {
    const value = column[index] as number;
    if (!Number.isNaN(value) && !(Object.is(value | 0, value) && value !== ABSENT_INTEGER)) return null;
  }
  const integers = new Int32Array(column.length);
  for (let index = 0; index < column.length; index++) {
    const value = column[index] as number;
    integers[index] = Number.isNaN(value) ? ABSENT_INTEGER : value;
  }
  return integers;
}

/** Where the measures' ratios read their inputs, in NUMERIC_FIELDS. */
const RATIO_INPUTS = (['taxWan', 'investmentWan', 'floorAreaM2', 'footprintM2'] as const).map((key) =>
  NUMERIC_FIELDS.indexOf(key),
);

/**
 * A writer of `count` rows; given the plots' `outlines`, it keeps no boxes (a row whose box is not
 * its plot's there is kept whole).
 */
export function plotRowColumnWriter(count: number, outlines?: PlotOutlines): PlotRowColumnWriter {
  const scratch: [number, number, number, number] = [0, 0, 0, 0];
  const boxOf = outlines && ((index: number) => outlineBox(outlines, index, scratch));
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const stringAt = (value: string | undefined): number => {
    if (value === undefined) return -1;
    let at = stringIndex.get(value);
    if (at === undefined) {
      at = strings.push(value) - 1;
      stringIndex.set(value, at);
    }
    return at;
  };
  const columns: PlotRowColumns = {
    count,
    ids: new Array(count),
    strings,
    rowText: new Int32Array(count * ROW_TEXT.length),
    areas: new Float64Array(count * AREAS.length),
    box: outlines ? null : new Float64Array(count * 4).fill(Number.NaN),
    numbers: NUMERIC_FIELDS.map(() => new Float64Array(count).fill(Number.NaN)),
    flags: new Int8Array(count * FLAGS).fill(-1),
    text: new Int32Array(count * TEXTS).fill(-1),
    verdicts: new Uint8Array(count * VERDICTS),
    others: new Map(),
  };
  let index = 0;
  return {
    add(row) {
      const at = index++;
      if (at >= count) throw new Error(`expected at most ${count} rows`);
      if (!fits(row, at, boxOf)) {
        columns.others.set(at, row);
        return;
      }
      const { rowText, areas, box, numbers, flags, text, verdicts } = columns;
      columns.ids[at] = row.id;
      const r = at * ROW_TEXT.length;
      rowText[r] = stringAt(row.town);
      rowText[r + 1] = stringAt(row.townSource);
      rowText[r + 2] = row.status === null ? -1 : stringAt(row.status);
      for (const [k, key] of AREAS.entries()) areas[at * AREAS.length + k] = row[key];
      if (row.box && box) box.set(row.box, at * 4);
      const properties = row.properties as unknown as Record<string, unknown>;
      for (const [k, key] of NUMERIC_FIELDS.entries())
        if (key in properties) (numbers[k] as Float64Array)[at] = properties[key] as number;
      for (const [k, key] of BOOLEAN_FIELDS.entries())
        if (key in properties) flags[at * FLAGS + k] = properties[key] ? 1 : 0;
      const t = at * TEXTS;
      text[t] = properties.id === row.id ? ROW_ID : stringAt(properties.id as string);
      for (const [k, key] of TEXT_FIELDS.entries())
        if (key in properties) text[t + 1 + k] = stringAt(properties[key] as string);
      const { measures } = row;
      const v = at * VERDICTS;
      for (const [k, key] of SCREENING.entries()) verdicts[v + k] = verdictCode(measures.screening[key]);
      verdicts[v + SCREENING.length] = verdictCode(measures.passesScreening);
      verdicts[v + SCREENING.length + 1] = CLASSES.indexOf(measures.efficiencyClass);
    },
    finish() {
      if (index !== count) throw new Error(`expected ${count} rows; got ${index}`);
      columns.numbers = columns.numbers.map((column) => {
        const integers = integerColumn(column as Float64Array);
        if (!integers) return column;
        // The worker would hold the wide column until a full collection (29 MB for 516,000 plots).
        releaseBuffers(column);
        return integers;
      });
      return columns;
    },
  };
}

/** `rows` (plot 0 first) as columns. */
export function plotRowColumns(rows: readonly PlotRow[]): PlotRowColumns {
  const writer = plotRowColumnWriter(rows.length);
  for (const row of rows) writer.add(row);
  return writer.finish();
}

/**
 * What the rows of one set of columns share: the columns, the screening verdicts made so far (equal
 * verdicts are one object, as plain rows had them), and the properties and measures last made, so
 * that reading several members of one row's properties (row.properties.taxWan, then .rentWan …)
 * makes them once.
 */
class RowReader {
  readonly screenings: (PlotMeasures['screening'] | undefined)[] = new Array(81);
  #propertiesOf = -1;
  #properties: PlotProperties | null = null;
  #measuresOf = -1;
  #measures: PlotMeasures | null = null;
  /** The numeric columns by kind (one of the two null for each property): each read is of one kind. */
  readonly #floats: (Float64Array | null)[];
  readonly #integers: (Int32Array | null)[];
  /** The inputs of measureRatios, written for each row whose measures are made. */
  readonly #ratioInputs: Record<
    'taxWan' | 'investmentWan' | 'floorAreaM2' | 'footprintM2',
    number | undefined
  > = {
    taxWan: undefined,
    investmentWan: undefined,
    floorAreaM2: undefined,
    footprintM2: undefined,
  };
  constructor(
    readonly columns: PlotRowColumns,
    readonly outlines?: PlotOutlines,
  ) {
    this.#floats = columns.numbers.map((column) => (column instanceof Float64Array ? column : null));
    this.#integers = columns.numbers.map((column) => (column instanceof Int32Array ? column : null));
  }

  /** The numeric property `k` of row `index` (NaN: absent). */
  number(k: number, index: number): number {
    const integers = this.#integers[k];
    if (!integers) return (this.#floats[k] as Float64Array)[index] as number;
    const value = integers[index] as number;
    return value === ABSENT_INTEGER ? Number.NaN : value;
  }

  /** Row `index`'s box, a new array (null: no box). */
  box(index: number): PlotRow['box'] {
    const { box } = this.columns;
    if (!box) {
      if (!this.outlines) throw new Error('these rows keep no boxes: read them with the plan’s outlines');
      return outlineBox(this.outlines, index);
    }
    const at = index * 4;
    return Number.isNaN(box[at])
      ? null
      : ([box[at], box[at + 1], box[at + 2], box[at + 3]] as PlotRow['box']);
  }

  /** Row `index`'s properties: made again only when another row's were made last. */
  propertiesAt(index: number): PlotProperties {
    if (this.#propertiesOf !== index || !this.#properties) {
      this.#properties = this.makeProperties(index);
      this.#propertiesOf = index;
    }
    return this.#properties;
  }

  /** Row `index`'s measures: made again only when another row's were made last. */
  measuresAt(index: number): PlotMeasures {
    if (this.#measuresOf !== index || !this.#measures) {
      this.#measures = this.makeMeasures(index);
      this.#measuresOf = index;
    }
    return this.#measures;
  }

  text(index: number, k: number): string | undefined {
    const at = this.columns.text[index * TEXTS + k] as number;
    return at === ROW_ID ? this.columns.ids[index] : at < 0 ? undefined : this.columns.strings[at];
  }

  private makeProperties(index: number): PlotProperties {
    const { flags } = this.columns;
    const properties = { id: this.text(index, 0) } as Record<string, unknown>;
    for (let k = 0; k < NUMERIC_FIELDS.length; k++) {
      const value = this.number(k, index);
      if (!Number.isNaN(value)) properties[NUMERIC_FIELDS[k] as string] = value;
    }
    for (let k = 0; k < FLAGS; k++) {
      const flag = flags[index * FLAGS + k];
      if (flag !== -1) properties[BOOLEAN_FIELDS[k] as string] = flag === 1;
    }
    for (let k = 0; k < TEXT_FIELDS.length; k++) {
      const value = this.text(index, k + 1);
      if (value !== undefined) properties[TEXT_FIELDS[k] as string] = value;
    }
    return properties as unknown as PlotProperties;
  }

  private makeMeasures(index: number): PlotMeasures {
    const { verdicts } = this.columns;
    // From the numeric columns alone: making the row's properties for them took 5 times as long.
    const inputs = this.#ratioInputs;
    const [taxK, investmentK, floorAreaK, footprintK] = RATIO_INPUTS as [number, number, number, number];
    const tax = this.number(taxK, index);
    const investment = this.number(investmentK, index);
    const floorArea = this.number(floorAreaK, index);
    const footprint = this.number(footprintK, index);
    inputs.taxWan = Number.isNaN(tax) ? undefined : tax;
    inputs.investmentWan = Number.isNaN(investment) ? undefined : investment;
    inputs.floorAreaM2 = Number.isNaN(floorArea) ? undefined : floorArea;
    inputs.footprintM2 = Number.isNaN(footprint) ? undefined : footprint;
    const { taxPerMu, investmentPerMu, far, coverage } = measureRatios(
      inputs,
      this.columns.areas[index * AREAS.length] as number,
    );
    const v = index * VERDICTS;
    const code =
      (verdicts[v] as number) * 27 +
      (verdicts[v + 1] as number) * 9 +
      (verdicts[v + 2] as number) * 3 +
      (verdicts[v + 3] as number);
    let screening = this.screenings[code];
    if (!screening) {
      screening = {
        investmentPerMu: verdictOf(verdicts[v] as number),
        far: verdictOf(verdicts[v + 1] as number),
        coverage: verdictOf(verdicts[v + 2] as number),
        taxPerMu: verdictOf(verdicts[v + 3] as number),
      };
      this.screenings[code] = screening;
    }
    return {
      taxPerMu,
      investmentPerMu,
      far,
      coverage,
      screening,
      passesScreening: verdictOf(verdicts[v + SCREENING.length] as number),
      efficiencyClass: CLASSES[verdicts[v + SCREENING.length + 1] as number],
    };
  }
}

/** A row read from columns: each member read when asked for (see the module's note). */
class ColumnRow implements PlotRow {
  readonly #reader: RowReader;
  readonly index: number;

  constructor(reader: RowReader, index: number) {
    this.#reader = reader;
    this.index = index;
  }

  #rowText(k: number): string {
    const { columns } = this.#reader;
    return columns.strings[columns.rowText[this.index * ROW_TEXT.length + k] as number] as string;
  }

  get id(): string {
    return this.#reader.columns.ids[this.index] as string;
  }
  get town(): string {
    return this.#rowText(0);
  }
  get townSource(): PlotRow['townSource'] {
    return this.#rowText(1) as PlotRow['townSource'];
  }
  get status(): PlotStatus | null {
    const { columns } = this.#reader;
    const at = columns.rowText[this.index * ROW_TEXT.length + 2] as number;
    return at < 0 ? null : (columns.strings[at] as PlotStatus);
  }
  get areaM2(): number {
    return this.#reader.columns.areas[this.index * AREAS.length] as number;
  }
  get areaMu(): number {
    return m2ToMu(this.areaM2);
  }
  get inBoundaryM2(): number {
    return this.#reader.columns.areas[this.index * AREAS.length + 1] as number;
  }
  get inControlM2(): number {
    return this.#reader.columns.areas[this.index * AREAS.length + 2] as number;
  }
  get name(): string | undefined {
    return this.#reader.text(this.index, NAME_TEXT);
  }
  get village(): string | undefined {
    return this.#reader.text(this.index, VILLAGE_TEXT);
  }
  get box(): PlotRow['box'] {
    return this.#reader.box(this.index);
  }
  get properties(): PlotProperties {
    return this.#reader.propertiesAt(this.index);
  }
  get measures(): PlotMeasures {
    return this.#reader.measuresAt(this.index);
  }
}

/**
 * The page's rows from columns: one small object a row (its rows kept whole are those rows);
 * `outlines`: the plots' outlines, where columns that keep no boxes read them.
 */
export function rowsOfColumns(columns: PlotRowColumns, outlines?: PlotOutlines): PlotRow[] {
  const rows = new Array<PlotRow>(columns.count);
  const reader = new RowReader(columns, outlines);
  for (let index = 0; index < columns.count; index++)
    rows[index] = columns.others.get(index) ?? new ColumnRow(reader, index);
  columnsOf.set(rows, columns);
  return rows;
}

const columnsOf = new WeakMap<readonly PlotRow[], PlotRowColumns>();

/** The columns of `rows`: those they were read from, or written now. */
export function columnsOfRows(rows: readonly PlotRow[]): PlotRowColumns {
  return columnsOf.get(rows) ?? plotRowColumns(rows);
}

/** `row` as a plain object, its keys in the order plotRowOf gives them (to clone, save or compare). */
export function plainRow(row: PlotRow): PlotRow {
  if (!(row instanceof ColumnRow)) return row;
  const plain: PlotRow = {
    index: row.index,
    id: row.id,
    town: row.town,
    townSource: row.townSource,
    status: row.status,
    areaM2: row.areaM2,
    areaMu: row.areaMu,
    inBoundaryM2: row.inBoundaryM2,
    inControlM2: row.inControlM2,
    properties: row.properties,
    measures: row.measures,
    box: row.box,
  };
  if (row.name !== undefined) plain.name = row.name;
  if (row.village !== undefined) plain.village = row.village;
  return plain;
}
