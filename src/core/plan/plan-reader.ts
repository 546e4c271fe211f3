/**
 * The reader every part of a plan file is read with: it collects problems (a required part missing
 * or wrong: the plan is not read) and warnings (an optional part left out), each naming the part's
 * path, and its readers return undefined on a problem instead of throwing.
 */

import { PLOT_ACTIONS } from '../catalogue/action-catalogue.ts';
import { isPlanYear, type PlanYear } from '../scenario/scenario.ts';
import type { Message } from '../types.ts';
import { childPath, type PlanProblem } from './plan-problems.ts';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an ISO 8601 date-time such as 2026-12-05T08:00:00.000Z. */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value));
}

/** A short description of a JSON value for messages. */
function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[…] (${value.length})`;
  if (isRecord(value)) return '{…}';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** What a part should have been, for messages. */
export const EXPECT = {
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
    // JSON.parse reads 1e999 as Infinity, which JSON cannot write back (it would show as null).
    const found =
      typeof value === 'number' && !Number.isFinite(value) && !Number.isNaN(value)
        ? {
            zh: `一个超出 JSON 数值范围的数（如 1e999，读作${value > 0 ? '' : '负'}无穷大）`,
            en: `a number too large for JSON (such as 1e999, which overflows to ${value > 0 ? '' : 'minus '}infinity)`,
          }
        : { zh: shown(value), en: shown(value) };
    this.problems.push({
      code: 'wrong-part',
      path,
      message: {
        zh: `方案文件 ${this.fileName} 的 ${path} 应为${expected.zh}，实际为 ${found.zh}。`,
        en: `Plan file ${this.fileName}: ${path} must be ${expected.en}; found ${found.en}.`,
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

/** Reads an array of items with ids, reporting duplicate ids. */
export function readList<T extends { id: string }>(
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
