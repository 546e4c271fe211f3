/**
 * The one source of the sample label and the data credits: every surface (the header's badge, the
 * map's credit line, the map PNG, the report, the CSV/XLSX/GeoJSON exports, briefing) reads them
 * from the layers' origins here. While any layer is sample data the label is there, naming the
 * sample layers when the plan also holds others.
 */

import { describeCrs } from '../core/crs/crs.ts';
import { parseCrsCode } from '../core/crs/crs-codes.ts';
import {
  LAYER_KINDS,
  type LayerOrigin,
  type LayerOrigins,
  sampleKindsOf,
} from '../core/plan/layer-origins.ts';
import type { LayerKind } from '../core/types.ts';
import { formatCount, type Language, translate } from '../i18n/messages.ts';
import type { PlannerState } from './planner-state.ts';

/** Which of the plan's layers are sample data; `mixed` when the others are not (real, empty or unknown). */
export interface SampleData {
  kinds: LayerKind[];
  mixed: boolean;
}

let memo: { origins: LayerOrigins | null | undefined; sample: SampleData | null } | null = null;

/** The plan's sample layers, or null when none is sample data (the same object while the origins stay). */
export function selectSampleData(state: PlannerState): SampleData | null {
  const origins = state.layers?.origins;
  if (memo && memo.origins === origins) return memo.sample;
  const kinds = sampleKindsOf(origins);
  const sample = kinds.length === 0 ? null : { kinds, mixed: kinds.length < LAYER_KINDS.length };
  memo = { origins, sample };
  return sample;
}

/** A layer's name as the import dialog and the legend call it (工业用地地块, 城镇开发边界, 工业控制线). */
export function layerName(language: Language, kind: LayerKind): string {
  return translate(language, `import.kind.${kind}`);
}

/** Layer names joined as a list in `language` (、 in Chinese). */
export function layerNames(language: Language, kinds: readonly LayerKind[]): string {
  return kinds.map((kind) => layerName(language, kind)).join(translate(language, 'layers.listSeparator'));
}

/**
 * The sample label: 示例数据（虚构） when every layer is sample data, else naming the sample layers
 * (示例数据（虚构）：城镇开发边界、工业控制线).
 */
export function sampleLabelText(language: Language, sample: SampleData): string {
  return sample.mixed
    ? translate(language, 'layers.sampleSome', { layers: layerNames(language, sample.kinds) })
    : translate(language, 'app.sampleLabel');
}

/** The sample label in the page's language, or null when no layer is sample data. */
export function selectSampleLabel(state: PlannerState): string | null {
  const sample = selectSampleData(state);
  return sample ? sampleLabelText(state.language, sample) : null;
}

/**
 * The plan's part of the credits: each layer with its source file (地块：plots.zip › 地块.shp；…),
 * sample layers as 示例数据（虚构）, or only the sample label when every layer is sample data; null when
 * no origin is recorded.
 */
export function planCreditsText(language: Language, origins: LayerOrigins | null | undefined): string | null {
  const sample = sampleKindsOf(origins);
  if (sample.length === LAYER_KINDS.length) return translate(language, 'app.sampleLabel');
  const credits = LAYER_KINDS.flatMap((kind) => {
    const origin = origins?.[kind];
    if (!origin) return [];
    const source =
      origin.source === 'sample'
        ? translate(language, 'layers.origin.sample')
        : origin.files.join(translate(language, 'layers.listSeparator'));
    return [translate(language, 'layers.credit', { layer: layerName(language, kind), source })];
  });
  return credits.length === 0 ? null : credits.join(translate(language, 'layers.creditSeparator'));
}

/** The plan's credits in the page's language (see planCreditsText). */
export function selectPlanCredits(state: PlannerState): string | null {
  return planCreditsText(state.language, state.layers?.origins);
}

/**
 * One layer's origin in full, for the layer list: the sample, or its files, format, coordinate
 * system, feature count and import day; null: not recorded (or no layer).
 */
export function layerOriginText(language: Language, origin: LayerOrigin | undefined): string | null {
  if (!origin) return null;
  if (origin.source === 'sample') return translate(language, 'layers.origin.sample');
  const crs = origin.crs === null ? null : parseCrsCode(origin.crs);
  const crsText = crs ? describeCrs(crs)[language === 'en' ? 'en' : 'zh'] : (origin.crs ?? '—');
  return translate(language, 'layers.origin.file', {
    files: origin.files.join(translate(language, 'layers.listSeparator')),
    format: translate(language, `import.format.${origin.format}`),
    crs: crsText,
    count: formatCount(language, origin.featureCount),
    date: origin.importedAt.slice(0, 10),
  });
}
