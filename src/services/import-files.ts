/**
 * From files dropped on the page or picked in the file dialog to the import dialog: read their
 * bytes, let the worker read and check them, and open the dialog with a preview of each source.
 */

import type { InputFile } from '../core/io/read-layer-files.ts';
import type { PlannerStore } from '../state/store.ts';
import { readFiles } from './plan-jobs.ts';

/** Reads `files` and opens the import dialog; the plan itself is not touched. */
export async function importFiles(store: PlannerStore, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const inputs: InputFile[] = await Promise.all(
    files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  const read = await readFiles(store, inputs);
  if (!read) return;
  store.getState().setImportSession({
    fileNames: files.map((file) => file.name),
    previews: read.previews,
    problems: read.problems,
    accepted: [],
  });
}
