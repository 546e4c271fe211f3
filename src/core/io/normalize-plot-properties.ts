/**
 * Maps a plot's raw attributes (shapefile/GeoJSON columns, Chinese or English names) onto the
 * canonical PlotProperties of DESIGN.md. Missing or unreadable values stay undefined, never 0.
 */
import { parseNumberText } from '../parse-number-text.ts';
import type { Message, PlotProperties, Problem } from '../types.ts';
import { featureLabel, isRecord, shortText } from './describe-feature.ts';

type PlotField = keyof PlotProperties;

/**
 * Column names accepted for each canonical plot property, matched after trimming and ignoring
 * case. The canonical name itself always wins over an alias; among aliases the first listed wins.
 * `用地面积` (recorded land area) is deliberately not mapped: areas are computed from the geometry.
 */
export const PLOT_PROPERTY_ALIASES: Readonly<Record<PlotField, readonly string[]>> = {
  id: ['地块编号', '编号', '地块号', '地块代码', 'plotId', 'plot_id', 'code'],
  name: ['名称', '企业名称', '地块名称', '单位名称', 'enterprise', 'company', '企业名', '公司名称'],
  town: [
    '镇街',
    '镇',
    '乡镇',
    '街道',
    '所属镇街',
    'township',
    '所在镇街',
    '镇（街道）',
    '镇(街道)',
    '所属乡镇',
  ],
  village: [
    '村',
    '村社',
    '行政村',
    '所属村',
    'community',
    '村名',
    '所在村',
    '村居',
    '社区',
    '村（社区）',
    '村(社区)',
    '所在村社',
    'village_name',
  ],
  firms: ['企业数', '企业数量', '企业个数', 'firmCount', 'enterprises'],
  aboveScaleFirms: ['规上企业数', '规上企业', '规模以上企业数', 'aboveScale'],
  employees: ['从业人员', '员工数', '从业人数', '就业人数', 'staff', 'workers', '职工人数', '员工人数'],
  taxWan: [
    '税收',
    '税收万元',
    '税收（万元）',
    '税收(万元)',
    '年税收',
    'tax',
    '纳税额',
    '纳税额（万元）',
    '纳税额(万元)',
    '纳税',
    '实缴税金',
    '税收总额',
  ],
  outputWan: ['产值', '产值万元', '工业产值', '产值（万元）', '产值(万元)', 'output'],
  investmentWan: ['投资', '固定资产投资', '投资额', '投资万元', '投资（万元）', '投资(万元)', 'investment'],
  floorAreaM2: ['建筑面积', '建筑面积m2', '建筑面积（平方米）', '建筑面积(平方米)', 'floorArea'],
  footprintM2: ['占地面积', '基底面积', '建筑基底面积', '建筑占地面积', 'footprint'],
  rentWan: ['租金', '租金万元', '年租金', '村集体租金', '租金（万元）', '租金(万元)', 'rent'],
  safetyRisk: ['安全隐患', '是否有安全隐患', '安全风险', 'safety'],
  pollution: ['污染', '是否污染', '环境污染', '污染企业'],
  industry: ['行业', '所属行业', '行业类别', '产业', 'sector'],
};

/** Field names in messages. */
export const PLOT_FIELD_LABELS: Readonly<Record<PlotField, Message>> = {
  id: { zh: '编号', en: 'id' },
  name: { zh: '名称', en: 'name' },
  town: { zh: '镇街', en: 'town' },
  village: { zh: '村社', en: 'village' },
  firms: { zh: '企业数', en: 'number of firms' },
  aboveScaleFirms: { zh: '规上企业数', en: 'number of above-scale firms' },
  employees: { zh: '从业人员', en: 'employees' },
  taxWan: { zh: '税收（万元）', en: 'tax (CNY 10k)' },
  outputWan: { zh: '产值（万元）', en: 'output (CNY 10k)' },
  investmentWan: { zh: '固定资产投资（万元）', en: 'fixed-asset investment (CNY 10k)' },
  floorAreaM2: { zh: '建筑面积（平方米）', en: 'floor area (m²)' },
  footprintM2: { zh: '占地面积（平方米）', en: 'building footprint (m²)' },
  rentWan: { zh: '租金（万元）', en: 'rent (CNY 10k)' },
  safetyRisk: { zh: '安全隐患', en: 'safety risk' },
  pollution: { zh: '污染', en: 'pollution' },
  industry: { zh: '行业', en: 'industry' },
};

export const NUMERIC_FIELDS = [
  'firms',
  'aboveScaleFirms',
  'employees',
  'taxWan',
  'outputWan',
  'investmentWan',
  'floorAreaM2',
  'footprintM2',
  'rentWan',
] as const satisfies readonly PlotField[];

export const BOOLEAN_FIELDS = ['safetyRisk', 'pollution'] as const satisfies readonly PlotField[];

export const TEXT_FIELDS = ['name', 'town', 'village', 'industry'] as const satisfies readonly PlotField[];

/** Cell contents that mean "no value" in spreadsheets; read as missing without a warning. */
const EMPTY_MARKERS = new Set([
  '',
  '-',
  '—',
  '－',
  '--',
  '/',
  'null',
  'none',
  'n/a',
  'na',
  '#n/a',
  'nan',
  '空',
]);

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', '是', '有', '存在', '√', '✓']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0', '否', '无', '没有', '不存在', '×', '✗']);

/** Lower-cased column name (canonical or alias) → [field, priority]; priority 0 is the canonical name. */
const COLUMN_INDEX: ReadonlyMap<string, readonly [PlotField, number]> = (() => {
  const index = new Map<string, readonly [PlotField, number]>();
  for (const [field, aliases] of Object.entries(PLOT_PROPERTY_ALIASES) as [PlotField, readonly string[]][]) {
    index.set(field.toLowerCase(), [field, 0]);
    aliases.forEach((alias, k) => {
      const key = alias.toLowerCase();
      if (!index.has(key)) index.set(key, [field, k + 1]);
    });
  }
  return index;
})();

/** The canonical plot field a column name maps to, or undefined. Trims and ignores case. */
export function plotFieldForColumn(column: string): PlotField | undefined {
  return COLUMN_INDEX.get(column.trim().toLowerCase())?.[0];
}

/**
 * COLUMN_INDEX by the column name as written: a layer repeats the same few names on every feature,
 * and trimming and lower-casing them once per feature cost a second at county scale.
 */
const COLUMN_LOOKUP = new Map<string, readonly [PlotField, number] | null>();

function columnEntry(column: string): readonly [PlotField, number] | null {
  let entry = COLUMN_LOOKUP.get(column);
  if (entry === undefined) {
    entry = COLUMN_INDEX.get(column.trim().toLowerCase()) ?? null;
    if (COLUMN_LOOKUP.size < 10_000) COLUMN_LOOKUP.set(column, entry);
  }
  return entry;
}

/**
 * The columns and the mappings of the last few calls, most recent first: features of one layer
 * mostly share their columns, or take turns among a few sets (a column left out where it is empty).
 */
const recentColumns: string[][] = [];
const recentMappings: Readonly<Partial<Record<PlotField, string>>>[] = [];
const RECENT_COLUMN_SETS = 4;

/**
 * True when `raw`'s keys are `columns`, in order. Walks the keys without listing them in a new
 * array (one per feature, twice per plot, was much of the garbage of reading 100,000 plots).
 */
export function hasColumns(raw: Record<string, unknown>, columns: readonly string[]): boolean {
  let i = 0;
  // Own keys come first in for…in and in the same order as Object.keys; an inherited one makes
  // the count differ, and the caller then lists the keys the ordinary way.
  for (const key in raw) {
    if (key !== columns[i]) return false;
    i++;
  }
  return i === columns.length;
}

/**
 * For each canonical field present in `raw`, the column that supplies it. The result is shared
 * between calls with the same columns: do not change it.
 */
export function mapPlotColumns(raw: Record<string, unknown>): Readonly<Partial<Record<PlotField, string>>> {
  for (let k = 0; k < recentColumns.length; k++) {
    if (!hasColumns(raw, recentColumns[k] as string[])) continue;
    const mapping = recentMappings[k] as Readonly<Partial<Record<PlotField, string>>>;
    if (k > 0) remember(recentColumns[k] as string[], mapping, k);
    return mapping;
  }
  const columns = Object.keys(raw);
  const chosen: Partial<Record<PlotField, string>> = {};
  const priorities: Partial<Record<PlotField, number>> = {};
  for (const column of columns) {
    const entry = columnEntry(column);
    if (!entry) continue;
    const [field, priority] = entry;
    const current = priorities[field];
    if (current === undefined || priority < current) {
      chosen[field] = column;
      priorities[field] = priority;
    }
  }
  const mapping = Object.freeze(chosen);
  remember(columns, mapping, RECENT_COLUMN_SETS - 1);
  return mapping;
}

/** Puts a column set first among the recent ones, in place of the one at `replacing` (or the last). */
function remember(
  columns: string[],
  mapping: Readonly<Partial<Record<PlotField, string>>>,
  replacing: number,
): void {
  const at = Math.min(replacing, recentColumns.length);
  recentColumns.splice(at, 1);
  recentMappings.splice(at, 1);
  recentColumns.unshift(columns);
  recentMappings.unshift(mapping);
}

/** Full-width digits and signs (common in Chinese spreadsheets) to ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF0B-\uFF19]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

type Parsed<T> = { kind: 'value'; value: T } | { kind: 'missing' } | { kind: 'invalid' };

/** Reads a number from a cell: numbers, "12.5", " 1,234.5 ", full-width "１２.５" (parseNumberText's forms). */
export function parseNumberCell(value: unknown): Parsed<number> {
  if (value === null || value === undefined) return { kind: 'missing' };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'value', value } : { kind: 'invalid' };
  if (typeof value !== 'string') return { kind: 'invalid' };
  const text = toHalfWidth(value).trim();
  if (EMPTY_MARKERS.has(text.toLowerCase()) || text === '无') return { kind: 'missing' };
  const parsed = parseNumberText(text);
  return parsed.kind === 'number' ? { kind: 'value', value: parsed.value } : { kind: 'invalid' };
}

/** Reads a yes/no cell: booleans, 1/0, "是"/"否", "有"/"无", "true"/"false", "Y"/"N". */
export function parseBooleanCell(value: unknown): Parsed<boolean> {
  if (value === null || value === undefined) return { kind: 'missing' };
  if (typeof value === 'boolean') return { kind: 'value', value };
  if (typeof value === 'number') {
    if (value === 1) return { kind: 'value', value: true };
    if (value === 0) return { kind: 'value', value: false };
    return { kind: 'invalid' };
  }
  if (typeof value !== 'string') return { kind: 'invalid' };
  const text = toHalfWidth(value).trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return { kind: 'value', value: true };
  if (FALSE_WORDS.has(text)) return { kind: 'value', value: false };
  if (EMPTY_MARKERS.has(text)) return { kind: 'missing' };
  return { kind: 'invalid' };
}

/** Reads a text cell: strings are trimmed, numbers written out; empty is missing. */
export function parseTextCell(value: unknown): Parsed<string> {
  if (value === null || value === undefined) return { kind: 'missing' };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'value', value: String(value) } : { kind: 'invalid' };
  if (typeof value === 'bigint') return { kind: 'value', value: String(value) };
  if (typeof value !== 'string') return { kind: 'invalid' };
  const text = value.trim();
  return text === '' ? { kind: 'missing' } : { kind: 'value', value: text };
}

/** Where a plot's properties come from, for naming it in messages. */
export interface PlotContext {
  /** 0-based index of the feature in its file (default -1: not tied to a feature). */
  featureIndex?: number;
  /** The feature's id, used as `id` when the properties carry none. */
  featureId?: string | number;
}

/** Result of {@link normalizePlotProperties}. `id` is '' when neither the properties nor the context give one. */
export interface NormalizedPlotProperties {
  properties: PlotProperties;
  problems: Problem[];
}

/** The warning about one cell of a plot's attributes (made only when there is one: most plots have none). */
function cellWarning(
  featureIndex: number,
  featureId: string | undefined,
  code: string,
  field: PlotField,
  column: string,
  value: unknown,
  zh: string,
  en: string,
): Problem {
  const name = PLOT_FIELD_LABELS[field];
  // Chinese column names speak for themselves in Chinese; English ones get the Chinese field name.
  const isAscii = /^[\x20-\x7e]*$/.test(column);
  const where = {
    zh: isAscii ? `「${column}」（${name.zh}）` : `「${column}」`,
    en: column === field ? `"${column}"` : `"${column}" (${name.en})`,
  };
  const shown = shortText(value);
  const label = featureIndex >= 0 ? featureLabel(featureIndex, featureId) : undefined;
  const prefix = label ? { zh: `${label.zh}：`, en: `${label.en}: ` } : { zh: '', en: '' };
  const problem: Problem = {
    code,
    severity: 'warning',
    featureIndex,
    message: {
      zh: `${prefix.zh}字段${where.zh}的值“${shown}”${zh}`,
      en: `${prefix.en}the value "${shown}" of ${where.en} ${en}`,
    },
  };
  if (featureId !== undefined) problem.featureId = featureId;
  return problem;
}

/**
 * Converts a plot's raw attributes to canonical PlotProperties.
 *
 * Columns are found by canonical name or alias ({@link PLOT_PROPERTY_ALIASES}). Numbers written as
 * text ("12.5", "1,234", full-width digits) become numbers; yes/no columns accept 是/否, 有/无,
 * true/false, 1/0, Y/N. Spreadsheet placeholders ("", "-", "—", "/", "N/A") are missing. Problems
 * (all warnings; the value is then treated as missing): `invalid-number`, `negative-value`,
 * `invalid-boolean`, `invalid-text`. A missing id is not reported here (see `validateLayer`).
 *
 * @param raw the feature's `properties` (anything that is not an object counts as empty)
 * @param context the feature's index and id, for messages and as the fallback id
 * @returns canonical properties (missing values absent) and warnings
 */
export function normalizePlotProperties(
  raw: Record<string, unknown>,
  context: PlotContext = {},
): NormalizedPlotProperties {
  const source: Record<string, unknown> = isRecord(raw) ? raw : {};
  const featureIndex = context.featureIndex ?? -1;
  const columns = mapPlotColumns(source);
  const problems: Problem[] = [];
  const properties: PlotProperties = { id: '' };

  const idCell = columns.id === undefined ? undefined : parseTextCell(source[columns.id]);
  const contextId = context.featureId === undefined ? undefined : parseTextCell(context.featureId);
  if (idCell?.kind === 'value') properties.id = idCell.value;
  else if (contextId?.kind === 'value') properties.id = contextId.value;
  const featureId = properties.id === '' ? undefined : properties.id;

  const warn = (code: string, field: PlotField, column: string, value: unknown, zh: string, en: string) =>
    problems.push(cellWarning(featureIndex, featureId, code, field, column, value, zh, en));

  for (const field of NUMERIC_FIELDS) {
    const column = columns[field];
    if (column === undefined) continue;
    const value = source[column];
    // Most cells hold a number already: no parse result is made for them.
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      properties[field] = value;
      continue;
    }
    const parsed = parseNumberCell(value);
    if (parsed.kind === 'invalid') {
      warn(
        'invalid-number',
        field,
        column,
        value,
        '不是数字，按缺失处理；请在表格中改为数字或留空',
        'is not a number and is treated as missing; enter a number or leave the cell empty.',
      );
    } else if (parsed.kind === 'value' && parsed.value < 0) {
      warn(
        'negative-value',
        field,
        column,
        value,
        '是负数，按缺失处理；请检查数据',
        'is negative and is treated as missing; check the data.',
      );
    } else if (parsed.kind === 'value') {
      properties[field] = parsed.value;
    }
  }

  for (const field of BOOLEAN_FIELDS) {
    const column = columns[field];
    if (column === undefined) continue;
    const value = source[column];
    if (typeof value === 'boolean') {
      properties[field] = value;
      continue;
    }
    const parsed = parseBooleanCell(value);
    if (parsed.kind === 'invalid') {
      warn(
        'invalid-boolean',
        field,
        column,
        value,
        '无法识别为“是/否”，按缺失处理；请填写 是 或 否',
        'is not a yes/no value and is treated as missing; use 是 (yes) or 否 (no).',
      );
    } else if (parsed.kind === 'value') {
      properties[field] = parsed.value;
    }
  }

  for (const field of TEXT_FIELDS) {
    const column = columns[field];
    if (column === undefined) continue;
    const value = source[column];
    if (typeof value === 'string') {
      const text = value.trim();
      if (text !== '') properties[field] = text;
      continue;
    }
    const parsed = parseTextCell(value);
    if (parsed.kind === 'invalid') {
      warn(
        'invalid-text',
        field,
        column,
        value,
        '不是文字，按缺失处理',
        'is not text and is treated as missing.',
      );
    } else if (parsed.kind === 'value') {
      properties[field] = parsed.value;
    }
  }

  return { properties, problems };
}
