/**
 * Messages of the printable report (打印报告). zh-CN is the reference: en must have every key (the
 * type checks it). `reportText` reads this catalogue alone, so that the report needs nothing else.
 */

import { fillTemplate, type Language } from './messages.ts';

export const reportMessagesZh = {
  'report.menuItem': '打印报告',
  'report.dialog': '打印报告预览',
  'report.paper': '纸张',
  'report.paper.A4.portrait': 'A4 纵向',
  'report.paper.A4.landscape': 'A4 横向',
  'report.paper.A3.portrait': 'A3 纵向',
  'report.paper.A3.landscape': 'A3 横向',
  'report.print': '打印',
  'report.close': '关闭',
  'report.language': 'English',
  'report.preparing': '正在生成地图…',
  'report.hint': '在打印对话框中选择“另存为 PDF”即可保存为 PDF 文件；纸张与方向已按所选设置。',
  'report.title': '工业用地整合规划报告',
  'report.plan': '规划',
  'report.scenario': '情景方案',
  'report.date': '日期',
  'report.assumptions': '情景测算的假设为示例值，应按本地情况设置；指标为 2026 年累计值。',
  'report.section.targets': '一、2026 年目标完成情况',
  'report.section.chart': '二、逐年进展（2022—2026 年累计）',
  'report.section.map': '三、方案地图',
  'report.section.ledger': '四、用地指标收支（R3，亩）',
  'report.section.towns': '五、各镇街现状与整合措施',
  'report.section.notes': '说明',
  'report.col.indicator': '指标',
  'report.col.target': '2026 年目标',
  'report.col.value': '方案值',
  'report.col.met': '是否达标',
  'report.met': '达标',
  'report.notMet': '未达标',
  'report.target.atLeast': '≥ {value}',
  'report.target.ledger': '各镇街余额 ≥ 0',
  'report.target.violations': '0 个区块',
  'report.value.ledger': '全市 {balance}；余额为负的镇街 {count} 个',
  'report.value.violations': '{count} 个区块',
  'report.map.none': '地图尚未就绪，报告不含地图。',
  'report.map.unavailable': '本机浏览器无法使用 WebGL 2，不能绘制地图：报告不含地图，其余内容完整。',
  'report.map.failed': '地图生成失败：{message}',
  'report.col.town': '镇街',
  'report.col.plots': '地块数',
  'report.col.industrialMu': '工业用地（亩）',
  'report.col.statusGroup': '现状分类（块）',
  'report.col.actionGroup': '整合措施（块 / 亩）',
  'report.town.none': '未归属镇街',
  'report.town.city': '全市',
  'report.towns.note': '现状分类按地块计数；整合措施为本方案至 2026 年的地块数与面积，保留的地块不列。',
  'report.ledger.note': '余额 = 释放 + 重点项目 + 调入 − 调出 − 使用；余额为负的镇街以红色标出。',
  'report.credits': '数据来源',
} as const;

export type ReportMessageKey = keyof typeof reportMessagesZh;

export const reportMessagesEn: Record<ReportMessageKey, string> = {
  'report.menuItem': 'Print report',
  'report.dialog': 'Print report preview',
  'report.paper': 'Paper',
  'report.paper.A4.portrait': 'A4 portrait',
  'report.paper.A4.landscape': 'A4 landscape',
  'report.paper.A3.portrait': 'A3 portrait',
  'report.paper.A3.landscape': 'A3 landscape',
  'report.print': 'Print',
  'report.close': 'Close',
  'report.language': '中文',
  'report.preparing': 'Drawing the map…',
  'report.hint':
    'Choose "Save as PDF" in the print dialog to keep a PDF file; paper and orientation are set as chosen.',
  'report.title': 'Industrial Land Consolidation Report',
  'report.plan': 'Plan',
  'report.scenario': 'Scenario',
  'report.date': 'Date',
  'report.assumptions':
    'The scenario assumptions are example values, to be set to local figures; figures are cumulative to 2026.',
  'report.section.targets': '1. The 2026 targets',
  'report.section.chart': '2. Year by year (cumulative, 2022–2026)',
  'report.section.map': '3. Map of the scenario',
  'report.section.ledger': '4. Land quota ledger (R3, mu)',
  'report.section.towns': '5. Towns: baseline and actions',
  'report.section.notes': 'Notes',
  'report.col.indicator': 'Indicator',
  'report.col.target': 'Target 2026',
  'report.col.value': 'Scenario',
  'report.col.met': 'Met',
  'report.met': 'met',
  'report.notMet': 'not met',
  'report.target.atLeast': '≥ {value}',
  'report.target.ledger': 'every town ≥ 0',
  'report.target.violations': '0 zones',
  'report.value.ledger': 'city {balance}; {count} towns below zero',
  'report.value.violations': '{count} zones',
  'report.map.none': 'The map is not ready: the report has no map.',
  'report.map.unavailable':
    'This browser cannot use WebGL 2, so no map can be drawn: the report has no map; everything else is complete.',
  'report.map.failed': 'The map could not be drawn: {message}',
  'report.col.town': 'Town',
  'report.col.plots': 'Plots',
  'report.col.industrialMu': 'Industrial land (mu)',
  'report.col.statusGroup': 'Status (plots)',
  'report.col.actionGroup': 'Actions (plots / mu)',
  'report.town.none': 'No town',
  'report.town.city': 'Whole city',
  'report.towns.note':
    'Status counts plots; actions are the plots and area of this scenario up to 2026; kept plots are not listed.',
  'report.ledger.note':
    'Balance = released + key projects + in − out − used; towns below zero are marked in red.',
  'report.credits': 'Data sources',
};

const REPORT_CATALOGUES: Readonly<Record<Language, Readonly<Record<ReportMessageKey, string>>>> = {
  'zh-CN': reportMessagesZh,
  en: reportMessagesEn,
};

/** The report message `key` in `language`, with `{name}` placeholders replaced from `values`. */
export function reportText(
  language: Language,
  key: ReportMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(language, REPORT_CATALOGUES[language][key], values);
}
