/**
 * Messages of the context layers (参考图层) and the base map setting (底图). zh-CN is the reference:
 * en must have every key (the type checks it).
 */

import { fillTemplate, type Language } from './messages.ts';

export const contextMessagesZh = {
  'context.title': '参考图层',
  'context.hint': '道路、河流、土地调查、规划等，仅作对照，不参与计算',
  'context.add': '添加参考图层…',
  'context.empty': '尚无参考图层',
  'context.count': '{count} 个',
  'context.show': '显示 {name}',
  'context.remove': '移除 {name}',
  'context.removeConfirm': '移除参考图层“{name}”？（规划数据不受影响）',
  'basemap.button': '底图…',
  'basemap.none': '底图：内置轮廓图（不联网）',
  'basemap.current.tiles': '底图：{origin}',
  'basemap.current.pmtiles': '底图：本地文件 {file}',
  'basemap.title': '底图设置',
  'basemap.intro': '默认不请求任何网络资源。可以指定本单位内网的瓦片服务，或从本机打开一个 PMTiles 文件。',
  'basemap.kind.none': '不用底图（内置轮廓图）',
  'basemap.kind.tiles': '内网瓦片服务（XYZ 或 WMTS 地址模板）',
  'basemap.kind.pmtiles': '本机 PMTiles 文件（栅格）',
  'basemap.template': '地址模板，例如 http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png',
  'basemap.origin': '保存后，本页只会联系这一个来源：{origin}',
  'basemap.originNone': '保存后，本页不联系任何其他来源。',
  'basemap.reload': '保存后页面会重新载入一次（规划已自动保存），以便浏览器的安全策略只放行这个来源。',
  'basemap.file': '选择 .pmtiles 文件',
  'basemap.fileChosen': '已选：{file}（只在本机读取，不上传）',
  'basemap.gcj02': '这是 GCJ-02 坐标的底图（高德、腾讯等国内商业地图）',
  'basemap.gcj02Guess': '根据地址判断，这可能是 GCJ-02 底图。',
  'basemap.singleFile': '单文件版从本机磁盘打开，不能联系任何网络来源：只能使用本机 PMTiles 文件。',
  'basemap.save': '保存',
  'basemap.cancel': '取消',
  'basemap.noteTitle': 'GCJ-02 底图：与规划图层错开数百米',
} as const;

export type ContextMessageKey = keyof typeof contextMessagesZh;

export const contextMessagesEn: Record<ContextMessageKey, string> = {
  'context.title': 'Context layers',
  'context.hint': 'Roads, rivers, land survey, plans: for reference only, never in any calculation',
  'context.add': 'Add context layer…',
  'context.empty': 'No context layers yet',
  'context.count': '{count}',
  'context.show': 'Show {name}',
  'context.remove': 'Remove {name}',
  'context.removeConfirm': 'Remove the context layer "{name}"? (The plan data are not affected.)',
  'basemap.button': 'Base map…',
  'basemap.none': 'Base map: built-in outline map (offline)',
  'basemap.current.tiles': 'Base map: {origin}',
  'basemap.current.pmtiles': 'Base map: local file {file}',
  'basemap.title': 'Base map',
  'basemap.intro':
    'By default nothing is requested from any network. You can name a tile service on your own intranet, or open a PMTiles file from this computer.',
  'basemap.kind.none': 'No base map (built-in outline map)',
  'basemap.kind.tiles': 'Intranet tile service (XYZ or WMTS URL template)',
  'basemap.kind.pmtiles': 'PMTiles file on this computer (raster)',
  'basemap.template': 'URL template, e.g. http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png',
  'basemap.origin': 'Once saved, this page contacts only this one origin: {origin}',
  'basemap.originNone': 'Once saved, this page contacts no other origin.',
  'basemap.reload':
    'Saving reloads the page once (the plan is autosaved), so that the browser’s security policy admits this origin and no other.',
  'basemap.file': 'Choose a .pmtiles file',
  'basemap.fileChosen': 'Chosen: {file} (read on this computer, never uploaded)',
  'basemap.gcj02': 'This base map is in GCJ-02 (Chinese commercial web maps such as Amap or Tencent)',
  'basemap.gcj02Guess': 'Judging by its address, this may be a GCJ-02 base map.',
  'basemap.singleFile':
    'The single-file version is opened from disk and cannot contact any network origin: only a local PMTiles file can be used.',
  'basemap.save': 'Save',
  'basemap.cancel': 'Cancel',
  'basemap.noteTitle': 'GCJ-02 base map: offset by several hundred metres from the plan layers',
};

const CATALOGUES: Readonly<Record<Language, Readonly<Record<ContextMessageKey, string>>>> = {
  'zh-CN': contextMessagesZh,
  en: contextMessagesEn,
};

/** The message `key` in `language`, with `{name}` placeholders replaced from `values`. */
export function contextText(
  language: Language,
  key: ContextMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(language, CATALOGUES[language][key], values);
}
