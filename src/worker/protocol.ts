/**
 * Messages between the page and the analysis worker. Everything is structured-clonable; large lists
 * (plot rows, features) travel in chunks so that no single message makes the page stall while it
 * is copied in.
 */

import type { PlanAnalysis, PlotRow } from '../core/analysis/analyze-plan.ts';
import type { ReceivingZone } from '../core/scenario/types.ts';
import type { ZoneMeasures } from '../core/scenario/zone-measures.ts';
import type { AnalysisSettings } from '../core/settings.ts';
import type {
  Feature,
  FeatureCollection,
  LayerKind,
  Message,
  PlotProperties,
  Problem,
} from '../core/types.ts';
import type { PlotTileData } from './plot-map.ts';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What a source is loaded as: one of the plan's layers, or receiving zones added to the active
 * scenario (checked as a control-zone layer is; no layer of the plan changes).
 */
export type ImportKind = LayerKind | 'zones';

/** Canonical plot field → the file's column it is read from. */
export type ColumnMapping = Partial<Record<keyof PlotProperties, string>>;

/** What the import dialog shows of one source (a GeoJSON file, a shapefile, a KML) before it is accepted. */
export interface SourcePreview {
  sourceIndex: number;
  fileName: string;
  format: 'geojson' | 'shapefile' | 'kml';
  encoding?: { name: string; source: 'cpg' | 'ldid' | 'detected' };
  kind: ImportKind | null;
  kindReason: Message | null;
  columns: string[];
  mapping: ColumnMapping;
  ignoredColumns: { column: string; reason: Message }[];
  /** Features in the file. */
  featureCount: number;
  /** Features that would be loaded. */
  validCount: number;
  /** The coordinate system found or assumed, and what was done. */
  crs: Message | null;
  crsWarning: Message | null;
  /** Problems, errors first, at most MAX_PREVIEW_PROBLEMS of them. */
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  /** false when nothing of the file can be loaded (the dialog then offers only cancel). */
  ok: boolean;
}

export const MAX_PREVIEW_PROBLEMS = 500;

/**
 * Features or rows sent per message: each message is one task on the page (copying it in), which
 * should stay well under 100 ms on a slow office PC (1,000 took 35–90 ms in headless Chromium on a
 * shared 2-core machine, with a minor GC in most).
 */
export const CHUNK_SIZE = 500;

/** The layers in the order 'restore' sends their features (and the page takes them apart). */
export const RESTORED_ORDER: readonly LayerKind[] = ['boundary', 'control', 'plots'];

export interface PlanLayerSet {
  plots: FeatureCollection;
  boundary: FeatureCollection;
  control: FeatureCollection;
}

export type WorkerRequest =
  /** Replace the worker's copy of the plan's layers (after a restart) without analysing. */
  | { type: 'set-layers'; job: number; layers: PlanLayerSet }
  /** Open a plan: store its layers and analyse them. */
  | { type: 'open'; job: number; layers: PlanLayerSet; settings?: AnalysisSettings }
  /**
   * Open the autosaved plan: the worker reads its layers from IndexedDB, analyses them and sends
   * them to the page in 'features' messages (boundary, control, then plots).
   */
  | { type: 'restore'; job: number }
  /** Read dropped or picked files into sources and preview each. */
  | { type: 'read'; job: number; files: InputFile[] }
  /** Preview a source again as another layer kind or with another column mapping. */
  | { type: 'preview'; job: number; sourceIndex: number; kind: ImportKind; mapping: ColumnMapping }
  /** Measure receiving zones against the plan's layers (areas, new land, R2). */
  | { type: 'measure-zones'; job: number; zones: ReceivingZone[] }
  /** Load a source as `kind` in place of that layer, and analyse the plan. */
  | { type: 'accept'; job: number; sourceIndex: number; kind: LayerKind; mapping: ColumnMapping }
  /** Load a source's polygons as receiving zones: checked, reprojected, sent back; the plan stays as it is. */
  | { type: 'load-zones'; job: number; sourceIndex: number };

export type WorkerReply =
  | { type: 'progress'; job: number; progress: number; stage: Message }
  | { type: 'read'; job: number; previews: SourcePreview[]; problems: Problem[] }
  | { type: 'preview'; job: number; preview: SourcePreview }
  | { type: 'rows'; job: number; rows: PlotRow[] }
  | { type: 'features'; job: number; features: Feature[] }
  | {
      type: 'analysis';
      job: number;
      /** The layer that was replaced (its features came in 'features' messages), if any. */
      replaced: { kind: LayerKind; fileName: string; meta: Omit<FeatureCollection, 'features'> } | null;
      /**
       * After 'restore': each layer's members but its features, and how many features of the
       * 'features' messages are its own (boundary's first, then control's, then plots').
       */
      restored?: Record<LayerKind, { meta: Omit<FeatureCollection, 'features'>; count: number }>;
      /** The analysis without its rows (they came in 'rows' messages). */
      analysis: Omit<PlanAnalysis, 'rows'>;
      /** The plots as the map draws them, packed (see plot-map.ts); the buffers are transferred. */
      plotTiles: PlotTileData;
      plotMarkers: FeatureCollection<unknown, unknown>;
    }
  | { type: 'zone-measures'; job: number; measures: Record<string, ZoneMeasures> }
  /** The answer to 'restore' when no layers were saved (or they cannot be read). */
  | { type: 'nothing-saved'; job: number }
  /** The end of 'load-zones': the features came in 'features' messages. */
  | { type: 'zones-loaded'; job: number; fileName: string }
  | { type: 'error'; job: number; message: Message };
