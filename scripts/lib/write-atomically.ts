/** Writing the command line's output files so that a failed run never leaves half a file behind. */

import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes `content` to `path` through a temporary file beside it, renamed into place when whole. */
export function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
