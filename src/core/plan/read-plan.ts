/**
 * Reads the parsed JSON of a version-1 plan file into typed data, checking every part and naming
 * the part that is missing or wrong. Required parts that are wrong are problems (the plan is not
 * read); optional parts that are wrong are left out with a warning. Never throws.
 */

import type { PlanLayerSet } from '../analysis/analyze-plan.ts';
import {
  type ActionEntry,
  ASSUMPTION_KEYS,
  type Assumptions,
  DEFAULT_ASSUMPTIONS,
  type DirectQuota,
  isPlanYear,
  PLOT_ACTIONS,
  type PlanYear,
  type PlotAction,
  type QuotaTransfer,
  type ReceivingZone,
  type Scenario,
} from '../scenario/types.ts';
import type { AnalysisSettings } from '../settings.ts';
import type { AreaGeometry, FeatureCollection, Message } from '../types.ts';
import type { PlanFile, PlanView } from './plan-file.ts';
import { childPath, type PlanProblem } from './plan-problems.ts';
import { readSlides } from './slides.ts';

/** Problems of one layer reported one by one before they are summed up. */
const MAX_FEATURE_PROBLEMS = 5;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a JSON value for messages. */
function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[…] (${value.length})`;
  if (isRecord(value)) return '{…}';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const EXPECT = {
  string: { zh: '文本', en: 'a text (string)' },
  nonEmptyString: { zh: '非空文本', en: 'a non-empty text' },
  object: { zh: '对象 {…}', en: 'an object {…}' },
  array: { zh: '数组 […]', en: 'an array […]' },
  number: { zh: '有限数值', en: 'a finite number' },
  positive: { zh: '正数', en: 'a positive number' },
  nonNegative: { zh: '非负数', en: 'a number ≥ 0' },
  year: { zh: '2022–2026 之间的整数年份', en: 'a year from 2022 to 2026' },
  tolerance: { zh: '0 到 0.5 之间的数值', en: 'a number in [0, 0.5)' },
  action: { zh: `以下措施之一：${PLOT_ACTIONS.join('、')}`, en: `one of ${PLOT_ACTIONS.join(', ')}` },
  featureCollection: {
    zh: 'GeoJSON 要素集合（"type": "FeatureCollection"，含 features 数组）',
    en: 'a GeoJSON FeatureCollection (with a features array)',
  },
  areaGeometry: {
    zh: 'Polygon 或 MultiPolygon 几何图形（WGS84 经纬度）',
    en: 'a Polygon or MultiPolygon geometry (WGS84 longitude/latitude)',
  },
} satisfies Record<string, Message>;

/** Collects problems and warnings while reading; all readers return undefined on a problem. */
export class PlanReader {
  readonly problems: PlanProblem[] = [];
  readonly warnings: PlanProblem[] = [];

  constructor(readonly fileName: string) {}

  missing(path: string): undefined {
    this.problems.push({
      code: 'missing-part',
      path,
      message: {
        zh: `方案文件 ${this.fileName} 缺少必需部分 ${path}。`,
        en: `Plan file ${this.fileName}: the required part ${path} is missing.`,
      },
    });
    return undefined;
  }

  wrong(path: string, expected: Message, value: unknown): undefined {
    this.problems.push({
      code: 'wrong-part',
      path,
      message: {
        zh: `方案文件 ${this.fileName} 的 ${path} 应为${expected.zh}，实际为 ${shown(value)}。`,
        en: `Plan file ${this.fileName}: ${path} must be ${expected.en}; found ${shown(value)}.`,
      },
    });
    return undefined;
  }

  duplicate(path: string, id: string): void {
    this.problems.push({
      code: 'duplicate-id',
      path,
      message: {
        zh: `方案文件 ${this.fileName} 的 ${path} 中编号 ${id} 重复出现。`,
        en: `Plan file ${this.fileName}: the id ${id} occurs twice in ${path}.`,
      },
    });
  }

  warn(code: PlanProblem['code'], path: string | undefined, message: Message): void {
    this.warnings.push(path === undefined ? { code, message } : { code, path, message });
  }

  /** A member that must be present. */
  required(record: Record<string, unknown>, key: string, path: string): unknown {
    if (!Object.hasOwn(record, key) || record[key] === undefined) return this.missing(childPath(path, key));
    return record[key];
  }

  string(record: Record<string, unknown>, key: string, path: string, nonEmpty = false): string | undefined {
    const value = this.required(record, key, path);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || (nonEmpty && value === ''))
      return this.wrong(childPath(path, key), nonEmpty ? EXPECT.nonEmptyString : EXPECT.string, value);
    return value;
  }

  number(
    record: Record<string, unknown>,
    key: string,
    path: string,
    valid: (n: number) => boolean = () => true,
    expected: Message = EXPECT.number,
  ): number | undefined {
    const value = this.required(record, key, path);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || !valid(value))
      return this.wrong(childPath(path, key), expected, value);
    return value;
  }

  year(record: Record<string, unknown>, key: string, path: string): PlanYear | undefined {
    const value = this.required(record, key, path);
    if (value === undefined) return undefined;
    if (!isPlanYear(value)) return this.wrong(childPath(path, key), EXPECT.year, value);
    return value;
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (!isRecord(value)) return this.wrong(path, EXPECT.object, value);
    return value;
  }

  array(value: unknown, path: string): unknown[] | undefined {
    if (!Array.isArray(value)) return this.wrong(path, EXPECT.array, value);
    return value;
  }

  /** Warns about members this version does not know (they are not kept). */
  extraKeys(record: Record<string, unknown>, known: readonly string[], path: string): void {
    const extra = Object.keys(record).filter((key) => !known.includes(key));
    if (extra.length === 0) return;
    this.warn('unknown-part', path || undefined, {
      zh: `方案文件 ${this.fileName}${path ? ` 的 ${path}` : ''} 含有本版本不认识的部分（${extra.join('、')}），已忽略。`,
      en: `Plan file ${this.fileName}${path ? `, ${path}` : ''}: parts this version does not know (${extra.join(', ')}) were ignored.`,
    });
  }
}

/** Checks a ring list: arrays of ≥ 4 positions of finite WGS84 longitude/latitude. */
function isPolygonCoordinates(polygon: unknown): boolean {
  if (!Array.isArray(polygon) || polygon.length === 0) return false;
  for (const ring of polygon) {
    if (!Array.isArray(ring) || ring.length < 4) return false;
    for (const position of ring) {
      if (!Array.isArray(position) || position.length < 2) return false;
      const lon = position[0];
      const lat = position[1];
      if (typeof lon !== 'number' || typeof lat !== 'number') return false;
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return false;
    }
  }
  return true;
}

/** True for a Polygon or MultiPolygon with WGS84 coordinates. */
export function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (!isRecord(value)) return false;
  if (value.type === 'Polygon') return isPolygonCoordinates(value.coordinates);
  if (value.type === 'MultiPolygon')
    return Array.isArray(value.coordinates) && value.coordinates.every(isPolygonCoordinates);
  return false;
}

/** A stored layer: a FeatureCollection of Polygon/MultiPolygon features (geometry may be null). */
function readLayer(reader: PlanReader, value: unknown, path: string): FeatureCollection | undefined {
  if (!isRecord(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features))
    return reader.wrong(path, EXPECT.featureCollection, value);
  let bad = 0;
  value.features.forEach((feature: unknown, index: number) => {
    const featurePath = childPath(childPath(path, 'features'), index);
    let expected: Message | undefined;
    let found: unknown = feature;
    if (!isRecord(feature) || feature.type !== 'Feature') {
      expected = { zh: 'GeoJSON 要素（"type": "Feature"）', en: 'a GeoJSON Feature' };
    } else if (feature.geometry !== null && !isAreaGeometry(feature.geometry)) {
      expected = EXPECT.areaGeometry;
      found = feature.geometry;
    } else if (feature.properties !== null && !isRecord(feature.properties)) {
      expected = { zh: '属性对象或 null', en: 'a properties object or null' };
      found = feature.properties;
    }
    if (!expected) return;
    bad++;
    if (bad <= MAX_FEATURE_PROBLEMS) reader.wrong(featurePath, expected, found);
  });
  if (bad > MAX_FEATURE_PROBLEMS)
    reader.problems.push({
      code: 'wrong-part',
      path,
      message: {
        zh: `方案文件 ${reader.fileName} 的 ${path} 另有 ${bad - MAX_FEATURE_PROBLEMS} 个要素有误。`,
        en: `Plan file ${reader.fileName}: ${bad - MAX_FEATURE_PROBLEMS} more features of ${path} are wrong.`,
      },
    });
  return bad > 0 ? undefined : (value as unknown as FeatureCollection);
}

function readSettings(reader: PlanReader, value: unknown, path: string): AnalysisSettings | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['tolerance', 'screening', 'classLimits'], path);
  const tolerance = reader.number(record, 'tolerance', path, (n) => n >= 0 && n < 0.5, EXPECT.tolerance);
  const screeningValue = reader.required(record, 'screening', path);
  const screeningPath = childPath(path, 'screening');
  const screening = screeningValue === undefined ? undefined : reader.object(screeningValue, screeningPath);
  const limitsValue = reader.required(record, 'classLimits', path);
  const limitsPath = childPath(path, 'classLimits');
  const limits = limitsValue === undefined ? undefined : reader.object(limitsValue, limitsPath);
  if (screening)
    reader.extraKeys(screening, ['investmentPerMu', 'far', 'coverage', 'taxPerMu'], screeningPath);
  if (limits) reader.extraKeys(limits, ['A', 'B', 'C'], limitsPath);
  const investmentPerMu = screening && reader.number(screening, 'investmentPerMu', screeningPath);
  const far = screening && reader.number(screening, 'far', screeningPath);
  const coverage = screening && reader.number(screening, 'coverage', screeningPath);
  const taxPerMu = screening && reader.number(screening, 'taxPerMu', screeningPath);
  const A = limits && reader.number(limits, 'A', limitsPath);
  const B = limits && reader.number(limits, 'B', limitsPath);
  const C = limits && reader.number(limits, 'C', limitsPath);
  if (
    tolerance === undefined ||
    investmentPerMu === undefined ||
    far === undefined ||
    coverage === undefined ||
    taxPerMu === undefined ||
    A === undefined ||
    B === undefined ||
    C === undefined
  )
    return undefined;
  return { tolerance, screening: { investmentPerMu, far, coverage, taxPerMu }, classLimits: { A, B, C } };
}

function readLayers(reader: PlanReader, value: unknown, path: string): PlanLayerSet | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['boundary', 'control', 'plots'], path);
  const layers: Partial<PlanLayerSet> = {};
  for (const key of ['boundary', 'control', 'plots'] as const) {
    const layer = reader.required(record, key, path);
    if (layer !== undefined) layers[key] = readLayer(reader, layer, childPath(path, key));
  }
  return layers.boundary && layers.control && layers.plots ? (layers as PlanLayerSet) : undefined;
}

function readActionEntry(reader: PlanReader, value: unknown, path: string): ActionEntry | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['action', 'year', 'zoneId', 'lease'], path);
  const action = reader.required(record, 'action', path);
  if (action !== undefined && !PLOT_ACTIONS.includes(action as PlotAction))
    return reader.wrong(childPath(path, 'action'), EXPECT.action, action);
  const year = reader.year(record, 'year', path);
  if (action === undefined || year === undefined) return undefined;
  const entry: ActionEntry = { action: action as PlotAction, year };
  if (record.zoneId !== undefined) {
    if (typeof record.zoneId !== 'string')
      return reader.wrong(childPath(path, 'zoneId'), EXPECT.string, record.zoneId);
    entry.zoneId = record.zoneId;
  }
  if (record.lease !== undefined) {
    const leasePath = childPath(path, 'lease');
    const lease = reader.object(record.lease, leasePath);
    if (!lease) return undefined;
    reader.extraKeys(lease, ['years'], leasePath);
    const years = reader.number(lease, 'years', leasePath, (n) => n > 0, EXPECT.positive);
    if (years === undefined) return undefined;
    entry.lease = { years };
  }
  return entry;
}

function readZone(reader: PlanReader, value: unknown, path: string): ReceivingZone | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['id', 'name', 'far', 'year', 'town', 'geometry'], path);
  const id = reader.string(record, 'id', path, true);
  const name = reader.string(record, 'name', path);
  const far = reader.number(record, 'far', path, (n) => n > 0, EXPECT.positive);
  const year = reader.year(record, 'year', path);
  const geometry = reader.required(record, 'geometry', path);
  if (geometry !== undefined && !isAreaGeometry(geometry))
    reader.wrong(childPath(path, 'geometry'), EXPECT.areaGeometry, geometry);
  let town: string | undefined;
  if (record.town !== undefined) {
    if (typeof record.town !== 'string')
      return reader.wrong(childPath(path, 'town'), EXPECT.string, record.town);
    town = record.town;
  }
  if (
    id === undefined ||
    name === undefined ||
    far === undefined ||
    year === undefined ||
    !isAreaGeometry(geometry)
  )
    return undefined;
  const zone: ReceivingZone = { id, name, far, year, geometry };
  if (town !== undefined) zone.town = town;
  return zone;
}

function readTransfer(reader: PlanReader, value: unknown, path: string): QuotaTransfer | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['id', 'from', 'to', 'mu', 'year'], path);
  const id = reader.string(record, 'id', path, true);
  const from = reader.string(record, 'from', path);
  const to = reader.string(record, 'to', path);
  const mu = reader.number(record, 'mu', path, (n) => n >= 0, EXPECT.nonNegative);
  const year = reader.year(record, 'year', path);
  if (id === undefined || from === undefined || to === undefined || mu === undefined || year === undefined)
    return undefined;
  return { id, from, to, mu, year };
}

function readDirectQuota(reader: PlanReader, value: unknown, path: string): DirectQuota | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['id', 'town', 'mu', 'year', 'note'], path);
  const id = reader.string(record, 'id', path, true);
  const town = reader.string(record, 'town', path);
  const mu = reader.number(record, 'mu', path, (n) => n >= 0, EXPECT.nonNegative);
  const year = reader.year(record, 'year', path);
  const note = reader.string(record, 'note', path);
  if (id === undefined || town === undefined || mu === undefined || year === undefined || note === undefined)
    return undefined;
  return { id, town, mu, year, note };
}

function readAssumptions(reader: PlanReader, value: unknown, path: string): Assumptions | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ASSUMPTION_KEYS, path);
  const assumptions = { ...DEFAULT_ASSUMPTIONS };
  const filled: string[] = [];
  let ok = true;
  for (const key of ASSUMPTION_KEYS) {
    if (record[key] === undefined) {
      filled.push(key);
      continue;
    }
    const number = reader.number(record, key, path);
    if (number === undefined) ok = false;
    else assumptions[key] = number;
  }
  if (filled.length > 0)
    reader.warn('default-assumption', path, {
      zh: `方案文件 ${reader.fileName} 的 ${path} 缺少 ${filled.join('、')}，已按示例默认值补齐。`,
      en: `Plan file ${reader.fileName}: ${path} lacked ${filled.join(', ')}; the example defaults were filled in.`,
    });
  return ok ? assumptions : undefined;
}

/** Reads an array of items with ids, reporting duplicate ids. */
function readList<T extends { id: string }>(
  reader: PlanReader,
  record: Record<string, unknown>,
  key: string,
  path: string,
  readItem: (reader: PlanReader, value: unknown, path: string) => T | undefined,
): T[] | undefined {
  const listPath = childPath(path, key);
  const value = reader.required(record, key, path);
  if (value === undefined) return undefined;
  const array = reader.array(value, listPath);
  if (!array) return undefined;
  const items: T[] = [];
  const ids = new Set<string>();
  let ok = true;
  array.forEach((item, index) => {
    const read = readItem(reader, item, childPath(listPath, index));
    if (!read) {
      ok = false;
      return;
    }
    if (ids.has(read.id)) {
      reader.duplicate(listPath, read.id);
      ok = false;
    }
    ids.add(read.id);
    items.push(read);
  });
  return ok ? items : undefined;
}

function readScenario(reader: PlanReader, value: unknown, path: string): Scenario | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(
    record,
    ['id', 'name', 'actions', 'zones', 'transfers', 'directQuota', 'assumptions'],
    path,
  );
  const id = reader.string(record, 'id', path, true);
  const name = reader.string(record, 'name', path);
  const actionsValue = reader.required(record, 'actions', path);
  const actionsPath = childPath(path, 'actions');
  const actionsRecord = actionsValue === undefined ? undefined : reader.object(actionsValue, actionsPath);
  let actions: Record<string, ActionEntry> | undefined;
  if (actionsRecord) {
    const entries: [string, ActionEntry][] = [];
    let ok = true;
    for (const [plotId, entryValue] of Object.entries(actionsRecord)) {
      const entry = readActionEntry(reader, entryValue, childPath(actionsPath, plotId));
      if (entry) entries.push([plotId, entry]);
      else ok = false;
    }
    // fromEntries defines own properties, so even a plot id "__proto__" stays an ordinary key.
    if (ok) actions = Object.fromEntries(entries);
  }
  const zones = readList(reader, record, 'zones', path, readZone);
  const transfers = readList(reader, record, 'transfers', path, readTransfer);
  const directQuota = readList(reader, record, 'directQuota', path, readDirectQuota);
  const assumptionsValue = reader.required(record, 'assumptions', path);
  const assumptions =
    assumptionsValue === undefined
      ? undefined
      : readAssumptions(reader, assumptionsValue, childPath(path, 'assumptions'));
  if (
    id === undefined ||
    name === undefined ||
    !actions ||
    !zones ||
    !transfers ||
    !directQuota ||
    !assumptions
  )
    return undefined;
  return { id, name, actions, zones, transfers, directQuota, assumptions };
}

function readView(reader: PlanReader, value: unknown): PlanView | undefined {
  const center = isRecord(value) ? value.center : undefined;
  const zoom = isRecord(value) ? value.zoom : undefined;
  if (
    Array.isArray(center) &&
    center.length === 2 &&
    center.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    typeof zoom === 'number' &&
    Number.isFinite(zoom)
  )
    return { center: [center[0] as number, center[1] as number], zoom };
  reader.warn('dropped-part', 'view', {
    zh: `方案文件 ${reader.fileName} 的 view 应为 { center: [经度, 纬度], zoom }，已忽略。`,
    en: `Plan file ${reader.fileName}: view must be { center: [lon, lat], zoom }; it was ignored.`,
  });
  return undefined;
}

export const PLAN_KEYS = [
  'format',
  'version',
  'name',
  'createdAt',
  'settings',
  'layers',
  'scenarios',
  'activeScenarioId',
  'view',
  'slides',
] as const;

/**
 * Reads a version-1 plan object. Returns undefined when a required part is missing or wrong (the
 * reader then holds the problems).
 */
export function readPlanV1(reader: PlanReader, data: Record<string, unknown>): PlanFile | undefined {
  reader.extraKeys(data, PLAN_KEYS, '');
  const name = reader.string(data, 'name', '');
  const createdAt = reader.string(data, 'createdAt', '');
  const settingsValue = reader.required(data, 'settings', '');
  const settings = settingsValue === undefined ? undefined : readSettings(reader, settingsValue, 'settings');
  const layersValue = reader.required(data, 'layers', '');
  const layers = layersValue === undefined ? undefined : readLayers(reader, layersValue, 'layers');
  const scenarios = readList(reader, data, 'scenarios', '', readScenario);
  const activeScenarioId = reader.string(data, 'activeScenarioId', '');
  let view: PlanView | undefined;
  if (data.view !== undefined) view = readView(reader, data.view);
  // Optional, but the planner's own work: a damaged slide stops the file from opening (slides.ts).
  const slides = data.slides === undefined ? undefined : readSlides(reader, data.slides);
  if (
    name === undefined ||
    createdAt === undefined ||
    !settings ||
    !layers ||
    !scenarios ||
    activeScenarioId === undefined ||
    (data.slides !== undefined && !slides)
  )
    return undefined;
  const plan: PlanFile = {
    format: 'industrial-land-plan',
    version: 1,
    name,
    createdAt,
    settings,
    layers,
    scenarios,
    activeScenarioId,
  };
  if (view) plan.view = view;
  if (slides) plan.slides = slides;
  return plan;
}
