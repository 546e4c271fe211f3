/**
 * Where each of a plan's layers came from: the bundled sample (示例数据（虚构）, invented) or a
 * user's file (its name, format, coordinate system, feature count and when it was imported). The
 * plan file keeps them in the optional member `layerOrigins` (read-layer-origins.ts); a plan without
 * it, or a layer without an entry, has an origin nobody recorded.
 */

import type { LayerKind } from '../types.ts';

/** The plan's layers in the order every list of them follows (plots first: they are the plan). */
export const LAYER_KINDS: readonly LayerKind[] = ['plots', 'boundary', 'control'];

/** A layer of the bundled sample plan: invented data, labelled 示例数据（虚构） wherever it is shown. */
export interface SampleOrigin {
  source: 'sample';
}

/** The file formats a layer is imported from (read-layer-files.ts). */
export type LayerFileFormat = 'geojson' | 'shapefile' | 'kml';

/** A layer imported from the user's file. */
export interface FileOrigin {
  source: 'file';
  /** The files read, as the import dialog names them (`plots.zip › 地块.shp`, or a shapefile's parts). */
  files: string[];
  format: LayerFileFormat;
  /** The coordinate system it was read in, as a code of crs-codes.ts (`EPSG:4528`); null: not recorded. */
  crs: string | null;
  /** Features loaded into the plan (features with errors of their own may have been left out). */
  featureCount: number;
  /** When it was imported, ISO 8601 (2026-12-05T08:00:00.000Z). */
  importedAt: string;
}

export type LayerOrigin = SampleOrigin | FileOrigin;

/** Each layer's origin; a layer without an entry is empty or of unknown origin. */
export type LayerOrigins = Partial<Record<LayerKind, LayerOrigin>>;

/** The origins of the bundled sample plan: every layer is sample data. */
export function sampleOrigins(): LayerOrigins {
  return { plots: { source: 'sample' }, boundary: { source: 'sample' }, control: { source: 'sample' } };
}

/**
 * The layers that are sample data, in LAYER_KINDS order.
 * @example sampleKindsOf({ plots: fileOrigin, boundary: { source: 'sample' } }) // ['boundary']
 */
export function sampleKindsOf(origins: LayerOrigins | null | undefined): LayerKind[] {
  return LAYER_KINDS.filter((kind) => origins?.[kind]?.source === 'sample');
}

/** `origins` with `kind`'s entry replaced by `origin` (null: removed, for an emptied layer). */
export function withOrigin(
  origins: LayerOrigins | null | undefined,
  kind: LayerKind,
  origin: LayerOrigin | null,
): LayerOrigins {
  const next: LayerOrigins = { ...origins };
  if (origin) next[kind] = origin;
  else delete next[kind];
  return next;
}

/**
 * The files a source was read from: its own name, and for a shapefile given as loose parts the
 * parts of the same name picked with it (`地块.dbf`, `地块.prj`, …). A source inside an archive
 * (`plots.zip › 地块.shp`) already names the archive.
 * @param sourceName the source's name as the import dialog shows it
 * @param pickedNames the names of every file picked or dropped together
 */
export function sourceFilesOf(sourceName: string, pickedNames: readonly string[]): string[] {
  if (sourceName.includes(' › ') || !/\.shp$/i.test(sourceName)) return [sourceName];
  const stem = sourceName.slice(0, -'.shp'.length).toLowerCase();
  const parts = pickedNames.filter(
    (name) => name !== sourceName && name.toLowerCase().replace(/\.[^.]+$/, '') === stem,
  );
  return [sourceName, ...parts];
}
