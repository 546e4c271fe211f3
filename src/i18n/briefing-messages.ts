/**
 * Messages of briefing mode (汇报模式) and of the slide list. zh-CN is the reference: en must have
 * every key (the type checks it). `briefingText` reads this catalogue alone. Only characters of
 * GB 2312 and ASCII: the bundled font covers nothing else.
 */

import { fillTemplate, type Language } from './messages.ts';

export const briefingMessagesZh = {
  'brief.enter': '汇报模式',
  'brief.enterTitle': '全屏放映汇报页（Esc 退出）',
  'brief.exit': '退出',
  'brief.exitTitle': '退出汇报模式（Esc）',
  'brief.next': '下一页',
  'brief.prev': '上一页',
  'brief.position': '{index} / {count}',
  'brief.noSlides': '当前视图',
  'brief.scenario': '方案：{name}',
  'brief.baselineScenario': '现状（基线）',
  'brief.swipe': '前后对比',
  'brief.swipeTitle': '左侧显示现状或另一方案，右侧显示本页方案；拖动分隔线对比',
  'brief.swipeLeft': '左侧',
  'brief.legend': '图例',
  'brief.highlight': '本页重点',
  'brief.boundary': '城镇开发边界',
  'brief.control': '工业控制线',
  'brief.targets': '2026 年目标',
  'brief.target': '目标 {value}',
  'brief.met': '已达标',
  'brief.notMet': '未达标',
  'brief.unit.mu': '{value} 亩',
  'brief.unit.wanPerMu': '{value} 万元/亩',
  'brief.keys': '← → 或 PageUp/PageDown 翻页，Esc 退出',
  'slides.tab': '汇报页',
  'slides.title': '汇报页',
  'slides.hint':
    '调整地图（位置、图层、方案、镇街、选中的地块）后点“记录当前视图”。汇报模式中用 ← →、PageUp/PageDown 或空格翻页，Esc 退出。',
  'slides.record': '记录当前视图',
  'slides.present': '开始汇报',
  'slides.empty': '还没有汇报页。',
  'slides.defaultCaption': '{town} · {scenario}',
  'slides.city': '全市',
  'slides.caption': '第 {number} 页标题',
  'slides.goTo': '转到',
  'slides.goToTitle': '在地图上显示这一页',
  'slides.up': '上移',
  'slides.down': '下移',
  'slides.delete': '删除',
  'slides.plots': '{count} 个重点地块',
  'slides.year': '截至 {year} 年底',
  'slides.layers': '图层：{layers}',
  'slides.layersNone': '无',
  'slides.layer.boundary': '边界',
  'slides.layer.control': '控制线',
  'slides.layer.plots': '地块',
  'slides.current': '当前',
  'slides.clear': '取消高亮',
  'slides.unknownScenario': '（方案已删除）',
  'slides.undo': '撤销：{label}',
} as const;

export type BriefingMessageKey = keyof typeof briefingMessagesZh;

export const briefingMessagesEn: Record<BriefingMessageKey, string> = {
  'brief.enter': 'Briefing',
  'brief.enterTitle': 'Present the slides full screen (Esc leaves)',
  'brief.exit': 'Exit',
  'brief.exitTitle': 'Leave briefing mode (Esc)',
  'brief.next': 'Next',
  'brief.prev': 'Previous',
  'brief.position': '{index} / {count}',
  'brief.noSlides': 'Current view',
  'brief.scenario': 'Scenario: {name}',
  'brief.baselineScenario': 'Current state (baseline)',
  'brief.swipe': 'Before / after',
  'brief.swipeTitle':
    "The baseline or another scenario on the left, this slide's scenario on the right; drag the divider to compare",
  'brief.swipeLeft': 'Left',
  'brief.legend': 'Legend',
  'brief.highlight': 'Highlighted',
  'brief.boundary': 'Development boundary',
  'brief.control': 'Industrial control line',
  'brief.targets': '2026 targets',
  'brief.target': 'target {value}',
  'brief.met': 'met',
  'brief.notMet': 'not met',
  'brief.unit.mu': '{value} mu',
  'brief.unit.wanPerMu': '{value} CNY 10k/mu',
  'brief.keys': '← → or PageUp/PageDown change slides, Esc leaves',
  'slides.tab': 'Slides',
  'slides.title': 'Briefing slides',
  'slides.hint':
    'Set up the map (position, layers, scenario, town, selected plots), then press "Record current view". In briefing mode ← →, PageUp/PageDown or Space change slides; Esc leaves.',
  'slides.record': 'Record current view',
  'slides.present': 'Present',
  'slides.empty': 'No slides yet.',
  'slides.defaultCaption': '{town} · {scenario}',
  'slides.city': 'Whole city',
  'slides.caption': 'Caption of slide {number}',
  'slides.goTo': 'Go to',
  'slides.goToTitle': 'Show this slide on the map',
  'slides.up': 'Move up',
  'slides.down': 'Move down',
  'slides.delete': 'Delete',
  'slides.plots': '{count} highlighted plots',
  'slides.year': 'as at the end of {year}',
  'slides.layers': 'Layers: {layers}',
  'slides.layersNone': 'none',
  'slides.layer.boundary': 'boundary',
  'slides.layer.control': 'control lines',
  'slides.layer.plots': 'plots',
  'slides.current': 'current',
  'slides.clear': 'Clear highlight',
  'slides.unknownScenario': '(scenario deleted)',
  'slides.undo': 'Undo: {label}',
};

const BRIEFING_CATALOGUES: Readonly<Record<Language, Readonly<Record<BriefingMessageKey, string>>>> = {
  'zh-CN': briefingMessagesZh,
  en: briefingMessagesEn,
};

/** The briefing message for `key` in `language`, with `{name}` placeholders replaced from `values`. */
export function briefingText(
  language: Language,
  key: BriefingMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(language, BRIEFING_CATALOGUES[language][key], values);
}
