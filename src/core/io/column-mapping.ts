/**
 * Which column of an imported layer supplies which canonical plot property (DESIGN.md, "The three
 * input layers"): a suggestion from the known aliases, the user's corrections, and applying the
 * result so that `normalizePlotProperties` finds canonical names. Inputs are never mutated.
 */
import type { Message, PlotProperties } from '../types.ts';
import { isRecord } from './describe-feature.ts';
import {
  hasColumns,
  mapPlotColumns,
  PLOT_PROPERTY_ALIASES,
  plotFieldForColumn,
} from './normalize-plot-properties.ts';

/** Canonical plot property → the column of the file it is read from. */
export type ColumnMapping = Partial<Record<keyof PlotProperties, string>>;

/** A column that is recognised but deliberately not used, and why. */
export interface IgnoredColumn {
  column: string;
  reason: Message;
}

/** Result of {@link suggestColumnMapping}. */
export interface ColumnMappingSuggestion {
  mapping: ColumnMapping;
  ignored: IgnoredColumn[];
}

const RECORDED_AREA: Message = {
  zh: '登记的用地面积，不使用：面积一律按图形计算',
  en: 'recorded land area, not used: areas are computed from the geometry',
};
const RECORDED_PERIMETER: Message = {
  zh: 'GIS 软件算出的周长，不使用',
  en: 'perimeter computed by GIS software, not used',
};

/** Columns recognised but not used (matched after trimming, ignoring case), with the reason. */
export const IGNORED_PLOT_COLUMNS: readonly { names: readonly string[]; reason: Message }[] = [
  {
    names: [
      '用地面积',
      '地块面积',
      '宗地面积',
      '面积',
      '用地面积（平方米）',
      '用地面积(平方米)',
      '用地面积（亩）',
      '用地面积(亩)',
      '面积亩',
      '亩数',
      'area',
      'shape_area',
      'shape_are',
    ],
    reason: RECORDED_AREA,
  },
  { names: ['shape_leng', 'shape_length', 'perimeter', '周长'], reason: RECORDED_PERIMETER },
];

const IGNORED_INDEX: ReadonlyMap<string, Message> = new Map(
  IGNORED_PLOT_COLUMNS.flatMap(({ names, reason }) =>
    names.map((name) => [name.toLowerCase(), reason] as const),
  ),
);

const PLOT_FIELDS = Object.keys(PLOT_PROPERTY_ALIASES) as (keyof PlotProperties)[];

/**
 * Suggests which column supplies each canonical plot property, from the canonical names and the
 * aliases of {@link PLOT_PROPERTY_ALIASES} (canonical name first, then aliases in order), and lists
 * the columns recognised but not used (`用地面积`: areas are computed from the geometry).
 * @param columns the layer's column names, e.g. from {@link columnsOf}
 */
export function suggestColumnMapping(columns: readonly string[]): ColumnMappingSuggestion {
  const mapping = mapPlotColumns(Object.fromEntries(columns.map((column) => [column, null])));
  const ignored: IgnoredColumn[] = [];
  for (const column of columns) {
    if (plotFieldForColumn(column) !== undefined) continue;
    const reason = IGNORED_INDEX.get(column.trim().toLowerCase());
    if (reason) ignored.push({ column, reason });
  }
  return { mapping, ignored };
}

/**
 * The distinct property keys of a layer's features, in first-seen order over all features.
 * @param collection any value; anything without a `features` array has no columns
 */
export function columnsOf(collection: unknown): string[] {
  if (!isRecord(collection) || !Array.isArray(collection.features)) return [];
  const seen = new Set<string>();
  // Features of a layer mostly repeat the previous feature's keys, which are in the set already.
  let last: string[] = [];
  for (const feature of collection.features) {
    const properties = isRecord(feature) ? feature.properties : undefined;
    if (!isRecord(properties) || hasColumns(properties, last)) continue;
    last = Object.keys(properties);
    for (const key of last) seen.add(key);
  }
  return [...seen];
}

/**
 * A new collection whose features' properties carry the canonical keys (`id`, `name`, `town`,
 * `taxWan`, …) read from the mapped columns, with every original column kept beside them.
 *
 * The mapping is taken as complete: a canonical property it leaves out is set to null on the
 * features where some column would otherwise supply it by name or alias, so that un-mapping a column
 * really removes it from the analysis. A mapped column missing from a feature gives null.
 * @param collection any value; anything without a `features` array is returned as it is
 * @param mapping canonical property → column
 * @param absentStays a canonical column mapped to itself that a feature lacks, with no other column
 *   supplying it by alias, stays absent rather than null: for features that only this run's figures
 *   read (every reader takes absent and null alike), and that are never shown or saved
 */
export function applyColumnMapping<T>(
  collection: T,
  mapping: ColumnMapping,
  { absentStays = false } = {},
): T {
  if (!isRecord(collection) || !Array.isArray(collection.features)) return collection;
  let changed = false;
  const features = collection.features.map((feature: unknown) => {
    if (!isRecord(feature)) return feature;
    const original = isRecord(feature.properties) ? feature.properties : {};
    const byAlias = mapPlotColumns(original);
    // Most features of a layer already carry every mapped property under its own name: the copy
    // would equal them (7 % of the command line's time on 100,000 plots), so they are kept as they are.
    if (feature.properties === original && mapsToItself(original, byAlias, mapping, absentStays))
      return feature;
    changed = true;
    const properties: Record<string, unknown> = { ...original };
    for (const field of PLOT_FIELDS) {
      const column = mapping[field];
      if (column !== undefined) properties[field] = original[column] ?? null;
      else if (byAlias[field] !== undefined) properties[field] = null;
    }
    return { ...feature, properties };
  });
  return changed ? ({ ...collection, features } as T) : collection;
}

/**
 * True when {@link applyColumnMapping} would give properties equal to `original`: every mapped
 * property is its own column and is present (or, when `absentStays`, absent and found under no
 * alias either), and no unmapped one is found by name or alias.
 */
function mapsToItself(
  original: Record<string, unknown>,
  byAlias: Readonly<Partial<Record<keyof PlotProperties, string>>>,
  mapping: ColumnMapping,
  absentStays: boolean,
): boolean {
  for (const field of PLOT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) {
      if (byAlias[field] !== undefined) return false;
    } else if (
      column !== field ||
      (original[field] === undefined && !(absentStays && byAlias[field] === undefined))
    ) {
      return false;
    }
  }
  return true;
}

/** The text a sample value shows: numbers and booleans as written, long text cut at 24 characters. */
function sampleText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value).trim();
  if (text === '') return null;
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/**
 * Up to `count` distinct non-empty values of each column, in feature order: what the import dialog
 * shows beside a mapping so the user can confirm that 村名 really holds village names before loading.
 * Stops reading once every column has its samples (or after 5,000 features).
 * @param collection any value; anything without a `features` array gives no samples
 * @param columns the columns to sample, e.g. from {@link columnsOf}
 */
export function columnSamples(
  collection: unknown,
  columns: readonly string[],
  count = 3,
): Record<string, string[]> {
  const samples: Record<string, string[]> = Object.fromEntries(columns.map((column) => [column, []]));
  if (!isRecord(collection) || !Array.isArray(collection.features)) return samples;
  let open = columns.length;
  const features = collection.features;
  for (let i = 0; i < features.length && i < 5000 && open > 0; i++) {
    const feature: unknown = features[i];
    const properties = isRecord(feature) ? feature.properties : undefined;
    if (!isRecord(properties)) continue;
    for (const column of columns) {
      const list = samples[column] as string[];
      if (list.length >= count) continue;
      const text = sampleText(properties[column]);
      if (text === null || list.includes(text)) continue;
      list.push(text);
      if (list.length === count) open--;
    }
  }
  return samples;
}
