/**
 * Peak memory of the page's renderer process (page and workers) while a large GeoJSON is imported:
 * the peak while the dialog previews it and the peak once it is loaded as the plots layer, read
 * from /proc/<pid>/status (VmHWM, reset through clear_refs before each step), in all and above
 * what the renderer held before the import (the sample plan on its map: about 360 MB). Linux only. After each
 * step, what each JavaScript context holds after a garbage collection (the page's own thread, the
 * analysis worker, the plot tile worker, MapLibre's worker): its heap and its array buffers.
 * Run: `npx tsx scripts/bench-import-memory.ts <file.geojson>` (a ~300 MB file takes minutes; a
 * county-sized one: `npm run make:sample -- --plots 172000 --out /tmp/172k` writes 95 MB of plots).
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

interface ContextMemory {
  name: string;
  heapBytes: number;
  bufferBytes: number;
}

/**
 * The heap and array buffers of the page and of each of its workers after a garbage collection,
 * through the browser's own protocol (each target attached in a session of its own).
 */
async function contextMemory(planner: Awaited<ReturnType<typeof openPlanner>>): Promise<ContextMemory[]> {
  const session = await planner.browser.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const answers = new Map<number, (result: Record<string, number>) => void>();
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
    if (reply.id !== undefined) answers.get(reply.id)?.(reply.result ?? {});
  });
  let nextId = 1;
  const memory: ContextMemory[] = [];
  for (const target of targetInfos.filter((info) => info.type === 'page' || info.type === 'worker')) {
    const { sessionId } = (await session.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    })) as { sessionId: string };
    const call = (method: string) =>
      new Promise<Record<string, number>>((resolve) => {
        const id = nextId++;
        answers.set(id, resolve);
        session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    const name =
      target.type === 'page' ? 'page' : (/([a-z-]+)-[\w-]+\.js$/.exec(target.url)?.[1] ?? target.url);
    memory.push({ name, heapBytes: usage.usedSize ?? 0, bufferBytes: usage.backingStorageSize ?? 0 });
    await session.send('Target.detachFromTarget', { sessionId });
  }
  await session.detach();
  return memory.sort((a, b) => a.name.localeCompare(b.name));
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
    let idle = 0;
    const report = (stage: string, bytes: number, started: number) =>
      console.log(
        `${stage.padEnd(26)} peak ${(bytes / MB).toFixed(0).padStart(5)} MB = ${(bytes / fileBytes).toFixed(2)}× the file,` +
          ` ${((bytes - idle) / MB).toFixed(0)} MB = ${((bytes - idle) / fileBytes).toFixed(2)}× above the page before` +
          `  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    const held = async (stage: string) => {
      for (const { name, heapBytes, bufferBytes } of await contextMemory(planner)) {
        const bytes = heapBytes + bufferBytes;
        console.log(
          `  ${stage} ${name.padEnd(18)} ${(bytes / MB).toFixed(0).padStart(5)} MB = ${(bytes / fileBytes).toFixed(2)}× the file` +
            ` (heap ${(heapBytes / MB).toFixed(0)} MB, buffers ${(bufferBytes / MB).toFixed(0)} MB)`,
        );
      }
    };
    // The sample plan's plausibility check runs after the legend shows: an import meanwhile would be refused.
    await page.waitForFunction(() => !window.__plannerInternals?.store.getState().job, null, {
      timeout: 300_000,
      polling: 500,
    });
    // What the worker warns about (a failed autosave of the layers) is part of the figures.
    for (const worker of page.workers())
      worker.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error')
          console.log(`worker: ${message.text()}`);
      });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2000)));
    idle = resident();
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
    await held('previewed:');
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
    await held('loaded:');
  } finally {
    await planner.close();
  }
}

await main();
