/**
 * Messages about the plan's layers and where they came from: the sample label naming sample layers,
 * the credits per layer, the plan menu (new empty plan, remove, replace, back to the sample), its
 * confirmations and notices, and the import dialog's question when the sample is open. zh-CN is
 * the reference: en must have every key (the type checks it).
 */

export const layerMessagesZh = {
  'layers.sampleSome': '示例数据（虚构）：{layers}',
  'layers.listSeparator': '、',
  'layers.creditSeparator': '；',
  'layers.credit': '{layer}：{source}',
  'layers.origin.sample': '示例数据（虚构）',
  'layers.fileMarker': '示例数据',
  'layers.sampleTag': '示例',
  'layers.origin.unknown': '来源未记录',
  'layers.origin.empty': '空',
  'layers.origin.file': '{files}（{format}，{crs}，{count} 个要素，{date} 导入）',
  'plan.menu': '规划',
  'plan.menu.title': '新建、移除或替换图层，回到示例规划',
  'plan.layers': '当前图层',
  'plan.new': '新建空白规划…',
  'plan.remove': '移除“{layer}”图层…',
  'plan.replace': '替换“{layer}”图层…',
  'plan.sample': '回到示例规划…',
  'plan.confirm.title': '请确认',
  'plan.confirm.ok': '确定',
  'plan.confirm.cancel': '取消',
  'plan.confirm.new':
    '新建空白规划：三个图层都清空，方案、汇报页和撤销记录也一并清除，无法撤销。如需保留当前规划，请先“保存规划”。',
  'plan.confirm.sample':
    '回到示例规划（虚构数据）：当前的图层、方案、汇报页和撤销记录都将被替换，无法撤销。如需保留当前规划，请先“保存规划”。',
  'plan.confirm.remove':
    '移除“{layer}”图层（{count} 个要素）后，地块分类将重新计算；方案中的措施保留。此操作无法撤销，可重新导入该图层。',
  'plan.done.new': '已新建空白规划。请用“导入图层”载入地块、城镇开发边界和工业控制线。',
  'plan.done.sample': '已回到示例规划。图层均为示例数据（虚构）。',
  'plan.done.remove': '已移除“{layer}”图层，地块分类已重新计算。',
  'import.sample.question': '当前规划含示例数据（虚构）。如何载入 {file}（{kind}，{count} 个要素）？',
  'import.sample.skipped': '（将跳过 {skipped} 个有问题的要素）',
  'import.sample.doneNewPlan': '已以 {file} 新建规划（{count} 个要素），其他图层为空，可用“导入图层”载入。',
  'import.sample.doneKept':
    '已将 {file} 载入为“{kind}”（{count} 个要素）。规划中仍有示例数据（虚构）：{others}。',
  'import.sample.newPlan': '以此图层新建规划',
  'import.sample.newPlanHint': '其他图层为空，可随后导入；方案、汇报页清空。',
  'import.sample.replace': '只替换示例的“{kind}”图层',
  'import.sample.replaceHint':
    '保留示例的{others}：它们是虚构的，地图、导出的图片、报告、表格和汇报都会注明“{label}”。',
} as const;

export type LayerMessageKey = keyof typeof layerMessagesZh;

export const layerMessagesEn: Record<LayerMessageKey, string> = {
  'layers.sampleSome': 'Sample data (fictitious): {layers}',
  'layers.listSeparator': ', ',
  'layers.creditSeparator': '; ',
  'layers.credit': '{layer}: {source}',
  'layers.origin.sample': 'sample data (fictitious)',
  'layers.fileMarker': 'sample-data',
  'layers.sampleTag': 'sample',
  'layers.origin.unknown': 'origin not recorded',
  'layers.origin.empty': 'empty',
  'layers.origin.file': '{files} ({format}, {crs}, {count} features, imported {date})',
  'plan.menu': 'Plan',
  'plan.menu.title': 'New plan, remove or replace a layer, back to the sample',
  'plan.layers': 'Layers',
  'plan.new': 'New empty plan…',
  'plan.remove': 'Remove the “{layer}” layer…',
  'plan.replace': 'Replace the “{layer}” layer…',
  'plan.sample': 'Back to the sample plan…',
  'plan.confirm.title': 'Please confirm',
  'plan.confirm.ok': 'OK',
  'plan.confirm.cancel': 'Cancel',
  'plan.confirm.new':
    'New empty plan: all three layers are emptied, and the scenarios, slides and undo history are cleared. This cannot be undone; save the plan first to keep it.',
  'plan.confirm.sample':
    'Back to the sample plan (fictitious data): the current layers, scenarios, slides and undo history are replaced. This cannot be undone; save the plan first to keep it.',
  'plan.confirm.remove':
    'Removing the “{layer}” layer ({count} features) classifies the plots again; the scenarios’ actions stay. This cannot be undone; you can import the layer again.',
  'plan.done.new':
    'A new empty plan is open. Load the plots, development boundaries and control lines with “Import layer”.',
  'plan.done.sample': 'The sample plan is open again. All its layers are sample data (fictitious).',
  'plan.done.remove': 'The “{layer}” layer was removed and the plots classified again.',
  'import.sample.question':
    'The plan holds sample data (fictitious). How should {file} ({kind}, {count} features) be loaded?',
  'import.sample.skipped': ' ({skipped} features with problems will be skipped)',
  'import.sample.doneNewPlan':
    'Started a new plan with {file} ({count} features); the other layers are empty, to be loaded with “Import layer”.',
  'import.sample.doneKept':
    'Loaded {file} as “{kind}” ({count} features). The plan still holds sample data (fictitious): {others}.',
  'import.sample.newPlan': 'Start a new plan with this layer',
  'import.sample.newPlanHint':
    'The other layers are empty, to be imported next; scenarios and slides are cleared.',
  'import.sample.replace': 'Replace only the sample’s “{kind}” layer',
  'import.sample.replaceHint':
    'The sample’s {others} stay: they are fictitious, and the map, exported images, report, tables and briefing all say “{label}”.',
};
