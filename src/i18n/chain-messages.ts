/**
 * Messages of town submissions (镇街上报): exporting a town's part and merging town files. zh-CN is
 * the reference: en must have every key (the type checks it).
 */

import { fillTemplate, type Language } from './messages.ts';

export const chainMessagesZh = {
  'chain.menu': '镇街上报…',
  'chain.title': '镇街上报',
  'chain.export.heading': '导出镇街部分',
  'chain.export.hint': '导出一个镇街的地块、措施、承接区块、指标调剂和直接指标，交镇街编制后上报。',
  'chain.export.town': '镇街',
  'chain.export.button': '导出',
  'chain.merge.heading': '合并镇街上报',
  'chain.merge.hint':
    '选择镇街上报的方案文件：合并前逐镇显示将替换的内容和全部冲突，逐镇确认。合并可一步撤销。',
  'chain.merge.choose': '选择上报文件…',
  'chain.merge.reading': '正在比对…',
  'chain.merge.changes': '{count} 处修改',
  'chain.merge.noChanges': '没有修改',
  'chain.merge.conflicts': '{count} 处冲突',
  'chain.merge.cityChanged': '上报文件生成后市级规划有改动',
  'chain.merge.decision': '处理',
  'chain.decision.pending': '待定（不合并）',
  'chain.decision.town': '接受，冲突处以镇街为准',
  'chain.decision.city': '接受，冲突处保留市级',
  'chain.decision.skip': '不合并',
  'chain.merge.apply': '合并已接受的镇街',
  'chain.merge.notApplied': '因指标余额为负，未合并',
  'chain.close': '关闭',
  'chain.item.plot': '地块',
  'chain.item.zone': '承接区块',
  'chain.item.transfer': '指标调剂',
  'chain.item.directQuota': '直接指标',
  'chain.none': '无',
  'chain.kind.city-changed': '市级也已修改',
  'chain.kind.outside-town': '镇外地块',
  'chain.kind.zone-overlap': '承接区块重叠',
  'chain.kind.unmatched-transfer': '调剂未对应',
  'chain.kind.negative-balance': '指标余额为负',
  'chain.done.export': '已导出“{town}”的上报文件 {file}（{plots} 个地块），请在浏览器的下载中查看。',
  'chain.done.merge': '已合并 {towns}：{changes} 处修改（可撤销）。',
  'chain.done.nothing': '所接受的镇街没有需要合并的修改。',
  'chain.label': '合并镇街上报（{towns}）',
} as const;

export type ChainMessageKey = keyof typeof chainMessagesZh;

export const chainMessagesEn: Record<ChainMessageKey, string> = {
  'chain.menu': 'Town submissions…',
  'chain.title': 'Town submissions',
  'chain.export.heading': "Export a town's part",
  'chain.export.hint':
    "Export one town's plots, actions, receiving zones, transfers and direct quota for the town to work on and submit.",
  'chain.export.town': 'Town',
  'chain.export.button': 'Export',
  'chain.merge.heading': 'Merge town submissions',
  'chain.merge.hint':
    'Choose the plan files the towns submitted: before anything changes, each town shows what it replaces and every conflict; accept town by town. The merge is one undo step.',
  'chain.merge.choose': 'Choose town files…',
  'chain.merge.reading': 'Comparing…',
  'chain.merge.changes': '{count} changes',
  'chain.merge.noChanges': 'No changes',
  'chain.merge.conflicts': '{count} conflicts',
  'chain.merge.cityChanged': 'The city plan changed since the part was made',
  'chain.merge.decision': 'Decision',
  'chain.decision.pending': 'Undecided (not merged)',
  'chain.decision.town': "Accept, the town's version on conflicts",
  'chain.decision.city': "Accept, the city's version on conflicts",
  'chain.decision.skip': 'Do not merge',
  'chain.merge.apply': 'Merge the accepted towns',
  'chain.merge.notApplied': 'Not merged: a quota balance would be negative',
  'chain.close': 'Close',
  'chain.item.plot': 'Plot',
  'chain.item.zone': 'Zone',
  'chain.item.transfer': 'Transfer',
  'chain.item.directQuota': 'Direct quota',
  'chain.none': 'none',
  'chain.kind.city-changed': 'Changed in the city too',
  'chain.kind.outside-town': 'Plot outside the town',
  'chain.kind.zone-overlap': 'Zones overlap',
  'chain.kind.unmatched-transfer': 'Transfer not matched',
  'chain.kind.negative-balance': 'Negative quota balance',
  'chain.done.export': 'Exported the part of {town} as {file} ({plots} plots); see the browser’s downloads.',
  'chain.done.merge': 'Merged {towns}: {changes} changes (can be undone).',
  'chain.done.nothing': 'The accepted towns have no changes to merge.',
  'chain.label': 'Merge town submissions ({towns})',
};

const CATALOGUES: Readonly<Record<Language, Readonly<Record<ChainMessageKey, string>>>> = {
  'zh-CN': chainMessagesZh,
  en: chainMessagesEn,
};

/** The message `key` in `language`, with `{name}` placeholders replaced from `values`. */
export function chainText(
  language: Language,
  key: ChainMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(language, CATALOGUES[language][key], values);
}

/** The message `key` in both languages (for notices and undo labels). */
export function chainMessage(
  key: ChainMessageKey,
  values: (language: Language) => Record<string, string | number> = () => ({}),
) {
  return { zh: chainText('zh-CN', key, values('zh-CN')), en: chainText('en', key, values('en')) };
}
