/**
 * Peak memory of the page's renderer process (page and workers) while a large GeoJSON is imported:
 * the peak while the dialog previews it and the peak once it is loaded as the plots layer, read
 * from /proc/<pid>/status (VmHWM, reset through clear_refs before each step). Linux only.
 * Run: `npx tsx scripts/bench-import-memory.ts <file.geojson>` (a ~300 MB file takes minutes).
 */

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { openPlanner } from '../test/support/planner-harness.ts';

const MB = 1024 * 1024;

/** The renderer processes of the browser, as its own CDP reports them. */
async function rendererPids(planner: Awaited<ReturnType<typeof openPlanner>>): Promise<number[]> {
  const session = await planner.browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  await session.detach();
  return processInfo.filter((info) => info.type === 'renderer').map((info) => info.id);
}

function status(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

/** Resets the peak resident size of `pid` to its current size. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npx tsx scripts/bench-import-memory.ts <file.geojson>');
  const fileBytes = statSync(path).size;
  const planner = await openPlanner({ waitFor: 'legend', recordNetwork: false, legendTimeoutMs: 300_000 });
  try {
    const { page } = planner;
    const pids = await rendererPids(planner);
    const peak = () => Math.max(...pids.map((pid) => status(pid, 'VmHWM')));
    const resident = () => Math.max(...pids.map((pid) => status(pid, 'VmRSS')));
    const report = (stage: string, bytes: number, started: number) =>
      console.log(
        `${stage.padEnd(26)} peak ${(bytes / MB).toFixed(0).padStart(5)} MB = ${(bytes / fileBytes).toFixed(2)}× the file` +
          `  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2000)));
    const idle = resident();
    console.log(
      `file ${(fileBytes / MB).toFixed(0)} MB; renderer(s) ${pids.join(', ')} at ${(idle / MB).toFixed(0)} MB before`,
    );
    for (const pid of pids) resetPeak(pid);
    let started = performance.now();
    await page.setInputFiles('[data-testid="import-input"]', [path]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    const accept = dialog.locator('[data-testid="import-accept"]');
    await accept.waitFor({ timeout: 1_800_000 });
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="import-accept"]')?.hasAttribute('disabled'),
      null,
      {
        timeout: 1_800_000,
      },
    );
    report('preview (read + check)', peak(), started);
    for (const pid of pids) resetPeak(pid);
    started = performance.now();
    await accept.click();
    // The dialog closes once its only source is loaded; a failure shows a notice instead.
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="import-dialog"]') ||
        document.querySelector('.import-accepted'),
      null,
      { timeout: 1_800_000, polling: 1000 },
    );
    report('load + classify', peak(), started);
    console.log(`plan: ${JSON.stringify(await page.evaluate(() => window.__planner?.layerCounts()))}`);
    console.log(
      `notice: ${await page
        .locator('[data-testid="notice"]')
        .textContent()
        .catch(() => 'none')}`,
    );
    console.log(`resident after loading: ${(resident() / MB).toFixed(0)} MB`);
  } finally {
    await planner.close();
  }
}

await main();
