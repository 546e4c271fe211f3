/**
 * What the import dialog shows of a source before it is accepted, and the load it is made of (kept,
 * so that accepting what the preview showed does not check 100,000 plots again). The file readers
 * are loaded on the first import: opening a plan does not need them (see import-readers.ts).
 */

import { limitChecks, type PlausibilitySummary } from '../core/checks/plausibility-checks.ts';
import type { ColumnMapping } from '../core/io/column-mapping.ts';
import type { LoadLayerResult } from '../core/io/load-layer.ts';
import type { LayerSource } from '../core/io/read-layer-files.ts';
import type { FeatureCollection, LayerKind, Message, Problem } from '../core/types.ts';
import { layerChecks } from './layer-checks.ts';
import { keptPacked } from './packed-layer.ts';
import type { StreamedPlots } from './stream-plot-source.ts';

/**
 * What a source is loaded as: one of the plan's layers, or receiving zones added to the active
 * scenario (checked as a control-zone layer is; no layer of the plan changes).
 */
export type ImportKind = LayerKind | 'zones';

/** What the import dialog shows of one source (a GeoJSON file, a shapefile, a KML) before it is accepted. */
export interface SourcePreview {
  sourceIndex: number;
  fileName: string;
  format: 'geojson' | 'shapefile' | 'kml';
  encoding?: { name: string; source: 'cpg' | 'ldid' | 'detected' };
  kind: ImportKind | null;
  kindReason: Message | null;
  columns: string[];
  /** Up to three distinct values of each column, shown beside the mapping before loading. */
  samples: Record<string, string[]>;
  mapping: ColumnMapping;
  ignoredColumns: { column: string; reason: Message }[];
  /** Features in the file. */
  featureCount: number;
  /** Features that would be loaded. */
  validCount: number;
  /** The coordinate system found or assumed, and what was done. */
  crs: Message | null;
  crsWarning: Message | null;
  /** The coordinate system chosen by hand (a code of crs-codes.ts), or null: detected. */
  crsChoice: string | null;
  /** The code of the coordinate system it is read in (chosen or detected); null when it cannot be read. */
  crsCode: string | null;
  /** Readings that would place the layer on Cixi, when its coordinate system stopped it. */
  crsProposals: { code: string; reason: Message }[];
  /** Problems, errors first, at most MAX_PREVIEW_PROBLEMS of them. */
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  /** false when nothing of the file can be loaded (the dialog then offers only cancel). */
  ok: boolean;
  /** The plausibility checks of what would be loaded (lists cut to a few examples); null when nothing would be. */
  checks: PlausibilitySummary | null;
}

/** Examples of each plausibility finding the dialog shows. */
const CHECK_EXAMPLES = 5;

export const MAX_PREVIEW_PROBLEMS = 500;

export type ImportReaders = typeof import('./import-readers.ts');
let importReaders: Promise<ImportReaders> | null = null;

/** The file readers, a chunk of their own loaded on the first import. */
export function loadImportReaders(): Promise<ImportReaders> {
  importReaders ??= import('./import-readers.ts');
  return importReaders;
}

/** The last load, reused when the user accepts what the preview showed (checking 100,000 plots takes seconds). */
let lastLoad: { source: LayerSource; key: string; result: LoadLayerResult } | null = null;

/** What the dialog shows of a source loaded in two readings, whose features were never kept (see keepStreamedLoad). */
const described = new WeakMap<
  LayerSource,
  { columns: string[]; firstFeatures: unknown[]; featureCount: number }
>();

/**
 * Keeps what the dialog shows of `source` and its load as plots with the suggested mapping, made in
 * two readings of its file (stream-plot-source.ts): its preview is then made from these, the same as
 * from its features.
 */
export function keepStreamedLoad(source: LayerSource, streamed: StreamedPlots): void {
  const { columns, firstFeatures, featureCount } = streamed;
  described.set(source, { columns, firstFeatures, featureCount });
  lastLoad = { source, key: loadKey('plots', streamed.mapping, null), result: streamed.load };
}

/** Lets go of the last load (before other files are read: it may be a large layer nobody loaded). */
export function forgetLastLoad(): void {
  lastLoad = null;
}

function loadKey(importKind: ImportKind, mapping: ColumnMapping, crsChoice: string | null): string {
  const kind: LayerKind = importKind === 'zones' ? 'control' : importKind;
  return `${kind}|${kind === 'plots' ? JSON.stringify(mapping) : ''}|${crsChoice ?? ''}`;
}

/** Whether loading `source` so would reuse the last load (its features as read are then not needed). */
export function isLastLoad(
  source: LayerSource,
  importKind: ImportKind,
  mapping: ColumnMapping,
  crsChoice: string | null,
): boolean {
  return lastLoad?.source === source && lastLoad.key === loadKey(importKind, mapping, crsChoice);
}

/**
 * Loads `source` as `importKind` with `mapping` (checked, reprojected, repaired), in the coordinate
 * system `crsChoice` names (null: detected); the last load is reused.
 */
export function loadSource(
  readers: ImportReaders,
  source: LayerSource,
  importKind: ImportKind,
  mapping: ColumnMapping,
  crsChoice: string | null = null,
): LoadLayerResult {
  // Receiving zones pass the checks of a control-zone layer: polygons, no attributes required.
  const kind: LayerKind = importKind === 'zones' ? 'control' : importKind;
  const key = loadKey(importKind, mapping, crsChoice);
  if (lastLoad?.source === source && lastLoad.key === key) return lastLoad.result;
  const crs = crsChoice === null ? null : readers.parseCrsCode(crsChoice);
  const loaded = readers.loadLayerFromSource(source, kind, {
    ...(kind === 'plots' ? { columnMapping: mapping } : {}),
    ...(crs ? { crs } : {}),
  });
  // Plots are kept with their polygons in typed arrays (packed-layer.ts), checked and loaded so.
  const result = loaded.ok && kind === 'plots' ? { ...loaded, layer: keptPacked(loaded.layer) } : loaded;
  lastLoad = { source, key, result };
  return result;
}

/**
 * The preview of `source` loaded as `kind` (null: not loaded, only described) with `mapping` (null:
 * the suggested one), with its plausibility checks (plots against `planBoundary`, the plan's).
 */
export function previewSource(
  readers: ImportReaders,
  source: LayerSource,
  sourceIndex: number,
  kind: ImportKind | null,
  mapping: ColumnMapping | null,
  kindReason: Message | null,
  crsChoice: string | null = null,
  planBoundary: FeatureCollection | null = null,
): SourcePreview {
  const streamed = described.get(source);
  const columns = streamed?.columns ?? readers.columnsOf(source.collection);
  const suggested = readers.suggestColumnMapping(columns);
  const chosenMapping = mapping ?? suggested.mapping;
  const result = kind ? loadSource(readers, source, kind, chosenMapping, crsChoice) : null;
  const problems = result ? sortProblems(result.problems) : [];
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const preview: SourcePreview = {
    sourceIndex,
    fileName: source.fileName,
    format: source.format,
    kind,
    kindReason,
    columns,
    samples: readers.columnSamples(
      streamed ? { features: streamed.firstFeatures } : source.collection,
      columns,
    ),
    mapping: chosenMapping,
    ignoredColumns: suggested.ignored,
    featureCount: streamed?.featureCount ?? countFeatures(source.collection),
    validCount: result?.ok ? result.layer.features.length : 0,
    crs: result?.ok ? withoutSentencesOf(result.crs.message, result.crs.warning) : null,
    crsWarning: result?.ok ? (result.crs.warning ?? null) : null,
    crsChoice,
    crsCode: result?.ok ? readers.crsCode(result.crs.crs) : null,
    crsProposals:
      result && !result.ok ? (result.crsProposals ?? []).map(({ code, reason }) => ({ code, reason })) : [],
    problems: problems.slice(0, MAX_PREVIEW_PROBLEMS),
    errorCount,
    warningCount: problems.length - errorCount,
    ok: Boolean(result?.ok && result.layer.features.length > 0),
    checks:
      kind && result?.ok && result.layer.features.length > 0
        ? limitChecks(
            layerChecks(result.layer, kind === 'zones' ? 'control' : kind, planBoundary),
            CHECK_EXAMPLES,
          )
        : null,
  };
  if (source.encoding) preview.encoding = source.encoding;
  return preview;
}

/**
 * `message` without the sentences of `warning`, which the dialog shows on their own (highlighted):
 * a detection's message repeats its warning (a contradicting .prj, data far from Cixi).
 */
export function withoutSentencesOf(message: Message, warning: Message | undefined): Message {
  if (!warning) return message;
  const drop = (text: string, sentences: string[], joiner: string) =>
    sentences
      .reduce((rest, sentence) => rest.replace(sentence, ''), text)
      .replace(/\s{2,}/g, joiner)
      .trim();
  return {
    zh: drop(message.zh, warning.zh.split(/(?<=。)/), ''),
    en: drop(message.en, warning.en.split(/(?<=\.) (?=[A-Z])/), ' '),
  };
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1) || a.featureIndex - b.featureIndex,
  );
}

function countFeatures(collection: unknown): number {
  const features = (collection as { features?: unknown } | null)?.features;
  return Array.isArray(features) ? features.length : 0;
}
