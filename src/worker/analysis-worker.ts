/**
 * The analysis worker: reads imported files, checks them, and analyses the plan, so that the page
 * stays responsive with 100,000 plots. Its operations are the table in analysis-api.ts.
 */

import { analysisApi } from './analysis-api.ts';
import { exposeWorkerApi } from './expose-worker-api.ts';

exposeWorkerApi(analysisApi, {
  failure: (message) => ({ zh: `分析时出错：${message}`, en: `The analysis failed: ${message}` }),
});
