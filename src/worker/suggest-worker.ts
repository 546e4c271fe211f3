/** The suggestion worker: runs the plan suggestion (HiGHS as WebAssembly) off the page's thread. */

import { exposeWorkerApi } from './expose-worker-api.ts';
import { suggestApi } from './suggest-api.ts';

exposeWorkerApi(suggestApi, {
  failure: (message) => ({
    zh: `方案建议计算出错：${message}`,
    en: `The plan suggestion failed: ${message}`,
  }),
});
