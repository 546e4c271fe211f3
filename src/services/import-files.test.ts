import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../core/io/import-limits.ts';
import { createPlannerStore } from '../state/store.ts';
import { importFiles } from './import-files.ts';

/** A picked file that says it is `size` bytes long and fails if the page tries to read it. */
function pickedFile(name: string, size: number): File {
  const file = new File([], name);
  Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(file, 'arrayBuffer', {
    value: () => Promise.reject(new Error(`${name} should not have been read`)),
  });
  return file;
}

describe('importFiles', () => {
  it('opens the dialog naming a file above the limit without reading it', async () => {
    const store = createPlannerStore();
    await importFiles(store, [pickedFile('全市地块.geojson', MAX_FILE_BYTES + 1024 * 1024)]);
    const session = store.getState().importSession;
    expect(session?.fileNames).toEqual(['全市地块.geojson']);
    expect(session?.previews).toEqual([]);
    expect(session?.problems.map((problem) => problem.code)).toEqual(['file-too-large']);
    expect(session?.problems[0]?.message.zh).toContain(
      '文件 全市地块.geojson 有 501 MB，超过可导入的上限 500 MB',
    );
    expect(store.getState().notice).toBeNull();
  });
});
