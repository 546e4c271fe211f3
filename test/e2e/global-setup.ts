/**
 * The e2e project's global set-up: one build cache for the whole run, so that the app (and the
 * single file) is built once and not once per suite (test/support/build-app.ts reads it).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const cache = mkdtempSync(join(tmpdir(), 'planner-e2e-builds-'));
  // Read by the test files' processes, which start after this.
  process.env.E2E_BUILD_CACHE = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
