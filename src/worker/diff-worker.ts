/**
 * The version-comparison worker (版本对比): analyses a saved plan file and the current plan and lists
 * what changed, away from the page's thread. Its operations are the table in diff-api.ts.
 */

import { diffApi } from './diff-api.ts';
import { exposeWorkerApi } from './expose-worker-api.ts';

exposeWorkerApi(diffApi, {
  failure: (message) => ({ zh: `版本对比时出错：${message}`, en: `The comparison failed: ${message}` }),
});
