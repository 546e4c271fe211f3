/**
 * Messages of review mode (审阅模式), the review bundle export and comments (批注). zh-CN is the
 * reference: en must have every key (the type checks it).
 */

import { fillTemplate, type Language } from './messages.ts';

export const reviewMessagesZh = {
  'review.badge': '审阅模式',
  'review.badgeTitle': '这是审阅包：可以查看规划的全部内容并添加批注，不能修改规划。',
  'review.exportDone':
    '已导出审阅包 {file}（{size} MB）：用浏览器直接打开即可审阅，无需网络；审阅人的批注可导出为 .comments.json 发回。',
  'review.needsSingleFile':
    '无法导出审阅包：审阅包由单文件版制作。请使用单文件版（dist-single/index.html）导出，或把它以 planner-single.html 的名字放在本页旁边，或在命令行运行 npm run bundle -- --plan 规划.plan.json --out 审阅包.html。',
  'review.openFailed': '无法打开审阅包中的规划：\n{problems}',
  'comments.tab': '批注',
  'comments.title': '批注',
  'comments.none': '还没有批注。',
  'comments.noneHint': '在地图或表格中选中地块，或选一个镇街、承接区块或方案，然后写下批注。',
  'comments.target': '批注对象',
  'comments.targetPlot': '地块 {id}',
  'comments.targetZone': '承接区块“{name}”',
  'comments.targetTown': '镇街 {name}',
  'comments.targetScenario': '方案“{name}”',
  'comments.targetMissing': '（本规划中已没有）',
  'comments.chooseTarget': '请选择批注对象',
  'comments.text': '批注内容',
  'comments.add': '添加批注',
  'comments.textEmpty': '请写下批注内容。',
  'comments.author': '审阅人',
  'comments.askName': '请输入您的姓名（只问一次，保存在本浏览器中）：',
  'comments.nameOk': '确定',
  'comments.changeName': '更改姓名',
  'comments.open': '未处理',
  'comments.resolved': '已处理',
  'comments.resolve': '标为已处理',
  'comments.reopen': '重新打开',
  'comments.resolvedBy': '{name} 于 {time} 标为已处理',
  'comments.export': '导出批注（.comments.json）',
  'comments.exportNone': '还没有您的批注可导出。',
  'comments.exportDone': '已导出 {count} 条批注到文件 {file}，请把它发给规划编制人。',
  'comments.keepFailed': '批注无法保存在本浏览器中（存储已满或被禁用）：请现在导出批注文件。',
  'comments.import': '导入批注文件…',
  'comments.imported': '已从 {file} 导入 {added} 条批注（{known} 条已在规划中）。保存规划文件即可保留。',
  'comments.importedPlanDiffers':
    '注意：这些批注写于规划“{plan}”的审阅包，与当前规划不同，部分批注对象可能已不存在。',
  'comments.importFailed': '无法导入批注文件 {file}，规划保持不变：\n{problems}',
  'comments.filter.all': '全部',
  'comments.filter.open': '未处理',
  'comments.filter.resolved': '已处理',
  'comments.count': '{open} 条未处理，共 {total} 条',
  'comments.showOnMap': '在地图上查看',
  'comments.pinNowhere': '（不在地图上：方案批注，或对象已不存在）',
} as const;

export type ReviewMessageKey = keyof typeof reviewMessagesZh;

export const reviewMessagesEn: Record<ReviewMessageKey, string> = {
  'review.badge': 'Review mode',
  'review.badgeTitle':
    'This is a review bundle: everything of the plan can be looked at and commented on; nothing can be changed.',
  'review.exportDone':
    'Exported the review bundle {file} ({size} MB): it opens in a browser from disk, with no network; reviewers send their comments back as a .comments.json file.',
  'review.needsSingleFile':
    'Cannot export a review bundle: it is made from the single-file app. Export from the single file (dist-single/index.html), or put it beside this page as planner-single.html, or run npm run bundle -- --plan plan.plan.json --out review.html.',
  'review.openFailed': 'Cannot open the plan in this review bundle:\n{problems}',
  'comments.tab': 'Comments',
  'comments.title': 'Comments',
  'comments.none': 'No comments yet.',
  'comments.noneHint':
    'Select a plot on the map or in the table, or choose a town, zone or scenario, then write a comment.',
  'comments.target': 'Comment on',
  'comments.targetPlot': 'Plot {id}',
  'comments.targetZone': 'Receiving zone “{name}”',
  'comments.targetTown': 'Town {name}',
  'comments.targetScenario': 'Scenario “{name}”',
  'comments.targetMissing': '(no longer in this plan)',
  'comments.chooseTarget': 'Choose what to comment on',
  'comments.text': 'Comment',
  'comments.add': 'Add comment',
  'comments.textEmpty': 'Write the comment first.',
  'comments.author': 'Reviewer',
  'comments.askName': 'Your name (asked once, kept in this browser):',
  'comments.nameOk': 'OK',
  'comments.changeName': 'Change name',
  'comments.open': 'Open',
  'comments.resolved': 'Resolved',
  'comments.resolve': 'Mark resolved',
  'comments.reopen': 'Reopen',
  'comments.resolvedBy': 'Resolved by {name} on {time}',
  'comments.export': 'Export comments (.comments.json)',
  'comments.exportNone': 'You have no comments to export yet.',
  'comments.exportDone': 'Exported {count} comments to {file}; send it to the planner.',
  'comments.keepFailed':
    'The comments cannot be kept in this browser (storage full or blocked): export them to a file now.',
  'comments.import': 'Import comments file…',
  'comments.imported':
    'Imported {added} comments from {file} ({known} were in the plan already). Save the plan file to keep them.',
  'comments.importedPlanDiffers':
    'Note: these comments were written in a review bundle of the plan “{plan}”, which differs from this one; some of what they are about may be gone.',
  'comments.importFailed': 'Cannot import the comments file {file}; the plan is unchanged:\n{problems}',
  'comments.filter.all': 'All',
  'comments.filter.open': 'Open',
  'comments.filter.resolved': 'Resolved',
  'comments.count': '{open} open of {total}',
  'comments.showOnMap': 'Show on the map',
  'comments.pinNowhere': '(not on the map: a scenario comment, or what it is about is gone)',
};

const REVIEW_CATALOGUES: Record<Language, Record<ReviewMessageKey, string>> = {
  'zh-CN': reviewMessagesZh,
  en: reviewMessagesEn,
};

/** The review message `key` in `language`, with `{name}` placeholders replaced from `values`. */
export function reviewText(
  language: Language,
  key: ReviewMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(language, REVIEW_CATALOGUES[language][key], values);
}

/** The message `key` in both languages (for notices, which follow the language switch). */
export function reviewMessage(
  key: ReviewMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): { zh: string; en: string } {
  return { zh: reviewText('zh-CN', key, values), en: reviewText('en', key, values) };
}
