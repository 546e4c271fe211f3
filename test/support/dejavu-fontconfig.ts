/**
 * A Chromium with no Chinese system font: a fontconfig configuration that knows the DejaVu fonts and
 * nothing else (pass it as FONTCONFIG_FILE in the browser's environment).
 */

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannerOptions } from './planner-harness.ts';

export const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/** Why the DejaVu-only browser cannot run here, or null when it can. */
export const missingDejaVu = existsSync(join(DEJAVU, 'DejaVuSans.ttf'))
  ? null
  : `No DejaVu fonts in ${DEJAVU} (apt-get install fonts-dejavu-core).`;

/** Writes, in `folder`, a fontconfig configuration that knows the DejaVu fonts and nothing else; returns its path. */
export function dejaVuOnlyFontconfig(folder: string): string {
  const file = join(folder, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${DEJAVU}</dir>
  <cachedir>${join(folder, 'cache')}</cachedir>
</fontconfig>
`,
  );
  return file;
}

/**
 * The single-file app from file:// in a browser that knows DejaVu only (its fontconfig written in
 * `folder`), ready once the legend shows.
 */
export function dejaVuSingleFile(
  folder: string,
  viewport: { width: number; height: number },
): PlannerOptions {
  return {
    singleFile: true,
    browserEnv: { FONTCONFIG_FILE: dejaVuOnlyFontconfig(folder) },
    viewport,
    waitFor: 'legend',
    legendTimeoutMs: 90_000,
  };
}
