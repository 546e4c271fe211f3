/**
 * Messages of the plausibility checks (src/core/checks) in the import dialog and the plot table's
 * filters. zh-CN is the reference: en must have every key (the type checks it).
 */

export const checkMessagesZh = {
  'checks.title': '数据是否合理',
  'checks.none': '没有发现不合理之处：全部 {count} 个要素都在慈溪市县界内的陆地上{plotsClause}。',
  'checks.nonePlots': '，没有相互重叠或重复的地块，镇街也与所在开发边界一致',
  'checks.found': '发现以下可能不合理之处。它们不妨碍载入，但会影响结果，请在 GIS 软件中核对：',
  'checks.outsideCounty': '{count} 个要素在慈溪市县界之外',
  'checks.onWater': '{count} 个要素落在水面上（按底图海岸线，约 100 米精度，不含近年围垦）',
  'checks.townMismatch': '{count} 个地块的镇街与所在开发边界的镇街不符',
  'checks.overlapping': '{count} 对地块相互重叠，重叠面积共 {area}（重叠部分会被重复计算）',
  'checks.duplicate': '{count} 个地块与另一个地块的图形完全相同',
  'checks.examples': '例如：{examples}',
  'checks.townExample': '{id}（填的是{town}，位于{boundaryTown}的开发边界内）',
  'checks.overlapExample': '{a} 与 {b}（{area}）',
  'checks.duplicateExample': '{ids} 相同',
  'checks.afterLoad': '载入后可在“地块列表”中按这些问题筛选。',
  'checks.problemsNone': '格式与几何未发现错误',
  'table.checks': '数据检查',
  'table.check.outsideCounty': '县界外',
  'table.check.onWater': '水面上',
  'table.check.townMismatch': '镇街不符',
  'table.check.overlapping': '相互重叠',
  'table.check.duplicate': '重复图形',
  'table.check.count': '{label}（{count}）',
  'table.check.pending': '正在检查…',
} as const;

export const checkMessagesEn: Record<keyof typeof checkMessagesZh, string> = {
  'checks.title': 'Is the data plausible?',
  'checks.none':
    'Nothing implausible found: all {count} features lie on land inside the Cixi county outline{plotsClause}.',
  'checks.nonePlots': ', no plots overlap or repeat another, and every town matches its boundary',
  'checks.found':
    'Found the following that may be wrong. They do not stop the import, but they affect the results: check them in a GIS.',
  'checks.outsideCounty': '{count} feature(s) lie outside the Cixi county outline',
  'checks.onWater':
    '{count} feature(s) lie on water (by the base map’s coast, good to about 100 m, without recent reclamation)',
  'checks.townMismatch':
    '{count} plot(s) have a town other than that of the development boundary they lie in',
  'checks.overlapping': '{count} pair(s) of plots overlap, {area} in all (land under both is counted twice)',
  'checks.duplicate': '{count} plot(s) have exactly the geometry of another plot',
  'checks.examples': 'For example: {examples}',
  'checks.townExample': '{id} (says {town}, lies in a boundary of {boundaryTown})',
  'checks.overlapExample': '{a} and {b} ({area})',
  'checks.duplicateExample': '{ids} are the same',
  'checks.afterLoad': 'Once loaded, the plot table can be filtered by these findings.',
  'checks.problemsNone': 'no errors in format or geometry',
  'table.checks': 'Data checks',
  'table.check.outsideCounty': 'Outside the county',
  'table.check.onWater': 'On water',
  'table.check.townMismatch': 'Town mismatch',
  'table.check.overlapping': 'Overlapping',
  'table.check.duplicate': 'Duplicate',
  'table.check.count': '{label} ({count})',
  'table.check.pending': 'Checking…',
};
