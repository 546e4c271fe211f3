/**
 * Context layers (参考图层) from files the planner picks: read and placed in the worker like the
 * plan's layers, then added to the store in a neutral colour each, named after their file. The
 * plan's layers, figures and checks never see them.
 */

import { formatCount } from '../core/io/describe-feature.ts';
import { fileTooLarge, MAX_FILE_BYTES } from '../core/io/import-limits.ts';
import type { ContextLayer } from '../core/plan/read-context-layers.ts';
import type { Problem } from '../core/types.ts';
import { CONTEXT_COLORS } from '../map/palette.ts';
import type { PlannerStore } from '../state/store.ts';
import { readContextFiles } from './plan-jobs.ts';

/** The layer's name: the file's (or the archive member's) name without folders or extension. */
export function contextLayerName(fileName: string): string {
  const cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'), fileName.lastIndexOf('›'));
  const base = fileName.slice(cut + 1).trim();
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The next colour of the palette, the least used one first. */
function nextColor(used: readonly string[]): string {
  let best = CONTEXT_COLORS[0] as string;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const color of CONTEXT_COLORS) {
    const count = used.filter((other) => other === color).length;
    if (count < bestCount) {
      best = color;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads `files` as context layers and adds those that load; a notice lists what was added and
 * any problem (a file far from Cixi, features without geometry). Resolves to the number added.
 */
export async function importContextLayers(store: PlannerStore, files: readonly File[]): Promise<number> {
  if (files.length === 0) return 0;
  const tooLarge = files.filter((file) => file.size > MAX_FILE_BYTES);
  // The worker reads the files itself (the page holds no copy of their bytes).
  const inputs = files.filter((file) => file.size <= MAX_FILE_BYTES);
  const read = inputs.length > 0 ? await readContextFiles(store, inputs) : { layers: [], problems: [] };
  if (!read) return 0;
  const used = store.getState().contextLayers.map((layer) => layer.color);
  const added: ContextLayer[] = read.layers.map((layer) => {
    const color = nextColor(used);
    used.push(color);
    return {
      name: contextLayerName(layer.fileName),
      fileName: layer.fileName,
      color,
      visible: true,
      data: layer.data,
    };
  });
  if (added.length > 0) store.getState().addContextLayers(added);
  const problems: Problem[] = [
    ...tooLarge.map((file) => fileTooLarge(file.name, file.size)),
    ...read.problems,
  ];
  const lines = read.layers.map((layer) => ({
    zh: `已添加参考图层 ${contextLayerName(layer.fileName)}（${formatCount(layer.data.features.length)} 个要素）：${layer.crs.zh}`,
    en: `Added the context layer ${contextLayerName(layer.fileName)} (${formatCount(layer.data.features.length)} features): ${layer.crs.en}`,
  }));
  const shown = [...lines, ...problems.slice(0, 5).map((problem) => problem.message)];
  if (problems.length > 5)
    shown.push({
      zh: `另有 ${problems.length - 5} 条提示未列出。`,
      en: `${problems.length - 5} more notes not listed.`,
    });
  store.getState().setNotice({
    kind: added.length > 0 ? 'info' : 'error',
    message: {
      zh: [
        added.length > 0 ? '参考图层只用于对照，不参与任何计算。' : '没有添加参考图层。',
        ...shown.map((m) => m.zh),
      ].join('\n'),
      en: [
        added.length > 0
          ? 'Context layers are for reference only and enter no calculation.'
          : 'No context layer was added.',
        ...shown.map((m) => m.en),
      ].join('\n'),
    },
  });
  return added.length;
}
