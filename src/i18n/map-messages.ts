/**
 * Messages about the map itself: why it cannot be drawn (no WebGL 2, a failed start), what to do,
 * the simple 2-D map shown instead, and a lost drawing context. zh-CN is the reference: en must have
 * every key (the type checks it).
 */

import { fillTemplate, type Language } from './messages.ts';

export const mapMessagesZh = {
  'map.none.title': '本机浏览器无法使用 WebGL 2，地图无法显示',
  'map.failed.title': '地图无法启动：{message}',
  'map.none.why':
    '地图要用浏览器的 WebGL 2（图形加速）来绘制。在虚拟桌面、显卡被浏览器停用或浏览器设置受限时，它不可用。',
  'map.none.todo': '要显示完整地图，可以：',
  'map.none.todo.acceleration': '在浏览器“设置 → 系统”中打开“使用图形加速功能（硬件加速）”，然后重启浏览器；',
  'map.none.todo.browser': '换用最新版的 Chrome 或 Edge 浏览器；',
  'map.none.todo.computer': '或换一台电脑（显卡驱动正常、不经虚拟桌面）。',
  'map.none.works':
    '其他功能照常可用：导入数据、地块列表、统计、情景方案（在地块列表中筛选后设置措施）、方案比较、打印报告（不含地图）和导出表格。',
  'map.none.hide': '收起说明',
  'map.none.show': '为什么看不到完整地图？',
  'map.fallback.note': '下面是简化的平面地图：拖动平移，滚轮或 + / − 缩放，点击地块查看详情。',
  'map.fallback.zoomIn': '放大',
  'map.fallback.zoomOut': '缩小',
  'map.fallback.fit': '显示全市',
  'map.fallback.label': '简化平面地图（无 WebGL 2）',
  'map.needsMap': '需要完整地图（WebGL 2），本机浏览器不可用',
  'map.lost': '地图的图形环境中断（如电脑休眠或显卡驱动重置），正在恢复…',
  'map.lost.gone': '地图的图形环境中断后没有恢复，完整地图无法显示',
  'map.pane.hide': '收起',
  'map.pane.legend.hide': '收起图例，露出地图',
  'map.pane.legend.show': '展开图例',
  'map.pane.side.hide': '收起侧栏',
  'map.pane.side.show': '展开侧栏',
  'map.pane.card.hide': '收起地块信息，露出地图',
  'map.pane.card.show': '展开地块信息',
  'map.pane.targets.hide': '收起指标，露出地图',
  'map.pane.targets.show': '展开指标',
} as const;

export type MapMessageKey = keyof typeof mapMessagesZh;

export const mapMessagesEn: Record<MapMessageKey, string> = {
  'map.none.title': 'This browser cannot use WebGL 2: the map cannot be shown',
  'map.failed.title': 'The map could not start: {message}',
  'map.none.why':
    'The map is drawn with the browser’s WebGL 2 (graphics acceleration). It is not available on a virtual desktop, when the browser has turned the graphics card off, or when its settings are locked down.',
  'map.none.todo': 'To see the full map:',
  'map.none.todo.acceleration':
    'turn on “Use graphics acceleration when available” in the browser’s Settings → System, then restart the browser;',
  'map.none.todo.browser': 'use a current Chrome or Edge;',
  'map.none.todo.computer': 'or use another computer (working graphics driver, no virtual desktop).',
  'map.none.works':
    'Everything else works as usual: import, the plot table, the dashboard, scenarios (filter plots in the table, then set an action), comparison, the printable report (without its map) and the table exports.',
  'map.none.hide': 'Hide',
  'map.none.show': 'Why is the full map missing?',
  'map.fallback.note':
    'Below is a simple flat map: drag to pan, wheel or + / − to zoom, click a plot for its details.',
  'map.fallback.zoomIn': 'Zoom in',
  'map.fallback.zoomOut': 'Zoom out',
  'map.fallback.fit': 'Whole city',
  'map.fallback.label': 'Simple flat map (no WebGL 2)',
  'map.needsMap': 'Needs the full map (WebGL 2), which this browser cannot show',
  'map.lost':
    'The map lost its graphics context (the computer slept or the graphics driver reset); restoring it…',
  'map.lost.gone': 'The map lost its graphics context and it did not come back: the full map cannot be shown',
  'map.pane.hide': 'Hide',
  'map.pane.legend.hide': 'Hide the legend to see the map under it',
  'map.pane.legend.show': 'Show the legend',
  'map.pane.side.hide': 'Hide the side panel',
  'map.pane.side.show': 'Show the side panel',
  'map.pane.card.hide': 'Hide the plot details to see the map under them',
  'map.pane.card.show': 'Show the plot details',
  'map.pane.targets.hide': 'Hide the targets to see the map under them',
  'map.pane.targets.show': 'Show the targets',
};

const MAP_CATALOGUES: Readonly<Record<Language, Readonly<Record<MapMessageKey, string>>>> = {
  'zh-CN': mapMessagesZh,
  en: mapMessagesEn,
};

/** The map message `key` in `language`, with `{name}` placeholders replaced from `values`. */
export function mapText(
  language: Language,
  key: MapMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(language, MAP_CATALOGUES[language][key], values);
}

/** The map message `key` in both languages, as the store keeps messages ({ zh, en }). */
export function mapMessage(
  key: MapMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): { zh: string; en: string } {
  return { zh: mapText('zh-CN', key, values), en: mapText('en', key, values) };
}

/**
 * Why a map could not start, from what MapLibre (or the browser) threw: no WebGL 2, or the first
 * sentence of the error (MapLibre's own words run on with a link), never a stack trace.
 */
export function mapStartProblem(error: unknown): { zh: string; en: string } {
  const text = error instanceof Error ? error.message : String(error);
  if (/webgl/i.test(text)) return mapMessage('map.none.title');
  const first = text.split(/(?<=\.)\s/)[0]?.trim() || text;
  return mapMessage('map.failed.title', { message: first });
}
