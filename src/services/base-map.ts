/**
 * The base map the planner names (底图), kept in this browser, not in the plan: a tile service on
 * their own network or a local PMTiles file. Nothing is requested unless it is set. At start, before
 * any request, the page adds a Content-Security-Policy that admits the tile service's one origin and
 * no other (see baseMapCsp and docs/base-map.md); so a new tile service is saved and the page reloaded.
 * A local PMTiles file is read from disk through the basemap:// protocol and needs no origin.
 */

import { addProtocol } from 'maplibre-gl';
import { FileSource, PMTiles, TileType } from 'pmtiles';
import { type BaseMapSetting, baseMapCsp, readBaseMapSetting } from '../core/base-map-setting.ts';
import type { Message } from '../core/types.ts';
import type { BaseMapState } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { getAutosaved, putAutosaved } from '../worker/saved-layers.ts';

/** Where the setting is kept (localStorage: read synchronously, before the page's first request). */
export const BASE_MAP_SETTING_KEY = 'industrial-land-planner.base-map';
/** Where a local PMTiles file is kept (the autosave store: a File is stored as it is). */
const BASE_MAP_FILE_KEY = 'base-map-file';
const PROTOCOL = 'basemap';
/** Tile services rarely go beyond this; MapLibre enlarges the last level. */
const TILE_SERVICE_MAX_ZOOM = 18;

/** The local archive the basemap:// protocol serves; null when none is open. */
let archive: PMTiles | null = null;
let emptyTile: Promise<ArrayBuffer> | null = null;

/** The stored setting; null when none (or storage cannot be read). */
export function storedBaseMapSetting(): BaseMapSetting | null {
  try {
    const text = window.localStorage.getItem(BASE_MAP_SETTING_KEY);
    return text === null ? null : readBaseMapSetting(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * Adds the policy that narrows the built page's connect-src and img-src to its own origin plus the
 * base map's (both policies apply, the stricter wins). Called first thing at start. The dev server
 * serves the page without a policy (vite.config.ts), and there none is added.
 */
export function installBaseMapCsp(setting: BaseMapSetting | null): void {
  if (!document.querySelector('meta[http-equiv="Content-Security-Policy"]')) return;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = baseMapCsp(setting?.kind === 'tiles' ? setting.origin : null);
  document.head.prepend(meta);
}

/** A transparent 1×1 PNG for a tile the archive does not hold (MapLibre draws nothing there). */
function transparentTile(): Promise<ArrayBuffer> {
  emptyTile ??= new OffscreenCanvas(1, 1)
    .convertToBlob({ type: 'image/png' })
    .then((blob) => blob.arrayBuffer());
  return emptyTile;
}

/** basemap://{z}/{x}/{y}: a tile of the open local archive; never a network request. */
function startProtocol(): void {
  addProtocol(PROTOCOL, async (params, abort) => {
    const match = /^basemap:\/\/(\d+)\/(\d+)\/(\d+)/.exec(params.url);
    if (!match || !archive) throw new Error(`No local base map is open for ${params.url}.`);
    const tile = await archive.getZxy(Number(match[1]), Number(match[2]), Number(match[3]), abort.signal);
    return { data: tile ? tile.data : await transparentTile() };
  });
}

const NOT_RASTER: Message = {
  zh: '这个 PMTiles 文件是矢量瓦片：底图只能用栅格瓦片（PNG、JPEG、WebP）。请选择栅格 PMTiles 文件。',
  en: 'This PMTiles file holds vector tiles: a base map must be raster tiles (PNG, JPEG, WebP). Choose a raster PMTiles file.',
};

/** Opens a local PMTiles file as the protocol's archive; the map's tiles, or why it cannot be drawn. */
async function openArchive(file: Blob & { name: string }): Promise<Pick<BaseMapState, 'tiles' | 'problem'>> {
  try {
    const opened = new PMTiles(new FileSource(file as File));
    const header = await opened.getHeader();
    if (![TileType.Png, TileType.Jpeg, TileType.Webp].includes(header.tileType))
      return { tiles: null, problem: NOT_RASTER };
    archive = opened;
    const bounds: [number, number, number, number] = [
      header.minLon,
      header.minLat,
      header.maxLon,
      header.maxLat,
    ];
    const hasBounds = bounds[0] < bounds[2] && bounds[1] < bounds[3];
    return {
      tiles: {
        // The file's name makes a new file a new URL (MapLibre keeps the old tiles of a URL).
        url: `${PROTOCOL}://{z}/{x}/{y}?file=${encodeURIComponent(file.name)}`,
        minzoom: header.minZoom,
        maxzoom: header.maxZoom,
        ...(hasBounds ? { bounds } : {}),
      },
      problem: null,
    };
  } catch (error) {
    return {
      tiles: null,
      problem: {
        zh: `无法读取底图文件 ${file.name}（${(error as Error).message}）：它不是有效的 PMTiles 文件。`,
        en: `The base map file ${file.name} cannot be read (${(error as Error).message}): it is not a valid PMTiles file.`,
      },
    };
  }
}

/** The base map state of a setting: a tile service at once, a local file once it is read. */
async function baseMapState(
  setting: BaseMapSetting,
  file: (Blob & { name: string }) | null,
): Promise<BaseMapState> {
  if (setting.kind === 'tiles')
    return {
      setting,
      tiles: { url: setting.template, minzoom: 0, maxzoom: TILE_SERVICE_MAX_ZOOM },
      problem: null,
    };
  if (!file)
    return {
      setting,
      tiles: null,
      problem: {
        zh: `底图文件 ${setting.fileName} 已不在本机浏览器中（可能清除了浏览数据）：请在“底图”设置中重新选择它。`,
        en: `The base map file ${setting.fileName} is no longer kept in this browser (browsing data may have been cleared): choose it again in the base map setting.`,
      },
    };
  return { setting, ...(await openArchive(file)) };
}

/** Starts the protocol and shows the stored base map (a local file read from the browser's storage). */
export async function startBaseMap(store: PlannerStore, setting: BaseMapSetting | null): Promise<void> {
  startProtocol();
  if (!setting) return;
  let file: (Blob & { name: string }) | null = null;
  if (setting.kind === 'pmtiles') {
    try {
      file = ((await getAutosaved(BASE_MAP_FILE_KEY)) as (Blob & { name: string }) | undefined) ?? null;
    } catch {
      file = null;
    }
  }
  store.getState().setBaseMap(await baseMapState(setting, file));
}

/**
 * Saves a new setting. A tile service (or leaving one) changes the origins the page may contact,
 * which only a new start can do: the page reloads (the autosave keeps the plan). A local file is
 * shown at once.
 * @returns the problem when the local file cannot be used (nothing is saved then)
 */
export async function saveBaseMap(
  store: PlannerStore,
  setting: BaseMapSetting | null,
  file?: File,
): Promise<Message | null> {
  const before = store.getState().baseMap?.setting ?? null;
  if (setting?.kind === 'pmtiles') {
    if (!file) return NOT_RASTER;
    const state = await baseMapState(setting, file);
    if (state.problem) return state.problem;
    await putAutosaved(BASE_MAP_FILE_KEY, file);
    window.localStorage.setItem(BASE_MAP_SETTING_KEY, JSON.stringify(setting));
    store.getState().setBaseMap(state);
    if (before?.kind === 'tiles') window.location.reload();
    return null;
  }
  if (setting) window.localStorage.setItem(BASE_MAP_SETTING_KEY, JSON.stringify(setting));
  else window.localStorage.removeItem(BASE_MAP_SETTING_KEY);
  if (setting?.kind === 'tiles' || before?.kind === 'tiles') window.location.reload();
  else {
    archive = null;
    store.getState().setBaseMap(null);
  }
  return null;
}
