/**
 * From files dropped on the page or picked in the file dialog to the import dialog: let the worker
 * read and check them, and open the dialog with a preview of each source.
 */

import { fileTooLarge, MAX_FILE_BYTES } from '../core/io/import-limits.ts';
import type { PlannerStore } from '../state/store.ts';
import { readFiles } from './plan-jobs.ts';

/**
 * Reads `files` and opens the import dialog; the plan itself is not touched. A file above the
 * limit (import-limits.ts) is not read at all, only named in the dialog; the others go to the worker
 * as `File` handles, which it reads itself (a large GeoJSON a few megabytes at a time), so that the
 * page never holds their bytes.
 */
export async function importFiles(store: PlannerStore, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const tooLarge = files.filter((file) => file.size > MAX_FILE_BYTES);
  const picked = files.filter((file) => file.size <= MAX_FILE_BYTES);
  const read = picked.length > 0 ? await readFiles(store, picked) : { previews: [], problems: [] };
  if (!read) return;
  store.getState().setImportSession({
    fileNames: files.map((file) => file.name),
    previews: read.previews,
    problems: [...tooLarge.map((file) => fileTooLarge(file.name, file.size)), ...read.problems],
    accepted: [],
  });
}
