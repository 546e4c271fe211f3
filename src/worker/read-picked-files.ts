/**
 * Files the user picked or dropped, read in the worker: the page sends the `File` objects (a handle,
 * not the bytes), and a large GeoJSON file is read here a few megabytes at a time and parsed as it
 * arrives, so that its bytes never exist whole, on the page or here. Other files are read whole
 * (shapefiles, archives and KML need their bytes together; a GeoJSON file that is not plain UTF-8
 * JSON is read again whole, for the exact messages of the ordinary reading).
 */

import { FeatureCollectionReader } from '../core/io/feature-collection-reader.ts';
import { fileTooLarge, MAX_FILE_BYTES } from '../core/io/import-limits.ts';
import { LARGE_GEOJSON_BYTES } from '../core/io/parse-large-geojson.ts';
import { type InputFile, unreadableFile } from '../core/io/read-layer-files.ts';
import type { Problem } from '../core/types.ts';

/** A file as the page gives it: a picked `File`, or bytes already read (tests, the command line). */
export type PickedFile = File | InputFile;

/** How much of a large file is read at a time. */
const SLICE_BYTES = 4 * 1024 * 1024;

function isGeoJsonName(name: string): boolean {
  return /\.(geo)?json$/i.test(name);
}

/**
 * The FeatureCollection of `file` read `sliceBytes` at a time, each slice let go once its features
 * are parsed; null when it is not one (see FeatureCollectionReader, which `pieceBytes` and
 * `onFeatures` are given to: with `onFeatures`, the features go to it and are not kept). That reader parses 4 MB of
 * features at a time with JSON.parse, whose arrays are exactly as long as they need to be: the
 * features take about 1.7 times the file (GeoJsonByteReader's grown arrays took 3.8 times).
 */
export async function readFeatureCollectionInPieces(
  file: Blob,
  {
    sliceBytes = SLICE_BYTES,
    ...options
  }: { sliceBytes?: number; pieceBytes?: number; onFeatures?: (features: unknown[]) => void } = {},
  onProgress: (fraction: number) => void = () => {},
) {
  const reader = new FeatureCollectionReader(options);
  for (let at = 0; at < file.size; at += sliceBytes) {
    reader.push(new Uint8Array(await file.slice(at, at + sliceBytes).arrayBuffer()));
    onProgress(Math.min(1, (at + sliceBytes) / file.size));
  }
  return reader.finish();
}

/**
 * The picked files as the file readers take them (`readLayerFiles`): a large GeoJSON
 * FeatureCollection already parsed (`collection`, no bytes), any other file's bytes; and the file
 * each collection parsed in pieces came from (`readInPieces`: it can be read again). A file that
 * cannot be read, or is larger than the limit, is a problem naming it (the latter unread).
 * `largeBytes` (from which size a GeoJSON file is read in pieces) and `sliceBytes` are for tests. `onProgress` gets the share of the bytes read.
 */
export async function readPickedFiles<Streamed extends { root: unknown } = never>(
  files: readonly PickedFile[],
  onProgress: (fraction: number) => void = () => {},
  {
    largeBytes = LARGE_GEOJSON_BYTES,
    sliceBytes = SLICE_BYTES,
    streamPlots,
  }: {
    largeBytes?: number;
    sliceBytes?: number;
    /** Loads a large clean plot layer in two readings (streamPlotSource), for the import dialog. */
    streamPlots?: (
      file: Blob,
      name: string,
      options: { sliceBytes: number },
      onProgress: (fraction: number) => void,
    ) => Promise<Streamed | null>;
  } = {},
): Promise<{
  inputs: InputFile[];
  problems: Problem[];
  readInPieces: Map<unknown, Blob>;
  /** The plot layers loaded in two readings, by their collection (which has no features). */
  streamed: Map<unknown, Streamed>;
}> {
  const inputs: InputFile[] = [];
  const problems: Problem[] = [];
  const readInPieces = new Map<unknown, Blob>();
  const streamed = new Map<unknown, Streamed>();
  const sizes = files.map((file) => (file instanceof Blob ? file.size : file.bytes.length));
  const total = Math.max(
    1,
    sizes.reduce((sum, size) => sum + size, 0),
  );
  let done = 0;
  for (const [index, file] of files.entries()) {
    const size = sizes[index] as number;
    if (!(file instanceof Blob)) inputs.push(file);
    else if (size > MAX_FILE_BYTES) problems.push(fileTooLarge(file.name, size));
    else {
      try {
        const large = isGeoJsonName(file.name) && size >= largeBytes;
        const progress = (share: number) => onProgress((done + share * size) / total);
        const plots =
          large && streamPlots ? await streamPlots(file, file.name, { sliceBytes }, progress) : null;
        if (plots) streamed.set(plots.root, plots);
        const collection =
          plots?.root ?? (large ? await readFeatureCollectionInPieces(file, { sliceBytes }, progress) : null);
        if (collection) readInPieces.set(collection, file);
        inputs.push(
          collection
            ? { name: file.name, bytes: new Uint8Array(0), collection }
            : { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        );
      } catch {
        problems.push(unreadableFile(file.name));
      }
    }
    done += size;
    onProgress(done / total);
  }
  return { inputs, problems, readInPieces, streamed };
}
