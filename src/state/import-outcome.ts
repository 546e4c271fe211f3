/**
 * What an import records and says: the origin of a layer loaded from the import dialog (its files,
 * format, coordinate system, feature count, time), and the notice after it, which says when the
 * plan still holds sample layers and which.
 */

import { type FileOrigin, sourceFilesOf } from '../core/plan/layer-origins.ts';
import type { LayerKind, Message } from '../core/types.ts';
import { formatCount, type Language, translate } from '../i18n/messages.ts';
import type { SourcePreview } from '../worker/source-preview.ts';
import { layerName, layerNames } from './select-sample-data.ts';

/**
 * The origin of `preview`'s source loaded now.
 * @param pickedNames every file picked or dropped with it (a shapefile's loose parts are among them)
 */
export function fileOriginOf(
  preview: Pick<SourcePreview, 'fileName' | 'format' | 'crsCode' | 'validCount'>,
  pickedNames: readonly string[],
  now = new Date(),
): FileOrigin {
  return {
    source: 'file',
    files: sourceFilesOf(preview.fileName, pickedNames),
    format: preview.format,
    crs: preview.crsCode,
    featureCount: preview.validCount,
    importedAt: now.toISOString(),
  };
}

/**
 * The notice after a layer was loaded: into a new plan, or into the plan, naming the sample layers
 * that stay beside it (`keptSample`).
 */
export function importDoneMessage(
  preview: Pick<SourcePreview, 'fileName' | 'validCount'>,
  kind: LayerKind,
  into: 'plan' | 'new-plan',
  keptSample: readonly LayerKind[] | null,
): Message {
  const text = (language: Language) => {
    const values = {
      file: preview.fileName,
      kind: layerName(language, kind),
      count: formatCount(language, preview.validCount),
      others: keptSample ? layerNames(language, keptSample) : '',
    };
    if (into === 'new-plan') return translate(language, 'import.sample.doneNewPlan', values);
    return translate(language, keptSample ? 'import.sample.doneKept' : 'import.done', values);
  };
  return { zh: text('zh-CN'), en: text('en') };
}
