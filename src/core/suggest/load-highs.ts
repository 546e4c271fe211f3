/**
 * Loads HiGHS (the `highs` package: the HiGHS solver compiled to WebAssembly) once per thread. In Node
 * the package finds its highs.wasm itself; a page or worker bundled by Vite passes `locateFile`
 * returning the URL of the bundled wasm (`import wasmUrl from 'highs/runtime?url'`), so nothing is
 * ever fetched from another origin.
 */

import type { Highs } from 'highs';

/** How to find the WebAssembly binary: the `highs` loader's own options. */
export interface HighsInit {
  locateFile?: (file: string) => string;
  wasmBinary?: ArrayBuffer | ArrayBufferView;
}

let loading: Promise<Highs> | undefined;

/**
 * The HiGHS runtime, loaded on the first call (later calls share it; `init` counts only the first time).
 * @example const highs = await loadHighs(); highs.solve('Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd')
 */
export function loadHighs(init?: HighsInit): Promise<Highs> {
  if (!loading) {
    loading = import('highs').then((module) => module.default(init));
    // A failed load (a missing wasm) may be retried with other options.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
