/**
 * From files dropped on the page or picked in the file dialog to the import dialog: read their
 * bytes, let the worker read and check them, and open the dialog with a preview of each source.
 */

import { fileTooLarge, MAX_FILE_BYTES } from '../core/io/import-limits.ts';
import type { InputFile } from '../core/io/read-layer-files.ts';
import type { PlannerStore } from '../state/store.ts';
import { readFiles } from './plan-jobs.ts';

/**
 * Reads `files` and opens the import dialog; the plan itself is not touched. A file above the
 * limit (import-limits.ts) is not read at all, only named in the dialog; the others' bytes move to
 * the worker (transferred, not copied), so the page holds no copy of them.
 */
export async function importFiles(store: PlannerStore, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const tooLarge = files.filter((file) => file.size > MAX_FILE_BYTES);
  const inputs: InputFile[] = await Promise.all(
    files
      .filter((file) => file.size <= MAX_FILE_BYTES)
      .map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  const read = inputs.length > 0 ? await readFiles(store, inputs) : { previews: [], problems: [] };
  if (!read) return;
  store.getState().setImportSession({
    fileNames: files.map((file) => file.name),
    previews: read.previews,
    problems: [...tooLarge.map((file) => fileTooLarge(file.name, file.size)), ...read.problems],
    accepted: [],
  });
}
