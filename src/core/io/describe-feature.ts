/**
 * Wording shared by the import checks: how a feature, a ring and a count are named in messages
 * (Chinese first, English second). Feature numbers in messages are 1-based; `featureIndex` is 0-based.
 */
import type { LayerKind, Message } from '../types.ts';

const MAX_ID_CHARS = 40;

/** Shortens a value for display in a message (ids, cell values). */
export function shortText(value: unknown, maxChars = MAX_ID_CHARS): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    text = String(value);
  else if (value === null) text = 'null';
  else if (value === undefined) text = 'undefined';
  else if (Array.isArray(value)) text = '[…]';
  else text = '{…}';
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/** "第 3 个要素（编号 P-003）" / "Feature 3 (id P-003)" for the feature at 0-based `featureIndex`. */
export function featureLabel(featureIndex: number, featureId?: string | number): Message {
  const n = featureIndex + 1;
  if (featureId === undefined) return { zh: `第 ${n} 个要素`, en: `Feature ${n}` };
  const id = shortText(featureId);
  return { zh: `第 ${n} 个要素（编号 ${id}）`, en: `Feature ${n} (id ${id})` };
}

/** Integer with thousands separators, independent of the runtime's locale data. */
export function formatCount(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A longitude/latitude (or projected x/y) pair with 6 decimals, for "在 … 附近". */
export function formatPoint(x: number, y: number): string {
  return `${x.toFixed(6)}, ${y.toFixed(6)}`;
}

/** The layer's name in both languages, as the user knows it. */
export function layerLabel(layer: LayerKind): Message {
  switch (layer) {
    case 'boundary':
      return { zh: '城镇开发边界图层', en: 'town development boundary layer' };
    case 'control':
      return { zh: '工业控制线图层', en: 'industrial control line layer' };
    case 'plots':
      return { zh: '工业用地地块图层', en: 'industrial land plot layer' };
  }
}

/**
 * Names a ring: "第 2 个环（内环）" / "ring 2 (hole)"; with `polygonIndex` for a MultiPolygon,
 * "第 1 个面的第 2 个环（内环）". Indices are 0-based in, 1-based out.
 */
export function ringLabel(ringIndex: number, polygonIndex?: number): Message {
  const kindZh = ringIndex === 0 ? '外环' : '内环';
  const kindEn = ringIndex === 0 ? 'outer' : 'hole';
  const zh = `第 ${ringIndex + 1} 个环（${kindZh}）`;
  const en = `ring ${ringIndex + 1} (${kindEn})`;
  if (polygonIndex === undefined) return { zh, en };
  return { zh: `第 ${polygonIndex + 1} 个面的${zh}`, en: `${en} of polygon ${polygonIndex + 1}` };
}

/** True for a non-null object that is not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
