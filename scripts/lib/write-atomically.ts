/** Writing the command line's output files so that a failed run never leaves half a file behind. */

import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The temporary file beside `path` that an output is written to before it is renamed into place. */
export function partialPath(path: string): string {
  return `${path}.partial-${process.pid}`;
}

/** Writes `content` to `path` through a temporary file beside it, renamed into place when whole. */
export function writeAtomically(path: string, content: string): void {
  const temporary = partialPath(path);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Why an output file cannot be written there, in plain words, or null: checked before any work, so
 * that a wrong path is said at once (exit 2, nothing written) rather than as a system error at the end.
 * @param option the command-line option that names it, e.g. `--out`
 */
export function outputPathProblem(path: string, option: string): string | null {
  const folder = dirname(resolve(path));
  const kind = (at: string) => {
    try {
      return statSync(at).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'missing';
    }
  };
  if (kind(folder) !== 'folder')
    return `无法写入 ${option} ${path}：文件夹 ${folder} 不存在，请先创建它或换一个路径 / cannot write ${option} ${path}: the folder ${folder} does not exist; create it or choose another path`;
  if (kind(path) === 'folder')
    return `无法写入 ${option} ${path}：这是一个文件夹，请给出文件名 / cannot write ${option} ${path}: it is a folder; give a file name`;
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return `无法写入 ${option} ${path}：没有写入文件夹 ${folder} 的权限 / cannot write ${option} ${path}: no permission to write in the folder ${folder}`;
  }
  return null;
}
