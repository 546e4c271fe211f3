/**
 * The optional base map a planner names (底图): a tile template on their own network (XYZ, or WMTS
 * in key-value form such as an intranet 天地图) or a local PMTiles file. Pure: what the setting is,
 * which origin it contacts (the only one the page's Content-Security-Policy then admits), and
 * whether its tiles are in GCJ-02. Nothing here makes a request.
 */

import type { Message } from './types.ts';

export type BaseMapSetting =
  | {
      kind: 'tiles';
      /** A URL with {z}, {x} and {y} (WMTS's {TileMatrix}, {TileCol}, {TileRow} written as those). */
      template: string;
      /** The only origin contacted, e.g. `http://10.1.2.3:8080`. */
      origin: string;
      /** The tiles are in GCJ-02 (高德, 腾讯 …): drawn offset from the plan by several hundred metres. */
      gcj02: boolean;
    }
  | {
      kind: 'pmtiles';
      /** The local file's name (the file itself is kept in the browser's storage). */
      fileName: string;
      gcj02: boolean;
    };

export type ParsedTemplate = { ok: true; template: string; origin: string } | { ok: false; message: Message };

/** WMTS RESTful and key-value names of the tile indices, as the {z}/{x}/{y} MapLibre fills in. */
const WMTS_NAMES: readonly [RegExp, string][] = [
  [/\{tilematrix\}/gi, '{z}'],
  [/\{tilecol\}/gi, '{x}'],
  [/\{tilerow\}/gi, '{y}'],
];

/**
 * Reads a tile template as typed: http(s) only, {z}, {x} and {y} present (WMTS names accepted), one
 * host (no {s} subdomain list), no user name or password in it. The origin is what the setting shows
 * and what the page's CSP admits.
 * @example
 * parseTileTemplate('http://10.1.2.3:8080/vec_w/wmts?TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}')
 * // → { ok: true, template: 'http://10.1.2.3:8080/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}', origin: 'http://10.1.2.3:8080' }
 */
export function parseTileTemplate(text: string): ParsedTemplate {
  let template = text.trim();
  for (const [name, placeholder] of WMTS_NAMES) template = template.replace(name, placeholder);
  if (template === '') return fail('请填写瓦片地址模板。', 'Enter a tile URL template.');
  if (/\{s\}|\{switch:/i.test(template))
    return fail(
      `模板 ${template} 含有子域名占位符 {s}：每个子域名都是一个单独的来源。请写出一个固定的主机名（例如把 {s} 换成 t0）。`,
      `The template ${template} has a subdomain placeholder {s}: each subdomain is another origin. Write one fixed host name (e.g. replace {s} with t0).`,
    );
  let url: URL;
  try {
    url = new URL(template.replace(/\{[a-z-]+\}/gi, '0'));
  } catch {
    return fail(
      `${template} 不是完整的网址；请以 http:// 或 https:// 开头，例如 http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png`,
      `${template} is not a complete URL; start it with http:// or https://, e.g. http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail(
      `底图地址只能是 http:// 或 https://，而 ${template} 是 ${url.protocol}`,
      `A base map URL must be http:// or https://; ${template} is ${url.protocol}`,
    );
  if (url.username !== '' || url.password !== '')
    return fail(
      '底图地址中不能含有用户名或密码：它们会随设置保存在本机。请使用不需要登录的内网瓦片服务。',
      'The base map URL must not hold a user name or password: they would be saved with the setting. Use an intranet tile service that needs no login.',
    );
  const missing = ['{z}', '{x}', '{y}'].filter((placeholder) => !template.includes(placeholder));
  if (missing.length > 0)
    return fail(
      `模板缺少 ${missing.join('、')}：瓦片地址必须写出层级 {z}、列 {x} 和行 {y}（WMTS 写作 {TileMatrix}、{TileCol}、{TileRow}）。`,
      `The template lacks ${missing.join(', ')}: a tile URL must name the zoom {z}, column {x} and row {y} (in WMTS: {TileMatrix}, {TileCol}, {TileRow}).`,
    );
  return { ok: true, template, origin: url.origin };
}

function fail(zh: string, en: string): ParsedTemplate {
  return { ok: false, message: { zh, en } };
}

/** Hosts of web maps whose tiles are in GCJ-02: 高德 (amap, autonavi) and 腾讯 (gtimg, map.qq). */
const GCJ02_HOSTS = /(^|\.)(amap\.com|autonavi\.com|gtimg\.com|map\.qq\.com)$/i;

/**
 * Whether a tile template looks like a GCJ-02 source, by its host. A guess the user can override:
 * an intranet mirror of such tiles has a host of its own.
 */
export function looksLikeGcj02(template: string): boolean {
  try {
    return GCJ02_HOSTS.test(new URL(template.replace(/\{[a-z-]+\}/gi, '0')).hostname);
  } catch {
    return false;
  }
}

/** Why a GCJ-02 base map is marked, shown in the setting and as the map's note. */
export const GCJ02_NOTE: Message = {
  zh: '底图为 GCJ-02 坐标（高德、腾讯等国内商业网络地图按规定加偏），与 WGS84/CGCS2000 的规划图层错开约数百米（慈溪一带约 500 米）。底图未纠偏：请勿据此核对地块位置。',
  en: 'The base map is in GCJ-02 (Chinese commercial web maps such as Amap and Tencent are offset by regulation): it is shifted by several hundred metres (about 500 m around Cixi) from the plan layers in WGS84/CGCS2000. The base map is not corrected: do not check plot positions against it.',
};

/**
 * The Content-Security-Policy the page adds at start, before any request: the built page's own
 * policy admits any http(s) image and connection only so that this second policy (both apply, so
 * the stricter wins) can name exactly one origin, the base map's, or none.
 * @param origin the base map's origin, or null when no tile base map is set
 */
export function baseMapCsp(origin: string | null): string {
  const extra = origin ? ` ${origin}` : '';
  return `connect-src 'self' data: blob:${extra}; img-src 'self' data: blob:${extra}`;
}

/** Reads a stored setting back; null when there is none or it is not one this version wrote. */
export function readBaseMapSetting(value: unknown): BaseMapSetting | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const gcj02 = record.gcj02 === true;
  if (record.kind === 'tiles' && typeof record.template === 'string') {
    const parsed = parseTileTemplate(record.template);
    return parsed.ok ? { kind: 'tiles', template: parsed.template, origin: parsed.origin, gcj02 } : null;
  }
  if (record.kind === 'pmtiles' && typeof record.fileName === 'string')
    return { kind: 'pmtiles', fileName: record.fileName, gcj02 };
  return null;
}
